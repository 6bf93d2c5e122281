import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { classifyBlock, isFooterNote } from './cues.js';
import { isCountsLine, isRuleLine, lineBlocks } from './text-block.js';
import { mainText } from '../../domain/document.js';

test('a sworn statement: its colon-ended opening is the body\'s, its signature block and jurat are not', () => {
  const text = [
    'IN THE CIRCUIT COURT OF HARROW COUNTY',
    'STATE v. OSWIN PELL',
    'DECLARATION OF INSPECTOR MAREN QUILL',
    'I, Maren Quill, of full age, declare under penalty of perjury as follows:',
    'BACKGROUND',
    '1.   I have served as a customs inspector at the river port since 2017 and have examined more than 400 freight cars.',
    '2.   On the night of 3 May 2025 I found 26 crates of detonators hidden under a load of timber in car 7.',
    'Respectfully submitted,',
    '/s/ Maren Quill',
    'Customs Inspector',
    'Sworn before me on this 9th day of May, 2025, at the courthouse in Harrow, by the undersigned clerk.',
  ].join('\n\n');
  const [doc] = collectPlainText('declaration.txt', text);
  assert.match(mainText(doc!), /^I, Maren Quill, of full age/);
  assert.match(mainText(doc!), /under a load of timber in car 7\.$/);
});

test('a release: a masthead of fields closed by a rule is left out, and so is the contact footer under the last rule', () => {
  const text = [
    'HARBOUR STATISTICS OFFICE',
    'Fish landings, March 2026',
    'Issued:      2 April 2026',
    'Period:      March 2026',
    'Next issue:  7 May 2026',
    '------------------------------------------------------------',
    'KEY FIGURES',
    '*  Landings at the three ports came to 12,400 tonnes in March, 6% more than in February.',
    '*  Cod made up a third of the catch by weight.',
    '1. LANDINGS BY PORT',
    'North Quay handled the largest share of the catch, as it has done in every month since the new crane opened in 2023.',
    '------------------------------------------------------------',
    'Questions go to the Fisheries Statistics Unit on 0100 555 0199.',
    'Email: fish.stats@example.org',
  ].join('\n\n');
  const [doc] = collectPlainText('landings.txt', text);
  // The story opens at the first item's words, after its bullet.
  assert.match(mainText(doc!), /^Landings at the three ports/);
  assert.match(mainText(doc!), /since the new crane opened in 2023\.$/);
});

test('a record of debate: the first speaker\'s line that runs on into the motion below opens the story, the resolution under the vote closes it', () => {
  const text = [
    'Hansard - Scottish Parliament',
    'Ferry Services',
    'Volume 88: debated on Tuesday 4 February 2025',
    '2.05 pm',
    'Ms Rhona Baird (Westerly Isles) (SNP): I move,',
    'That the Parliament regrets the cancellation of 312 sailings to the islands last winter and calls on the Government to order two new vessels.',
    'Ms Baird: The islands have waited long enough. Some 40 businesses have told me they lost trade when the boats stopped.',
    'The motion was put and agreed to.',
    'Resolved,',
    'That the Parliament regrets the cancellation of 312 sailings to the islands last winter and calls on the Government to order two new vessels.',
    'Decision Time',
  ].join('\n\n');
  const [doc] = collectPlainText('ferries.txt', text);
  assert.match(mainText(doc!), /^Ms Rhona Baird \(Westerly Isles\) \(SNP\): I move,/);
  // The resolution's text repeats the motion as carried: the record of the vote, not another speech.
  assert.match(mainText(doc!), /The motion was put and agreed to\.$/);
});

test('a transcript: a bulleted note under the masthead\'s fields is the masthead\'s: the rule under it labels no list of key points', () => {
  const text = [
    'MINISTRY OF TRANSPORT',
    'Press Conference on the Port Strike',
    'Date: Monday, 3 March 2025',
    'Speaker: Deputy minister (on record)',
    '* Remarks were made in Greek. This English text is a courtesy translation; where the two differ, the Greek version is authoritative.',
    '--------------------------------------------------',
    'DEPUTY MINISTER: Thank you for coming. The strike has now lasted nine days and some 140 ships are waiting outside the harbour.',
    'Q: When will the talks resume?',
    'A: On Thursday, if the unions agree. We have offered a 4 percent rise.',
  ].join('\n\n');
  const [doc] = collectPlainText('strike.txt', text);
  assert.match(mainText(doc!), /^DEPUTY MINISTER: Thank you for coming\./);
  assert.match(mainText(doc!), /We have offered a 4 percent rise\.$/);
});

test('an export: rule lines stay lines of their own when wrapped lines are joined, and footnotes under a rule are kept', () => {
  assert.ok(isRuleLine('=========='));
  assert.ok(!isRuleLine('=====-----'));
  assert.ok(!isRuleLine('________)'));
  const lines = ['Collector: R. Vance | Exported 2026-02-01 10:00 UTC', '=================================================='];
  assert.equal(lineBlocks(lines.join('\n')).length, 2);

  const paper = [
    'The survey counted 38 abandoned vessels along the estuary, most of them fishing boats left after the 2019 storms.',
    '____________________',
    '[1] Counts from the harbour master\'s register of 2024.',
  ].join('\n\n');
  const [doc] = collectPlainText('paper.txt', paper);
  assert.match(mainText(doc!), /register of 2024\.$/);
});

test('back matter: a topics line, a report\'s author information and disclaimer, the error-report notice close the story', () => {
  const news = [
    'The ferry to the islands was cancelled for a third day on Friday as gales of up to 90 km/h swept the coast.',
    'The operator said 1,100 passengers had been rebooked onto sailings next week.',
    'Tags: ferries, weather, islands',
    'If you find a typo, highlight it and press Ctrl+Enter to tell the editors.',
  ].join('\n\n');
  const [a] = collectPlainText('ferry.txt', news);
  assert.match(mainText(a!), /rebooked onto sailings next week\.$/);

  const brief = [
    'Since 2022 the coastal authority has spent about 40 million euros on new sea walls, and a further 15 million is planned.',
    'Author Information',
    'Tamsin Orr, Analyst in Coastal Policy',
    'Disclaimer',
    'This brief was prepared for members of the assembly and does not represent the view of any party on the questions it covers.',
  ].join('\n\n');
  const [b] = collectPlainText('brief.txt', brief);
  assert.match(mainText(b!), /15 million is planned\.$/);
});

test('a post\'s counts line is furniture and is never joined to the post above it', () => {
  assert.ok(isCountsLine('replies 31 · reposts 1,250 · likes 4,008 · views 212K'));
  assert.ok(isCountsLine('💬 14 · 🔁 96 · ♥ 377'));
  assert.ok(isCountsLine('Likes: 12 | Shares: 3'));
  assert.ok(!isCountsLine('End of capture · 9 items · 1 deleted before capture'));
  assert.ok(!isCountsLine('Brief No. 14 · Page 2 of 6'));
  // A messenger's reactions: emoji and counts side by side, with no separator.
  assert.ok(isCountsLine('👍2.4K 😡318 😢41'));
  assert.ok(isCountsLine('❤ 1,204 🔥 77'));
  assert.ok(!isCountsLine('🔥 12 sites hit overnight'));
  assert.ok(isCountsLine('👍2.4K'));
  assert.ok(!isCountsLine('👍 2 tankers'));
  const post = [
    '#04 | X | Lena Morrow @lmorrow | 2026-03-02 09:15 UTC',
    'The ferry operator says 1,900 passengers were stranded overnight at the north terminal after the gale.',
    'replies 31 · reposts 1,250 · likes 4,008 · views 212K',
  ].join('\n');
  const blocks = lineBlocks(Array(4).fill(post).join('\n\n'));
  assert.ok(blocks.some((b) => b.text === 'replies 31 · reposts 1,250 · likes 4,008 · views 212K'));
  assert.deepEqual(classifyBlock({ start: 0, end: 0, text: '💬 14 · 🔁 96 · ♥ 377' }), { role: 'furniture', kind: 'footer' });
});

