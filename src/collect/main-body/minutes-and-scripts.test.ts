import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

const main = (text: string): string => mainText(collectPlainText('page.txt', text)[0]!);

test('committee minutes close above the roll of members present and apologies', () => {
  const text = [
    'HARBOUR BOARD — FINANCE COMMITTEE',
    'Minutes of the meeting held on 4 March 2027',
    'The meeting opened at 10.05 with the vice-chair presiding.',
    '1. Dredging budget',
    'The treasurer reported that dredging of the outer channel had cost 2.4 million euros, some 300,000 more than planned, because the contractor had found more silt than the survey of 2025 had shown.',
    '2. Any other business',
    'None. The meeting closed at 11.40.',
    'Present:',
    'Ann Vale (Chair), Piet Maas, Ilse Brandt, Tomas Riel and, for item 1, the harbour engineer.',
    'Apologies:',
    'Marta Kowalski, Jon Eide.',
  ].join('\n\n');
  assert.match(main(text), /^The meeting opened at 10\.05/);
  assert.match(main(text), /None\. The meeting closed at 11\.40\.$/);
});

test('a roll of attendance labelled in several languages, with its legends, is no part of the minutes', () => {
  const text = [
    'Joint delegation for northern ports',
    'MINUTES of the meeting of 9 April 2027',
    'The meeting opened at 9.02 with the Chair presiding.',
    'Mr Eide said that traffic through the northern ports had fallen by about 12 per cent in the first quarter, and that the two ferry lines would cut 40 sailings before the summer.',
    'The meeting closed at 10.31.',
    'LISTE DE PRÉSENCE/RECORD OF ATTENDANCE/ANWESENHEITSLISTE/ELENCO DI PRESENZA/LISTA DE ASISTENCIA',
    'Bureau/Vorstand/Ufficio di presidenza/Mesa (*)',
    'Ann Vale (P), Piet Maas (VP)',
    'Membres/Members/Mitglieder/Membri/Miembros/Leden/Członkowie/Membros/Poslanci/Jäsenet/Ledamöter/Zastupnici/Deputāti/Nariai/Képviselők/Parlamendiliikmed/Medlemmer/Členové/Μέλη/Членове/Membrii/Poslanci/Medlemmar',
    'Ilse Brandt, Jon Eide, Tomas Riel',
    '(*)',
    'P = Président/Chair/Vorsitzender/Presidente/Presidente',
    'VP = Vice-président/Vice-Chair/Stellvertretender Vorsitzender/Vicepresidente/Vicepresidente/Varapuheenjohtaja/Vice ordförande/Místopředseda/Næstformand/Aseesimees/Wiceprzewodniczący/Podpredseda',
  ].join('\n\n');
  assert.match(main(text), /^The meeting opened at 9\.02/);
  assert.match(main(text), /The meeting closed at 10\.31\.$/);
});

test('a report ends above the list of those it is distributed to', () => {
  const text = [
    'Flood preparedness review, upper valley',
    'The review found that 14 of the 22 pumping stations in the upper valley could not run for more than six hours without mains power, and that two had no backup generator at all.',
    'It recommends that the district buy eight mobile generators before the autumn, at a cost the engineers put at about 600,000 euros.',
    'Distribution:',
    'District engineer',
    'Valley council, emergency planning office',
    'Regional water board, for information.',
  ].join('\n\n');
  assert.match(main(text), /about 600,000 euros\.$/);
});

test('a "Present:" roll under the opening of minutes heads the record: the items below it are the story', () => {
  const text = [
    'Minutes of the parish council meeting held in the village hall on 2 May 2027.',
    'Present: Cllr Ann Vale (Chair), Cllr Piet Maas, Cllr Ilse Brandt',
    'Apologies: Cllr Tomas Riel',
    '1. Road repairs',
    'The clerk reported that the county had agreed to resurface the lane to the school in June, at a cost of about 85,000 pounds, after three years of complaints from parents.',
    '2. Playground',
    'Members agreed to spend up to 4,000 pounds on new safety surfacing, to be funded from the reserves.',
  ].join('\n\n');
  assert.match(main(text), /funded from the reserves\.$/);
});

