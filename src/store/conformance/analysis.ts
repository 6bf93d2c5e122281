import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Analysis, Proposition } from '../../analyse/index.js';
import type { Marking } from '../../domain/marking.js';
import { LOCAL_ADMIN, type Viewer } from '../../domain/viewer.js';
import { analyseStore } from '../analyse-store.js';
import { fixtureReport, NORTH_KOREAN, RUSSIA, troopsInRussia } from '../analysis.fixture.js';
import type { TestStores } from '../test-stores.fixture.js';
import { StorePermissionError } from '../viewer-scope.js';

/** Analysis over a store: propositions, conflicts, grades, overrides and alerts, per viewer scope. */
export function analysisTests(stores: TestStores): void {
  function propOf(a: Analysis, sentencePart: string): Proposition {
    const p = a.propositions.find((x) => x.series.some((s) => s.sentence.includes(sentencePart)));
    assert.ok(p, `no proposition holds "${sentencePart}"`);
    return p;
  }
  const sourcesOf = (p: Proposition) => new Set(p.series.map((s) => s.sourceKey));

  // A deployment that grows: every figure later than the one before. Sentences are our own.
  const growth = [
    fixtureReport('growth-1.txt', { source: 'Harbour Line', published: '2024-10-20' }, [
      troopsInRussia("Seoul's spy agency said 3,000 North Korean troops had arrived in Russia for training.", '3,000', 3000, {
        attributedTo: "Seoul's spy agency",
      }),
    ]),
    fixtureReport('growth-2.txt', { source: 'Capital Courier', published: '2024-10-30' }, [
      troopsInRussia('The Pentagon now puts the North Korean troops in Russia at 10,000.', '10,000', 10000, {
        attributedTo: 'The Pentagon',
        speakerKey: 'org:pentagon',
      }),
    ]),
    fixtureReport('growth-3.txt', { source: 'Kyiv Evening', published: '2024-11-06' }, [
      troopsInRussia("Kyiv's military intelligence counted 11,000 North Korean troops inside Russia.", '11,000', 11000, {
        attributedTo: "Kyiv's military intelligence",
      }),
    ]),
    fixtureReport('growth-4.txt', { source: 'Seoul Ledger', published: '2025-02-15' }, [
      troopsInRussia('At least 25,000 North Korean troops have now gone to Russia, lawmakers in Seoul heard.', 'At least 25,000', 25000, {
        qualifier: 'at_least',
      }),
    ]),
  ];

  test('a growing series is one proposition without conflict; its new figure moves the estimate and raises an alert', async () => {
    const store = await stores.open(stores.newLocation());
    try {
      await store.ingest(growth.slice(0, 3));
      const first = await analyseStore(store, LOCAL_ADMIN);
      assert.deepEqual(first.alerts, [], 'nothing to compare with, no conflict: no alert');
      await store.ingest(growth.slice(3));
      const run = await analyseStore(store, LOCAL_ADMIN);
      const p = propOf(run.analysis, '3,000');
      assert.equal(p.series.length, 4);
      assert.deepEqual(p.series.map((s) => s.stated.low), [3000, 10000, 11000, 25000], 'sorted by time');
      assert.equal(run.analysis.conflicts.length, 0);
      assert.equal(p.estimate?.low, 25000);
      assert.equal(p.estimate?.high, null);
      assert.equal(run.alerts.length, 1);
      assert.equal(run.alerts[0]!.kind, 'estimate-moved');
      assert.match(run.alerts[0]!.what, /moved from 11,000 .* to at least 25,000/);
      assert.deepEqual(await store.listAlerts(LOCAL_ADMIN), run.alerts);
      // The same store analysed again: nothing changed, nothing recorded.
      assert.deepEqual((await analyseStore(store, LOCAL_ADMIN)).alerts, []);
      assert.equal((await store.listAlerts(LOCAL_ADMIN)).length, 1);
    } finally {
      await store.close();
    }
  });

  const harbour = () =>
    fixtureReport('conflict-1.txt', { source: 'Harbour Times', published: '2024-11-04' }, [
      troopsInRussia('About 3,000 North Korean troops are in Russia at present.', 'About 3,000', 3000, { qualifier: 'approximate' }),
    ]);
  const dnipro = (marking?: Marking) =>
    fixtureReport('conflict-2.txt', { source: 'Dnipro Daily', published: '2024-11-04', ...(marking ? { marking } : {}) }, [
      troopsInRussia("Ukraine's military intelligence said 12,000 North Korean troops are in Russia at present.", '12,000', 12000, {
        attributedTo: "Ukraine's military intelligence",
      }),
    ]);

  test('a true conflict names both claims, both sources and the gap, and is announced once', async () => {
    const store = await stores.open(stores.newLocation());
    try {
      await store.ingest([harbour(), dnipro()]);
      const run = await analyseStore(store, LOCAL_ADMIN);
      assert.equal(run.analysis.conflicts.length, 1);
      const c = run.analysis.conflicts[0]!;
      assert.deepEqual([c.a.sourceLabel, c.b.sourceLabel].sort(), ['Harbour Times', "Ukraine's military intelligence"]);
      assert.equal(c.gap, 12000 - 3150);
      assert.equal(propOf(run.analysis, '12,000').conflictIds[0], c.id);
      assert.deepEqual(
        run.alerts.map((a) => [a.kind, a.conflictId]),
        [['new-conflict', c.id]],
      );
      assert.deepEqual((await analyseStore(store, LOCAL_ADMIN)).alerts, [], 'a known conflict is not announced again');
    } finally {
      await store.close();
    }
  });

  test("a source's grade changes credibility and the best estimate, and the move is an alert", async () => {
    const store = await stores.open(stores.newLocation());
    try {
      await store.ingest([harbour(), dnipro()]);
      const before = await analyseStore(store, LOCAL_ADMIN);
      const p0 = propOf(before.analysis, '12,000');
      assert.equal(p0.estimate?.contested, true, 'two ungraded (F) sources disagree: a standoff');
      assert.ok(p0.series.every((s) => s.credibility === 4));
      const ukraine = before.analysis.sources.find((s) => s.label === "Ukraine's military intelligence")!;
      assert.equal(ukraine.reliability, 'F');
      await store.setSourceGrade(LOCAL_ADMIN, { sourceKey: ukraine.key, grade: 'A', label: ukraine.label, gradedBy: 'tester' });
      const after = await analyseStore(store, LOCAL_ADMIN);
      const p1 = propOf(after.analysis, '12,000');
      const bySentence = (part: string) => p1.series.find((s) => s.sentence.includes(part))!;
      assert.equal(bySentence('12,000').reliability, 'A');
      assert.equal(bySentence('About 3,000').credibility, 5, 'contradicted by a better source: improbable');
      assert.equal(p1.estimate?.low, 12000);
      assert.equal(p1.estimate?.contested, false);
      assert.deepEqual(after.alerts.map((a) => a.kind), ['estimate-moved']);
      assert.match(after.alerts[0]!.why, /weighed anew/);
      const [grade] = await store.listSourceGrades(LOCAL_ADMIN);
      assert.equal(grade?.gradedBy, 'tester');
      const reader: Viewer = { ...LOCAL_ADMIN, role: 'reader' };
      await assert.rejects(store.setSourceGrade(reader, { sourceKey: ukraine.key, grade: 'E' }), StorePermissionError);
    } finally {
      await store.close();
    }
  });

  test('a syndicated copy does not count as a second source', async () => {
    const store = await stores.open(stores.newLocation());
    try {
      const sentence = 'The count of North Korean troops in Russia has reached 10,000 this week.';
      const original = fixtureReport('wire.txt', { source: 'Global Wire', published: '2024-11-04' }, [troopsInRussia(sentence, '10,000', 10000)]);
      const copy = fixtureReport('paper.txt', { source: 'Morning Paper', published: '2024-11-04' }, [troopsInRussia(sentence, '10,000', 10000)]);
      const other = fixtureReport('tv.txt', { source: 'Evening TV', published: '2024-11-05' }, [
        troopsInRussia('Evening TV learned that 10,000 North Korean troops are now in Russia.', '10,000', 10000),
      ]);
      const outcomes = await store.ingest([original, copy, other]);
      assert.deepEqual(outcomes.map((o) => o.status), ['ingested', 'duplicate', 'ingested']);
      const { analysis } = await analyseStore(store, LOCAL_ADMIN);
      const p = propOf(analysis, '10,000');
      assert.equal(p.series.length, 3, 'every claim is listed');
      assert.equal(sourcesOf(p).size, 2, 'the copy is its original’s source');
      const copyEntry = p.series.find((s) => s.reportId === String(outcomes[1]!.reportId))!;
      const originalEntry = p.series.find((s) => s.reportId === String(outcomes[0]!.reportId))!;
      assert.equal(copyEntry.copyOf, originalEntry.claimId);
      assert.equal(copyEntry.outlet, 'Global Wire');
      const tv = p.series.find((s) => s.sentence.includes('Evening TV'))!;
      assert.equal(tv.credibility, 2, 'corroborated by one independent source, not two');
      assert.equal(analysis.sources.length, 2);
    } finally {
      await store.close();
    }
  });

  const labourers = (low: number, text: string) => ({
    text,
    number: low.toLocaleString('en-US'),
    low,
    unit: 'labourers',
    counted: 'North Korean labourers',
    location: 'Russia',
    entities: [NORTH_KOREAN, RUSSIA],
  });
  const builders = (low: number, text: string) => ({ ...labourers(low, text), unit: 'builders', counted: 'North Korean builders' });

  test('a merge persists in the store and outlives re-ingest and re-analysis', async () => {
    const location = stores.newLocation();
    let store = await stores.open(location);
    const a1 = fixtureReport('workers.txt', { source: 'Outlet A', published: '2024-09-01' }, [
      labourers(5000, 'This month 5,000 North Korean labourers arrived in Russia.'),
    ]);
    const b1 = fixtureReport('builders.txt', { source: 'Outlet B', published: '2024-09-20' }, [
      builders(6000, 'That summer 6,000 North Korean builders went to Russia.'),
    ]);
    let into: string;
    let from: string;
    try {
      await store.ingest([a1, b1]);
      const first = (await analyseStore(store, LOCAL_ADMIN)).analysis;
      into = propOf(first, '5,000').id;
      from = propOf(first, '6,000').id;
      assert.notEqual(into, from);
      await store.addOverride(LOCAL_ADMIN, { kind: 'merge', from, into }, 'tester');
      const merged = (await analyseStore(store, LOCAL_ADMIN)).analysis;
      assert.equal(propOf(merged, '6,000').id, into);
    } finally {
      await store.close();
    }
    // Later: a new version of the first report (its claims get new ids) and a new report of builders.
    store = await stores.open(location);
    try {
      const a2 = fixtureReport('workers.txt', { source: 'Outlet A', published: '2024-09-02' }, [
        labourers(5000, 'This month 5,000 North Korean labourers arrived in Russia.'),
        labourers(5500, 'By the end of it, 5,500 North Korean labourers were in Russia.'),
      ]);
      const b2 = fixtureReport('builders-2.txt', { source: 'Outlet C', published: '2024-10-10' }, [
        builders(7000, 'In October 7,000 North Korean builders worked in Russia.'),
      ]);
      const outcomes = await store.ingest([a2, b2]);
      assert.deepEqual(outcomes.map((o) => o.status), ['updated', 'ingested']);
      const { analysis, overrides } = await analyseStore(store, LOCAL_ADMIN);
      assert.equal(overrides.length, 1);
      assert.equal(overrides[0]!.madeBy, 'tester');
      const p = propOf(analysis, '7,000');
      assert.equal(p.id, into);
      assert.equal(p.origin, 'merged');
      assert.deepEqual(p.mergedFrom, [from]);
      assert.deepEqual(p.series.map((s) => s.stated.low).sort(), [5000, 5500, 6000, 7000]);
      assert.equal(analysis.propositions.length, 1);
    } finally {
      await store.close();
    }
  });

  test("a partner's merges shape its own view only; another partner never sees them", async () => {
    const store = await stores.open(stores.newLocation());
    try {
      await store.ingest([
        fixtureReport('workers.txt', { source: 'Outlet A', published: '2024-09-01' }, [labourers(5000, 'This month 5,000 North Korean labourers arrived in Russia.')]),
        fixtureReport('builders.txt', { source: 'Outlet B', published: '2024-09-20' }, [builders(6000, 'That summer 6,000 North Korean builders went to Russia.')]),
      ]);
      const analystA: Viewer = { partnerId: 'partner-a', clearance: 'SECRET', communities: [], role: 'analyst' };
      const analystB: Viewer = { ...analystA, partnerId: 'partner-b' };
      const before = (await analyseStore(store, analystA)).analysis;
      const into = propOf(before, '5,000').id;
      const from = propOf(before, '6,000').id;
      const made = await store.addOverride(analystA, { kind: 'merge', from, into }, 'analyst of A');
      assert.equal(propOf((await analyseStore(store, analystA)).analysis, '6,000').id, into);
      const seenByB = await analyseStore(store, analystB);
      assert.equal(propOf(seenByB.analysis, '6,000').id, from, "B's view is not merged by A's analyst");
      assert.deepEqual(await store.listOverrides(analystB), []);
      assert.equal(await store.deleteOverride(analystB, made.id), false, 'B cannot withdraw what A decided');
      assert.equal((await store.listOverrides(analystA)).length, 1);
    } finally {
      await store.close();
    }
  });

  test('a report released to another partner adds nothing to a viewer’s propositions, conflicts or alerts', async () => {
    const store = await stores.open(stores.newLocation());
    try {
      const onlyForB: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['partner-b'], owner: 'local', tlp: 'TLP:AMBER' };
      await store.ingest([harbour(), dnipro(onlyForB)]);
      const partnerA: Viewer = { partnerId: 'partner-a', clearance: 'SECRET', communities: ['ALL'], role: 'analyst' };
      const partnerB: Viewer = { ...partnerA, partnerId: 'partner-b' };
      const seenByA = await analyseStore(store, partnerA);
      assert.equal(seenByA.claims, 1);
      assert.equal(seenByA.analysis.conflicts.length, 0);
      assert.ok(seenByA.analysis.propositions.every((p) => p.series.every((s) => !s.sentence.includes('12,000'))));
      assert.ok(seenByA.analysis.sources.every((s) => s.label !== "Ukraine's military intelligence"));
      const seenByB = await analyseStore(store, partnerB);
      assert.equal(seenByB.analysis.conflicts.length, 1);
      assert.equal(seenByB.alerts.length, 1);
      assert.deepEqual(await store.listAlerts(partnerA), [], 'alerts stay in the scope that may see their reports');
      assert.equal((await store.listClaimRecords(LOCAL_ADMIN)).length, 2, 'the owner sees both');
    } finally {
      await store.close();
    }
  });

  test('claim records carry what analysis needs: ids, outlet, original, offsets, entities', async () => {
    const store = await stores.open(stores.newLocation());
    try {
      const [o] = await store.ingest([dnipro()]);
      const [r] = await store.listClaimRecords(LOCAL_ADMIN);
      assert.ok(r);
      assert.equal(r.reportId, String(o!.reportId));
      assert.equal(r.source, 'Dnipro Daily');
      assert.equal(r.originalReportId, null);
      assert.equal(r.sentenceText.slice(r.numberAt, r.numberAt + 6), '12,000');
      assert.deepEqual(r.entities.map((e) => [e.key, e.name]).sort(), [['loc:north-korea', 'North Korea'], ['loc:russia', 'Russia']]);
      assert.equal(r.time, null);
      assert.equal(r.published, '2024-11-04');
    } finally {
      await store.close();
    }
  });
}
