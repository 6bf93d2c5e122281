#!/usr/bin/env node
// Times each exploit stage in-process over a corpus (default: the dev corpus copied 20 times),
// so the stage that costs most is plain to see. Figures: ms and MB/s of main-body text per stage.
//   node scripts/bench-stages.mjs [DIR] [--copies N] [--dist DIST]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const dir = args.find((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--')) ?? '../shared/corpus/dev';
const copies = Number(opt('--copies', '20'));
const dist = resolve(opt('--dist', 'dist'));
const load = (p) => import(pathToFileURL(join(dist, p)).href);
const { collectBytes } = await load('collect/index.js');
const { DEFAULT_STAGES } = await load('exploit/pipeline.js');

const files = readdirSync(dir).filter((n) => /\.(txt|html?)$/i.test(n) && !/^readme/i.test(n)).map((n) => join(dir, n));
const t0 = performance.now();
const docs = [];
for (let c = 0; c < copies; c++) for (const f of files) docs.push(...collectBytes(f, readFileSync(f), { published: '2025-01-15' }));
const collectMs = performance.now() - t0;
const mainBytes = docs.reduce((a, d) => a + (d.main.end - d.main.start), 0);
const spent = new Map(DEFAULT_STAGES.map((s) => [s.name, 0]));
for (let round = 0; round < 2; round++) {
  if (round === 1) for (const k of spent.keys()) spent.set(k, 0); // first round warms the JIT
  for (const d of docs) {
    const doc = { text: d.text, main: d.main, published: d.published, title: d.title, sentences: [], times: [], numbers: [], entities: [], claims: [], messages: [] };
    for (const s of DEFAULT_STAGES) {
      const a = performance.now();
      s.run(doc);
      spent.set(s.name, spent.get(s.name) + performance.now() - a);
    }
  }
}
const mb = mainBytes / 1e6;
console.log(`${docs.length} documents, ${mb.toFixed(2)} MB of main-body text (collect: ${collectMs.toFixed(0)} ms incl. first JIT)`);
let total = 0;
for (const [name, ms] of spent) {
  total += ms;
  console.log(`${name.padEnd(16)} ${ms.toFixed(0).padStart(7)} ms ${(mb / (ms / 1000)).toFixed(1).padStart(8)} MB/s`);
}
console.log(`${'all stages'.padEnd(16)} ${total.toFixed(0).padStart(7)} ms ${(mb / (total / 1000)).toFixed(1).padStart(8)} MB/s`);
