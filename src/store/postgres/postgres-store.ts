import type { ClaimRecord, Override } from '../../analyse/index.js';
import type { EntityType } from '../../domain/entity.js';
import type { ReportItem } from '../../domain/interop.js';
import { DEFAULT_CLASSIFICATIONS, type TlpLabel } from '../../domain/marking.js';
import type { Viewer } from '../../domain/viewer.js';
import { POSTGRES_SQL, visibleReportsSql, type SqlFragment } from '../../share/policy.js';
import { StoreMissingError } from '../open-store.js';
import { claimRecordQueries, claimRecordsFromRows, type ClaimEntityRow, type ClaimRecordRow } from '../claim-records.js';
import { PROVENANCE_COLUMNS, provenanceFromRow, type ProvenanceRow } from '../federation-rows.js';
import { claimFromRow, fromJson, reportFromRow, summaryFromRow, type ClaimRow, type ReportRow } from '../rows.js';
import { EventHub, type StoreEventListener } from '../store-event.js';
import type {
  AnalysisRecord,
  AnalysisSnapshot,
  AuditEntry,
  AuditInput,
  ClaimQuery,
  DuplicateLink,
  EntityQuery,
  EntitySummary,
  IngestOutcome,
  KeyRotation,
  IssuedToken,
  TokenRecord,
  Partner,
  PartnerInput,
  RecordedAlert,
  ReportInput,
  ReportQuery,
  ReportSummary,
  SearchHit,
  SourceGrade,
  SourceGradeInput,
  Store,
  StoreCapabilities,
  StoreStats,
  StoredClaim,
  StoredOverride,
  StoredReport,
  TokenInput,
  DayCount,
  KeepOutcome,
  KeptStixObject,
  OutgoingQuery,
  OutgoingReport,
  Peer,
  PeerInput,
  PeerProgress,
  ReportEntity,
  ReportContents,
  ReportMatch,
  ReportRange,
  ReportSort,
  StixObjectInput,
  StixObjectQuery,
} from '../store.js';
import { AnalysisTables } from './analysis-tables.js';
import { PgDatabase } from './database.js';
import { migrate } from './migrations.js';
import { ReportWriter } from './report-writer.js';
import { joinMarkedParts, TEXT_SEARCH_CONFIG, tsQuery } from './search.js';
import { FederationTables } from './federation-tables.js';
import { idKey } from '../sqlite/stix-index.js';
import { ShareTables } from './share-tables.js';
import { StixTables } from './stix-tables.js';

export interface PostgresStoreOptions {
  /** Classification levels, lowest first, for the access policy. */
  classificationOrder?: readonly string[];
  /** Connections in the pool (default 4; PARALLAX_PG_POOL). */
  poolSize?: number;
  /** Fail instead of creating the schema when it has no store yet (query commands). */
  mustExist?: boolean;
}

/** ORDER BY of each report sort; ties by id so pages do not overlap. NULLs (undated, no source) last either way, as in SQLite. */
const REPORT_ORDER: Record<ReportSort, string> = {
  id: 'r.id',
  '-id': 'r.id DESC',
  published: 'r.published NULLS LAST, r.id',
  '-published': 'r.published DESC NULLS LAST, r.id DESC',
  source: 'LOWER(r.source) NULLS LAST, r.id',
  '-source': 'LOWER(r.source) DESC NULLS LAST, r.id DESC',
  classification: 'CLASSIFICATION_RANK, r.id',
  '-classification': 'CLASSIFICATION_RANK DESC, r.id DESC',
  title: 'LOWER(r.title) NULLS LAST, r.id',
  '-title': 'LOWER(r.title) DESC NULLS LAST, r.id DESC',
};

const SUMMARY_COLUMNS = `r.id, r.origin, r.format, r.title, r.url, r.source, r.published, r.ingested_at,
  o.id AS visible_duplicate_of, r.claim_count, r.entity_count, r.classification, r.releasable_to, r.owner, r.tlp`;

/** Title weight 4 to the body's 1, as the SQLite store's bm25 (weights of D, C, B, A). */
const RANK_WEIGHTS = `'{0.1, 0.2, 0.25, 1.0}'`;
const HEADLINE_OPTIONS = `'StartSel=«, StopSel=», MaxWords=16, MinWords=8, MaxFragments=1, FragmentDelimiter=" … "'`;

