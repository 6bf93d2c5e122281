import { CREDIBILITY, DEFAULT_RELIABILITY, RELIABILITY, reliabilityWeight, type CredibilityGrade } from './admiralty.js';
import type { Analysis, AnalyseOptions, Conflict, ConflictSide, Proposition, SeriesEntry, SourceSummary } from './analysis.js';
import type { ClaimRecord } from './claim-record.js';
import { compareStatements, statementsOf, type Statement } from './compare.js';
import { gradeStatement, type SourceInfo } from './credibility.js';
import { bestEstimate } from './estimate.js';
import { groupClaims, type Group } from './group.js';
import { stableHash } from './hash.js';
import { DEFAULT_TOLERANCES, formatNumber, formatRange, isoOfDay } from './intervals.js';
import type { CurrencyRate } from './measure.js';
import { applyOverrides } from './overrides.js';
import { Containment, findPossessedRegions } from './places.js';
import { fillSubjectsFromReport, prepare, type Prepared } from './prepare.js';
import { indexReports } from './sources.js';

/**
 * Analyses claims from all reports: groups them into propositions, collapses copies and relays
 * into independent sources, finds corroboration and conflict, grades credibility and gives each
 * proposition a best estimate. Pure: claims and decisions in, analysis out; the same input gives
 * the same output (ids included), whatever the order of the claims.
 */
export function analyse(records: readonly ClaimRecord[], options: AnalyseOptions = {}): Analysis {
  const where = new Containment();
  // The reports teach containment first ("Russia's Zolotukhino district"), so grouping does not
  // depend on the order claims come in.
  for (const r of records) findPossessedRegions(r.sentenceText, (slug, country) => where.learn(slug, country));
  const rates = new Map<string, CurrencyRate>();
  for (const rate of options.rates ?? []) if (!rates.has(rate.from) && rate.rate > 0) rates.set(rate.from, rate);
  const ctx = {
    where,
    reports: indexReports(records),
    rates,
    tolerances: { ...DEFAULT_TOLERANCES, ...options.tolerances },
    mentions: new Map(),
  };
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const prepared = sorted.map((r) => prepare(r, ctx));
  fillSubjectsFromReport(prepared);

  const groups = groupClaims(prepared);
  const notes = applyOverrides(groups, options.overrides ?? []);

  const sources = new Map<string, SourceInfo>();
  const sourceClaims = new Map<string, { claims: number; outlets: Set<string> }>();
  for (const p of prepared) {
    const key = p.source.key;
    if (!sources.has(key)) {
      const set = options.reliability?.[key];
      sources.set(key, { label: p.source.label, grade: set ?? DEFAULT_RELIABILITY });
      sourceClaims.set(key, { claims: 0, outlets: new Set() });
    }
    const c = sourceClaims.get(key)!;
    c.claims++;
    c.outlets.add(p.source.outlet);
  }

  const names = entityNames(sorted);
  const sameDays = options.sameTimeDays ?? 2;
  const recentDays = options.recentDays ?? 30;
  const halfLifeDays = options.halfLifeDays ?? 7;
  const propositions: Proposition[] = [];
  const conflicts: Conflict[] = [];
  for (const g of groups.values()) {
    const { proposition, found } = analyseGroup(g, sources, names, where, sameDays, recentDays, halfLifeDays);
    propositions.push(proposition);
    for (const c of found) conflicts.push(c);
  }
  propositions.sort((a, b) => b.series.length - a.series.length || (a.id < b.id ? -1 : 1));
  conflicts.sort((a, b) => (a.propositionId < b.propositionId ? -1 : a.propositionId > b.propositionId ? 1 : a.id < b.id ? -1 : 1));

  const sourceList: SourceSummary[] = [...sources].map(([key, info]) => ({
    key,
    label: info.label,
    reliability: info.grade,
    reliabilityLabel: RELIABILITY[info.grade].label,
    graded: options.reliability?.[key] !== undefined,
    claims: sourceClaims.get(key)!.claims,
    outlets: [...sourceClaims.get(key)!.outlets].sort(),
  }));
  sourceList.sort((a, b) => b.claims - a.claims || (a.key < b.key ? -1 : 1));
  return { propositions, conflicts, sources: sourceList, notes };
}

