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

/** A piece of SQL with `?` placeholders and their values, in order (a PostgreSQL driver renumbers them to `$n`). */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/**
 * The SQL equivalent of `canSee` for a row of `reports` under `alias`, so that lists, counts and
 * search filter in the database. Expects the portable schema every store dialect shares:
 * `reports(id, classification, owner, tlp)` and `report_releases(report_id, grantee)`.
 * Plain SQL only (IN, EXISTS, `?` parameters) so SQLite and PostgreSQL both run it.
 */
export function visibleReportsSql(
  viewer: Viewer,
  alias: string,
  classificationOrder: readonly string[] = DEFAULT_CLASSIFICATIONS,
): SqlFragment {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw new Error(`not a SQL alias: ${alias}`);
  const allowed = classificationsUpTo(viewer.clearance, classificationOrder);
  if (allowed.length === 0) return { sql: '(1 = 0)', params: [] };
  const shared = [RELEASE_TO_ALL, ...viewer.communities];
  const sql =
    `(${alias}.classification IN (${marks(allowed.length)})` +
    ` AND (${alias}.owner = ?` +
    ` OR EXISTS (SELECT 1 FROM report_releases rr WHERE rr.report_id = ${alias}.id AND (rr.grantee = ?` +
    ` OR (${alias}.tlp NOT IN (${marks(NAMED_PARTNERS_ONLY_TLP.length)}) AND rr.grantee IN (${marks(shared.length)}))))))`;
  return {
    sql,
    params: [...allowed, viewer.partnerId, viewer.partnerId, ...NAMED_PARTNERS_ONLY_TLP, ...shared],
  };
}

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
