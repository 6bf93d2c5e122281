import { analyse, diffAnalyses, type Alert, type Analysis, type ReliabilityGrade } from '../analyse/index.js';
import type { Viewer } from '../domain/viewer.js';
import type { AnalysisSnapshot, AnalysisSummary, RecordedAlert, SourceGrade, Store, StoredOverride } from './store.js';

export interface StoreAnalysis {
  analysis: Analysis;
  /** Alerts this run recorded (empty when nothing changed, or another process recorded first). */
  alerts: RecordedAlert[];
  overrides: StoredOverride[];
  grades: SourceGrade[];
  claims: number;
  seconds: number;
}

export interface AnalyseStoreOptions {
  /** Record the snapshot and the alerts (default true); false only looks. */
  record?: boolean;
  /** Relative move of a best estimate that raises an alert (default 0.1). */
  threshold?: number;
}

/**
 * Analyses what a viewer may see, with analysts' grades and overrides, and records what changed
 * since the last analysis of the viewer's scope as alerts. The first analysis of a scope compares
 * against nothing: each conflict is announced once, estimates only from the second run on.
 * One call reads every visible claim (about 4 s per 100,000): run it once per command or ingest.
 */
export async function analyseStore(store: Store, viewer: Viewer, options: AnalyseStoreOptions = {}): Promise<StoreAnalysis> {
  const started = performance.now();
  const [records, overrides, grades, snapshot] = await Promise.all([
    store.listClaimRecords(viewer),
    store.listOverrides(viewer),
    store.listSourceGrades(viewer),
    store.readAnalysisSnapshot(viewer),
  ]);
  const reliability: Record<string, ReliabilityGrade> = {};
  for (const g of grades) reliability[g.sourceKey] = g.grade;
  const analysis = analyse(records, { reliability, overrides: overrides.map((o) => o.override) });
  let alerts: RecordedAlert[] = [];
  if (options.record ?? true) {
    const found = diffAnalyses(previousOf(snapshot), analysis, options.threshold === undefined ? {} : { threshold: options.threshold });
    const summary = summaryOf(analysis, snapshot, found);
    if (found.length > 0 || !snapshot || !sameSummary(snapshot, summary)) {
      alerts = (await store.recordAnalysis(viewer, { expectedRevision: snapshot?.revision ?? 0, summary, alerts: found })) ?? [];
    }
  }
  return { analysis, alerts, overrides, grades, claims: records.length, seconds: (performance.now() - started) / 1000 };
}

/**
 * As much of an analysis as the next one diffs against. An estimate that moved less than the
 * threshold keeps its old value as the baseline, so a slow drift raises an alert once it adds up.
 */
export function summaryOf(a: Analysis, previous?: AnalysisSnapshot, alerts: readonly Alert[] = []): AnalysisSummary {
  const moved = new Set(alerts.filter((x) => x.kind === 'estimate-moved').map((x) => x.propositionId));
  const estimates: AnalysisSummary['estimates'] = {};
  for (const p of a.propositions) {
    const was = previous?.estimates[p.id] ?? null;
    estimates[p.id] = was !== null && p.estimate !== null && !moved.has(p.id) ? was : p.estimate;
  }
  return { estimates, conflictIds: a.conflicts.map((c) => c.id).sort() };
}

/** The snapshot as the analysis diffAnalyses compares with (it reads ids, estimates and conflict ids). */
function previousOf(s: AnalysisSnapshot | undefined): Analysis {
  const propositions = Object.entries(s?.estimates ?? {}).map(([id, estimate]) => ({ id, estimate }));
  const conflicts = (s?.conflictIds ?? []).map((id) => ({ id }));
  return { propositions, conflicts, sources: [], notes: [] } as unknown as Analysis;
}

function sameSummary(s: AnalysisSnapshot, summary: AnalysisSummary): boolean {
  return JSON.stringify({ estimates: s.estimates, conflictIds: s.conflictIds }) === JSON.stringify(summary);
}
