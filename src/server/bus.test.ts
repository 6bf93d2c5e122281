import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Marking } from '../domain/marking.js';
import { LOCAL_ADMIN } from '../domain/viewer.js';
import { hashToken, newToken } from '../share/tokens.js';
import { fixtureReport, troopsInRussia } from '../store/analysis.fixture.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import { buildServer } from './app.js';
import { connectJetStreamBus } from './jetstream-bus.js';
import { takeSseFrames } from './sse-frames.fixture.js';
import { deleteTestStream, requireNats, skipNats, TEST_NATS_URL, uniquePrefix } from './nats.fixture.js';

// Two `parallax serve` processes on one SQLite file, as two servers in this process, each with its
// own store connection and its own JetStream consumer. Sentences are our own.

interface Frame {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

/** One server of the pair: started (again) with a node id, on the shared file. */
class Node {
  app!: FastifyInstance;
  store!: SqliteStore;
  base = '';
  constructor(
    readonly nodeId: string,
    readonly file: string,
    readonly prefix: string,
  ) {}

  async start(conflictDelayMs = -1, sweepEveryMs = 0): Promise<this> {
    this.store = await openSqliteStore(this.file);
    const bus = await connectJetStreamBus({ url: TEST_NATS_URL, prefix: this.prefix, nodeId: this.nodeId });
    this.app = await buildServer({ store: this.store, bus, conflictDelayMs, sweepEveryMs, sweepGraceMs: 100 });
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.base = `http://127.0.0.1:${(this.app.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.store.close();
  }
}

/** An SSE client on a real socket; `frames` grows as events arrive. */
function listen(node: Node, token: string, lastEventId?: number) {
  const frames: Frame[] = [];
  let buffer = '';
  let ready!: () => void;
  const connected = new Promise<void>((r) => (ready = r));
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }) };
  const req = request(`${node.base}/api/v1/stream`, { headers }, (res) => {
    assert.equal(res.statusCode, 200);
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      ready();
      const taken = takeSseFrames(buffer + chunk);
      buffer = taken.rest;
      for (const f of taken.frames) frames.push({ id: Number(f.id), event: f.event, data: f.data });
    });
  });
  req.on('error', () => undefined);
  req.end();
  return { frames, connected, close: () => req.destroy() };
}

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const reportsOf = (frames: Frame[]) => frames.filter((f) => f.event === 'report').map((f) => f.data['reportId'] as number);
const claimsOf = (frames: Frame[]) => frames.filter((f) => f.event === 'claim').map((f) => f.data['reportId'] as number);
/** Waits a little for what should not come. */
const settle = () => new Promise((r) => setTimeout(r, 300));

const prefix = uniquePrefix();
const dir = mkdtempSync(join(tmpdir(), 'parallax-bus-'));
const file = join(dir, 'store.db');
const tokens = new Map<string, string>();
const nodes: Node[] = [];

before(async () => {
  if (skipNats) return;
  await requireNats();
  const store = await openSqliteStore(file);
  // kr-mnd submits; nl-mod is in NATO; jp-mod is cleared higher but in no community.
  for (const [id, clearance, communities, role] of [
    ['kr-mnd', 'CONFIDENTIAL', ['NATO'], 'analyst'],
    ['nl-mod', 'CONFIDENTIAL', ['NATO'], 'reader'],
    ['jp-mod', 'SECRET', [], 'reader'],
  ] as const) {
    await store.addPartner(LOCAL_ADMIN, { id, clearance, communities: [...communities] });
    const token = newToken();
    await store.issueToken(LOCAL_ADMIN, { partnerId: id, role, tokenHash: hashToken(token) });
    tokens.set(id, token);
  }
  await store.close();
});

after(async () => {
  if (skipNats) return;
  for (const n of nodes) await n.stop().catch(() => undefined);
  // Not reached when NATS is not: the before hook said so already.
  await deleteTestStream(prefix).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

async function post(node: Node, text: string, marking: Record<string, unknown>): Promise<{ id: number; claims: number }> {
  const res = await fetch(`${node.base}/api/v1/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.get('kr-mnd')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text, published: '2025-03-04', marking }),
  });
  const body = (await res.json()) as { id: number; claims: unknown[] };
  assert.equal(res.status, 201, JSON.stringify(body));
  return { id: body.id, claims: body.claims.length };
}

