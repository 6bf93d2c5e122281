import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_CLASSIFICATIONS, DEFAULT_MARKING } from '../domain/marking.js';
import { LOCAL_ADMIN, type Viewer } from '../domain/viewer.js';
import { generateKeyPairSync } from 'node:crypto';
import { FEDERATION_SPEC, publicKeyOf, signatureHolds, signReport, toWire, type WirePushResult, type WireReport } from '../share/federation.js';
import { signRotation } from '../share/key-rotation.js';
import { hashToken, newToken } from '../share/tokens.js';
import { newSigningKey } from '../store/federation-rows.js';
import { collectText } from '../collect/index.js';
import { prepareReport } from '../store/prepare-report.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import { buildServer } from './app.js';
import { Federation } from './federation-loop.js';
import { startFederationWorker } from './federation-worker.js';

// Two instances on loopback, each with its own SQLite file, real HTTP between them.
// A is run by kr-mnd and pushes to B what jp-mod may see; B is run by jp-mod and pushes to A what
// kr-mnd may see. Each issued the other an analyst token. The sentences are our own.

interface Instance {
  name: string;
  file: string;
  store: SqliteStore;
  app: FastifyInstance;
  federation: Federation;
  url: string;
  port: number;
  id: string;
  /** Tokens this instance issued, by partner. */
  tokens: Map<string, string>;
  logs: string[];
}

const PARTNERS = [
  { id: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['NATO'] },
  { id: 'jp-mod', clearance: 'RESTRICTED', communities: ['QUAD'] },
];

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-federation-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function start(name: string, port = 0, existing?: Instance): Promise<Instance> {
  const file = join(dir, `${name}.db`);
  const store = await openSqliteStore(file);
  const tokens = existing?.tokens ?? new Map<string, string>();
  if (!existing) {
    for (const p of PARTNERS) {
      await store.addPartner(LOCAL_ADMIN, p);
      const token = newToken();
      await store.issueToken(LOCAL_ADMIN, { partnerId: p.id, role: 'analyst', tokenHash: hashToken(token) });
      tokens.set(p.id, token);
    }
  }
  const app = await buildServer({ store, conflictDelayMs: -1 });
  await app.listen({ port, host: '127.0.0.1' });
  const bound = (app.server.address() as AddressInfo).port;
  const logs = existing?.logs ?? [];
  const federation = new Federation({ store, pollMs: 200, retryMinMs: 50, retryMaxMs: 300, log: (l) => logs.push(l) });
  await federation.start();
  return { name, file, store, app, federation, url: `http://127.0.0.1:${bound}`, port: bound, id: await store.instanceId(), tokens, logs };
}

async function stop(i: Instance): Promise<void> {
  await i.federation.stop();
  await i.app.close();
  await i.store.close();
}

/** Polls until `check` holds (a deadline for the test, not a speed assertion). */
async function until(what: string, check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function post(i: Instance, partner: string, body: Record<string, unknown>): Promise<{ id: number; status: string }> {
  const r = await fetch(`${i.url}/api/v1/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${i.tokens.get(partner)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.ok(r.status === 201 || r.status === 200, await r.clone().text());
  return (await r.json()) as { id: number; status: string };
}

/** The truth, past the policy: every report row of an instance with its provenance. */
function rows(i: Instance): { id: number; url: string | null; text: string; owner: string; origin_instance: string | null; origin_report_id: number | null }[] {
  const db = new Database(i.file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT r.id, r.url, r.text, r.owner, p.origin_instance, p.origin_report_id FROM reports r
         LEFT JOIN report_provenance p ON p.report_id = r.id ORDER BY r.id`,
      )
      .all() as ReturnType<typeof rows>;
  } finally {
    db.close();
  }
}

const viewerOf = (partner: string): Viewer => {
  const p = PARTNERS.find((x) => x.id === partner)!;
  return { partnerId: p.id, clearance: p.clearance, communities: p.communities, role: 'reader' };
};

/** A version id A never had: the test pushes it to B by hand. */
const PUSHED_BY_HAND = 888_888;

const SENTENCE = (n: number, place: string) => `Officials in ${place} said on Tuesday that ${n} drones had been shot down overnight near the border.`;

