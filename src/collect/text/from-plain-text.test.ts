import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from './from-plain-text.js';
import { mainText } from '../../domain/document.js';

test('a scraped page: title line out, Read more list and disclosure out', () => {
  const text = [
    'Shipyard Orders Surge as Navies Rearm',
    'Orders at the country’s three largest shipyards rose sharply this year as navies in the region replaced ageing frigates.',
    'Yard managers said the backlog now stretches to 2031, and they are hiring welders from abroad to keep up.',
    'What the buyers want',
    'Most contracts are for patrol vessels of under 3,000 tonnes, which can be built in about two years.',
    'This article is republished from The Quayside, a nonprofit news site, under a Creative Commons license.',
    'Read more:',
    '- Why steel prices matter for defence budgets',
    '- A new dry dock opens in the south',
    'Jo Banner does not work for, consult, own shares in or receive funding from any company that would benefit from this article.',
  ].join('\n');
  const [doc] = collectPlainText('yard.txt', text);
  assert.match(mainText(doc!), /^Orders at the country’s/);
  assert.match(mainText(doc!), /built in about two years\.$/);
  assert.equal(doc!.title, 'Shipyard Orders Surge as Navies Rearm');
  const kinds = doc!.boilerplate.map((b) => b.kind);
  assert.ok(kinds.includes('disclosure'));
  assert.ok(kinds.includes('related'));
});

test('a question headline over a capitalised byline and a date line is header, not story', () => {
  const text = [
    'VERIFIED',
    '',
    'Are the city’s ferries really running at half capacity?',
    '',
    'By Ines Duarte, Data Desk',
    'Published March 3, 2025',
    '',
    'Posts shared widely this week claimed that the harbour ferries carried only half their usual passengers in February.',
    '',
    'By December, the operator had already cut two routes, and its figures show 41,000 trips last month.',
  ].join('\n');
  const [doc] = collectPlainText('ferry.txt', text);
  assert.match(mainText(doc!), /^Posts shared widely/);
  assert.match(mainText(doc!), /41,000 trips last month\.$/);
});

test('a lead that opens "By December, …" stays in the story', () => {
  const text = [
    'By December, the operator had cut two ferry routes and sold three of its older boats.',
    'Passenger numbers fell by a fifth over the winter, the harbour board said on Monday.',
  ].join('\n');
  const [doc] = collectPlainText('ferry2.txt', text);
  assert.match(mainText(doc!), /^By December, the operator/);
});

test('an image credit and a Read also line end the story; headings inside it stay', () => {
  const text = [
    'The border crossing was closed for a second day on Sunday as guards checked every lorry.',
    'Background',
    'The crossing handles about a fifth of the region’s trade and has been closed twice this year.',
    'Image source: agency handout',
    'Read also:',
    'Guards seize smuggled fuel at a northern crossing',
  ].join('\n');
  const [doc] = collectPlainText('b.txt', text);
  assert.equal(mainText(doc!), text.split('\nImage source')[0]);
});

test('aggregator text: related stories with full text become their own documents', () => {
  const story = [
    'Flooding cut power to 40,000 homes in the valley on Tuesday, the utility said.',
    'Crews expected to restore most connections by the weekend.',
  ];
  const related = [
    'Related Articles',
    'Bridge repairs to take until spring',
    'Engineers said on Monday that repairs to the old river bridge would take until spring because of damaged piers.',
    'Traffic will be diverted through the industrial district, adding about twenty minutes to the commute for many drivers.',
    'The council said it would run extra buses on the diversion route during the morning and evening peaks.',
    'Download the app',
    'Get alerts on your phone.',
    'Comments',
    'Nice to see quick work from the crews.',
  ];
  const text = [...story, ...related].join('\n');
  const docs = collectPlainText('agg.txt', text, { related: true, published: '2024-05-07' });
  assert.equal(mainText(docs[0]!), story.join('\n'));
  assert.equal(docs.length, 2);
  assert.equal(docs[1]!.origin, 'agg.txt#related-1');
  assert.equal(docs[1]!.title, 'Bridge repairs to take until spring');
  assert.match(mainText(docs[1]!), /^Engineers said.*peaks\.$/s);
  const kinds = docs[0]!.boilerplate.map((b) => b.kind);
  assert.ok(kinds.includes('related') && kinds.includes('promo') && kinds.includes('comments'));
});

