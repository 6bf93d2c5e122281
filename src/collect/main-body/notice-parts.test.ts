import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectHtml } from '../html/collect-html.js';
import { mainText } from '../../domain/document.js';
import { isContactLine } from './notice-parts.js';

test('a contact line holds only telephone numbers, e-mail or web addresses after its label', () => {
  assert.ok(isContactLine('Telephone: +44 (20) 7946-0000'));
  assert.ok(isContactLine('Duty officer – Overseas desk: 800-555-0199 or +1 303-555-0142'));
  assert.ok(isContactLine('Email: consular.desk@example.org'));
  assert.ok(isContactLine('Website: travel.example.gov'));
  // A table's figures and a year range are no telephone numbers; a sentence is no contact line.
  assert.ok(!isContactLine('Total: 12 000 000'));
  assert.ok(!isContactLine('Period: 2024-2025'));
  assert.ok(!isContactLine('Call the duty officer on 800-555-0199 if you are stranded.'));
});

test("a notice in labelled parts opens at its first part and ends above the office's contact block", () => {
  const html = `<html><head><title>Travel notice: Northern provinces - Consulate General of Ruritania</title></head><body>
    <main><article><h1>Travel notice: Northern provinces</h1>
    <div class="entry-content">
    <p><strong>Area:</strong> Alder, Birch and Cedar provinces; the coastal highway north of the capital</p>
    <p><strong>Situation:</strong> The consulate reminds its nationals that flooding has cut the coastal highway in four places and that ferries to the islands run only twice a week.</p>
    <p>Provincial officials said on Monday that about 3,000 people had left low-lying villages since the rains began.</p>
    <p><strong>What to do:</strong></p>
    <ul><li>Avoid the coastal highway until further notice.</li>
    <li>Carry drinking water and food for at least two days when you travel north.</li></ul>
    <p><strong>Help:</strong></p>
    <p>Consulate General of Ruritania<br>12 Harbour Road<br>Telephone: +99 (1) 555-0100<br>Email: help@consulate.example</p>
    <ul><li>Overseas desk: 800-555-0199 or +1 303-555-0142</li></ul>
    </div></article></main></body></html>`;
  const [doc] = collectHtml('notice.html', html);
  const main = mainText(doc!);
  assert.match(main, /^Area: Alder, Birch and Cedar provinces/);
  assert.match(main, /food for at least two days when you travel north\.$/);
});

test('a header field above a labelled paragraph stays outside the story', () => {
  const html = `<html><body><main><article><div class="entry-content">
    <p><strong>Subject:</strong> Flooding in the northern provinces</p>
    <p><strong>Summary:</strong> Flooding has cut the coastal highway in four places, and the ferries run only twice a week.</p>
    <p>Provincial officials said that about 3,000 people had left low-lying villages since the rains began last month.</p>
    <p><strong>Outlook:</strong> More rain is expected over the weekend, the weather service said on Friday.</p>
    </div></article></main></body></html>`;
  const [doc] = collectHtml('memo.html', html);
  assert.match(mainText(doc!), /^Summary: Flooding/);
});
