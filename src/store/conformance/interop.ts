import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Marking } from '../../domain/marking.js';
import { LOCAL_ADMIN, type Viewer } from '../../domain/viewer.js';
import type { Store } from '../store.js';
import type { TestStores } from '../test-stores.fixture.js';
import { BODY, doc, input } from './report-fixture.js';

const KR_ONLY: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['kr-mnd'], owner: 'kr-mnd', tlp: 'TLP:AMBER' };
const SHARED: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['jp-mod', 'kr-mnd'], owner: 'kr-mnd', tlp: 'TLP:GREEN' };
const JP: Viewer = { partnerId: 'jp-mod', clearance: 'RESTRICTED', communities: [], role: 'analyst' };
const KR: Viewer = { partnerId: 'kr-mnd', clearance: 'SECRET', communities: [], role: 'reader' };

/** What the exchange formats read (STIX objects, MISP items, TAXII's lookups, the workspace's counts), through the policy. */
export function interopTests(stores: TestStores): void {
  describe('exchange reads: STIX objects, report items, entities, days, sorts, matching reports', () => {
    let store: Store;
    let shared: number;
    let hidden: number;
    before(async () => {
      store = await stores.open(stores.newLocation());
      const early = `An earlier note. ${BODY}`;
      const [a] = await store.ingest([
        {
          ...input(doc('https://example.org/shared', BODY, { title: 'Bravo', source: 'Wire B', published: '2024-11-04' }), SHARED),
          items: [
            { kind: 'attribute', type: 'ip-dst', value: '203.0.113.7', data: { type: 'ip-dst', value: '203.0.113.7', to_ids: true } },
            { kind: 'tag', type: 'PAP:AMBER', value: null, data: { name: 'PAP:AMBER' } },
          ],
        },
      ]);
      const [b] = await store.ingest([input(doc('notes/hidden.txt', early, { title: 'alpha', source: 'wire a', published: '2024-11-02' }), KR_ONLY)]);
      shared = a!.reportId!;
      hidden = b!.reportId!;
    });
    after(() => store.close());

    test('STIX objects are kept once per version and marking, and read by those who may see them', async () => {
      const indicator = { type: 'indicator', id: 'indicator--1c0d9bd0-0000-4000-8000-000000000001', spec_version: '2.1', modified: '2025-01-01T00:00:00.000Z', pattern: "[ipv4-addr:value = '203.0.113.7']" };
      await assert.rejects(store.keepStixObjects({ ...KR, role: 'reader' }, [{ object: indicator, marking: KR_ONLY }]), /reader/);
      const kept = await store.keepStixObjects(LOCAL_ADMIN, [
        { object: indicator, marking: KR_ONLY },
        { object: { type: 'ipv4-addr', id: 'ipv4-addr--1c0d9bd0-0000-4000-8000-000000000002', value: '203.0.113.7' }, marking: SHARED },
      ]);
      assert.deepEqual(kept.map((k) => k.status), ['kept', 'kept']);
      const again = await store.keepStixObjects(LOCAL_ADMIN, [
        { object: indicator, marking: KR_ONLY },
        { object: { ...indicator, pattern: '[x]' }, marking: KR_ONLY },
      ]);
      assert.deepEqual(again.map((k) => k.status), ['unchanged', 'failed']);
      assert.match(again[1]!.problem!, /a new version needs a new modified/);
      const forKr = await store.listStixObjects(KR);
      assert.deepEqual(forKr.map((o) => o.type), ['indicator', 'ipv4-addr']);
      assert.deepEqual(forKr[0]!.object, indicator);
      assert.equal(forKr[1]!.modified, null);
      assert.deepEqual((await store.listStixObjects(JP)).map((o) => o.type), ['ipv4-addr'], 'the indicator is not releasable to jp-mod');
      assert.deepEqual((await store.listStixObjects(KR, { type: 'ipv4-addr' })).map((o) => o.type), ['ipv4-addr']);
      assert.deepEqual((await store.listStixObjects(KR, { afterRow: forKr[0]!.row, limit: 1 })).map((o) => o.type), ['ipv4-addr']);
    });

    test('report items come back in order, only through a visible report', async () => {
      const items = await store.listReportItems(JP, shared);
      assert.deepEqual(items.map((i) => [i.kind, i.type, i.value]), [['attribute', 'ip-dst', '203.0.113.7'], ['tag', 'PAP:AMBER', null]]);
      assert.deepEqual(items[0]!.data, { type: 'ip-dst', value: '203.0.113.7', to_ids: true });
      assert.deepEqual(await store.listReportItems(JP, hidden), []);
      assert.deepEqual(await store.listReportItems(KR, hidden), []);
    });

    test("a report's entities with their mentions; entities of one report", async () => {
      const entities = await store.listReportEntities(JP, shared);
      assert.deepEqual(entities.map((e) => e.key).sort(), ['loc:north-korea', 'per:kim-yong-hyun']);
      const kim = entities.find((e) => e.key === 'per:kim-yong-hyun')!;
      assert.equal(BODY.slice(kim.mentions[0]!.start, kim.mentions[0]!.end), 'Kim Yong-hyun');
      assert.equal(kim.role, 'Defence minister');
      assert.deepEqual(await store.listReportEntities(JP, hidden), []);
      const ofOne = await store.listEntities(KR, { reportId: hidden });
      assert.deepEqual(ofOne.map((e) => e.reports), [1, 1]);
      assert.deepEqual(await store.listEntities(JP, { reportId: hidden }), []);
    });

    test('counts by day cover the visible reports only', async () => {
      assert.deepEqual(await store.countByDay(KR), [
        { day: '2024-11-02', reports: 1, claims: 2 },
        { day: '2024-11-04', reports: 1, claims: 2 },
      ]);
      assert.deepEqual(await store.countByDay(JP), [{ day: '2024-11-04', reports: 1, claims: 2 }]);
    });

    test('reports sort by date, source, title and classification, ties by id; released to and added after filter', async () => {
      const ids = async (sort: Parameters<Store['listReports']>[1]) => (await store.listReports(KR, sort)).map((r) => r.id);
      assert.deepEqual(await ids({ sort: 'published' }), [hidden, shared]);
      assert.deepEqual(await ids({ sort: '-published' }), [shared, hidden]);
      assert.deepEqual(await ids({ sort: 'title' }), [hidden, shared], 'alpha before Bravo, whatever the case');
      assert.deepEqual(await ids({ sort: '-source' }), [shared, hidden]);
      assert.deepEqual(await ids({ sort: '-id' }), [hidden, shared]);
      assert.deepEqual(await ids({ releasedTo: 'jp-mod' }), [shared]);
      assert.deepEqual(await ids({ addedAfter: '2000-01-01T00:00:00.000Z' }), [shared, hidden]);
      assert.deepEqual(await ids({ addedAfter: '2999-01-01T00:00:00.000Z' }), []);
    });

    test('hasReport and countMatchingReports answer through the policy', async () => {
      assert.equal(await store.hasReport(KR, { entityKey: 'per:kim-yong-hyun', afterId: shared }), true);
      assert.equal(await store.hasReport(JP, { entityKey: 'per:kim-yong-hyun', afterId: shared }), false, 'the later report is hidden from jp-mod');
      assert.equal(await store.countMatchingReports(KR, { entityKey: 'loc:north-korea' }), 2);
      assert.equal(await store.countMatchingReports(JP, { entityKey: 'loc:north-korea' }), 1);
      assert.equal(await store.countMatchingReports(KR, { tlp: 'TLP:AMBER' }), 1);
      assert.equal(await store.countMatchingReports(KR, { releasableTo: ['jp-mod', 'kr-mnd'] }), 1);
      assert.equal(await store.hasReport(KR, { source: 'Wire B', beforeId: shared }), false);
      assert.equal(await store.countMatchingReports(JP, { owner: 'kr-mnd' }), 1);
    });
  });
}
