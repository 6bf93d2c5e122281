import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { fromPlainText } from '../../collect/index.js';
import { DEFAULT_MARKING, TLP_LABELS, type Marking, type TlpLabel } from '../../domain/marking.js';
import { LOCAL_ADMIN, type Viewer } from '../../domain/viewer.js';
import { prepareReport } from '../../store/prepare-report.js';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/sqlite-store.js';
import { exportObjects, type StixObject } from './export.js';
import { importBundle, readBundle } from './import.js';
import { loadStixValidator, STANDARDS, STIX_SCHEMAS_MISSING } from './stix-schemas.fixture.js';

const validator = STIX_SCHEMAS_MISSING ? null : loadStixValidator();
const EXAMPLES = join(STANDARDS, 'stix2.1-examples');
const exampleFiles = STIX_SCHEMAS_MISSING ? [] : [
  ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).map((f) => join(EXAMPLES, f)),
  ...readdirSync(join(EXAMPLES, 'threat-reports')).map((f) => join(EXAMPLES, 'threat-reports', f)),
];
const options = { viewer: LOCAL_ADMIN, marking: DEFAULT_MARKING };

async function all(store: SqliteStore, propositions = false, viewer: Viewer = LOCAL_ADMIN): Promise<StixObject[]> {
  const out: StixObject[] = [];
  for await (const o of exportObjects(store, viewer, { propositions })) out.push(o);
  return out;
}
const bundle = (objects: StixObject[]) => ({ type: 'bundle', id: 'bundle--6ba7b810-9dad-41d1-80b4-00c04fd430c8', objects });

