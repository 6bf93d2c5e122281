import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectHtml } from './collect-html.js';

const mainOf = (html: string): { text: string; main: string } => {
  const doc = collectHtml('page.html', html)[0]!;
  return { text: doc.text, main: doc.text.slice(doc.main.start, doc.main.end) };
};

const INTRO = `<p>The river authority has published its annual review of the flood defences along the lower valley, with figures for each district.</p>`;

test('an accordion\'s collapsed panels are the article, and their buttons title them', () => {
  const html = `<html><body><main><article><h1>Flood defences: the year in review</h1>${INTRO}
    <div class="accordion">
      <h3><button type="button" aria-expanded="false" aria-controls="p-levees">Levees</button></h3>
      <div id="p-levees" class="accordion-panel" hidden><p>Engineers raised 14 kilometres of levee near the estuary, the largest single project since the storms of the previous decade.</p></div>
      <h3><button type="button" aria-expanded="false" aria-controls="p-pumps">Pumping stations</button></h3>
      <div id="p-pumps" class="accordion-panel" aria-hidden="true"><p>Three pumping stations were rebuilt, and the authority says they can now clear 40 cubic metres of water a second.</p></div>
      <h3><button type="button" aria-expanded="false" data-bs-target="#p-cost">Cost</button></h3>
      <div id="p-cost" style="display:none"><p>The programme cost 61 million euros, a fifth more than the budget set when it began.</p></div>
    </div></article></main></body></html>`;
  const { main } = mainOf(html);
  assert.match(main, /14 kilometres of levee/);
  assert.match(main, /40 cubic metres/);
  assert.match(main, /61 million euros/);
  assert.match(main, /^The river authority/);
  assert.match(main, /\n\nPumping stations\n\nThree pumping stations/);
});

test('a region that names its control, a tab panel and a hidden="until-found" section are read', () => {
  const html = `<html><body><main>${INTRO}
    <h2><button id="b-2" aria-expanded="false">Spending</button></h2>
    <section role="region" aria-labelledby="b-2" hidden><p>Spending on maintenance rose to 9 million euros as older sluices were replaced along the canal.</p></section>
    <div role="tabpanel" id="t-2" hidden><p>In the northern district 1,200 households were moved out of the highest-risk zone over two years.</p></div>
    <div hidden="until-found"><p>The authority expects to finish the last section of the sea wall within four years of the review.</p></div>
  </main></body></html>`;
  const { main } = mainOf(html);
  assert.match(main, /9 million euros/);
  assert.match(main, /1,200 households/);
  assert.match(main, /within four years/);
  assert.match(main, /Spending\n\nSpending on maintenance/);
});

test('hidden menus, forms, dialogs and panels nobody opens stay out', () => {
  const html = `<html><body>
    <div><button aria-expanded="false" aria-controls="menu-1">Sections</button>
      <div id="menu-1" hidden><a href="/a">Weather reports and forecasts</a> <a href="/b">Flood warnings by district</a> <a href="/c">Press office</a></div></div>
    <div><button aria-expanded="false" aria-haspopup="true" aria-controls="pop-1">More</button>
      <div id="pop-1" hidden><p>A list of every district and its warning level, shown over the page when asked for.</p></div></div>
    <main>${INTRO}
      <p>Every district reported lower water levels in the spring than in the year before the works began.</p>
      <button aria-expanded="false" aria-controls="fb">Report a problem</button>
      <div id="fb" hidden><p>Tell us what went wrong with this page, without personal details.</p><textarea name="what"></textarea></div>
      <div id="orphan" hidden><p>A draft paragraph left in the page by the editor, which no control ever shows.</p></div>
    </main>
    <div id="dlg" role="dialog" hidden><p>Subscribe to the weekly bulletin of the river authority for alerts.</p></div>
    <button aria-expanded="false" aria-controls="dlg">Subscribe</button>
  </body></html>`;
  const { text } = mainOf(html);
  for (const gone of ['Weather reports', 'every district and its warning level', 'Tell us what went wrong', 'draft paragraph', 'weekly bulletin', 'Report a problem', 'Sections'])
    assert.ok(!text.includes(gone), `${gone} should not be in the text`);
  assert.match(text, /lower water levels/);
});

test('a closed <details> keeps its summary and its body', () => {
  const html = `<html><body><main>${INTRO}
    <details><summary>How the figures were gathered</summary><p>District engineers measured the water at 30 gauges every week from March to October.</p></details>
  </main></body></html>`;
  const { main } = mainOf(html);
  assert.match(main, /How the figures were gathered\n\nDistrict engineers measured the water at 30 gauges/);
});
