import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from './from-plain-text.js';
import { findStampedLog } from './stamped-log.js';

const LOG = [
  'WATCHDESK CAPTION EXPORT',
  'Station ........ RTV 7 (cable ch. 7)',
  'Window ......... 2024-03-10 18:00 -> 2024-03-11 09:00',
  '====================================================================',
  'TIME                 ELEM   TEXT',
  '--------------------------------------------------------------------',
  '2024-03-10 18:02:11  L3     EVENING REPORT | FLOODS IN THE NORTH',
  '2024-03-10 18:03:40  L3     INTERIOR MINISTRY: 1,200 HOMES FLOODED SINCE FRIDAY',
  '2024-03-10 18:04:02  L3     RED CROSS: 340 FAMILIES MOVED TO SHELTERS LAST WEEK',
  '2024-03-10 18:09:12  L3     WEATHER OFFICE: 90 MM OF RAIN FELL OVERNIGHT',
  '2024-03-11 07:01:15  L3     MORNING DESK | FLOODS: WHAT WE KNOW',
  '2024-03-11 07:02:40  L3     INTERIOR MINISTRY: 300 MORE HOMES FLOODED',
  '2024-03-11 07:05:10  CRAWL  + RED CROSS: 400 FAMILIES IN SHELTERS + RAIL LINE REOPENS +',
  '--------------------------------------------------------------------',
  'END OF EXPORT | 7 lines | OCR 98.1%',
  '',
].join('\n');

test('a log of time-stamped rows between rules: the rows are the body, each day a post, each stamp a margin', () => {
  const log = findStampedLog(LOG);
  assert.ok(log !== null);
  const body = LOG.slice(log.main.start, log.main.end);
  assert.ok(body.startsWith('2024-03-10 18:02:11  L3     EVENING REPORT'));
  assert.ok(body.endsWith('RAIL LINE REOPENS +'));
  assert.deepEqual(log.posts.map((p) => [p.published, LOG.slice(p.start, p.end).split('\n').length]), [['2024-03-10', 4], ['2024-03-11', 3]]);
  // The stamp is the date and clock only; the element code stays, a column the headline reader knows.
  assert.equal(LOG.slice(log.stamps[0]!.start, log.stamps[0]!.end), '2024-03-10 18:02:11');
  const [doc] = collectPlainText('log.txt', LOG, { published: '2024-03-11' });
  assert.deepEqual(doc!.main, log.main);
  assert.equal(doc!.posts?.length, 2);
  assert.ok(doc!.boilerplate.some((b) => b.kind === 'margin' && b.start === log.stamps[1]!.start));
});

test('stamped lines without a ruled table, or a few stamps among prose, are no log', () => {
  const loose = LOG.split('\n').filter((l) => !/^[-=]{10,}$/.test(l)).join('\n');
  assert.equal(findStampedLog(loose), null);
  const prose = [
    '----------------------------------------',
    'The ministry said on Sunday that 1,200 homes were flooded.',
    '2024-03-10 18:03 update: the toll rose.',
    'Crews worked through the night to clear the roads, officials said.',
    'More rain is expected this week.',
    '----------------------------------------',
  ].join('\n');
  assert.equal(findStampedLog(prose), null);
});
