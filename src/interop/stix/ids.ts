import { createHash, randomUUID } from 'node:crypto';

/**
 * Parallax's own UUIDv5 namespace. Ids of exported objects are UUIDv5 over stable keys
 * (`report|<content hash>|<marking>`, `identity|<entity key>`), so exporting the same store
 * twice gives the same ids and a consumer sees updates, not new objects. (STIX asks for v4 in
 * SDO ids but accepts any RFC 4122 UUID; v5 is what it uses itself for deterministic SCO ids.)
 */
export const PARALLAX_NAMESPACE = '1ad1618b-9344-4492-be82-fbc629dba1bb';

const OWN_NAMESPACE = Buffer.from(PARALLAX_NAMESPACE.replace(/-/g, ''), 'hex');

/** RFC 4122 UUIDv5: SHA-1 of the namespace's bytes and the name, version and variant bits set. */
export function uuidv5(name: string, namespace: string = PARALLAX_NAMESPACE): string {
  const ns = namespace === PARALLAX_NAMESPACE ? OWN_NAMESPACE : Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`not a UUID: ${namespace}`);
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** `type--uuidv5(key)`: the deterministic STIX id of an object of that type with that key. */
export const stixId = (type: string, key: string): string => `${type}--${uuidv5(`${type}|${key}`)}`;

/** A bundle is a transient envelope (STIX 2.1 §8): each export gets a fresh one. */
export const newBundleId = (): string => `bundle--${randomUUID()}`;

const STIX_ID = /^([a-z][a-z0-9-]+[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

/** The type part of a STIX id, or undefined when it is not one. */
export function typeOfId(id: unknown): string | undefined {
  return typeof id === 'string' ? STIX_ID.exec(id)?.[1] : undefined;
}