function analyseGroup(
  g: Group,
  sources: ReadonlyMap<string, SourceInfo>,
  names: ReadonlyMap<string, string>,
  where: Containment,
  sameDays: number,
  recentDays: number,
  halfLifeDays: number,
): { proposition: Proposition; found: Conflict[] } {
  const statements = statementsOf(g.members);
  const contradictions = compareStatements(statements, where, sameDays, (k) => reliabilityWeight(sources.get(k)!.grade));
  const grades = new Map<Statement, { grade: CredibilityGrade; reasons: string[] }>();
  for (const st of statements) grades.set(st, gradeStatement(st, sources));

  // Sorted by time (end, start), then publication and id: numbers first, strings only on ties.
  const rows: { entry: SeriesEntry; p: Prepared }[] = [];
  for (const st of statements) {
    const { grade, reasons } = grades.get(st)!;
    const first = st.members.reduce((a, b) => (b.rec.id < a.rec.id ? b : a));
    for (const p of st.members) rows.push({ entry: entryOf(p, st, grade, reasons, p === first ? null : first.rec.id, sources), p });
  }
  const day = (x: number) => (Number.isFinite(x) ? x : Infinity);
  rows.sort(
    (a, b) =>
      day(a.p.e) - day(b.p.e) || day(a.p.s) - day(b.p.s) || cmp(a.p.rec.published ?? '', b.p.rec.published ?? '') || cmp(a.p.rec.id, b.p.rec.id),
  );
  const series = rows.map((r) => r.entry);

  const estimate = bestEstimate(
    statements.map((st) => ({ statement: st, grade: grades.get(st)!.grade, reliability: sources.get(st.source)!.grade })),
    recentDays,
    halfLifeDays,
  );
  if (estimate) estimate.why = `${estimate.why}${g.measure.startsWith('money:') || g.per !== null ? ` (${unitLabel(g)})` : ''}`;

  const found = new Map<string, Conflict>();
  // One side object per statement, shared by all its conflicts.
  const sides = new Map<Statement, ConflictSide>();
  const side = (st: Statement) => {
    let s = sides.get(st);
    if (!s) sides.set(st, (s = sideOf(st, sources)));
    return s;
  };
  for (const c of contradictions) {
    const [x, y] = c.a.source < c.b.source ? [c.a, c.b] : [c.b, c.a];
    const id = `c-${stableHash(`${g.id}|${x.source}|${x.lo}|${x.hi}|${y.source}|${y.lo}|${y.hi}`)}`;
    if (found.has(id)) continue;
    const lower = x.hi < y.lo ? x : y;
    const higher = lower === x ? y : x;
    const ratio = lower.hi > 0 && Number.isFinite(lower.hi) ? higher.lo / lower.hi : null;
    const sx = side(x);
    const sy = side(y);
    found.set(id, {
      id,
      propositionId: g.id,
      a: sx,
      b: sy,
      gap: c.gap,
      ratio,
      why:
        `${sx.sourceLabel} says ${formatRange(x.lo, x.hi)} (${dayRange(x)}) and ${sy.sourceLabel} says ${formatRange(y.lo, y.hi)} (${dayRange(y)}): ` +
        `${placeNote(x, y, where)}the ranges are ${formatNumber(c.gap)} apart${ratio !== null ? ` (× ${ratio.toFixed(2)})` : ''} for the same time`,
    });
  }
  const conflictList = [...found.values()];

  const subjects = g.subjects.map((k) => ({ key: k, name: k.startsWith('loc:') ? nameOfKey(k, where) : names.get(k) ?? nameOfKey(k, where) }));
  const place = g.place === null ? null : { key: `loc:${g.place}`, name: where.displayName(g.place) };
  const proposition: Proposition = {
    id: g.id,
    key: g.key,
    label: g.label ?? labelOf(g, subjects.map((s) => s.name), place?.name ?? null),
    measure: g.measure,
    per: g.per,
    subject: subjects[0] ?? null,
    counterpart: subjects[1] ?? null,
    place,
    series,
    estimate,
    conflictIds: conflictList.map((c) => c.id).sort(),
    origin: g.origin,
    mergedFrom: [...g.mergedFrom].sort(),
  };
  return { proposition, found: conflictList };
}

