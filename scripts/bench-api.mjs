#!/usr/bin/env node
// API benchmark with autocannon: POST /api/v1/reports throughput (reports/s, each collected,
// extracted, stored and audited as `parallax ingest` would) and GET /api/v1/claims latency under
// concurrent load, against `parallax serve` in its own process on a store of 2,000 marked reports.
// Not a test: figures only.
//   node scripts/bench-api.mjs [--seconds 10] [--preload 2000] [--connections 32]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const SECONDS = opt('--seconds', 10);
const PRELOAD = opt('--preload', 2000);
const CONNECTIONS = opt('--connections', 32);

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const tool = `autocannon ${require('autocannon/package.json').version}`;
const dist = (p) => import(new URL(`../dist/${p}.js`, import.meta.url).href);
const [{ openSqliteStore }, { LOCAL_ADMIN }, { newToken, hashToken }, { syntheticReports }, { collectText }, { prepareReport }] = await Promise.all([
  dist('store/sqlite/sqlite-store'),
  dist('domain/viewer'),
  dist('share/tokens'),
  dist('cli/synthetic-reports'),
  dist('collect/index'),
  dist('store/prepare-report'),
]);

const LEVELS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'];
const GRANTS = [['ALL'], ['NATO'], ['KOR-UKR'], ['reader'], []];
const TLPS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER'];
const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-api-'));
const db = join(dir, 'bench.db');
const store = await openSqliteStore(db);
const token = async (id, clearance, communities, role) => {
  await store.addPartner(LOCAL_ADMIN, { id, clearance, communities });
  const t = newToken();
  await store.issueToken(LOCAL_ADMIN, { partnerId: id, role, tokenHash: hashToken(t) });
  return t;
};
const posterToken = await token('poster', 'SECRET', ['NATO'], 'analyst');
const readerToken = await token('reader', 'CONFIDENTIAL', ['NATO'], 'reader');
const texts = syntheticReports(PRELOAD + 200_000, { seed: 5 }).map((r) => r.text);
const inputs = texts.slice(0, PRELOAD).map((text, i) =>
  prepareReport(collectText(`preload-${i}.txt`, text, { published: '2025-03-01' })[0], {
    marking: { classification: LEVELS[i % 4], releasableTo: GRANTS[i % GRANTS.length], owner: i % 3 === 0 ? 'poster' : 'local', tlp: TLPS[i % 3] },
  }),
);
for (let i = 0; i < inputs.length; i += 200) await store.ingest(inputs.slice(i, i + 200));
const visible = await store.countClaims({ partnerId: 'reader', clearance: 'CONFIDENTIAL', communities: ['NATO'], role: 'reader' });
const all = (await store.stats({ partnerId: 'poster', clearance: 'SECRET', communities: ['NATO'], role: 'admin' })).claims;
await store.close();

const port = 7340 + 600 + Math.floor(Math.random() * 300);
const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const server = spawn(process.execPath, [...nodeArgs, fileURLToPath(new URL('../bin/parallax.js', import.meta.url)), 'serve', '--db', db, '--port', String(port)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => (String(d).includes('serving') ? resolve() : undefined));
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});
const cpuOf = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
const run = (options) =>
  new Promise((resolve, reject) => {
    const before = cpuOf(server.pid);
    const { path = '', ...rest } = options;
    autocannon({ url: `http://127.0.0.1:${port}${path}`, duration: SECONDS, ...rest }, (err, result) =>
      err ? reject(err) : resolve({ ...result, serverCpu: cpuOf(server.pid) - before }),
    );
  });

console.log(`tool: ${tool}; store: ${PRELOAD} reports preloaded, ${all} claims, ${visible} of them visible to the reader`);

let next = PRELOAD;
const post = await run({
  connections: 4,
  requests: [
    {
      method: 'POST',
      path: '/api/v1/reports',
      headers: { authorization: `Bearer ${posterToken}`, 'content-type': 'application/json' },
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({ text: texts[next++ % texts.length], published: '2025-03-02', marking: { releasableTo: ['NATO'], tlp: 'TLP:GREEN' } }),
      }),
    },
  ],
});
console.log(
  `POST /api/v1/reports (4 connections, ${SECONDS} s): ${post.requests.average.toFixed(0)} reports/s, ` +
    `latency p50 ${post.latency.p50} ms p99 ${post.latency.p99} ms; ${post['2xx']} 2xx, ${post.non2xx} other, ${post.errors} errors; server CPU ${post.serverCpu.toFixed(1)} s`,
);

for (const path of ['/api/v1/claims?limit=50', '/api/v1/claims?about=drones&limit=50', '/api/v1/reports?q=artillery&limit=20']) {
  const check = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${readerToken}` } });
  if (check.status !== 200) throw new Error(`GET ${path}: ${check.status} ${await check.text()}`);
}
for (const path of ['/api/v1/claims?limit=50', '/api/v1/claims?about=drones&limit=50', '/api/v1/reports?q=artillery&limit=20']) {
  const r = await run({ connections: CONNECTIONS, headers: { authorization: `Bearer ${readerToken}` }, path });
  console.log(
    `GET ${path} (${CONNECTIONS} connections, ${SECONDS} s): ${r.requests.average.toFixed(0)} req/s, ` +
      `latency p50 ${r.latency.p50} ms p99 ${r.latency.p99} ms; ${r['2xx']} 2xx, ${r.non2xx} other; server CPU ${r.serverCpu.toFixed(1)} s`,
  );
  if (r.non2xx > 0) console.log(`  statuses: ${JSON.stringify(r.statusCodeStats)}`);
}
console.log(`load average at the end: ${loadavg()[0].toFixed(1)} (1 min); server CPU is the server process's user+system time`);
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
rmSync(dir, { recursive: true, force: true });
