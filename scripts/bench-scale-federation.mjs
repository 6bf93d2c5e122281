#!/usr/bin/env node
// Federation benchmark: two `parallax serve` processes on loopback, A pushing to B what B's partner
// may see. Reports are posted to A at 100/s for 20 s; a subscriber of B's stream times each report
// from its ingest on A (A's POST answered: committed there) to its `report` event on B (committed
// there). Prints p50/p99/max lag and the counts: posted, releasable to B, arrived, arrived twice,
// arrived though not releasable.
//   node scripts/bench-scale-federation.mjs [--rate 100] [--seconds 20]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { takeSseFrames } from '../dist/server/sse-frames.fixture.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const RATE = opt('--rate', 100);
const SECONDS = opt('--seconds', 20);
const REPORTS = RATE * SECONDS;
/** One report in five is released to NATO only, which B's partner is not in: it must stay on A. */
const HIDDEN_EVERY = 5;

const dist = (p) => import(new URL(`../dist/${p}.js`, import.meta.url).href);
const [{ openSqliteStore }, { LOCAL_ADMIN }, { newToken, hashToken }, { syntheticReports }] = await Promise.all([
  dist('store/sqlite/sqlite-store'),
  dist('domain/viewer'),
  dist('share/tokens'),
  dist('cli/synthetic-reports'),
]);

const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-federation-'));
const files = { a: join(dir, 'a.db'), b: join(dir, 'b.db') };
// Ports the system gives free now (other benchmarks may run on this machine at the same time).
const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
const ports = { a: await freePort(), b: await freePort() };

// A is kr-mnd's instance, B jp-mod's. Each knows the other's organisation as a partner.
async function setUp(file, partners) {
  const store = await openSqliteStore(file);
  const tokens = {};
  for (const p of partners) {
    await store.addPartner(LOCAL_ADMIN, { id: p.id, clearance: p.clearance, communities: p.communities });
    tokens[p.id] = newToken();
    await store.issueToken(LOCAL_ADMIN, { partnerId: p.id, role: p.role, tokenHash: hashToken(tokens[p.id]) });
  }
  return { store, tokens };
}
const a = await setUp(files.a, [
  { id: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['NATO'], role: 'analyst' },
  { id: 'jp-mod', clearance: 'RESTRICTED', communities: ['QUAD'], role: 'reader' },
]);
const b = await setUp(files.b, [
  { id: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['NATO'], role: 'analyst' },
  { id: 'jp-mod', clearance: 'RESTRICTED', communities: ['QUAD'], role: 'reader' },
]);
await a.store.addPeer(LOCAL_ADMIN, { url: `http://127.0.0.1:${ports.b}`, partnerId: 'jp-mod', token: b.tokens['kr-mnd'] });
await a.store.close();
await b.store.close();

// A bounded pool of keep-alive connections: when A falls behind, posts queue here rather than
// opening connections without end (the posting rate printed then shows it fell behind).
const poster = new Agent({ keepAlive: true, maxSockets: 16 });

const bin = fileURLToPath(new URL('../bin/parallax.js', import.meta.url));
function serve(name) {
  const child = spawn(process.execPath, [bin, 'serve', '--db', files[name], '--port', String(ports[name]), '--conflicts-every', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.on('data', (d) => process.stderr.write(`[${name}] ${d}`));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => (String(d).includes('serving') ? resolve(child) : undefined));
    child.on('exit', (code) => reject(new Error(`${name} exited ${code}`)));
  });
}
const servers = [await serve('b'), await serve('a')];

// B's subscriber: jp-mod's stream, a report event per arrival, keyed by the report's URL (its origin).
const arrivals = new Map();
let duplicateEvents = 0;
const stream = request({ host: '127.0.0.1', port: ports.b, path: '/api/v1/stream', headers: { authorization: `Bearer ${b.tokens['jp-mod']}`, accept: 'text/event-stream' } });
await new Promise((resolve, reject) => {
  stream.on('response', (res) => {
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk) => {
      const now = performance.timeOrigin + performance.now();
      const taken = takeSseFrames(buffer + chunk);
      buffer = taken.rest;
      for (const { event, data } of taken.frames) {
        if (event !== 'report') continue;
        if (arrivals.has(data.origin)) duplicateEvents++;
        else arrivals.set(data.origin, now);
      }
    });
    resolve();
  });
  stream.on('error', reject);
  stream.end();
});

