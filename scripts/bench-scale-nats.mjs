#!/usr/bin/env node
// Scale-out benchmark: two `parallax serve` processes on one SQLite file, their live events through
// NATS JetStream (`--bus`). Reports are posted to process A at a steady rate; SSE subscribers of
// several partners listen on process B (across the bus) and on A (its own events, also through the
// bus). Prints p50/p99 delivery latency (POST sent → report event received) per process and the
// events delivered against what each subscriber may see (the access policy, applied on each process).
// Needs NATS with JetStream ($PARALLAX_BUS, default nats://127.0.0.1:4222); deletes its stream after.
//   node scripts/bench-scale-nats.mjs [--rate 100] [--seconds 20] [--subscribers 100] [--partners 20]
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addBenchPartners, randomMarking, seededRandom } from './bench-partners.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);

if (args.includes('--subscribers-child')) await subscribersChild();
else await main();

async function main() {
  const RATE = opt('--rate', 100);
  const SECONDS = opt('--seconds', 20);
  const SUBSCRIBERS = opt('--subscribers', 100);
  const PARTNERS = opt('--partners', 20);
  const REPORTS = RATE * SECONDS;
  const BUS = process.env.PARALLAX_BUS || 'nats://127.0.0.1:4222';
  const prefix = `pbench_${randomBytes(4).toString('hex')}`;
  const dist = (p) => import(new URL(`../dist/${p}.js`, import.meta.url).href);
  const [{ openSqliteStore }, { canSee }, { syntheticReports }, { connect }] = await Promise.all([
    dist('store/sqlite/sqlite-store'),
    dist('share/policy'),
    dist('cli/synthetic-reports'),
    import('nats'),
  ]);
  const texts = syntheticReports(REPORTS, { seed: 99 }).map((r) => r.text);
  const random = seededRandom(42);

  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-nats-'));
  const db = join(dir, 'bench.db');
  const store = await openSqliteStore(db);
  const { partners, posterToken } = await addBenchPartners(store, PARTNERS, random);
  await store.close();

  const servers = [];
  const basePort = 7340 + 600 + Math.floor(Math.random() * 500);
  for (const [name, port] of [['a', basePort], ['b', basePort + 1]]) {
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(
      process.execPath,
      [...nodeArgs, fileURLToPath(new URL('../bin/parallax.js', import.meta.url)), 'serve', '--db', db, '--port', String(port), '--bus', BUS, '--bus-prefix', prefix, '--node-id', `bench-${name}`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((resolve, reject) => {
      child.stdout.on('data', (d) => (String(d).includes('serving') ? resolve() : undefined));
      child.on('exit', (code) => reject(new Error(`server ${name} exited ${code}`)));
    });
    servers.push({ name, port, child });
  }
  const [A, B] = servers;
  const cleanUp = async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => (s.child.exitCode !== null ? r() : s.child.once('exit', r)))));
    const nc = await connect({ servers: BUS });
    await (await nc.jetstreamManager()).streams.delete(`${prefix}_events`).catch(() => false);
    await nc.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const cpuOf = (pid) => {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  };

  // Warm-up on A before anyone subscribes (lexicons load, JIT warms): not measured.
  const WARM_UP = 50;
  for (const text of syntheticReports(WARM_UP, { seed: 7 }).map((r) => r.text)) {
    const r = await post(A.port, posterToken, JSON.stringify({ text, published: '2025-03-01', marking: { releasableTo: ['ALL'] } }));
    if (r.status !== 201) throw new Error(`warm-up POST ${r.status}: ${r.body}`);
  }

  // Subscribers: three quarters on B (across the bus), a quarter on A.
  const subscribers = Array.from({ length: SUBSCRIBERS }, (_, i) => ({ partner: partners[i % partners.length], server: i % 4 === 3 ? A : B }));
  const child = fork(fileURLToPath(import.meta.url), ['--subscribers-child'], { stdio: 'inherit' });
  const ask = (msg, answer) =>
    new Promise((resolve) => {
      const on = (m) => m.type === answer && (child.off('message', on), resolve(m));
      child.on('message', on);
      child.send(msg);
    });
  await ask({ type: 'connect', subs: subscribers.map((s) => ({ port: s.server.port, token: s.partner.token })) }, 'connected');
  console.log(`${WARM_UP} warm-up reports posted; ${SUBSCRIBERS} subscribers of ${PARTNERS} partners connected (${subscribers.filter((s) => s.server === B).length} on B, ${subscribers.filter((s) => s.server === A).length} on A)`);

  const posted = [];
  const cpu0 = servers.map((s) => cpuOf(s.child.pid));
  const start = performance.now();
  const inflight = [];
  for (let i = 0; i < REPORTS; i++) {
    const wait = start + (i * 1000) / RATE - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const marking = randomMarking(random, partners);
    const sentAt = performance.timeOrigin + performance.now();
    const body = JSON.stringify({ text: texts[i], url: `https://bench.invalid/${i}/${sentAt.toFixed(3)}`, published: '2025-03-01', marking });
    inflight.push(
      post(A.port, posterToken, body).then((r) => {
        if (r.status !== 201) throw new Error(`POST ${r.status}: ${r.body}`);
        const j = JSON.parse(r.body);
        posted.push({ id: j.id, marking: j.marking, claims: j.claims.length });
      }),
    );
  }
  await Promise.all(inflight);
  const postSeconds = (performance.now() - start) / 1000;

  const expectedOf = (viewer) => {
    const visible = posted.filter((r) => canSee(viewer, r.marking));
    return { reports: visible.map((r) => r.id).sort((a, b) => a - b), claims: visible.reduce((n, r) => n + r.claims, 0) };
  };
  const expected = subscribers.map((s) => expectedOf(s.partner));
  const expectedTotal = expected.reduce((n, e) => n + e.reports.length + e.claims, 0);
  // Wait (at most 10 s) until every expected event arrived, or no more arrive.
  let results;
  for (let waited = 0; ; waited += 250) {
    ({ results } = await ask({ type: 'report' }, 'results'));
    const delivered = results.reduce((n, r) => n + r.reports.length + r.claims, 0);
    if (delivered >= expectedTotal || waited >= 10_000) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const serverCpu = servers.map((s, i) => cpuOf(s.child.pid) - cpu0[i]);
  child.kill();
  await cleanUp();

  let delivered = 0;
  let exact = 0;
  const mismatches = [];
  results.forEach((got, i) => {
    const want = expected[i];
    const have = [...got.reports].sort((a, b) => a - b);
    delivered += got.reports.length + got.claims;
    const same = want.reports.length === have.length && want.reports.every((id, k) => id === have[k]) && got.claims === want.claims && got.duplicates === 0;
    if (same) exact++;
    else if (mismatches.length < 5) {
      mismatches.push(`subscriber ${i} (${subscribers[i].partner.partnerId} on ${subscribers[i].server.name}): expected ${want.reports.length} reports + ${want.claims} claims, got ${have.length} + ${got.claims} (${got.duplicates} repeated ids)`);
    }
  });
  const quantiles = (server) => {
    const l = results.filter((_, i) => subscribers[i].server === server).flatMap((r) => r.latencies).sort((a, b) => a - b);
    const q = (p) => l[Math.min(l.length - 1, Math.floor(p * l.length))] ?? NaN;
    return `p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, max ${(l.at(-1) ?? NaN).toFixed(1)} ms over ${l.length} report events`;
  };
  console.log(`posted ${posted.length} reports to A in ${postSeconds.toFixed(1)} s (${(posted.length / postSeconds).toFixed(0)}/s); server CPU A ${serverCpu[0].toFixed(1)} s, B ${serverCpu[1].toFixed(1)} s`);
  console.log(`latency POST sent to A → report event at a subscriber on B: ${quantiles(B)}`);
  console.log(`latency POST sent to A → report event at a subscriber on A: ${quantiles(A)}`);
  console.log(`events (reports + claims) delivered ${delivered} of ${expectedTotal} expected; ${exact} of ${SUBSCRIBERS} subscribers received exactly what they may see, each once`);
  for (const m of mismatches) console.log(`  ${m}`);
  console.log(`available parallelism ${availableParallelism()}, load average ${loadavg()[0].toFixed(1)} (1 min); bus ${BUS}`);
  process.exitCode = exact === SUBSCRIBERS && delivered === expectedTotal ? 0 : 1;
}

