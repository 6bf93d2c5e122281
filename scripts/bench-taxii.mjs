#!/usr/bin/env node
// TAXII paging benchmark: a store of synthetic reports (about 17 STIX objects each), served by
// `parallax serve`'s server on a local socket; a client walks GET .../objects/ with limit/next over
// the whole collection (default `match[version]=last`, then `all`). Prints objects/s, page
// latency p50/p99 and peak RSS; then the latency of GET .../objects/{id}/ for claims, reports and
// shared identities taken from the walk. Not a test: figures only.
//   node scripts/bench-taxii.mjs [--objects N] [--limit L]     (compiled dist/, after `npm run build`)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const target = opt('--objects', 100_000);
const limit = opt('--limit', 1_000);
const mod = (p) => import(new URL(`../dist/${p}.js`, import.meta.url).href);
const [{ syntheticReports }, { collectText }, { prepareReport }, { openSqliteStore }, { buildServer }, { newToken, hashToken }, { LOCAL_ADMIN }] = await Promise.all([
  mod('cli/synthetic-reports'),
  mod('collect/index'),
  mod('store/prepare-report'),
  mod('store/sqlite/sqlite-store'),
  mod('server/app'),
  mod('share/tokens'),
  mod('domain/viewer'),
]);

const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-taxii-'));
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
try {
  const store = await openSqliteStore(join(dir, 'bench.db'));
  await store.addPartner(LOCAL_ADMIN, { id: 'kr-mnd', clearance: 'SECRET', communities: ['NATO'] });
  const token = newToken();
  await store.issueToken(LOCAL_ADMIN, { partnerId: 'kr-mnd', role: 'reader', tokenHash: hashToken(token) });
  const reports = Math.ceil(target / 16);
  const t0 = performance.now();
  const texts = syntheticReports(reports, { seed: 99 });
  for (let i = 0; i < texts.length; i += 200) {
    await store.ingest(texts.slice(i, i + 200).map((r) => prepareReport(collectText(`bench/${r.name}`, r.text)[0])));
  }
  process.stderr.write(`${reports} reports stored in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const app = await buildServer({ store, conflictDelayMs: -1 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const headers = { authorization: `Bearer ${token}`, accept: 'application/taxii+json;version=2.1' };
  const seen = [];
  for (const version of ['last', 'all']) {
    let next;
    let objects = 0;
    const latencies = [];
    const started = performance.now();
    do {
      const t = performance.now();
      const r = await fetch(`${base}/taxii2/api/collections/kr-mnd/objects/?limit=${limit}&match[version]=${version}${next ? `&next=${next}` : ''}`, { headers });
      const body = await r.json();
      latencies.push(performance.now() - t);
      if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(body)}`);
      objects += body.objects?.length ?? 0;
      // Some of each kind to look up by id afterwards: claims and reports spread over the walk, every entity.
      if (version === 'last') for (const o of body.objects ?? []) if (o.type === 'identity' ? JSON.stringify(o).includes('entity_key') : Math.random() < 0.002) seen.push(o);
      next = body.next;
    } while (next);
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(0);
    console.log(
      `match[version]=${version}: ${objects.toLocaleString('en-US')} objects in ${latencies.length} pages of ≤${limit}: ` +
        `${seconds.toFixed(1)} s, ${Math.round(objects / seconds).toLocaleString('en-US')} objects/s; page p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms`,
    );
  }
  // By id: each lookup reads the reports that carry the id (the index of migration 10), not the collection.
  const pick = (type, n) => seen.filter((o) => o.type === type).slice(0, n);
  for (const [label, objs] of [['claim', pick('x-parallax-claim', 30)], ['report', pick('report', 30)], ['entity (identity)', pick('identity', 10)]]) {
    const times = [];
    for (const o of objs) {
      const t = performance.now();
      const r = await fetch(`${base}/taxii2/api/collections/kr-mnd/objects/${o.id}/`, { headers });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${o.id}: ${r.status}`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`objects/{id}/ of a ${label}: p50 ${times[times.length >> 1].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms (${times.length} ids)`);
  }
  console.log(`peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
  await app.close();
  await store.close();
} finally {
  clearInterval(sample);
  rmSync(dir, { recursive: true, force: true });
}
