import type Database from 'better-sqlite3';
import type { EntityType } from '../../domain/entity.js';
import type { TlpLabel } from '../../domain/marking.js';
import { reportObjectIds, type ReportIdInput } from '../../interop/stix/object-ids.js';

/**
 * `report_stix_ids` (migration 10): the STIX ids of the objects each report exports, so TAXII's
 * objects/{id}/ and versions/ find the reports that carry an id with one index seek instead of
 * walking the collection (ReportQuery.carrying). The ids come from interop/stix/object-ids.ts, the
 * recipe export.ts builds its objects with (a pure module: the one place the store reads from
 * interop). Written with the report in its transaction; removed with it (ON DELETE CASCADE).
 * Grade notes are not indexed: their ids follow the grades, which change after ingest.
 */
export function stixIdWriter(db: Database.Database): (reportId: number, input: ReportIdInput) => void {
  const insert = db.prepare('INSERT INTO report_stix_ids (stix_id, report_id) SELECT value, ? FROM json_each(?) WHERE true ON CONFLICT DO NOTHING');
  return (reportId, input) => {
    insert.run(reportId, JSON.stringify(reportObjectIds(input)));
  };
}

/** Indexes the reports stored before migration 10 (run once, in the migration's transaction). */
export function indexStoredReports(db: Database.Database): void {
  const write = stixIdWriter(db);
  const page = db.prepare(
    `SELECT id, title, published, url, source, main_start, main_end, text, classification, releasable_to, owner, tlp
     FROM reports WHERE id > ? ORDER BY id LIMIT 500`,
  );
  const entities = db.prepare(
    `SELECT re.report_id, e.key, e.type FROM report_entities re JOIN entities e ON e.id = re.entity_id
     WHERE re.report_id IN (SELECT value FROM json_each(?))`,
  );
  const claims = db.prepare('SELECT report_id, speaker_key, location FROM claims WHERE report_id IN (SELECT value FROM json_each(?)) ORDER BY report_id, ordinal');
  for (let after = 0; ; ) {
    const rows = page.all(after) as ReportKeyRow[];
    if (rows.length === 0) return;
    const ids = JSON.stringify(rows.map((r) => r.id));
    const inputs = new Map<number, ReportIdInput & { entities: ReportIdInput['entities'][number][]; claims: ReportIdInput['claims'][number][] }>();
    for (const r of rows) {
      const report = {
        text: r.text,
        title: r.title,
        published: r.published,
        url: r.url,
        source: r.source,
        main: { start: r.main_start, end: r.main_end },
        marking: { classification: r.classification, releasableTo: JSON.parse(r.releasable_to) as string[], owner: r.owner, tlp: r.tlp as TlpLabel },
      };
      inputs.set(r.id, { report, entities: [], claims: [] });
    }
    for (const e of entities.all(ids) as { report_id: number; key: string; type: EntityType }[]) inputs.get(e.report_id)!.entities.push(e);
    for (const c of claims.all(ids) as { report_id: number; speaker_key: string | null; location: string | null }[]) {
      inputs.get(c.report_id)!.claims.push({ speakerKey: c.speaker_key, location: c.location });
    }
    for (const [id, input] of inputs) write(id, input);
    after = rows[rows.length - 1]!.id;
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