/**
 * The store in a PostgreSQL database (one schema), for several processes writing at once. The
 * same behaviour as the SQLite store: the same access policy in SQL (`POSTGRES_SQL` spells its
 * lists), the same writer decisions, the same row mapping; here only the SQL differs. The parts
 * are one class per group of tables (report-writer, analysis-tables, share-tables), each
 * given the database; a new group is a migration, a class and methods delegating to it.
 */
export class PostgresStore implements Store {
  readonly capabilities: StoreCapabilities = Object.freeze({
    dialect: 'postgres',
    fullTextSearch: true,
    concurrentWriters: true,
  });
  readonly #db: PgDatabase;
  readonly #writer: ReportWriter;
  readonly #events = new EventHub();
  readonly #order: readonly string[];
  readonly #analysis: AnalysisTables;
  readonly #share: ShareTables;
  readonly #federation: FederationTables;
  readonly #stix: StixTables;

  constructor(db: PgDatabase, options: PostgresStoreOptions = {}) {
    this.#db = db;
    this.#writer = new ReportWriter(db);
    this.#analysis = new AnalysisTables(db);
    this.#share = new ShareTables(db);
    this.#federation = new FederationTables(db);
    this.#order = options.classificationOrder ?? DEFAULT_CLASSIFICATIONS;
    this.#stix = new StixTables(db, this.#order);
  }

  async ingest(reports: readonly ReportInput[]): Promise<IngestOutcome[]> {
    const { outcomes, events } = await this.#writer.writeBatch(reports);
    this.#events.emit(events);
    return outcomes;
  }

  async countReports(viewer: Viewer): Promise<number> {
    const v = this.#visible(viewer, 'r');
    return (await this.#db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM reports r WHERE ${v.sql}`, v.params))!.n;
  }

  async listReports(viewer: Viewer, query: ReportQuery = {}): Promise<ReportSummary[]> {
    const { join, where, params } = this.#reportsWithOriginal(viewer);
    const extra: string[] = [];
    const extraParams: unknown[] = [];
    if (query.releasedTo !== undefined) {
      extra.push('EXISTS (SELECT 1 FROM report_releases x WHERE x.report_id = r.id AND x.grantee = ?)');
      extraParams.push(query.releasedTo);
    }
    if (query.addedAfter !== undefined) {
      extra.push('r.ingested_at > ?');
      extraParams.push(query.addedAfter);
    }
    if (query.carrying !== undefined) {
      // Which reports' objects have these STIX ids (report_stix_ids, migration 4).
      extra.push('r.id IN (SELECT x.report_id FROM report_stix_ids x WHERE x.id_key = ANY(?::bigint[]))');
      extraParams.push(query.carrying.map((id) => idKey(id).toString()));
    }
    const more = extra.map((e) => ` AND ${e}`).join('');
    const rows = await this.#db.all<ReportRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM reports r ${join} WHERE ${where}${more} AND r.id > ? ORDER BY ${this.#reportOrder(query.sort ?? 'id')} LIMIT ? OFFSET ?`,
      [...params, ...extraParams, query.afterId ?? 0, query.limit ?? null, query.offset ?? 0],
    );
    return rows.map(summaryFromRow);
  }

  /**
   * One report at a time through findReport, listClaims and listEntities: the same answers as
   * SQLite's batch read (src/store/sqlite/report-contents.ts), three queries per report.
   */
  async listReportContents(viewer: Viewer, reportIds: readonly number[]): Promise<ReportContents[]> {
    const out: ReportContents[] = [];
    for (const id of [...new Set(reportIds)].sort((a, b) => a - b)) {
      const report = await this.findReport(viewer, id);
      if (!report) continue;
      const [claims, entities] = await Promise.all([this.listClaims(viewer, { reportId: id }), this.listEntities(viewer, { reportId: id })]);
      out.push({ report, claims, entities });
    }
    return out;
  }

  async listReportRanges(viewer: Viewer, matches: readonly ReportMatch[]): Promise<(ReportRange | null)[]> {
    const out: (ReportRange | null)[] = [];
    for (const q of matches) {
      const { from, where, params } = this.#matching(viewer, q);
      const row = await this.#db.get<{ first: number | null; last: number | null }>(`SELECT MIN(r.id) AS first, MAX(r.id) AS last FROM ${from} WHERE ${where}`, params);
      out.push(row?.first == null || row.last == null ? null : { first: row.first, last: row.last });
    }
    return out;
  }

