import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { syntheticReports } from '../../cli/synthetic-reports.js';
import { collectText } from '../../collect/index.js';
import type { Marking } from '../../domain/marking.js';
import { LOCAL_ADMIN, type Viewer } from '../../domain/viewer.js';
import { reportObjects } from '../../interop/stix/export.js';
import { TLP2_IDS } from '../../interop/stix/tlp.js';
import { prepareReport } from '../prepare-report.js';
import type { ReportMatch, Store } from '../store.js';
import type { TestStores } from '../test-stores.fixture.js';

const MARKINGS: Marking[] = [
  { classification: 'UNCLASSIFIED', releasableTo: ['ALL'], owner: 'local', tlp: 'TLP:CLEAR' },
  { classification: 'CONFIDENTIAL', releasableTo: ['NATO'], owner: 'kr-mnd', tlp: 'TLP:AMBER' },
  { classification: 'UNCLASSIFIED', releasableTo: ['jp-mod'], owner: 'local', tlp: 'TLP:RED' },
];
const jp: Viewer = { partnerId: 'jp-mod', clearance: 'UNCLASSIFIED', communities: ['NATO'], role: 'reader' };
const kr: Viewer = { partnerId: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['NATO'], role: 'analyst' };

async function ingest(s: Store, count: number, seed: number): Promise<void> {
  const reports = syntheticReports(count, { seed, copyEvery: 7 });
  for (let i = 0; i < reports.length; i += 20) {
    const batch = reports.slice(i, i + 20).map((r, j) => prepareReport(collectText(`synthetic/${seed}/${r.name}`, r.text)[0]!, { marking: MARKINGS[(i + j) % MARKINGS.length]! }));
    await s.ingest(batch);
  }
}