function post(port, token, body) {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/v1/reports', method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The subscribers' process: raw sockets, a minimal SSE parser, latency from the time in each report's origin. */
async function subscribersChild() {
  const { connect } = await import('node:net');
  let subs = [];
  process.on('message', async (m) => {
    if (m.type === 'connect') {
      subs = m.subs.map(() => ({ reports: [], claims: 0, latencies: [], ids: new Set(), duplicates: 0, buffer: '' }));
      let connected = 0;
      await new Promise((resolve) => {
        m.subs.forEach(({ port, token }, i) => {
          const s = subs[i];
          const socket = connect(port, '127.0.0.1', () => {
            socket.write(`GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nAccept: text/event-stream\r\n\r\n`);
          });
          socket.setEncoding('utf8');
          let headersDone = false;
          socket.on('data', (chunk) => {
            const now = performance.timeOrigin + performance.now();
            s.buffer += chunk;
            if (!headersDone) {
              const end = s.buffer.indexOf('\r\n\r\n');
              if (end < 0) return;
              headersDone = true;
              s.buffer = s.buffer.slice(end + 4);
              if (++connected === m.subs.length) resolve();
            }
            const last = s.buffer.lastIndexOf('\n\n');
            if (last < 0) return;
            const whole = s.buffer.slice(0, last);
            s.buffer = s.buffer.slice(last + 2);
            for (let at = whole.indexOf('id: '); at >= 0; at = whole.indexOf('id: ', at + 4)) {
              if (at > 0 && whole[at - 1] !== '\n') continue;
              const id = whole.slice(at + 4, whole.indexOf('\n', at));
              if (s.ids.has(id)) s.duplicates++;
              s.ids.add(id);
            }
            for (let at = whole.indexOf('event: claim\n'); at >= 0; at = whole.indexOf('event: claim\n', at + 13)) s.claims++;
            for (let at = whole.indexOf('event: report\ndata: '); at >= 0; at = whole.indexOf('event: report\ndata: ', at + 20)) {
              const end = whole.indexOf('\n', at + 20);
              const data = JSON.parse(whole.slice(at + 20, end < 0 ? undefined : end));
              s.reports.push(data.reportId);
              const sent = Number(/\/(\d+\.\d+)$/.exec(data.origin)?.[1]);
              if (sent) s.latencies.push(now - sent);
            }
          });
          socket.on('error', (e) => console.error(`subscriber ${i}: ${e.message}`));
        });
      });
      process.send({ type: 'connected' });
    } else if (m.type === 'report') {
      process.send({ type: 'results', results: subs.map(({ reports, claims, latencies, duplicates }) => ({ reports, claims, latencies, duplicates })) });
    }
  });
}
