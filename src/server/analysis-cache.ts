import type { Analysis } from '../analyse/index.js';
import type { Viewer } from '../domain/viewer.js';
import { analyseStore } from '../store/analyse-store.js';
import type { RecordedAlert, Store } from '../store/store.js';
import { viewerScope } from '../store/viewer-scope.js';

/** Runs one viewer scope's analysis and records its snapshot and alerts (analyseStore, here or in a worker). */
export type AnalyseScope = (viewer: Viewer) => Promise<{ analysis: Analysis; alerts: RecordedAlert[] }>;

export const analyseInProcess =
  (store: Store): AnalyseScope =>
  async (viewer) => {
    const run = await analyseStore(store, viewer);
    return { analysis: run.analysis, alerts: run.alerts };
  };

/**
 * The analysis each viewer scope sees, computed from that scope's reports only (analyseStore,
 * which also records the scope's snapshot and alerts), kept until the store changes. Viewers of
 * one scope share it; a bounded number of scopes are kept, the least recently used dropped.
 */
export class AnalysisCache {
  readonly #analyse: AnalyseScope;
  readonly #max: number;
  readonly #byScope = new Map<string, { generation: number; analysis: Promise<Analysis> }>();
  #generation = 0;
  readonly #onAlerts: (viewer: Viewer, alerts: RecordedAlert[]) => void;

  constructor(analyse: AnalyseScope, options: { maxScopes?: number; onAlerts?: (viewer: Viewer, alerts: RecordedAlert[]) => void } = {}) {
    this.#analyse = analyse;
    this.#max = options.maxScopes ?? 64;
    this.#onAlerts = options.onAlerts ?? (() => {});
  }

  /** The store changed (a report was written): every cached analysis is stale. */
  invalidate(): void {
    this.#generation++;
  }

  get(viewer: Viewer): Promise<Analysis> {
    const key = viewerScope(viewer);
    const cached = this.#byScope.get(key);
    if (cached && cached.generation === this.#generation) {
      this.#byScope.delete(key);
      this.#byScope.set(key, cached);
      return cached.analysis;
    }
    const generation = this.#generation;
    const analysis = this.#analyse(viewer).then((run) => {
      if (run.alerts.length > 0) this.#onAlerts(viewer, run.alerts);
      return run.analysis;
    });
    analysis.catch(() => this.#byScope.delete(key));
    this.#byScope.set(key, { generation, analysis });
    while (this.#byScope.size > this.#max) this.#byScope.delete(this.#byScope.keys().next().value!);
    return analysis;
  }
}
