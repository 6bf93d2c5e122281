import type Database from 'better-sqlite3';
import type { EntityType } from '../../domain/entity.js';
import type { SqlFragment } from '../../share/policy.js';
import type { EntitySummary, ReportContents } from '../store.js';
import { PROVENANCE_COLUMNS, provenanceFromRow, type ProvenanceRow } from '../federation-rows.js';
import { claimFromRow, reportFromRow, type ClaimRow, type ReportRow } from '../rows.js';

/**
 * listReportContents for SqliteStore: a page of reports with their claims and entities in four
 * queries (reports, claims, the claims' entity keys, the reports' entities) instead of four per
 * report. The ids travel as one JSON array (`json_each`), so each query is one prepared statement
 * whatever the page size (PostgreSQL: `= ANY($1)`). Only the reports the policy lets through are
 * read further: claims and entities are reached through visible reports, as everywhere else.
 */
export function readReportContents(
  statement: (sql: string) => Database.Statement,
  summaryColumns: string,
  visible: { r: SqlFragment; o: SqlFragment },
  reportIds: readonly number[],
): ReportContents[] {
  if (reportIds.length === 0) return [];
  const reportRows = statement(
    `SELECT ${summaryColumns}, r.text, r.main_start, r.main_end, r.content_hash, r.boilerplate, ${PROVENANCE_COLUMNS}
     FROM reports r LEFT JOIN reports o ON o.id = r.duplicate_of AND ${visible.o.sql}
     LEFT JOIN report_provenance p ON p.report_id = r.id
     WHERE r.id IN (SELECT value FROM json_each(?)) AND ${visible.r.sql} ORDER BY r.id`,
  ).all(...visible.o.params, JSON.stringify(reportIds), ...visible.r.params) as (ReportRow & ProvenanceRow)[];
  if (reportRows.length === 0) return [];
  const ids = JSON.stringify(reportRows.map((r) => r.id));

  const claimRows = statement(
    'SELECT c.* FROM claims c WHERE c.report_id IN (SELECT value FROM json_each(?)) ORDER BY c.report_id, c.ordinal',
  ).all(ids) as Omit<ClaimRow, 'report_origin' | 'report_title' | 'report_source' | 'report_published' | 'visible_duplicate_of'>[];
  const keysOfClaim = new Map<number, string[]>();
  const keyRows = statement(
    `SELECT ce.claim_id, e.key FROM claims c JOIN claim_entities ce ON ce.claim_id = c.id JOIN entities e ON e.id = ce.entity_id
     WHERE c.report_id IN (SELECT value FROM json_each(?)) ORDER BY ce.claim_id, e.key`,
  ).all(ids) as { claim_id: number; key: string }[];
  for (const k of keyRows) {
    const list = keysOfClaim.get(k.claim_id);
    if (list) list.push(k.key);
    else keysOfClaim.set(k.claim_id, [k.key]);
  }
  const entityRows = statement(
    `SELECT re.report_id, e.key, e.type, re.name, re.role, re.aliases, re.mention_count
     FROM report_entities re JOIN entities e ON e.id = re.entity_id
     WHERE re.report_id IN (SELECT value FROM json_each(?)) ORDER BY re.report_id, re.mention_count DESC, e.key`,
  ).all(ids) as { report_id: number; key: string; type: EntityType; name: string; role: string | null; aliases: string; mention_count: number }[];

  const out = new Map<number, ReportContents>();
  for (const row of reportRows) out.set(row.id, { report: { ...reportFromRow(row), provenance: provenanceFromRow(row) }, claims: [], entities: [] });
  for (const c of claimRows) {
    const contents = out.get(c.report_id)!;
    const r = contents.report;
    // The report's columns listClaims joins in.
    const row: ClaimRow = {
      ...c,
      report_origin: r.origin,
      report_title: r.title,
      report_source: r.source,
      report_published: r.published,
      visible_duplicate_of: r.duplicateOf,
    };
    contents.claims.push(claimFromRow(row, keysOfClaim.get(c.id) ?? []));
  }
  for (const e of entityRows) out.get(e.report_id)!.entities.push(entityOfOneReport(e));
  return [...out.values()];
}

/** An entity as listEntities with a reportId gives it: counted in that report alone, named as it names it. */
function entityOfOneReport(e: { key: string; type: EntityType; name: string; role: string | null; aliases: string; mention_count: number }): EntitySummary {
  const aliases = [...new Set(JSON.parse(e.aliases) as string[])].filter((a) => a !== e.name).sort();
  return { key: e.key, name: e.name, type: e.type, reports: 1, stories: 1, mentions: e.mention_count, roles: e.role ? [e.role] : [], aliases };
}
