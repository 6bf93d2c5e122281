import type Database from 'better-sqlite3';
import type { ClaimRecord, Override } from '../../analyse/index.js';
import type { EntityType } from '../../domain/entity.js';
import type { ReportItem } from '../../domain/interop.js';
import { DEFAULT_CLASSIFICATIONS, type TlpLabel } from '../../domain/marking.js';
import type { Viewer } from '../../domain/viewer.js';
import { visibleReportsSql, type SqlFragment } from '../../share/policy.js';
import { EventHub, type StoreEventListener } from '../store-event.js';
import type {
  AuditEntry,
  AuditInput,
  DayCount,
  ReportEntity,
  ReportSort,
  IssuedToken,
  TokenRecord,
  OutgoingQuery,
  OutgoingReport,
  Peer,
  PeerInput,
  PeerProgress,
  Partner,
  PartnerInput,
  TokenInput,
  AnalysisRecord,
  AnalysisSnapshot,
  ClaimQuery,
  DuplicateLink,
  EntityQuery,
  EntitySummary,
  IngestOutcome,
  KeyRotation,
  RecordedAlert,
  ReportContents,
  ReportInput,
  ReportMatch,
  ReportRange,
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
  KeepOutcome,
  KeptStixObject,
  StixObjectInput,
  StixObjectQuery,
} from '../store.js';
import { AnalysisTables } from './analysis-tables.js';
import { FederationTables } from './federation-tables.js';
import { PROVENANCE_COLUMNS, provenanceFromRow, type ProvenanceRow } from '../federation-rows.js';
import { claimRecordQueries, claimRecordsFromRows, type ClaimEntityRow, type ClaimRecordRow } from '../claim-records.js';
import { ftsQuery } from './fts-query.js';
import { openDatabase } from './open-database.js';
import { readReportContents } from './report-contents.js';
import { ReportWriter } from './report-writer.js';
import { ShareTables } from './share-tables.js';
import { idKeysJson } from './stix-index.js';
import { StixTables } from './stix-tables.js';
import { claimFromRow, reportFromRow, summaryFromRow, type ClaimRow, type ReportRow } from '../rows.js';

export interface SqliteStoreOptions {
  /** Classification levels, lowest first, for the access policy. */
  classificationOrder?: readonly string[];
}

const SUMMARY_COLUMNS = `r.id, r.origin, r.format, r.title, r.url, r.source, r.published, r.ingested_at,
  o.id AS visible_duplicate_of, r.claim_count, r.entity_count, r.classification, r.releasable_to, r.owner, r.tlp`;

/** ORDER BY of each report sort; ties by id so pages do not overlap. NULLs (undated, no source) last either way. */
const REPORT_ORDER: Record<ReportSort, string> = {
  id: 'r.id',
  '-id': 'r.id DESC',
  published: 'r.published IS NULL, r.published, r.id',
  // NULL sorts lowest in SQLite: undated reports come last without a test the index cannot serve.
  '-published': 'r.published DESC, r.id DESC',
  source: 'r.source IS NULL, r.source COLLATE NOCASE, r.id',
  '-source': 'r.source IS NULL, r.source COLLATE NOCASE DESC, r.id DESC',
  classification: 'CLASSIFICATION_RANK, r.id',
  '-classification': 'CLASSIFICATION_RANK DESC, r.id DESC',
  title: 'r.title IS NULL, r.title COLLATE NOCASE, r.id',
  '-title': 'r.title IS NULL, r.title COLLATE NOCASE DESC, r.id DESC',
};

