import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';

const mainOf = (d: { text: string; main: { start: number; end: number } }): string => d.text.slice(d.main.start, d.main.end);

test('a live page: the first post\'s stamp, headline and byline open the story, as the later posts\' do', () => {
  const [doc] = collectPlainText('live.txt', [
    'LIVE: Floods in the lower basin',
    '16:20 CET, 4 March 2027',
    'Second dyke gives way near the old harbour',
    'From our reporter in Deltaport',
    'A second dyke gave way this afternoon and about 600 more residents are leaving the streets near the old harbour, the district office said.',
    '14:05 CET, 4 March 2027',
    'River passes the 2019 mark',
    'Gauge 4 read 6.2 metres at noon, the highest reading since the flood of 2019, according to the basin authority.',
  ].join('\n\n'));
  assert.match(mainOf(doc!), /^16:20 CET, 4 March 2027/);
});

test('an article\'s time line above its first paragraph stays the page\'s when no post follows', () => {
  const [doc] = collectPlainText('article.txt', [
    'Second dyke gives way near the old harbour',
    '16:20 CET, 4 March 2027',
    'A second dyke gave way this afternoon and about 600 more residents are leaving the streets near the old harbour, the district office said.',
    'Gauge 4 read 6.2 metres at noon, the highest reading since the flood of 2019, according to the basin authority.',
  ].join('\n\n'));
  assert.match(mainOf(doc!), /^A second dyke gave way/);
});

test('a live page\'s closing note above its summary is the page\'s, as its headline and byline are', () => {
  const [doc] = collectPlainText('summary.txt', [
    'DELTA HERALD  |  Region  |  Floods',
    'Live coverage has ended. This summary replaces our live coverage of 4 March.',
    'Second dyke gives way near the old harbour: what we know',
    'By Ina Vos and Tom Lieb',
    'Published 5 March 2027, 07:10 CET',
    'DELTAPORT (Delta Herald) — A second dyke gave way on Tuesday and about 600 more residents left the streets near the old harbour, the district office said.',
    'Gauge 4 read 6.2 metres at noon, the highest reading since the flood of 2019, according to the basin authority.',
  ].join('\n\n'));
  assert.match(mainOf(doc!), /^DELTAPORT \(Delta Herald\)/);
});
