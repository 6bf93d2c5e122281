import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storedAt } from './stored-at.js';

const T = Date.parse('2025-03-01T10:00:00.000Z');

test('a storing time is the clock when the clock is past every stored time', () => {
  assert.equal(storedAt(T, null, true), '2025-03-01T10:00:00.000Z');
  assert.equal(storedAt(T, '2025-03-01T09:59:59.999Z', true), '2025-03-01T10:00:00.000Z');
});

test('a clock behind the last stored time (another writer committed first, or a clock step) never goes back', () => {
  assert.equal(storedAt(T, '2025-03-01T10:00:05.000Z', false), '2025-03-01T10:00:05.000Z');
  assert.equal(storedAt(T, '2025-03-01T10:00:05.000Z', true), '2025-03-01T10:00:05.001Z');
});

test('strictly: a transaction does not share the last millisecond (PostgreSQL ids are not in commit order)', () => {
  assert.equal(storedAt(T, '2025-03-01T10:00:00.000Z', true), '2025-03-01T10:00:00.001Z');
  assert.equal(storedAt(T, '2025-03-01T10:00:00.000Z', false), '2025-03-01T10:00:00.000Z');
});