test('a printed page\'s running footer, address and header inside the story are furniture, not its end', () => {
  const page = (n: number, body: string): string =>
    `${body}\n\nCoastal Brief CB-0412 · Page ${n} of 2\nhttps://briefs.example.org\n\f`;
  const text =
    'Coastal Brief\n\n' +
    page(1, 'Since 2022 the coastal authority has spent about 40 million euros on new sea walls along the northern shore, where storms cut the road twice last winter.') +
    'Sea Walls on the Northern Shore\n\n' +
    'A further 15 million euros is planned for the southern shore, where work is due to begin next year if the assembly approves the budget in March.\n\n' +
    'Coastal Brief CB-0412 · Page 2 of 2\nhttps://briefs.example.org\n';
  const [doc] = collectPlainText('brief.txt', text);
  assert.match(mainText(doc!), /^Since 2022 the coastal authority/);
  assert.match(mainText(doc!), /approves the budget in March\.$/);
  const footer = doc!.boilerplate.find((b) => doc!.text.slice(b.start, b.end).includes('Page 1 of 2'));
  assert.equal(footer?.kind, 'footer');
});

test('a teleprinter message\'s zero-padded page counter inside the story is page furniture', () => {
  const text = [
    'HARBOUR 00000412  001 OF 002',
    '1. The harbour police counted 14 unauthorised landings on the north quay in March, twice the number of the month before.',
    'HARBOUR 00000412  002 OF 002',
    '2. The council will decide on two more patrol boats in May, once the budget for the year is known.',
  ].join('\n\n');
  const [doc] = collectPlainText('message.txt', text);
  const marker = doc!.boilerplate.find((b) => doc!.text.slice(b.start, b.end).includes('002 OF 002'));
  assert.equal(marker?.kind, 'footer');
  assert.match(mainText(doc!), /once the budget for the year is known\.$/);
});

test('a deck exported as text: the story starts at its slide\'s marker; markers and the numbered running footer are furniture', () => {
  const slide = (n: number, lines: string[]): string => [`Slide ${n} of 4`, ...lines, `HARBOUR ECONOMICS | For members only | ${n}`].join('\n');
  const text = [
    'HARBOUR ECONOMICS - SLIDES EXPORTED AS TEXT',
    '==============================',
    slide(1, ['FERRIES AFTER THE GALE', 'Members\' briefing | 4 March 2026']),
    '==============================',
    slide(2, ['Key points', '• Ferry traffic down about a fifth since January', '• 12 vessels laid up, 3 of them for good (port office)']),
    'Speaker notes:\nThe operators told us that they would rather lay ships up than run them half empty through the spring, and we think they mean it.',
    '==============================',
    slide(3, ['Outlook', '• Repairs to the north quay expected to take until summer, at a cost of about 8 million euros']),
    'Speaker notes:\nWe expect the port to ask the ministry for help before the summer timetable is printed, whatever the repairs cost in the end.',
    '==============================',
    slide(4, ['Questions?', 'ana.lind@harbour-economics.example']),
  ].join('\n\n');
  const [doc] = collectPlainText('deck.txt', text);
  assert.match(mainText(doc!), /^Slide 2 of 4\nKey points/);
  const footers = doc!.boilerplate.filter((b) => b.kind === 'footer').map((b) => doc!.text.slice(b.start, b.end));
  assert.ok(footers.some((f) => f.includes('HARBOUR ECONOMICS | For members only | 2')));
  assert.ok(footers.some((f) => f.includes('Slide 3 of 4')));
  assert.ok(!footers.some((f) => f.includes('12 vessels')));
});

test('a timeline\'s date lines, repeated in shape, are not page furniture', () => {
  const text = [
    'Harbour works: a timeline',
    'March 3, 2025',
    'The harbour authority approves a plan to deepen the northern channel by four metres at a cost of 40 million euros.',
    'March 17, 2025',
    'Dredging begins at the channel mouth, and two ferries are moved to the southern quay for the rest of the year.',
  ].join('\n\n');
  const [doc] = collectPlainText('timeline.txt', text);
  assert.ok(!doc!.boilerplate.some((b) => b.kind === 'footer' && doc!.text.slice(b.start, b.end).includes('March 17')));
});

test('a magazine Q&A: the standfirst over "Interview conducted by" and the box "ABOUT …" under the answers are left out, and so is the italic mark', () => {
  const text = [
    'THE LANTERN | World',
    '"We Count the Boats Every Night"',
    'A coast guard captain on the smugglers of the northern gulf, what they carry and why the patrols cannot keep up.',
    'Interview conducted by Ilse Brandt in Tromsø',
    '04.03.2026 • From THE LANTERN 10/2026',
    '*Captain Rune Aasgaard meets us on the quay at dawn, an hour after his cutter came back from a two-day patrol with 14 crew aboard and a seized dinghy in tow.*',
    '**LANTERN: How many boats cross in a month?**',
    '**Aasgaard:** In winter perhaps 40. In summer twice that, and we stop fewer than one in five of them before they reach the fjords.',
    '*This interview has been condensed and edited.*',
    'ABOUT RUNE AASGAARD',
    'Rune Aasgaard, 49, has commanded the cutter Skarv since 2021. He served 20 years in the navy before joining the coast guard.',
    'MORE ON THE SUBJECT',
    'The Night Crossings: How 300 Boats Slipped Past – By Ilse Brandt',
  ].join('\n\n');
  const [doc] = collectPlainText('lantern.txt', text);
  assert.match(mainText(doc!), /^Captain Rune Aasgaard meets us/);
  assert.match(mainText(doc!), /before they reach the fjords\.$/);
});

test('an "as told to" piece: the italic dek under the headline and the photograph credit are left out; the plain paragraphs are the story', () => {
  const text = [
    'HARBOURSIDE  |  LIVES  |  No. 12  |  3 March 2026',
    '"The Nets Came Up Empty"',
    '_A trawler skipper on the season the cod did not come back. Ansgar Holm, 54, talked to us in Bodø over a long weekend. As told to Petra Lind._',
    'Photograph: Ansgar Holm on the deck of his boat in the harbour, February 2026. (Jonas Eide for Harbourside)',
    'My grandfather fished these waters, and so did his father. I took over the boat in 1998 with a crew of six, and for twenty years we never came home with less than 30 tonnes a trip.',
    'Last winter we came home with four. I laid off two of the crew in January.',
  ].join('\n\n');
  const [doc] = collectPlainText('harbourside.txt', text);
  assert.match(mainText(doc!), /^My grandfather fished these waters/);
  assert.match(mainText(doc!), /two of the crew in January\.$/);
  assert.deepEqual(classifyBlock(lineBlocks('Photograph: a skipper mends a net on the quay (Jonas Eide)')[0]!), { role: 'furniture', kind: 'other' });
});

