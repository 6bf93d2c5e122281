import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectHtml } from './collect-html.js';

test('a quotation\'s footer or figure caption names who is quoted and stays in the story', () => {
  const html = `<html><body><main><h1>Board approves the new dock</h1>
    <p>The harbour board approved the new dry dock on Monday after a year of consultation with the shipyards.</p>
    <blockquote><p>“We expect the first hull in the dock within two years.”</p><footer>Ingrid Holm, chair of the harbour board</footer></blockquote>
    <figure><blockquote><p>“The yards have waited long enough.”</p></blockquote><figcaption>Tomas Vik, union representative</figcaption></figure>
    <p>Construction is due to start in the spring, and the yards will share the cost of dredging the approach.</p>
  </main><footer>© Harbour News</footer></body></html>`;
  const doc = collectHtml('dock.html', html)[0]!;
  const main = doc.text.slice(doc.main.start, doc.main.end);
  assert.match(main, /Ingrid Holm, chair of the harbour board/);
  assert.match(main, /Tomas Vik, union representative/);
  assert.doesNotMatch(doc.text, /Harbour News/);
});