/** The store in one SQLite file. Synchronous underneath (better-sqlite3), asynchronous outside. */
export class SqliteStore implements Store {
  readonly capabilities: StoreCapabilities = Object.freeze({
    dialect: 'sqlite',
    fullTextSearch: true,
    concurrentWriters: false,
  });
  readonly #db: Database.Database;
  readonly #writer: ReportWriter;
  readonly #events = new EventHub();
  readonly #order: readonly string[];
  readonly #analysis: AnalysisTables;
  readonly #share: ShareTables;
  readonly #federation: FederationTables;
  readonly #stix: StixTables;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #visibleSql = new Map<string, SqlFragment>();
  /** listReportRanges answers, until the reports change: by this process (#writes) or another (data_version). */
  readonly #ranges = new Map<string, ReportRange | null>();
  #rangesOf = '';
  #writes = 0;

  constructor(db: Database.Database, options: SqliteStoreOptions = {}) {
    this.#db = db;
    this.#writer = new ReportWriter(db);
    this.#analysis = new AnalysisTables(db);
    this.#share = new ShareTables(db);
    this.#federation = new FederationTables(db, (sql) => this.#statement(sql));
    this.#order = options.classificationOrder ?? DEFAULT_CLASSIFICATIONS;
    this.#stix = new StixTables(db, this.#order);
  }

  async ingest(reports: readonly ReportInput[]): Promise<IngestOutcome[]> {
    const { outcomes, events } = this.#writer.writeBatch(reports, this.#events.active);
    this.#writes++;
    this.#events.emit(events);
    return outcomes;
  }