const restricted = { classification: 'CONFIDENTIAL', releasableTo: ['NATO'], tlp: 'TLP:AMBER' };
const open = { classification: 'UNCLASSIFIED', releasableTo: ['ALL'], tlp: 'TLP:CLEAR' };
const text = (n: number) => `Officials in Seoul said on Tuesday that ${n},500 more North Korean soldiers had crossed into Russia.`;

test('a report posted to one process reaches the clients of both, each filtered by the policy; a process started again resumes without loss or repeat', { skip: skipNats }, async () => {
  const a = await new Node('node-a', file, prefix).start();
  let b = await new Node('node-b', file, prefix).start();
  nodes.push(a, b);
  const krA = listen(a, tokens.get('kr-mnd')!);
  const nlB = listen(b, tokens.get('nl-mod')!);
  const jpA = listen(a, tokens.get('jp-mod')!);
  const jpB = listen(b, tokens.get('jp-mod')!);
  await Promise.all([krA, nlB, jpA, jpB].map((c) => c.connected));

  const r1 = await post(a, text(1), restricted);
  const o1 = await post(a, text(2), open);
  assert.ok(r1.claims > 0 && o1.claims > 0);
  await until('both reports on kr-mnd at A and nl-mod at B', () => reportsOf(krA.frames).length === 2 && reportsOf(nlB.frames).length === 2);
  await until('the open report on jp-mod at A and B', () => reportsOf(jpA.frames).length === 1 && reportsOf(jpB.frames).length === 1);
  await settle();
  assert.deepEqual(reportsOf(krA.frames), [r1.id, o1.id]);
  assert.deepEqual(reportsOf(nlB.frames), [r1.id, o1.id], 'a NATO partner on the other process gets the NATO release');
  assert.deepEqual(
    nlB.frames.map((f) => f.id),
    krA.frames.map((f) => f.id),
    'the same events with the same ids on both processes (kr-mnd and nl-mod see the same reports)',
  );
  for (const jp of [jpA, jpB]) {
    assert.deepEqual(reportsOf(jp.frames), [o1.id], 'jp-mod: nothing of the NATO release, on either process');
    assert.deepEqual(claimsOf(jp.frames), new Array(o1.claims).fill(o1.id));
  }
  assert.deepEqual(jpA.frames, jpB.frames);

  // B stops; reports keep coming to A; B starts again with the same node id and its clients resume.
  const nlLast = nlB.frames.at(-1)!.id;
  const jpLast = jpB.frames.at(-1)!.id;
  nlB.close();
  jpB.close();
  await b.stop();
  nodes.splice(nodes.indexOf(b), 1);
  const r2 = await post(a, text(3), restricted);
  const o2 = await post(a, text(4), open);
  await until('A got them', () => reportsOf(krA.frames).length === 4);
  b = await new Node('node-b', file, prefix).start();
  nodes.push(b);
  const nlB2 = listen(b, tokens.get('nl-mod')!, nlLast);
  const jpB2 = listen(b, tokens.get('jp-mod')!, jpLast);
  await Promise.all([nlB2.connected, jpB2.connected]);
  const o3 = await post(a, text(5), open);
  await until('the report after the restart on B', () => reportsOf(nlB2.frames).includes(o3.id) && reportsOf(jpB2.frames).includes(o3.id));
  await until('it on A', () => reportsOf(krA.frames).includes(o3.id));
  await settle();
  assert.ok(!nlB2.frames.some((f) => f.event === 'reset'), 'nothing missed');
  assert.deepEqual(reportsOf(nlB2.frames), [r2.id, o2.id, o3.id], 'every missed report once, then the new one');
  assert.deepEqual(claimsOf(nlB2.frames).length, r2.claims + o2.claims + o3.claims, 'every missed claim once');
  assert.deepEqual(
    nlB2.frames.map((f) => [f.id, f.event, f.data['reportId']]),
    krA.frames.filter((f) => f.id > nlLast).map((f) => [f.id, f.event, f.data['reportId']]),
    'what the client on B got is what A streamed, with the same ids',
  );
  assert.deepEqual(reportsOf(jpB2.frames), [o2.id, o3.id], 'jp-mod: the open reports only');

  // A client may resume on the other process: the same id means the same place on both.
  const replay = async (n: Node) =>
    (await n.app.inject({ url: `/api/v1/stream?follow=false&lastEventId=${nlLast}`, headers: { authorization: `Bearer ${tokens.get('nl-mod')}` } })).body;
  const [onA, onB] = [await replay(a), await replay(b)];
  assert.equal(onA, onB);
  assert.equal([...onA.matchAll(/^event: report$/gm)].length, 3);
  for (const c of [krA, jpA, nlB2, jpB2]) c.close();
});

