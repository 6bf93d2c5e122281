#!/usr/bin/env node
// Snapshot what the extractor says about every annotated report, so a change can be checked for
// what it moved (scripts/quality-compare.mjs) before anyone reads the scores.
//
//   node scripts/quality-snapshot.mjs OUT [SET_DIR...]
//
// SET_DIR defaults to ../shared/corpus/dev, test/heldout and samples. For each set it writes
// OUT/<set>/<name>.json (one `parallax extract --json` output per report, run as one process per
// publication date so start-up is not paid 500 times) and OUT/<set>.score.txt (the shared scorer's
// verbose report over those outputs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [out, ...given] = process.argv.slice(2);
if (!out) {
  console.error('usage: quality-snapshot.mjs OUT [SET_DIR...]');
  process.exit(2);
}
const scorer = resolve(root, '../shared/tools/score.mjs');
const sets = given.length ? given : [resolve(root, '../shared/corpus/dev'), join(root, 'test/heldout'), join(root, 'samples')];
const cli = join(root, 'bin/parallax.js');

for (const setDir of sets) {
  const setName = basename(resolve(setDir));
  const setOut = join(out, setName);
  mkdirSync(setOut, { recursive: true });
  const byDate = new Map();
  for (const name of readdirSync(setDir).filter((n) => /\.(txt|html?)$/i.test(n)).sort()) {
    // Reports without gold (the shipped samples) are still snapshot, dated by their file name.
    const goldPath = join(setDir, name.replace(/\.(txt|html?)$/i, '.gold.json'));
    const published = existsSync(goldPath)
      ? (JSON.parse(readFileSync(goldPath, 'utf8')).published ?? '')
      : (/^\d{4}-\d{2}-\d{2}/.exec(name)?.[0] ?? '');
    if (!byDate.has(published)) byDate.set(published, []);
    byDate.get(published).push(name);
  }
  for (const [published, names] of byDate) {
    const args = [cli, 'extract', ...names.map((n) => join(setDir, n)), '--jsonl'];
    if (published) args.push('--published', published);
    let lines = [];
    try {
      lines = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 }).split('\n').filter(Boolean);
    } catch (error) {
      lines = String(error.stdout ?? '').split('\n').filter(Boolean);
    }
    // A failed file prints no line, so the lines no longer pair with the names: run one by one.
    if (lines.length !== names.length) lines = names.map((n) => runOne(join(setDir, n), published));
    names.forEach((n, i) => writeFileSync(join(setOut, n.replace(/\.(txt|html?)$/i, '.json')), lines[i] + '\n'));
  }
  if (existsSync(scorer) && readdirSync(setDir).some((n) => n.endsWith('.gold.json'))) {
    let report;
    try {
      report = execFileSync(process.execPath, [scorer, '--corpus', setDir, '--pred', setOut, '--verbose'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    } catch (error) {
      report = String(error.stdout ?? '') + String(error.stderr ?? '');
    }
    writeFileSync(join(out, `${setName}.score.txt`), report);
    console.log(setName.padEnd(12), report.trim().split('\n').at(-1));
  }
}

function runOne(file, published) {
  const args = [cli, 'extract', file, '--json'];
  if (published) args.push('--published', published);
  try {
    return JSON.stringify(JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 })));
  } catch (error) {
    return JSON.stringify({ error: String(error.stderr ?? error.message).trim() });
  }
}
