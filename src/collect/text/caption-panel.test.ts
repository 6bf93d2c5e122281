import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from './from-plain-text.js';
import { findCaptionPanel } from './caption-panel.js';
import { extract } from '../../exploit/pipeline.js';

/** A video page copied from the browser with its transcript open: header, chapters, panel, comments. */
const PAGE = [
  'Why the ferry fares went up',
  '',
  'Harbour Talk',
  '12K subscribers',
  'Subscribe',
  '',
  '9,310 views  Feb 2, 2026',
  'Chapters',
  '0:00 Start',
  '0:40 Fares',
  '',
  'Transcript',
  'Start',
  '0:00',
  '[Music]',
  '0:03',
  'hi all lena here and today we look',
  '0:06',
  'at the ferry fares on the north',
  '0:09',
  'line the port authority said in january',
  '0:12',
  'that about 4,500 passengers a',
  '0:15',
  'day used the crossing last winter',
  '0:19',
  'and the company wants 12 euros a',
  'Fares',
  '0:40',
  'ticket from april which is a lot',
  '0:44',
  'for a crossing that short',
  '0:47',
  'thanks for watching see you soon',
  '0:50',
  '[Music]',
  '',
  'Comments 31',
  '@sailor_ann 1 day ago',
  'I paid 9 euros in 2019!',
].join('\n');

test('a transcript panel: the report is what is said, from the first spoken caption to the last', () => {
  const [doc] = collectPlainText('page.txt', PAGE, { published: '2026-02-02' });
  const main = PAGE.slice(doc!.main.start, doc!.main.end);
  assert.ok(main.startsWith('hi all lena here'), main.slice(0, 40));
  assert.ok(main.endsWith('see you soon'), main.slice(-40));
});

test('a transcript panel: its timestamps are margins, so a caption runs on into the next', () => {
  const panel = findCaptionPanel(PAGE)!;
  const stamp = PAGE.indexOf('0:12');
  assert.ok(panel.margins.some((m) => m.start < stamp && m.end > stamp + 4));
  const [doc] = collectPlainText('page.txt', PAGE, { published: '2026-02-02' });
  const claims = extract(doc!).claims.map((c) => `${PAGE.slice(c.span.start, c.span.end)} ${c.unit}`);
  assert.ok(claims.includes('4,500 passengers'), claims.join(' | '));
  assert.ok(claims.includes('12 EUR'), claims.join(' | '));
  assert.ok(!claims.some((c) => c.startsWith('9 ') || c.startsWith('0')), claims.join(' | '));
});

test('a description\'s chapter list, timestamps beside their words, is no transcript panel', () => {
  const list = ['Chapters', ...Array.from({ length: 12 }, (_, i) => `${i}:1${i % 10} Part ${i}`)].join('\n');
  assert.equal(findCaptionPanel(list), null);
});

test('a transcript panel: a chapter headed as a paid read is a promotion inside the body, its figures no claims', () => {
  const stamp = (i: number): string => `${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}`;
  const captions = [
    'welcome back today the river ferries',
    'the city transport office said last week that',
    'around 7,200 riders used them in march',
    'quick break this episode is brought to you',
    'by tidewave use my code for 25%',
    'off your first month link below',
    'so back to the ferries the office',
    'also wants 14 new boats by 2028',
    'that is all from me see you soon',
  ];
  const lines: string[] = ['Transcript', 'Intro'];
  captions.forEach((c, i) => {
    if (i === 3) lines.push('Sponsor');
    if (i === 6) lines.push('Back to the boats');
    lines.push(stamp(i * 4), c);
  });
  const page = lines.join('\n');
  const panel = findCaptionPanel(page)!;
  assert.equal(panel.promos.length, 1);
  const [doc] = collectPlainText('page.txt', page, { published: '2026-04-01' });
  const claims = extract(doc!).claims.map((c) => page.slice(c.span.start, c.span.end));
  assert.ok(claims.includes('7,200') && claims.includes('14'), claims.join(' | '));
  assert.ok(!claims.some((c) => c.startsWith('25')), claims.join(' | '));
});