test('broadcast script: programme header, stage directions and trail lines are out', () => {
  const text = [
    'RADIO EAST - EVENING REPORT',
    'BULLETIN SCRIPT',
    'Friday 3 May 2024 | 18:00 | Item 4',
    'Note to readers: read numbers as written.',
    '',
    '[MUSIC - THEME]',
    '',
    'ANCHOR: Good evening. The harbour authority says the main quay will close for repairs next month.',
    'REPORTER (PORT): The works are expected to last six weeks, and ferries will use the northern pier.',
    'ANCHOR: Thank you.',
    '',
    '[TRAIL: Sport is next.]',
    'END OF ITEM',
  ].join('\n');
  const [doc] = collectPlainText('script.txt', text);
  assert.match(mainText(doc!), /^ANCHOR: Good evening\./);
  assert.match(mainText(doc!), /ANCHOR: Thank you\.$/);
  assert.equal(doc!.published, '2024-05-03');
});

test('newsletter: masthead, delivery line and closing lines are out; the option date wins', () => {
  const text = [
    'THE HARBOUR LETTER',
    'Weekly newsletter | Issue 7 | Monday, 2 September 2024',
    'You are receiving this because you signed up on our site. View in browser.',
    '',
    'Hello again. This week: new tariffs, a port strike and a record month for container traffic.',
    '',
    '1. TARIFFS',
    'The government raised duties on imported steel by five percent from Sunday.',
    '',
    'That’s all for this week. The Harbour Letter is written by two editors in Gdańsk.',
  ].join('\n');
  const [doc] = collectPlainText('letter.txt', text, { published: '2024-09-03' });
  assert.match(mainText(doc!), /^Hello again\./);
  assert.match(mainText(doc!), /by five percent from Sunday\.$/);
  assert.equal(doc!.published, '2024-09-03');
  assert.equal(doc!.source, 'The Harbour Letter');
});

test('a timeline with a byline line and a correction note', () => {
  const text = [
    'TIMELINE',
    'How the port strike unfolded',
    '',
    'Data desk | The Quay Review | Tuesday, June 4, 2024',
    '',
    'Dock workers ended a nine-day strike on Monday after a pay deal was agreed overnight.',
    '',
    'May 25, 2024',
    'Unions call the strike after talks break down.',
    '',
    'Correction: An earlier version gave the wrong length for the strike.',
  ].join('\n');
  const [doc] = collectPlainText('t.txt', text);
  assert.match(mainText(doc!), /^Dock workers ended/);
  assert.match(mainText(doc!), /talks break down\.$/);
  assert.equal(doc!.title, 'How the port strike unfolded');
  assert.equal(doc!.published, '2024-06-04');
  assert.equal(doc!.source, 'The Quay Review');
});

test('a plain story without furniture is main from end to end', () => {
  const text = 'The ministry said exports rose by a tenth.\nAnalysts expect the trend to continue.\n';
  const [doc] = collectPlainText('s.txt', text);
  assert.deepEqual(doc!.main, { start: 0, end: text.length - 1 });
  assert.deepEqual(doc!.boilerplate, []);
});

