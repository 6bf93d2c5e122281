#!/usr/bin/env node
// Steady-state cost of attribution's per-sentence analysis, split: the trigger-word test (mayHaveCues), attribution's
// tokenizer, the cue grammar (findCues), and, over the same sentences, the entities stage's word table (Tokens.read),
// the one a shared per-sentence tokenization would start from. Sentences: every sentence of the corpus that
// mayHaveCues passes (attribution analyses the claims' sentences among them).
//   node scripts/bench-attribution-tokens.mjs [DIR] [--rounds N]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const dir = args.find((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--')) ?? '/work/bench-c20';
const rounds = Number(opt('--rounds', '30'));
const load = (p) => import(pathToFileURL(join(resolve('dist'), p)).href);
const { collectBytes } = await load('collect/index.js');
const { DEFAULT_STAGES } = await load('exploit/pipeline.js');
const { tokenize } = await load('exploit/attribution/tokens.js');
const { findCues, mayHaveCues } = await load('exploit/attribution/cues.js');
const { Tokens } = await load('exploit/entities/tokens.js');

const all = [];
for (const f of readdirSync(dir).filter((n) => /\.(txt|html?)$/i.test(n)).map((n) => join(dir, n))) {
  for (const d of collectBytes(f, readFileSync(f), { published: '2025-01-15' })) {
    const doc = { text: d.text, main: d.main, published: d.published, title: d.title, sentences: [], times: [], numbers: [], entities: [], claims: [], messages: [] };
    for (const s of DEFAULT_STAGES) s.run(doc);
    for (const s of doc.sentences) all.push([doc.text, s.start, s.end]);
  }
}
const passed = all.filter(([t, a, b]) => mayHaveCues(t, a, b));
const toks = passed.map(([t, a, b]) => tokenize(t, a, b));
const spans = passed.map(([, a, b]) => ({ start: a, end: b }));
const never = () => false;
const words = new Tokens();
let sink = 0;
const parts = {
  mayHaveCues: () => { for (const [t, a, b] of all) sink += mayHaveCues(t, a, b) ? 1 : 0; },
  tokenize: () => { for (const [t, a, b] of passed) sink += tokenize(t, a, b).length; },
  'entities Tokens.read': () => { for (const [t, a, b] of passed) sink += words.read(t, a, b, true).length; },
  findCues: () => { for (let k = 0; k < toks.length; k++) sink += findCues(toks[k], spans[k], never).length; },
};
const best = {};
for (let r = 0; r < rounds; r++) {
  for (const [name, run] of Object.entries(parts)) {
    const t0 = performance.now();
    run();
    const ms = performance.now() - t0;
    best[name] = Math.min(best[name] ?? Infinity, ms);
  }
}
const n = toks.reduce((a, t) => a + t.length, 0);
console.log(`${all.length} sentences, ${passed.length} pass mayHaveCues (${n} attribution tokens); best of ${rounds} rounds:`);
for (const [name, ms] of Object.entries(best)) console.log(`${name.padEnd(22)} ${ms.toFixed(2).padStart(8)} ms`);
if (sink < 0) console.log(sink);