test('a caption under a bracketed "[Photo]" label above the first paragraph, and the update note under the story, are left out', () => {
  const text = [
    'THE MARSH GAZETTE',
    'Ferry crews strike for a second day as talks stall',
    'By Olga Brenner',
    'Published March 3, 2026 at 7:15 a.m.',
    '[Photo] Deckhand Pia Lund, 41, holds a picket sign at the terminal gate in Eastport on Monday, as ferries sat idle behind her. (Tom Ries/The Marsh Gazette)',
    'EASTPORT — About 300 ferry workers stayed off the job for a second day on Tuesday, leaving the island routes without service as talks between the union and the operator broke off again.',
    'The operator said it had offered a raise of 4 percent a year over three years, which the union called too little to cover the cost of housing on the islands.',
    'This article has been updated to include a statement from the operator.',
    'MORE FROM THE GAZETTE',
    'Harbour bridge closes for repairs',
  ].join('\n\n');
  const [doc] = collectPlainText('gazette.txt', text);
  assert.match(mainText(doc!), /^EASTPORT — About 300 ferry workers/);
  assert.match(mainText(doc!), /the cost of housing on the islands\.$/);
  assert.deepEqual(classifyBlock(lineBlocks('[Image: map] The island routes and the two terminals the strike has shut.')[0]!), { role: 'furniture', kind: 'other' });
  // A story's own sentence about a report that was updated is not the editor's note.
  assert.equal(isFooterNote(lineBlocks('The agency said its report was updated to include the March figures.')[0]!, null), false);
});

test('a memo\'s "Drafted by:" or "Classified by:" line above its first paragraph is header matter', () => {
  const text = [
    'MEMORANDUM FOR THE RECORD',
    'SUBJECT: HARBOUR SECURITY REVIEW',
    'REF: A. PORT 0231',
    'Drafted By: Deputy Harbour Master Ilse Varga for reasons of port security (b) and (d).',
    '1. Summary: The harbour police counted 14 unauthorised landings on the north quay in March, twice the number of the month before, and asked for two more patrol boats.',
    '2. The council will decide on the boats in May, once the budget for the year is known.',
  ].join('\n\n');
  const [doc] = collectPlainText('memo.txt', text);
  assert.match(mainText(doc!), /^1\. Summary: The harbour police/);
});

test('an italic paragraph under the dateline, or with no plain paragraph after it, opens the story', () => {
  const text = [
    'The Night Ferry',
    '_The ferry left the quay at midnight with 212 passengers and a crew of nine, an hour late because of the fog that had lain over the sound since the afternoon, and the captain kept her speed down past the skerries._',
    '_By dawn it had reached the island, where the harbour master counted 40 cars and six lorries coming off the ramp, and the first bus into town waited for the last of the foot passengers before it left._',
  ].join('\n\n');
  const [doc] = collectPlainText('ferry.txt', text);
  assert.match(mainText(doc!), /^The ferry left the quay at midnight/);
});

test('an asterism closes a release when only a line or two follows it, and marks a cut when the turns go on', () => {
  const release = [
    'COUNCIL OF THE ISLES',
    'The council heard conflicting figures today on the number of ferries laid up for the winter, which the harbour board put at 12 and the operators at 17.',
    'The representative of the operators said that fuel had risen by a third since the spring and that 400 crew had been laid off.',
    '* *** *',
    'For information media. Not an official record.',
  ].join('\n\n');
  const [doc] = collectPlainText('release.txt', release);
  assert.match(mainText(doc!), /400 crew had been laid off\.$/);

  const hearing = [
    'Chairman HOLM. The committee will come to order. We meet today to hear about the ferries, of which 12 are laid up for the winter and the rest run at half their usual timetable.',
    '* * * * *',
    'Mr. DAHL. How many crew have lost work?',
    'Ms. BERG. About 400, Congressman, most of them deckhands on the northern routes.',
    'Mr. DAHL. And how many will be hired back in the spring?',
    'Ms. BERG. Perhaps half of them, if the fuel price falls back to where it was last year.',
  ].join('\n\n');
  const [doc2] = collectPlainText('hearing.txt', hearing);
  assert.match(mainText(doc2!), /where it was last year\.$/);
});

test('an "Update:" with news goes on with a running story; an editor\'s update on the story closes it', () => {
  const para = 'The harbour board said that 12 ferries were laid up for the winter and that the operators had asked for a loan to keep the northern routes running until spring.';
  const running = [
    'Ferry strike, day two',
    para,
    'Update: The transport minister says two of the laid-up ferries will sail again on Friday under naval crews.',
    'Queues at the north terminal stretched for about 3 km this morning, and the police closed the coast road to trucks and buses until the evening rush at the terminal was over. Ticket offices stayed shut all day.',
  ].join('\n\n');
  const [doc] = collectPlainText('running.txt', running);
  assert.match(mainText(doc!), /Ticket offices stayed shut all day\.$/);

  const note = [
    'Ferry strike, day two',
    para,
    'Update: This article has been updated to include the minister\'s statement of Friday.',
    'Our reporters cover the islands from the harbour office. Send tips to the desk and follow the live coverage on the website, where every story of the strike is kept in one place for readers.',
  ].join('\n\n');
  const [doc2] = collectPlainText('note.txt', note);
  assert.match(mainText(doc2!), /keep the northern routes running until spring\.$/);
});

test('a statement opened by a dateline that names its agency and ministry, and ends in a colon, is the story\'s first line', () => {
  const text = [
    'RIVERLAND NEWS AGENCY',
    'Home | Latest | Statements',
    'Statement of the Spokeswoman for the Ministry of Water Resources',
    'Port Delle, May 3 (RNA) -- The spokeswoman for the Ministry of Water Resources of the Republic of Riverland issued the following statement on Tuesday:',
    'The reservoir on the upper river is full for the first time in nine years, and the dam will release water to the farms of the valley from next week.',
    'Farmers who registered their fields will receive their share by the end of the month.',
  ].join('\n\n');
  const [doc] = collectPlainText('statement.txt', text);
  assert.match(mainText(doc!), /^Port Delle, May 3 \(RNA\) -- The spokeswoman/);
  assert.match(mainText(doc!), /by the end of the month\.$/);
});

test('a plain-text tally: a colon-ended lead-in over lines of figures opens the story', () => {
  const text = [
    'EASTMOUTH PORT AUTHORITY',
    'The Port Authority reports that the ships handled in the first half of the year come to:',
    '- container ships — 1,412 (+6)',
    '- tankers — 388 (+1)',
    'Harbour masters said the new breakwater had shortened waiting times for the larger vessels, which now dock within a day.',
  ].join('\n');
  const [doc] = collectPlainText('tally.txt', text);
  assert.match(mainText(doc!), /^The Port Authority reports that/);
});

test('a press release: its "For immediate release" line is masthead; a short rule under the last paragraph closes off the contact footer, a link line is not the story', () => {
  const text = [
    'MERIDIAN SURVEY INSTITUTE',
    'Released: Monday, 2 March 2026',
    'For immediate release. Please credit "Meridian Monthly" when quoting these figures.',
    'Most residents back the new tram line',
    'Six in ten residents of the city support building the new tram line along the river, according to this month\'s Meridian Monthly survey of 1,010 adults.',
    'Support was highest among those under 30, at 71%, and lowest among drivers who commute daily.',
    'For the full tables and the questionnaire, click here.',
    '',
    '---',
    'Media contact: Press Office, Meridian Survey Institute, +1 555 0100',
    '(c) 2026 Meridian Survey Institute.',
  ].join('\n');
  const [doc] = collectPlainText('release.txt', text);
  assert.match(mainText(doc!), /^Six in ten residents/);
  assert.match(mainText(doc!), /drivers who commute daily\.$/);
});

