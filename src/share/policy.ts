import type { Marking } from '../domain/marking.js';
import { DEFAULT_CLASSIFICATIONS } from '../domain/marking.js';
import type { Viewer } from '../domain/viewer.js';

/**
 * THE access policy. Every read path goes through `canSee` (objects in memory, events) or
 * `visibleReportsSql` (rows in a database); the two say the same thing and are tested together.
 *
 * A viewer sees a report when both hold:
 *  1. clearance: the report's classification is at or below the viewer's clearance in
 *     `classificationOrder` (an unknown classification or clearance sees / is seen by nothing);
 *  2. release: the viewer's partner owns the report, or the report is releasable to that partner
 *     by id, or (unless its TLP forbids onward sharing) to `ALL` or to one of the viewer's
 *     communities. TLP:RED and TLP:AMBER+STRICT reports go to named partners only.
 * Claims, entities and duplicate links are visible only through a report the viewer can see.
 */
export const RELEASE_TO_ALL = 'ALL';

/** TLP labels whose reports are shared with named partners only, never through ALL or a community. */
export const NAMED_PARTNERS_ONLY_TLP: readonly string[] = Object.freeze(['TLP:RED', 'TLP:AMBER+STRICT']);

export function canSee(
  viewer: Viewer,
  marking: Marking,
  classificationOrder: readonly string[] = DEFAULT_CLASSIFICATIONS,
): boolean {
  const allowed = classificationsUpTo(viewer.clearance, classificationOrder);
  if (!allowed.includes(marking.classification)) return false;
  if (marking.owner === viewer.partnerId) return true;
  if (marking.releasableTo.includes(viewer.partnerId)) return true;
  if (NAMED_PARTNERS_ONLY_TLP.includes(marking.tlp)) return false;
  return marking.releasableTo.some((g) => g === RELEASE_TO_ALL || viewer.communities.includes(g));
}

/** The classifications a clearance covers, lowest first; empty for a clearance not in the order. */
export function classificationsUpTo(clearance: string, classificationOrder: readonly string[]): string[] {
  const rank = classificationOrder.indexOf(clearance);
  return rank < 0 ? [] : classificationOrder.slice(0, rank + 1);
}

/** A piece of SQL with `?` placeholders and their values, in order (a PostgreSQL store renumbers them to `$n`). */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/**
 * The one construct the policy's SQL writes differently per dialect: a value in (or not in) a
 * list. Everything else in `visibleReportsSql` is the same SQL for every store.
 */
export interface PolicyDialect {
  inList(expr: string, values: readonly string[], negate?: boolean): SqlFragment;
}

/** `IN (?, ?, …)`: plain SQL, as SQLite runs it. */
export const PORTABLE_SQL: PolicyDialect = {
  inList: (expr, values, negate = false) => ({ sql: `${expr} ${negate ? 'NOT IN' : 'IN'} (${marks(values.length)})`, params: [...values] }),
};

/**
 * `= ANY(?)` with one text[] parameter: PostgreSQL gets the same statement text for every viewer
 * whatever its number of communities, and plans it once.
 */
export const POSTGRES_SQL: PolicyDialect = {
  inList: (expr, values, negate = false) => ({ sql: negate ? `${expr} <> ALL(?::text[])` : `${expr} = ANY(?::text[])`, params: [[...values]] }),
};

/**
 * The SQL equivalent of `canSee` for a row of `reports` under `alias`, so that lists, counts and
 * search filter in the database. Expects the schema every store dialect shares:
 * `reports(id, classification, owner, tlp)` and `report_releases(report_id, grantee)`.
 * The rule is written once; `dialect` only spells its lists.
 */
export function visibleReportsSql(
  viewer: Viewer,
  alias: string,
  classificationOrder: readonly string[] = DEFAULT_CLASSIFICATIONS,
  dialect: PolicyDialect = PORTABLE_SQL,
): SqlFragment {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw new Error(`not a SQL alias: ${alias}`);
  const allowed = classificationsUpTo(viewer.clearance, classificationOrder);
  if (allowed.length === 0) return { sql: '(1 = 0)', params: [] };
  const cleared = dialect.inList(`${alias}.classification`, allowed);
  const onwardSharing = dialect.inList(`${alias}.tlp`, NAMED_PARTNERS_ONLY_TLP, true);
  const shared = dialect.inList('rr.grantee', [RELEASE_TO_ALL, ...viewer.communities]);
  const sql =
    `(${cleared.sql}` +
    ` AND (${alias}.owner = ?` +
    ` OR EXISTS (SELECT 1 FROM report_releases rr WHERE rr.report_id = ${alias}.id AND (rr.grantee = ?` +
    ` OR (${onwardSharing.sql} AND ${shared.sql})))))`;
  return {
    sql,
    params: [...cleared.params, viewer.partnerId, viewer.partnerId, ...onwardSharing.params, ...shared.params],
  };
}

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
