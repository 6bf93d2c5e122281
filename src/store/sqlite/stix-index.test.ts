import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { syntheticReports } from '../../cli/synthetic-reports.js';
import { collectText } from '../../collect/index.js';
import type { Marking } from '../../domain/marking.js';
import { LOCAL_ADMIN } from '../../domain/viewer.js';
import { reportObjects } from '../../interop/stix/export.js';
import { reportObjectIds } from '../../interop/stix/object-ids.js';
import { prepareReport } from '../prepare-report.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';
import { idKey } from './stix-index.js';

/** The index of the STIX ids of each report's objects (migration 10) against what the export gives. */
let dir: string;
let file: string;
let store: SqliteStore;
const MARKINGS: Marking[] = [
  { classification: 'UNCLASSIFIED', releasableTo: ['ALL'], owner: 'local', tlp: 'TLP:CLEAR' },
  { classification: 'CONFIDENTIAL', releasableTo: ['NATO', 'jp-mod'], owner: 'local', tlp: 'TLP:AMBER' },
];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-stix-index-'));
  file = join(dir, 'store.db');
  store = await openSqliteStore(file);
  const reports = syntheticReports(60, { seed: 8, copyEvery: 9 });
  await store.ingest(reports.map((r, i) => prepareReport(collectText(`synthetic/${r.name}`, r.text)[0]!, { marking: MARKINGS[i % 2]! })));
  const speaker = (await store.listClaims(LOCAL_ADMIN)).find((c) => c.speakerKey !== null)!.speakerKey!;
  await store.setSourceGrade(LOCAL_ADMIN, { sourceKey: `speaker:${speaker}`, grade: 'B' });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The index as stored, read past the policy: report id → the keys of its objects' ids (decimal). */
function indexRows(): Map<number, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const out = new Map<number, string[]>();
    const rows = db.prepare('SELECT report_id, id_key FROM report_stix_ids ORDER BY report_id, id_key').safeIntegers().all() as { report_id: bigint; id_key: bigint }[];
    for (const r of rows) out.set(Number(r.report_id), [...(out.get(Number(r.report_id)) ?? []), r.id_key.toString()]);
    for (const keys of out.values()) keys.sort();
    return out;
  } finally {
    db.close();
  }
}

test('each report is indexed by the ids of the objects it exports, grade notes aside', async () => {
  const grades = new Map((await store.listSourceGrades(LOCAL_ADMIN)).map((g) => [g.sourceKey, g]));
  const contents = await store.listReportContents(LOCAL_ADMIN, (await store.listReports(LOCAL_ADMIN)).map((r) => r.id));
  const index = indexRows();
  assert.equal(contents.length, index.size, 'every report, no other');
  let notes = 0;
  for (const c of contents) {
    const objects = reportObjects({ ...c, grades });
    notes += objects.filter((o) => o.type === 'note').length;
    const expected = [...new Set(objects.filter((o) => o.type !== 'note').map((o) => o.id))].sort();
    assert.deepEqual([...reportObjectIds(c)].sort(), expected, 'the recipe gives the export\'s ids');
    assert.deepEqual(index.get(c.report.id), [...new Set(expected.map((id) => idKey(id).toString()))].sort(), `report ${c.report.id}: indexed by them`);
  }
  assert.ok(notes > 0, 'graded sources give notes, which the index leaves out');
});

// Finding reports by the ids they carry is in the conformance suite (src/store/conformance/report-contents.ts), on both stores.

test('migration 10 indexes the reports stored before it; a replaced report takes its rows with it', async () => {
  const before = indexRows();
  await store.close();
  const db = new Database(file);
  db.exec('DROP TABLE report_stix_ids; DROP INDEX reports_source; DELETE FROM schema_migrations WHERE version = 10;');
  assert.ok(before.size > 50);
  db.close();
  store = await openSqliteStore(file);
  assert.deepEqual(indexRows(), before);

  const [first] = syntheticReports(1, { seed: 8 });
  const [again] = syntheticReports(1, { seed: 9 });
  const original = (await store.listReports(LOCAL_ADMIN, { limit: 1 }))[0]!;
  const [outcome] = await store.ingest([prepareReport(collectText(`synthetic/${first!.name}`, again!.text)[0]!, { marking: MARKINGS[0]! })]);
  assert.equal(outcome!.status, 'updated', 'a new version of the first report');
  const after = indexRows();
  assert.equal(after.has(original.id), false);
  assert.ok((after.get(outcome!.reportId!) ?? []).length > 3);
});