test('a Markdown heading underlined with dashes is no rule: the short section under it stays the story', () => {
  const text = [
    'The ferry company carried 2.1 million passengers last year, a tenth more than the year before, and added two boats to the northern route.',
    'It plans to order a third boat once the new quay is finished next spring.',
    'Outlook',
    '---',
    'The company expects traffic to grow again this year.',
  ].join('\n');
  const [doc] = collectPlainText('ferry.md', text);
  assert.match(mainText(doc!), /expects traffic to grow again this year\.$/);
});

test('a release in numbered sections: the first section\'s heading is the story\'s, and so is its last section however it reads', () => {
  const text = [
    'Coast Guard Agency',
    'Press Releases > 2026',
    'Rescue off the northern cape (2nd report)',
    '1. Overview of the incident',
    '(1) At around 4:20 a.m. today a fishing vessel with 11 crew reported flooding in its engine room off the northern cape.',
    '(2) A patrol boat and a helicopter reached the vessel within 40 minutes and took all the crew aboard.',
    '2. Response of the Coast Guard Agency',
    '(1) The Coast Guard Agency set up a response office at 4:35 a.m.',
    '3. The Coast Guard Agency will keep the area under watch until the wreck has been towed to port.',
    '(End)',
    'Inquiries: Public Relations Office, Coast Guard Agency',
  ].join('\n');
  const [doc] = collectPlainText('rescue.txt', text);
  assert.match(mainText(doc!), /^1\. Overview of the incident/);
  assert.match(mainText(doc!), /towed to port\.$/);
});

test('in hard-wrapped text the story starts where its first sentence opens, not at a line that continues it', () => {
  const text = [
    'HARBOUR WATCH',
    '',
    'Quarterly bulletin, spring edition',
    '',
    '----------------------------------------------------------------------',
    'SUMMARY',
    '----------------------------------------------------------------------',
    ' 1. Grain exports through the southern ports rose sharply over the',
    '    winter. The port authority put the tonnage handled at some',
    '    412,000 by the end of March, against 300,000 a year earlier.',
    ' 2. Insurance premiums for ships calling at the ports fell by a third',
    '    after the new escort rules took effect in February of this year.',
    '',
  ].join('\n');
  const main = mainText(collectPlainText('bulletin.txt', text, {})[0]!);
  assert.ok(main.startsWith('1. Grain exports through the southern ports'), main.slice(0, 60));
});

test('an e-mailed newsletter: its sponsor line is masthead, its greeting opens the story above the rules between its items', () => {
  const text = [
    'From: The Canal Letter <letter@canal.example>',
    'Subject: Lock repairs | Barge traffic | Tolls',
    'Date: Thu, 6 Mar 2025 07:10:00 +0100',
    'THE CANAL LETTER',
    'Sponsored by Tidewater Pumps, trusted by 40 river authorities. Ask for a quote at tidewater.example.',
    'Good morning from Ghent. The quay outside the lock office is fenced off again, and the skippers waiting there are in no mood to hear about the repair schedule.',
    'In this edition:',
    '- Lock repairs run late',
    '- Barge traffic, by the numbers',
    '------------------------------------------------------------',
    '*LOCK REPAIRS RUN LATE*',
    'The regional waterways office said on Tuesday that the repairs to the main lock would take until June, two months longer than planned, because the new gates arrived late.',
    '------------------------------------------------------------',
    '*BARGE TRAFFIC*',
    'About 1,400 barges passed the lock in February, a fifth fewer than a year earlier, the office said.',
    '------------------------------------------------------------',
    'That\'s it for today.',
    'You are receiving this email because you signed up for The Canal Letter. Unsubscribe',
  ].join('\n\n');
  const [doc] = collectPlainText('canal.txt', text);
  assert.match(mainText(doc!), /^Good morning from Ghent\./);
  assert.match(mainText(doc!), /a year earlier, the office said\.$/);
});

test('a published speech: its salutation opens the story and its closing thanks end it, under the masthead and above the footer', () => {
  const text = [
    'MINISTRY OF TRANSPORT | REPUBLIC OF ESTLAND',
    'Home > Press > Speeches',
    'Remarks by the Minister of Transport at the Baltic Ports Conference',
    'Tallinn, 4 March 2026',
    'Check against delivery',
    'Madam Chair, Excellencies, dear colleagues,',
    'Good afternoon. It is a pleasure to speak in a hall so full of people who actually move goods rather than talk about moving them.',
    'Last year our ports handled 41 million tonnes of cargo, and the new rail link to the south will add capacity for another five million by 2028.',
    'Thank you.',
    '[This text is a translation. In case of discrepancy, the original prevails.]',
    'Print | Share',
    'Ministry of Transport, 12 Harbour Street, Tallinn | Copyright 2026. All rights reserved.',
  ].join('\n\n');
  const [doc] = collectPlainText('speech.txt', text);
  assert.match(mainText(doc!), /^Madam Chair, Excellencies, dear colleagues,\n/);
  assert.match(mainText(doc!), /another five million by 2028\.\n\nThank you\.$/);
});

/** Hard-wraps a paragraph at 68 columns, as an e-mail client does. */
const wrap = (p: string): string => p.replace(/(.{1,68})(?:\s+|$)/g, '$1\n').trimEnd();

test('an e-mailed research note: its header fields, the signature under "--" and the disclosures are out; its key points over a long section heading are in', () => {
  const text = [
    'From: Harbourside Research <notes@harbourside.example>\nTo: Commodities list <commod@harbourside.example>\nDate: Tue, 4 Mar 2025 07:02:44 +0000\nSubject: Grains weekly | Black Sea freight eases while wheat stocks\n tighten further',
    'HARBOURSIDE RESEARCH\nCommodities | Grains | 4 March 2025',
    'KEY POINTS\n' +
      wrap('- Freight rates from the Black Sea fell for a third week. We expect them to settle near current levels through the spring.').replace(/\n/g, '\n  ') + '\n' +
      wrap('- Wheat stocks in the main exporting countries are the lowest in a decade, and we see little relief before the northern harvest.').replace(/\n/g, '\n  '),
    'FREIGHT: RATES EASE AS MORE SHIPS RETURN TO THE ROUTE',
    wrap('Shipbrokers quoted the benchmark route at about 24 dollars a tonne last week, down from 31 dollars in January, as insurers cut their war-risk premiums and more owners sent bulk carriers back into the sea. Port queues at the main terminals have shortened to two or three days.'),
    wrap('We think most of the fall is behind us. Owners are still wary of the northern ports, and any new strike on a terminal would push premiums back up within days, as it did twice last year.'),
    'Mara Quill | Tobias Renn\nHarbourside Research',
    '--',
    'ANALYST CERTIFICATION AND IMPORTANT DISCLOSURES',
    wrap('Each analyst certifies that the views in this note are their own. Harbourside Markets Ltd is authorised and regulated in its home market. Past performance is no guide to future returns.'),
    wrap('This e-mail is confidential. If you received it in error, please tell the sender and delete it.'),
  ].join('\n\n');
  const blocks = lineBlocks(text);
  assert.ok(blocks.slice(0, 5).every((b) => b.hint === 'other'), 'the header\'s fields and the folded line are furniture, each a block');
  const [doc] = collectPlainText('grains.txt', text);
  assert.match(mainText(doc!), /^KEY POINTS\n- Freight rates from the Black Sea/);
  assert.match(mainText(doc!), /as it did twice last year\.$/);
});

test('a disclosures heading of a research note opens its back matter', () => {
  for (const label of ['Important disclosures', 'DISCLOSURE APPENDIX', 'Analyst certification', 'Regulatory disclosures'])
    assert.deepEqual(classifyBlock({ start: 0, end: label.length, text: label }), { role: 'tail', kind: 'disclosure' }, label);
});

