#!/usr/bin/env node
// Analysis benchmark: 100,000 synthetic claim records (many propositions, sources, syndicated
// copies, relayed speakers, growth and some contradictions) through `analyse`, then a re-analysis
// diffed for alerts. Prints the time, claims/s, propositions, conflicts and peak RSS.
// Target: under 10 s on one core. Not a test: figures only.
//   node scripts/bench-analyse.mjs [--claims N]               (compiled dist/, after `npm run build`)
//   ANALYSE_DIST=/tmp/analyse-dist node scripts/bench-analyse.mjs   (another compiled folder)
//   node --import tsx scripts/bench-analyse.mjs --src         (the TypeScript sources, while developing)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const fromSrc = args.includes('--src');
const n = Number(args[args.indexOf('--claims') + 1]) || 100_000;
const dist = process.env.ANALYSE_DIST ? pathToFileURL(resolve(process.env.ANALYSE_DIST) + '/').href : new URL('../dist/', import.meta.url).href;
const { analyse, diffAnalyses } = await import(fromSrc ? new URL('../src/analyse/index.ts', import.meta.url).href : new URL('analyse/index.js', dist).href);

const LIMIT_S = 10;

// A small deterministic generator (mulberry32), so every run analyses the same claims.
let seed = 2025;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];

const ACTORS = [
  ['north-korea', 'North Korea', 'North Korean'], ['russia', 'Russia', 'Russian'], ['ukraine', 'Ukraine', 'Ukrainian'],
  ['south-korea', 'South Korea', 'South Korean'], ['china', 'China', 'Chinese'], ['iran', 'Iran', 'Iranian'],
  ['belarus', 'Belarus', 'Belarusian'], ['united-states', 'United States', 'American'],
];
// Countries with parts of them: a claim about a part gives a fixed share of the whole's figure.
const COUNTRIES = [
  ['Russia', ['Kursk', 'Belgorod', 'Sudzha', 'Primorsky Krai']], ['Ukraine', ['Donetsk', 'Pokrovsk', 'Kharkiv', 'Zaporizhzhia', 'Crimea']],
  ['North Korea', ['Wonsan']], ['China', []], ['Belarus', []],
];
// Measures with the words reports use for them; rates given per one of several periods.
const MEASURES = [
  { units: ['troops', 'soldiers', 'personnel', 'servicemen'], base: 10_000, pers: [null] },
  { units: ['shells', 'rounds', 'munitions'], base: 12_000, pers: ['day', 'week', 'month'] },
  { units: ['missiles'], base: 150, pers: [null] }, { units: ['drones'], base: 60, pers: ['day', 'week'] },
  { units: ['killed', 'dead'], base: 2_000, pers: [null] }, { units: ['wounded', 'injured'], base: 4_000, pers: [null] },
  { units: ['containers'], base: 20_000, pers: [null] }, { units: ['workers', 'labourers'], base: 15_000, pers: [null] },
  { units: ['engineers'], base: 5_000, pers: [null] },
];
const PERIOD = { day: 1, week: 7, month: 30.4375 };
const OUTLETS = Array.from({ length: 400 }, (_, i) => `Outlet ${i}`);
const SPEAKERS = Array.from({ length: 250 }, (_, i) => `Agency ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`);
const DAY0 = Date.UTC(2023, 0, 1);
const roundTo2 = (v) => {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 1);
  return Math.round(v / unit) * unit;
};
const iso = (d) => new Date(DAY0 + d * 86_400_000).toISOString().slice(0, 10);