test('a conflict found by both processes is published once', { skip: skipNats }, async () => {
  const nato: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['NATO'], owner: 'local', tlp: 'TLP:GREEN' };
  // Both processes analyse the scope of their subscribers shortly after reports arrive.
  const a = await new Node('conflict-a', file, prefix).start(10);
  const b = await new Node('conflict-b', file, prefix).start(10);
  nodes.push(a, b);
  const onA = listen(a, tokens.get('nl-mod')!);
  const onB = listen(b, tokens.get('nl-mod')!);
  await Promise.all([onA.connected, onB.connected]);
  await a.store.ingest([
    fixtureReport('bus-low.txt', { source: 'Low Ledger', published: '2025-01-05', marking: nato }, [
      troopsInRussia('Low Ledger heard that 3,000 North Korean troops were in Russia.', '3,000', 3000, { attributedTo: 'Low Ledger sources' }),
    ]),
    fixtureReport('bus-high.txt', { source: 'High Herald', published: '2025-01-05', marking: nato }, [
      troopsInRussia('High Herald heard that 12,000 North Korean troops were in Russia.', '12,000', 12000, { attributedTo: 'High Herald sources' }),
    ]),
  ]);
  const conflicts = (frames: Frame[]) => frames.filter((f) => f.event === 'conflict');
  await until('the conflict on both', () => conflicts(onA.frames).length > 0 && conflicts(onB.frames).length > 0);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(conflicts(onA.frames).length, 1, JSON.stringify(conflicts(onA.frames)));
  assert.deepEqual(conflicts(onB.frames), conflicts(onA.frames), 'the same one event, with the same id');
  onA.close();
  onB.close();
});

test('a report no process announced (its writer died after COMMIT, or wrote without serving) is swept by both processes and streamed once, with the same id on both', { skip: skipNats }, async () => {
  const a = await new Node('sweep-a', file, prefix).start(-1, 50);
  const b = await new Node('sweep-b', file, prefix).start(-1, 50);
  nodes.push(a, b);
  const onA = listen(a, tokens.get('nl-mod')!);
  const onB = listen(b, tokens.get('nl-mod')!);
  await Promise.all([onA.connected, onB.connected]);
  const writer = await openSqliteStore(file);
  const [silent] = await writer.ingest([
    fixtureReport('bus-silent.txt', { source: 'Quiet Courier', published: '2025-01-06', marking: { classification: 'UNCLASSIFIED', releasableTo: ['NATO'], owner: 'local', tlp: 'TLP:GREEN' } }, [
      troopsInRussia('Quiet Courier heard that 1,900 North Korean troops were in Russia.', '1,900', 1900),
    ]),
  ]);
  await writer.close();
  const id = silent!.reportId!;
  await until('the swept report on both', () => reportsOf(onA.frames).includes(id) && reportsOf(onB.frames).includes(id));
  await new Promise((r) => setTimeout(r, 1000)); // many more sweeps on both
  const of = (frames: Frame[]) => frames.filter((f) => f.data['reportId'] === id).map((f) => [f.id, f.event]);
  assert.deepEqual(of(onA.frames).map((f) => f[1]), ['report', 'claim'], 'the report and its claim, once, though both processes swept it');
  assert.deepEqual(of(onB.frames), of(onA.frames), 'the same events with the same ids on both');
  onA.close();
  onB.close();
});
