import type Database from 'better-sqlite3';
import type { EntityType } from '../../domain/entity.js';
import type { TlpLabel } from '../../domain/marking.js';
import { reportObjectIds, type ReportIdInput } from '../../interop/stix/object-ids.js';

/**
 * `report_stix_ids` (migration 10): the STIX ids of the objects each report exports, so TAXII's
 * objects/{id}/ and versions/ find the reports that carry an id with one index seek instead of
 * walking the collection (ReportQuery.carrying). The ids come from interop/stix/object-ids.ts, the
 * recipe export.ts builds its objects with (a pure module: the one place the store reads from
 * interop). Rows are keyed by the UUID's first 64 bits (idKey): the type is part of what the UUID
 * hashes, and readers keep only objects whose whole id matches. Written with the report in its transaction.
 * Grade notes are not indexed: their ids follow the grades, which change after ingest.
 */
export class StixIdIndex {
  readonly #insert: Database.Statement;
  readonly #delete: Database.Statement;
  readonly #stored: StoredReportIds;

  constructor(db: Database.Database) {
    // One row at a time with the key bound: twice as fast as one statement over a JSON list.
    this.#insert = db.prepare('INSERT INTO report_stix_ids (id_key, report_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
    this.#delete = db.prepare('DELETE FROM report_stix_ids WHERE id_key = ? AND report_id = ?');
    this.#stored = new StoredReportIds(db);
  }

  add(reportId: number, input: ReportIdInput): void {
    for (const id of reportObjectIds(input)) this.#insert.run(idKey(id), reportId);
  }

  /** Before a stored report is deleted: its rows, found by computing its ids again from what is stored. */
  remove(reportId: number): void {
    for (const [id, input] of this.#stored.read([reportId])) for (const stixId of reportObjectIds(input)) this.#delete.run(idKey(stixId), id);
  }

  /** Indexes every stored report (migration 10, in its transaction). */
  indexAll(): void {
    for (let after = 0; ; ) {
      const ids = this.#stored.idsAfter(after, 500);
      if (ids.length === 0) return;
      for (const [id, input] of this.#stored.read(ids)) this.add(id, input);
      after = ids[ids.length - 1]!;
    }
  }
}

export const indexStoredReports = (db: Database.Database): void => new StixIdIndex(db).indexAll();

/**
 * The key of a STIX id (`type--uuid`) in the index: the UUID's first 64 bits as a signed integer
 * (an integer key is a third cheaper to insert than the 16 bytes, and half the size).
 */
export function idKey(stixId: string): bigint {
  const hex = stixId.slice(stixId.lastIndexOf('--') + 2).replace(/-/g, '').slice(0, 16);
  return /^[0-9a-fA-F]{16}$/.test(hex) ? BigInt.asIntN(64, BigInt(`0x${hex}`)) : 0n;
}

/** Keys as a JSON array for `json_each` (JSON.stringify has no 64-bit integers; SQLite reads them exactly). */
export const idKeysJson = (stixIds: readonly string[]): string => `[${stixIds.map((id) => idKey(id).toString()).join(',')}]`;

/** What reportObjectIds needs of stored reports, read straight from the tables (no viewer: index upkeep). */
class StoredReportIds {
  readonly #ids: Database.Statement;
  readonly #reports: Database.Statement;
  readonly #entities: Database.Statement;
  readonly #claims: Database.Statement;

  constructor(db: Database.Database) {
    const inList = 'IN (SELECT value FROM json_each(?))';
    this.#ids = db.prepare('SELECT id FROM reports WHERE id > ? ORDER BY id LIMIT ?');
    this.#reports = db.prepare(
      `SELECT id, title, published, url, source, main_start, main_end, text, classification, releasable_to, owner, tlp FROM reports WHERE id ${inList}`,
    );
    this.#entities = db.prepare(`SELECT re.report_id, e.key, e.type FROM report_entities re JOIN entities e ON e.id = re.entity_id WHERE re.report_id ${inList}`);
    this.#claims = db.prepare(`SELECT report_id, speaker_key, location FROM claims WHERE report_id ${inList} ORDER BY report_id, ordinal`);
  }

  idsAfter(after: number, limit: number): number[] {
    return (this.#ids.all(after, limit) as { id: number }[]).map((r) => r.id);
  }

  read(reportIds: readonly number[]): Map<number, ReportIdInput> {
    const ids = JSON.stringify(reportIds);
    const out = new Map<number, { report: ReportIdInput['report']; entities: { key: string; type: EntityType }[]; claims: { speakerKey: string | null; location: string | null }[] }>();
    for (const r of this.#reports.all(ids) as ReportKeyRow[]) {
      const marking = { classification: r.classification, releasableTo: JSON.parse(r.releasable_to) as string[], owner: r.owner, tlp: r.tlp as TlpLabel };
      const report = { text: r.text, title: r.title, published: r.published, url: r.url, source: r.source, main: { start: r.main_start, end: r.main_end }, marking };
      out.set(r.id, { report, entities: [], claims: [] });
    }
    for (const e of this.#entities.all(ids) as { report_id: number; key: string; type: EntityType }[]) out.get(e.report_id)?.entities.push({ key: e.key, type: e.type });
    for (const c of this.#claims.all(ids) as { report_id: number; speaker_key: string | null; location: string | null }[]) {
      out.get(c.report_id)?.claims.push({ speakerKey: c.speaker_key, location: c.location });
    }
    return out;
  }
}

interface ReportKeyRow {
  id: number;
  title: string | null;
  published: string | null;
  url: string | null;
  source: string | null;
  main_start: number;
  main_end: number;
  text: string;
  classification: string;
  releasable_to: string;
  owner: string;
  tlp: string;
}
