import type { Analysis, BestEstimate, Proposition } from './analysis.js';
import { formatRange } from './intervals.js';

/** Something an analyst should look at after re-analysis; the caller records it with a time. */
export interface Alert {
  kind: 'estimate-moved' | 'new-conflict';
  propositionId: string;
  /** The conflict, for new-conflict. */
  conflictId: string | null;
  what: string;
  why: string;
}

export interface DiffOptions {
  /** Relative move of either end of the best estimate that raises an alert (default 0.1 = 10 %). */
  threshold?: number;
}

const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-9));

/** How far an estimate moved: the larger relative move of its two ends; an end becoming unbounded or bounded is a full move. */
export function estimateMove(before: BestEstimate, after: BestEstimate): number {
  const high = before.high === null || after.high === null ? (before.high === after.high ? 0 : 1) : rel(before.high, after.high);
  return Math.max(rel(before.low, after.low), high);
}

const show = (e: BestEstimate): string => formatRange(e.low, e.high ?? Infinity);

/**
 * Alerts between two analyses of the same store: a proposition whose best estimate moved by more
 * than the threshold (or gained one), and every conflict that was not there before. Conflict and
 * proposition ids are deterministic, so a conflict seen before is not announced again.
 */
export function diffAnalyses(before: Analysis, after: Analysis, options: DiffOptions = {}): Alert[] {
  const threshold = options.threshold ?? 0.1;
  const alerts: Alert[] = [];
  const old = new Map<string, Proposition>(before.propositions.map((p) => [p.id, p]));
  for (const p of after.propositions) {
    const prev = old.get(p.id);
    if (!prev || !p.estimate) continue;
    const was = prev.estimate;
    if (was !== null && estimateMove(was, p.estimate) <= threshold) continue;
    const oldIds = new Set(was?.claimIds ?? []);
    const added = p.estimate.claimIds.filter((id) => !oldIds.has(id));
    const bySource = new Map(p.series.map((s) => [s.claimId, s]));
    const newBasis = added
      .slice(0, 5)
      .map((id) => {
        const s = bySource.get(id);
        return s ? `${id} (${s.sourceLabel}, ${s.time?.end ?? 'no date'}: ${formatRange(s.allowed.low, s.allowed.high ?? Infinity)})` : id;
      })
      .join('; ');
    alerts.push({
      kind: 'estimate-moved',
      propositionId: p.id,
      conflictId: null,
      what: `${p.label}: best estimate ${was === null ? 'set' : `moved from ${show(was)} (as of ${was.asOf.end})`} to ${show(p.estimate)} (as of ${p.estimate.asOf.end})`,
      why: `${p.estimate.why}${added.length > 0 ? `; new claims behind it: ${newBasis}${added.length > 5 ? ` and ${added.length - 5} more` : ''}` : '; the same claims, weighed anew (grades or overrides changed)'}`,
    });
  }
  const seen = new Set(before.conflicts.map((c) => c.id));
  const labels = new Map(after.propositions.map((p) => [p.id, p.label]));
  for (const c of after.conflicts) {
    if (seen.has(c.id)) continue;
    alerts.push({
      kind: 'new-conflict',
      propositionId: c.propositionId,
      conflictId: c.id,
      what: `${labels.get(c.propositionId) ?? c.propositionId}: ${c.a.sourceLabel} and ${c.b.sourceLabel} disagree (claims ${c.a.claimId} and ${c.b.claimId})`,
      why: c.why,
    });
  }
  return alerts;
}