test('hard-wrapped text: the story starts at its first paragraph, not mid-sentence', () => {
  const text = [
    'COASTAL DESK',
    'By R. Ortega',
    '',
    'Fishing crews in the northern bays hauled in their smallest catch in a',
    'decade this season, the regional fisheries office said on Thursday, and',
    'blamed warmer water that pushed cod further out to sea than in past years.',
    '',
    'The office said that the number of active boats had fallen by a quarter',
    'since 2019 and that younger crews were leaving for jobs on wind farms and',
    'in the ports, where wages are higher and the work is steadier than at sea.',
    '',
    'Officials plan to meet crew leaders next month to discuss a support fund',
    'for boats that stay in the bays through the winter months of the year.',
    '',
    'Related stories',
    'Wind farm jobs draw workers from the docks',
  ].join('\n');
  const [doc] = collectPlainText('wrapped.txt', text);
  assert.match(mainText(doc!), /^Fishing crews in the northern bays/);
  assert.match(mainText(doc!), /winter months of the year\.$/);
});

test('a question headline or a labelled headline above a dateline is not the story', () => {
  for (const headline of ['Can the old bridge carry another winter?', 'Explainer: why the ferry fares went up']) {
    const text = `${headline}\r\nRiver Post | 9 January 2025\r\n\r\nEngineers have warned that the old bridge needs urgent work before the frosts return.\r\n`;
    const [doc] = collectPlainText('q.txt', text);
    assert.match(mainText(doc!), /^Engineers have warned.*frosts return\.$/);
    assert.equal(doc!.published, '2025-01-09');
  }
});

test('the outlet from a masthead line: "Outlet — Section", a short line under the headline, not a byline', () => {
  const story = 'Dock workers ended a nine-day strike on Monday after a pay deal was agreed overnight in the port.';
  const outlet = (header: string[]) => collectPlainText('o.txt', [...header, '', story].join('\n'))[0]!.source;
  assert.equal(outlet(['Port strike ends after nine days', 'Baltic Evening Post — Business', 'June 4, 2024 | Anna Berg']), 'Baltic Evening Post');
  assert.equal(outlet(['Port strike ends after nine days', 'Quayside Monitor', 'Tue, 4 Jun 2024 11:25 CET']), 'Quayside Monitor');
  assert.equal(outlet(['Port strike ends after nine days', 'Harbour Wire (syndicated from Quayside Monitor) | June 4, 2024']), 'Harbour Wire');
  assert.equal(outlet(['Port strike ends after nine days', 'By Anna Berg, Baltic Wire Service, Gdańsk | Tuesday 4 June 2024']), 'Baltic Wire Service');
});

test('a scripted item: the quoted headline, not the editor\'s note in brackets', () => {
  const text = [
    'HARBOUR RADIO EVENING — SCRIPT, ITEM 02: "DOCKERS END NINE-DAY STRIKE"',
    'Air date: Tuesday 4 June 2024, 19:00 CET. Presenter: Ola Nowak.',
    '[Script as read; figures rounded for the presenter.]',
    '',
    'Dock workers ended a nine-day strike on Monday after a pay deal was agreed overnight in the port.',
  ].join('\n');
  const [doc] = collectPlainText('r.txt', text);
  assert.equal(doc!.title, 'Dockers End Nine-Day Strike');
});

test('a numbered thread: a last post closed by "/end" and posts closed by a counter stay in the story', () => {
  const text = [
    'Harbour Watcher @harbour_watch · shipping and ports',
    'Thread · Mar 3, 2025',
    '',
    '1/3 Three tankers left the northern terminal overnight, all of them riding low in the water, which suggests full loads.',
    '',
    'Satellite passes at dawn showed the berths empty again and two tugs heading back to the inner basin. 2/3',
    '',
    '3/3 Summing up: busy night. More when the port authority posts its log. /end',
    '',
    '💬 12   🔁 40   ❤️ 210',
  ].join('\n');
  const [doc] = collectPlainText('thread.txt', text);
  assert.match(mainText(doc!), /^1\/3 Three tankers/);
  assert.match(mainText(doc!), /posts its log\. \/end$/);
});