  async countReports(viewer: Viewer): Promise<number> {
    const v = this.#visible(viewer, 'r');
    return (this.#statement(`SELECT COUNT(*) AS n FROM reports r WHERE ${v.sql}`).get(...v.params) as { n: number }).n;
  }

  async listReports(viewer: Viewer, query: ReportQuery = {}): Promise<ReportSummary[]> {
    const { join, where, params } = this.#reportsWithOriginal(viewer);
    const extra: string[] = [];
    const extraParams: unknown[] = [];
    if (query.releasedTo !== undefined) {
      extra.push('EXISTS (SELECT 1 FROM report_releases x WHERE x.report_id = r.id AND x.grantee = ?)');
      extraParams.push(query.releasedTo);
    }
    if (query.carrying !== undefined) {
      // The index of migration 10: which reports' objects have these STIX ids.
      extra.push('r.id IN (SELECT x.report_id FROM report_stix_ids x WHERE x.id_key IN (SELECT value FROM json_each(?)))');
      extraParams.push(idKeysJson(query.carrying));
    }
    if (query.addedAfter !== undefined) {
      // Ids grow with the time reports are stored: start at the first one stored after the time (index seek).
      extra.push('r.ingested_at > ? AND r.id >= COALESCE((SELECT a.id FROM reports a WHERE a.ingested_at > ? ORDER BY a.ingested_at, a.id LIMIT 1), 1e18)');
      extraParams.push(query.addedAfter, query.addedAfter);
    }
    const more = extra.map((e) => ` AND ${e}`).join('');
    const rows = this.#statement(`SELECT ${SUMMARY_COLUMNS} FROM reports r ${join} WHERE ${where}${more} AND r.id > ? ORDER BY ${this.#reportOrder(query.sort ?? 'id')} LIMIT ? OFFSET ?`)
      .all(...params, ...extraParams, query.afterId ?? 0, query.limit ?? -1, query.offset ?? 0) as ReportRow[];
    return rows.map(summaryFromRow);
  }

  async hasReport(viewer: Viewer, q: ReportMatch): Promise<boolean> {
    const { from, where, params } = this.#matching(viewer, q);
    return this.#statement(`SELECT 1 FROM ${from} WHERE ${where} LIMIT 1`).get(...params) !== undefined;
  }

  async countMatchingReports(viewer: Viewer, q: ReportMatch): Promise<number> {
    const { from, where, params } = this.#matching(viewer, q);
    return (this.#statement(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`).get(...params) as { n: number }).n;
  }

  async listReportContents(viewer: Viewer, reportIds: readonly number[]): Promise<ReportContents[]> {
    const visible = { r: this.#visible(viewer, 'r'), o: this.#visible(viewer, 'o') };
    return readReportContents((sql) => this.#statement(sql), SUMMARY_COLUMNS, visible, reportIds);
  }

  /**
   * Kept until the reports change (only ingest writes reports, their releases and entities; another
   * process's commit shows in data_version): TAXII asks the same ranges page after page.
   */
  async listReportRanges(viewer: Viewer, matches: readonly ReportMatch[]): Promise<(ReportRange | null)[]> {
    const of = `${this.#writes}|${this.#db.pragma('data_version', { simple: true }) as number}`;
    if (of !== this.#rangesOf || this.#ranges.size >= 100_000) {
      this.#ranges.clear();
      this.#rangesOf = of;
    }
    return matches.map((q) => {
      const { from, where, params } = this.#matching(viewer, q);
      const key = `${from}|${where}|${JSON.stringify(params)}`;
      let range = this.#ranges.get(key);
      if (range === undefined) {
        // By entity: the (entity, report) index gives its reports in order, so each end is one seek.
        const by = from.startsWith('entities') ? 're.report_id' : 'r.id';
        const row = this.#statement(
          `SELECT (SELECT ${by} FROM ${from} WHERE ${where} ORDER BY ${by} LIMIT 1) AS first,
             (SELECT ${by} FROM ${from} WHERE ${where} ORDER BY ${by} DESC LIMIT 1) AS last`,
        ).get(...params, ...params) as { first: number | null; last: number | null };
        range = row.first === null || row.last === null ? null : { first: row.first, last: row.last };
        this.#ranges.set(key, range);
      }
      return range;
    });
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
    if (q.entityKey !== undefined && q.ingestedAt !== undefined) {
      // The reports stored at that time are few (one ingest batch): from them (index by time), then the entity.
      add('EXISTS (SELECT 1 FROM entities e JOIN report_entities re ON re.entity_id = e.id WHERE e.key = ? AND re.report_id = r.id)', q.entityKey);
    } else if (q.entityKey !== undefined) {
      // From the entity's rows (index by entity, then report), so the first later report is a seek away.
      from = 'entities e JOIN report_entities re ON re.entity_id = e.id JOIN reports r ON r.id = re.report_id';
      filters.unshift('e.key = ?');
      head.push(q.entityKey);
      if (q.afterId !== undefined) add('re.report_id > ?', q.afterId);
      if (q.beforeId !== undefined) add('re.report_id < ?', q.beforeId);
    }
    if (q.afterId !== undefined) add('r.id > ?', q.afterId);
    if (q.beforeId !== undefined) add('r.id < ?', q.beforeId);
    if (q.releasedTo !== undefined) add('EXISTS (SELECT 1 FROM report_releases x WHERE x.report_id = r.id AND x.grantee = ?)', q.releasedTo);
    if (q.owner !== undefined) add('r.owner = ?', q.owner);
    if (q.source !== undefined) add('r.source = ?', q.source);
    if (q.tlp !== undefined) add('r.tlp = ?', q.tlp);
    if (q.classification !== undefined) add('r.classification = ?', q.classification);
    if (q.releasableTo !== undefined) add('r.releasable_to = ?', JSON.stringify(q.releasableTo));
    if (q.ingestedAt !== undefined) add('r.ingested_at = ?', q.ingestedAt);
    return { from, where: filters.join(' AND '), params: [...head, ...params] };
  }

  async findReport(viewer: Viewer, id: number): Promise<StoredReport | undefined> {
    const { join, where, params } = this.#reportsWithOriginal(viewer);
    const row = this.#statement(
        `SELECT ${SUMMARY_COLUMNS}, r.text, r.main_start, r.main_end, r.content_hash, r.boilerplate, ${PROVENANCE_COLUMNS}
         FROM reports r ${join} LEFT JOIN report_provenance p ON p.report_id = r.id WHERE ${where} AND r.id = ?`,
      )
      .get(...params, id) as (ReportRow & ProvenanceRow) | undefined;
    return row ? { ...reportFromRow(row), provenance: provenanceFromRow(row) } : undefined;
  }

  async listClaims(viewer: Viewer, query: ClaimQuery = {}): Promise<StoredClaim[]> {
    const { join, where, params } = this.#claimsWhere(viewer, query);
    const rows = this.#statement(
        `SELECT c.*, r.origin AS report_origin, r.title AS report_title, r.source AS report_source,
           r.published AS report_published, o.id AS visible_duplicate_of
         FROM reports r CROSS JOIN claims c ON c.report_id = r.id ${join}
         WHERE ${where}
         ORDER BY r.published, r.id, c.ordinal LIMIT ? OFFSET ?`,
      )
      .all(...params, query.limit ?? -1, query.offset ?? 0) as ClaimRow[];
    const keys = this.#entityKeysOfClaims(rows.map((r) => r.id));
    return rows.map((row) => claimFromRow(row, keys.get(row.id) ?? []));
  }

  async countClaims(viewer: Viewer, query: ClaimQuery = {}): Promise<number> {
    const { about, unit, from, to, reportId } = query;
    if (about === undefined && unit === undefined && from === undefined && to === undefined) {
      // Every claim of the visible reports: their counts, without touching a claim.
      const v = this.#visible(viewer, 'r');
      const one = reportId === undefined ? '' : ' AND r.id = ?';
      return (
        this.#statement(`SELECT COALESCE(SUM(r.claim_count), 0) AS n FROM reports r WHERE ${v.sql}${one}`).get(
          ...v.params,
          ...(reportId === undefined ? [] : [reportId]),
        ) as { n: number }
      ).n;
    }
    const { join, where, params } = this.#claimsWhere(viewer, query);
    return (
      this.#statement(`SELECT COUNT(*) AS n FROM reports r CROSS JOIN claims c ON c.report_id = r.id ${join} WHERE ${where}`)
        .get(...params) as { n: number }
    ).n;
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
      filters.push(`(LOWER(re.name) LIKE ? ESCAPE '\\' OR LOWER(re.aliases) LIKE ? ESCAPE '\\')`);
      params.push(like, like);
    }
    const totals = this.#statement(
        `SELECT e.id, e.key, e.type, COUNT(*) AS reports, COUNT(DISTINCT COALESCE(o.id, r.id)) AS stories,
           SUM(re.mention_count) AS mentions
         FROM report_entities re JOIN entities e ON e.id = re.entity_id JOIN reports r ON r.id = re.report_id
         ${this.#originalJoin(viewer)}
         WHERE ${filters.join(' AND ')}
         GROUP BY e.id, e.key, e.type
         ORDER BY stories DESC, mentions DESC, e.key LIMIT ?`,
      )
      .all(...this.#originalParams(viewer), ...params, query.limit ?? -1) as {
      id: number;
      key: string;
      type: EntityType;
      reports: number;
      stories: number;
      mentions: number;
    }[];
    // Names, roles and aliases come from visible reports only: a restricted report's name for a thing stays hidden.
    const one = query.reportId;
    const details = new Map<number, { names: Map<string, number>; roles: Map<string, number>; aliases: Set<string> }>();
    for (const ids of chunks(totals.map((t) => t.id), 500)) {
      const rows = this.#statement(
          `SELECT re.entity_id, re.name, re.role, re.aliases FROM report_entities re JOIN reports r ON r.id = re.report_id
           WHERE ${v.sql} AND re.entity_id IN (${ids.map(() => '?').join(', ')})${one === undefined ? '' : ' AND re.report_id = ?'}`,
        )
        .all(...v.params, ...ids, ...(one === undefined ? [] : [one])) as { entity_id: number; name: string; role: string | null; aliases: string }[];
      for (const row of rows) {
        let d = details.get(row.entity_id);
        if (!d) details.set(row.entity_id, (d = { names: new Map(), roles: new Map(), aliases: new Set() }));
        d.names.set(row.name, (d.names.get(row.name) ?? 0) + 1);
        if (row.role) d.roles.set(row.role, (d.roles.get(row.role) ?? 0) + 1);
        for (const a of JSON.parse(row.aliases) as string[]) d.aliases.add(a);
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

  async listReportItems(viewer: Viewer, reportId: number): Promise<ReportItem[]> {
    const v = this.#visible(viewer, 'r');
    const rows = this.#statement(
        `SELECT i.kind, i.type, i.value, i.data FROM reports r JOIN report_items i ON i.report_id = r.id
         WHERE r.id = ? AND ${v.sql} ORDER BY i.ordinal`,
      )
      .all(reportId, ...v.params) as { kind: ReportItem['kind']; type: string; value: string | null; data: string }[];
    return rows.map((r) => ({ kind: r.kind, type: r.type, value: r.value, data: JSON.parse(r.data) as Record<string, unknown> }));
  }

  async countSearch(viewer: Viewer, query: string): Promise<number> {
    const match = ftsQuery(query);
    if (match === '') return 0;
    const vr = this.#visible(viewer, 'r');
    return (
      this.#statement(`SELECT COUNT(*) AS n FROM reports_fts JOIN reports r ON r.id = reports_fts.rowid WHERE reports_fts MATCH ? AND ${vr.sql}`)
        .get(match, ...vr.params) as { n: number }
    ).n;
  }

  async search(viewer: Viewer, query: string, options: { limit?: number; offset?: number; order?: 'rank' | 'recent' } = {}): Promise<SearchHit[]> {
    const match = ftsQuery(query);
    if (match === '') return [];
    const vr = this.#visible(viewer, 'r');
    const recent = options.order === 'recent';
    // Newest first: the page is chosen from the reports alone, then snippets are made for it only
    // (rank order needs the full-text scores of every match anyway).
    const page = recent
      ? `AND r.id IN (SELECT p.id FROM reports p WHERE p.id IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?)
           AND ${this.#visible(viewer, 'p').sql} ORDER BY p.published DESC, p.id DESC LIMIT ? OFFSET ?)`
      : '';
    const pageParams = recent ? [match, ...this.#visible(viewer, 'p').params, options.limit ?? 20, options.offset ?? 0] : [];
    const rows = this.#statement(
        `SELECT r.id, r.origin, r.title, r.published, o.id AS visible_duplicate_of, r.source, r.classification, r.releasable_to, r.owner, r.tlp,
           snippet(reports_fts, -1, '«', '»', '…', 16) AS snippet, bm25(reports_fts, 4.0, 1.0) AS rank
         FROM reports_fts JOIN reports r ON r.id = reports_fts.rowid ${this.#originalJoin(viewer)}
         WHERE reports_fts MATCH ? AND ${vr.sql} ${page}
         ORDER BY ${recent ? 'r.published DESC, r.id DESC' : 'rank, r.id'} LIMIT ? OFFSET ?`,
      )
      .all(
        ...this.#originalParams(viewer),
        match,
        ...vr.params,
        ...pageParams,
        recent ? -1 : options.limit ?? 20,
        recent ? 0 : options.offset ?? 0,
      ) as {
      id: number;
      origin: string;
      title: string | null;
      published: string | null;
      visible_duplicate_of: number | null;
      source: string | null;
      classification: string;
      releasable_to: string;
      owner: string;
      tlp: string;
      snippet: string;
      rank: number;
    }[];
    return rows.map((r) => ({
      reportId: r.id,
      origin: r.origin,
      title: r.title,
      published: r.published,
      duplicateOf: r.visible_duplicate_of,
      source: r.source,
      marking: { classification: r.classification, releasableTo: JSON.parse(r.releasable_to) as string[], owner: r.owner, tlp: r.tlp as TlpLabel },
      snippet: r.snippet.replace(/\s+/g, ' ').trim(),
      rank: r.rank,
    }));
  }

  async listDuplicates(viewer: Viewer, options: { limit?: number } = {}): Promise<DuplicateLink[]> {
    const vr = this.#visible(viewer, 'r');
    const vo = this.#visible(viewer, 'o');
    const rows = this.#statement(
        `SELECT r.id, r.origin, r.source, r.title, o.id AS original_id, o.origin AS original_origin, o.source AS original_source
         FROM reports r JOIN reports o ON o.id = r.duplicate_of
         WHERE ${vr.sql} AND ${vo.sql} ORDER BY r.id LIMIT ?`,
      )
      .all(...vr.params, ...vo.params, options.limit ?? -1) as {
      id: number;
      origin: string;
      source: string | null;
      title: string | null;
      original_id: number;
      original_origin: string;
      original_source: string | null;
    }[];
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
    const reports = this.#statement(
        `SELECT COUNT(*) AS reports, COUNT(o.id) AS duplicates, COALESCE(SUM(r.claim_count), 0) AS claims
         FROM reports r ${join} WHERE ${where}`,
      )
      .get(...params) as { reports: number; duplicates: number; claims: number };
    const v = this.#visible(viewer, 'r');
    const entities = this.#statement(
        `SELECT COUNT(DISTINCT re.entity_id) AS n FROM report_entities re JOIN reports r ON r.id = re.report_id WHERE ${v.sql}`,
      )
      .get(...v.params) as { n: number };
    return { ...reports, entities: entities.n };
  }

  async listReportEntities(viewer: Viewer, reportId: number): Promise<ReportEntity[]> {
    const v = this.#visible(viewer, 'r');
    const rows = this.#statement(
        `SELECT e.key, e.type, re.name, re.role, re.aliases, re.mentions FROM reports r
         JOIN report_entities re ON re.report_id = r.id JOIN entities e ON e.id = re.entity_id
         WHERE r.id = ? AND ${v.sql} ORDER BY re.mention_count DESC, e.key`,
      )
      .all(reportId, ...v.params) as { key: string; type: EntityType; name: string; role: string | null; aliases: string; mentions: string }[];
    return rows.map((r) => ({
      key: r.key,
      name: r.name,
      type: r.type,
      role: r.role,
      aliases: JSON.parse(r.aliases) as string[],
      mentions: (JSON.parse(r.mentions) as [number, number][]).map(([start, end]) => ({ start, end })),
    }));
  }

  async countByDay(viewer: Viewer): Promise<DayCount[]> {
    const v = this.#visible(viewer, 'r');
    return this.#statement(
      `SELECT r.published AS day, COUNT(*) AS reports, COALESCE(SUM(r.claim_count), 0) AS claims FROM reports r
       WHERE ${v.sql} GROUP BY r.published ORDER BY r.published IS NULL, r.published`,
    ).all(...v.params) as DayCount[];
  }

  async listClaimRecords(viewer: Viewer): Promise<ClaimRecord[]> {
    const q = claimRecordQueries((alias) => this.#visible(viewer, alias));
    // One read transaction: the claims and their entities come from the same state.
    const { rows, entityRows } = this.#db
      .transaction(() => ({
        rows: this.#db.prepare(q.claims.sql).all(...q.claims.params) as ClaimRecordRow[],
        entityRows: this.#db.prepare(q.entities.sql).all(...q.entities.params) as ClaimEntityRow[],
      }))
      .deferred();
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
    this.#federation.recordPeerProgress(viewer, peerId, progress);
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
    if (this.#db.open) {
      // Fold the WAL back into the main file so a closed store is one file.
      this.#db.pragma('wal_checkpoint(TRUNCATE)');
      this.#db.close();
    }
  }

  /**
   * Prepared statements by SQL text. The policy's SQL differs only by the number of a viewer's
   * communities, so a server answering many partners reuses a few statements instead of compiling
   * one per request. Bounded: IN lists of varying length make new texts.
   */
  #statement(sql: string): Database.Statement {
    let st = this.#statements.get(sql);
    if (!st) {
      if (this.#statements.size >= 256) this.#statements.clear();
      st = this.#db.prepare(sql);
      this.#statements.set(sql, st);
    }
    return st;
  }

  /** ORDER BY of a report sort; classifications by their rank in the configured order, not by name. */
  #reportOrder(sort: ReportSort): string {
    const rank = `CASE r.classification ${this.#order.map((c, i) => `WHEN '${c.replace(/'/g, "''")}' THEN ${i}`).join(' ')} ELSE ${this.#order.length} END`;
    return REPORT_ORDER[sort].replace('CLASSIFICATION_RANK', rank);
  }

  /** The policy's SQL for a viewer, built once per partner, clearance and communities (every read asks for it). */
  #visible(viewer: Viewer, alias: string): SqlFragment {
    const key = JSON.stringify([alias, viewer.partnerId, viewer.clearance, viewer.communities]);
    let v = this.#visibleSql.get(key);
    if (v === undefined) {
      v = visibleReportsSql(viewer, alias, this.#order);
      if (this.#visibleSql.size >= 1_000) this.#visibleSql.clear();
      this.#visibleSql.set(key, v);
    }
    return { sql: v.sql, params: [...v.params] };
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

  /**
   * Claims are read report first (CROSS JOIN fixes SQLite's join order): the policy is checked
   * once per report, not once per claim, and reports come in publication order from their index,
   * so a first page stops early instead of sorting every visible claim.
   */
  #claimsWhere(viewer: Viewer, query: ClaimQuery): { join: string; where: string; params: unknown[] } {
    const base = this.#reportsWithOriginal(viewer);
    const filters = [base.where];
    const params = [...base.params];
    if (query.reportId !== undefined) {
      // Both sides named, so the planner starts from the one report rather than every visible one.
      filters.push('c.report_id = ? AND r.id = ?');
      params.push(query.reportId, query.reportId);
    }
    if (query.unit !== undefined) {
      // "soldier" finds "soldiers" and the other way round.
      const u = query.unit.toLowerCase();
      const stem = u.endsWith('s') ? u.slice(0, -1) : u;
      filters.push('(LOWER(c.unit) = ? OR LOWER(c.unit) = ?)');
      params.push(stem, `${stem}s`);
    }
    if (query.about !== undefined && query.about.trim() !== '') {
      const like = likePattern(query.about.trim());
      const fields = ['c.counted', 'c.unit', 'c.sentence_text', 'c.attributed_to', 'c.location'];
      // Entities whose name in a report matches are found once per query (an uncorrelated
      // subquery SQLite builds into a temporary index); each claim then probes it by its entities.
      filters.push(
        `(${fields.map((f) => `LOWER(${f}) LIKE ? ESCAPE '\\'`).join(' OR ')}` +
          ` OR EXISTS (SELECT 1 FROM claim_entities ce WHERE ce.claim_id = c.id AND (c.report_id, ce.entity_id) IN` +
          ` (SELECT re.report_id, re.entity_id FROM report_entities re WHERE LOWER(re.name) LIKE ? ESCAPE '\\' OR LOWER(re.aliases) LIKE ? ESCAPE '\\')))`,
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

  #entityKeysOfClaims(claimIds: number[]): Map<number, string[]> {
    const out = new Map<number, string[]>();
    for (const ids of chunks(claimIds, 500)) {
      const rows = this.#statement(
          `SELECT ce.claim_id, e.key FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id
           WHERE ce.claim_id IN (${ids.map(() => '?').join(', ')}) ORDER BY e.key`,
        )
        .all(...ids) as { claim_id: number; key: string }[];
      for (const r of rows) {
        const list = out.get(r.claim_id);
        if (list) list.push(r.key);
        else out.set(r.claim_id, [r.key]);
      }
    }
    return out;
  }
}

/** Opens the store in one SQLite file (created and migrated when needed). */
export async function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  return new SqliteStore(openDatabase(file), options);
}

/** `%text%` for a case-insensitive LIKE, with the LIKE wildcards in the text escaped. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function byCount(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