test('an e-mail\'s signature under "-- " is out, however long it is', () => {
  const text = [
    'The ferry company said on Monday that crossings to the island would resume on Thursday once the new pontoon had been inspected and passed by the harbour engineer.',
    'Passengers holding tickets for the cancelled sailings can claim a refund at the terminal or online until the end of the month.',
    '-- ',
    'Lena Fairweather',
    'Communications officer, Island Ferries',
    'Telephone 0100 555 0199, weekdays from nine to five. Out of hours, call the duty office on 0100 555 0100, which can reach the harbour master and the engineer on call. Island Ferries is a company registered in the islands under number 40417 with its office at the Old Pier.',
    'This message and any attachment are intended only for the person to whom they are addressed. If you are not that person, please do not read, copy or pass them on, tell the sender at once by return, and delete the message from your system. Messages may be monitored for security and for training.',
  ].join('\n\n');
  const [doc] = collectPlainText('ferry.txt', text);
  assert.match(mainText(doc!), /until the end of the month\.$/);
});

test('an e-mail\'s header fields, a folded field\'s indented line among them, are furniture blocks, never joined to wrapped lines', () => {
  const text = [
    'From: Desk <desk@example.org>\nTo: List <list@example.org>\nSubject: The weekly note on river freight, with a long subject that\n folds onto a second line\nDate: Mon, 3 Mar 2025 08:00:00 +0000',
    wrap('River freight picked up again in February as the ice cleared from the upper reaches, and the barge operators said bookings for March were already above last year\'s.'),
    wrap('Operators warned that low water in the summer could undo the gains, as it did in two of the past three years, when barges sailed half laden for weeks.'),
  ].join('\n\n');
  const blocks = lineBlocks(text);
  assert.deepEqual(blocks.slice(0, 5).map((b) => b.hint), ['other', 'other', 'other', 'other', 'other']);
  assert.match(blocks[5]!.text, /^River freight picked up again in February .* last year's\.$/);
});

test('key points over the story\'s first section, whose heading is long, open the story', () => {
  const text = [
    'GRAINS WEEKLY',
    'KEY POINTS',
    '- Freight rates from the Black Sea fell for a third week, and we expect them to hold near current levels.',
    '- Wheat stocks in the main exporting countries are the lowest in a decade.',
    'FREIGHT: RATES EASE AS MORE SHIPS RETURN TO THE ROUTE',
    'Shipbrokers quoted the benchmark route at about 24 dollars a tonne last week, down from 31 dollars in January, as insurers cut their war-risk premiums and more owners sent bulk carriers back.',
  ].join('\n\n');
  const [doc] = collectPlainText('grains.txt', text);
  assert.match(mainText(doc!), /^KEY POINTS\n\n- Freight rates/);
});

test('a digest\'s bracketed note closing its last section is the story\'s when its sections carry the same note; a lone direction under it is not', () => {
  const text = [
    'RIVER TRAFFIC DIGEST',
    'PORTS',
    'The port authority said barge arrivals rose to about 420 last week as the ice broke up on the upper river and the locks reopened.',
    '[Desk note: Shipping agents have questioned the authority\'s counts before, saying it includes empty barges moved between berths.]',
    'LOCKS',
    'The waterways office said the repairs to the main lock would finish by the end of the month, a week later than it had promised.',
    '[Desk note: The office has missed each of its last three deadlines for the works, by between one and four weeks.]',
    '(Compiled by the river desk)',
  ].join('\n\n');
  const [doc] = collectPlainText('river.txt', text);
  assert.match(mainText(doc!), /by between one and four weeks\.\]$/);
});

test('a report\'s closing acknowledgement of its participants and funders is end matter, not its last paragraph', () => {
  const text = [
    'ROUNDTABLE REPORT',
    'The roundtable brought together port operators, insurers and two former transport ministers to discuss how grain exports could be kept moving through the winter.',
    'Most participants expected freight rates to stay high until insurers saw a full quarter without strikes on the terminals.',
    'The Institute thanks the participants for their time. The meeting was made possible by a grant from a private foundation, whose staff had no part in choosing the speakers.',
  ].join('\n\n');
  const [doc] = collectPlainText('roundtable.txt', text);
  assert.match(mainText(doc!), /a full quarter without strikes on the terminals\.$/);
});

test("a roundup's staff credit under each item is an aside inside the story; a sentence opening \"Reported by\" is prose", () => {
  assert.deepEqual(classifyBlock({ text: '(Reporting by Ilse Varga in Gdansk; Editing by Tom Reddick)', start: 0, end: 60 }), { role: 'furniture', kind: 'footer' });
  assert.deepEqual(classifyBlock({ text: '(Writing by Arno Pelt)', start: 0, end: 22 }), { role: 'furniture', kind: 'footer' });
  assert.deepEqual(classifyBlock({ text: 'Additional reporting by Sune Holm; editing by Kai Brandt', start: 0, end: 56 }), { role: 'furniture', kind: 'footer' });
  assert.deepEqual(classifyBlock({ text: 'Reported by the port authority on Tuesday, the figures show 14 ships were held at anchor for more than a day.', start: 0, end: 108 }), { role: 'prose' });
  const text = [
    'Ferry traffic resumes after storm',
    'TALLINN, March 3 (Balticwire) - Ferries between Tallinn and Helsinki sailed again on Monday after a storm that kept 40 ships in port for two days, the port authority said.',
    '(Reporting by Ilse Varga; Editing by Tom Reddick)',
    'Latvia opens new border post',
    'RIGA, March 3 (Balticwire) - Latvia opened a border post with 12 lanes for lorries on its eastern frontier on Monday, the interior ministry said.',
  ].join('\n\n');
  const [doc] = collectPlainText('roundup.txt', text);
  const credit = text.indexOf('(Reporting');
  assert.ok(doc!.main.start < credit && doc!.main.end > credit);
  assert.ok(doc!.boilerplate.some((b) => b.kind === 'footer' && b.start === credit));
});

test('a news-in-brief roundup starts at its first item\'s headline, under the note that says when the items moved', () => {
  const text = [
    'BALTICWIRE DIGEST',
    'Ports and borders: the week in brief',
    'Friday, March 7, 2025 | 3 items',
    'These items ran on the Balticwire regional services during the week and are collected here as they first moved.',
    'Storm shuts ferries for two days',
    'TALLINN, March 3 (Balticwire) - Ferries between Tallinn and Helsinki sailed again on Monday after a storm that kept 40 ships in port, the port authority said.',
    'Latvia opens lorry crossing',
    'RIGA - Latvia opened a border post with 12 lanes for lorries on its eastern frontier, the interior ministry said on Wednesday.',
    'Lithuanian rail freight falls',
    'VILNIUS, March 6 (Balticwire) - Rail freight fell by a fifth in February from a year earlier, the state railway said on Thursday.',
  ].join('\n\n');
  const [doc] = collectPlainText('digest.txt', text);
  assert.match(mainText(doc!), /^Storm shuts ferries for two days\n/);
  assert.match(mainText(doc!), /the state railway said on Thursday\.$/);
});

test('one story under its headline and dateline keeps its start at the dateline paragraph', () => {
  const text = [
    'Storm shuts ferries for two days',
    'TALLINN, March 3 (Balticwire) - Ferries between Tallinn and Helsinki sailed again on Monday after a storm that kept 40 ships in port, the port authority said.',
    'The authority said 12,000 passengers had been rebooked and that freight would take the rest of the week to clear, with lorries queuing on both sides.',
  ].join('\n\n');
  const [doc] = collectPlainText('story.txt', text);
  assert.match(mainText(doc!), /^TALLINN, March 3/);
});

