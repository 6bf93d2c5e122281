import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API tokens: 32 random bytes, shown once, stored only as their SHA-256. A token needs no slow
 * hash (unlike a password): it has 256 bits of entropy, so no dictionary reaches it.
 */
export const TOKEN_PREFIX = 'plx_';

export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an `Authorization: Bearer TOKEN` header, or undefined when the header is not that. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const m = /^Bearer[ ]+([A-Za-z0-9._~+/=-]{1,200})[ ]*$/i.exec(header);
  return m?.[1];
}

/**
 * The token of an `Authorization` header: `Bearer TOKEN`, or HTTP Basic with the token as the
 * password (the user name is not checked: TAXII clients speak Basic). Undefined otherwise.
 */
export function credentialToken(header: string | undefined): string | undefined {
  const bearer = bearerToken(header);
  if (bearer !== undefined || header === undefined) return bearer;
  const m = /^Basic[ ]+([A-Za-z0-9+/=]{1,400})[ ]*$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  return /^[A-Za-z0-9._~+/=-]{1,200}$/.test(password) ? password : undefined;
}

/** Compares two hex digests in constant time (lengths are public: both are SHA-256). */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
