// `npm run bench:extract`: how fast `parallax extract` runs, measured as a whole process, against
// two in-process NLP libraries (compromise, wink-nlp) on the same texts.
//
// Bench corpus: the development corpus (.txt, .html) copied BENCH_COPIES times (default 200) into
// bench-output/corpus/NNN_name (gitignored; a benchmark input only, never committed).
//
// Environment:
//   PARALLAX_BIN       entry to run (default bin/parallax.js, which runs dist/)
//   BENCH_DEV_CORPUS   source corpus (default ../shared/corpus/dev)
//   BENCH_COPIES       copies of the corpus (default 200)
//   BENCH_RUNS         timed runs, median taken (default 3)
//   BENCH_REF_SECONDS  target seconds per timed pass of a reference library (default 5)
//   BENCH_RSS          `time` (GNU /usr/bin/time -f %M) or `preload` (default: time if it works)
//   BENCH_CPU          the core to pin every measured process to with taskset (default 0)
//   BENCH_NO_PIN       set to 1 not to pin processes to one core
//
// Units: MB = 10^6 bytes of input files (HTML counted as whole file bytes); RSS in MiB.
// Wall-clock time decides the floors; CPU time (user + system) is printed beside it because it
// moves less when other processes share the machine.
// Exit status: 0 when the measurements were made (PASS/FAIL of the floors is printed, not
// enforced), 1 when Parallax crashed or a measurement could not be made.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative as relativePath, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readReport } from './bench-extract-text.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'bench-output');
const CORPUS_DIR = join(OUT_DIR, 'corpus');
const BIN = resolve(ROOT, process.env.PARALLAX_BIN ?? 'bin/parallax.js');
const DEV = resolve(ROOT, process.env.BENCH_DEV_CORPUS ?? '../shared/corpus/dev');
const COPIES = positiveInt(process.env.BENCH_COPIES, 200);
const RUNS = positiveInt(process.env.BENCH_RUNS, 3);
const REPORT_EXT = /\.(txt|html?)$/i;
const FLOOR_MBPS = 5;
const FLOOR_RATIO = 10;

