import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ftsQuery } from './fts-query.js';

test('words and phrases become quoted FTS5 strings', () => {
  assert.equal(ftsQuery('artillery shells'), '"artillery" "shells"');
  assert.equal(ftsQuery('"Kursk region" troops'), '"Kursk region" "troops"');
});

test('designators with hyphens are phrases, not operators', () => {
  assert.equal(ftsQuery('KN-23'), '"KN 23"');
});

test('OR between terms is kept; stray operators and punctuation vanish', () => {
  assert.equal(ftsQuery('Kursk OR Donetsk'), '"Kursk" OR "Donetsk"');
  assert.equal(ftsQuery('OR Kursk OR'), '"Kursk"');
  assert.equal(ftsQuery('( * - )'), '');
});
