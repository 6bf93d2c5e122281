import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { inTimeOrder } from '../store/federation-rows.js';
import type { KeyRotation } from '../store/store.js';
import { FEDERATION_SPEC, publicKeyOf } from './federation.js';

export type { KeyRotation };

/**
 * An instance's signing key is replaced by a new one: the statement "instance X's key K1 is now
 * K2", signed with K1. A receiver that pinned K1 (federation.ts, trust on first use) follows it
 * to K2, so an instance can change its key without every peer's administrator pinning the new
 * one by hand. Statements travel with pushes, relayed like the reports they concern, so an
 * instance that hears of X only through a relay follows too. A key that was lost cannot sign a
 * statement: then the new key is pinned by hand (`parallax peer trust INSTANCE KEY --replace`).
 */
export function rotationBytes(r: Omit<KeyRotation, 'signature'>): Buffer {
  return Buffer.from(JSON.stringify([FEDERATION_SPEC, 'key-rotation', r.instance, r.from, r.to, r.at]));
}

/** The statement an instance makes when it replaces `oldSigningKey` (PEM) by `newSigningKey`. */
export function signRotation(instance: string, oldSigningKey: string, newSigningKey: string, at: string): KeyRotation {
  const statement = { instance, from: publicKeyOf(oldSigningKey), to: publicKeyOf(newSigningKey), at };
  return { ...statement, signature: sign(null, rotationBytes(statement), createPrivateKey(oldSigningKey)).toString('base64') };
}

/** Whether the statement is signed by the key it replaces; false when anything in it is malformed. */
export function rotationHolds(r: KeyRotation): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(r.from, 'base64'), format: 'der', type: 'spki' });
    return r.from !== r.to && verify(null, rotationBytes(r), key, Buffer.from(r.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Where the statements lead from a pinned key: the key they end at, and the statements taken on
 * the way (in time order, each from the key the one before led to). Statements that do not start
 * from the key in hand, or are not signed by it, are passed over: a relay cannot move a pin.
 */
export function followRotations(pinned: string, rotations: readonly KeyRotation[]): { key: string; taken: KeyRotation[] } {
  let key = pinned;
  const taken: KeyRotation[] = [];
  for (const r of inTimeOrder(rotations)) {
    if (r.from !== key || !rotationHolds(r)) continue;
    key = r.to;
    taken.push(r);
  }
  return { key, taken };
}
