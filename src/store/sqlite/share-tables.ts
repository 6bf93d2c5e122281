import type Database from 'better-sqlite3';
import type { Viewer } from '../../domain/viewer.js';
import { auditEntryHash, GENESIS_HASH } from '../audit-chain.js';
import {
  auditFromRow,
  checkNewPartner,
  mustBeAdmin,
  normalCommunities,
  partnerFromRow,
  TOKEN_COLUMNS,
  tokenFromRow,
  tokenScope,
  viewerFromRow,
  type AuditRow,
  type PartnerRow,
  type TokenRow,
} from '../share-rows.js';
import type { AuditEntry, AuditInput, IssuedToken, Partner, PartnerInput, Role, TokenInput, TokenRecord } from '../store.js';
import { StoreConflictError } from '../viewer-scope.js';

/** Partners, tokens and the audit log (migration 3), for SqliteStore. */
export class ShareTables {
  readonly #db: Database.Database;
  readonly #s;

  constructor(db: Database.Database) {
    this.#db = db;
    const p = (sql: string) => db.prepare(sql);
    this.#s = {
      partner: p('SELECT * FROM partners WHERE id = ?'),
      partners: p('SELECT * FROM partners ORDER BY id'),
      insertPartner: p('INSERT INTO partners (id, clearance, communities, created_at) VALUES (?, ?, ?, ?) RETURNING *'),
      insertToken: p(
        'INSERT INTO api_tokens (token_hash, partner_id, role, label, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id, created_at',
      ),
      viewer: p(
        `SELECT p.id, p.clearance, p.communities, t.role FROM api_tokens t JOIN partners p ON p.id = t.partner_id
         WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
      ),
      revoke: p('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      tokens: p(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY id`),
      tokensOf: p(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE partner_id = ? ORDER BY id`),
      lastAudit: p('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'),
      insertAudit: p(
        'INSERT INTO audit_log (id, at, partner_id, role, action, status, ids, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      audit: p('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?'),
    };
  }

  addPartner(viewer: Viewer, input: PartnerInput): Partner {
    mustBeAdmin(viewer, 'add a partner');
    return this.#db
      .transaction(() => {
        checkNewPartner(input, (this.#s.partners.all() as PartnerRow[]).map(partnerFromRow));
        const row = this.#s.insertPartner.get(
          input.id,
          input.clearance,
          JSON.stringify(normalCommunities(input.communities)),
          new Date().toISOString(),
        ) as PartnerRow;
        return partnerFromRow(row);
      })
      .immediate();
  }

  listPartners(viewer: Viewer): Partner[] {
    const rows = this.#s.partners.all() as PartnerRow[];
    return rows.filter((r) => viewer.role === 'admin' || r.id === viewer.partnerId).map(partnerFromRow);
  }

  issueToken(viewer: Viewer, input: TokenInput): IssuedToken {
    mustBeAdmin(viewer, 'issue a token');
    if (!this.#s.partner.get(input.partnerId)) throw new StoreConflictError(`no partner "${input.partnerId}"`);
    const createdAt = new Date().toISOString();
    const row = this.#s.insertToken.get(input.tokenHash, input.partnerId, input.role, input.label ?? null, createdAt) as {
      id: number;
    };
    return { id: row.id, partnerId: input.partnerId, role: input.role, label: input.label ?? null, createdAt };
  }

  revokeToken(viewer: Viewer, tokenId: number): boolean {
    mustBeAdmin(viewer, 'revoke a token');
    return this.#s.revoke.run(new Date().toISOString(), tokenId).changes > 0;
  }

  listTokens(viewer: Viewer, partnerId?: string): TokenRecord[] {
    const scope = tokenScope(viewer, partnerId);
    if (scope === 'none') return [];
    const rows = ('all' in scope ? this.#s.tokens.all() : this.#s.tokensOf.all(scope.partnerId)) as TokenRow[];
    return rows.map(tokenFromRow);
  }

  viewerForToken(tokenHash: string): Viewer | undefined {
    const row = this.#s.viewer.get(tokenHash) as { id: string; clearance: string; communities: string; role: Role } | undefined;
    return row ? viewerFromRow(row) : undefined;
  }

  appendAudit(input: AuditInput): AuditEntry {
    return this.#db
      .transaction(() => {
        const last = this.#s.lastAudit.get() as { id: number; hash: string } | undefined;
        const entry: Omit<AuditEntry, 'hash'> = {
          id: (last?.id ?? 0) + 1,
          at: new Date().toISOString(),
          partnerId: input.partnerId,
          role: input.role,
          action: input.action,
          status: input.status,
          ids: input.ids,
          detail: input.detail ?? null,
        };
        const hash = auditEntryHash(last?.hash ?? GENESIS_HASH, entry);
        this.#s.insertAudit.run(
          entry.id,
          entry.at,
          entry.partnerId,
          entry.role,
          entry.action,
          entry.status,
          JSON.stringify(entry.ids),
          entry.detail,
          hash,
        );
        return { ...entry, hash };
      })
      .immediate();
  }

  listAudit(viewer: Viewer, query: { afterId?: number; limit?: number }): AuditEntry[] {
    mustBeAdmin(viewer, 'read the audit log');
    const rows = this.#s.audit.all(query.afterId ?? 0, query.limit ?? -1) as AuditRow[];
    return rows.map(auditFromRow);
  }
}