test('a closing line where the outlet asks for comment or is told something is the story\'s, a line about the outlet is not', () => {
  const line = (text: string): boolean => isFooterNote({ text, start: 0, end: text.length }, 'Harbour Wire');
  assert.equal(line('Harbour Wire contacted the shipping company for comment but received no reply.'), false);
  assert.equal(line('Harbour Wire could not independently verify the footage.'), false);
  assert.equal(line('A port official told Harbour Wire the cranes would be repaired by May.'), false);
  assert.equal(line('Harbour Wire is an independent newsroom funded by its readers.'), true);
  assert.equal(line('More from Harbour Wire: the week in shipping.'), true);
});

test('a "Click here to see …" pointer above a report is header matter; its key points start the story', () => {
  const text = [
    'Harbour Research Group',
    'Port Traffic Assessment, April 2, 2025',
    'Click here to see our interactive map of the northern ports. The map is updated every week with the figures in this report.',
    'Key Points:',
    '• Container traffic at the three northern ports fell by about 8 percent in March as two cranes were out of service.',
    '• Ferry traffic recovered after the storms of February, with 41 sailings a day on the main routes.',
    'Container traffic',
    'Container traffic at the three northern ports fell by about 8 percent in March from February, the port authorities reported, as two of the largest cranes at the North Quay were out of service for most of the month.',
  ].join('\n\n');
  const [doc] = collectPlainText('ports.txt', text);
  assert.match(mainText(doc!), /^Key Points:\n/);
});

test('a data cutoff line above an assessment is header matter', () => {
  const text = [
    'Harbour Research Group',
    'Port Traffic Assessment, April 2, 2025',
    'Data Cutoff: 1pm on April 2. Later sailings will be covered in the next assessment.',
    'Container traffic at the three northern ports fell by about 8 percent in March from February, the port authorities reported, as two of the largest cranes were out of service.',
    'Ferry traffic recovered after the storms of February, with 41 sailings a day on the main routes.',
  ].join('\n\n');
  const [doc] = collectPlainText('ports.txt', text);
  assert.match(mainText(doc!), /^Container traffic/);
});

test('a newsletter\'s sponsor label and its pitch to a forwarded reader open a promotion; a question about forwarding in a story does not', () => {
  const role = (text: string): unknown => classifyBlock({ start: 0, end: text.length, text });
  for (const label of ['Sponsored by Tidewater Charts', 'Presented by the Harbour Fund', 'Forwarded this? Subscribe', 'Was this email forwarded to you? Sign up here.', 'Partner content'])
    assert.deepEqual(role(label), { role: 'tail', kind: 'promo' }, label);
  for (const line of ['Who forwarded the memo?', 'Sponsored by whom, and why?', 'The council forwarded the request to the ministry.'])
    assert.notDeepEqual(role(line), { role: 'tail', kind: 'promo' }, line);
});

test('quoted lines read with their ">" marks as spaces still wrap: an indented line right below runs on', () => {
  const quoted = [
    '    The convoy left the depot before dawn and reached the river crossing by',
    '    nine, where engineers had laid a second bridge for the heavier trucks and',
    '    the fuel tankers that followed them across in the early afternoon.',
    '',
    '    About 40 trucks crossed before noon, the engineers said, and the rest',
    '    waited on the western bank until the second bridge was ready for them',
    '    in the evening, when the rain had stopped and the river had fallen.',
    '',
    '    The crossing was closed again the next morning, when a barge loosened',
    '    from its moorings upstream struck the first bridge and the engineers',
    '    pulled the last of their boats out of the water.',
  ].join('\n');
  assert.deepEqual(lineBlocks(quoted).map((b) => b.text.slice(0, 9)), ['The convo', 'About 40 ', 'The cross']);
});

test('a ministry release: its header fields, the headline\'s sub-title lines, the attachments list and the translation disclaimer are out; its first marked section heading is in', () => {
  const text = [
    'Ministry of Fisheries | Press Release',
    'Embargo: 2025. 6. 2.(Mon) 10:00',
    'Contact person: Deputy Director Han Seo-yun (044-200-5512)',
    'Ministry publishes first count of foreign trawlers seized this year',
    ' - Coast guard seized 14 trawlers by the end of May, twice last year\'s count',
    ' - Fines of KRW 3.2 billion imposed on their owners in the same period',
    '■ Overview',
    '○ The coast guard seized 14 foreign trawlers fishing illegally in the exclusive economic zone between January and May, the ministry said in its first count of the year.',
    '■ Fines and follow-up',
    '○ Owners of the seized vessels were fined a total of KRW 3.2 billion, and 6 of the vessels remain impounded at the port of Mokpo.',
    'Attachment 1. List of seized vessels by month',
    'Attachment 2. Fines imposed, by vessel',
    '※ This English text is a provisional translation. Where it differs from the Korean original, the Korean text prevails.',
  ].join('\n\n');
  const [doc] = collectPlainText('release.txt', text);
  assert.match(mainText(doc!), /^■ Overview\n\n○ The coast guard seized 14/);
  assert.match(mainText(doc!), /remain impounded at the port of Mokpo\.$/);
});

test('key points under their label open the story; unlabelled lines hung from the headline do not', () => {
  const keyPoints = [
    'Ministry publishes first count of foreign trawlers seized this year',
    '- Coast guard seized 14 trawlers by the end of May, twice last year\'s count',
    '- Fines of KRW 3.2 billion imposed on their owners in the same period',
    'The coast guard seized 14 foreign trawlers fishing illegally in the exclusive economic zone between January and May, the ministry said in its first count of the year, which it will now publish every quarter.',
  ];
  const [doc] = collectPlainText('release.txt', keyPoints.join('\n\n'));
  assert.match(mainText(doc!), /^The coast guard seized 14/);
  const labelled = ['KEY POINTS', ...keyPoints.slice(1)];
  const [labelledDoc] = collectPlainText('release.txt', [keyPoints[0], ...labelled].join('\n\n'));
  assert.match(mainText(labelledDoc!), /^KEY POINTS\n\n- Coast guard/);
});

/** A page of a printed paper as an archive's OCR gives it: lines of a narrow column, a jump line, a caption, a brief. */
const OCR_PAGE = [
  'LAKEMOUTH GAZETTE - ONLINE ARCHIVE',
  'Monday, March 3, 2025 | Late edition | Page 2 of 20',
  'This page was converted to text by OCR from the printed',
  'edition and has not been checked. See the page image.',
  '',
  '2   THE LAKEMOUTH GAZETTE   MONDAY, MARCH 3, 2025',
  '',
  'Ferry strike',
  'enters second week',
  '',
  'By TOMAS ERIKSEN',
  '',
  'LAKEMOUTH - Crews on the island',
  'ferries stayed off work for a',
  'seventh day on Sunday, and the',
  'operator said it had cancelled',
  'more than 140 sailings since the',
  'walkout began last Monday.',
  'The union wants a raise of 9',
  'percent over two years; the firm',
  'has offered 4 percent, and says',
  'that any more would mean higher',
  'fares for the 3,000 islanders who',
  'cross each day. Talks are due to',
  'resume on Wednesday at the town',
  'hall, where both sides met in Feb-',
  '',
  'ruary before the strike was called.',
  'A spokesman for the harbour board',
  'said freight was still moving on',
  'the night boat, which the union',
  'has agreed to keep running for',
  'medical supplies and for the mail,',
  'but that the backlog of lorries at',
  'the quay had reached about 60 and',
  'Continued on Page 7',
  '',
  'Pickets stand at the ferry terminal',
  'on Sunday. GAZETTE PHOTO',
  '',
  'Council approves new pier',
  '',
  'The town council voted 11 to 2 on',
  'Friday to build a second pier at',
  'the north beach for 5 million euros.',
].join('\n');

