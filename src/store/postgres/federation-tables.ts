import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../domain/viewer.js';
import type { SqlFragment } from '../../share/policy.js';
import { inTimeOrder, newSigningKey, outgoingFromRow, peerFromRow, PROVENANCE_COLUMNS, rotationFromRow, type OutgoingRow, type PeerRow, type RotationRow } from '../federation-rows.js';
import { mustBeAdmin } from '../share-rows.js';
import type { KeyRotation, OutgoingQuery, OutgoingReport, Peer, PeerInput, PeerProgress } from '../store.js';
import { StoreConflictError } from '../viewer-scope.js';
import type { PgDatabase } from './database.js';

const KEEP_ROTATION = `INSERT INTO key_rotations (instance, from_key, to_key, at, signature, learned_from) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (instance, from_key) DO NOTHING`;

/**
 * This instance's id, its peers and what goes to them (migration 4), for PostgresStore. What goes
 * out is read in feed order (`report_feed.seq`, drawn at commit: see migration 4), not id order.
 */
export class FederationTables {
  readonly #db: PgDatabase;
  #instanceId: string | undefined;

  constructor(db: PgDatabase) {
    this.#db = db;
  }

  /** Generated on first use; two processes opening a fresh store agree (the first insert wins). */
  async instanceId(): Promise<string> {
    if (this.#instanceId === undefined) {
      await this.#db.run('INSERT INTO instance_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', ['instance_id', `px-${randomUUID()}`]);
      this.#instanceId = (await this.#db.get<{ value: string }>('SELECT value FROM instance_settings WHERE key = ?', ['instance_id']))!.value;
    }
    return this.#instanceId;
  }

  /** Generated on first use, like the id (migration 5). */
  async instanceSigningKey(): Promise<string> {
    await this.#db.run('INSERT INTO instance_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', ['signing_key', newSigningKey()]);
    return (await this.#db.get<{ value: string }>('SELECT value FROM instance_settings WHERE key = ?', ['signing_key']))!.value;
  }

  async pinInstanceKey(instance: string, publicKey: string, learnedFrom: string): Promise<string> {
    await this.#db.run('INSERT INTO instance_keys (instance, public_key, learned_from, learned_at) VALUES (?, ?, ?, ?) ON CONFLICT (instance) DO NOTHING', [
      instance,
      publicKey,
      learnedFrom,
      new Date().toISOString(),
    ]);
    return (await this.#db.get<{ public_key: string }>('SELECT public_key FROM instance_keys WHERE instance = ?', [instance]))!.public_key;
  }

