import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectHtml } from './collect-html.js';
import { mainText } from '../../domain/document.js';

test('a word processor\'s bookmarked section headings are headings, not links, and the first opens the story', () => {
  const html = `<html><body>
    <p>Basin Authority</p>
    <p>Flood Desk | FACT SHEET No. 2027-03 | 6 March 2027</p>
    <p><i>Figures current as of 5 March 2027 · For public release</i></p>
    <h2><a name="_Toc1001">1. Key points</a></h2>
    <p>· About 600 residents left the streets near the old harbour after a second dyke gave way on 4 March.</p>
    <p>· Gauge 4 read 6.2 metres at noon, the highest reading since the flood of 2019.</p>
    <h2><a name="_Toc1002">2. Shelters</a></h2>
    <p>The district opened two more shelters in schools on the higher ground east of the station, with room for 400 people.</p>
  </body></html>`;
  const [doc] = collectHtml('fact-sheet.html', html);
  assert.match(mainText(doc!), /^1\. Key points/);
});