  async hasReport(viewer: Viewer, q: ReportMatch): Promise<boolean> {
    const { from, where, params } = this.#matching(viewer, q);
    return (await this.#db.get(`SELECT 1 AS found FROM ${from} WHERE ${where} LIMIT 1`, params)) !== undefined;
  }

  async countMatchingReports(viewer: Viewer, q: ReportMatch): Promise<number> {
    const { from, where, params } = this.#matching(viewer, q);
    return (await this.#db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`, params))!.n;
  }

  #matching(viewer: Viewer, q: ReportMatch): { from: string; where: string; params: unknown[] } {
    const v = this.#visible(viewer, 'r');
    const filters: string[] = [v.sql];
    const params: unknown[] = [...v.params];
    const add = (sql: string, ...values: unknown[]) => {
      filters.push(sql);
      params.push(...values);
    };
    let from = 'reports r';
    const head: unknown[] = [];
    if (q.entityKey !== undefined) {
      from = 'entities e JOIN report_entities re ON re.entity_id = e.id JOIN reports r ON r.id = re.report_id';
      filters.unshift('e.key = ?');
      head.push(q.entityKey);
    }
    if (q.afterId !== undefined) add('r.id > ?', q.afterId);
    if (q.beforeId !== undefined) add('r.id < ?', q.beforeId);
    if (q.releasedTo !== undefined) add('EXISTS (SELECT 1 FROM report_releases x WHERE x.report_id = r.id AND x.grantee = ?)', q.releasedTo);
    if (q.owner !== undefined) add('r.owner = ?', q.owner);
    if (q.source !== undefined) add('r.source = ?', q.source);
    if (q.tlp !== undefined) add('r.tlp = ?', q.tlp);
    if (q.classification !== undefined) add('r.classification = ?', q.classification);
    if (q.releasableTo !== undefined) add('r.releasable_to = ?::jsonb', JSON.stringify(q.releasableTo));
    if (q.ingestedAt !== undefined) add('r.ingested_at = ?', q.ingestedAt);
    return { from, where: filters.join(' AND '), params: [...head, ...params] };
  }

  async findReport(viewer: Viewer, id: number): Promise<StoredReport | undefined> {
    const { join, where, params } = this.#reportsWithOriginal(viewer);
    const row = await this.#db.get<ReportRow & ProvenanceRow>(
      `SELECT ${SUMMARY_COLUMNS}, r.text, r.main_start, r.main_end, r.content_hash, r.boilerplate, ${PROVENANCE_COLUMNS}
       FROM reports r ${join} LEFT JOIN report_provenance p ON p.report_id = r.id WHERE ${where} AND r.id = ?`,
      [...params, id],
    );
    return row ? { ...reportFromRow(row), provenance: provenanceFromRow(row) } : undefined;
  }

