import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mainText } from '../../domain/document.js';
import { collectPlainText } from '../text/from-plain-text.js';
import { collectHtml } from '../html/collect-html.js';
import { enactingFormulaBlock, findEnactingFormula } from './enacting-formula.js';
import { FISHERIES_ACT } from './enacting-formula.fixture.js';


test('an act’s formula: the institution alone on its line, the citations under it, the enacting words after', () => {
  const f = findEnactingFormula(FISHERIES_ACT, 0, FISHERIES_ACT.length);
  assert.ok(f);
  assert.equal(f.name, 'Fisheries Commission of the Northern Union');
  assert.equal(FISHERIES_ACT.slice(f.issuer.start, f.issuer.end), 'FISHERIES COMMISSION OF THE NORTHERN UNION');
  assert.equal(FISHERIES_ACT.slice(f.enacting.start, f.enacting.end), 'HAS ADOPTED THIS DECISION:');
  // Without the enacting words it is no act printed whole (a story may quote a citation).
  const cut = FISHERIES_ACT.replace('HAS ADOPTED THIS DECISION:', 'The council adopted the decision.');
  assert.equal(findEnactingFormula(cut, 0, cut.length), null);
  // "Having regard to" inside a sentence, under a line that names no institution, opens no formula.
  const story = 'The Minister, speaking in Oslo,\nsaid that, having regard to the costs, 12 boats would be scrapped.\nHAS ADOPTED THIS DECISION:\n';
  assert.equal(findEnactingFormula(story, 0, story.length), null);
});

test('an act printed whole starts at its institution: the journal’s header and the act’s title are its heading', () => {
  const [doc] = collectPlainText('act.txt', FISHERIES_ACT);
  assert.match(mainText(doc!), /^THE FISHERIES COMMISSION OF THE NORTHERN UNION,/);
  assert.match(mainText(doc!), /Done at Tromsvik, 2 February 2031\.$/);
  const blocks = FISHERIES_ACT.split('\n').filter((l) => l !== '').map((text) => ({ text }));
  assert.equal(blocks[enactingFormulaBlock(blocks)]!.text, 'THE FISHERIES COMMISSION OF THE NORTHERN UNION,');
});

test('on a portal’s page too, the act starts at its institution, not at a collapsed panel above it', () => {
  const paragraphs = FISHERIES_ACT.split('\n').filter((l) => l !== '').map((l) => `<p>${l}</p>`).join('\n');
  const html = `<html><body><nav><a href="/">Home</a> <a href="/law">Law</a></nav><main><h1>Commission Decision 2031/88 on the herring grounds</h1>
<section><h2><button aria-expanded="false">Languages</button></h2><p hidden>This decision is available in 9 languages.</p></section>
${paragraphs}</main><footer>Contact the Gazette office</footer></body></html>`;
  const [doc] = collectHtml('act.html', html);
  assert.match(mainText(doc!), /^THE FISHERIES COMMISSION OF THE NORTHERN UNION,/);
});
