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
