import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mainText } from '../../domain/document.js';
import { collectPlainText } from '../text/from-plain-text.js';
import { COMMITTEE_RECORD, PARLIAMENT_RECORD } from './meeting-record.fixture.js';

test('a verbatim record: the proceedings run from the opening formula to the closing one, the cover and boilerplate out', () => {
  const [un] = collectPlainText('pv.txt', COMMITTEE_RECORD);
  assert.match(mainText(un!), /^The meeting was called to order at 3\.10 p\.m\./);
  assert.match(mainText(un!), /The meeting rose at 5\.40 p\.m\.$/);
  const [house] = collectPlainText('hansard.txt', PARLIAMENT_RECORD);
  assert.match(mainText(house!), /^The House met at half-past two o'clock/);
  assert.match(mainText(house!), /The House adjourned at 7\.02 p\.m\.$/);
});

test('a story about a meeting is no verbatim record: no speakers take turns under its opening line', () => {
  const story = `Council vote delayed\n\nBy A. Writer\n\nThe council met at noon to discuss the depot, and 40 residents attended the session.\n\nThe meeting was called to order at 6 p.m.\n\nThe mayor said the vote would come next month. Residents said they feared 200 lorries a day.\n`;
  const [doc] = collectPlainText('story.txt', story);
  assert.match(mainText(doc!), /^The council met at noon/);
});

test('running heads and feet that break a sentence across pages are a margin; the sentence is read whole', () => {
  const [doc] = collectPlainText('pv.txt', COMMITTEE_RECORD);
  const margins = doc!.boilerplate.filter((b) => b.kind === 'margin');
  assert.equal(margins.length, 1);
  const blanked = doc!.text.slice(margins[0]!.start, margins[0]!.end);
  assert.match(blanked, /2\/3 +25-30411/);
  assert.match(blanked, /General and complete disarmament/);
  assert.equal(doc!.text.slice(margins[0]!.start - 10, margins[0]!.start), 'they still');
  // The feet and heads between whole paragraphs are furniture too, never the story's text.
  const furniture = doc!.boilerplate.filter((b) => b.kind === 'footer' && b.start > doc!.main.start && b.end < doc!.main.end);
  assert.ok(furniture.some((b) => /3\/3/.test(doc!.text.slice(b.start, b.end))));
});

test('a table whose rows repeat a shape is no running line', () => {
  const rows = Array.from({ length: 12 }, (_, i) => `${2010 + i}        ${1000 + i * 37}        ${i + 4}`).join('\n');
  const text = `Depot inventory\n\nThe depot reported its holdings for every year since 2010, as the table shows in full.\n\n${rows}\n\nThe totals have risen each year, the depot said in a statement on its holdings.\n`;
  const [doc] = collectPlainText('table.txt', text);
  assert.equal(doc!.boilerplate.filter((b) => b.kind === 'margin').length, 0);
});

test('a short row repeated in two tables far apart is no running line', () => {
  const table = (year: number): string => `Region      Ships\nNorth       ${year}\nSouth       ${year + 3}\nTotal       ${year + 9}`;
  const prose = 'The harbour master published the counts of the season in two tables, one for each of the quays that the port runs.';
  const text = `Harbour counts\n\n${prose}\n\n${table(120)}\n\n${prose}\n\n${prose}\n\n${table(140)}\n\n${prose}\n`;
  const [doc] = collectPlainText('counts.txt', text);
  assert.equal(doc!.boilerplate.filter((b) => b.kind === 'margin' || (b.kind === 'footer' && /Total/.test(doc!.text.slice(b.start, b.end)))).length, 0);
});

test('a journal\'s page heads copied from its PDF (page number and authors, journal name and page number) are furniture; a sentence runs on through them', () => {
  const para = (s: string): string => s.replace(/(.{1,88})(?: |$)/g, '$1\n').trim();
  const text = [
    'HARBOUR STUDIES QUARTERLY',
    para('Abstract. We surveyed the ferry operators of the northern coast over two winters and report what they told us about the cost of laying up their vessels when the storms close the crossings.'),
    '1. Introduction',
    para('Ferry operators on the northern coast have long complained about the winter closures, but nobody has counted what the closures cost them in lost fares and in repairs to idle ships.'),
    para('We sent questionnaires to every licensed operator on the coast in the autumn of 2024 and received answers from most of them:'),
    '212  LINDQVIST ET AL.',
    para('41 from operators of passenger ferries, 17 from freight lines and the rest from the small island services that run only in summer, when the crossings are calm.'),
    para('The operators of passenger ferries reported the largest losses, because their fares fall away as soon as the tourist season ends and the storms begin.'),
    para('The freight lines told us that they could move much of their cargo by road while the crossings were closed, at some cost in time but little in money.'),
    'HARBOUR STUDIES QUARTERLY  213',
    '2. Results',
    para('The island services were the hardest hit of all, since most of them carry nothing between October and April.'),
  ].join('\n\n');
  const [doc] = collectPlainText('paper.txt', text + '\n');
  const margin = doc!.boilerplate.find((b) => b.kind === 'margin');
  assert.ok(margin !== undefined && /212 +LINDQVIST ET AL\./.test(doc!.text.slice(margin.start, margin.end)));
  const heads = doc!.boilerplate.filter((b) => b.kind === 'footer').map((b) => doc!.text.slice(b.start, b.end));
  assert.ok(heads.some((h) => h.includes('STUDIES QUARTERLY  213')));
});

test('numbered section headings set apart by two spaces are no page heads', () => {
  const para = 'The harbour board counted the ships that called at the port in each month of the year and published the counts with a note on the method it used.';
  const text = ['Harbour report', '1  Ships and calls', para, para, para, para, '2  Cargo and passengers', para, para].join('\n\n');
  const [doc] = collectPlainText('report.txt', text + '\n');
  assert.equal(doc!.boilerplate.filter((b) => /Cargo and passengers/.test(doc!.text.slice(b.start, b.end))).length, 0);
});

test("a book's page heads carrying its edition's year, and one set flush right, are furniture", () => {
  const para = 'The fleet keeps its older patrol boats in reserve and brings them back into service each summer, when the fishing season fills the coastal waters with small craft.';
  const text = [
    para,
    '',
    '112                                                   COASTAL FLEETS 2026',
    '',
    para,
    para,
    para,
    para,
    '',
    '                                                                  Baltic 113',
    '',
    para,
    para,
    para,
    para,
    '',
    '                                              COASTAL FLEETS 2026  114',
    '',
    para,
  ].join('\n');
  const [doc] = collectPlainText('fleets.txt', text + '\n');
  const heads = doc!.boilerplate.filter((b) => b.kind === 'footer').map((b) => doc!.text.slice(b.start, b.end));
  assert.ok(heads.some((h) => h.includes('COASTAL FLEETS 2026') && h.startsWith('112')));
  assert.ok(heads.some((h) => h === 'Baltic 113'));
  assert.ok(heads.some((h) => h.endsWith('2026  114')));
});

test('a short line set flush right without a run of page numbers is no page head', () => {
  const para = 'The fleet keeps its older patrol boats in reserve and brings them back into service each summer, when the fishing season fills the coastal waters with small craft.';
  const text = [para, '', '                                                                  Total 113', '', para, para].join('\n');
  const [doc] = collectPlainText('fleets.txt', text + '\n');
  assert.equal(doc!.boilerplate.filter((b) => b.kind === 'footer').length, 0);
});

test("a table's heading row printed again over the next entry's table is no running line", () => {
  const para = 'The fleet keeps its older patrol boats in reserve and brings them back into service each summer, when the fishing season fills the coastal waters with small craft.';
  const table = ['Norwegian Krone NOK                        2024              2025', 'GDP                NOK             5.1tr             5.3tr', 'Def bdgt           NOK             98.1bn            112bn'];
  const text = ['Norway NOR', '', ...table, '', para, para, para, para, para, para, '', 'Denmark DNK', '', ...table].join('\n');
  const [doc] = collectPlainText('almanac.txt', text + '\n');
  // The entry opens with its table's heading row, not with the row under it.
  assert.equal(doc!.main.start, text.indexOf('Norwegian Krone NOK'));
});
