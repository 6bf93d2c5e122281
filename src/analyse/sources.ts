import type { ClaimRecord } from './claim-record.js';
import { PLACE_BY_NAME, PLACES, normaliseName } from './places.js';

/**
 * Independent sources. A claim's source is whoever originated the statement, not whoever printed
 * it: the speaker when the report attributes it ("according to Ukraine's intelligence", relayed by
 * any number of outlets = one source), else the outlet of the original report when the report is
 * a syndicated copy or republication, else the report's own outlet.
 *
 * Anonymous attributions ("officials said", "sources") are qualified by the outlet: two outlets'
 * unnamed officials are two sources, one outlet's unnamed officials one.
 */
export interface SourceRef {
  /** Stable key analysts grade by: `speaker:<name or entity key>` or `outlet:<name>`. */
  key: string;
  /** Shown to analysts. */
  label: string;
  /** The outlet whose report this claim came through (after following copies to the original). */
  outlet: string;
}

const DEMONYM_TO_COUNTRY = new Map<string, string>([
  ['north korean', 'north korea'], ['south korean', 'south korea'], ['russian', 'russia'], ['ukrainian', 'ukraine'],
  ['american', 'united states'], ['u.s.', 'united states'], ['us', 'united states'], ['chinese', 'china'],
  ['japanese', 'japan'], ['british', 'united kingdom'], ['korean', 'korea'],
]);
const DEMONYM_RE = new RegExp(`\\b(?:${[...DEMONYM_TO_COUNTRY.keys()].map((k) => k.replace(/\./g, '\\.')).join('|')})(?![\\w])`, 'g');

/** Words of anonymous attributions: with nothing else in the name, the speaker is not identified. */
const GENERIC = new Set(
  ('a an the some several two three many other unnamed anonymous senior top high-ranking military intelligence government ' +
    'defence defense security diplomatic western local state official officials source sources analyst analysts expert experts ' +
    'observer observers diplomat diplomats people person familiar with matter report reports media outlet outlets estimate ' +
    'estimates data figure figures insider insiders authorities authority agency agencies according to who said').split(' '),
);

/** "Ukraine's intelligence" and "Ukrainian intelligence" both → "ukraine intelligence". */
export function normaliseSpeaker(s: string): string {
  let n = normaliseName(s)
    .replace(/^according to\s+/, '')
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/'s\b/g, '')
    .replace(/\b(?:the|of)\s+/g, '');
  n = n.replace(DEMONYM_RE, (d) => DEMONYM_TO_COUNTRY.get(d) ?? d);
  const slugged = PLACE_BY_NAME.get(n);
  if (slugged !== undefined) n = PLACES.get(slugged)!.name.toLowerCase();
  return n.replace(/[^a-z0-9. ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export const isGenericSpeaker = (normalised: string): boolean =>
  normalised.split(' ').every((w) => w === '' || GENERIC.has(w));

const outletKeys = new Map<string, string>();
/** `outlet:<normalised name>`, memoised: a store has a few hundred outlets. The key analysts grade an outlet by. */
export function outletKeyOf(s: string): string {
  let k = outletKeys.get(s);
  if (k === undefined) {
    k = `outlet:${normaliseName(s).replace(/^the\s+/, '').replace(/[^a-z0-9]+/g, ' ').trim()}`;
    if (outletKeys.size < 100_000) outletKeys.set(s, k);
  }
  return k;
}

const speakers = new Map<string, { n: string; generic: boolean }>();
function speakerOf(s: string): { n: string; generic: boolean } {
  let v = speakers.get(s);
  if (v === undefined) {
    const n = normaliseSpeaker(s);
    v = { n, generic: n === '' || isGenericSpeaker(n) };
    if (speakers.size < 100_000) speakers.set(s, v);
  }
  return v;
}

/** Report id → (original report id, outlet), to follow copies to their original's outlet. */
export interface ReportIndex {
  originalOf: Map<string, string | null>;
  sourceOf: Map<string, string | null>;
}

export function indexReports(records: readonly ClaimRecord[]): ReportIndex {
  const originalOf = new Map<string, string | null>();
  const sourceOf = new Map<string, string | null>();
  for (const r of records) {
    if (!originalOf.has(r.reportId)) {
      originalOf.set(r.reportId, r.originalReportId);
      sourceOf.set(r.reportId, r.source);
    }
  }
  return { originalOf, sourceOf };
}

/** The report at the root of a chain of copies (copy of a copy…), cycle-safe. */
function rootReport(id: string, idx: ReportIndex, direct: string | null): string {
  let cur = id;
  let next = direct;
  for (let hops = 0; next !== null && next !== cur && hops < 16; hops++) {
    cur = next;
    next = idx.originalOf.get(cur) ?? null;
  }
  return cur;
}

export function sourceOf(r: ClaimRecord, idx: ReportIndex): SourceRef {
  const root = rootReport(r.reportId, idx, r.originalReportId);
  // A copy whose original is not among the records still collapses with the other copies of it.
  const outletName = root === r.reportId ? r.source : idx.sourceOf.get(root) ?? null;
  const outlet = outletName !== null && outletName.trim() !== '' ? outletName.trim() : `report ${root}`;
  const outletKey = outletKeyOf(outlet);
  if (r.speakerKey !== null) return { key: `speaker:${r.speakerKey}`, label: r.attributedTo ?? r.speakerKey, outlet };
  if (r.attributedTo !== null && r.attributedTo.trim() !== '') {
    const { n, generic } = speakerOf(r.attributedTo);
    if (!generic) return { key: `speaker:${n}`, label: r.attributedTo.trim(), outlet };
    return { key: `${outletKey}/${n || 'unnamed'}`, label: `${r.attributedTo.trim()} (${outlet})`, outlet };
  }
  return { key: outletKey, label: outlet, outlet };
}
