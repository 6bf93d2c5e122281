import { createHash } from 'node:crypto';

/** Parallax's namespace for name-based UUIDs (itself a UUIDv5 of "parallax" in the URL namespace's spirit). */
export const PARALLAX_UUID_NAMESPACE = '5f0e1c2a-8f3d-5b6e-9a41-7c2d3e4f5a6b';

/**
 * A deterministic UUID from a name (RFC 9562 §5.5: SHA-1 of namespace and name), so an export of
 * the same thing gives the same identifier every time. `version: 4` sets the version bits of a
 * random UUID instead, for fields a standard wants as UUIDv4 (TAXII collection ids) while staying
 * deterministic.
 */
export function nameUuid(name: string, options: { namespace?: string; version?: 4 | 5 } = {}): string {
  const ns = Buffer.from((options.namespace ?? PARALLAX_UUID_NAMESPACE).replace(/-/g, ''), 'hex');
  const b = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | ((options.version ?? 5) << 4);
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
