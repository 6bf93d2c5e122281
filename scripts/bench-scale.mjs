#!/usr/bin/env node
// Scale benchmarks in turn. Not a test: figures only.
//   1. scripts/bench-scale-store.mjs       SQLite against PostgreSQL (ingest, search, claims)
//   2. scripts/bench-scale-nats.mjs        live events through NATS JetStream (bench:scale:nats)
//   3. scripts/bench-scale-federation.mjs  two instances pushing to each other (bench:scale:federation)
// Each runs as its own process on the compiled dist/ (`npm run bench:scale` builds first), prints its
// own figures, and a missing one is said and skipped. Arguments after `--` go to every script.
//   node scripts/bench-scale.mjs [--only store,nats,federation]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const rest = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];
const parts = [
  ['store', 'bench-scale-store.mjs'],
  ['nats', 'bench-scale-nats.mjs'],
  ['federation', 'bench-scale-federation.mjs'],
].filter(([name]) => only === undefined || only.includes(name));

const cores = availableParallelism();
console.log(`bench:scale on ${cores} core${cores === 1 ? '' : 's'}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (Node ${process.version})`);
const results = [];
for (const [name, file] of parts) {
  const path = fileURLToPath(new URL(file, import.meta.url));
  if (!existsSync(path)) {
    console.log(`\n── ${name}: scripts/${file} not present, skipped`);
    results.push([name, 'skipped']);
    continue;
  }
  console.log(`\n── ${name}: node scripts/${file}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [path, ...rest], { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push([name, run.status === 0 ? `done in ${seconds} s` : `failed (exit ${run.status ?? run.signal}) after ${seconds} s`]);
}
console.log(`\nbench:scale on ${cores} cores, load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')}:`);
for (const [name, outcome] of results) console.log(`  ${name.padEnd(10)} ${outcome}`);
process.exitCode = results.some(([, o]) => o.startsWith('failed')) ? 1 : 0;