  async listClaims(viewer: Viewer, query: ClaimQuery = {}): Promise<StoredClaim[]> {
    const { join, where, params } = this.#claimsWhere(viewer, query);
    const rows = await this.#db.all<ClaimRow>(
      `SELECT c.*, r.origin AS report_origin, r.title AS report_title, r.source AS report_source,
         r.published AS report_published, o.id AS visible_duplicate_of
       FROM reports r JOIN claims c ON c.report_id = r.id ${join}
       WHERE ${where}
       ORDER BY r.published NULLS FIRST, r.id, c.ordinal LIMIT ? OFFSET ?`,
      [...params, query.limit ?? null, query.offset ?? 0],
    );
    const keys = await this.#entityKeysOfClaims(rows.map((r) => r.id));
    return rows.map((row) => claimFromRow(row, keys.get(row.id) ?? []));
  }

  async countClaims(viewer: Viewer, query: ClaimQuery = {}): Promise<number> {
    const { about, unit, from, to, reportId } = query;
    if (about === undefined && unit === undefined && from === undefined && to === undefined) {
      // Every claim of the visible reports: their counts, without touching a claim.
      const v = this.#visible(viewer, 'r');
      const one = reportId === undefined ? '' : ' AND r.id = ?';
      return (await this.#db.get<{ n: number }>(`SELECT COALESCE(SUM(r.claim_count), 0) AS n FROM reports r WHERE ${v.sql}${one}`, [
        ...v.params,
        ...(reportId === undefined ? [] : [reportId]),
      ]))!.n;
    }
    const { join, where, params } = this.#claimsWhere(viewer, query);
    return (await this.#db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM reports r JOIN claims c ON c.report_id = r.id ${join} WHERE ${where}`, params))!.n;
  }

  async listEntities(viewer: Viewer, query: EntityQuery = {}): Promise<EntitySummary[]> {
    const v = this.#visible(viewer, 'r');
    const filters: string[] = [v.sql];
    const params: unknown[] = [...v.params];
    if (query.type !== undefined) {
      filters.push('e.type = ?');
      params.push(query.type);
    }
    if (query.reportId !== undefined) {
      filters.push('re.report_id = ? AND r.id = ?');
      params.push(query.reportId, query.reportId);
    }
    if (query.name !== undefined) {
      const like = likePattern(query.name);
      filters.push(`(LOWER(re.name) LIKE ? OR LOWER(re.aliases::text) LIKE ?)`);
      params.push(like, like);
    }
    const totals = await this.#db.all<{ id: number; key: string; type: EntityType; reports: number; stories: number; mentions: number }>(
      `SELECT e.id, e.key, e.type, COUNT(*) AS reports, COUNT(DISTINCT COALESCE(o.id, r.id)) AS stories,
         SUM(re.mention_count) AS mentions
       FROM report_entities re JOIN entities e ON e.id = re.entity_id JOIN reports r ON r.id = re.report_id
       ${this.#originalJoin(viewer)}
       WHERE ${filters.join(' AND ')}
       GROUP BY e.id, e.key, e.type
       ORDER BY stories DESC, mentions DESC, e.key LIMIT ?`,
      [...this.#originalParams(viewer), ...params, query.limit ?? null],
    );
    // Names, roles and aliases come from visible reports only: a restricted report's name for a thing stays hidden.
    const details = new Map<number, { names: Map<string, number>; roles: Map<string, number>; aliases: Set<string> }>();
    if (totals.length > 0) {
      const rows = await this.#db.all<{ entity_id: number; name: string; role: string | null; aliases: string[] }>(
        `SELECT re.entity_id, re.name, re.role, re.aliases FROM report_entities re JOIN reports r ON r.id = re.report_id
         WHERE ${v.sql} AND re.entity_id = ANY(?::bigint[])${query.reportId === undefined ? '' : ' AND re.report_id = ?'}`,
        [...v.params, totals.map((t) => t.id), ...(query.reportId === undefined ? [] : [query.reportId])],
      );
      for (const row of rows) {
        let d = details.get(row.entity_id);
        if (!d) details.set(row.entity_id, (d = { names: new Map(), roles: new Map(), aliases: new Set() }));
        d.names.set(row.name, (d.names.get(row.name) ?? 0) + 1);
        if (row.role) d.roles.set(row.role, (d.roles.get(row.role) ?? 0) + 1);
        for (const a of row.aliases) d.aliases.add(a);
      }
    }
    return totals.map((t) => {
      const d = details.get(t.id);
      const name = d ? byCount(d.names)[0] ?? t.key : t.key;
      return {
        key: t.key,
        name,
        type: t.type,
        reports: t.reports,
        stories: t.stories,
        mentions: t.mentions,
        roles: d ? byCount(d.roles) : [],
        aliases: d ? [...d.aliases].filter((a) => a !== name).sort() : [],
      };
    });
  }

  async countSearch(viewer: Viewer, query: string): Promise<number> {
    const q = tsQuery(query);
    if (!q) return 0;
    const v = this.#visible(viewer, 'r');
    return (await this.#db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM reports r WHERE r.search @@ ${q.sql} AND ${v.sql}`, [...q.params, ...v.params]))!.n;
  }

  async search(viewer: Viewer, query: string, options: { limit?: number; offset?: number; order?: 'rank' | 'recent' } = {}): Promise<SearchHit[]> {
    const q = tsQuery(query);
    if (!q) return [];
    const { join, where, params } = this.#reportsWithOriginal(viewer);
    const order = options.order === 'recent' ? 'r.published DESC NULLS LAST, r.id DESC' : 'rank, r.id';
    // The page first, from the index and the policy; snippets are made for its reports only.
    const rows = await this.#db.all<{
      id: number;
      origin: string;
      title: string | null;
      published: string | null;
      visible_duplicate_of: number | null;
      source: string | null;
      classification: string;
      releasable_to: string[];
      owner: string;
      tlp: string;
      snippet: string;
      rank: number;
    }>(
      `WITH q AS (SELECT ${q.sql} AS query),
       page AS (
         SELECT r.id, r.origin, r.title, r.published, o.id AS visible_duplicate_of, r.text, r.main_start, r.main_end,
           r.source, r.classification, r.releasable_to, r.owner, r.tlp,
           -ts_rank(${RANK_WEIGHTS}, r.search, q.query) AS rank
         FROM q, reports r ${join}
         WHERE r.search @@ q.query AND ${where}
         ORDER BY ${order} LIMIT ? OFFSET ?)
       SELECT p.id, p.origin, p.title, p.published, p.visible_duplicate_of, p.rank,
         p.source, p.classification, p.releasable_to, p.owner, p.tlp,
         ts_headline('${TEXT_SEARCH_CONFIG}', substr(p.text, p.main_start + 1, p.main_end - p.main_start), q.query, ${HEADLINE_OPTIONS}) AS snippet
       FROM page p, q
       ORDER BY ${order.replaceAll('r.', 'p.')}`,
      [...q.params, ...params, options.limit ?? 20, options.offset ?? 0],
    );
    return rows.map((r) => ({
      reportId: r.id,
      origin: r.origin,
      title: r.title,
      published: r.published,
      duplicateOf: r.visible_duplicate_of,
      source: r.source,
      marking: { classification: r.classification, releasableTo: fromJson<string[]>(r.releasable_to), owner: r.owner, tlp: r.tlp as TlpLabel },
      snippet: joinMarkedParts(r.snippet).replace(/\s+/g, ' ').trim(),
      rank: r.rank,
    }));
  }

  async listDuplicates(viewer: Viewer, options: { limit?: number } = {}): Promise<DuplicateLink[]> {
    const vr = this.#visible(viewer, 'r');
    const vo = this.#visible(viewer, 'o');
    const rows = await this.#db.all<{
      id: number;
      origin: string;
      source: string | null;
      title: string | null;
      original_id: number;
      original_origin: string;
      original_source: string | null;
    }>(
      `SELECT r.id, r.origin, r.source, r.title, o.id AS original_id, o.origin AS original_origin, o.source AS original_source
       FROM reports r JOIN reports o ON o.id = r.duplicate_of
       WHERE ${vr.sql} AND ${vo.sql} ORDER BY r.id LIMIT ?`,
      [...vr.params, ...vo.params, options.limit ?? null],
    );
    return rows.map((r) => ({
      reportId: r.id,
      origin: r.origin,
      source: r.source,
      title: r.title,
      originalId: r.original_id,
      originalOrigin: r.original_origin,
      originalSource: r.original_source,
    }));
  }

  async stats(viewer: Viewer): Promise<StoreStats> {
    const { join, where, params } = this.#reportsWithOriginal(viewer);
    const reports = (await this.#db.get<{ reports: number; duplicates: number; claims: number }>(
      `SELECT COUNT(*) AS reports, COUNT(o.id) AS duplicates, COALESCE(SUM(r.claim_count), 0) AS claims FROM reports r ${join} WHERE ${where}`,
      params,
    ))!;
    const v = this.#visible(viewer, 'r');
    const entities = (await this.#db.get<{ n: number }>(
      `SELECT COUNT(DISTINCT re.entity_id) AS n FROM report_entities re JOIN reports r ON r.id = re.report_id WHERE ${v.sql}`,
      v.params,
    ))!;
    return { ...reports, entities: entities.n };
  }

  async listReportEntities(viewer: Viewer, reportId: number): Promise<ReportEntity[]> {
    const v = this.#visible(viewer, 'r');
    const rows = await this.#db.all<{ key: string; type: EntityType; name: string; role: string | null; aliases: string[]; mentions: [number, number][] }>(
      `SELECT e.key, e.type, re.name, re.role, re.aliases, re.mentions FROM reports r
       JOIN report_entities re ON re.report_id = r.id JOIN entities e ON e.id = re.entity_id
       WHERE r.id = ? AND ${v.sql} ORDER BY re.mention_count DESC, e.key`,
      [reportId, ...v.params],
    );
    return rows.map((r) => ({
      key: r.key,
      name: r.name,
      type: r.type,
      role: r.role,
      aliases: r.aliases,
      mentions: r.mentions.map(([start, end]) => ({ start, end })),
    }));
  }

  async countByDay(viewer: Viewer): Promise<DayCount[]> {
    const v = this.#visible(viewer, 'r');
    return this.#db.all<DayCount>(
      `SELECT r.published AS day, COUNT(*) AS reports, COALESCE(SUM(r.claim_count), 0) AS claims FROM reports r
       WHERE ${v.sql} GROUP BY r.published ORDER BY r.published NULLS LAST`,
      v.params,
    );
  }

  async listReportItems(viewer: Viewer, reportId: number): Promise<ReportItem[]> {
    const v = this.#visible(viewer, 'r');
    const rows = await this.#db.all<{ kind: ReportItem['kind']; type: string; value: string | null; data: Record<string, unknown> }>(
      `SELECT i.kind, i.type, i.value, i.data FROM reports r JOIN report_items i ON i.report_id = r.id
       WHERE r.id = ? AND ${v.sql} ORDER BY i.ordinal`,
      [reportId, ...v.params],
    );
    return rows.map((r) => ({ kind: r.kind, type: r.type, value: r.value, data: r.data }));
  }

  async listClaimRecords(viewer: Viewer): Promise<ClaimRecord[]> {
    const q = claimRecordQueries((alias) => this.#visible(viewer, alias));
    // One snapshot for both queries: the entities belong to exactly the claims read.
    const { rows, entityRows } = await this.#db.transaction(
      async (tx) => ({
        rows: await tx.all<ClaimRecordRow>(q.claims.sql, q.claims.params),
        entityRows: await tx.all<ClaimEntityRow>(q.entities.sql, q.entities.params),
      }),
      { isolation: 'repeatable read', readOnly: true },
    );
    return claimRecordsFromRows(rows, entityRows);
  }

  // Analysts' decisions are not report data: every viewer's analysis applies them (the viewer
  // argument keeps the one shape of reads, and writes check the role).
  async listOverrides(viewer: Viewer): Promise<StoredOverride[]> {
    return this.#analysis.listOverrides(viewer);
  }

  async addOverride(viewer: Viewer, override: Override, madeBy?: string): Promise<StoredOverride> {
    return this.#analysis.addOverride(viewer, override, madeBy);
  }

  async deleteOverride(viewer: Viewer, id: number): Promise<boolean> {
    return this.#analysis.deleteOverride(viewer, id);
  }

  async listSourceGrades(_viewer: Viewer): Promise<SourceGrade[]> {
    return this.#analysis.listSourceGrades();
  }

  async setSourceGrade(viewer: Viewer, grade: SourceGradeInput): Promise<SourceGrade> {
    return this.#analysis.setSourceGrade(viewer, grade);
  }

  async readAnalysisSnapshot(viewer: Viewer): Promise<AnalysisSnapshot | undefined> {
    return this.#analysis.readSnapshot(viewer);
  }

  async recordAnalysis(viewer: Viewer, record: AnalysisRecord): Promise<RecordedAlert[] | null> {
    return this.#analysis.recordAnalysis(viewer, record);
  }

  async listAlerts(viewer: Viewer, query: { limit?: number; propositionId?: string } = {}): Promise<RecordedAlert[]> {
    return this.#analysis.listAlerts(viewer, query);
  }

  async addPartner(viewer: Viewer, partner: PartnerInput): Promise<Partner> {
    return this.#share.addPartner(viewer, partner);
  }

  async listPartners(viewer: Viewer): Promise<Partner[]> {
    return this.#share.listPartners(viewer);
  }

  async issueToken(viewer: Viewer, token: TokenInput): Promise<IssuedToken> {
    return this.#share.issueToken(viewer, token);
  }

  async revokeToken(viewer: Viewer, tokenId: number): Promise<boolean> {
    return this.#share.revokeToken(viewer, tokenId);
  }

  async listTokens(viewer: Viewer, query: { partnerId?: string } = {}): Promise<TokenRecord[]> {
    return this.#share.listTokens(viewer, query.partnerId);
  }

  async viewerForToken(tokenHash: string): Promise<Viewer | undefined> {
    return this.#share.viewerForToken(tokenHash);
  }

  async appendAudit(entry: AuditInput): Promise<AuditEntry> {
    return this.#share.appendAudit(entry);
  }

  async listAudit(viewer: Viewer, query: { afterId?: number; limit?: number } = {}): Promise<AuditEntry[]> {
    return this.#share.listAudit(viewer, query);
  }

  async instanceId(): Promise<string> {
    return this.#federation.instanceId();
  }

  async instanceSigningKey(): Promise<string> {
    return this.#federation.instanceSigningKey();
  }

  async pinInstanceKey(instance: string, publicKey: string, learnedFrom: string): Promise<string> {
    return this.#federation.pinInstanceKey(instance, publicKey, learnedFrom);
  }

  async instanceKeys(instances: readonly string[]): Promise<Map<string, string>> {
    return this.#federation.instanceKeys(instances);
  }

  async replaceInstanceKey(instance: string, publicKey: string, learnedFrom: string): Promise<void> {
    return this.#federation.replaceInstanceKey(instance, publicKey, learnedFrom);
  }

  async replaceSigningKey(signingKey: string, rotation: KeyRotation): Promise<void> {
    return this.#federation.replaceSigningKey(signingKey, rotation);
  }

  async recordKeyRotations(rotations: readonly KeyRotation[], learnedFrom: string): Promise<void> {
    return this.#federation.recordKeyRotations(rotations, learnedFrom);
  }

  async keyRotations(instances: readonly string[]): Promise<KeyRotation[]> {
    return this.#federation.keyRotations(instances);
  }

  async addPeer(viewer: Viewer, peer: PeerInput): Promise<Peer> {
    return this.#federation.addPeer(viewer, peer);
  }

  async listPeers(viewer: Viewer): Promise<Peer[]> {
    return this.#federation.listPeers(viewer);
  }

  async removePeer(viewer: Viewer, peerId: number): Promise<boolean> {
    return this.#federation.removePeer(viewer, peerId);
  }

  async recordPeerProgress(viewer: Viewer, peerId: number, progress: PeerProgress): Promise<void> {
    await this.#federation.recordPeerProgress(viewer, peerId, progress);
  }

  async listOutgoingReports(viewer: Viewer, query: OutgoingQuery): Promise<OutgoingReport[]> {
    return this.#federation.listOutgoingReports(this.#visible(viewer, 'r'), query);
  }

  async keepStixObjects(viewer: Viewer, objects: readonly StixObjectInput[]): Promise<KeepOutcome[]> {
    return this.#stix.keep(viewer, objects);
  }

  async listStixObjects(viewer: Viewer, query: StixObjectQuery = {}): Promise<KeptStixObject[]> {
    return this.#stix.list(viewer, query);
  }

  onEvent(listener: StoreEventListener): () => void {
    return this.#events.subscribe(listener);
  }

  async close(): Promise<void> {
    await this.#db.close();
  }

  /** ORDER BY of a report sort; classifications by their rank in the configured order, not by name. */
  #reportOrder(sort: ReportSort): string {
    const rank = `CASE r.classification ${this.#order.map((c, i) => `WHEN '${c.replace(/'/g, "''")}' THEN ${i}`).join(' ')} ELSE ${this.#order.length} END`;
    return REPORT_ORDER[sort].replace('CLASSIFICATION_RANK', rank);
  }

  #visible(viewer: Viewer, alias: string): SqlFragment {
    return visibleReportsSql(viewer, alias, this.#order, POSTGRES_SQL);
  }

  /** `LEFT JOIN reports o`: the original of a copy, only when the viewer may see it too. */
  #originalJoin(viewer: Viewer): string {
    return `LEFT JOIN reports o ON o.id = r.duplicate_of AND ${this.#visible(viewer, 'o').sql}`;
  }

  #originalParams(viewer: Viewer): unknown[] {
    return this.#visible(viewer, 'o').params;
  }

  /** Reports the viewer may see, joined to their visible originals; params in SQL order (join, then where). */
  #reportsWithOriginal(viewer: Viewer): { join: string; where: string; params: unknown[] } {
    const vr = this.#visible(viewer, 'r');
    return { join: this.#originalJoin(viewer), where: vr.sql, params: [...this.#originalParams(viewer), ...vr.params] };
  }

  #claimsWhere(viewer: Viewer, query: ClaimQuery): { join: string; where: string; params: unknown[] } {
    const base = this.#reportsWithOriginal(viewer);
    const filters = [base.where];
    const params = [...base.params];
    if (query.reportId !== undefined) {
      filters.push('c.report_id = ? AND r.id = ?');
      params.push(query.reportId, query.reportId);
    }
    if (query.unit !== undefined) {
      // "soldier" finds "soldiers" and the other way round.
      const u = query.unit.toLowerCase();
      const stem = u.endsWith('s') ? u.slice(0, -1) : u;
      filters.push('LOWER(c.unit) IN (?, ?)');
      params.push(stem, `${stem}s`);
    }
    if (query.about !== undefined && query.about.trim() !== '') {
      const like = likePattern(query.about.trim());
      const fields = ['c.counted', 'c.unit', 'c.sentence_text', 'c.attributed_to', 'c.location'];
      filters.push(
        `(${fields.map((f) => `LOWER(${f}) LIKE ?`).join(' OR ')}` +
          // Entities whose name in a report matches are found once per query (an uncorrelated
          // subquery, hashed); each claim then probes it by its entities.
          ` OR EXISTS (SELECT 1 FROM claim_entities ce WHERE ce.claim_id = c.id AND (c.report_id, ce.entity_id) IN` +
          ` (SELECT re.report_id, re.entity_id FROM report_entities re WHERE LOWER(re.name) LIKE ? OR LOWER(re.aliases::text) LIKE ?)))`,
      );
      params.push(...fields.map(() => like), like, like);
    }
    // Overlap of [time_start, time_end] with [from, to]; ISO dates compare as strings.
    if (query.from !== undefined) {
      filters.push('c.time_end >= ?');
      params.push(query.from);
    }
    if (query.to !== undefined) {
      filters.push('c.time_start <= ?');
      params.push(query.to);
    }
    return { join: base.join, where: filters.join(' AND '), params };
  }

  async #entityKeysOfClaims(claimIds: number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (claimIds.length === 0) return out;
    const rows = await this.#db.all<{ claim_id: number; key: string }>(
      `SELECT ce.claim_id, e.key FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id
       WHERE ce.claim_id = ANY(?::bigint[]) ORDER BY e.key`,
      [claimIds],
    );
    for (const r of rows) {
      const list = out.get(r.claim_id);
      if (list) list.push(r.key);
      else out.set(r.claim_id, [r.key]);
    }
    return out;
  }
}

