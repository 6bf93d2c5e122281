import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectHtml } from './collect-html.js';
import { mainText } from '../../domain/document.js';

const STORY = `<h1>Barges on the lower canal</h1>
  <p>The grain fleet on the lower canal shrank by a third in two years, according to the port authority.<sup><a href="#fn1">[1]</a></sup> Owners blame the insurers.</p>
  <p>A skipper who paid 9,000 euros a season now pays twice that, and more boats are expected to be sold before the autumn.<sup><a href="#fn2">[2]</a></sup></p>`;

test('a numbered list of notes is written with its numbers, and one that only cites closes the story', () => {
  const html = `<html><body><article>${STORY}
    <section class="footnotes"><h2>Notes</h2><ol>
      <li id="fn1">Port authority, annual fleet register, 4 February 2027. <a href="#r1">↩</a></li>
      <li id="fn2">Canal Gazette, ‘Owners may have sold 40 barges’, 2 April 2027. <a href="#r2">↩</a></li>
    </ol></section></article></body></html>`;
  const doc = collectHtml('notes.html', html)[0]!;
  assert.match(doc.text, /\n\[1\] Port authority, annual fleet register/);
  assert.match(doc.text, /\n\[2\] Canal Gazette/);
  assert.match(mainText(doc), /sold before the autumn\.(?:\[2\])?$/);
});

test('notes known by their ids, counted from the list\'s start, stay in the story when they state figures', () => {
  const html = `<html><body><article>${STORY}
    <ol start="4"><li id="fn4">Port authority, annual fleet register, 4 February 2027.</li>
      <li id="fn5">Interview with a skipper, who said he had sold 3 barges since the spring.</li></ol>
    </article></body></html>`;
  const doc = collectHtml('notes.html', html)[0]!;
  assert.match(mainText(doc), /\[4\] Port authority[^\n]*\n\[5\] Interview with a skipper, who said he had sold 3 barges since the spring\.$/);
});

test('other numbered lists, and notes that write their own marks, get no mark', () => {
  const html = `<html><body><article>${STORY}
    <ol><li>Load the barge at the quay before the tide turns in the morning.</li><li>Sail down to the lock at the second bridge.</li></ol>
    <section class="endnotes"><ol><li>[1] Port authority register.</li><li>2. Canal Gazette, 2 April 2027.</li></ol></section>
    </article></body></html>`;
  const doc = collectHtml('steps.html', html)[0]!;
  assert.match(doc.text, /\nLoad the barge/);
  assert.match(doc.text, /\n\[1\] Port authority register\.\n2\. Canal Gazette/);
});
