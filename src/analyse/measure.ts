/**
 * What a claim measures, in canonical form, so that "troops", "soldiers" and "personnel" group
 * together while "killed" and "wounded" stay apart. Small, general lexicons; unknown nouns keep
 * their own (singular, lower-case) name, so they still group with themselves.
 */

export type MeasureKind = 'count' | 'money' | 'share';

export interface Measure {
  /** Part of the proposition key: `personnel`, `shells`, `killed+added`, `money:USD`, `share:shells`. */
  key: string;
  kind: MeasureKind;
  /** What is counted, canonical (`personnel`), or the currency code, or the base of a share. */
  base: string;
  currency: string | null;
  /** "another 25,000 troops": an increment, not a standing total. */
  increment: boolean;
}

const COUNT_CLASSES: ReadonlyArray<readonly [string, string]> = [
  ['personnel', 'troop soldier personnel force servicemen serviceman servicemember service-member military-personnel combat-troops infantry infantryman fighter commando reinforcement mercenary'],
  ['shells', 'shell round munition ammunition ammo projectile artillery-shell artillery-round shell-round'],
  ['missiles', 'missile ballistic-missile'],
  ['rockets', 'rocket'],
  ['drones', 'drone uav'],
  ['containers', 'container shipping-container'],
  ['casualties', 'casualty loss'],
  ['killed', 'killed dead death fatality kill'],
  ['wounded', 'wounded injured injury'],
  ['captured', 'captured prisoner pow captive'],
  ['workers', 'worker labourer laborer'],
  ['people', 'people person individual'],
];

/**
 * Nationals counted in war reporting are people sent or lost ("11,000 North Koreans in Kursk"):
 * they count as personnel, so they group with "troops"; the nationality is the subject.
 */
const DEMONYM_NOUNS = 'korean north-korean south-korean russian ukrainian american chinese iranian belarusian';

/** Singular lower-case noun (or hyphen-joined phrase) → canonical class. */
const CLASS_OF = new Map<string, string>();
for (const [cls, words] of COUNT_CLASSES) for (const w of words.split(' ')) CLASS_OF.set(w, cls);
/** Only as the head noun: "North Korean engineers" are engineers, "North Koreans" personnel. */
const DEMONYM_HEADS = new Set(DEMONYM_NOUNS.split(' '));

/** Words in the counted phrase that change what is counted ("troops killed" counts the dead). */
export const OUTCOME_CLASSES: ReadonlySet<string> = new Set(['killed', 'wounded', 'casualties', 'captured']);

/** Words marking an increment ("25,000 more troops", "an additional 3,000"). */
const INCREMENT_WORDS = new Set(['more', 'additional', 'extra', 'further', 'fresh', 'another', 'reinforcement', 'reinforcements']);
const INCREMENT_BEFORE = /\b(?:another|additional|an?\s+(?:additional|further|extra)|further)\s*$/i;

const PERCENT_UNITS = new Set(['%', 'percent', 'per cent', 'pct']);

