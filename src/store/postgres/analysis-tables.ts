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
import type { PgDatabase } from './database.js';

/** The tables of analysts' decisions and analysis state (migration 2), for PostgresStore. */
export class AnalysisTables {
  readonly #db: PgDatabase;

  constructor(db: PgDatabase) {
    this.#db = db;
  }

  /** An analyst's merges and splits are their partner's reading of the claims: never shown to another partner. */
  async listOverrides(viewer: Viewer): Promise<StoredOverride[]> {
    const rows = await this.#db.all<OverrideRow>('SELECT * FROM analysis_overrides WHERE partner_id = ? ORDER BY id', [viewer.partnerId]);
    return rows.map(overrideFromRow);
  }

  async addOverride(viewer: Viewer, o: Override, madeBy: string | undefined): Promise<StoredOverride> {
    mustBeAnalyst(viewer, `${o.kind} propositions`);
    const row = await this.#db.get<OverrideRow>(
      `INSERT INTO analysis_overrides (kind, from_id, into_id, claim_ids, label, made_by, partner_id, made_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      [
        o.kind,
        o.kind === 'merge' ? o.from : o.propositionId,
        o.kind === 'merge' ? o.into : null,
        o.kind === 'split' ? JSON.stringify(o.claimIds) : null,
        o.kind === 'split' ? o.newLabel : null,
        madeBy ?? viewer.partnerId,
        viewer.partnerId,
        new Date().toISOString(),
      ],
    );
    return overrideFromRow(row!);
  }

  async deleteOverride(viewer: Viewer, id: number): Promise<boolean> {
    mustBeAnalyst(viewer, 'withdraw a merge or split');
    return (await this.#db.run('DELETE FROM analysis_overrides WHERE id = ? AND partner_id = ?', [id, viewer.partnerId])) > 0;
  }

  async listSourceGrades(): Promise<SourceGrade[]> {
    return (await this.#db.all<GradeRow>('SELECT * FROM source_grades ORDER BY source_key')).map(gradeFromRow);
  }

  async setSourceGrade(viewer: Viewer, g: SourceGradeInput): Promise<SourceGrade> {
    mustBeAnalyst(viewer, 'grade a source');
    const row = await this.#db.get<GradeRow>(
      `INSERT INTO source_grades (source_key, grade, label, graded_by, partner_id, graded_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_key) DO UPDATE SET grade = excluded.grade, label = COALESCE(excluded.label, source_grades.label),
         graded_by = excluded.graded_by, partner_id = excluded.partner_id, graded_at = excluded.graded_at
       RETURNING *`,
      [g.sourceKey, g.grade, g.label ?? null, g.gradedBy ?? viewer.partnerId, viewer.partnerId, new Date().toISOString()],
    );
    return gradeFromRow(row!);
  }

  async readSnapshot(viewer: Viewer): Promise<AnalysisSnapshot | undefined> {
    const row = await this.#db.get<{ revision: number; analysed_at: string; summary: AnalysisSummary }>(
      'SELECT revision, analysed_at, summary FROM analysis_snapshots WHERE scope = ?',
      [viewerScope(viewer)],
    );
    if (!row) return undefined;
    return { revision: row.revision, analysedAt: row.analysed_at, estimates: row.summary.estimates, conflictIds: row.summary.conflictIds };
  }

  /**
   * The revision check and the write are one statement (an insert that finds the scope taken, or
   * an update that finds another revision, writes nothing), so two writers cannot both record.
   */
  async recordAnalysis(viewer: Viewer, record: AnalysisRecord): Promise<RecordedAlert[] | null> {
    const scope = viewerScope(viewer);
    const now = new Date().toISOString();
    const summary = JSON.stringify(record.summary);
    return this.#db.transaction(async (tx) => {
      const written =
        record.expectedRevision === 0
          ? await tx.run(
              'INSERT INTO analysis_snapshots (scope, revision, analysed_at, summary) VALUES (?, 1, ?, ?) ON CONFLICT (scope) DO NOTHING',
              [scope, now, summary],
            )
          : await tx.run('UPDATE analysis_snapshots SET revision = revision + 1, analysed_at = ?, summary = ? WHERE scope = ? AND revision = ?', [
              now,
              summary,
              scope,
              record.expectedRevision,
            ]);
      if (written === 0) return null;
      const alerts: RecordedAlert[] = [];
      for (const a of record.alerts) {
        const row = await tx.get<{ id: number }>(
          `INSERT INTO analysis_alerts (scope, recorded_at, kind, proposition_id, conflict_id, what, why)
           VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          [scope, now, a.kind, a.propositionId, a.conflictId, a.what, a.why],
        );
        alerts.push({ ...a, id: row!.id, recordedAt: now });
      }
      return alerts;
    });
  }

  async listAlerts(viewer: Viewer, query: { limit?: number; propositionId?: string }): Promise<RecordedAlert[]> {
    const params: unknown[] = [viewerScope(viewer)];
    let filter = '';
    if (query.propositionId !== undefined) {
      filter = ' AND proposition_id = ?';
      params.push(query.propositionId);
    }
    const rows = await this.#db.all<AlertRow>(
      `SELECT id, recorded_at, kind, proposition_id, conflict_id, what, why FROM analysis_alerts
       WHERE scope = ?${filter} ORDER BY id DESC LIMIT ?`,
      [...params, query.limit ?? null],
    );
    return rows.map(alertFromRow);
  }
}
