import { mainText } from '../../domain/document.js';
import type { Entity } from '../../domain/entity.js';
import {
  bestCandidate,
  CLAIM_COLUMNS,
  claimRow,
  decideVersion,
  entitiesOfClaim,
  failedOutcome,
  markingParams,
  MAX_CANDIDATES,
  mergeByKey,
  newIsEarlier,
  ingestedHere,
  SAME_MARKING,
  writtenOutcome,
  type HeldRow,
  type Candidate,
  type OriginalMatch,
  type StoredVersions,
} from '../report-plan.js';
import { reportObjectIds } from '../../interop/stix/object-ids.js';
import { sketchToBlob } from '../sketch-blob.js';
import { idKey } from '../sqlite/stix-index.js';
import type { StoreEvent } from '../store-event.js';
import type { IngestOutcome, ReportInput } from '../store.js';
import { prepared, type PgDatabase, type Queryable } from './database.js';
import { TEXT_SEARCH_CONFIG } from './search.js';
import { storedAt } from '../stored-at.js';

const CANDIDATE_COLUMNS = 'id, duplicate_of, published, sketch, fingerprint_exact';
const LOCK_ORIGINS = prepared(
  'SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM (SELECT DISTINCT k FROM unnest(?::text[]) AS k ORDER BY k) AS keys',
);
const INSERT_ENTITIES = prepared('INSERT INTO entities (key, type) SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT (key) DO NOTHING');
const ENTITY_IDS = prepared('SELECT id, key FROM entities WHERE key = ANY(?::text[])');
const MARKED = (alias: string) => SAME_MARKING.replace(/(\w+) = \?/g, `${alias}.$1 = ?`);

interface LookupRow extends Candidate {
  kind: 'same' | 'previous' | 'held' | 'lineage' | 'exact' | 'banded';
  claim_count: number | null;
  entity_count: number | null;
  bands: string[] | null;
  origin_report_id: number | null;
}

interface Known extends StoredVersions {
  exact: Candidate | undefined;
  /** Most shared bands first. */
  banded: Candidate[];
}

/**
 * The lookups of the writer rule (report-plan.ts `decideVersion`) and of the original, in one
 * query: a report ingested here passes null for the held version, a received one null for the
 * content hash and the local origin, so only the branches it needs find anything.
 */
const LOOK_UP = prepared(`
  (SELECT 'same' AS kind, r.id, r.duplicate_of, NULL::text AS published, NULL::bytea AS sketch, NULL::text AS fingerprint_exact,
     r.claim_count, r.entity_count, NULL::jsonb AS bands, 0::bigint AS shared, NULL::bigint AS origin_report_id
   FROM reports r WHERE r.content_hash = ? AND ${MARKED('r')} LIMIT 1)
  UNION ALL
  (SELECT 'previous', r.id, NULL, NULL, NULL, NULL, NULL, NULL, r.bands, 0, NULL
   FROM reports r WHERE r.origin = ? AND ${MARKED('r')} AND ${ingestedHere('r')} ORDER BY r.id DESC LIMIT 1)
  UNION ALL
  (SELECT 'held', r.id, r.duplicate_of, NULL, NULL, NULL, r.claim_count, r.entity_count, NULL, 0, q.origin_report_id
   FROM report_provenance q JOIN reports r ON r.id = q.report_id WHERE q.origin_instance = ? AND q.origin_report_id = ?)
  UNION ALL
  (SELECT 'lineage', r.id, r.duplicate_of, NULL, NULL, NULL, r.claim_count, r.entity_count, r.bands, 0, q.origin_report_id
   FROM reports r JOIN report_provenance q ON q.report_id = r.id
   WHERE r.origin = ? AND ${MARKED('r')} AND q.origin_instance = ? ORDER BY r.id DESC LIMIT 1)
  UNION ALL
  (SELECT 'exact', r.id, r.duplicate_of, r.published, r.sketch, r.fingerprint_exact, NULL, NULL, NULL, 0, NULL
   FROM reports r WHERE r.fingerprint_exact = ? AND ${MARKED('r')} ORDER BY r.id LIMIT 1)
  UNION ALL
  (SELECT 'banded', r.id, r.duplicate_of, r.published, r.sketch, r.fingerprint_exact, NULL, NULL, NULL, b.shared, NULL
   FROM (SELECT report_id, COUNT(*) AS shared FROM report_bands WHERE band = ANY(?::text[])
         GROUP BY report_id ORDER BY COUNT(*) DESC, report_id LIMIT ${MAX_CANDIDATES}) b
   JOIN reports r ON r.id = b.report_id WHERE ${MARKED('r')} ORDER BY b.shared DESC, r.id)`);

