import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectHtml } from './collect-html.js';

test("a pre-wrapped description's blank lines part paragraphs: the sponsor's read and the patron appeal are not the story", () => {
  const html = `<body><div id="description"><span class="attributed">
<span class="run">Use code TIDES for 15% off your first order – thanks to Harbourbox for sponsoring this video!</span>

<span class="run">The port of Aldmouth handled 4.2 million containers last year, up from 3.9 million, and the dredging of its second channel is due to finish in 2027.</span>

<span class="run">Its operator says the new berths will add room for 600,000 more containers a year once the cranes arrive from the yard.</span>

<span class="run">Harbour Notes is funded by viewers. Back us on Patreon from £2 a month.</span>
</span></div></body>`;
  const [doc] = collectHtml('video.html', html);
  const main = doc!.text.slice(doc!.main.start, doc!.main.end);
  assert.match(main, /^The port of Aldmouth/);
  assert.match(main, /from the yard\.$/);
});

test('a blank line in the source inside a paragraph, not after a finished sentence, parts nothing', () => {
  const html = `<body><article><p>The ferry left <b>Aldmouth</b>

<i>at dawn</i> with 300 passengers and reached the island before noon on Sunday.</p></article></body>`;
  const [doc] = collectHtml('page.html', html);
  assert.match(doc!.text, /The ferry left Aldmouth at dawn with 300 passengers/);
});

test("a page's style that keeps line breaks (white-space: pre-line) sets each source line of the element on a line of its own", () => {
  const html = `<html><head><style>.card{color:#333}.show-notes{white-space:pre-line}</style></head><body><div class="show-notes">
The ferry operator says the new hull carries 420 passengers, 60 more than the old one, and crosses in 40 minutes.

Timestamps
0:00 Opening
3:10 The 420-seat hull
Further reading
– Harbour Board, "Crossings in the Northern Sound" (2 March 2025): 1.1 million passengers; 210,000 cars.
– Island Council via its minutes, April 2025: 18 sailings a day.
</div><p style="white-space: pre-wrap">Deck A
Deck B</p><p>one
two</p></body></html>`;
  const [doc] = collectHtml('notes.html', html);
  const t = doc!.text;
  assert.match(t, /\n0:00 Opening\n3:10 The 420-seat hull\n/);
  assert.match(t, /\n– Harbour Board, "Crossings in the Northern Sound" \(2 March 2025\): 1\.1 million passengers; 210,000 cars\.\n– Island Council/);
  // An inline style keeps them too; an element no style sets runs its lines on.
  assert.match(t, /Deck A\nDeck B/);
  assert.match(t, /one two/);
});

test('no style keeping breaks, or one whose selector is not simple: the lines run on as before', () => {
  const html = `<html><head><style>.notes{white-space:nowrap} div > .notes{white-space:pre-wrap}</style></head><body><div class="notes">Line one
Line two</div></body></html>`;
  const [doc] = collectHtml('notes.html', html);
  assert.match(doc!.text, /Line one Line two/);
});

test("a show's notes: a correction pointing at a moment of the recording is one of its sections; the music credit and the patron appeal are not the story", () => {
  const html = `<html><head><style>#desc-text{white-space:pre-wrap}</style></head><body><div id="desc-text">
The ferry operator says the new hull carries 420 passengers, 60 more than the old one, and crosses in 40 minutes.

The council expects about 18 sailings a day once the second berth opens, up from 12 sailings now.

CORRECTION: At 3:10 we say the hull seats "about 500"; the operator's figure is 420. We apologise for the slip.

Music: Harbour Tunes. Maps: OpenStreetMap contributors.
Harbour Notes is funded by listeners. Back us on Patreon from £2 a month.
</div></body></html>`;
  const [doc] = collectHtml('show.html', html);
  const main = doc!.text.slice(doc!.main.start, doc!.main.end);
  assert.match(main, /^The ferry operator/);
  assert.match(main, /We apologise for the slip\.$/);
});
