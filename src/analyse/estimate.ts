import { reliabilityWeight, type CredibilityGrade, type ReliabilityGrade } from './admiralty.js';
import type { BestEstimate } from './analysis.js';
import type { Statement } from './compare.js';
import { dayOf, formatRange, isoOfDay } from './intervals.js';

/** How much a statement's credibility counts towards the best estimate. */
const CREDIBILITY_WEIGHT: Readonly<Record<CredibilityGrade, number>> = { 1: 1, 2: 0.8, 3: 0.6, 4: 0.3, 5: 0.1, 6: 0.2 };

export interface EstimateInput {
  statement: Statement;
  grade: CredibilityGrade;
  reliability: ReliabilityGrade;
}

/**
 * The current best estimate of a proposition:
 * 1. candidates: precise, timed statements not judged improbable (all of them if every one is),
 *    forecasts left out while a figure for the present exists;
 * 2. the recent window: those whose time ends at most `recentDays` before the latest end
 *    (so growth moves the estimate forward instead of averaging old and new);
 * 3. one statement per source: its latest;
 * 4. weight = reliability × credibility × recency (halved every `halfLifeDays` before the latest); the range is the intersection of the heaviest set of
 *    statements that can all hold (their ranges share a value); when two disjoint sets weigh the
 *    same, the estimate spans them and is marked contested.
 */
export function bestEstimate(inputs: readonly EstimateInput[], recentDays: number, halfLifeDays: number): BestEstimate | null {
  const comparable = inputs.filter((i) => i.statement.comparable);
  if (comparable.length === 0) return null;
  // A forecast ("25,000 more in the months ahead") says what may come, not what is: it is no
  // current estimate while any figure for the present exists.
  const present = comparable.filter((i) => !isForecast(i.statement));
  const timed = present.length > 0 ? present : comparable;
  const credible = timed.filter((i) => i.grade <= 4);
  const pool = credible.length > 0 ? credible : timed;
  let latest = -Infinity;
  for (const i of pool) latest = Math.max(latest, i.statement.e);
  const latestBySource = new Map<string, EstimateInput>();
  for (const i of pool) {
    if (i.statement.e < latest - recentDays) continue;
    const prev = latestBySource.get(i.statement.source);
    if (!prev || i.statement.e > prev.statement.e || (i.statement.e === prev.statement.e && i.statement.s > prev.statement.s)) {
      latestBySource.set(i.statement.source, i);
    }
  }
  const recent = [...latestBySource.values()];
  // Newer statements weigh more (growth supersedes older figures); same-day ones weigh alike.
  const weight = (i: EstimateInput) =>
    Math.max(0.01, reliabilityWeight(i.reliability)) * CREDIBILITY_WEIGHT[i.grade] * 0.5 ** ((latest - i.statement.e) / halfLifeDays);

  // The heaviest set of ranges sharing a value, by a sweep over their ends (closed ranges: at
  // one value, starts count before ends). Ties between distinct sets are kept (a few of them).
  const events: { at: number; w: number }[] = [];
  for (const i of recent) {
    const w = weight(i);
    events.push({ at: i.statement.lo, w }, { at: i.statement.hi, w: -w });
  }
  events.sort((a, b) => a.at - b.at || b.w - a.w);
  let current = 0;
  let bestWeight = -1;
  let points: number[] = [];
  for (const ev of events) {
    current += ev.w;
    if (ev.w <= 0) continue;
    if (current > bestWeight + 1e-9) {
      bestWeight = current;
      points = [ev.at];
    } else if (Math.abs(current - bestWeight) <= 1e-9 && points.length < 8 && points[points.length - 1] !== ev.at) {
      points.push(ev.at);
    }
  }
  const bestSets: EstimateInput[][] = [];
  for (const p of points) {
    const set = recent.filter((i) => i.statement.lo <= p && p <= i.statement.hi);
    if (Math.abs(set.reduce((sum, i) => sum + weight(i), 0) - bestWeight) > 1e-6) continue;
    if (!bestSets.some((b) => sameSet(set, b))) bestSets.push(set);
  }
  // Sets that are subsets of a tied set add nothing; distinct tied sets mean a standoff.
  const contested = bestSets.length > 1;
  const chosen = [...new Set(bestSets.flat())];
  let low = Infinity;
  let high = -Infinity;
  for (const set of bestSets) {
    const [lo, hi] = intersection(set);
    low = Math.min(low, lo);
    high = Math.max(high, hi);
  }
  let start = Infinity;
  let end = -Infinity;
  for (const i of chosen) {
    start = Math.min(start, i.statement.s);
    end = Math.max(end, i.statement.e);
  }
  const claimIds = chosen.flatMap((i) => i.statement.members.map((m) => m.rec.id));
  const sourceKeys = [...new Set(chosen.map((i) => i.statement.source))].sort();
  const why =
    `${isoOfDay(latest - recentDays)} to ${isoOfDay(latest)}: ` +
    (contested
      ? `sources of equal weight disagree (${bestSets.map((s) => formatRange(...intersection(s))).join(' vs ')}); the estimate spans them`
      : `${sourceKeys.length} of ${recent.length} recent source${recent.length === 1 ? '' : 's'} agree on ${formatRange(low, high)}`) +
    (credible.length === timed.length ? '' : `; ${timed.length - credible.length} improbable statement(s) left out`);
  return {
    low,
    high: high === Infinity ? null : high,
    asOf: { start: isoOfDay(start), end: isoOfDay(end) },
    claimIds: claimIds.sort(),
    sourceKeys,
    contested,
    why,
  };
}

function sameSet(a: readonly EstimateInput[], b: readonly EstimateInput[]): boolean {
  if (a.length !== b.length) return false;
  const inB = new Set(b);
  return a.every((x) => inB.has(x));
}

/** The values every statement of a set allows. */
function intersection(set: readonly EstimateInput[]): [number, number] {
  let lo = -Infinity;
  let hi = Infinity;
  for (const i of set) {
    if (i.statement.lo > lo) lo = i.statement.lo;
    if (i.statement.hi < hi) hi = i.statement.hi;
  }
  return [lo, hi];
}

/** Every report behind the statement was published before the time it speaks of begins. */
function isForecast(st: Statement): boolean {
  return st.members.every((p) => p.rec.published !== null && st.s > dayOf(p.rec.published));
}