/** Where a `postgres://` location puts the store: a schema named by `?schema=NAME`, else the role's default. */
export function parsePostgresLocation(location: string): { connectionString: string; schema: string | undefined } {
  const url = new URL(location);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`schema "${schema}" is not a plain lower-case name (letters, digits, _)`);
  }
  return { connectionString: url.toString(), schema };
}

/**
 * Opens the store in a PostgreSQL database (`postgres://user@host:port/db`, optionally
 * `?schema=NAME`), creating the schema and migrating it when needed.
 */
export async function openPostgresStore(location: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const { connectionString, schema } = parsePostgresLocation(location);
  const poolSize = options.poolSize ?? (Number(process.env['PARALLAX_PG_POOL']) || 4);
  const db = new PgDatabase({
    connectionString,
    max: poolSize,
    // Every connection of the pool works in the store's schema. Prepared statements (the writer's:
    // database.ts `prepared`) are planned once per connection, not again at every execution;
    // other statements are unnamed and planned with their values, as before.
    options: [...(schema === undefined ? [] : [`-c search_path=${schema}`]), '-c plan_cache_mode=force_generic_plan'].join(' '),
    application_name: 'parallax',
    connectionTimeoutMillis: 10_000,
  });
  try {
    const client = await db.pool.connect();
    try {
      if (options.mustExist) {
        const { rows } = await client.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations') AS t`);
        if (rows[0]?.t === null) throw new StoreMissingError(`no store in ${redact(location)}: run \`parallax ingest PATH... --db URL\` first`);
      }
      await migrate(client, schema);
    } finally {
      client.release();
    }
  } catch (e) {
    await db.close();
    throw e;
  }
  return new PostgresStore(db, options);
}

/** The location without its password, for messages. */
export function redact(location: string): string {
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return location;
  }
}

/** `%text%` for a case-insensitive LIKE (backslash escapes, PostgreSQL's default), with the wildcards in the text escaped. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function byCount(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
}
