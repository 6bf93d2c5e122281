import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { runParallax } from './io.fixture.js';

// `parallax extract` starts from its own entry, bundled into one file by `npm run build`. These
// tests check that the process (bin/parallax.js, bundle or not) says exactly what the in-process
// command says, for good inputs, a bad one and a missing one.
const fromSource = import.meta.url.endsWith('.ts');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'parallax.js');
const BUNDLE = join(ROOT, 'dist', 'extract.bundle.cjs');
const SAMPLES = join(ROOT, 'samples');

const dir = mkdtempSync(join(tmpdir(), 'parallax-extract-main-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function processRun(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('the extract process prints what the in-process command prints, samples and bad inputs alike', async () => {
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const args = ['extract', SAMPLES, empty, join(dir, 'missing.txt'), '--published', '2025-03-01', '--jsonl'];
  const inProcess = await runParallax(args);
  const child = processRun(args);
  assert.equal(child.code, 1);
  assert.equal(child.code, inProcess.code);
  assert.ok(child.out.split('\n').length > 12, 'every sample report is printed');
  assert.equal(child.out, inProcess.out);
  assert.equal(child.err, inProcess.err);
  assert.match(child.err, /empty\.txt/);
  assert.match(child.err, /missing\.txt/);
});

test('the extract process answers --help and usage errors like the other commands', async () => {
  for (const args of [['extract', '--help'], ['extract'], ['extract', '--nope', 'x.txt']]) {
    const inProcess = await runParallax(args);
    const child = processRun(args);
    assert.deepEqual({ code: child.code, out: child.out, err: child.err }, inProcess, args.join(' '));
  }
});

test('the build leaves a bundle of extract that is newer than the compiled modules', { skip: fromSource }, () => {
  assert.ok(existsSync(BUNDLE), 'npm run build writes dist/extract.bundle.cjs');
  const compiled = statSync(join(ROOT, 'dist', 'exploit', 'pipeline.js')).mtimeMs;
  assert.ok(statSync(BUNDLE).mtimeMs >= compiled, 'the bundle is fresh, so bin/parallax.js uses it');
});

test('the bundle prints the same with a code cache as without, and a cache V8 refuses is written anew', { skip: fromSource }, async () => {
  const copy = join(dir, 'cached', 'extract.bundle.cjs');
  mkdirSync(join(dir, 'cached'));
  copyFileSync(BUNDLE, copy);
  const report = join(SAMPLES, '2024-11-06-ledger-kursk-analysis.txt');
  const loader = new URL('./code-cache.js', import.meta.url).href;
  const run = () => {
    const script = `import { loadBundle } from ${JSON.stringify(loader)}; loadBundle(${JSON.stringify(copy)}, 1, []).runExtractCli(${JSON.stringify([report, '--json'])});`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const cacheFiles = () => readdirSync(join(dir, 'cached', 'extract-cache'));
  const expected = await runParallax(['extract', report, '--json']);
  assert.deepEqual(run(), expected, 'the first run, which writes the cache');
  assert.equal(cacheFiles().length, 1);
  const cache = join(dir, 'cached', 'extract-cache', cacheFiles()[0]!);
  assert.ok(statSync(cache).size > 100_000, 'the cache holds the bytecode of what the run compiled');
  assert.deepEqual(run(), expected, 'a run reading the cache');
  writeFileSync(cache, 'not a cache');
  assert.deepEqual(run(), expected, 'a run whose cache V8 refuses');
  assert.ok(statSync(cache).size > 100_000, 'the refused cache is replaced');
});

test('a folder is read for its reports only: gold files, READMEs and annotators\' notes beside them are skipped', async () => {
  const folder = join(dir, 'with-sidecars');
  mkdirSync(folder);
  writeFileSync(join(folder, 'r1.txt'), 'Officials said 300 engineers arrived in Kursk on Monday.\n');
  writeFileSync(join(folder, 'r1.gold.json'), '{}');
  writeFileSync(join(folder, 'README.md'), 'About 40 reports live here.\n');
  writeFileSync(join(folder, 'NOTES-r.md'), 'The writer invented 12 facts.\n');
  const r = await runParallax(['extract', folder, '--published', '2025-03-01', '--jsonl']);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.trim().split('\n').length, 1, r.out);
});

test('a folder\'s Markdown notes (.md, .markdown) are read as reports, dated by their front matter, their markup no claim', async () => {
  const folder = join(dir, 'with-markdown');
  mkdirSync(folder);
  writeFileSync(join(folder, 'n1.md'), '---\ntitle: Ferries\ndate: 2025-04-02\n---\n\n# Ferries\n\nThe port logged **14** ferries[^1] on the crossing.\n\n[^1]: Harbour log, sheet 3.\n');
  writeFileSync(join(folder, 'n2.markdown'), '# Cranes\n\nCrews unloaded _12_ cranes on Monday, says [the log](https://example.org/log#7).\n');
  const r = await runParallax(['extract', folder, '--jsonl']);
  assert.equal(r.code, 0, r.err);
  const out = r.out.trim().split('\n').map((l) => JSON.parse(l) as { document: { published: string | null }; claims: Array<{ value: { low: number }; unit: string }> });
  assert.equal(out.length, 2, r.out);
  assert.equal(out[0]!.document.published, '2025-04-02');
  assert.deepEqual(out.flatMap((o) => o.claims.map((c) => `${c.value.low} ${c.unit}`)).sort(), ['12 cranes', '14 ferries']);
});

test('a folder\'s subtitle files (.srt, .vtt) are read as reports, their cue numbers and timings as no claims', async () => {
  const folder = join(dir, 'with-subtitles');
  mkdirSync(folder);
  writeFileSync(join(folder, 'r1.txt'), 'Officials said 300 engineers arrived in Kursk on Monday.\n');
  writeFileSync(join(folder, 'clip.srt'), '1\n00:00:01,000 --> 00:00:03,500\nThe port authority said that 45\n\n2\n00:00:03,900 --> 00:00:06,000\ntankers were turned away.\n');
  writeFileSync(join(folder, 'clip.vtt'), 'WEBVTT\n\n00:01.000 --> 00:03.500\nCrews unloaded 12\n\n00:03.900 --> 00:06.000\ncranes on Monday.\n');
  const r = await runParallax(['extract', folder, '--published', '2025-03-01', '--jsonl']);
  assert.equal(r.code, 0, r.err);
  const out = r.out.trim().split('\n').map((l) => JSON.parse(l) as { claims: Array<{ value: { low: number }; unit: string }> });
  assert.equal(out.length, 3, r.out);
  const claims = out.flatMap((o) => o.claims.map((c) => `${c.value.low} ${c.unit}`)).sort();
  assert.deepEqual(claims, ['12 cranes', '300 engineers', '45 tankers']);
});