// Warm-up: compile the extraction stages and open connections on both sides; not measured.
const texts = syntheticReports(REPORTS + 20, { seed: 5 }).map((r) => r.text);
for (let i = 0; i < 20; i++) await post(texts[REPORTS + i], `https://bench.invalid/warm/${i}`, ['jp-mod']);
await until(() => [...arrivals.keys()].filter((k) => k.includes('/warm/')).length === 20, 30_000);

const cpuOf = (child) => {
  try {
    const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime + stime in seconds (USER_HZ 100)
  } catch {
    return NaN;
  }
};
const cpu0 = servers.map(cpuOf);
const committed = new Map();
const started = performance.now();
const inflight = [];
let hidden = 0;
for (let i = 0; i < REPORTS; i++) {
  const wait = started + (i * 1000) / RATE - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const isHidden = i % HIDDEN_EVERY === HIDDEN_EVERY - 1;
  if (isHidden) hidden++;
  const url = `https://bench.invalid/${isHidden ? 'nato' : 'jp'}/${i}`;
  inflight.push(post(texts[i], url, isHidden ? ['NATO'] : ['jp-mod']).then(() => committed.set(url, performance.timeOrigin + performance.now())));
}
await Promise.all(inflight);
const postSeconds = (performance.now() - started) / 1000;
const releasable = [...committed.keys()].filter((u) => u.includes('/jp/'));
const arrived = () => releasable.filter((u) => arrivals.has(u)).length;
await until(() => arrived() === releasable.length, 60_000);
await new Promise((r) => setTimeout(r, 1000)); // anything that should not arrive has had its chance
const cpu = servers.map((s, i) => cpuOf(s) - cpu0[i]);
stream.destroy();
for (const s of servers) s.kill('SIGTERM');
await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r() : s.on('exit', r)))));

const lags = releasable.filter((u) => arrivals.has(u)).map((u) => Math.max(0, arrivals.get(u) - committed.get(u))).sort((x, y) => x - y);
const q = (p) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))] ?? NaN;
const leaked = [...arrivals.keys()].filter((u) => u.includes('/nato/')).length;
const Database = (await import('better-sqlite3')).default;
const db = new Database(files.b, { readonly: true });
const stored = db.prepare(`SELECT COUNT(*) AS n, COUNT(DISTINCT origin_instance || '/' || origin_report_id) AS versions FROM report_provenance`).get();
db.close();

console.log(`federation lag, A → B on loopback (${availableParallelism()} cores available, load ${loadavg()[0].toFixed(1)})`);
console.log(`posted ${REPORTS} reports to A in ${postSeconds.toFixed(1)} s (${(REPORTS / postSeconds).toFixed(0)}/s); ${releasable.length} releasable to B's partner, ${hidden} not`);
console.log(`arrived on B: ${arrived()} of ${releasable.length}; not releasable but arrived: ${leaked}; report events seen twice: ${duplicateEvents}`);
console.log(`stored on B from A: ${stored.n - 20} (each version once: ${stored.n === stored.versions ? 'yes' : 'NO'})`);
console.log(`lag, ingest on A → report event on B: p50 ${q(0.5).toFixed(1)} ms, p90 ${q(0.9).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, max ${lags[lags.length - 1]?.toFixed(1)} ms`);
console.log(`CPU while posting and arriving: B (receives, extracts) ${cpu[0].toFixed(1)} s, A (ingests, pushes) ${cpu[1].toFixed(1)} s`);
poster.destroy();
rmSync(dir, { recursive: true, force: true });
process.exitCode = arrived() === releasable.length && leaked === 0 && duplicateEvents === 0 && stored.n === stored.versions ? 0 : 1;

async function post(text, url, releasableTo) {
  const body = JSON.stringify({ text, url, published: '2025-03-01', marking: { releasableTo, tlp: 'TLP:GREEN' } });
  const r = await new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: ports.a,
        path: '/api/v1/reports',
        method: 'POST',
        agent: poster,
        headers: { authorization: `Bearer ${a.tokens['kr-mnd']}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let t = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (t += d));
        res.on('end', () => resolve({ status: res.statusCode, body: t }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  if (r.status !== 201) throw new Error(`POST to A: ${r.status} ${r.body}`);
}

async function until(check, ms) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) {
      console.error('timed out waiting for the reports to arrive on B');
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
