import { LOCAL_ADMIN } from '../domain/viewer.js';
import { auditEntryHash, GENESIS_HASH } from '../store/audit-chain.js';
import type { AuditEntry, Store } from '../store/store.js';

export type AuditVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; problem: string };

/**
 * Walks the audit log in order and recomputes each entry's hash from the previous one. The first
 * entry that does not match is named: it (or one before it, or a deleted neighbour) was changed.
 * Deleting the newest entries leaves no trace in a chain alone; anchor the last hash elsewhere
 * (print it, send it to a partner) to detect that too.
 */
export async function verifyAuditLog(store: Store, pageSize = 10_000): Promise<AuditVerdict> {
  let previous = GENESIS_HASH;
  let expectedId = 1;
  let entries = 0;
  let afterId = 0;
  for (;;) {
    const page = await store.listAudit(LOCAL_ADMIN, { afterId, limit: pageSize });
    for (const e of page) {
      const problem = checkEntry(e, previous, expectedId);
      if (problem !== null) return { ok: false, entries, brokenAt: e.id, problem };
      previous = e.hash;
      expectedId = e.id + 1;
      entries++;
    }
    if (page.length < pageSize) return { ok: true, entries };
    afterId = page[page.length - 1]!.id;
  }
}

function checkEntry(e: AuditEntry, previousHash: string, expectedId: number): string | null {
  if (e.id !== expectedId) return `entry ${expectedId}${e.id > expectedId + 1 ? `–${e.id - 1}` : ''} is missing`;
  const { hash, ...content } = e;
  return auditEntryHash(previousHash, content) === hash ? null : `entry ${e.id} does not match its hash (changed, or an entry before it was)`;
}
