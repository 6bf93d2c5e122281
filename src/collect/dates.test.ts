import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDate, parseDate } from './dates.js';

test('written dates in bylines and datelines', () => {
  assert.equal(findDate('By A. Writer · Published Nov. 1, 2024'), '2024-11-01');
  assert.equal(findDate('Desk | Tuesday, April 29, 2025'), '2025-04-29');
  assert.equal(findDate('Thursday 7 November 2024 | 12:00 GMT'), '2024-11-07');
  assert.equal(findDate('Sept. 13, 2023'), '2023-09-13');
  assert.equal(findDate('posted 2022-02-30'), null);
  assert.equal(findDate('no date here'), null);
});

test('machine dates: ISO 8601 keeps the written day, RFC 822 is parsed', () => {
  assert.equal(parseDate('2024-03-05T22:10:00+09:00'), '2024-03-05');
  assert.equal(parseDate('Tue, 05 Nov 2024 07:30:00 GMT'), '2024-11-05');
  assert.equal(parseDate(''), null);
  assert.equal(parseDate('soon'), null);
});
