import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectHtml } from '../html/collect-html.js';
import { mainText } from '../../domain/document.js';

/** A made-up betting exchange's market page: a prompt to log in above the rules, a log of the page's edits under them. */
const PAGE = `<!DOCTYPE html><html><head><title>Will the canal reopen by June? | Oddsfield</title></head><body>
<main>
<section class="price"><span>Market price</span> <span>44%</span><p class="hint">Log in to place a bet.</p></section>
<section id="about"><h2>About this market</h2>
<p>The canal closed to barges in February after a lock gate failed at the upper basin, and the waterways agency said repairs would take at least twelve weeks.</p>
<p>Contractors began pouring the new sill in April. The agency said on 2 May that the work was two weeks behind schedule, but that it still hoped to open the lock to barges of up to 1,500 tonnes before the summer.</p>
<p>This market resolves Yes if the agency reports the lock open to commercial traffic on or before 30 June.</p>
</section>
<section id="history"><h2>Market history</h2>
<ol><li>Mar 1 · Market opened.</li><li>May 3 · Background updated with the agency's statement.</li></ol>
</section>
</main></body></html>`;

test('a prompt to log in above the text is furniture, and a page\'s log of its edits under it is end matter', () => {
  const [doc] = collectHtml('market.html', PAGE);
  assert.match(mainText(doc!), /^The canal closed to barges in February/);
  assert.match(mainText(doc!), /on or before 30 June\.$/);
});
