import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { hardWrapped } from './hard-wrapped.fixture.js';
import { collectHtml } from '../html/collect-html.js';
import { mainText } from '../../domain/document.js';

const story = [
  'RIVER FREIGHT MONITOR',
  'Where the grain barges went',
  'The grain fleet on the lower canal shrank by a third in two years, according to the port authority.[1] Owners blame the insurers, who raised premiums twice last spring.[2]',
  'A skipper who paid 9,000 euros a season now pays twice that, and the harbour master expects more boats to be sold before the autumn.[3]',
];

test('a list of endnotes that only cites sources closes the story, with its heading', () => {
  const [doc] = collectPlainText('notes.txt', [
    ...story,
    'Notes',
    '[1] Port authority, annual fleet register, 4 February 2027, pp. 12-14.',
    '[2] Interviews conducted in Ostrava and Brno, March 2027; "Insurers raise 40 premiums", Canal Gazette, 2 April 2027.',
    '[3] Harbour master, remarks to the chamber of commerce, 9 May 2027.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /sold before the autumn\.$/);
});

test('endnotes hard-wrapped under a rule are read one note a line', () => {
  const notes = [
    '[1] Port authority, annual fleet register, 4 February 2027, pp. 12-14, with the tables of the',
    'appendix and the register of owners, as published by the authority on its website.',
    '[2] Interviews conducted in Ostrava and Brno, March 2027; notes on file with the monitor.',
    '[3] Harbour master, remarks to the chamber of commerce, 9 May 2027, and a letter of 11 May.',
  ];
  const [doc] = collectPlainText('wrapped.txt', [...story.slice(0, 2), ...story.slice(2).map(hardWrapped), '-'.repeat(60), notes.join('\n')].join('\n\n'));
  assert.match(mainText(doc!), /sold before the autumn\.$/);
});

test('endnotes that state figures of their own stay in the story', () => {
  const [doc] = collectPlainText('stated.txt', [
    ...story,
    'Notes',
    '[1] Port authority, annual fleet register, 4 February 2027.',
    '[2] The insurers said they had paid about 3,400 claims on the canal in 2026.',
    '[3] Harbour master, remarks to the chamber of commerce, 9 May 2027.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /remarks to the chamber of commerce, 9 May 2027\.$/);
});

test('a page of footnotes that does not start at 1 belongs to an excerpt and stays in it', () => {
  const [doc] = collectPlainText('excerpt.txt', [
    ...story,
    '[7] Port authority, annual fleet register, 4 February 2027.',
    '[8] Harbour master, remarks to the chamber of commerce, 9 May 2027.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /9 May 2027\.$/);
});

test('an HTML page: notes of citations under the article are apparatus', () => {
  const html = `<html><body><article>
    <h1>Where the grain barges went</h1>
    ${story.slice(2).map((p) => `<p>${p}</p>`).join('\n')}
    <h3>Notes</h3>
    <p>[1] Port authority, annual fleet register, 4 February 2027.</p>
    <p>[2] Canal Gazette, 2 April 2027 (withdrawn on 3 April; copy held by the monitor).</p>
    <p>[3] Harbour master, remarks to the chamber of commerce, 9 May 2027.</p>
  </article></body></html>`;
  const [doc] = collectHtml('notes.html', html);
  assert.match(mainText(doc!), /sold before the autumn\.$/);
});

test('a title in single quotes is the cited work\'s words, not the note\'s', () => {
  const [doc] = collectPlainText('single.txt', [
    ...story,
    'Notes',
    '[1] Port authority, annual fleet register, 4 February 2027.',
    '[2] Canal Gazette, ‘Owners may have sold 40 barges this year’, 2 April 2027.',
    '[3] Harbour master, remarks to the chamber of commerce, 9 May 2027.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /sold before the autumn\.$/);
});
