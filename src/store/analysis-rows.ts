import type { Alert, Override, ReliabilityGrade } from '../analyse/index.js';
import { fromJson } from './rows.js';
import type { RecordedAlert, SourceGrade, StoredOverride } from './store.js';

/** Rows of the analysis tables (overrides, grades, alerts) as every dialect selects them. */
export interface OverrideRow {
  id: number;
  kind: 'merge' | 'split';
  from_id: string;
  into_id: string | null;
  /** JSON text (SQLite) or jsonb (PostgreSQL). */
  claim_ids: string | string[] | null;
  label: string | null;
  made_by: string;
  partner_id: string;
  made_at: string;
}

export interface GradeRow {
  source_key: string;
  grade: ReliabilityGrade;
  label: string | null;
  graded_by: string;
  partner_id: string;
  graded_at: string;
}

export interface AlertRow {
  id: number;
  recorded_at: string;
  kind: Alert['kind'];
  proposition_id: string;
  conflict_id: string | null;
  what: string;
  why: string;
}

export function overrideFromRow(r: OverrideRow): StoredOverride {
  const override: Override =
    r.kind === 'merge'
      ? { kind: 'merge', from: r.from_id, into: r.into_id ?? '' }
      : { kind: 'split', propositionId: r.from_id, claimIds: r.claim_ids === null ? [] : fromJson<string[]>(r.claim_ids), newLabel: r.label ?? '' };
  return { id: r.id, override, madeBy: r.made_by, partnerId: r.partner_id, madeAt: r.made_at };
}

export function gradeFromRow(r: GradeRow): SourceGrade {
  return { sourceKey: r.source_key, grade: r.grade, label: r.label, gradedBy: r.graded_by, partnerId: r.partner_id, gradedAt: r.graded_at };
}

export function alertFromRow(r: AlertRow): RecordedAlert {
  return { id: r.id, recordedAt: r.recorded_at, kind: r.kind, propositionId: r.proposition_id, conflictId: r.conflict_id, what: r.what, why: r.why };
}
