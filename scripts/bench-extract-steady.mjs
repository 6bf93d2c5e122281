// Child of `npm run bench:extract`: the steady-state cost of extraction, with none of the start-up
// or JIT warm-up. Runs the bench corpus through the same steps as `parallax extract --jsonl`
// (read, collect, extract, JSON line) PASSES times in one process and prints one JSON line with
// the seconds of each pass; the last pass is the steady state.
//   node scripts/bench-extract-steady.mjs CORPUS_DIR [PASSES]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyV8Flags } from '../dist/cli/v8-flags.js';

applyV8Flags('extract');
const [{ collectBytes }, { extract }, { toExtractV1 }] = await Promise.all([
  import('../dist/collect/index.js'),
  import('../dist/exploit/pipeline.js'),
  import('../dist/exploit/contract.js'),
]);

const dir = process.argv[2];
const passes = Number(process.argv[3] ?? 3);
const names = readdirSync(dir).sort();
const seconds = [];
let outBytes = 0;
for (let p = 0; p < passes; p++) {
  const t0 = performance.now();
  for (const name of names) {
    const file = join(dir, name);
    for (const doc of collectBytes(file, readFileSync(file), { published: null })) {
      outBytes += JSON.stringify(toExtractV1(doc, extract(doc))).length + 1;
    }
  }
  seconds.push((performance.now() - t0) / 1000);
}
console.log(JSON.stringify({ seconds, reports: names.length, outBytes }));
