#!/usr/bin/env node
// Stream benchmark: 1,000 SSE subscribers of 50 partners on loopback while reports are posted at
// 100/s through POST /api/v1/reports. Prints p50/p99 delivery latency (post sent → report event
// received) and events delivered against expected, per subscriber, from the access policy.
// Floor: p99 < 100 ms, and every subscriber receives exactly the events it may see.
// Three processes: the server (`parallax serve`), the subscribers (this script with --subscribers,
// raw http sockets, so parsing frames does not load the server) and the poster (this process).
//   node scripts/bench-stream.mjs [--subscribers 1000] [--partners 50] [--reports 1000] [--rate 100]
import { fork, spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addBenchPartners, randomMarking, seededRandom } from './bench-partners.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);

if (args.includes('--subscribers-child')) await subscribersChild();
else await main();

async function main() {
  const SUBSCRIBERS = opt('--subscribers', 1000);
  const PARTNERS = opt('--partners', 50);
  const REPORTS = opt('--reports', 1000);
  const RATE = opt('--rate', 100);
  const FLOOR_P99_MS = 100;
  const dist = (p) => import(new URL(`../dist/${p}.js`, import.meta.url).href);
  const [{ openSqliteStore }, { canSee }, { syntheticReports }] = await Promise.all([
    dist('store/sqlite/sqlite-store'),
    dist('share/policy'),
    dist('cli/synthetic-reports'),
  ]);
  // Varied reports of our own (the ingest benchmark's), as a real feed would be.
  const texts = syntheticReports(REPORTS, { seed: 99 }).map((r) => r.text);
  const random = seededRandom(42);

  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-stream-'));
  const db = join(dir, 'bench.db');
  const store = await openSqliteStore(db);
  const { partners, posterToken } = await addBenchPartners(store, PARTNERS, random);
  await store.close();

  const port = 7340 + 100 + Math.floor(Math.random() * 500);
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, fileURLToPath(new URL('../bin/parallax.js', import.meta.url)), 'serve', '--db', db, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => (String(d).includes('serving') ? resolve() : undefined));
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const cpuOf = async (pid) => {
    const { readFileSync } = await import('node:fs');
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in seconds (USER_HZ 100)
  };

  // Warm-up: the first reports load and compile the extraction stages (lexicons) and warm the JIT
  // and SQLite's cache; they are posted before anyone subscribes, so they are not measured.
  const WARM_UP = 50;
  const warmTexts = syntheticReports(WARM_UP, { seed: 7 }).map((r) => r.text);
  for (const text of warmTexts) {
    const r = await post(port, posterToken, JSON.stringify({ text, published: '2025-03-01', marking: { releasableTo: ['ALL'] } }));
    if (r.status !== 201) throw new Error(`warm-up POST ${r.status}: ${r.body}`);
  }
  console.log(`${WARM_UP} warm-up reports posted before subscribing`);

  const subscribers = Array.from({ length: SUBSCRIBERS }, (_, i) => partners[i % partners.length]);
  const child = fork(fileURLToPath(import.meta.url), ['--subscribers-child'], { stdio: 'inherit' });
  const ask = (msg, answer) =>
    new Promise((resolve) => {
      const on = (m) => m.type === answer && (child.off('message', on), resolve(m));
      child.on('message', on);
      child.send(msg);
    });
  const t0 = performance.now();
  await ask({ type: 'connect', port, tokens: subscribers.map((p) => p.token) }, 'connected');
  console.log(`${SUBSCRIBERS} subscribers of ${PARTNERS} partners connected in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Post at RATE/s on a fixed schedule (not back to back), each body saying when it was sent.
  const posted = [];
  const cpu0 = await cpuOf(server.pid);
  const start = performance.now();
  const inflight = [];
  for (let i = 0; i < REPORTS; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const marking = randomMarking(random, partners);
    const sentAt = performance.timeOrigin + performance.now();
    const body = JSON.stringify({
      text: texts[i],
      url: `https://bench.invalid/${i}/${sentAt.toFixed(3)}`,
      published: '2025-03-01',
      marking,
    });
    inflight.push(
      post(port, posterToken, body).then((r) => {
        if (r.status !== 201) throw new Error(`POST ${r.status}: ${r.body}`);
        const j = JSON.parse(r.body);
        posted.push({ id: j.id, marking: j.marking, claims: j.claims.length });
      }),
    );
  }
  await Promise.all(inflight);
  const postSeconds = (performance.now() - start) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  const serverCpu = (await cpuOf(server.pid)) - cpu0;
  const { results, cpuSeconds: clientCpu } = await ask({ type: 'finish' }, 'results');
  child.kill();
  server.kill('SIGTERM');

  let expectedEvents = 0;
  let deliveredEvents = 0;
  let exact = 0;
  const mismatches = [];
  results.forEach((got, i) => {
    const viewer = subscribers[i];
    const visible = posted.filter((r) => canSee(viewer, r.marking));
    const want = visible.map((r) => r.id).sort((a, b) => a - b);
    const have = [...got.reports].sort((a, b) => a - b);
    expectedEvents += visible.length + visible.reduce((n, r) => n + r.claims, 0);
    deliveredEvents += got.reports.length + got.claims;
    const same = want.length === have.length && want.every((id, k) => id === have[k]) && got.claims === visible.reduce((n, r) => n + r.claims, 0);
    if (same) exact++;
    else if (mismatches.length < 5) mismatches.push(`subscriber ${i} (${viewer.partnerId}): expected ${want.length} reports, got ${have.length}`);
  });
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const p99 = q(0.99);
  console.log(`posted ${posted.length} reports in ${postSeconds.toFixed(1)} s (${(posted.length / postSeconds).toFixed(0)}/s), server CPU ${serverCpu.toFixed(1)} s, subscribers' process CPU ${clientCpu.toFixed(1)} s`);
  console.log(`report events delivered: ${latencies.length}; latency post sent → event received: p50 ${q(0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`);
  console.log(`events (reports + claims) delivered ${deliveredEvents} of ${expectedEvents} expected; ${exact} of ${SUBSCRIBERS} subscribers received exactly what they may see`);
  for (const m of mismatches) console.log(`  ${m}`);
  const ok = p99 < FLOOR_P99_MS && exact === SUBSCRIBERS && deliveredEvents === expectedEvents;
  // Latency is wall time: on a machine shared with other work it measures the sharing too.
  console.log(`load average during the run: ${loadavg()[0].toFixed(1)} (1 min) on ${(await import('node:os')).cpus().length} cores`);
  console.log(`floor p99 < ${FLOOR_P99_MS} ms and exact delivery: ${ok ? 'met' : 'NOT met'}`);
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = ok ? 0 : 1;
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

