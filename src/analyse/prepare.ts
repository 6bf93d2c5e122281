import type { ClaimRecord } from './claim-record.js';
import { allowedRange, dayOf, formatNumber, type Tolerances } from './intervals.js';
import { countClass, measureOf, normaliseRate, OUTCOME_CLASSES, type CurrencyRate, type Measure } from './measure.js';
import { scanNames } from './mentions.js';
import type { Containment } from './places.js';
import { sourceOf, type ReportIndex, type SourceRef } from './sources.js';
import { readAbout, type ClaimAbout } from './subject-place.js';

/** A claim read for analysis: canonical measure, subject, place, source, values and days. */
export interface Prepared {
  rec: ClaimRecord;
  measure: Measure;
  per: string | null;
  about: ClaimAbout;
  /** The country (outermost place) the claim's place lies in, or null. */
  placeRoot: string | null;
  placeFrom: 'location' | 'sentence' | 'proposition' | null;
  source: SourceRef;
  /** Value in the proposition's unit and period. */
  low: number;
  high: number;
  conversion: string | null;
  /** Allowed range with the qualifier applied. */
  lo: number;
  hi: number;
  /** Day numbers of when it holds; NaN when unknown. */
  s: number;
  e: number;
  timeFromPublication: boolean;
  /** Can be corroborated or contradicted: a precise value with a time. */
  comparable: boolean;
}

export interface PrepareContext {
  where: Containment;
  reports: ReportIndex;
  rates: ReadonlyMap<string, CurrencyRate>;
  tolerances: Tolerances;
  /** Sentence → its mentions, for this analysis run. */
  mentions: Map<string, import('./mentions.js').Mention[]>;
}

export function prepare(rec: ClaimRecord, ctx: PrepareContext): Prepared {
  let measure = measureOf(rec);
  let low = rec.value.low;
  let high = rec.value.high;
  const notes: string[] = [];
  if (measure.kind === 'money' && measure.currency !== null) {
    const rate = ctx.rates.get(measure.currency);
    if (rate !== undefined) {
      low *= rate.rate;
      high *= rate.rate;
      notes.push(`${measure.currency} → ${rate.to} at ${rate.rate}${rate.note ? ` (${rate.note})` : ''}`);
      const kind = measure.key.slice(`money:${measure.currency}`.length); // ":budget", or none
      measure = { ...measure, key: `money:${rate.to}${kind}`, base: rate.to, currency: rate.to };
    }
  }
  const rate = normaliseRate(rec.per, measure.kind);
  if (rate.factor !== 1) {
    low *= rate.factor;
    high *= rate.factor;
    notes.push(`per ${rec.per} → per ${rate.per} (× ${formatNumber(rate.factor)})`);
  }
  const about = readAbout(rec, measure.kind, ctx.where, ctx.mentions);
  const [lo, hi] = allowedRange(low, high, rec.qualifier, rec.vague, ctx.tolerances);
  let s = NaN;
  let e = NaN;
  let timeFromPublication = false;
  if (rec.time !== null) {
    s = dayOf(rec.time.start);
    e = dayOf(rec.time.end);
    if (e < s) [s, e] = [e, s];
  } else if (rec.published !== null) {
    s = e = dayOf(rec.published);
    timeFromPublication = true;
  }
  return {
    rec,
    measure,
    per: rate.per,
    about,
    placeRoot: about.place === null ? null : ctx.where.root(about.place),
    placeFrom: about.placeFrom,
    source: sourceOf(rec, ctx.reports),
    low,
    high,
    conversion: notes.length === 0 ? null : notes.join('; '),
    lo,
    hi,
    s,
    e,
    timeFromPublication,
    comparable: !rec.vague && !isPartial(rec) && Number.isFinite(s) && Number.isFinite(lo) && !Number.isNaN(hi),
  };
}

/**
 * A count whose sentence names no subject ("Of those, around 600 are dead"; "the agency now
 * believes 15,000 troops were sent") is about what the report is about: the subject its other
 * counts of the same thing name most often. Ties leave the subject unsaid; it never crosses
 * reports, so one report's story cannot leak into another's.
 */
export function fillSubjectsFromReport(prepared: readonly Prepared[]): void {
  const byReport = new Map<string, Prepared[]>();
  for (const p of prepared) {
    if (p.measure.kind !== 'count') continue;
    let list = byReport.get(p.rec.reportId);
    if (list === undefined) byReport.set(p.rec.reportId, (list = []));
    list.push(p);
  }
  for (const list of byReport.values()) {
    const votes = new Map<string, Map<string, number>>();
    for (const p of list) {
      if (p.about.subject === null) continue;
      let v = votes.get(p.measure.base);
      if (v === undefined) votes.set(p.measure.base, (v = new Map()));
      v.set(p.about.subject, (v.get(p.about.subject) ?? 0) + 1);
    }
    for (const p of list) {
      if (p.about.subject !== null) continue;
      const v = votes.get(p.measure.base) ?? votes.get(OUTCOME_CLASSES.has(p.measure.base) ? 'personnel' : '');
      if (v === undefined) {
        // No other count says whose: the headline may ("More North Korean troops sent to Russia").
        const fromTitle = titleSubject(p.rec.reportTitle ?? null, p.measure.base);
        if (fromTitle !== null) p.about = { ...p.about, subject: fromTitle };
        continue;
      }
      let best: string | null = null;
      let bestN = 0;
      let tie = false;
      for (const [subject, n] of v) {
        if (n > bestN) [best, bestN, tie] = [subject, n, false];
        else if (n === bestN) tie = true;
      }
      if (best !== null && !tie) p.about = { ...p.about, subject: best };
    }
  }
}

/** "the first group of 1,500", "a second batch of 3,000": one part of a total, never the total. */
const PARTIAL_BEFORE =
  /\b(?:first|initial|second|third|latest|advance|small|smaller|one|a)\s+(?:group|batch|wave|contingent|tranche|rotation|shipment|deployment|detachment)\s+of\s+(?:about|some|around|roughly|nearly|almost|at least|more than|over|up to|an estimated)?\s*$/i;

function isPartial(rec: ClaimRecord): boolean {
  return rec.numberAt > 0 && PARTIAL_BEFORE.test(rec.sentenceText.slice(Math.max(0, rec.numberAt - 60), rec.numberAt));
}

/** The actor a headline names right before a noun of the same measure ("North Korean troops"), or null. */
function titleSubject(title: string | null, base: string): string | null {
  if (title === null) return null;
  // Outcomes of people ("600 are dead") belong to the personnel counted.
  const wanted = OUTCOME_CLASSES.has(base) ? 'personnel' : base;
  for (const m of scanNames(title)) {
    if (m.actor === null) continue;
    const next = /^\s+([\w'’-]+)(?:\s+([\w'’-]+))?/.exec(title.slice(m.end));
    if (next && (countClass(next[1]!) === wanted || (next[2] !== undefined && countClass(next[2]) === wanted))) return m.actor;
  }
  return null;
}