/**
 * The peers' feed (migration 4 says why): under a lock held until COMMIT, positions for the
 * reports this transaction wrote and kept (a batch may replace its own earlier version).
 */
const LOCK_FEED = prepared(`SELECT pg_advisory_xact_lock(hashtextextended('parallax-feed:' || current_schema(), 0))`);
const APPEND_FEED = prepared('INSERT INTO report_feed (report_id) SELECT id FROM reports WHERE id = ANY(?::bigint[]) ORDER BY id');
/** Under the same lock, the storing time (stored-at.ts): the server's clock, one clock for every writer. */
const CLOCK_AND_LAST = prepared(
  `SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now,
     (SELECT MAX(ingested_at) FROM reports WHERE id <> ALL(?::bigint[])) AS last`,
);
const STAMP = prepared('UPDATE reports SET ingested_at = ? WHERE id = ANY(?::bigint[])');

/** PostgreSQL types of the claim columns after report_id, for unnest(). */
const CLAIM_TYPES: Record<(typeof CLAIM_COLUMNS)[number], string> = {
  report_id: 'bigint', ordinal: 'int', span_start: 'int', span_end: 'int', sentence_start: 'int', sentence_end: 'int',
  sentence_text: 'text', value_low: 'float8', value_high: 'float8', unit: 'text', counted: 'text', counted_start: 'int',
  counted_end: 'int', per: 'text', qualifier: 'text', vague: 'bool', attributed_to: 'text', speaker_key: 'text',
  speaker_start: 'int', speaker_end: 'int', time_start: 'text', time_end: 'text', time_text: 'text',
  time_span_start: 'int', time_span_end: 'int', location: 'text', location_start: 'int', location_end: 'int',
};
const CLAIM_VALUES = CLAIM_COLUMNS.slice(1);

/**
 * One report and all its rows in one statement. The CTEs all run (PostgreSQL executes every
 * data-modifying CTE), see the new report only through RETURNING, and the foreign keys are checked
 * at the end of the statement, when every row is there.
 */
