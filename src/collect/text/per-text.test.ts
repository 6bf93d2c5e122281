import { test } from 'node:test';
import assert from 'node:assert/strict';
import { perText } from './per-text.js';

test('a per-text question is read once for a text asked again, and again for a new text', () => {
  let reads = 0;
  const holdsDigit = perText((text) => {
    reads++;
    return /\d/.test(text);
  });
  assert.equal(holdsDigit('Some 300 boats left.'), true);
  assert.equal(holdsDigit('Some 300 boats left.'), true);
  assert.equal(reads, 1);
  assert.equal(holdsDigit('No figure here.'), false);
  assert.equal(holdsDigit('Some 300 boats left.'), true);
  assert.equal(reads, 3);
});
