import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

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
  assert.match(mainText(doc!), /^16:20 CET, 4 March 2027/);
});

test('an article\'s time line above its first paragraph stays the page\'s when no post follows', () => {
  const [doc] = collectPlainText('article.txt', [
    'Second dyke gives way near the old harbour',
    '16:20 CET, 4 March 2027',
    'A second dyke gave way this afternoon and about 600 more residents are leaving the streets near the old harbour, the district office said.',
    'Gauge 4 read 6.2 metres at noon, the highest reading since the flood of 2019, according to the basin authority.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /^A second dyke gave way/);
});

test('a live page\'s closing note above its summary is the page\'s, as its headline and byline are', () => {
  const [doc] = collectPlainText('summary.txt', [
    'DELTA HERALD  |  Region  |  Floods',
    'Live coverage has ended. This summary replaces our live coverage of March 4.',
    'River floods Deltaport as Riverton counts evacuated residents: here\'s what we know',
    'By Ina Vos and Tom Lieb\nPublished 5 March 2027, 07:10 CET  |  Updated 09:40 CET',
    'DELTAPORT/RIVERTON (Delta Herald) — A second dyke gave way on Tuesday and about 600 more residents left the streets near the old harbour, hours before the governor accused the basin authority of ignoring its own engineers.',
    'Here\'s what we know:',
    '• Gauge 4 read 6.2 metres at noon, the highest reading since the flood of 2019, according to the basin authority.\n• The district opened two more shelters in schools on the higher ground east of the station.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /^DELTAPORT\/RIVERTON \(Delta Herald\)/);
});
