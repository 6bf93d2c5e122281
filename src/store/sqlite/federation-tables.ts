import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Viewer } from '../../domain/viewer.js';
import type { SqlFragment } from '../../share/policy.js';
import { inTimeOrder, newSigningKey, outgoingFromRow, peerFromRow, PROVENANCE_COLUMNS, rotationFromRow, type OutgoingRow, type PeerRow, type RotationRow } from '../federation-rows.js';
import type { KeyRotation, OutgoingQuery, OutgoingReport, Peer, PeerInput, PeerProgress } from '../store.js';
import { StoreConflictError, StorePermissionError } from '../viewer-scope.js';

/** This instance's id, its peers and what goes to them (migration 8), for SqliteStore. */
export class FederationTables {
  readonly #db: Database.Database;
  readonly #statement: (sql: string) => Database.Statement;
  readonly #s;
  #instanceId: string | undefined;

  /** `statement` prepares SQL once per text (the store's cache: the policy's SQL varies by viewer). */
  constructor(db: Database.Database, statement: (sql: string) => Database.Statement) {
    this.#db = db;
    this.#statement = statement;
    const p = (sql: string) => db.prepare(sql);
    this.#s = {
      setting: p('SELECT value FROM instance_settings WHERE key = ?'),
      initSetting: p('INSERT INTO instance_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
      pinKey: p('INSERT INTO instance_keys (instance, public_key, learned_from, learned_at) VALUES (?, ?, ?, ?) ON CONFLICT (instance) DO NOTHING'),
      keyOf: p('SELECT public_key FROM instance_keys WHERE instance = ?'),
      replaceKey: p(`INSERT INTO instance_keys (instance, public_key, learned_from, learned_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (instance) DO UPDATE SET public_key = excluded.public_key, learned_from = excluded.learned_from, learned_at = excluded.learned_at`),
      setSigningKey: p("UPDATE instance_settings SET value = ? WHERE key = 'signing_key'"),
      keepRotation: p(`INSERT INTO key_rotations (instance, from_key, to_key, at, signature, learned_from) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (instance, from_key) DO NOTHING`),
      followRotation: p('UPDATE instance_keys SET public_key = ?, learned_from = ?, learned_at = ? WHERE instance = ? AND public_key = ?'),
      rotationsOf: p('SELECT instance, from_key, to_key, at, signature FROM key_rotations WHERE instance = ? ORDER BY at'),
      partner: p('SELECT 1 FROM partners WHERE id = ?'),
      peerByUrl: p('SELECT 1 FROM peers WHERE url = ?'),
      insertPeer: p('INSERT INTO peers (url, partner_id, token, created_at) VALUES (?, ?, ?, ?) RETURNING *'),
      peers: p('SELECT * FROM peers ORDER BY id'),
      deletePeer: p('DELETE FROM peers WHERE id = ?'),
      progress: p(
        `UPDATE peers SET peer_instance = COALESCE(?, peer_instance), cursor = COALESCE(?, cursor), sent = sent + ?,
           refused = refused + ?, last_ok_at = COALESCE(?, last_ok_at), last_error = CASE WHEN ? THEN ? ELSE last_error END,
           last_error_at = COALESCE(?, last_error_at) WHERE id = ?`,
      ),
    };
  }

  /** Generated on first use; two processes opening a fresh store agree (the first insert wins). */
  instanceId(): string {
    if (this.#instanceId === undefined) {
      this.#s.initSetting.run('instance_id', `px-${randomUUID()}`);
      this.#instanceId = (this.#s.setting.get('instance_id') as { value: string }).value;
    }
    return this.#instanceId;
  }

  /** Generated on first use, like the id (migration 11). */
  instanceSigningKey(): string {
    this.#s.initSetting.run('signing_key', newSigningKey());
    return (this.#s.setting.get('signing_key') as { value: string }).value;
  }

  pinInstanceKey(instance: string, publicKey: string, learnedFrom: string): string {
    this.#s.pinKey.run(instance, publicKey, learnedFrom, new Date().toISOString());
    return (this.#s.keyOf.get(instance) as { public_key: string }).public_key;
  }

  replaceInstanceKey(instance: string, publicKey: string, learnedFrom: string): void {
    this.#s.replaceKey.run(instance, publicKey, learnedFrom, new Date().toISOString());
  }

  replaceSigningKey(signingKey: string, rotation: KeyRotation): void {
    this.#db.transaction(() => {
      this.instanceSigningKey();
      this.#s.setSigningKey.run(signingKey);
      this.#s.keepRotation.run(rotation.instance, rotation.from, rotation.to, rotation.at, rotation.signature, rotation.instance);
    }).immediate();
  }