/** "shells" → "shell", "casualties" → "casualty", "forces" → "force"; leaves "personnel", "ammunition". */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3 || !w.endsWith('s') || w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (/(?:ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** The canonical class of a noun or short phrase, or null when the lexicon does not know it. */
export function countClass(phrase: string): string | null {
  const words = phrase.toLowerCase().split(/[^a-z-]+/).filter(Boolean).map(singular);
  if (words.length === 0) return null;
  const joined = words.join('-');
  const head = words[words.length - 1]!;
  return CLASS_OF.get(joined) ?? CLASS_OF.get(head) ?? (DEMONYM_HEADS.has(head) ? 'personnel' : null);
}

const WORD = /[A-Za-z][A-Za-z-]*/g;

/** Canonical classes named in a phrase, in order ("North Korean troops killed" → personnel, killed). */
function classesIn(phrase: string): string[] {
  const out: string[] = [];
  for (const m of phrase.matchAll(WORD)) {
    const c = CLASS_OF.get(singular(m[0]));
    if (c) out.push(c);
  }
  return out;
}

export interface MeasureInput {
  unit: string;
  counted: string | null;
  sentenceText: string;
  numberAt: number;
}

/** Measures by unit and counted phrase: the same few hundred pairs recur across a store. */
const measureCache = new Map<string, Measure>();
const incrementOf = new Map<Measure, Measure>();

export function measureOf(c: MeasureInput): Measure {
  const key = `${c.unit}\u0000${c.counted ?? ''}`;
  let m = measureCache.get(key);
  if (m === undefined) {
    m = measureOfPhrase(c.unit, c.counted);
    if (measureCache.size < 50_000) measureCache.set(key, m);
  }
  if (m.kind === 'money') return withMoneyKind(m, c);
  if (m.kind !== 'count') return m;
  const outcome = outcomeAround(c);
  if (outcome !== null && outcome !== m.base) m = withBase(m, outcome);
  if (m.increment || c.numberAt <= 0) return m;
  if (!INCREMENT_BEFORE.test(c.sentenceText.slice(Math.max(0, c.numberAt - 24), c.numberAt))) return m;
  let inc = incrementOf.get(m);
  if (inc === undefined) incrementOf.set(m, (inc = { ...m, key: `${m.base}+added`, increment: true }));
  return inc;
}

/**
 * What an amount of money is: a budget is not revenue, and aid is neither, though all are "USD".
 * The nearest such word around the number decides; none leaves the currency alone.
 */
const MONEY_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['revenue', 'revenue revenues income earnings earned earn earns earning paid pay pays payment payments proceeds profit profits sales sold exports export worth'],
  ['budget', 'budget budgets spending spend spends spent expenditure expenditures'],
  ['aid', 'aid assistance package loan loans credit grant grants'],
  ['cost', 'cost costs damage damages losses'],
];
const MONEY_KIND_OF = new Map<string, string>();
for (const [kind, words] of MONEY_KINDS) for (const w of words.split(' ')) MONEY_KIND_OF.set(w, kind);

const withKind = new Map<string, Measure>();
function withMoneyKind(m: Measure, c: MeasureInput): Measure {
  if (c.numberAt < 0) return m;
  const text = c.sentenceText;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const w of text.slice(Math.max(0, c.numberAt - 80), c.numberAt + 80).matchAll(WORD)) {
    const kind = MONEY_KIND_OF.get(w[0].toLowerCase());
    if (kind === undefined) continue;
    const at = Math.max(0, c.numberAt - 80) + w.index!;
    const distance = Math.abs(at - c.numberAt);
    if (distance < bestDistance) [best, bestDistance] = [kind, distance];
  }
  if (best === null) return m;
  const key = `${m.key}:${best}`;
  let out = withKind.get(key);
  if (out === undefined) withKind.set(key, (out = { ...m, key }));
  return out;
}

/** Measures that differ from a cached one by their base only ("troops" that were killed). */
const rebased = new Map<string, Measure>();
function withBase(m: Measure, base: string): Measure {
  const key = `${base}${m.increment ? '+added' : ''}`;
  let out = rebased.get(key);
  if (out === undefined) rebased.set(key, (out = { ...m, key, base }));
  return out;
}

const OUTCOME_WORD: Readonly<Record<string, string>> = {
  killed: 'killed', dead: 'killed', died: 'killed', wounded: 'wounded', injured: 'wounded', captured: 'captured',
};
/** "… soldiers have been killed", "… had been killed or wounded", "… are dead": right after the noun. */
const OUTCOME_AFTER =
  /^\s*(?:(?:have|has|had|were|was|are|is|been|being|reportedly|now|already|also)\s+)*(killed|dead|died|wounded|injured|captured)\b(?:\s+(?:or|and)\s+(killed|wounded|injured))?/i;
/** The words of a number expression ("around six hundred", "some 3,000"), to read on after it. */
const NUMBER_WORDS =
  /^(?:(?:about|around|some|roughly|nearly|almost|over|more than|at least|up to|an estimated|approximately|[\d.,]*\d|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|a|and|dozens?)(?:\s+|(?=[^\w])))+/i;
/** "captured two wounded soldiers", "killed some 300 troops": the verb before the number. */
const OUTCOME_BEFORE = /\b(killed|captured|wounded|injured)\s+(?:about|some|around|roughly|nearly|almost|at least|more than|over|up to|an estimated|only)?\s*$/i;

/**
 * Where the claim's unit word ends in its sentence ("8,000 North Korean *soldiers*"): -1 when the
 * unit is not written within a short noun phrase after the number (a unit carried over, say).
 */
export function unitEndAfter(sentenceText: string, unit: string, numberAt: number): number {
  if (unit === '' || numberAt < 0) return -1;
  const at = sentenceText.indexOf(unit, numberAt);
  return at < 0 || at - numberAt > NOUN_PHRASE_REACH ? -1 : at + unit.length;
}

/** How far after the number its unit word may stand and still head the same noun phrase. */
const NOUN_PHRASE_REACH = 60;

