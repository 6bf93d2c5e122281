import type Database from 'better-sqlite3';
import type { Marking, TlpLabel } from '../../domain/marking.js';
import type { Viewer } from '../../domain/viewer.js';
import { canSee } from '../../share/policy.js';
import type { KeepOutcome, KeptStixObject, StixObjectInput, StixObjectQuery } from '../store.js';

interface StixRow {
  row: number;
  id: string;
  type: string;
  spec_version: string;
  modified: string;
  json: string;
  classification: string;
  releasable_to: string;
  owner: string;
  tlp: string;
  added_at: string;
}

/**
 * The `stix_objects` table (migration 7). Reads filter with the one policy's in-memory form
 * (`canSee`): the rows carry their own marking rather than a report's, and a page is read until
 * it holds `limit` visible rows.
 */
export class StixTables {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  readonly #existing: Database.Statement;
  readonly #order: readonly string[];
  /** The few list queries (by type, by ids, both, neither), prepared once. */
  readonly #selects = new Map<string, Database.Statement>();

  constructor(db: Database.Database, order: readonly string[]) {
    this.#db = db;
    this.#order = order;
    this.#insert = db.prepare(
      `INSERT INTO stix_objects (id, type, spec_version, modified, json, classification, releasable_to, owner, tlp, added_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#existing = db.prepare(
      `SELECT json FROM stix_objects WHERE id = ? AND modified = ? AND classification = ? AND releasable_to = ? AND owner = ? AND tlp = ?`,
    );
  }

  #select(sql: string): Database.Statement {
    let st = this.#selects.get(sql);
    if (st === undefined) this.#selects.set(sql, (st = this.#db.prepare(sql)));
    return st;
  }

  keep(viewer: Viewer, objects: readonly StixObjectInput[]): KeepOutcome[] {
    if (viewer.role === 'reader') throw new Error('a reader may not import objects');
    const at = new Date().toISOString();
    return this.#db.transaction(() =>
      objects.map(({ object, marking }): KeepOutcome => {
        const modified = typeof object.modified === 'string' ? object.modified : typeof object.created === 'string' ? object.created : '';
        const releasable = JSON.stringify([...marking.releasableTo].sort());
        const key = [object.id, modified, marking.classification, releasable, marking.owner, marking.tlp];
        const json = JSON.stringify(object);
        const was = this.#existing.get(...key) as { json: string } | undefined;
        if (was !== undefined) {
          if (was.json === json) return { id: object.id, status: 'unchanged', problem: null };
          return { id: object.id, status: 'failed', problem: `another object with this id and modified ${modified || '(none)'} is kept already: a new version needs a new modified` };
        }
        const spec = typeof object.spec_version === 'string' ? object.spec_version : '2.0';
        this.#insert.run(object.id, object.type, spec, modified, json, marking.classification, releasable, marking.owner, marking.tlp, at);
        return { id: object.id, status: 'kept', problem: null };
      }),
    ).immediate();
  }

  list(viewer: Viewer, query: StixObjectQuery): KeptStixObject[] {
    const limit = query.limit ?? Number.MAX_SAFE_INTEGER;
    const out: KeptStixObject[] = [];
    const page = Math.min(Math.max(limit, 100), 1000);
    const filters: string[] = [];
    const params: unknown[] = [];
    if (query.type !== undefined) {
      filters.push('AND type = ?');
      params.push(query.type);
    }
    if (query.ids !== undefined) {
      // By id (the unique key starts with it): the rows of these objects only, not a scan of every kept row.
      filters.push('AND row IN (SELECT s.row FROM stix_objects s WHERE s.id IN (SELECT value FROM json_each(?)))');
      params.push(JSON.stringify(query.ids));
    }
    const select = this.#select(`SELECT * FROM stix_objects WHERE row > ? ${filters.join(' ')} ORDER BY row LIMIT ?`);
    for (let after = query.afterRow ?? 0; out.length < limit; ) {
      const rows = select.all(after, ...params, page) as StixRow[];
      if (rows.length === 0) break;
      for (const r of rows) {
        after = r.row;
        const marking: Marking = {
          classification: r.classification,
          releasableTo: JSON.parse(r.releasable_to) as string[],
          owner: r.owner,
          tlp: r.tlp as TlpLabel,
        };
        if (!canSee(viewer, marking, this.#order)) continue;
        out.push({
          row: r.row,
          id: r.id,
          type: r.type,
          specVersion: r.spec_version,
          modified: r.modified === '' ? null : r.modified,
          object: JSON.parse(r.json) as KeptStixObject['object'],
          marking,
          addedAt: r.added_at,
        });
        if (out.length >= limit) break;
      }
    }
    return out;
  }
}