test('a teaser paragraph between the headline and the byline is headline matter, not the story', () => {
  const text = [
    'Harbours',
    '',
    'The Salt Road',
    '',
    'The northern ports have become the busiest in the region. Their cranes rarely stop, and the towns around them are paying for it. A report.',
    '',
    'By Ilse Marten and Piet Haas, Hamburg',
    'Sunday, 4 May 2025 · from the print edition',
    '',
    'The quay at the old harbour is barely 400 metres long, yet some 30 ships a week tie up there in summer.',
    '',
    'Port officials expect the figure to rise again next year.',
  ].join('\n');
  const [doc] = collectPlainText('harbour.txt', text);
  assert.match(mainText(doc!), /^The quay at the old harbour/);
});

test('a lead paragraph followed by prose, with no byline under it, stays the story', () => {
  const text = [
    'The quay at the old harbour is barely 400 metres long, yet some 30 ships a week tie up there.',
    '',
    'Port officials expect the figure to rise again next year, the harbour master said.',
  ].join('\n');
  const [doc] = collectPlainText('harbour2.txt', text);
  assert.match(mainText(doc!), /^The quay at the old harbour/);
});

test('a lead followed by a caption line with bars stays the story: only a byline naming writers marks a teaser', () => {
  const text = [
    'Ferry Strike Ends',
    '',
    'The ferry crews returned to work on Monday after the port agreed to hire 40 more deckhands.',
    '',
    'Crews at the quay on Monday | Photo: Harbour Press',
    '',
    'The strike had stopped all crossings to the islands for nine days.',
  ].join('\n');
  const [doc] = collectPlainText('ferry3.txt', text);
  assert.match(mainText(doc!), /^The ferry crews returned/);
});

test('an e-mail\'s subject, folded onto an indented line, is its title; its date field dates it', () => {
  const text = [
    'From: Canal Desk <desk@canal.example>\nTo: Readers <list@canal.example>\nDate: Thu, 6 Mar 2025 07:10:00 +0100\nSubject: Re: Lock repairs run two months late as the new gates\n arrive from the foundry',
    'The regional waterways office said on Tuesday that the repairs to the main lock would take until June, two months longer than planned, because the new gates arrived late.',
  ].join('\n\n');
  const [doc] = collectPlainText('canal.txt', text);
  assert.equal(doc!.title, 'Lock repairs run two months late as the new gates arrive from the foundry');
  assert.equal(doc!.published, '2025-03-06');
  assert.match(mainText(doc!), /^The regional waterways office/);
});

test('a wire story: headline, update note, summary bullets and byline above the dateline paragraph are its header', () => {
  const text = [
    'NORTHWIRE NEWS SERVICE - EUROPE                    14-May-2025 09:12:40 GMT',
    'NWE0212  2 LBY  nHEL7xQ2  (FINLAND-RUSSIA/DRONES UPDATE 2)',
    'Topics: DEF EUR FI RU  | Word count: 412',
    '',
    'UPDATE 2-Finland says 2 Russian drones crossed border; Nato envoys',
    'to meet on Friday',
    '',
    '(Adds Nato statement in paragraph 5)',
    '',
    '    * Finnish ministry says 2 drones entered its airspace',
    '    * Helsinki has sent about 300 guards to the border, FBG says',
    '    * Nato envoys to meet on Friday',
    '',
    '    By Aino Virtanen',
    '',
    '    HELSINKI/BRUSSELS, May 14 (Northwire) - Two Russian drones crossed',
    'into Finnish airspace on Tuesday night, the defence ministry said.',
    '',
    '    The drones flew about 12 km inside the border before turning back,',
    'the ministry said in a statement on Wednesday.',
    '',
    '    Nato envoys will meet on Friday to discuss the incursions, an',
    'alliance spokesperson said.',
  ].join('\r\n');
  const [doc] = collectPlainText('wire.txt', text);
  assert.match(mainText(doc!), /^HELSINKI\/BRUSSELS, May 14/);
});