const WRITE_REPORT = prepared(`
WITH r AS (
  INSERT INTO reports (origin, format, title, url, source, published, text, main_start, main_end,
    boilerplate, content_hash, fingerprint_exact, sketch, bands, classification, releasable_to, owner, tlp, ingested_at,
    duplicate_of, resemblance, claim_count, entity_count, search)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
    setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', ?), 'A') || setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', ?), 'B'))
  RETURNING id),
releases AS (
  INSERT INTO report_releases (report_id, grantee) SELECT DISTINCT r.id, g FROM r, unnest(?::text[]) AS g),
bands AS (
  INSERT INTO report_bands (band, report_id) SELECT DISTINCT b, r.id FROM r, unnest(?::text[]) AS b),
named AS (
  INSERT INTO report_entities (report_id, entity_id, name, role, aliases, mention_count, mentions)
  SELECT r.id, e.* FROM r, unnest(?::bigint[], ?::text[], ?::text[], ?::jsonb[], ?::int[], ?::jsonb[]) AS e),
c AS (
  INSERT INTO claims (${CLAIM_COLUMNS.join(', ')})
  SELECT r.id, v.* FROM r, unnest(${CLAIM_VALUES.map((c) => `?::${CLAIM_TYPES[c]}[]`).join(', ')}) AS v
  RETURNING id, ordinal),
provenance AS (
  INSERT INTO report_provenance (report_id, origin_instance, origin_report_id, origin_ingested_at, received_from, received_at, signature, verified)
  SELECT r.id, p.* FROM r, (VALUES (?::text, ?::bigint, ?::text, ?::text, ?::text, ?::text, ?::boolean))
    AS p(i, n, at, sender, here, signature, verified) WHERE p.i IS NOT NULL),
items AS (
  INSERT INTO report_items (report_id, ordinal, kind, type, value, data)
  SELECT r.id, i.n - 1, i.kind, i.type, i.value, i.data FROM r,
    unnest(?::text[], ?::text[], ?::text[], ?::jsonb[]) WITH ORDINALITY AS i(kind, type, value, data, n)),
stix AS (
  INSERT INTO report_stix_ids (id_key, report_id) SELECT DISTINCT k, r.id FROM r, unnest(?::bigint[]) AS k),
links AS (
  INSERT INTO claim_entities (claim_id, entity_id)
  SELECT DISTINCT c.id, l.entity_id FROM c JOIN unnest(?::int[], ?::bigint[]) AS l(ordinal, entity_id) ON l.ordinal = c.ordinal)
SELECT r.id, (SELECT json_agg(c.id ORDER BY c.ordinal) FROM c) AS claim_ids FROM r`);

/**
 * Writes reports into PostgreSQL: the same decisions as the SQLite writer (src/store/report-plan.ts),
 * with each table's rows of a report in one multi-row statement. A batch is one transaction;
 * should a report fail, the batch rolls back and each report is written again in a transaction of
 * its own, so one bad report costs only itself.
 */
export class ReportWriter {
  readonly #db: PgDatabase;
  /** Entity key → id. Entities are never deleted, but one inserted by a rolled-back batch is gone: cleared then. */
  readonly #entityIds = new Map<string, number>();

  constructor(db: PgDatabase) {
    this.#db = db;
  }

