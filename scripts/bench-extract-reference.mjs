// One reference measurement for `npm run bench:extract`, run in its own process so that its peak
// memory is its own: `node scripts/bench-extract-reference.mjs TOOL CORPUS_DIR` with TOOL
// `compromise` or `wink`. Reads the bench corpus (files named NNN_name, NNN = copy number),
// times the library in-process (no process start, no file reading, HTML already reduced to text),
// prints one JSON object on stdout.
//
// A slow library is timed over the first K copies only, K chosen so one timed pass takes about
// $BENCH_REF_SECONDS (default 5) seconds; the result says how many copies were measured.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readReport } from './bench-extract-text.mjs';

const [tool, corpusDir] = process.argv.slice(2);
const passSeconds = Number(process.env.BENCH_REF_SECONDS ?? 5);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

/** Returns a function that does the library's work on one text and returns something derived. */
async function loadTool(name) {
  if (name === 'compromise') {
    const nlp = (await import('compromise')).default;
    return (text) => {
      const doc = nlp(text);
      // All four per text, each materialised so the lazy matches are really computed.
      return (
        doc.people().out('array').length +
        doc.places().out('array').length +
        doc.organizations().out('array').length +
        doc.numbers().json().length
      );
    };
  }
  if (name === 'wink') {
    const winkNLP = (await import('wink-nlp')).default;
    const model = (await import('wink-eng-lite-web-model')).default;
    const nlp = winkNLP(model);
    const its = nlp.its;
    return (text) => {
      const doc = nlp.readDoc(text);
      return doc.tokens().out().length + doc.entities().out(its.detail).length;
    };
  }
  throw new Error(`unknown reference tool "${name}" (use compromise or wink)`);
}

/** Bench corpus files grouped by copy number, in copy order. */
async function listCopies(dir) {
  const byCopy = new Map();
  for (const name of (await readdir(dir)).sort()) {
    const m = /^(\d+)_/.exec(name);
    if (!m) continue;
    const key = m[1];
    if (!byCopy.has(key)) byCopy.set(key, []);
    byCopy.get(key).push(join(dir, name));
  }
  return [...byCopy.values()];
}

async function readCopy(paths) {
  return Promise.all(paths.map(readReport));
}

function timePass(work, reports) {
  let sink = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const r of reports) sink += work(r.text);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return { seconds, cpuSeconds: (c.user + c.system) / 1e6, sink };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function main() {
  if (!tool || !corpusDir) throw new Error('usage: bench-extract-reference.mjs TOOL CORPUS_DIR');
  const work = await loadTool(tool);
  const copies = await listCopies(corpusDir);
  if (copies.length === 0) throw new Error(`no bench corpus files (NNN_name) in ${corpusDir}`);

  // Calibration on the first copy, which also warms the JIT; not counted.
  const first = await readCopy(copies[0]);
  const calibration = timePass(work, first).seconds;
  const perCopy = Math.max(calibration, 1e-6);
  const k = Math.min(copies.length, Math.max(1, Math.floor(passSeconds / perCopy)));

  const sample = [];
  for (const paths of copies.slice(0, k)) sample.push(...(await readCopy(paths)));
  const fileBytes = sample.reduce((n, r) => n + r.fileBytes, 0);
  const textBytes = sample.reduce((n, r) => n + Buffer.byteLength(r.text, 'utf8'), 0);

  const times = [];
  const cpuTimes = [];
  let sink = 0;
  for (let i = 0; i < runs; i++) {
    const pass = timePass(work, sample);
    times.push(pass.seconds);
    cpuTimes.push(pass.cpuSeconds);
    sink += pass.sink;
  }
  const seconds = median(times);
  process.stdout.write(
    JSON.stringify({
      tool,
      copiesMeasured: k,
      copiesTotal: copies.length,
      reports: sample.length,
      fileBytes,
      textBytes,
      seconds,
      times,
      cpuSeconds: median(cpuTimes),
      calibrationSeconds: calibration,
      maxRssKiB: process.resourceUsage().maxRSS,
      sink,
    }) + '\n',
  );
}

main().catch((e) => {
  process.stderr.write(`bench-extract-reference: ${e?.stack ?? e}\n`);
  process.exitCode = 1;
});
