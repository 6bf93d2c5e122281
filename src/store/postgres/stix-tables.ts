import type { Marking, TlpLabel } from '../../domain/marking.js';
import type { Viewer } from '../../domain/viewer.js';
import { canSee } from '../../share/policy.js';
import { fromJson } from '../rows.js';
import type { KeepOutcome, KeptStixObject, StixObjectInput, StixObjectQuery } from '../store.js';
import type { PgDatabase } from './database.js';

interface StixRow {
  row: number;
  id: string;
  type: string;
  spec_version: string;
  modified: string;
  json: string;
  classification: string;
  releasable_to: string | string[];
  owner: string;
  tlp: string;
  added_at: string;
}

/**
 * The `stix_objects` table (migration 4), as SQLite's StixTables: reads filter with the one
 * policy's in-memory form (`canSee`), since the rows carry their own marking, and a page is read
 * until it holds `limit` visible rows.
 */
export class StixTables {
  readonly #db: PgDatabase;
  readonly #order: readonly string[];

  constructor(db: PgDatabase, order: readonly string[]) {
    this.#db = db;
    this.#order = order;
  }

  async keep(viewer: Viewer, objects: readonly StixObjectInput[]): Promise<KeepOutcome[]> {
    if (viewer.role === 'reader') throw new Error('a reader may not import objects');
    const at = new Date().toISOString();
    return this.#db.transaction(async (tx) => {
      const out: KeepOutcome[] = [];
      for (const { object, marking } of objects) {
        const modified = typeof object.modified === 'string' ? object.modified : typeof object.created === 'string' ? object.created : '';
        const releasable = JSON.stringify([...marking.releasableTo].sort());
        const key = [object.id, modified, marking.classification, releasable, marking.owner, marking.tlp];
        const json = JSON.stringify(object);
        const spec = typeof object.spec_version === 'string' ? object.spec_version : '2.0';
        // Another writer keeping the same version at once: the insert does nothing, the lookup finds it.
        const inserted = await tx.run(
          `INSERT INTO stix_objects (id, type, spec_version, modified, json, classification, releasable_to, owner, tlp, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT DO NOTHING`,
          [object.id, object.type, spec, modified, json, marking.classification, releasable, marking.owner, marking.tlp, at],
        );
        if (inserted > 0) {
          out.push({ id: object.id, status: 'kept', problem: null });
          continue;
        }
        const was = await tx.get<{ json: string }>(
          'SELECT json FROM stix_objects WHERE id = ? AND modified = ? AND classification = ? AND releasable_to = ?::jsonb AND owner = ? AND tlp = ?',
          key,
        );
        out.push(
          was?.json === json
            ? { id: object.id, status: 'unchanged', problem: null }
            : { id: object.id, status: 'failed', problem: `another object with this id and modified ${modified || '(none)'} is kept already: a new version needs a new modified` },
        );
      }
      return out;
    });
  }

  async list(viewer: Viewer, query: StixObjectQuery): Promise<KeptStixObject[]> {
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
      filters.push('AND id = ANY(?::text[])');
      params.push(query.ids);
    }
    const select = `SELECT * FROM stix_objects WHERE row > ? ${filters.join(' ')} ORDER BY row LIMIT ?`;
    for (let after = query.afterRow ?? 0; out.length < limit; ) {
      const rows = await this.#db.all<StixRow>(select, [after, ...params, page]);
      if (rows.length === 0) break;
      for (const r of rows) {
        after = r.row;
        const marking: Marking = { classification: r.classification, releasableTo: fromJson<string[]>(r.releasable_to), owner: r.owner, tlp: r.tlp as TlpLabel };
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