function entryOf(
  p: Prepared,
  st: Statement,
  grade: CredibilityGrade,
  reasons: string[],
  copyOf: string | null,
  sources: ReadonlyMap<string, SourceInfo>,
): SeriesEntry {
  const r = p.rec;
  const info = sources.get(p.source.key)!;
  return {
    claimId: r.id,
    reportId: r.reportId,
    published: r.published,
    outlet: p.source.outlet,
    sourceKey: p.source.key,
    sourceLabel: info.label,
    reliability: info.grade,
    value: { low: p.low, high: p.high },
    allowed: { low: p.lo, high: p.hi === Infinity ? null : p.hi },
    stated: { low: r.value.low, high: r.value.high, unit: r.unit, per: r.per },
    conversion: p.conversion,
    qualifier: r.qualifier,
    vague: r.vague,
    time: Number.isFinite(p.s) ? { start: isoOfDay(p.s), end: isoOfDay(p.e) } : null,
    timeFromPublication: p.timeFromPublication,
    location: r.location,
    place: st.place,
    placeFrom: p.placeFrom,
    attributedTo: r.attributedTo,
    sentence: r.sentenceText,
    copyOf,
    credibility: grade,
    credibilityLabel: CREDIBILITY[grade].label,
    reasons,
  };
}

function sideOf(st: Statement, sources: ReadonlyMap<string, SourceInfo>): ConflictSide {
  const first = st.members.reduce((a, b) => (b.rec.id < a.rec.id ? b : a));
  const info = sources.get(st.source)!;
  return {
    claimId: first.rec.id,
    claimIds: st.members.map((m) => m.rec.id).sort(),
    sourceKey: st.source,
    sourceLabel: info.label,
    reliability: info.grade,
    allowed: { low: st.lo, high: st.hi === Infinity ? null : st.hi },
    time: { start: isoOfDay(st.s), end: isoOfDay(st.e) },
    sentence: first.rec.sentenceText,
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const dayRange = (st: Statement): string => (st.s === st.e ? isoOfDay(st.s) : `${isoOfDay(st.s)} to ${isoOfDay(st.e)}`);

function placeNote(x: Statement, y: Statement, where: Containment): string {
  if (x.place === null || y.place === null || x.place === y.place) return '';
  const [part, whole] = where.within(x.place, y.place) ? [x, y] : [y, x];
  return `${where.displayName(part.place!)} lies in ${where.displayName(whole.place!)}, yet the part exceeds the whole; `;
}

function unitLabel(g: Pick<Group, 'measure' | 'per'>): string {
  const [kind, base, moneyKind] = g.measure.split(':') as [string, string | undefined, string | undefined];
  const what =
    kind === 'money' ? (moneyKind === undefined ? base! : `${moneyKind} in ${base}`) : kind === 'share' ? `% of ${base}` : g.measure.replace('+added', ' (additional)');
  return g.per === null ? what : `${what} per ${g.per}`;
}

function labelOf(g: Group, subjects: string[], place: string | null): string {
  const who = subjects.length === 0 ? 'Unknown party' : subjects.join(' – ');
  return `${who}: ${unitLabel(g)}${place === null ? '' : ` in ${place}`}`;
}

function nameOfKey(key: string, where: Containment): string {
  const slug = key.slice(key.indexOf(':') + 1);
  return where.displayName(slug);
}

/** Names of entity keys as reports give them (first seen, in id order). */
function entityNames(records: readonly ClaimRecord[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of records) for (const e of r.entities) if (!names.has(e.key)) names.set(e.key, e.name);
  return names;
}