function generate(count) {
  const records = [];
  // Topics: (actor, measure, country) with a trend; one very popular so its proposition gets ~10,000 claims.
  const topics = [];
  for (const a of ACTORS) for (const m of MEASURES) for (const c of COUNTRIES) topics.push({ a, m, c, base: m.base * (0.3 + rnd()), growth: rnd() * 0.004, part: 0.2 + rnd() * 0.3 });
  let report = 0;
  let made = 0;
  const originals = [];
  while (made < count) {
    report++;
    const published = Math.floor(rnd() * 730);
    const copyOf = originals.length > 0 && rnd() < 0.2 ? pick(originals) : null;
    const outlet = pick(OUTLETS);
    const claims = copyOf ? copyOf.claims : [];
    if (!copyOf) {
      const k = 1 + Math.floor(rnd() * 8);
      for (let i = 0; i < k; i++) {
        const t = rnd() < 0.1 ? topics[0] : pick(topics);
        const [slug, name, demonym] = t.a;
        const unit = pick(t.m.units);
        const per = pick(t.m.pers);
        const [country, parts] = t.c;
        const onPart = parts.length > 0 && rnd() < 0.4;
        const pname = onPart ? pick(parts) : country;
        const day = published - Math.floor(rnd() * 3);
        // Reports round: two significant digits, so figures step up as the trend grows.
        let value = roundTo2(t.base * (1 + t.growth * day) * (onPart ? t.part : 1) * (per ? PERIOD[per] : 1));
        if (rnd() < 0.03) value = roundTo2(value * (rnd() < 0.5 ? 0.25 : 4)); // an outlier: a contradiction
        const q = rnd();
        const qualifier = q < 0.6 ? 'exact' : q < 0.8 ? 'approximate' : q < 0.9 ? 'at_most' : 'at_least';
        const speaker = rnd() < 0.4 ? pick(SPEAKERS) : null;
        const number = value.toLocaleString('en-US');
        const sentenceText = `${speaker ? `${speaker} said that ` : ''}${qualifier === 'approximate' ? 'about ' : ''}${number} ${demonym} ${unit}${per ? ` a ${per}` : ''} were reported in ${pname} as of ${iso(day)}, in a statement on the situation.`;
        claims.push({
          value: { low: value, high: value }, unit, counted: `${demonym} ${unit}`, per, qualifier, vague: rnd() < 0.02,
          attributedTo: speaker, speakerKey: speaker ? `org:${speaker.toLowerCase().replace(/\s+/g, '-')}` : null,
          location: rnd() < 0.8 ? pname : null, time: rnd() < 0.5 ? { start: iso(day), end: iso(day) } : null,
          sentenceText, numberAt: sentenceText.indexOf(number),
          entities: [
            { key: `loc:${slug}`, type: 'location', name },
            { key: `loc:${pname.toLowerCase().replace(/\s+/g, '-')}`, type: 'location', name: pname },
            ...(speaker ? [{ key: `org:${speaker.toLowerCase().replace(/\s+/g, '-')}`, type: 'organization', name: speaker }] : []),
          ],
        });
      }
      originals.push({ id: `r${report}`, claims });
      if (originals.length > 5000) originals.shift();
    }
    for (let i = 0; i < claims.length && made < count; i++, made++) {
      records.push({
        ...claims[i],
        id: `c${made}`,
        reportId: `r${report}`,
        published: iso(published + (copyOf ? 1 : 0)),
        source: outlet,
        originalReportId: copyOf ? copyOf.id : null,
      });
    }
  }
  return records;
}

let t = performance.now();
const records = generate(n);
const genMs = performance.now() - t;

t = performance.now();
const first = analyse(records.slice(0, Math.floor(n * 0.95)));
const partMs = performance.now() - t;

t = performance.now();
const cpu0 = process.cpuUsage();
const result = analyse(records, { reliability: { 'outlet:outlet 1': 'B', 'speaker:org:agency-a0': 'A' } });
const ms = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;

t = performance.now();
const alerts = diffAnalyses(first, result);
const diffMs = performance.now() - t;

const biggest = result.propositions[0];
const graded = new Map();
for (const p of result.propositions) for (const s of p.series) graded.set(s.credibility, (graded.get(s.credibility) ?? 0) + 1);
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`claims            ${records.length.toLocaleString('en-US')} (generated in ${genMs.toFixed(0)} ms)`);
console.log(`analyse           ${ms.toFixed(0)} ms  (${Math.round(records.length / (ms / 1000)).toLocaleString('en-US')} claims/s; CPU ${cpuMs.toFixed(0)} ms incl. GC; limit ${LIMIT_S} s)`);
console.log(`propositions      ${result.propositions.length.toLocaleString('en-US')} (largest: ${biggest?.series.length.toLocaleString('en-US')} claims, "${biggest?.label}")`);
console.log(`sources           ${result.sources.length.toLocaleString('en-US')} independent`);
console.log(`conflicts         ${result.conflicts.length.toLocaleString('en-US')}`);
console.log(`credibility       ${[1, 2, 3, 4, 5, 6].map((g) => `${g}: ${(graded.get(g) ?? 0).toLocaleString('en-US')}`).join('  ')}`);
console.log(`re-analysis diff  ${alerts.length.toLocaleString('en-US')} alerts in ${diffMs.toFixed(0)} ms (95 % of the claims analysed in ${partMs.toFixed(0)} ms before)`);
console.log(`peak RSS          ${rssMb.toFixed(0)} MB`);
if (ms / 1000 > LIMIT_S) {
  console.error(`bench-analyse: ${(ms / 1000).toFixed(1)} s is over the ${LIMIT_S} s limit`);
  process.exitCode = 1;
}
