import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Marking } from '../domain/marking.js';
import { fixtureReport, troopsInRussia } from '../store/analysis.fixture.js';
import { postgresTestStores, sqliteTestStores, type TestStores } from '../store/test-stores.fixture.js';
import { RepeatFilter } from './event-sweep.js';
import { bearer, startTestServer } from './server.fixture.js';

// Sentences are our own.
const nato: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['NATO'], owner: 'local', tlp: 'TLP:GREEN' };
const report = (name: string, n: number) =>
  fixtureReport(`${name}.txt`, { source: `Sweep Gazette ${n}`, published: '2025-02-03', marking: nato }, [
    troopsInRussia(`Sweep Gazette ${n} was told ${n},000 North Korean troops were in Russia.`, `${n},000`, n * 1000),
    troopsInRussia(`Another ${n},500 North Korean troops were said to be on their way to Russia.`, `${n},500`, n * 1000 + 500),
  ]);

async function until(what: string, ok: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const storeKinds: [string, () => Promise<TestStores>][] = [
  ['SQLite', async () => sqliteTestStores()],
  ['PostgreSQL', postgresTestStores],
];

for (const [kind, makeStores] of storeKinds) {
  const stores = await makeStores();
  test(`${kind}: a report another program writes into the store is streamed once, with its claims; one this process writes is not streamed twice`, { skip: stores.skip ?? false }, async () => {
    const t = await startTestServer([{ id: 'kr-mnd', clearance: 'SECRET', communities: ['NATO'], role: 'reader' }], { sweepEveryMs: 40, sweepGraceMs: 40 }, stores);
    // As `parallax ingest` into the file or database `parallax serve` uses: no publisher of its own.
    const other = await stores.open(t.location);
    try {
      const [elsewhere] = await other.ingest([report('elsewhere', 4)]);
      const [here] = await t.store.ingest([report('here', 7)]);
      const events = async () => {
        const body = (await t.app.inject({ url: '/api/v1/stream?follow=false&lastEventId=0', headers: bearer(t.tokens.get('kr-mnd')!) })).body;
        return [...body.matchAll(/^event: (\w+)\n(?:id: \d+\n)?data: (.*)$/gm)].map((m) => ({ event: m[1]!, data: JSON.parse(m[2]!) as { reportId: number } }));
      };
      await until('the report written elsewhere', async () => (await events()).some((e) => e.event === 'report' && e.data.reportId === elsewhere!.reportId));
      await new Promise((r) => setTimeout(r, 300)); // a few more sweeps: nothing is sent twice
      const seen = await events();
      const count = (event: string, id: number) => seen.filter((e) => e.event === event && e.data.reportId === id).length;
      assert.equal(count('report', elsewhere!.reportId!), 1);
      assert.equal(count('claim', elsewhere!.reportId!), 2, 'its claims too');
      assert.equal(count('report', here!.reportId!), 1, 'announced by its writer, not again by the sweep');
      assert.equal(count('claim', here!.reportId!), 2);
    } finally {
      await other.close();
      await t.close();
      await stores.dispose();
    }
  });

  const storesForRestricted = await makeStores();
  test(`${kind}: a report restricted to one partner, whose writer died before announcing it, is streamed to that partner and to no other`, { skip: storesForRestricted.skip ?? false }, async () => {
    const t = await startTestServer(
      [
        { id: 'kr-mnd', clearance: 'SECRET', communities: ['NATO'], role: 'reader' },
        { id: 'nl-mivd', clearance: 'SECRET', communities: ['NATO'], role: 'reader' },
      ],
      { sweepEveryMs: 40, sweepGraceMs: 40 },
      storesForRestricted,
    );
    const other = await storesForRestricted.open(t.location);
    try {
      // Owned by the partner and released to it alone: the local administrator cannot see it.
      const own: Marking = { classification: 'UNCLASSIFIED', releasableTo: [], owner: 'kr-mnd', tlp: 'TLP:AMBER' };
      const restricted = fixtureReport('restricted.txt', { source: 'Sweep Gazette 9', published: '2025-02-03', marking: own }, [
        troopsInRussia('Sweep Gazette 9 heard that 9,000 North Korean troops were in Russia.', '9,000', 9000),
      ]);
      const [written] = await other.ingest([restricted]);
      const reportsFor = async (partner: string) => {
        const body = (await t.app.inject({ url: '/api/v1/stream?follow=false&lastEventId=0', headers: bearer(t.tokens.get(partner)!) })).body;
        return [...body.matchAll(/^event: (\w+)\n(?:id: \d+\n)?data: (.*)$/gm)]
          .map((m) => ({ event: m[1]!, reportId: (JSON.parse(m[2]!) as { reportId?: number }).reportId }))
          .filter((e) => e.reportId === written!.reportId);
      };
      await until('the restricted report on its owner\'s stream', async () => (await reportsFor('kr-mnd')).some((e) => e.event === 'report'));
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual((await reportsFor('kr-mnd')).map((e) => e.event), ['report', 'claim'], 'once, with its claim');
      assert.deepEqual(await reportsFor('nl-mivd'), [], 'another partner of the same community sees nothing of it');
    } finally {
      await other.close();
      await t.close();
      await storesForRestricted.dispose();
    }
  });
}

test('a report announced a second time (a sweep after a late delivery) is dropped with its claims; other reports and their claims pass', () => {
  const filter = new RepeatFilter();
  const passed = [
    ['report', { reportId: 1 }],
    ['claim', { reportId: 1, claimId: 10 }],
    ['report', { reportId: 2, replaces: 1 }],
    ['claim', { reportId: 2, claimId: 20 }],
    ['report', { reportId: 1 }],
    ['claim', { reportId: 1, claimId: 10 }],
    ['report', { reportId: 2 }],
    ['claim', { reportId: 2, claimId: 20 }],
    ['report', { reportId: 3 }],
    ['claim', { reportId: 3, claimId: 30 }],
    ['alert', { alertId: 5 }],
  ].filter(([type, data]) => !filter.repeats(type as string, data as Record<string, unknown>));
  assert.deepEqual(passed.map(([t, d]) => `${t}:${(d as { reportId?: number }).reportId ?? '-'}`), ['report:1', 'claim:1', 'report:2', 'claim:2', 'report:3', 'claim:3', 'alert:-']);
});