describe('federation between two instances', () => {
  let a: Instance;
  let b: Instance;
  /** A's id of the first version of the report that is edited later. */
  let firstVersion = 0;
  /** A's reports B refused (they stay on A). */
  const refusedByB: number[] = [];
  before(async () => {
    a = await start('a');
    b = await start('b');
    // A pushes jp-mod's view to B with the token B gave kr-mnd (A's operator), and the other way round.
    await a.store.addPeer(LOCAL_ADMIN, { url: b.url, partnerId: 'jp-mod', token: b.tokens.get('kr-mnd')! });
    await b.store.addPeer(LOCAL_ADMIN, { url: a.url, partnerId: 'kr-mnd', token: a.tokens.get('jp-mod')! });
  });
  after(async () => {
    await stop(a);
    await stop(b);
  });

  test('each instance has a stable id of its own', async () => {
    assert.match(a.id, /^px-/);
    assert.notEqual(a.id, b.id);
    assert.equal(await a.store.instanceId(), a.id);
  });

  test('a releasable report crosses with its marking and provenance; restricted ones never do', async () => {
    const released = await post(a, 'kr-mnd', { text: SENTENCE(40, 'Seoul'), url: 'https://example.org/released', published: '2025-02-01', marking: { releasableTo: ['jp-mod'], tlp: 'TLP:AMBER' } });
    firstVersion = released.id;
    const hidden = [
      // jp-mod is not in NATO; CONFIDENTIAL is above its clearance; TLP:RED goes to named partners only.
      await post(a, 'kr-mnd', { text: SENTENCE(41, 'Busan'), url: 'https://example.org/nato-only', marking: { releasableTo: ['NATO'], tlp: 'TLP:GREEN' } }),
      await post(a, 'kr-mnd', { text: SENTENCE(42, 'Incheon'), url: 'https://example.org/confidential', marking: { classification: 'CONFIDENTIAL', releasableTo: ['ALL'], tlp: 'TLP:GREEN' } }),
      await post(a, 'kr-mnd', { text: SENTENCE(43, 'Daegu'), url: 'https://example.org/red', marking: { releasableTo: ['QUAD'], tlp: 'TLP:RED' } }),
    ];
    // Ingested on A's command line: owned by A's administrator, released to everyone.
    const [local] = await a.store.ingest([prepareReport(collectText('notes/ulsan.txt', SENTENCE(44, 'Ulsan'), { format: 'text' })[0]!, { marking: DEFAULT_MARKING })]);

    await until('the releasable reports are on B', () => rows(b).filter((r) => r.origin_instance === a.id).length === 2);
    // Give a wrongly sent report the time to arrive too: A has sent everything up to its last report.
    await until('A has pushed past every report', async () => (await a.store.listPeers(LOCAL_ADMIN))[0]!.cursor >= local!.reportId!);
    const onB = rows(b);
    for (const h of ['nato-only', 'confidential', 'red']) assert.ok(!onB.some((r) => r.url?.endsWith(h)), `${h} stayed on A`);
    for (const n of [41, 42, 43]) assert.ok(!onB.some((r) => r.text.includes(` ${n} drones`)));
    assert.equal(hidden.length, 3);

    const copy = onB.find((r) => r.url === 'https://example.org/released')!;
    const report = await b.store.findReport(viewerOf('jp-mod'), copy.id);
    assert.ok(report, 'jp-mod sees it on B');
    assert.deepEqual(report.marking, { classification: 'UNCLASSIFIED', releasableTo: ['jp-mod'], owner: 'kr-mnd', tlp: 'TLP:AMBER' });
    assert.equal(report.provenance?.originInstance, a.id);
    assert.equal(report.provenance?.originReportId, released.id);
    assert.equal(report.provenance?.receivedFrom, a.id);
    assert.equal(report.provenance?.verified, true, "A's signature was checked on B");
    const original = await a.store.findReport(viewerOf('kr-mnd'), released.id);
    assert.equal(report.provenance?.originIngestedAt, original!.ingestedAt);
    assert.equal(report.text, original!.text);
    assert.deepEqual([report.title, report.source], [original!.title, original!.source], 'a missing title stays missing (not "")');
    assert.ok(report.claims > 0, 'extracted on B');
    assert.equal((await a.store.findReport(viewerOf('kr-mnd'), released.id))!.provenance, null, 'on A it is its own');
    // A's administrator's report: on B its owner is A, not B's administrator.
    const ulsan = onB.find((r) => r.text.includes('Ulsan'))!;
    assert.equal(ulsan.owner, a.id);
    assert.equal(ulsan.origin_report_id, local!.reportId);
  });

  test('an edit crosses and replaces the earlier version on the peer', async () => {
    const before = rows(b).find((r) => r.url === 'https://example.org/released')!;
    const edit = await post(a, 'kr-mnd', { text: SENTENCE(45, 'Seoul'), url: 'https://example.org/released', published: '2025-02-01', marking: { releasableTo: ['jp-mod'], tlp: 'TLP:AMBER' } });
    assert.equal(edit.status, 'updated');
    await until('the new version is on B', () => rows(b).some((r) => r.origin_report_id === edit.id));
    const versions = rows(b).filter((r) => r.url === 'https://example.org/released');
    assert.equal(versions.length, 1, 'the old version is gone');
    assert.ok(versions[0]!.text.includes('45 drones'));
    assert.notEqual(versions[0]!.id, before.id);
  });

  test('the same report arriving twice is stored once, and an older version never replaces a newer one', async () => {
    const [outgoing] = await a.store.listOutgoingReports(viewerOf('jp-mod'), { afterId: 0, limit: 1, exceptInstance: b.id });
    const push = (reports: unknown[]) =>
      fetch(`${b.url}/api/v1/federation/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${b.tokens.get('kr-mnd')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ spec: FEDERATION_SPEC, from: a.id, reports }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as WirePushResult }));
    const count = rows(b).length;
    const keyA = await a.store.instanceSigningKey();
    // Reports made by hand here are signed with A's key, as A would sign them.
    const signed = (w: WireReport): WireReport => ({ ...w, provenance: { ...w.provenance, signature: signReport(w, keyA) } });
    const wire = toWire(outgoing!, a.id, keyA);
    const first = await push([wire, wire]);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.receipts.map((r) => r.status), ['unchanged', 'unchanged']);
    assert.equal(rows(b).length, count);

    // An answer lost on the way: A resends everything from the start, and B stores nothing twice.
    const peer = (await a.store.listPeers(LOCAL_ADMIN))[0]!;
    const sentBefore = peer.sent;
    await a.store.recordPeerProgress(LOCAL_ADMIN, peer.id, { cursor: 0 });
    await until('A has pushed everything again', async () => (await a.store.listPeers(LOCAL_ADMIN))[0]!.sent > sentBefore && (await a.store.listPeers(LOCAL_ADMIN))[0]!.cursor >= peer.cursor);
    assert.equal(rows(b).length, count);

    // The first version of the edited report (an id A no longer holds) comes late: superseded.
    const unsigned = { ...toWire(outgoing!, a.id, keyA), document: { ...outgoing!.doc, url: 'https://example.org/released', origin: 'https://example.org/released', text: SENTENCE(40, 'Seoul'), main: { start: 0, end: SENTENCE(40, 'Seoul').length } } };
    unsigned.marking = { classification: 'UNCLASSIFIED', releasableTo: ['jp-mod'], owner: 'kr-mnd', tlp: 'TLP:AMBER' };
    unsigned.provenance = { ...unsigned.provenance, reportId: firstVersion };
    const stale = signed(unsigned);
    const late = await push([stale]);
    assert.equal(late.body.receipts[0]!.status, 'superseded');
    assert.ok(rows(b).find((r) => r.url === 'https://example.org/released')!.text.includes('45 drones'));

    assert.equal(typeof first.body.receipts[0]!.localId, 'number', 'the sender may see it here: its id is given');
    // A report the sender may not see on B (another partner's, released to jp-mod only) is stored,
    // and the receipt does not name it.
    const custodian = signed({ ...wire, marking: { ...wire.marking, owner: 'us-dod', releasableTo: ['jp-mod'] }, provenance: { ...wire.provenance, reportId: PUSHED_BY_HAND } });
    const relayed = await push([custodian, custodian]);
    assert.deepEqual(relayed.body.receipts.map((r) => [r.status, r.localId]), [['ingested', null], ['unchanged', null]]);
    assert.equal(rows(b).length, count + 1);

    // What the sender may not mark is refused alone, with the reason.
    const above = signed({ ...wire, marking: { ...wire.marking, classification: 'SECRET' }, provenance: { ...wire.provenance, reportId: 999_999 } });
    const mixed = await push([above, wire]);
    assert.equal(mixed.body.receipts[0]!.status, 'refused');
    assert.match(mixed.body.receipts[0]!.problem!, /above the sender's clearance/);
    assert.equal(mixed.body.receipts[1]!.status, 'unchanged');

    const reader = await fetch(`${b.url}/api/v1/federation/reports`, { method: 'POST', headers: { authorization: 'Bearer plx_nope', 'content-type': 'application/json' }, body: '{}' });
    assert.equal(reader.status, 401);
  });

  test("provenance is signed: a relay cannot change a word, widen a release or strip the signature", async () => {
    const keyA = await a.store.instanceSigningKey();
    const push = (reports: unknown[], keys?: Record<string, string>) =>
      fetch(`${b.url}/api/v1/federation/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${b.tokens.get('kr-mnd')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ spec: FEDERATION_SPEC, from: a.id, reports, ...(keys ? { keys } : {}) }),
      }).then(async (r) => (await r.json()) as WirePushResult);
    // A tells its key to whoever asks; B pinned it when A's first signed report verified.
    const told = (await (await fetch(`${a.url}/api/v1/federation/instance`, { headers: { authorization: `Bearer ${a.tokens.get('jp-mod')}` } })).json()) as { publicKey: string };
    assert.equal(told.publicKey, publicKeyOf(keyA));
    assert.equal((await b.store.instanceKeys([a.id])).get(a.id), told.publicKey);

    // The report released to jp-mod alone, at TLP:AMBER.
    const outgoing = (await a.store.listOutgoingReports(viewerOf('jp-mod'), { afterId: 0, limit: 100, exceptInstance: b.id })).find((r) => r.doc.url === 'https://example.org/released');
    const wire = toWire(outgoing!, a.id, keyA);
    assert.deepEqual([wire.marking.releasableTo, wire.marking.tlp], [['jp-mod'], 'TLP:AMBER']);
    const text = wire.document.text.replace(/\d+ drones/, '400 drones');
    const edited = { ...wire, document: { ...wire.document, text } };
    const widened = { ...wire, marking: { ...wire.marking, releasableTo: ['ALL'], tlp: 'TLP:GREEN' as const } };
    const stripped = { ...wire, provenance: { instance: wire.provenance.instance, reportId: wire.provenance.reportId, ingestedAt: wire.provenance.ingestedAt } };
    // Signed with another key, which the push offers as A's: the key B pinned decides.
    const other = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const forged = { ...edited, provenance: { ...edited.provenance, signature: signReport(edited, other) } };
    const result = await push([edited, widened, stripped, forged], { [a.id]: publicKeyOf(other) });
    assert.deepEqual(result.receipts.map((r) => r.status), ['refused', 'refused', 'refused', 'refused']);
    assert.match(result.receipts[0]!.problem!, new RegExp(`signature does not verify with the key pinned for instance ${a.id}`));
    assert.match(result.receipts[1]!.problem!, /signature does not verify/);
    assert.match(result.receipts[2]!.problem!, /signs its reports, and this one comes unsigned/);
    assert.match(result.receipts[3]!.problem!, /signature does not verify with the key pinned/);
    assert.ok(!rows(b).some((r) => r.text.includes('400 drones')));

    // What B would relay of A's report to a third instance still verifies with A's key.
    const relayed = (await b.store.listOutgoingReports(viewerOf('jp-mod'), { afterId: 0, limit: 100, exceptInstance: 'px-elsewhere' })).find((r) => r.doc.url === 'https://example.org/released');
    assert.equal(relayed!.provenance!.originInstance, a.id);
    assert.ok(signatureHolds(toWire(relayed!, b.id, await b.store.instanceSigningKey()), told.publicKey));

    // A third instance B has never heard of: signed and unsigned reports are kept, unverified, until a key comes.
    const keyC = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const fromC = (reportId: number, n: number): WireReport => {
      const body = SENTENCE(n, 'Wonsan');
      const w: WireReport = { ...wire, document: { ...wire.document, origin: `https://example.org/c-${n}`, url: `https://example.org/c-${n}`, text: body, main: { start: 0, end: body.length } }, provenance: { instance: 'px-third', reportId, ingestedAt: '2025-02-02T00:00:00.000Z' } };
      return { ...w, provenance: { ...w.provenance, signature: signReport(w, keyC) } };
    };
    const first = await push([fromC(1, 51)]);
    assert.equal(first.receipts[0]!.status, 'ingested');
    const kept = await b.store.findReport(viewerOf('jp-mod'), first.receipts[0]!.localId!);
    assert.equal(kept!.provenance!.verified, false);
    assert.match(kept!.provenance!.signature!, /^[A-Za-z0-9+/]+=*$/, 'its signature is kept, to relay');
    const second = await push([fromC(2, 52)], { 'px-third': publicKeyOf(keyC) });
    assert.equal(second.receipts[0]!.status, 'ingested');
    assert.equal((await b.store.findReport(viewerOf('jp-mod'), second.receipts[0]!.localId!))!.provenance!.verified, true);
    assert.equal((await b.store.instanceKeys(['px-third'])).get('px-third'), publicKeyOf(keyC));
  });

  test('a report does not bounce back to its origin, and a peer does not overwrite the owner\'s copy', async () => {
    // B's own report, released to kr-mnd: it crosses to A.
    const fromB = await post(b, 'jp-mod', { text: SENTENCE(46, 'Tokyo'), url: 'https://example.org/tokyo', marking: { releasableTo: ['kr-mnd'], tlp: 'TLP:GREEN' } });
    await until('B\'s report is on A', () => rows(a).some((r) => r.origin_instance === b.id && r.origin_report_id === fromB.id));
    // B edits its copy of A's report (same origin and marking, new text): a report of B's own, not a new version of A's.
    const copy = rows(b).find((r) => r.url === 'https://example.org/released')!;
    const mine = await post(b, 'kr-mnd', { text: SENTENCE(47, 'Seoul'), url: 'https://example.org/released', published: '2025-02-01', marking: { releasableTo: ['jp-mod'], tlp: 'TLP:AMBER' } });
    assert.notEqual(mine.status, 'updated', 'B\'s write does not replace A\'s report');
    assert.ok(rows(b).some((r) => r.id === copy.id), 'A\'s report is still on B');
    // Everything settles: both loops have nothing more to send.
    await until('both cursors are at the end', async () => {
      const [pa] = await a.store.listPeers(LOCAL_ADMIN);
      const [pb] = await b.store.listPeers(LOCAL_ADMIN);
      return pa!.cursor >= Math.max(...rows(a).filter((r) => r.origin_instance !== b.id).map((r) => r.id)) && pb!.cursor >= mine.id;
    });
    await until('B\'s edit is on A as B\'s report', () => rows(a).some((r) => r.origin_instance === b.id && r.text.includes('47 drones')));
    assert.equal(rows(a).filter((r) => r.origin_instance === a.id).length, 0, 'nothing of A came back to A');
    // …because neither sent it (the receiver's refusal is the second guard, not the first).
    assert.equal((await b.store.listPeers(LOCAL_ADMIN))[0]!.refused, 0, b.logs.join('\n'));
    assert.equal((await a.store.listPeers(LOCAL_ADMIN))[0]!.refused, 0, a.logs.join('\n'));
    assert.equal(rows(b).filter((r) => r.origin_instance === b.id).length, 0, 'nothing of B came back to B');
    const owners = rows(a).filter((r) => r.url === 'https://example.org/released');
    assert.ok(owners.some((r) => r.origin_instance === null && r.text.includes('45 drones')), 'A\'s own version is untouched');

    // Pushed straight at its origin, a report is refused there.
    const [own] = await a.store.listOutgoingReports(viewerOf('jp-mod'), { afterId: 0, limit: 1, exceptInstance: b.id });
    const r = await fetch(`${a.url}/api/v1/federation/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.tokens.get('jp-mod')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ spec: FEDERATION_SPEC, from: b.id, reports: [toWire(own!, a.id, await a.store.instanceSigningKey())] }),
    });
    const body = (await r.json()) as WirePushResult;
    assert.equal(body.receipts[0]!.status, 'refused');
    assert.match(body.receipts[0]!.problem!, /originates at this instance/);
  });

  test('a report the peer refuses is logged and counted, and does not hold back the others', async () => {
    const refusedBefore = (await a.store.listPeers(LOCAL_ADMIN))[0]!.refused;
    // A title longer than B accepts (4,000 characters), between two good reports, in one push.
    const good = (n: number) => prepareReport(collectText(`notes/good-${n}.txt`, SENTENCE(n, 'Mokpo'), { format: 'text' })[0]!, { marking: DEFAULT_MARKING });
    const long = prepareReport(collectText('notes/long-title.txt', SENTENCE(61, 'Jeju'), { format: 'text' })[0]!, { marking: DEFAULT_MARKING });
    long.doc.title = 'T'.repeat(5000);
    const outcomes = await a.store.ingest([good(60), long, good(62)]);
    refusedByB.push(outcomes[1]!.reportId!);
    await until('the good ones are on B', () => [60, 62].every((n) => rows(b).some((r) => r.text.includes(` ${n} drones`))));
    await until('A has recorded the push', async () => (await a.store.listPeers(LOCAL_ADMIN))[0]!.cursor >= outcomes[2]!.reportId!);
    assert.ok(!rows(b).some((r) => r.text.includes(' 61 drones')));
    assert.equal((await a.store.listPeers(LOCAL_ADMIN))[0]!.refused, refusedBefore + 1);
    assert.ok(a.logs.some((l) => l.includes(`refused report #${outcomes[1]!.reportId}: document.title must NOT have more than 4000 characters`)), a.logs.join('\n'));
  });

  test('a peer that was down catches up when it returns: nothing lost, nothing duplicated', async () => {
    await stop(b);
    const urls: string[] = [];
    for (let n = 0; n < 12; n++) {
      const url = `https://example.org/while-down-${n}`;
      urls.push(url);
      await post(a, 'kr-mnd', { text: SENTENCE(100 + n, 'Gwangju'), url, marking: { releasableTo: ['jp-mod'], tlp: 'TLP:GREEN' } });
    }
    await until('A has seen B fail', async () => (await a.store.listPeers(LOCAL_ADMIN))[0]!.lastError !== null);
    assert.ok(a.logs.some((l) => l.includes('retrying with backoff')), a.logs.join('\n'));
    b = await start('b', b.port, b);
    await until('B has caught up', () => urls.every((u) => rows(b).some((r) => r.url === u)));
    const onB = rows(b).filter((r) => r.origin_instance === a.id);
    const versions = onB.map((r) => `${r.origin_instance}/${r.origin_report_id}`);
    assert.equal(new Set(versions).size, versions.length, 'each version once');
    for (const u of urls) assert.equal(onB.filter((r) => r.url === u).length, 1, u);
    // Exactly what jp-mod may see on A (except what came from B) is on B.
    const expected = (await a.store.listOutgoingReports(viewerOf('jp-mod'), { afterId: 0, limit: 10_000, exceptInstance: b.id }))
      .map((r) => r.id)
      .filter((id) => !refusedByB.includes(id))
      .sort((x, y) => x - y);
    assert.deepEqual(onB.map((r) => r.origin_report_id).filter((id) => id !== PUSHED_BY_HAND).sort((x, y) => x! - y!), expected);
    await until('A records the peer as reachable again', async () => (await a.store.listPeers(LOCAL_ADMIN))[0]!.lastOkAt! > (await a.store.listPeers(LOCAL_ADMIN))[0]!.lastErrorAt!);
    assert.ok(a.logs.some((l) => l.includes('reachable again')));
  });

  test('a rotated key: the peer follows the change A signed with its old key; old signatures are kept unverified; a forged change moves nothing', async () => {
    const oldKey = await a.store.instanceSigningKey();
    const newKey = newSigningKey();
    await a.store.replaceSigningKey(newKey, signRotation(a.id, oldKey, newKey, new Date().toISOString()));
    const posted = await post(a, 'kr-mnd', { text: SENTENCE(77, 'Mokpo'), url: 'https://example.org/after-rotation', marking: { releasableTo: ['jp-mod'], tlp: 'TLP:GREEN' } });
    await until('the report signed with the new key is on B', () => rows(b).some((r) => r.origin_instance === a.id && r.origin_report_id === posted.id));
    assert.equal((await b.store.instanceKeys([a.id])).get(a.id), publicKeyOf(newKey), "B's pin followed A's statement");
    const copy = rows(b).find((r) => r.origin_report_id === posted.id)!;
    assert.equal((await b.store.findReport(viewerOf('jp-mod'), copy.id))!.provenance!.verified, true);

    const push = (reports: WireReport[], rotations: unknown[] = []) =>
      fetch(`${b.url}/api/v1/federation/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${b.tokens.get('kr-mnd')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ spec: FEDERATION_SPEC, from: a.id, reports, rotations }),
      }).then(async (r) => (await r.json()) as WirePushResult);
    const outgoing = (await a.store.listOutgoingReports(viewerOf('jp-mod'), { afterId: 0, limit: 10_000, exceptInstance: b.id })).find((r) => r.id === posted.id)!;
    // A report A signed before the rotation, relayed late: kept, not as verified.
    const another = (n: number, name: string) => ({ ...outgoing.doc, url: `https://example.org/${name}`, origin: `https://example.org/${name}`, text: SENTENCE(n, 'Yeosu'), main: { start: 0, end: SENTENCE(n, 'Yeosu').length } });
    const late = toWire({ ...outgoing, id: PUSHED_BY_HAND + 1, doc: another(78, 'late') }, a.id, oldKey);
    const kept = await push([late]);
    assert.equal(kept.receipts[0]!.status, 'ingested', JSON.stringify(kept.receipts[0]));
    assert.equal((await b.store.findReport(viewerOf('jp-mod'), kept.receipts[0]!.localId!))!.provenance!.verified, false);
    // A statement from the new key to a stranger's, signed by the stranger: the pin stays, and what the stranger signs is refused.
    const stranger = newSigningKey();
    const forged = { ...signRotation(a.id, stranger, newSigningKey(), new Date().toISOString()), from: publicKeyOf(newKey) };
    const hijack = toWire({ ...outgoing, id: PUSHED_BY_HAND + 2, doc: another(79, 'hijack') }, a.id, stranger);
    const refused = await push([hijack], [forged]);
    assert.equal(refused.receipts[0]!.status, 'refused');
    assert.equal((await b.store.instanceKeys([a.id])).get(a.id), publicKeyOf(newKey));
  });
});