/** The subscribers' process: raw sockets, a minimal SSE parser, latency from the origin's timestamp. */
async function subscribersChild() {
  const { connect } = await import('node:net');
  let subs = [];
  process.on('message', async (m) => {
    if (m.type === 'connect') {
      subs = m.tokens.map(() => ({ reports: [], claims: 0, latencies: [], buffer: '' }));
      let connected = 0;
      await new Promise((resolve) => {
        m.tokens.forEach((token, i) => {
          const s = subs[i];
          const socket = connect(m.port, '127.0.0.1', () => {
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
              if (++connected === m.tokens.length) resolve();
            }
            // Whole frames only (the rest waits for the next chunk). Chunk-size lines of the chunked
            // encoding fall between frames and are skipped. indexOf, not regexes: this process must
            // keep up with a million frames without becoming what is measured.
            const last = s.buffer.lastIndexOf('\n\n');
            if (last < 0) return;
            const whole = s.buffer.slice(0, last);
            s.buffer = s.buffer.slice(last + 2);
            for (let at = whole.indexOf('event: claim\n'); at >= 0; at = whole.indexOf('event: claim\n', at + 13)) s.claims++;
            for (let at = whole.indexOf('event: report\ndata: '); at >= 0; at = whole.indexOf('event: report\ndata: ', at + 20)) {
              const end = whole.indexOf('\n', at + 20);
              const data = JSON.parse(whole.slice(at + 20, end < 0 ? undefined : end));
              s.reports.push(data.reportId);
              const sent = Number(/\/(\d+\.\d+)$/.exec(data.origin)?.[1]);
              if (sent) s.latencies.push(now - sent);
              if (sent && process.env.BENCH_WORST) (s.byReport ??= []).push([Number(/\/(\d+)\/[\d.]+$/.exec(data.origin)?.[1]), now - sent]);
            }
          });
          socket.on('error', (e) => console.error(`subscriber ${i}: ${e.message}`));
        });
      });
      process.send({ type: 'connected' });
    } else if (m.type === 'finish') {
      const cpu = process.cpuUsage();
      if (process.env.BENCH_WORST) {
        const worst = new Map();
        for (const s of subs) for (const [i, l] of s.byReport ?? []) worst.set(i, Math.max(worst.get(i) ?? 0, l));
        console.log('worst reports (index: ms):', [...worst].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([i, l]) => `${i}: ${l.toFixed(0)}`).join(', '));
      }
      process.send({ type: 'results', cpuSeconds: (cpu.user + cpu.system) / 1e6, results: subs.map(({ reports, claims, latencies }) => ({ reports, claims, latencies })) });
    }
  });
}
