import type Database from 'better-sqlite3';
import type { Override } from '../../analyse/index.js';
import type { Viewer } from '../../domain/viewer.js';
import type {
  AnalysisRecord,
  AnalysisSnapshot,
  AnalysisSummary,
  RecordedAlert,
  SourceGrade,
  SourceGradeInput,
  StoredOverride,
} from '../store.js';
import { alertFromRow, gradeFromRow, overrideFromRow, type AlertRow, type GradeRow, type OverrideRow } from '../analysis-rows.js';
import { mustBeAnalyst, viewerScope } from '../viewer-scope.js';

/** The tables of analysts' decisions and analysis state (migration 2), for SqliteStore. */
export class AnalysisTables {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /**
   * An analyst's merges and splits are their partner's reading of the claims: they shape what
   * that partner sees, and their labels are never shown to another partner.
   */
  listOverrides(viewer: Viewer): StoredOverride[] {
    const rows = this.#db.prepare('SELECT * FROM analysis_overrides WHERE partner_id = ? ORDER BY id').all(viewer.partnerId) as OverrideRow[];
    return rows.map(overrideFromRow);
  }

  addOverride(viewer: Viewer, o: Override, madeBy: string | undefined): StoredOverride {
    mustBeAnalyst(viewer, `${o.kind} propositions`);
    const row = this.#db
      .prepare(
        `INSERT INTO analysis_overrides (kind, from_id, into_id, claim_ids, label, made_by, partner_id, made_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        o.kind,
        o.kind === 'merge' ? o.from : o.propositionId,
        o.kind === 'merge' ? o.into : null,
        o.kind === 'split' ? JSON.stringify(o.claimIds) : null,
        o.kind === 'split' ? o.newLabel : null,
        madeBy ?? viewer.partnerId,
        viewer.partnerId,
        new Date().toISOString(),
      ) as OverrideRow;
    return overrideFromRow(row);
  }

  deleteOverride(viewer: Viewer, id: number): boolean {
    mustBeAnalyst(viewer, 'withdraw a merge or split');
    return this.#db.prepare('DELETE FROM analysis_overrides WHERE id = ? AND partner_id = ?').run(id, viewer.partnerId).changes > 0;
  }

  listSourceGrades(): SourceGrade[] {
    const rows = this.#db.prepare('SELECT * FROM source_grades ORDER BY source_key').all() as GradeRow[];
    return rows.map(gradeFromRow);
  }

  setSourceGrade(viewer: Viewer, g: SourceGradeInput): SourceGrade {
    mustBeAnalyst(viewer, 'grade a source');
    const row = this.#db
      .prepare(
        `INSERT INTO source_grades (source_key, grade, label, graded_by, partner_id, graded_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (source_key) DO UPDATE SET grade = excluded.grade, label = COALESCE(excluded.label, source_grades.label),
           graded_by = excluded.graded_by, partner_id = excluded.partner_id, graded_at = excluded.graded_at
         RETURNING *`,
      )
      .get(g.sourceKey, g.grade, g.label ?? null, g.gradedBy ?? viewer.partnerId, viewer.partnerId, new Date().toISOString()) as GradeRow;
    return gradeFromRow(row);
  }

  readSnapshot(viewer: Viewer): AnalysisSnapshot | undefined {
    const row = this.#db.prepare('SELECT revision, analysed_at, summary FROM analysis_snapshots WHERE scope = ?').get(viewerScope(viewer)) as
      | { revision: number; analysed_at: string; summary: string }
      | undefined;
    if (!row) return undefined;
    const summary = JSON.parse(row.summary) as AnalysisSummary;
    return { revision: row.revision, analysedAt: row.analysed_at, estimates: summary.estimates, conflictIds: summary.conflictIds };
  }

  recordAnalysis(viewer: Viewer, record: AnalysisRecord): RecordedAlert[] | null {
    const scope = viewerScope(viewer);
    const now = new Date().toISOString();
    const write = this.#db.transaction((): RecordedAlert[] | null => {
      const current = this.#db.prepare('SELECT revision FROM analysis_snapshots WHERE scope = ?').get(scope) as
        | { revision: number }
        | undefined;
      if ((current?.revision ?? 0) !== record.expectedRevision) return null;
      this.#db
        .prepare(
          `INSERT INTO analysis_snapshots (scope, revision, analysed_at, summary) VALUES (?, ?, ?, ?)
           ON CONFLICT (scope) DO UPDATE SET revision = excluded.revision, analysed_at = excluded.analysed_at, summary = excluded.summary`,
        )
        .run(scope, record.expectedRevision + 1, now, JSON.stringify(record.summary));
      const insert = this.#db.prepare(
        `INSERT INTO analysis_alerts (scope, recorded_at, kind, proposition_id, conflict_id, what, why)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      );
      return record.alerts.map((a) => {
        const { id } = insert.get(scope, now, a.kind, a.propositionId, a.conflictId, a.what, a.why) as { id: number };
        return { ...a, id, recordedAt: now };
      });
    });
    // IMMEDIATE: the revision check and the write see the same state, whoever else writes.
    return write.immediate();
  }

  listAlerts(viewer: Viewer, query: { limit?: number; propositionId?: string }): RecordedAlert[] {
    const params: unknown[] = [viewerScope(viewer)];
    let filter = '';
    if (query.propositionId !== undefined) {
      filter = ' AND proposition_id = ?';
      params.push(query.propositionId);
    }
    const rows = this.#db
      .prepare(
        `SELECT id, recorded_at, kind, proposition_id, conflict_id, what, why FROM analysis_alerts
         WHERE scope = ?${filter} ORDER BY id DESC LIMIT ?`,
      )
      .all(...params, query.limit ?? -1) as AlertRow[];
    return rows.map(alertFromRow);
  }
}