  async replaceInstanceKey(instance: string, publicKey: string, learnedFrom: string): Promise<void> {
    await this.#db.run(
      `INSERT INTO instance_keys (instance, public_key, learned_from, learned_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (instance) DO UPDATE SET public_key = excluded.public_key, learned_from = excluded.learned_from, learned_at = excluded.learned_at`,
      [instance, publicKey, learnedFrom, new Date().toISOString()],
    );
  }

  async replaceSigningKey(signingKey: string, rotation: KeyRotation): Promise<void> {
    await this.instanceSigningKey();
    await this.#db.transaction(async (tx) => {
      await tx.run("UPDATE instance_settings SET value = ? WHERE key = 'signing_key'", [signingKey]);
      await tx.run(KEEP_ROTATION, [rotation.instance, rotation.from, rotation.to, rotation.at, rotation.signature, rotation.instance]);
    });
  }

  async recordKeyRotations(rotations: readonly KeyRotation[], learnedFrom: string): Promise<void> {
    const at = new Date().toISOString();
    await this.#db.transaction(async (tx) => {
      for (const r of inTimeOrder(rotations)) {
        await tx.run(KEEP_ROTATION, [r.instance, r.from, r.to, r.at, r.signature, learnedFrom]);
        await tx.run('UPDATE instance_keys SET public_key = ?, learned_from = ?, learned_at = ? WHERE instance = ? AND public_key = ?', [r.to, learnedFrom, at, r.instance, r.from]);
      }
    });
  }

  async keyRotations(instances: readonly string[]): Promise<KeyRotation[]> {
    if (instances.length === 0) return [];
    const rows = await this.#db.all<RotationRow>(
      'SELECT instance, from_key, to_key, at, signature FROM key_rotations WHERE instance = ANY(?::text[]) ORDER BY instance, at',
      [[...new Set(instances)]],
    );
    return rows.map(rotationFromRow);
  }

  async instanceKeys(instances: readonly string[]): Promise<Map<string, string>> {
    const keys = new Map<string, string>();
    if (instances.length === 0) return keys;
    const unique = [...new Set(instances)];
    const rows = await this.#db.all<{ instance: string; public_key: string }>(
      `SELECT instance, public_key FROM instance_keys WHERE instance IN (${unique.map(() => '?').join(', ')})`,
      unique,
    );
    for (const r of rows) keys.set(r.instance, r.public_key);
    return keys;
  }

  async addPeer(viewer: Viewer, input: PeerInput): Promise<Peer> {
    mustBeAdmin(viewer, 'add a peer');
    return this.#db.transaction(async (tx) => {
      await tx.run('LOCK TABLE peers IN SHARE ROW EXCLUSIVE MODE');
      if (!(await tx.get('SELECT 1 FROM partners WHERE id = ?', [input.partnerId]))) throw new StoreConflictError(`no partner "${input.partnerId}": add it first`);
      if (await tx.get('SELECT 1 FROM peers WHERE url = ?', [input.url])) throw new StoreConflictError(`a peer at ${input.url} exists already`);
      const row = await tx.get<PeerRow>('INSERT INTO peers (url, partner_id, token, created_at) VALUES (?, ?, ?, ?) RETURNING *', [
        input.url,
        input.partnerId,
        input.token,
        new Date().toISOString(),
      ]);
      return peerFromRow(row!);
    });
  }

  async listPeers(viewer: Viewer): Promise<Peer[]> {
    mustBeAdmin(viewer, 'list peers');
    return (await this.#db.all<PeerRow>('SELECT * FROM peers ORDER BY id')).map(peerFromRow);
  }

  async removePeer(viewer: Viewer, peerId: number): Promise<boolean> {
    mustBeAdmin(viewer, 'remove a peer');
    return (await this.#db.run('DELETE FROM peers WHERE id = ?', [peerId])) > 0;
  }

  async recordPeerProgress(viewer: Viewer, peerId: number, progress: PeerProgress): Promise<void> {
    mustBeAdmin(viewer, 'record a push');
    const now = new Date().toISOString();
    const hasError = progress.error !== undefined;
    await this.#db.run(
      `UPDATE peers SET peer_instance = COALESCE(?::text, peer_instance), cursor = COALESCE(?::bigint, cursor), sent = sent + ?,
         refused = refused + ?, last_ok_at = COALESCE(?::text, last_ok_at), last_error = CASE WHEN ? THEN ?::text ELSE last_error END,
         last_error_at = COALESCE(?::text, last_error_at) WHERE id = ?`,
      [
        progress.peerInstance ?? null,
        progress.cursor ?? null,
        progress.sent ?? 0,
        progress.refused ?? 0,
        progress.error === null ? now : null,
        hasError,
        progress.error ?? null,
        typeof progress.error === 'string' ? now : null,
        peerId,
      ],
    );
  }

  /** `visible` is the access policy's filter for alias `r` and the viewer the peer reads as. */
  async listOutgoingReports(visible: SqlFragment, query: OutgoingQuery): Promise<OutgoingReport[]> {
    const rows = await this.#db.all<OutgoingRow>(
      `SELECT r.id, r.origin, r.format, r.title, r.url, r.source, r.published, r.text, r.main_start, r.main_end, r.boilerplate,
         r.ingested_at, r.classification, r.releasable_to, r.owner, r.tlp, f.seq AS cursor, ${PROVENANCE_COLUMNS}
       FROM report_feed f JOIN reports r ON r.id = f.report_id LEFT JOIN report_provenance p ON p.report_id = r.id
       WHERE f.seq > ? AND ${visible.sql} AND (p.report_id IS NULL OR (p.origin_instance <> ? AND p.received_from <> ?))
       ORDER BY f.seq LIMIT ?`,
      [query.afterId, ...visible.params, query.exceptInstance, query.exceptInstance, query.limit],
    );
    const out: OutgoingReport[] = [];
    let chars = 0;
    for (const row of rows) {
      chars += row.text.length;
      if (out.length > 0 && query.maxChars !== undefined && chars > query.maxChars) break;
      out.push(outgoingFromRow(row));
    }
    return out;
  }
}
