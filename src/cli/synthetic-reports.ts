/**
 * Synthetic reports for the ingest test and benchmark: varied sentences of our own with numbers,
 * people, places and times, deterministic from a seed. A share of them are syndicated copies
 * (the same body under another outlet's header and footer) as real collections have.
 */
const SPEAKERS = [
  "Ukraine's defence intelligence directorate",
  "South Korea's National Intelligence Service",
  'a Pentagon spokesperson',
  'General Oleksandr Syrskyi',
  'Defence Minister Shin Won-sik',
  'analysts at a Seoul research institute',
  'the Japanese defence ministry',
  'Lieutenant General Kim Myung-soo',
  'a NATO official who asked not to be named',
  'Kyiv-based monitors',
];
const VERBS = ['said', 'estimated', 'reported', 'told reporters', 'wrote in a briefing', 'assessed'];
const THINGS = [
  'North Korean soldiers',
  'artillery shells',
  'KN-23 ballistic missiles',
  'Koksan self-propelled guns',
  'multiple rocket launchers',
  'shipping containers of munitions',
  'military engineers',
  'wounded troops',
  'railway wagons of ammunition',
  'drones',
];
const PLACES = ['the Kursk region', 'Donetsk', 'Kharkiv', 'the port of Vladivostok', 'Rason', 'Zaporizhzhia', 'Belgorod', 'the Far East'];
const TIMES = ['in October', 'since August', 'last week', 'by the end of the year', 'over the summer', 'in the past month', 'this spring', 'on Tuesday'];
const QUALIFIED = [
  (n: number) => `about ${fmt(n)}`,
  (n: number) => `more than ${fmt(n)}`,
  (n: number) => `up to ${fmt(n)}`,
  (n: number) => `${fmt(n)} to ${fmt(Math.round(n * 1.4))}`,
  (n: number) => `roughly ${fmt(n)}`,
  (n: number) => fmt(n),
];
const FILLERS = [
  'The claim could not be independently verified.',
  'Moscow and Pyongyang have denied any transfer of weapons.',
  'Officials in Seoul have called the cooperation a direct threat to the peninsula.',
  'Satellite images showed new activity at a rail terminal near the border.',
  'The figures are broadly in line with earlier Western estimates.',
  'Neither government responded to requests for comment.',
  'Lawmakers were briefed behind closed doors.',
  'Some of the munitions were said to be of poor quality.',
];
const OUTLETS = ['Korea Wire', 'Eastern Front Daily', 'Harbour Times', 'Capital Ledger', 'Steppe Review', 'Morning Brief'];

const fmt = (n: number) => n.toLocaleString('en-US');

/** A small deterministic PRNG (mulberry32): the same seed gives the same reports (benches use it too). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticReport {
  name: string;
  text: string;
}

/** `count` plain-text reports; every `copyEvery`-th is a syndicated copy of an earlier one (0: none). */
export function syntheticReports(count: number, options: { seed?: number; copyEvery?: number } = {}): SyntheticReport[] {
  const rnd = mulberry32(options.seed ?? 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const bodies: string[] = [];
  const out: SyntheticReport[] = [];
  for (let i = 0; i < count; i++) {
    const outlet = pick(OUTLETS);
    const copyEvery = options.copyEvery ?? 0;
    let body: string;
    if (copyEvery > 0 && i % copyEvery === copyEvery - 1 && bodies.length > 0) {
      body = pick(bodies);
    } else {
      const sentences: string[] = [];
      const n = 5 + Math.floor(rnd() * 8);
      for (let s = 0; s < n; s++) {
        if (rnd() < 0.3) sentences.push(pick(FILLERS));
        else {
          const amount = pick(QUALIFIED)(Math.round(10 ** (1 + rnd() * 5)));
          sentences.push(
            `${cap(pick(SPEAKERS))} ${pick(VERBS)} that ${amount} ${pick(THINGS)} had been moved to ${pick(PLACES)} ${pick(TIMES)}.`,
          );
        }
      }
      // The report number makes every original distinct, as real reports are.
      sentences.push(`Dispatch ${i + 1} of the series, filed from ${pick(PLACES)}.`);
      body = sentences.join(' ');
      bodies.push(body);
    }
    out.push({
      name: `report-${String(i + 1).padStart(5, '0')}.txt`,
      text: `${outlet} — report ${i + 1}\n\n${body}\n\n© ${outlet}. All rights reserved.\n`,
    });
  }
  return out;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
