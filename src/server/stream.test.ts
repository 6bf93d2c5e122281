import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Marking } from '../domain/marking.js';
import { fixtureReport, troopsInRussia } from '../store/analysis.fixture.js';
import { buildServer } from './app.js';
import { bearer, startTestServer, type TestServer } from './server.fixture.js';
import { takeSseFrames } from './sse-frames.fixture.js';

// Sentences are our own.
const nato: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['NATO'], owner: 'local', tlp: 'TLP:GREEN' };
const secret: Marking = { classification: 'SECRET', releasableTo: ['ALL'], owner: 'local', tlp: 'TLP:CLEAR' };
const report = (i: number, marking: Marking) =>
  fixtureReport(`s-${i}.txt`, { source: `Stream Herald ${i}`, published: '2025-01-05', marking }, [
    troopsInRussia(`Stream Herald ${i} was told ${i},000 North Korean troops were in Russia.`, `${i},000`, i * 1000),
  ]);

interface Frame {
  id: string | null;
  event: string;
  data: Record<string, unknown>;
}

let s: TestServer;
let base: string;
before(async () => {
  s = await startTestServer([
    { id: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['NATO'], role: 'reader' },
    { id: 'jp-mod', clearance: 'SECRET', communities: [], role: 'reader' },
  ]);
  await s.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
});
after(() => s.close());

/**
 * Opens the stream on a real socket. `ready` resolves once the server answered (it subscribes in
 * the same tick as it answers); `frames` once `until` is satisfied.
 */
