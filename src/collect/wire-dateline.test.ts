import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WIRE_DATELINE } from './wire-dateline.js';

test('a wire dateline may name two places joined by a slash, as a story filed from both does', () => {
  assert.match('HELSINKI/BRUSSELS, May 14 (Northwire) - Two drones crossed the border.', WIRE_DATELINE);
  assert.match('KYIV - Russia launched 40 drones overnight.', WIRE_DATELINE);
  assert.doesNotMatch('Helsinki/Brussels talks - a note', WIRE_DATELINE);
});
