import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newSigningKey } from '../store/federation-rows.js';
import { publicKeyOf } from './federation.js';
import { followRotations, rotationHolds, signRotation } from './key-rotation.js';

const [k1, k2, k3, stranger] = [newSigningKey(), newSigningKey(), newSigningKey(), newSigningKey()];
const first = signRotation('px-origin', k1, k2, '2025-03-01T10:00:00.000Z');
const second = signRotation('px-origin', k2, k3, '2025-04-01T10:00:00.000Z');

test('a statement of rotation holds when the replaced key signed it, and not once a word of it changed', () => {
  assert.ok(rotationHolds(first));
  assert.equal(first.from, publicKeyOf(k1));
  assert.equal(first.to, publicKeyOf(k2));
  assert.ok(!rotationHolds({ ...first, to: publicKeyOf(stranger) }), 'another new key');
  assert.ok(!rotationHolds({ ...first, instance: 'px-other' }), 'another instance');
  assert.ok(!rotationHolds({ ...first, signature: 'AAAA' }), 'a malformed signature');
});

test('a pin follows the statements from the key it holds, in time order, whatever order they come in', () => {
  assert.deepEqual(followRotations(publicKeyOf(k1), [second, first]), { key: publicKeyOf(k3), taken: [first, second] });
  assert.deepEqual(followRotations(publicKeyOf(k2), [second, first]), { key: publicKeyOf(k3), taken: [second] });
  assert.deepEqual(followRotations(publicKeyOf(k3), [second, first]), { key: publicKeyOf(k3), taken: [] });
});

test('a relay cannot move a pin: a statement signed by another key than the one it replaces is passed over', () => {
  const forged = { ...signRotation('px-origin', stranger, k3, '2025-05-01T00:00:00.000Z'), from: publicKeyOf(k1) };
  assert.ok(!rotationHolds(forged));
  assert.deepEqual(followRotations(publicKeyOf(k1), [forged]), { key: publicKeyOf(k1), taken: [] });
});
