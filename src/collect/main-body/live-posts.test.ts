import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';
import { collectHtml } from '../html/collect-html.js';

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

test('a live page stamped with bare times opens at its first post\'s time, under its teaser, update stamp and key-events box', () => {
  const html = `<html><body><main>
<h1>Storm Ilse: live</h1>
<p class="intro">Our reporters follow the storm across the coast through the day. All times are local.</p>
<p class="updated">Last updated: 04.02.2027, 18:05</p>
<section><h2>Highlights</h2><ul><li><a href="#e2">Ferry service halted</a></li><li><a href="#e1">Pier closed in Brandhaven</a></li></ul></section>
<div class="stream">
<div class="entry" id="e2"><span>17:50</span><h3>Ferry service halted</h3>
<p>The harbour office said all 14 crossings to the islands were cancelled for the evening as gusts reached 110 km/h on the outer moles.</p></div>
<div class="entry" id="e1"><span>09:12</span><h3>Pier closed in Brandhaven</h3>
<p>Brandhaven closed its old pier after waves tore away two sections of the railing overnight, the town council said in a short statement.</p></div>
</div></main></body></html>`;
  const [doc] = collectHtml('storm-live.html', html);
  assert.match(mainText(doc!), /^17:50\s+Ferry service halted\s+The harbour office said/);
});

test('a bare time over a speaker\'s turn, with no headline under it, opens no post', () => {
  const html = `<html><body><main>
<h1>Council sitting, 4 February</h1>
<p>14:02</p>
<p>Ms Ann Vale: I rise to ask the member for the harbour what the council will pay for the repairs to the old pier this spring.</p>
<p>14:09</p>
<p>Mr Tom Lieb: The council has set aside about 2 million for the pier, and the first works begin in April once the storm season is over.</p>
</main></body></html>`;
  const [doc] = collectHtml('sitting.html', html);
  assert.doesNotMatch(mainText(doc!), /^14:02/);
});