function positiveInt(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Copies every report of the dev corpus COPIES times into CORPUS_DIR as NNN_name. */
async function buildCorpus() {
  if (!existsSync(DEV)) throw new Error(`development corpus not found: ${DEV} (set BENCH_DEV_CORPUS)`);
  const names = (await readdir(DEV)).filter((n) => REPORT_EXT.test(n)).sort();
  if (names.length === 0) throw new Error(`no .txt or .html reports in ${DEV}`);
  await rm(CORPUS_DIR, { recursive: true, force: true });
  await mkdir(CORPUS_DIR, { recursive: true });
  const width = String(COPIES).length < 3 ? 3 : String(COPIES).length;
  let fileBytes = 0;
  let textBytes = 0;
  let htmlFiles = 0;
  for (const name of names) {
    const r = await readReport(join(DEV, name));
    fileBytes += r.fileBytes;
    textBytes += Buffer.byteLength(r.text, 'utf8');
    if (/\.html?$/i.test(name)) htmlFiles++;
  }
  for (let c = 1; c <= COPIES; c++) {
    const prefix = String(c).padStart(width, '0');
    await Promise.all(names.map((n) => copyFile(join(DEV, n), join(CORPUS_DIR, `${prefix}_${n}`))));
  }
  return {
    source: DEV,
    reportsPerCopy: names.length,
    htmlPerCopy: htmlFiles,
    copies: COPIES,
    files: names.length * COPIES,
    fileBytes: fileBytes * COPIES,
    textBytes: textBytes * COPIES,
  };
}

/** Pinning to one core makes "one core" literal for Parallax and the references alike. */
function pinPrefix() {
  if (process.env.BENCH_NO_PIN === '1') return [];
  const core = /^\d+$/.test(process.env.BENCH_CPU ?? '') ? process.env.BENCH_CPU : '0';
  const probe = spawnSync('taskset', ['-c', core, 'true']);
  return probe.status === 0 ? ['taskset', '-c', core] : [];
}

/** Chooses how to read the peak RSS of the Parallax process. */
async function rssMethod(scratch) {
  const wanted = process.env.BENCH_RSS;
  if (wanted !== 'preload') {
    const f = join(scratch, 'probe.rss');
    const probe = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', f, 'true']);
    if (probe.status === 0 && existsSync(f) && /^\d+ [\d.]+ [\d.]+\s*$/.test(await readFile(f, 'utf8'))) return 'time';
    if (wanted === 'time') throw new Error('BENCH_RSS=time but GNU /usr/bin/time -f "%M %U %S" does not work here');
  }
  return 'preload';
}

/** Runs a command, counts stdout lines without keeping them, keeps the start of stderr. */
function runCounted(argv, env) {
  return new Promise((resolvePromise, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let outBytes = 0;
    let errText = '';
    child.stdout.on('data', (chunk) => {
      outBytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (chunk) => {
      if (errText.length < 200_000) errText += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      resolvePromise({ code, signal, seconds, lines, outBytes, errText });
    });
  });
}

/** One timed run of `parallax extract CORPUS --jsonl` as a whole process. */
async function runParallax(pin, method, scratch, run) {
  const rssFile = join(scratch, `parallax-${run}.rss`);
  const env = { ...process.env };
  let argv;
  if (method === 'time') {
    argv = [...pin, '/usr/bin/time', '-f', '%M %U %S', '-o', rssFile, process.execPath, BIN, 'extract', CORPUS_DIR, '--jsonl'];
  } else {
    env.BENCH_MAXRSS_FILE = rssFile;
    const preload = pathToFileURL(join(ROOT, 'scripts', 'bench-extract-maxrss.mjs')).href;
    argv = [...pin, process.execPath, '--import', preload, BIN, 'extract', CORPUS_DIR, '--jsonl'];
  }
  const r = await runCounted(argv, env);
  // "maxRSS user system" on the last line (time prints "Command exited…" lines above it on failure).
  let maxRssKiB = null;
  let cpuSeconds = null;
  if (existsSync(rssFile)) {
    const m = /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(await readFile(rssFile, 'utf8'));
    if (m) {
      maxRssKiB = Number(m[1]);
      cpuSeconds = Number(m[2]) + Number(m[3]);
    }
  }
  const failures = r.errText.split('\n').filter((l) => l.startsWith('parallax extract:'));
  return { ...r, maxRssKiB, cpuSeconds, failures };
}

async function measureParallax(corpus, pin, method, scratch) {
  if (!existsSync(BIN)) throw new Error(`Parallax entry not found: ${BIN} (run npm run build, or set PARALLAX_BIN)`);
  const runs = [];
  for (let i = 1; i <= RUNS; i++) {
    const r = await runParallax(pin, method, scratch, i);
    // 0: all reports extracted; 1 with refusals on stderr: some inputs refused. Anything else (an
    // uncaught error also exits with 1, but names no refused input) is a crash.
    const refusedOnly = r.code === 1 && r.failures.length > 0;
    if ((r.code !== 0 && !refusedOnly) || r.lines === 0) {
      const tail = r.errText.trim().split('\n').slice(-15).join('\n');
      throw new Error(`parallax extract failed on run ${i} (exit ${r.code ?? r.signal}, ${r.lines} reports out):\n${tail}`);
    }
    process.stderr.write(
      `  parallax run ${i}/${RUNS}: ${r.seconds.toFixed(3)} s wall, ` +
        `${r.cpuSeconds === null ? '?' : r.cpuSeconds.toFixed(3)} s CPU, ${r.lines} reports out` +
        `${r.failures.length ? `, ${r.failures.length} inputs refused` : ''}\n`,
    );
    runs.push(r);
  }
  const seconds = median(runs.map((r) => r.seconds));
  const reports = runs[runs.length - 1].lines;
  const refused = runs[runs.length - 1].failures;
  const rss = runs.map((r) => r.maxRssKiB).filter((x) => x !== null);
  const cpu = runs.map((r) => r.cpuSeconds).filter((x) => x !== null);
  const cpuSeconds = cpu.length ? median(cpu) : null;
  return {
    tool: 'parallax',
    command: `node ${relative(BIN)} extract ${relative(CORPUS_DIR)} --jsonl`,
    seconds,
    times: runs.map((r) => r.seconds),
    cpuSeconds,
    cpuTimes: cpu,
    reports,
    refusedInputs: refused.length,
    refusedExamples: [...new Set(refused.map((l) => l.replace(/^.*?: [^:]*\/\d+_/, '')))].slice(0, 5),
    outputBytes: runs[runs.length - 1].outBytes,
    fileBytes: corpus.fileBytes,
    textBytes: corpus.textBytes,
    mbPerSecond: corpus.fileBytes / 1e6 / seconds,
    textMbPerSecond: corpus.textBytes / 1e6 / seconds,
    cpuMbPerSecond: cpuSeconds ? corpus.fileBytes / 1e6 / cpuSeconds : null,
    reportsPerSecond: reports / seconds,
    inputsPerSecond: corpus.files / seconds,
    maxRssMiB: rss.length ? Math.max(...rss) / 1024 : null,
    rssMethod: method,
    processStartIncluded: true,
  };
}

/**
 * Splits a Parallax run into start-up (a process that extracts one tiny report), steady state (the
 * last of three passes over the corpus in one process) and, as the rest, JIT warm-up.
 */
async function measureBreakdown(pin, scratch, totalSeconds) {
  const tiny = join(scratch, 'tiny.txt');
  await writeFile(tiny, 'Seoul said 3,000 troops had left.\n');
  const starts = [];
  for (let i = 0; i < 5; i++) {
    const r = await runCounted([...pin, process.execPath, BIN, 'extract', tiny, '--jsonl'], process.env);
    if (r.code !== 0) throw new Error(`parallax extract of one tiny report failed (exit ${r.code ?? r.signal})`);
    starts.push(r.seconds);
  }
  const steadyArgv = [...pin, process.execPath, join(ROOT, 'scripts', 'bench-extract-steady.mjs'), CORPUS_DIR, '3'];
  const r = spawnSync(steadyArgv[0], steadyArgv.slice(1), { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`steady-state pass failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const passes = JSON.parse(r.stdout.trim().split('\n').pop()).seconds;
  const startUp = median(starts);
  const steady = passes[passes.length - 1];
  return { startUpSeconds: startUp, steadySeconds: steady, passSeconds: passes, warmUpSeconds: totalSeconds - startUp - steady };
}

async function runReference(tool, pin) {
  // The child prints one JSON line with its own timings and peak RSS.
  const argv = [...pin, process.execPath, join(ROOT, 'scripts', 'bench-extract-reference.mjs'), tool, CORPUS_DIR];
  return new Promise((resolvePromise) => {
    const child = spawn(argv[0], argv.slice(1), {
      cwd: ROOT,
      env: { ...process.env, BENCH_RUNS: String(RUNS) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', (e) => resolvePromise({ tool, error: e.message }));
    child.on('close', (code) => {
      if (code !== 0) {
        resolvePromise({ tool, error: err.trim().split('\n').slice(0, 5).join(' ') || `exit ${code}` });
        return;
      }
      try {
        const j = JSON.parse(out.trim().split('\n').pop());
        resolvePromise({
          tool,
          error: null,
          seconds: j.seconds,
          times: j.times,
          cpuSeconds: j.cpuSeconds,
          reports: j.reports,
          copiesMeasured: j.copiesMeasured,
          copiesTotal: j.copiesTotal,
          fileBytes: j.fileBytes,
          textBytes: j.textBytes,
          mbPerSecond: j.fileBytes / 1e6 / j.seconds,
          textMbPerSecond: j.textBytes / 1e6 / j.seconds,
          cpuMbPerSecond: j.fileBytes / 1e6 / j.cpuSeconds,
          reportsPerSecond: j.reports / j.seconds,
          maxRssMiB: j.maxRssKiB / 1024,
          processStartIncluded: false,
          scaled: j.copiesMeasured < j.copiesTotal,
        });
      } catch (e) {
        resolvePromise({ tool, error: `unreadable output: ${e.message}` });
      }
    });
  });
}

function relative(p) {
  return relativePath(ROOT, p) || '.';
}

function fmt(n, digits = 2) {
  if (n === null || n === undefined || !Number.isFinite(n)) return 'n/a';
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(digits);
}

function printTable(rows) {
  const header = ['tool', 'MB/s', 'reports/s', 'peak RSS (MiB)', 'measured on'];
  const body = rows.map((r) =>
    r.error
      ? [r.label, 'n/a', 'n/a', 'n/a', `error: ${r.error}`]
      : [r.label, fmt(r.mbPerSecond), fmt(r.reportsPerSecond, 1), fmt(r.maxRssMiB, 1), r.note],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === 4 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of body) console.log(line(row));
}

async function main() {
  await mkdir(OUT_DIR, { recursive: true });
  const scratch = await mkdtemp(join(tmpdir(), 'parallax-bench-'));
  try {
    process.stderr.write(`bench:extract: building the bench corpus (${COPIES} copies of ${relative(DEV)})\n`);
    const corpus = await buildCorpus();
    const pin = pinPrefix();
    const loadBefore = loadavg()[0];
    const method = await rssMethod(scratch);
    process.stderr.write(
      `bench:extract: ${corpus.files} files, ${(corpus.fileBytes / 1e6).toFixed(2)} MB; ` +
        `${pin.length ? 'pinned to core 0 (taskset)' : 'not pinned'}; peak RSS via ${method === 'time' ? '/usr/bin/time' : 'preload'}\n`,
    );

    const parallax = await measureParallax(corpus, pin, method, scratch);
    process.stderr.write('bench:extract: where the time goes (start-up, steady state)\n');
    const breakdown = await measureBreakdown(pin, scratch, parallax.seconds);
    process.stderr.write('bench:extract: compromise (in-process)\n');
    const compromise = await runReference('compromise', pin);
    process.stderr.write('bench:extract: wink-nlp (in-process)\n');
    const wink = await runReference('wink', pin);

    const refNote = (r) =>
      r.error ? '' : r.scaled ? `first ${r.copiesMeasured} of ${r.copiesTotal} copies, scaled` : `all ${r.copiesTotal} copies`;
    console.log('');
    console.log(`Bench corpus: ${relative(DEV)} × ${corpus.copies} = ${corpus.files} reports, ` +
      `${(corpus.fileBytes / 1e6).toFixed(2)} MB of files (${corpus.htmlPerCopy * corpus.copies} HTML), ` +
      `${(corpus.textBytes / 1e6).toFixed(2)} MB of visible text. Median of ${RUNS} runs, one core.`);
    console.log('');
    printTable([
      { ...parallax, label: 'parallax extract --jsonl', note: `whole process, all ${corpus.copies} copies` },
      { ...compromise, label: 'compromise (people/places/orgs/numbers)', note: refNote(compromise) },
      { ...wink, label: 'wink-nlp + eng-lite-web-model', note: refNote(wink) },
    ]);
    console.log('');
    console.log('MB/s counts input file bytes (an HTML page counts whole, markup included) for every tool.');
    console.log('Parallax is timed as a whole process: Node start, module loading, reading files, HTML');
    console.log('parsing and writing JSONL are all included. The references are timed in-process only:');
    console.log('library already loaded and warmed on one copy, texts already in memory, HTML already');
    console.log('reduced to text; their peak RSS is that of their own process (library + texts).');
    if (parallax.refusedInputs > 0) {
      console.log(`WARNING: Parallax refused ${parallax.refusedInputs} inputs per run ` +
        `(e.g. ${parallax.refusedExamples.join('; ')}); their bytes still count in MB/s.`);
    }
    if (parallax.reports !== corpus.files) {
      console.log(`NOTE: ${parallax.reports} reports written for ${corpus.files} input files.`);
    }

    if (!compromise.error || !wink.error) {
      const cpuView = [parallax, compromise, wink]
        .filter((r) => !r.error)
        .map((r) => `${r.tool} ${fmt(r.cpuMbPerSecond)}`)
        .join(', ');
      console.log(`By CPU time (user + system) instead of wall time, MB/s: ${cpuView}.`);
    }
    const cores = cpus().length;
    const loadAfter = loadavg()[0];
    if (Math.max(loadBefore, loadAfter) > cores * 0.5) {
      console.log(`WARNING: the machine was busy (load average ${loadBefore.toFixed(1)} before, ` +
        `${loadAfter.toFixed(1)} after, ${cores} cores): wall-clock figures are pessimistic and noisy.`);
    }

    const ratio = compromise.error ? null : parallax.mbPerSecond / compromise.mbPerSecond;
    const floors = {
      mbPerSecond: { floor: FLOOR_MBPS, value: parallax.mbPerSecond, pass: parallax.mbPerSecond >= FLOOR_MBPS },
      ratioToCompromise: { floor: FLOOR_RATIO, value: ratio, pass: ratio !== null && ratio >= FLOOR_RATIO },
    };
    console.log('');
    console.log(`Parallax / compromise: ${fmt(ratio, 1)}×` +
      (wink.error ? '' : `   (Parallax / wink-nlp: ${fmt(parallax.mbPerSecond / wink.mbPerSecond, 2)}×)`));
    console.log(`Floor ≥ ${FLOOR_RATIO}× compromise: ${floors.ratioToCompromise.pass ? 'PASS' : 'FAIL'} (${fmt(ratio, 1)}×)`);
    console.log(`Floor ≥ ${FLOOR_MBPS} MB/s:         ${floors.mbPerSecond.pass ? 'PASS' : 'FAIL'} (${fmt(parallax.mbPerSecond)} MB/s)`);
    if (parallax.refusedInputs > 0) {
      console.log('(provisional: some inputs were refused rather than extracted; see the warning above)');
    }
    const share = (s) => `${s.toFixed(2).padStart(5)} s  ${((100 * s) / parallax.seconds).toFixed(0).padStart(3)}%`;
    console.log('');
    console.log(`Where the ${parallax.seconds.toFixed(2)} s of a Parallax run go (${FLOOR_MBPS} MB/s allows ${(corpus.fileBytes / 1e6 / FLOOR_MBPS).toFixed(2)} s):`);
    console.log(`  start-up: Node, modules, tables (a run on one tiny report)    ${share(breakdown.startUpSeconds)}`);
    console.log(`  steady state: the corpus again once the JIT is warm (3rd pass) ${share(breakdown.steadySeconds)}`);
    console.log(`  warm-up: JIT compiling, code not yet optimised (the rest)      ${share(breakdown.warmUpSeconds)}`);
    console.log(`  (in-process passes: ${breakdown.passSeconds.map((x) => x.toFixed(2)).join(' s, ')} s)`);

    const result = {
      date: new Date().toISOString(),
      node: process.version,
      pinnedToOneCore: pin.length > 0,
      pinnedCore: pin.length ? pin[2] : null,
      loadAverage: { before: loadBefore, after: loadavg()[0], cores: cpus().length },
      units: { mb: '10^6 bytes of input files (HTML whole)', rss: 'MiB (2^20 bytes)' },
      corpus,
      runs: RUNS,
      parallax: { ...parallax, bin: relative(BIN), breakdown },
      compromise,
      wink,
      floors,
    };
    const jsonPath = join(OUT_DIR, 'bench-extract.json');
    await writeFile(jsonPath, JSON.stringify(result, null, 2) + '\n');
    console.log(`\nFigures written to ${relative(jsonPath)}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench:extract: ${e?.message ?? e}\n`);
  process.exitCode = 1;
});