test('a narrow column read by OCR: its lines are joined, the archive note is no story, the jump line ends it', () => {
  const [doc] = collectPlainText('page.txt', OCR_PAGE);
  assert.match(mainText(doc!), /^LAKEMOUTH - Crews on the island/);
  assert.match(mainText(doc!), /the quay had reached about 60 and$/);
});

test('a jump line stands alone and opens the end matter; a page that goes on to the next page does not', () => {
  assert.deepEqual(classifyBlock(lineBlocks('Continued on Page 7')[0]!), { role: 'tail', kind: 'other' });
  assert.deepEqual(classifyBlock(lineBlocks('(Continued on p. A12, col. 3)')[0]!), { role: 'tail', kind: 'other' });
  assert.deepEqual(classifyBlock(lineBlocks('Continued on next page')[0]!), { role: 'heading' });
});

test('a fact sheet\'s distribution list under its last paragraph is end matter', () => {
  assert.ok(isFooterNote({ start: 0, end: 0, text: 'Distribution: Office of the Harbour Master; Customs Directorate; Port Police.' }, null));
  assert.ok(!isFooterNote({ start: 0, end: 0, text: 'Distribution of the grain to the northern ports resumed on Monday.' }, null));
});

test('a blog platform export: title, subtitle and author lines are header, a Subscribe appeal mid-post is a promotion, the author box and responses close the post', () => {
  const text = [
    'Open in app',
    'Sign in',
    'The Ferry Count: Why Nobody Agrees on the Number of Grain Ships',
    'Three agencies publish three numbers. The truth sits somewhere in the middle, and it is smaller than you think.',
    'Ruth Amadi',
    'Follow',
    'Published in Tideline',
    '6 min read',
    '·',
    'Mar 2, 2026',
    '88',
    'Share',
    'In January the port authority said that 412 grain ships had left the southern harbours since the corridor opened, a figure repeated by every ministry spokesman since and printed in most of the trade press without qualification.',
    'I count fewer. Port logs list 31 ships twice, once at loading and once at the anchorage, and the authority counts both entries.',
    'Tideline is a reader-supported publication. To get new posts and support my work, consider becoming a free or paid subscriber.',
    'Subscribe',
    'The insurers',
    'Lloyd\'s underwriters quote a different figure again: 365 sailings insured for war risk, which leaves out the ships that sailed uninsured or under a state guarantee, about a tenth of the total by their own estimate.',
    'My own estimate is 380 ships, give or take a dozen.',
    'Shipping',
    'Black Sea',
    'Written by Ruth Amadi',
    '1.1K followers',
    'Former harbour pilot. I write about ports, ships and the grain trade.',
    'Responses (3)',
    'Good piece, but the anchorage entries are not always duplicates.',
  ].join('\n\n');
  const [doc] = collectPlainText('post.txt', text);
  const main = mainText(doc!);
  assert.match(main, /^In January the port authority said/);
  assert.match(main, /give or take a dozen\.$/);
  const promo = doc!.boilerplate.filter((b) => b.kind === 'promo').map((b) => doc!.text.slice(b.start, b.end));
  assert.ok(promo.some((p) => p.startsWith('Tideline is a reader-supported publication')), promo.join(' | '));
});

test('a Subscribe button under the post, with only its end matter after it, still ends the post', () => {
  const text = [
    'The Ferry Count',
    'In January the port authority said that 412 grain ships had left the southern harbours since the corridor opened, a figure repeated by every ministry spokesman since then.',
    'My own estimate is 380 ships, give or take a dozen.',
    'Subscribe',
    'Comments (2)',
    'Good piece, but the anchorage entries are not always duplicates, and the port authority has said so itself in its own annual report, which anyone can read on its site and which lists each vessel by name.',
  ].join('\n\n');
  const [doc] = collectPlainText('post.txt', text);
  assert.match(mainText(doc!), /give or take a dozen\.$/);
});

test('the editor\'s note under an interview that says first how it was held ("was conducted in …") is end matter', () => {
  const note = (text: string): boolean => isFooterNote({ start: 0, end: 0, text }, null);
  assert.ok(note('This interview was conducted in Lithuanian and has been condensed for clarity.'));
  assert.ok(note('This conversation was recorded by phone on 4 May and has been lightly edited.'));
  assert.ok(note('The interview was held in Riga on 2 May 2025. It has been condensed for length.'));
  assert.ok(!note('The interview was held in Riga on 2 May 2025. It lasted an hour.'));
  assert.ok(!note('This interview was conducted in a bunker and the colonel spoke for an hour.'));
  const text = [
    'THE HARBOUR WIRE',
    'A ferry captain on a winter of closures',
    'By Ilse Brandt',
    'Captain Rune Aasgaard has sailed the northern route for 19 years, and this winter he cancelled 31 crossings.',
    '“The ice came early,” he said. “We lost a month.”',
    'This interview was conducted in Norwegian and has been condensed and edited for clarity.',
    'Read also: Ferries return to the fjord',
  ].join('\n\n');
  const [doc] = collectPlainText('ferry.txt', text);
  assert.match(mainText(doc!), /We lost a month\.”$/);
});

test('a donation appeal set between paragraphs, its title and its button are the outlet\'s, not the story\'s end', () => {
  const text = [
    'The Valley Courier',
    'Flood barriers hold as river peaks',
    'The river crested at 6.2 metres on Sunday night, a metre below the top of the new barriers, and no homes in the old town were flooded, the county engineer said.',
    'Volunteers filled more than 12,000 sandbags over the weekend, stacking them along the low stretch of the embankment between the two bridges.',
    'Local news needs local readers',
    'The Courier is reader-funded. Around 2,000 of you chip in every month; donate from £3 a month to keep local journalism alive.',
    'Donate',
    'Engineers will inspect the barriers on Tuesday, and the county said the embankment path and the car park beside the lower bridge would stay closed until they have finished and the water has gone down.',
    'Related stories',
    'River levels to fall by midweek',
  ].join('\n\n');
  const [doc] = collectPlainText('flood.txt', text);
  const main = mainText(doc!);
  assert.match(main, /^The river crested at 6\.2 metres/);
  assert.match(main, /the water has gone down\.$/);
  const promo = doc!.boilerplate.filter((b) => b.kind === 'promo').map((b) => doc!.text.slice(b.start, b.end));
  assert.ok(promo.some((p) => p.startsWith('Local news needs local readers')), promo.join(' | '));
  assert.ok(promo.some((p) => p.includes('Around 2,000 of you')), promo.join(' | '));
});

test('a story that tells of donations ends with its own paragraph, not as an appeal', () => {
  const text = [
    'Charity convoy leaves for the border',
    'Residents of the town have given more than 300 boxes of food and blankets to the convoy, which left for the border on Friday morning.',
    'Organisers said they would donate whatever was left over to the shelter on Mill Street, which houses about 60 people a month.',
  ].join('\n\n');
  const [doc] = collectPlainText('convoy.txt', text);
  assert.match(mainText(doc!), /about 60 people a month\.$/);
});