  recordKeyRotations(rotations: readonly KeyRotation[], learnedFrom: string): void {
    const at = new Date().toISOString();
    this.#db.transaction(() => {
      for (const r of inTimeOrder(rotations)) {
        this.#s.keepRotation.run(r.instance, r.from, r.to, r.at, r.signature, learnedFrom);
        this.#s.followRotation.run(r.to, learnedFrom, at, r.instance, r.from);
      }
    }).immediate();
  }

  keyRotations(instances: readonly string[]): KeyRotation[] {
    return [...new Set(instances)].flatMap((i) => (this.#s.rotationsOf.all(i) as RotationRow[]).map(rotationFromRow));
  }

  instanceKeys(instances: readonly string[]): Map<string, string> {
    const keys = new Map<string, string>();
    for (const i of new Set(instances)) {
      const row = this.#s.keyOf.get(i) as { public_key: string } | undefined;
      if (row) keys.set(i, row.public_key);
    }
    return keys;
  }

  addPeer(viewer: Viewer, input: PeerInput): Peer {
    mustBeAdmin(viewer, 'add a peer');
    return this.#db
      .transaction(() => {
        if (!this.#s.partner.get(input.partnerId)) throw new StoreConflictError(`no partner "${input.partnerId}": add it first`);
        if (this.#s.peerByUrl.get(input.url)) throw new StoreConflictError(`a peer at ${input.url} exists already`);
        return peerFromRow(this.#s.insertPeer.get(input.url, input.partnerId, input.token, new Date().toISOString()) as PeerRow);
      })
      .immediate();
  }

  listPeers(viewer: Viewer): Peer[] {
    mustBeAdmin(viewer, 'list peers');
    return (this.#s.peers.all() as PeerRow[]).map(peerFromRow);
  }

  removePeer(viewer: Viewer, peerId: number): boolean {
    mustBeAdmin(viewer, 'remove a peer');
    return this.#s.deletePeer.run(peerId).changes > 0;
  }

  recordPeerProgress(viewer: Viewer, peerId: number, progress: PeerProgress): void {
    mustBeAdmin(viewer, 'record a push');
    const now = new Date().toISOString();
    const hasError = progress.error !== undefined;
    this.#s.progress.run(
      progress.peerInstance ?? null,
      progress.cursor ?? null,
      progress.sent ?? 0,
      progress.refused ?? 0,
      progress.error === null ? now : null,
      hasError ? 1 : 0,
      progress.error ?? null,
      typeof progress.error === 'string' ? now : null,
      peerId,
    );
  }

  /** `visible` is the access policy's filter for alias `r` and the viewer the peer reads as. */
  listOutgoingReports(visible: SqlFragment, query: OutgoingQuery): OutgoingReport[] {
    const rows = this
      .#statement(
        `SELECT r.id, r.origin, r.format, r.title, r.url, r.source, r.published, r.text, r.main_start, r.main_end, r.boilerplate,
           r.ingested_at, r.classification, r.releasable_to, r.owner, r.tlp, r.id AS cursor, ${PROVENANCE_COLUMNS}
         FROM reports r LEFT JOIN report_provenance p ON p.report_id = r.id
         WHERE r.id > ? AND ${visible.sql} AND (p.report_id IS NULL OR (p.origin_instance <> ? AND p.received_from <> ?))
         ORDER BY r.id LIMIT ?`,
      )
      .iterate(query.afterId, ...visible.params, query.exceptInstance, query.exceptInstance, query.limit) as IterableIterator<OutgoingRow>;
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

function mustBeAdmin(viewer: Viewer, what: string): void {
  if (viewer.role !== 'admin') throw new StorePermissionError(`${what}: needs an admin, not a ${viewer.role}`);
}
