#!/usr/bin/env node
// Ingest benchmark: 10,000 synthetic reports through the same code path as `parallax ingest`
// (read → collect → extract → fingerprint → store in chunked transactions) into a fresh SQLite file.
// Prints reports/s, claims/s, MB/s and peak RSS. Floor: 500 reports/s. Not a test: figures only.
//   node scripts/bench-ingest.mjs [--reports N]            (compiled dist/, after `npm run build`)
//   node --import tsx scripts/bench-ingest.mjs --src       (the TypeScript sources, while developing)
//   --inline: collect and extract on the storing thread, as for small batches (no worker thread)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const fromSrc = args.includes('--src');
const n = Number(args[args.indexOf('--reports') + 1]) || 10_000;
const thread = args.includes('--inline') ? 'inline' : 'auto';
const mod = (p) => import(new URL(fromSrc ? `../src/${p}.ts` : `../dist/${p}.js`, import.meta.url).href);

const [{ syntheticReports }, { ingestFiles }, { expandInputs }, { openSqliteStore }] = await Promise.all([
  mod('cli/synthetic-reports'),
  mod('cli/ingest-files'),
  mod('cli/read-inputs'),
  mod('store/sqlite/sqlite-store'),
]);

const FLOOR = 500;
const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-ingest-'));
try {
  const input = join(dir, 'reports');
  mkdirSync(input);
  let bytes = 0;
  for (const r of syntheticReports(n, { seed: 2024, copyEvery: 20 })) {
    writeFileSync(join(input, r.name), r.text);
    bytes += Buffer.byteLength(r.text);
  }
  const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
  const { files, missing } = await expandInputs([input], io);
  const store = await openSqliteStore(join(dir, 'bench.db'));
  // Time spent inside the store (SQL, FTS, duplicate search), to tell it from extraction.
  let storeSeconds = 0;
  const ingest = store.ingest.bind(store);
  store.ingest = async (batch) => {
    const t = performance.now();
    try {
      return await ingest(batch);
    } finally {
      storeSeconds += (performance.now() - t) / 1000;
    }
  };
  const elu = performance.eventLoopUtilization();
  const s = await ingestFiles(store, files, missing, {
    thread,
    onFailure: (origin, problem) => console.error(`bench-ingest: ${origin}: ${problem}`),
  });
  // How busy the storing thread was: near 100 % it is the bottleneck; lower, it waited for extraction.
  const busy = performance.eventLoopUtilization(elu).utilization;
  await store.close();
  const rate = s.documents / s.seconds;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`parallax ingest benchmark (${fromSrc ? 'src via tsx' : 'dist'}, ${thread === 'inline' ? 'one thread' : 'extraction on a worker thread'}), node ${process.version}`);
  console.log(`  reports        ${s.documents} (${s.ingested} new, ${s.duplicates} syndicated copies linked, ${s.failed} failed)`);
  console.log(`  text           ${(bytes / 1e6).toFixed(1)} MB`);
  console.log(`  time           ${s.seconds.toFixed(2)} s (store ${storeSeconds.toFixed(2)} s, rest ${(s.seconds - storeSeconds).toFixed(2)} s)`);
  console.log(`  main thread    ${(busy * 100).toFixed(0)} % busy${thread === 'inline' ? '' : ' (storing, reading; the rest of the time it waited for the worker)'}`);
  console.log(`  reports/s      ${rate.toFixed(0)}   (floor ${FLOOR}: ${rate >= FLOOR ? 'met' : 'NOT MET'})`);
  console.log(`  claims/s       ${(s.claims / s.seconds).toFixed(0)} (${s.claims} claims, ${s.entities} entity rows)`);
  console.log(`  MB/s           ${(bytes / 1e6 / s.seconds).toFixed(2)}`);
  console.log(`  peak RSS       ${peakMb.toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
