#!/usr/bin/env node
// Compare two snapshots written by scripts/quality-snapshot.mjs: which reports' score lines moved
// (DOWN first, then up), which outputs changed at all, and each set's summary before and after.
//
//   node scripts/quality-compare.mjs BEFORE AFTER
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: quality-compare.mjs BEFORE AFTER');
  process.exit(2);
}

// A score row: name, claims tp/fn/fp, unit ok/n, attribution tp/n, time ok/n, entities tp/fn/fp, main IoU.
const ROW = /^(\S+)\s+(\d+)\/(\d+)\/(\d+)\s+(\d+)\/(\d+)\s+(\d+)\/(\d+)\s+(\d+)\/(\d+)\s+(\d+)\/(\d+)\/(\d+)\s+([\d.]+)/;
const GOOD = [0, 3, 5, 7, 9, 12]; // claims tp, unit ok, attribution tp, time ok, entities tp, main IoU
const BAD = [1, 2, 10, 11]; // claims fn, fp, entities fn, fp

function rows(file) {
  const map = new Map();
  if (!existsSync(file)) return map;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = ROW.exec(line);
    if (m) map.set(m[1], m.slice(2).map(Number));
  }
  return map;
}

const down = [];
const up = [];
let differ = 0;
// Every set snapshot, scored or not (the samples have no gold, but their outputs are compared too).
const sets = readdirSync(after, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
for (const set of sets) {
  const scoreFile = `${set}.score.txt`;
  const a = rows(join(before, scoreFile));
  const b = rows(join(after, scoreFile));
  for (const [doc, now] of b) {
    const was = a.get(doc);
    if (!was) { up.push(`NEW  ${set}/${doc}`); continue; }
    const worse = GOOD.some((i) => now[i] < was[i]) || BAD.some((i) => now[i] > was[i]);
    const better = GOOD.some((i) => now[i] > was[i]) || BAD.some((i) => now[i] < was[i]);
    const line = `${set}/${doc}: ${was.join(' ')} -> ${now.join(' ')}`;
    if (worse) down.push(`DOWN ${line}`);
    else if (better) up.push(`up   ${line}`);
  }
  const outDir = join(after, set);
  if (existsSync(outDir)) {
    for (const name of readdirSync(outDir)) {
      const old = join(before, set, name);
      if (!existsSync(old) || readFileSync(old, 'utf8') !== readFileSync(join(outDir, name), 'utf8')) differ++;
    }
  }
  const last = (file) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').at(-1) : '(none)');
  if (!existsSync(join(after, scoreFile))) continue;
  console.log(`${set}\n  before ${last(join(before, scoreFile))}\n  after  ${last(join(after, scoreFile))}`);
}
for (const line of [...down, ...up]) console.log(line);
console.log(`${down.length} down, ${up.length} up, ${differ} outputs differ`);
