#!/usr/bin/env node
// Interoperability benchmark. Not a test: figures only.
//
// 1. STIX export: `parallax export --stix -o FILE` (without propositions: the analysis holds every
//    claim in memory by design) as a child process over a store of synthetic reports, at two
//    sizes. Prints objects/s and the child's peak RSS: a streamed export keeps peak RSS roughly
//    flat while the bundle grows.
//      node scripts/bench-interop.mjs [--objects 100000]      (compiled dist/, after `npm run build`)
//
// 2. TAXII paging throughput is scripts/bench-taxii.mjs, which `npm run bench:interop` runs next.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const target = Number(args[args.indexOf('--objects') + 1]) || 100_000;
const root = fileURLToPath(new URL('..', import.meta.url));
const mod = (p) => import(new URL(`../dist/${p}.js`, import.meta.url).href);

const [{ syntheticReports }, { collectText }, { prepareReport }, { openSqliteStore }, { exportObjects }, { LOCAL_ADMIN }] = await Promise.all([
  mod('cli/synthetic-reports'),
  mod('collect/index'),
  mod('store/prepare-report'),
  mod('store/sqlite/sqlite-store'),
  mod('interop/stix/export'),
  mod('domain/viewer'),
]);

const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-interop-'));
const db = join(dir, 'bench.db');
let made = 0;
/** Adds synthetic reports (deterministic, continuing the same series) until the store has `n`. */
async function grow(n) {
  const store = await openSqliteStore(db);
  const all = syntheticReports(n, { seed: 2024, copyEvery: 20 });
  for (let i = made; i < n; i += 200) {
    const batch = all.slice(i, Math.min(n, i + 200)).flatMap((r) => collectText(`synthetic/${r.name}`, r.text).map((d) => prepareReport(d)));
    await store.ingest(batch);
  }
  made = n;
  await store.close();
}
async function countObjects() {
  const store = await openSqliteStore(db);
  let n = 0;
  for await (const _ of exportObjects(store, LOCAL_ADMIN, { propositions: false })) n++;
  await store.close();
  return n;
}
/** The CLI export in a child process, so its peak RSS is the export's alone. */
function exportOnce() {
  const out = join(dir, 'bundle.json');
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `
      const { exportCommand } = await import(${JSON.stringify(new URL('../dist/cli/commands/export.js', import.meta.url).href)});
      const t = performance.now();
      const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
      const status = await exportCommand.run(['--stix', '--db', ${JSON.stringify(db)}, '-o', ${JSON.stringify(out)}, '--no-propositions'], io);
      process.stdout.write(JSON.stringify({ status, seconds: (performance.now() - t) / 1000, maxRssKb: process.resourceUsage().maxRSS }) + '\\n');
    `],
    { cwd: root, encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`export failed: ${child.stderr}`);
  const objects = Number(/(\d+) STIX objects/.exec(child.stderr)?.[1]);
  return { ...JSON.parse(child.stdout.trim().split('\n').pop()), objects, bytes: statSync(out).size };
}

try {
  // Calibrate: objects per report from a small store.
  await grow(200);
  const perReport = (await countObjects()) / 200;
  const sizes = [Math.ceil(target / 4 / perReport), Math.ceil(target / perReport)];
  console.log(`STIX export (parallax export --stix, no propositions), about ${perReport.toFixed(1)} objects per synthetic report`);
  console.log('reports   objects   bundle MB   seconds   objects/s   peak RSS MiB');
  for (const n of sizes) {
    await grow(n);
    const r = exportOnce();
    console.log(
      `${String(n).padStart(7)}  ${String(r.objects).padStart(8)}  ${(r.bytes / 1e6).toFixed(1).padStart(10)}  ${r.seconds.toFixed(1).padStart(8)}  ${Math.round(r.objects / r.seconds).toLocaleString('en-US').padStart(10)}  ${(r.maxRssKb / 1024).toFixed(0).padStart(13)}`,
    );
  }

} finally {
  rmSync(dir, { recursive: true, force: true });
}