const shotlist = [
  'NORTHSEA VIDEO (NSV)',
  'STORY NO: 2027-0512-0031',
  'SLUG: PORTS STRIKE',
  'HEADLINE: Dock workers walk out in three northern ports',
  'DATE: 12/05/2027',
  'LENGTH: 02:15',
  'RESTRICTIONS: Broadcast only. No resale to archives.',
  'LANGUAGE: Norwegian / Nats',
  'SHOTLIST:',
  'NSV - NSV subscribers only',
  'Bergen, Norway - 12 May 2027',
  '1. Wide of idle cranes on the quay',
  '2. Close of strike banner on fence',
  '3. SOUNDBITE (Norwegian) Jon Eide, union steward:',
  '"We have asked for 6 percent for two years. The owners offer us half of that, and we will stay out until they move."',
  '4. Mid of workers around a fire barrel',
  'POOL - No access local broadcasters for 48 hours',
  'Stavanger, Norway - 12 May 2027',
  '5. Wide of queue of lorries at the port gate',
  '6. SOUNDBITE (Norwegian) Ilse Brandt, haulier:',
  '"Forty lorries are waiting here since the morning. Every hour costs us money."',
  'STORYLINE:',
  'Dock workers in three northern Norwegian ports walked out on Wednesday after talks on pay broke down, leaving about 40 lorries queuing at the gate in Stavanger alone.',
  'The union is asking for a 6 percent rise over two years; the port owners have offered 3 percent.',
  '===',
  'Keywords: Norway, ports, strike',
  'Video ID: NSV-0512-0031',
];

test("an agency's shotlist opens at its first group's source line, not at a field of its header that reads as a sentence", () => {
  const body = main(shotlist.join('\n\n'));
  assert.match(body, /^NSV - NSV subscribers only\n\nBergen, Norway - 12 May 2027\n\n1\. Wide of idle cranes/);
  assert.match(body, /the port owners have offered 3 percent\.$/);
});

test("a shotlist's source and restriction lines are the agency's terms, set inside the story; its place and date lines are the story's", () => {
  const [doc] = collectPlainText('script.txt', shotlist.join('\n\n'));
  const covered = (line: string): boolean => {
    const at = doc!.text.indexOf(line);
    return doc!.boilerplate.some((b) => b.kind === 'footer' && b.start <= at && b.end >= at + line.length);
  };
  assert.ok(covered('POOL - No access local broadcasters for 48 hours'));
  assert.ok(covered('NSV - NSV subscribers only'));
  assert.ok(!covered('Stavanger, Norway - 12 May 2027'));
});

test('a shotlist whose header fields are all codes and names opens at its first group too, not at the first soundbite', () => {
  const plain = shotlist.map((l) => (l.startsWith('RESTRICTIONS:') ? 'RESTRICTIONS: Broadcast only, no archive resale' : l));
  assert.match(main(plain.join('\n\n')), /^NSV - NSV subscribers only\n\nBergen, Norway/);
});

test("a radio running script opens at its first timed cue, under the header's fields", () => {
  const text = [
    'VALLEY RADIO',
    'PROGRAMME: Morning News',
    'PRESENTER: Ann Vale',
    'TX: 07:00 Monday 17 May 2027',
    'STATUS: Approved by the desk. Read as written.',
    '(00:00) Good morning. Frost has cost apple growers in the upper valley about a third of their blossom, the growers\' cooperative says.',
    '(00:20) The cooperative wants 4 million euros in emergency aid; the council will decide next month.',
    '(00:41) Ferry fares rise by 5 percent from Monday, the operator has confirmed.',
  ].join('\n\n');
  assert.match(main(text), /^\(00:00\) Good morning\. Frost/);
});

test("a log whose entries repeat their fields keeps its first entry: its fields are no header given once", () => {
  const text = [
    'PORT INCIDENT LOG, WEEK 19',
    'Entry 1, Monday',
    'VESSEL: Nordlys',
    'BERTH: 4',
    'TIME: 06:40',
    'EVENT: The ferry struck the quay at low speed and two passengers were hurt.',
    'ACTION: Berth closed',
    'Entry 2, Tuesday',
    'VESSEL: Ask',
    'BERTH: 7',
    'TIME: 11:15',
    'EVENT: A crane dropped a container of 20 tonnes onto the quay, and no one was hurt.',
    'ACTION: Crane inspected',
  ].join('\n\n');
  assert.match(main(text), /EVENT: The ferry struck the quay/);
});

test("a panel transcript's first turns, each under a speaker's label, are the story and no header of fields", () => {
  const text = [
    'Panel: what the frost cost the valley',
    'MODERATOR: Welcome. Our guests grow apples in the upper valley, where one night of frost took about a third of the blossom.',
    'ORTEGA: We lost more than that on the north slopes, close to half, and the insurers will pay for none of it.',
    'BRANDT: On the south side it was nearer a fifth. We had the fans running all night.',
    'MAAS: The cooperative will ask the region for 4 million euros, and I think we will get most of it.',
  ].join('\n\n');
  assert.match(main(text), /^MODERATOR: Welcome\./);
});

test('a news story with a numbered list inside keeps its own opening', () => {
  const text = [
    'Three things the frost changed in the valley',
    'By Ann Vale',
    'A single night of frost has cost apple growers in the upper valley about a third of their blossom, the growers\' cooperative said on Monday.',
    '1. Prices',
    'Apple prices at the valley market rose by 12 percent within a week.',
    '2. Insurance',
    'Insurers say they will pay for none of it, since the policies exclude frost.',
  ].join('\n\n');
  assert.match(main(text), /^A single night of frost/);
  assert.match(main(text), /policies exclude frost\.$/);
});
