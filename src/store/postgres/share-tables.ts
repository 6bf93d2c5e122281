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
import type { PgDatabase } from './database.js';

/** Partners, tokens and the audit log (migration 3), for PostgresStore. */
export class ShareTables {
  readonly #db: PgDatabase;

  constructor(db: PgDatabase) {
    this.#db = db;
  }

  async addPartner(viewer: Viewer, input: PartnerInput): Promise<Partner> {
    mustBeAdmin(viewer, 'add a partner');
    return this.#db.transaction(async (tx) => {
      // Names and communities are checked against every partner: one admin at a time.
      await tx.run('LOCK TABLE partners IN SHARE ROW EXCLUSIVE MODE');
      checkNewPartner(input, (await tx.all<PartnerRow>('SELECT * FROM partners')).map(partnerFromRow));
      const row = await tx.get<PartnerRow>('INSERT INTO partners (id, clearance, communities, created_at) VALUES (?, ?, ?, ?) RETURNING *', [
        input.id,
        input.clearance,
        JSON.stringify(normalCommunities(input.communities)),
        new Date().toISOString(),
      ]);
      return partnerFromRow(row!);
    });
  }

  async listPartners(viewer: Viewer): Promise<Partner[]> {
    const rows =
      viewer.role === 'admin'
        ? await this.#db.all<PartnerRow>('SELECT * FROM partners ORDER BY id')
        : await this.#db.all<PartnerRow>('SELECT * FROM partners WHERE id = ?', [viewer.partnerId]);
    return rows.map(partnerFromRow);
  }

  async issueToken(viewer: Viewer, input: TokenInput): Promise<IssuedToken> {
    mustBeAdmin(viewer, 'issue a token');
    const createdAt = new Date().toISOString();
    // The partner check and the insert in one statement: no row when there is no such partner.
    const row = await this.#db.get<{ id: number }>(
      `INSERT INTO api_tokens (token_hash, partner_id, role, label, created_at)
       SELECT ?, p.id, ?, ?, ? FROM partners p WHERE p.id = ? RETURNING id`,
      [input.tokenHash, input.role, input.label ?? null, createdAt, input.partnerId],
    );
    if (!row) throw new StoreConflictError(`no partner "${input.partnerId}"`);
    return { id: row.id, partnerId: input.partnerId, role: input.role, label: input.label ?? null, createdAt };
  }

  async revokeToken(viewer: Viewer, tokenId: number): Promise<boolean> {
    mustBeAdmin(viewer, 'revoke a token');
    return (await this.#db.run('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [new Date().toISOString(), tokenId])) > 0;
  }

  async listTokens(viewer: Viewer, partnerId?: string): Promise<TokenRecord[]> {
    const scope = tokenScope(viewer, partnerId);
    if (scope === 'none') return [];
    const rows =
      'all' in scope
        ? await this.#db.all<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY id`)
        : await this.#db.all<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE partner_id = ? ORDER BY id`, [scope.partnerId]);
    return rows.map(tokenFromRow);
  }

  async viewerForToken(tokenHash: string): Promise<Viewer | undefined> {
    const row = await this.#db.get<{ id: string; clearance: string; communities: string[]; role: Role }>(
      `SELECT p.id, p.clearance, p.communities, t.role FROM api_tokens t JOIN partners p ON p.id = t.partner_id
       WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
      [tokenHash],
    );
    return row ? viewerFromRow(row) : undefined;
  }

  /** Reading the last hash and appending are one at a time across every connection (a transaction-scoped lock). */
  async appendAudit(input: AuditInput): Promise<AuditEntry> {
    return this.#db.transaction(async (tx) => {
      await tx.run(`SELECT pg_advisory_xact_lock(hashtextextended('parallax-audit:' || current_schema(), 0))`);
      const last = await tx.get<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
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
      await tx.run('INSERT INTO audit_log (id, at, partner_id, role, action, status, ids, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        entry.id,
        entry.at,
        entry.partnerId,
        entry.role,
        entry.action,
        entry.status,
        JSON.stringify(entry.ids),
        entry.detail,
        hash,
      ]);
      return { ...entry, hash };
    });
  }

  async listAudit(viewer: Viewer, query: { afterId?: number; limit?: number }): Promise<AuditEntry[]> {
    mustBeAdmin(viewer, 'read the audit log');
    const rows = await this.#db.all<AuditRow>('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?', [query.afterId ?? 0, query.limit ?? null]);
    return rows.map(auditFromRow);
  }
}