  async writeBatch(reports: readonly ReportInput[]): Promise<{ outcomes: IngestOutcome[]; events: StoreEvent[] }> {
    const ingestedAt = new Date().toISOString();
    const writeAll = (batch: readonly ReportInput[]) =>
      this.#db.transaction(async (tx) => {
        const outcomes: IngestOutcome[] = [];
        const events: StoreEvent[] = [];
        // Writers in other processes: the same origin (or, from stdin, the same document) is
        // decided by one of them at a time, so neither stores it twice. The whole batch's locks in
        // one statement, in one order, so two batches never wait for each other in a circle. (Its
        // own statement: in READ COMMITTED the lookups after it see what the writer before committed.)
        await tx.run(LOCK_ORIGINS, [batch.map((r) => (r.doc.origin === '-' ? r.contentHash : r.doc.origin))],
        );
        for (const r of batch) outcomes.push(await this.#writeOne(tx, r, ingestedAt, events));
        const written = outcomes.filter((o) => o.status === 'ingested' || o.status === 'duplicate' || o.status === 'updated').map((o) => o.reportId);
        if (written.length > 0) {
          // Last, so the lock is held only from here to COMMIT.
          await tx.run(LOCK_FEED);
          await tx.run(APPEND_FEED, [written]);
          // Rows were written with the batch's start time; the time of commit order replaces it.
          const clock = (await tx.get<{ now: number; last: string | null }>(CLOCK_AND_LAST, [written]))!;
          await tx.run(STAMP, [storedAt(Math.floor(clock.now), clock.last, true), written]);
        }
        return { outcomes, events };
      });
    try {
      return await writeAll(reports);
    } catch (e) {
      this.#entityIds.clear();
      if (reports.length === 1) return { outcomes: [failedOutcome(reports[0]!, e)], events: [] };
    }
    const outcomes: IngestOutcome[] = [];
    const events: StoreEvent[] = [];
    for (const r of reports) {
      try {
        const one = await writeAll([r]);
        outcomes.push(...one.outcomes);
        events.push(...one.events);
      } catch (e) {
        this.#entityIds.clear();
        outcomes.push(failedOutcome(r, e));
      }
    }
    return { outcomes, events };
  }

  async #writeOne(tx: Queryable, r: ReportInput, ingestedAt: string, events: StoreEvent[]): Promise<IngestOutcome> {
    const { doc, extraction, fingerprint, marking, provenance } = r;
    const known = await this.#lookUp(tx, r);
    const decided = decideVersion(r, known);
    if ('outcome' in decided) return decided.outcome;
    const { previous } = decided;
    const match = await this.#findOriginal(tx, r, known, previous?.id ?? null);
    const entities = mergeByKey(extraction.entities);
    const entityIds = await this.#entityIdsOf(tx, entities);
    const claims = extraction.claims;
    const rows = claims.map((c, ordinal) => claimRow(0, ordinal, c, doc.text, (b) => b));
    const items = r.items ?? [];
    const links = claims.flatMap((c, ordinal) => [...entitiesOfClaim(c, entities, entityIds)].map((entityId) => [ordinal, entityId]));
    // The report and every row of it in one statement (one round trip): data-modifying CTEs.
    const written = (await tx.get<{ id: number; claim_ids: number[] | null }>(WRITE_REPORT, [
      doc.origin,
      doc.format,
      doc.title,
      doc.url,
      doc.source,
      doc.published,
      doc.text,
      doc.main.start,
      doc.main.end,
      JSON.stringify(doc.boilerplate),
      r.contentHash,
      fingerprint.exact,
      sketchToBlob(fingerprint.sketch),
      JSON.stringify(fingerprint.bands),
      marking.classification,
      JSON.stringify(marking.releasableTo),
      marking.owner,
      marking.tlp,
      ingestedAt,
      match && !match.newIsEarlier ? match.originalId : null,
      match ? match.resemblance : null,
      claims.length,
      entities.length,
      doc.title ?? '',
      mainText(doc),
      marking.releasableTo,
      fingerprint.bands,
      entities.map((e) => entityIds.get(e.key)),
      entities.map((e) => e.name),
      entities.map((e) => e.role),
      entities.map((e) => JSON.stringify(e.aliases)),
      entities.map((e) => e.mentions.length),
      entities.map((e) => JSON.stringify(e.mentions.map((m) => [m.start, m.end]))),
      ...CLAIM_COLUMNS.slice(1).map((_, i) => rows.map((row) => row[i + 1])),
      provenance?.originInstance ?? null,
      provenance?.originReportId ?? null,
      provenance?.originIngestedAt ?? null,
      provenance?.receivedFrom ?? null,
      ingestedAt,
      provenance?.signature ?? null,
      provenance?.verified ?? false,
      items.map((i) => i.kind),
      items.map((i) => i.type),
      items.map((i) => i.value),
      items.map((i) => JSON.stringify(i.data)),
      // TAXII's index of the STIX ids this report's export carries (as the SQLite writer's StixIdIndex).
      [...new Set(reportObjectIds({ report: { text: doc.text, title: doc.title, published: doc.published, url: doc.url, source: doc.source, main: doc.main, marking }, entities, claims }).map((id) => idKey(id).toString()))],
      links.map((l) => l[0]),
      links.map((l) => l[1]),
    ]))!;
    const id = written.id;
    const claimIds = written.claim_ids ?? [];

    if (match?.newIsEarlier) {
      // Published before the report we matched: this one is the original, the old ones its copies.
      await tx.run('UPDATE reports SET duplicate_of = ? WHERE duplicate_of = ?', [id, match.originalId]);
      await tx.run('UPDATE reports SET duplicate_of = ?, resemblance = ? WHERE id = ?', [id, match.resemblance, match.originalId]);
    }
    if (previous) {
      await tx.run('UPDATE reports SET duplicate_of = ? WHERE duplicate_of = ?', [id, previous.id]);
      await tx.run('DELETE FROM report_bands WHERE band = ANY(?::text[]) AND report_id = ?', [previous.bands, previous.id]);
      await tx.run('DELETE FROM reports WHERE id = ?', [previous.id]);
    }
    const done = writtenOutcome({ input: r, id, claimIds, entities: entities.length, match, replacedId: previous?.id ?? null });
    events.push(...done.events);
    return done.outcome;
  }

  /**
   * Everything the writer must know of the stored reports, in one query (one round trip): the same
   * document in the same marking, the previous version of its origin, the report with the same
   * exact fingerprint, and the reports sharing most bands (whatever their marking, as SQLite picks
   * them; those of another marking are then left out).
   */
  async #lookUp(tx: Queryable, r: ReportInput): Promise<Known> {
    const mark = markingParams(r.marking);
    const local = r.provenance === undefined;
    const origin = r.doc.origin === '-' ? null : r.doc.origin;
    const rows = await tx.all<LookupRow>(LOOK_UP, [
      local ? r.contentHash : null,
      ...mark,
      local ? origin : null,
      ...mark,
      r.provenance?.originInstance ?? null,
      r.provenance?.originReportId ?? null,
      local ? null : origin,
      ...mark,
      r.provenance?.originInstance ?? null,
      r.fingerprint.exact,
      ...mark,
      r.fingerprint.bands,
      ...mark,
    ]);
    const known: Known = { exact: undefined, banded: [] };
    for (const row of rows) {
      const held: HeldRow = { id: row.id, duplicate_of: row.duplicate_of, claim_count: row.claim_count!, entity_count: row.entity_count! };
      if (row.kind === 'same') known.same = held;
      else if (row.kind === 'previous') known.previous = { id: row.id, bands: row.bands ?? [] };
      else if (row.kind === 'held') known.held = held;
      else if (row.kind === 'lineage') known.lineage = { ...held, bands: row.bands ?? [], origin_report_id: row.origin_report_id! };
      else if (row.kind === 'exact') known.exact = row as Candidate;
      else known.banded.push(row as Candidate);
    }
    return known;
  }

  /** The stored report this one copies (followed to its root), found through shared fingerprint bands. */
  async #findOriginal(tx: Queryable, r: ReportInput, known: Known, exclude: number | null): Promise<OriginalMatch | undefined> {
    const { fingerprint, doc } = r;
    const found = bestCandidate(fingerprint, known.exact, () => known.banded, exclude);
    if (!found) return undefined;
    const { best, score } = found;
    let root = best;
    if (best.duplicate_of !== null) {
      // A copy of the version being replaced: the new version is the original again.
      if (best.duplicate_of === exclude) return undefined;
      const parent = await tx.get<Candidate>(`SELECT ${CANDIDATE_COLUMNS} FROM reports WHERE id = ? AND ${SAME_MARKING}`, [
        best.duplicate_of,
        ...markingParams(r.marking),
      ]);
      if (parent && parent.id !== exclude) root = parent;
    }
    const rootText = (await tx.get<{ text: string }>('SELECT text FROM reports WHERE id = ?', [root.id]))?.text ?? '';
    return { originalId: root.id, resemblance: score, newIsEarlier: newIsEarlier(doc, root, rootText) };
  }

  /** Ids of a report's entities, inserting the new ones; another writer may insert the same key at once. */
  async #entityIdsOf(tx: Queryable, entities: readonly Entity[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    const unknown = entities.filter((e) => {
      const id = this.#entityIds.get(e.key);
      if (id !== undefined) ids.set(e.key, id);
      return id === undefined;
    });
    if (unknown.length === 0) return ids;
    const keys = unknown.map((e) => e.key);
    await tx.run(INSERT_ENTITIES, [
      keys,
      unknown.map((e) => e.type),
    ]);
    for (const row of await tx.all<{ id: number; key: string }>(ENTITY_IDS, [keys])) {
      ids.set(row.key, row.id);
      this.#entityIds.set(row.key, row.id);
    }
    return ids;
  }
}