test('a broadcast transcript: the desk\'s credit and the note on how to cite it are header, the host\'s label opens the body', () => {
  const text = [
    'HARBOUR FM | MORNING LINE',
    '[Interview] "The ice came early": a ferry captain on the winter',
    'Aired: Monday, February 2, 2026, 8:10 a.m. (Harbour FM, 101.4 MHz)',
    'Text arranged by the Harbour FM Online Desk | Updated 11:20 a.m.',
    '* This is an edited transcript of a live radio interview. When quoting, please cite Harbour FM "Morning Line".',
    '[Host] Good morning. The ferries to the islands have missed 31 crossings this winter, the most in a decade.',
    'Q: Captain, what went wrong?',
    'A: The ice came early, and it came thick. We lost about a month of sailings before the icebreaker arrived.',
    '[Host] That was Captain Rune Aasgaard. This is Morning Line.',
  ].join('\n\n');
  const [doc] = collectPlainText('ferry-radio.txt', text);
  assert.match(mainText(doc!), /^\[Host\] Good morning\./);
  assert.match(mainText(doc!), /This is Morning Line\.$/);
});

test('a briefing\'s closing "All right. Thanks, everyone." is the host\'s last words, not the page\'s', () => {
  const text = [
    'Ministry of Transport',
    'Spokesperson Holds a Press Briefing',
    'SPOKESPERSON ILSE BRANDT: Good afternoon. The ministry has approved 45 new buses for the northern routes, to enter service in the spring.',
    'Q: How many drivers will that need?',
    'MS. BRANDT: About 90, and the operator has already hired most of them from the training scheme that closed last month.',
    'All right. Thanks, everyone.',
    '--',
    'Subscribe to Ministry Updates',
    'Choose which updates you want delivered to your inbox.',
  ].join('\n\n');
  const [doc] = collectPlainText('briefing.txt', text);
  assert.match(mainText(doc!), /All right\. Thanks, everyone\.$/);
});

test('a paper\'s note that wire copy went into its story, and an event box above it, lie outside the body', () => {
  const text = [
    'THE MILLBROOK COURIER',
    'By Tessa Lind',
    'The county opened its new flood barrier on Friday after three years of work, and officials said it had already held back one spring surge.',
    '"We sleep better now," said a farmer whose fields lie below the levee.',
    'IF YOU GO',
    'What: A walk along the barrier',
    'When: 10 a.m. Saturday, May 3',
    'Information from wire services was used in this report. Reach Tessa Lind at 555-0100.',
  ].join('\n\n');
  const [doc] = collectPlainText('courier.txt', text);
  assert.match(mainText(doc!), /"We sleep better now," said a farmer whose fields lie below the levee\.$/);
});

test('an aggregator\'s link to the partner\'s full story closes the body', () => {
  assert.deepEqual(classifyBlock({ text: 'Read the full story at Harbor Ledger', start: 0, end: 36 }), { role: 'tail', kind: 'related' });
  assert.equal(classifyBlock({ text: 'Read the full report, the minister urged, before judging it.', start: 0, end: 60 }).role, 'prose');
});

test("a newsletter's masthead line and its distribution note above the greeting are no part of the story", () => {
  const text = [
    'From: Harbour Risk Letter <letter@harbour-risk.example>',
    'Subject: Harbour Risk Letter | Strikes spread to the northern ports',
    'Date: Mon, 3 Mar 2025 06:00:00 +0000',
    'HARBOUR RISK LETTER',
    'Weekly note for members | No. 41 | 3 March 2025\nFor members only. Not for onward distribution.',
    'Dear members,',
    'The strike that began in Rotterdam last week has now reached three more ports, and the unions say it will last until the end of the month. Below we set out what it means for shipping schedules.',
    '------------------------------------------------------------',
    'STRIKES SPREAD NORTH',
    'Dockworkers at Hamburg and Bremerhaven walked out on Saturday, leaving 42 container ships waiting at anchor by Sunday evening.',
  ].join('\n\n');
  const [doc] = collectPlainText('letter.txt', text);
  assert.match(mainText(doc!), /^The strike that began in Rotterdam/);
});

test('an ad slot\'s label between the turns of an interview is furniture; under the last paragraph it still ends the story', () => {
  const inside = [
    'HARBOUR DEFENCE WEEKLY',
    'The fleet admiral on mines, ferries and the long winter',
    'Last spring the navy lost two minesweepers in the strait. We asked its commander what has changed since then, and what the fleet needs before the ice returns in November.',
    'HDW: Admiral, how many mines are still in the water?',
    'Adm. Ilse Brandt: We think about 300 remain, most of them laid in the first months, and we clear perhaps ten a week when the weather holds.',
    'ADVERTISEMENT',
    'HDW: And the ferries?',
    'I.B.: They run again on four routes. We escort each crossing with one of our boats, which costs us about 40 sailors a day that we would rather have on the sweepers.',
    'This interview was conducted by telephone and has been edited for length.',
  ].join('\n\n');
  const [doc] = collectPlainText('interview.txt', inside);
  assert.match(mainText(doc!), /40 sailors a day that we would rather have on the sweepers\.$/);
  const promo = doc!.boilerplate.filter((b) => b.kind === 'promo').map((b) => doc!.text.slice(b.start, b.end));
  assert.deepEqual(promo, ['ADVERTISEMENT']);

  const under = [
    'The fleet admiral on mines',
    'Last spring the navy lost two minesweepers in the strait, and the fleet has cleared about 300 mines since then, its commander said on Friday in the port of Tallholm.',
    'She expects the work to take another two winters.',
    'Advertisement',
    'Most read',
    'Ferry prices rise again',
  ].join('\n\n');
  const [doc2] = collectPlainText('story.txt', under);
  assert.match(mainText(doc2!), /another two winters\.$/);
});

test('an event summary\'s thanks to its sponsor and its disclaimer on the participants\' views close it', () => {
  const text = [
    'WORKSHOP SUMMARY',
    'The workshop brought together 18 port officials and insurers to discuss winter freight on the northern routes.',
    'Most speakers expected freight rates to stay high until the ice-breaker fleet was renewed.',
    'The Institute thanks the Ministry of Transport and Fisheries for supporting this workshop. The views expressed are those of the participants and not of the Institute.',
  ].join('\n\n');
  const [doc] = collectPlainText('workshop.txt', text);
  assert.match(mainText(doc!), /ice-breaker fleet was renewed\.$/);
});

test('a letters page: the rules for writing in under the last letter are end matter, the signature above them is kept', () => {
  const text = [
    'The Harbour Courier',
    'Letters to the Editor',
    'Keep the night ferry',
    'Sir — The operator plans to drop the last sailing of the night, which carried some 140 riders a day last summer. Shift workers on the island have no other way home.',
    'Mara Quint',
    'Eastport',
    'Letters must not exceed 250 words and must include the writer\'s address. Letters may be edited for clarity. Send your letters to the letters desk.',
    'POPULAR',
    '1. Tides: what to expect this week',
  ].join('\n\n');
  const [doc] = collectPlainText('letters.txt', text);
  assert.match(mainText(doc!), /Shift workers on the island have no other way home\.\n\nMara Quint\n\nEastport$/);
  assert.equal(isFooterNote(lineBlocks('They may be edited for length and clarity.')[0]!, null), true);
});

test('a printed paper\'s transmittal line above a written answer is header matter', () => {
  const text = [
    'Printed paper 19/4410',
    'Answer of the Federal Government',
    'The answer was transmitted on behalf of the Federal Government by letter of the Federal Ministry of Transport dated 3 May 2024.',
    'The Federal Government has registered some 240 freight trains on the corridor since January, roughly a third of them carrying grain.',
    'Further questions on the corridor were answered by the ministry in its report to the committee on transport.',
  ].join('\n\n');
  const [doc] = collectPlainText('paper.txt', text);
  assert.match(mainText(doc!), /^The Federal Government has registered/);
});