function subscribe(partner: string, until: (frames: Frame[]) => boolean, lastEventId?: string, target = { server: () => s, base: () => base }) {
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  const frames = new Promise<Frame[]>((resolve, reject) => {
    const headers: Record<string, string> = {
      ...bearer(target.server().tokens.get(partner)!),
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    };
    const req = request(`${target.base()}/api/v1/stream`, { headers }, (res) => {
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] ?? '', /^text\/event-stream/);
      const got: Frame[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        ready();
        const taken = takeSseFrames(buffer + chunk);
        buffer = taken.rest;
        for (const f of taken.frames) got.push({ id: f.id ?? null, event: f.event, data: f.data });
        if (until(got)) {
          req.destroy();
          resolve(got);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
  return { ready: isReady, frames };
}

const reportsOf = (frames: Frame[]) => frames.filter((f) => f.event === 'report').map((f) => f.data['reportId']);

test('live subscribers receive the reports and claims they may see, and resume from Last-Event-ID', async () => {
  const kr = subscribe('kr-mnd', (f) => reportsOf(f).length >= 2);
  const jp = subscribe('jp-mod', (f) => reportsOf(f).length >= 1);
  await Promise.all([kr.ready, jp.ready]);
  const [a, b, c] = await s.store.ingest([report(1, nato), report(2, secret), report(3, nato)]);
  const krFrames = await kr.frames;
  const jpFrames = await jp.frames;
  assert.deepEqual(reportsOf(krFrames), [a!.reportId, c!.reportId], 'kr-mnd: the NATO releases, not the SECRET one');
  assert.deepEqual(reportsOf(jpFrames), [b!.reportId], 'jp-mod: cleared for SECRET, not in NATO');
  const krClaims = krFrames.filter((f) => f.event === 'claim').map((f) => f.data['reportId']);
  assert.ok(krClaims.length > 0 && krClaims.every((id) => id === a!.reportId || id === c!.reportId));
  const ids = krFrames.map((f) => Number(f.id));
  assert.deepEqual(ids, [...ids].sort((x, y) => x - y), 'ids increase');

  // Resume after kr-mnd's first report: what followed is replayed at once.
  const firstId = krFrames.find((f) => f.event === 'report')!.id!;
  const resumed = subscribe('kr-mnd', (f) => reportsOf(f).length >= 1, firstId);
  assert.deepEqual(reportsOf(await resumed.frames), [c!.reportId]);
  const tooOld = subscribe('kr-mnd', (f) => f.some((x) => x.event === 'reset'), '1');
  assert.equal((await tooOld.frames)[0]!.event, 'reset');
});

test('a conflict reaches the stream of the scope whose reports show it, not the others', async () => {
  const t = await startTestServer([
    { id: 'kr-mnd', clearance: 'SECRET', communities: ['NATO'], role: 'reader' },
    { id: 'jp-mod', clearance: 'SECRET', communities: [], role: 'reader' },
  ]);
  try {
    const toAll: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['ALL'], owner: 'local', tlp: 'TLP:CLEAR' };
    await t.store.ingest([
      fixtureReport('low.txt', { source: 'Low Ledger', published: '2025-01-05', marking: toAll }, [
        troopsInRussia('Low Ledger heard that 3,000 North Korean troops were in Russia.', '3,000', 3000, { attributedTo: 'Low Ledger sources' }),
      ]),
      fixtureReport('high.txt', { source: 'High Herald', published: '2025-01-05', marking: nato }, [
        troopsInRussia('High Herald heard that 12,000 North Korean troops were in Russia.', '12,000', 12000, { attributedTo: 'High Herald sources' }),
      ]),
    ]);
    const conflictsOf = async (partner: string) => {
      const list = JSON.parse((await t.app.inject({ url: '/api/v1/conflicts', headers: bearer(t.tokens.get(partner)!) })).body);
      const stream = (await t.app.inject({ url: '/api/v1/stream?follow=false&lastEventId=0', headers: bearer(t.tokens.get(partner)!) })).body;
      return { total: list.total as number, events: [...stream.matchAll(/event: conflict\n/g)].length };
    };
    assert.deepEqual(await conflictsOf('kr-mnd'), { total: 1, events: 1 }, 'kr-mnd sees both figures: one conflict, announced once');
    assert.deepEqual(await conflictsOf('jp-mod'), { total: 0, events: 0 }, 'jp-mod sees one figure: no conflict, and no event of kr-mnd\'s');
  } finally {
    await t.close();
  }
});

test('while reports arrive, new conflicts are looked for and streamed to the scope that sees them', async () => {
  const t = await startTestServer([{ id: 'kr-mnd', clearance: 'SECRET', communities: ['NATO'], role: 'reader' }], { conflictDelayMs: 10 });
  // As `parallax serve` runs it: analyses in a worker thread on its own connection to the file.
  await t.app.close();
  t.app = await buildServer({ store: t.store, conflictDelayMs: 10, analysisWorkerStore: t.location });
  try {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const tBase = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const kr = subscribe('kr-mnd', (f) => f.some((x) => x.event === 'conflict'), undefined, { server: () => t, base: () => tBase });
    await kr.ready;
    await t.store.ingest([
      fixtureReport('watch-low.txt', { source: 'Low Ledger', published: '2025-01-05', marking: nato }, [
        troopsInRussia('Low Ledger heard that 3,000 North Korean troops were in Russia.', '3,000', 3000, { attributedTo: 'Low Ledger sources' }),
      ]),
      fixtureReport('watch-high.txt', { source: 'High Herald', published: '2025-01-05', marking: nato }, [
        troopsInRussia('High Herald heard that 12,000 North Korean troops were in Russia.', '12,000', 12000, { attributedTo: 'High Herald sources' }),
      ]),
    ]);
    const conflict = (await kr.frames).find((f) => f.event === 'conflict')!;
    assert.match(String(conflict.data['conflictId']), /^c-/);
  } finally {
    await t.close();
  }
});

test('a best estimate that moves is announced on the stream as an alert, to the scope that sees it', async () => {
  const t = await startTestServer([{ id: 'kr-mnd', clearance: 'SECRET', communities: ['NATO'], role: 'reader' }]);
  try {
    const auth = bearer(t.tokens.get('kr-mnd')!);
    await t.store.ingest([
      fixtureReport('early.txt', { source: 'Low Ledger', published: '2024-11-01', marking: nato }, [
        troopsInRussia('Low Ledger heard that 3,000 North Korean troops were in Russia.', '3,000', 3000, { attributedTo: 'Low Ledger sources' }),
      ]),
    ]);
    await t.app.inject({ url: '/api/v1/propositions', headers: auth });
    await t.store.ingest([
      fixtureReport('later.txt', { source: 'High Herald', published: '2025-02-01', marking: nato }, [
        troopsInRussia('High Herald heard that 12,000 North Korean troops were in Russia.', '12,000', 12000, { attributedTo: 'High Herald sources' }),
      ]),
    ]);
    await t.app.inject({ url: '/api/v1/propositions', headers: auth });
    const stream = (await t.app.inject({ url: '/api/v1/stream?follow=false&lastEventId=0', headers: auth })).body;
    assert.match(stream, /event: alert\n(?:id: \d+\n)?data: \{[^\n]*"kind":"estimate-moved"/);
  } finally {
    await t.close();
  }
});