describe("parallax serve's federation thread", () => {
  test('pushes from its own connection, woken by the server\'s writes, and stops cleanly', async () => {
    const peer = await start('thread-peer');
    const file = join(dir, 'thread-origin.db');
    const store = await openSqliteStore(file);
    try {
      await store.addPartner(LOCAL_ADMIN, PARTNERS[1]!);
      await store.addPeer(LOCAL_ADMIN, { url: peer.url, partnerId: 'jp-mod', token: peer.tokens.get('kr-mnd')! });
      const logs: string[] = [];
      const thread = await startFederationWorker(store, file, DEFAULT_CLASSIFICATIONS, (l) => logs.push(l));
      assert.equal(thread.peers, 1);
      // Written on the server's connection: the thread learns of it from the server, not from its own store.
      await store.ingest([prepareReport(collectText('notes/thread.txt', SENTENCE(77, 'Wonju'), { format: 'text' })[0]!, { marking: DEFAULT_MARKING })]);
      await until('the report is on the peer', () => rows(peer).some((r) => r.text.includes(' 77 drones')));
      await until('the thread has recorded the push', async () => (await store.listPeers(LOCAL_ADMIN))[0]!.sent === 1);
      await thread.close();
      assert.deepEqual(logs, []);
    } finally {
      await store.close();
      await stop(peer);
    }
  });
});
