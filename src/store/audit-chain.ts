import { createHash } from 'node:crypto';
import type { AuditEntry } from './store.js';

/** The "previous hash" of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash an audit entry stores: SHA-256 of the previous entry's hash and this entry's content,
 * so changing, inserting or deleting an entry breaks every hash after it. Every store dialect
 * computes it the same way (JSON of the fields in a fixed order), so a log can be checked anywhere.
 */
export function auditEntryHash(previousHash: string, e: Omit<AuditEntry, 'hash'>): string {
  const content = JSON.stringify([e.id, e.at, e.partnerId, e.role, e.action, e.status, e.ids, e.detail]);
  return createHash('sha256').update(previousHash).update('\n').update(content).digest('hex');
}
