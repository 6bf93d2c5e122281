import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectBytes } from '../index.js';
import { mainText } from '../../domain/document.js';

const page = (rows: string) =>
  `<html><body><div class="content"><p>The port authority said on Monday that it had held the bulk carrier LUNA BAY at its outer anchorage for a second week while inspectors examine its papers and its cargo.</p>
<p>Inspectors boarded the vessel after it arrived from the south, and the authority said the detention would last until the owner answers its questions about the voyage.</p>
<table><caption>Vessel details</caption><tbody>${rows}</tbody></table></div>
<div class="footer"><p>Copyright Port Authority. All rights reserved.</p></div></body></html>`;

test("a particulars table's last row holding a figure stays in the story with the rows above it", () => {
  const rows = '<tr><th>Flag</th><td>Panama</td></tr><tr><th>Length</th><td>180 m</td></tr><tr><th>Crew</th><td>21</td></tr><tr><th>Cargo</th><td>About 30,000 tonnes of wheat</td></tr>';
  const main = mainText(collectBytes('page.html', new TextEncoder().encode(page(rows)))[0]!);
  assert.match(main, /About 30,000 tonnes of wheat$/);
});

test("a table's last row without a figure is still left out like a closing heading", () => {
  const rows = '<tr><th>Flag</th><td>Panama</td></tr><tr><th>Length</th><td>180 m</td></tr><tr><th>Crew</th><td>21</td></tr><tr><th>Operator</th><td>Unknown</td></tr>';
  const main = mainText(collectBytes('page.html', new TextEncoder().encode(page(rows)))[0]!);
  assert.doesNotMatch(main, /Unknown$/);
});
