import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { expandInputs } from '../../cli/read-inputs.js';
import { ingestFiles } from '../../cli/ingest-files.js';
import type { Marking } from '../../domain/marking.js';
import { LOCAL_ADMIN, type Viewer } from '../../domain/viewer.js';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/sqlite-store.js';
import { exportObjects, type StixObject } from './export.js';
import { loadStixValidator, STIX_SCHEMAS_MISSING } from './stix-schemas.fixture.js';
import { TLP2_IDS } from './tlp.js';

const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));
const validator = STIX_SCHEMAS_MISSING ? null : loadStixValidator();

async function collect(store: SqliteStore, viewer: Viewer, options = {}): Promise<StixObject[]> {
  const out: StixObject[] = [];
  for await (const o of exportObjects(store, viewer, options)) out.push(o);
  return out;
}
const bundleOf = (objects: StixObject[]) => ({ type: 'bundle', id: 'bundle--6ba7b810-9dad-41d1-80b4-00c04fd430c8', objects });

describe('STIX export of the sample reports', { skip: STIX_SCHEMAS_MISSING }, () => {
  let dir: string;
  let store: SqliteStore;
  const restricted: Marking = { classification: 'CONFIDENTIAL', releasableTo: ['kr-mnd'], owner: 'local', tlp: 'TLP:AMBER' };
  const jp: Viewer = { partnerId: 'jp-mod', clearance: 'UNCLASSIFIED', communities: [], role: 'reader' };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-stix-'));
    store = await openSqliteStore(join(dir, 'r.db'));
    const { files, missing } = await expandInputs([SAMPLES], { stdin: process.stdin } as never);
    await ingestFiles(store, files, missing);
    // One restricted report, naming a person no public sample names.
    const secret = await expandInputs([join(SAMPLES, '2024-10-29-meridian-pentagon-ten-thousand.txt')], { stdin: process.stdin } as never);
    const { prepareReport } = await import('../../store/prepare-report.js');
    const { fromPlainText } = await import('../../collect/index.js');
    const text = 'Officials in Seoul said on Tuesday that Brigadier Anselm Quorrin had counted 1,700 more North Korean soldiers near Kursk.';
    await store.ingest([prepareReport(fromPlainText('secret.txt', text, { published: '2025-03-04' }), { marking: restricted })]);
    void secret;
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the whole export validates against the OASIS schemas and the extension schema', async () => {
    const objects = await collect(store, LOCAL_ADMIN);
    const types = new Set(objects.map((o) => o.type));
    for (const t of ['report', 'identity', 'location', 'tool', 'x-parallax-claim', 'x-parallax-proposition', 'relationship', 'marking-definition', 'extension-definition'])
      assert.ok(types.has(t), `exports ${t}`);
    assert.deepEqual(validator!.bundle(bundleOf(objects)), []);
  });

  test('ids are unique, every reference resolves, and every object carries markings', async () => {
    const objects = await collect(store, LOCAL_ADMIN);
    const ids = new Set(objects.map((o) => o.id));
    assert.equal(ids.size, objects.length);
    for (const o of objects) {
      if (o.type !== 'marking-definition') assert.ok(Array.isArray(o.object_marking_refs), `${o.id} has object_marking_refs`);
      for (const [k, v] of Object.entries(o)) {
        const refs = k.endsWith('_ref') ? [v] : k.endsWith('_refs') ? (v as unknown[]) : [];
        for (const r of refs) assert.ok(ids.has(r as string), `${o.id}.${k} → ${String(r)} is in the bundle`);
      }
    }
  });

  test('export is deterministic: the same ids twice', async () => {
    const a = (await collect(store, LOCAL_ADMIN)).map((o) => `${o.id} ${o.modified ?? ''}`);
    const b = (await collect(store, LOCAL_ADMIN)).map((o) => `${o.id} ${o.modified ?? ''}`);
    assert.deepEqual(a, b);
  });

  test('a restricted report and what only it names are absent from a partner export', async () => {
    const all = await collect(store, LOCAL_ADMIN);
    const partner = await collect(store, jp);
    const quorrin = (os: StixObject[]) => os.filter((o) => JSON.stringify(o).includes('Quorrin'));
    assert.ok(quorrin(all).length > 0, 'the administrator sees the restricted report');
    assert.deepEqual(quorrin(partner), []);
    assert.ok(!partner.some((o) => JSON.stringify(o).includes('1,700')));
    assert.ok(!partner.some((o) => o.id === TLP2_IDS['TLP:AMBER']), 'not even its marking');
    assert.deepEqual(validator!.bundle(bundleOf(partner)), []);
  });
});