/** The outcome a sentence gives the counted people: killed, wounded, captured, or both (casualties). */
function outcomeAround(c: MeasureInput): string | null {
  if (c.numberAt < 0) return null;
  const before = OUTCOME_BEFORE.exec(c.sentenceText.slice(Math.max(0, c.numberAt - 40), c.numberAt));
  if (before) return OUTCOME_WORD[before[1]!.toLowerCase()] ?? null;
  // Past the number and its unit: the unit word ends the noun phrase.
  const unitAt = c.unit === '' ? -1 : c.sentenceText.indexOf(c.unit, c.numberAt);
  if (unitAt - c.numberAt > NOUN_PHRASE_REACH) return null;
  // A unit carried over from an earlier sentence ("Of those, around 600 are dead"): read on
  // from the end of the number.
  const from = unitAt >= 0 ? unitAt + c.unit.length : c.numberAt + (NUMBER_WORDS.exec(c.sentenceText.slice(c.numberAt))?.[0].length ?? 0);
  const after = OUTCOME_AFTER.exec(c.sentenceText.slice(from, from + 80));
  if (!after) return null;
  const first = OUTCOME_WORD[after[1]!.toLowerCase()] ?? null;
  const second = after[2] === undefined ? null : OUTCOME_WORD[after[2].toLowerCase()] ?? null;
  return second !== null && second !== first ? 'casualties' : first;
}

function measureOfPhrase(rawUnit: string, rawCounted: string | null): Measure {
  const unit = rawUnit.trim();
  const counted = rawCounted ?? '';
  if (/^[A-Z]{3}$/.test(unit)) {
    return { key: `money:${unit}`, kind: 'money', base: unit, currency: unit, increment: false };
  }
  if (PERCENT_UNITS.has(unit.toLowerCase())) {
    const of = classesIn(counted)[0] ?? null;
    const base = of ?? 'unspecified';
    return { key: `share:${base}`, kind: 'share', base, currency: null, increment: false };
  }
  const named = classesIn(counted);
  // "killed or wounded": both outcomes together are casualties, not the first of them.
  const outcome = named.includes('killed') && named.includes('wounded') ? 'casualties' : named.find((n) => OUTCOME_CLASSES.has(n));
  let base = outcome ?? countClass(unit) ?? named[0] ?? (singular(unit) || 'unspecified');
  // The unit's own outcome wins ("soldiers" counted, "killed" unit), unless the phrase names both ("killed or wounded").
  if (outcome !== 'casualties' && OUTCOME_CLASSES.has(countClass(unit) ?? '')) base = countClass(unit)!;
  let increment = false;
  for (const m of `${counted} ${unit}`.matchAll(WORD)) if (INCREMENT_WORDS.has(m[0].toLowerCase())) increment = true;
  return { key: increment ? `${base}+added` : base, kind: 'count', base, currency: null, increment };
}

/** Length in days of the periods rates are given per. */
const PERIOD_DAYS = new Map<string, number>([
  ['hour', 1 / 24], ['day', 1], ['daily', 1], ['night', 1], ['week', 7], ['weekly', 7],
  ['month', 30.4375], ['monthly', 30.4375], ['quarter', 91.3125], ['year', 365.25], ['yearly', 365.25],
  ['annual', 365.25], ['annually', 365.25], ['annum', 365.25],
]);

export interface RateNorm {
  /** The per of the proposition key: canonical period, or the per as written when it is not a period. */
  per: string | null;
  /** Multiply the value by this to express it per `per`. */
  factor: number;
}

/**
 * Rates group by what they are per, converted to one period: counts per day, money per year
 * (300,000 shells a month = 9,856 a day). A per that is not a period ("per shell") stays as is.
 */
export function normaliseRate(per: string | null, kind: MeasureKind): RateNorm {
  if (per === null || per.trim() === '') return { per: null, factor: 1 };
  const p = singular(per.trim().replace(/^(?:a|an|per|every|each)\s+/i, ''));
  const days = PERIOD_DAYS.get(p);
  if (days === undefined) return { per: p, factor: 1 };
  const target = kind === 'money' ? 'year' : 'day';
  const targetDays = PERIOD_DAYS.get(target)!;
  return { per: target, factor: targetDays / days };
}

/** A currency rate an analyst gives: 1 `from` = `rate` `to`. Currencies are converted only with one. */
export interface CurrencyRate {
  from: string;
  to: string;
  rate: number;
  /** Where the rate comes from, shown with converted values. */
  note?: string;
}