describe('STIX import', { skip: STIX_SCHEMAS_MISSING }, () => {
  let dir: string;
  let n = 0;
  const fresh = () => openSqliteStore(join(dir, `s${++n}.db`));
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-stix-import-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the OASIS examples import without error, and what is not mapped comes back out unchanged', async () => {
    const store = await fresh();
    const sent = new Map<string, unknown>();
    for (const file of exampleFiles) {
      const text = readFileSync(file, 'utf8');
      const parsed = JSON.parse(text) as { type: string; objects?: StixObject[] };
      // One example is a lone campaign object, not a bundle: wrap it as a producer would send it.
      const body = parsed.type === 'bundle' ? text : JSON.stringify({ type: 'bundle', id: 'bundle--6ba7b810-9dad-41d1-80b4-00c04fd430c8', objects: [parsed] });
      const result = await importBundle(store, file, body, options);
      assert.deepEqual(result.problems, [], file);
      for (const o of (JSON.parse(body) as { objects: StixObject[] }).objects) sent.set(`${o.id} ${o.modified ?? ''}`, o);
    }
    const out = await all(store);
    const byKey = new Map(out.map((o) => [`${o.id} ${o.modified ?? ''}`, o]));
    for (const [key, o] of sent) {
      const back = byKey.get(key);
      if ((o as StixObject).type === 'marking-definition' && back === undefined) continue; // TLP definitions are re-derived
      assert.deepEqual(back, o, `${key} is exported again as sent`);
    }
    assert.ok(out.some((o) => o.type === 'report' && String(o.description ?? '').length > 0), 'example reports became Parallax reports');
    await store.close();
  });

  test('one bad object is named with its bundle and id; the good ones are stored', async () => {
    const store = await fresh();
    const text = JSON.stringify({
      type: 'bundle',
      id: 'bundle--6ba7b810-9dad-41d1-80b4-00c04fd430c8',
      objects: [
        { type: 'report', spec_version: '2.1', id: 'report--6ba7b810-9dad-41d1-80b4-00c04fd43001', created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z',
          name: 'Troops', published: '2025-01-01T00:00:00.000Z', description: 'Officials said on Monday that 2,000 soldiers had arrived.', object_refs: ['identity--6ba7b810-9dad-41d1-80b4-00c04fd43002'] },
        { type: 'report', spec_version: '2.1', id: 'report--6ba7b810-9dad-41d1-80b4-00c04fd43003', created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', published: '2025-01-01T00:00:00.000Z', object_refs: ['identity--6ba7b810-9dad-41d1-80b4-00c04fd43002'] },
        { type: 'indicator', id: 'not-an-id' },
        42,
        { type: 'x-unknown-thing', spec_version: '2.1', id: 'x-unknown-thing--6ba7b810-9dad-41d1-80b4-00c04fd43004', created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', anything: { at: 'all' } },
      ],
    });
    const result = await importBundle(store, 'feed.json', text, options);
    assert.deepEqual(result.problems.map((p) => p.object).sort(), ['not-an-id', 'objects[3]', 'report--6ba7b810-9dad-41d1-80b4-00c04fd43003'].sort());
    assert.match(result.problems.find((p) => p.object.startsWith('report'))!.problem, /neither a description nor a name/);
    assert.equal(result.outcomes.filter((o) => o.status === 'ingested').length, 1);
    const out = await all(store);
    assert.ok(out.some((o) => o.type === 'x-unknown-thing' && (o.anything as { at: string }).at === 'all'), 'an unknown type is kept and exported');
    assert.ok(out.some((o) => o.type === 'x-parallax-claim' && (o.value as { low: number }).low === 2000));
    assert.throws(() => readBundle('x.json', '{"type":"not-a-bundle"}', options), /not a STIX bundle/);
    assert.throws(() => readBundle('x.json', '{"type":"bundle"', options), /not JSON/);
    await store.close();
  });

  test('markings come back: TLP, classification and releasability of our export', async () => {
    const a = await fresh();
    const marking: Marking = { classification: 'CONFIDENTIAL', releasableTo: ['NATO', 'kr-mnd'], owner: 'kr-mnd', tlp: 'TLP:AMBER' };
    await a.ingest([prepareReport(fromPlainText('m.txt', 'Seoul said 1,500 more North Korean soldiers crossed into Russia.', { published: '2025-03-04' }), { marking })]);
    const kr: Viewer = { partnerId: 'kr-mnd', clearance: 'SECRET', communities: [], role: 'reader' };
    const exported = await all(a, false, kr);
    assert.ok(exported.some((o) => o.type === 'report'));
    const b = await fresh();
    const result = await importBundle(b, 'b.json', JSON.stringify(bundle(exported)), options);
    assert.deepEqual(result.problems, []);
    const [report] = await b.listReports(kr);
    assert.deepEqual(report!.marking, marking);
    assert.deepEqual((await all(b, false, kr)).map((o) => o.id).sort(), exported.map((o) => o.id).sort(), 'the same ids after a round trip');
    await a.close();
    await b.close();
  });

  test('property: exports of random reports and markings validate and round-trip their claims', async () => {
    const word = fc.constantFrom('soldiers', 'shells', 'missiles', 'drones', 'troops', 'engineers');
    const place = fc.constantFrom('Kursk', 'Russia', 'Pyongyang', 'Seoul', 'Zolotukhino', 'Donetsk');
    const speaker = fc.constantFrom('Officials in Seoul', 'Kim Jong Un', 'The Pentagon', 'Volodymyr Zelensky', 'A spokesman');
    const sentence = fc.tuple(speaker, fc.integer({ min: 2, max: 90_000 }), word, place).map(([s, v, w, p]) => `${s} said ${v.toLocaleString('en-US')} ${w} were near ${p}.`);
    const markingArb = fc.record({
      classification: fc.constantFrom('UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'),
      releasableTo: fc.uniqueArray(fc.constantFrom('ALL', 'NATO', 'kr-mnd', 'jp-mod'), { maxLength: 3 }),
      owner: fc.constantFrom('local', 'kr-mnd'),
      tlp: fc.constantFrom(...(TLP_LABELS as readonly TlpLabel[])),
    });
    const reports = fc.array(fc.tuple(fc.array(sentence, { minLength: 1, maxLength: 4 }), markingArb, fc.option(fc.constantFrom('The Ledger', 'Hanbit Daily'))), {
      minLength: 1,
      maxLength: 4,
    });
    await fc.assert(
      fc.asyncProperty(reports, async (rs) => {
        const a = await fresh();
        const b = await fresh();
        try {
          await a.ingest(
            rs.map(([sentences, marking], i) => {
              const doc = fromPlainText(`r${i}.txt`, sentences.join(' '), { published: '2025-01-0' + ((i % 9) + 1) });
              return prepareReport(doc, { marking: { ...marking, releasableTo: [...marking.releasableTo].sort() } });
            }),
          );
          // kr-mnd owns some reports and others are released to it; it sees at least those.
          const kr: Viewer = { partnerId: 'kr-mnd', clearance: 'SECRET', communities: ['NATO'], role: 'reader' };
          const exported = await all(a, true, kr);
          assert.deepEqual(validator!.bundle(bundle(exported)), []);
          await importBundle(b, 'b.json', JSON.stringify(bundle(exported)), options);
          const claims = (os: StixObject[]) => os.filter((o) => o.type === 'x-parallax-claim').map((o) => JSON.stringify([o.id, o.value, o.unit, o.speaker, o.span, o.sentence])).sort();
          assert.deepEqual(claims(await all(b, false, kr)), claims(exported));
        } finally {
          await a.close();
          await b.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