/** The batch reads (listReportContents, listReportRanges) against the one-report reads they stand for. */
export function reportContentsTests(stores: TestStores): void {
  describe('batch reads: report contents and ranges', () => {
    let store: Store;
    before(async () => {
      store = await stores.open(stores.newLocation());
      await ingest(store, 90, 3);
    });
    after(() => store.close());

    test('listReportContents gives what findReport, listClaims and listEntities give, for visible reports only', async () => {
      const seen = await Promise.all([LOCAL_ADMIN, jp, kr].map((v) => store.listReports(v)));
      const all = [...new Set(seen.flat().map((r) => r.id))];
      const ids = [...all, 99_999, ...all.slice(0, 3)].reverse(); // unknown and repeated ids, any order
      for (const viewer of [LOCAL_ADMIN, jp, kr]) {
        const contents = await store.listReportContents(viewer, ids);
        const visible = (await store.listReports(viewer)).map((r) => r.id);
        assert.ok(visible.length > 0, `${viewer.partnerId} sees some`);
        assert.ok(visible.length < all.length, 'and not all');
        assert.deepEqual(contents.map((c) => c.report.id), visible, `${viewer.partnerId}: its visible reports, in id order, each once`);
        for (const c of contents) {
          assert.deepEqual(c.report, await store.findReport(viewer, c.report.id));
          assert.deepEqual(c.claims, await store.listClaims(viewer, { reportId: c.report.id }));
          assert.deepEqual(c.entities, await store.listEntities(viewer, { reportId: c.report.id }));
        }
        assert.ok(contents.some((c) => c.claims.length > 0 && c.entities.length > 0), 'reports with claims and entities');
        assert.ok(contents.some((c) => c.report.duplicateOf !== null), 'copies, with their visible originals');
      }
      assert.deepEqual(await store.listReportContents(jp, []), []);
    });

    test('listReportRanges: the first and last visible report that matches, as hasReport sees them', async () => {
      const summaries = await store.listReports(LOCAL_ADMIN);
      const contents = await store.listReportContents(LOCAL_ADMIN, summaries.map((s) => s.id));
      const matches: ReportMatch[] = [];
      for (const { report, entities } of contents.filter((_, i) => i % 9 === 0)) {
        for (const e of entities.slice(0, 3)) matches.push({ entityKey: e.key }, { entityKey: e.key, ingestedAt: report.ingestedAt }, { entityKey: e.key, releasedTo: 'NATO' });
        const m = report.marking;
        matches.push({ owner: m.owner }, { tlp: m.tlp, ingestedAt: report.ingestedAt }, { owner: m.owner, releasableTo: m.releasableTo }, { classification: m.classification });
        if (report.source !== null) matches.push({ source: report.source });
      }
      matches.push({ entityKey: 'person:nobody-at-all' }, { source: 'No Such Outlet' });
      for (const viewer of [LOCAL_ADMIN, jp, kr]) {
        const ids = (await store.listReports(viewer)).map((s) => s.id);
        const ranges = await store.listReportRanges(viewer, matches);
        assert.equal(ranges.length, matches.length);
        let found = 0;
        for (const [i, m] of matches.entries()) {
          const range = ranges[i]!;
          assert.equal(range !== null, await store.hasReport(viewer, m), JSON.stringify(m));
          if (range === null) continue;
          found++;
          assert.ok(range.first <= range.last);
          assert.equal(await store.hasReport(viewer, { ...m, beforeId: range.first }), false, 'none before the first');
          assert.equal(await store.hasReport(viewer, { ...m, afterId: range.last }), false, 'none after the last');
          assert.equal(await store.hasReport(viewer, { ...m, afterId: range.first - 1, beforeId: range.first + 1 }), true, 'the first matches');
          assert.equal(await store.hasReport(viewer, { ...m, afterId: range.last - 1, beforeId: range.last + 1 }), true, 'the last matches');
          assert.ok(ids.includes(range.first) && ids.includes(range.last), 'reports the viewer sees');
        }
        assert.ok(found > 10 && found < matches.length, `${viewer.partnerId}: some match, some do not (${found})`);
      }
      // Cached until the reports change: a new report carrying an entity moves its last.
      const key = (await store.listEntities(LOCAL_ADMIN, { limit: 1 }))[0]!.key;
      const [before] = await store.listReportRanges(LOCAL_ADMIN, [{ entityKey: key }]);
      await ingest(store, 30, 4);
      const [later] = await store.listReportRanges(LOCAL_ADMIN, [{ entityKey: key }]);
      const newest = (await store.listReports(LOCAL_ADMIN)).at(-1)!.id;
      assert.ok(later!.last > before!.last && later!.last <= newest, 'the new reports count');
      assert.equal(later!.first, before!.first);
    });
  });

  describe('reports by the STIX ids their export carries', () => {
    let store: Store;
    const jp: Viewer = { partnerId: 'jp-mod', clearance: 'UNCLASSIFIED', communities: [], role: 'reader' };
    before(async () => {
      store = await stores.open(stores.newLocation());
      const marks: Marking[] = [
        { classification: 'UNCLASSIFIED', releasableTo: ['ALL'], owner: 'local', tlp: 'TLP:CLEAR' },
        { classification: 'CONFIDENTIAL', releasableTo: ['NATO', 'jp-mod'], owner: 'local', tlp: 'TLP:AMBER' },
      ];
      const reports = syntheticReports(60, { seed: 8, copyEvery: 9 });
      await store.ingest(reports.map((r, i) => prepareReport(collectText(`synthetic/${r.name}`, r.text)[0]!, { marking: marks[i % 2]! })));
    });
    after(() => store.close());

    test('listReports by the ids a report carries finds it, through the policy', async () => {
      const contents = await store.listReportContents(LOCAL_ADMIN, (await store.listReports(LOCAL_ADMIN)).map((r) => r.id));
      const objectsOf = new Map(contents.map((c) => [c.report.id, reportObjects(c).map((o) => o.id)]));
      const visibleToJp = new Set((await store.listReports(jp)).map((r) => r.id));
      assert.ok(visibleToJp.size > 0 && visibleToJp.size < objectsOf.size);
      const claimOf = new Map<number, string>();
      for (const [reportId, ids] of objectsOf) claimOf.set(reportId, ids.find((id) => id.startsWith('x-parallax-claim--')) ?? ids.find((id) => id.startsWith('report--'))!);
      for (const [reportId, id] of claimOf) {
        assert.deepEqual((await store.listReports(LOCAL_ADMIN, { carrying: [id] })).map((r) => r.id), [reportId]);
        assert.deepEqual((await store.listReports(jp, { carrying: [id] })).map((r) => r.id), visibleToJp.has(reportId) ? [reportId] : [], 'a hidden report is not found by its ids');
      }
      // A shared object: every report that carries it, in order.
      const tlpClear = TLP2_IDS['TLP:CLEAR'];
      const carriers = [...objectsOf].filter(([, ids]) => ids.includes(tlpClear)).map(([r]) => r);
      assert.ok(carriers.length > 1);
      assert.deepEqual((await store.listReports(LOCAL_ADMIN, { carrying: [tlpClear, 'indicator--00000000-0000-4000-8000-000000000000'] })).map((r) => r.id), carriers);
    });
  });
}
