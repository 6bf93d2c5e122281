import type { Entity } from '../../domain/entity.js';
import {
  bestCandidate,
  CLAIM_COLUMNS,
  claimRow,
  entitiesOfClaim,
  failedOutcome,
  markingParams,
  MAX_CANDIDATES,
  mergeByKey,
  newIsEarlier,
  SAME_MARKING,
  unchangedOutcome,
  writtenOutcome,
  type Candidate,
  type OriginalMatch,
} from '../report-plan.js';
import { sketchToBlob } from '../sketch-blob.js';
import type { StoreEvent } from '../store-event.js';
import type { IngestOutcome, ReportInput } from '../store.js';
import type { PgDatabase, Queryable } from './database.js';
import { TEXT_SEARCH_CONFIG } from './search.js';

/** PostgreSQL array types of the claim columns, for one multi-row INSERT from unnest(). */
const CLAIM_TYPES: Record<(typeof CLAIM_COLUMNS)[number], string> = {
  report_id: 'bigint', ordinal: 'int', span_start: 'int', span_end: 'int', sentence_start: 'int', sentence_end: 'int',
  sentence_text: 'text', value_low: 'float8', value_high: 'float8', unit: 'text', counted: 'text', counted_start: 'int',
  counted_end: 'int', per: 'text', qualifier: 'text', vague: 'bool', attributed_to: 'text', speaker_key: 'text',
  speaker_start: 'int', speaker_end: 'int', time_start: 'text', time_end: 'text', time_text: 'text',
  time_span_start: 'int', time_span_end: 'int', location: 'text', location_start: 'int', location_end: 'int',
};

const INSERT_CLAIMS = `INSERT INTO claims (${CLAIM_COLUMNS.join(', ')})
  SELECT * FROM unnest(${CLAIM_COLUMNS.map((c) => `?::${CLAIM_TYPES[c]}[]`).join(', ')}) RETURNING id, ordinal`;

const CANDIDATE_COLUMNS = 'id, duplicate_of, published, sketch, fingerprint_exact';

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
        for (const r of batch) outcomes.push(await this.#writeOne(tx, r, ingestedAt, events));
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
    const { doc, extraction, fingerprint, marking } = r;
    const mark = markingParams(marking);
    // Writers in other processes: the same origin (or, from stdin, the same document) is decided
    // by one of them at a time, so neither stores it twice.
    await tx.run('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [doc.origin === '-' ? r.contentHash : doc.origin]);
    const same = await tx.get<{ id: number; duplicate_of: number | null; claim_count: number; entity_count: number }>(
      `SELECT id, duplicate_of, claim_count, entity_count FROM reports WHERE content_hash = ? AND ${SAME_MARKING} LIMIT 1`,
      [r.contentHash, ...mark],
    );
    if (same) return unchangedOutcome(doc.origin, same);
    const previous =
      doc.origin === '-'
        ? undefined
        : await tx.get<{ id: number; bands: string[] }>(`SELECT id, bands FROM reports WHERE origin = ? AND ${SAME_MARKING} ORDER BY id DESC LIMIT 1`, [
            doc.origin,
            ...mark,
          ]);

    const match = await this.#findOriginal(tx, r, previous?.id ?? null);
    const entities = mergeByKey(extraction.entities);
    const claims = extraction.claims;
    const body = doc.text.slice(doc.main.start, doc.main.end);
    const { id } = (await tx.get<{ id: number }>(
      `INSERT INTO reports (origin, format, title, url, source, published, text, main_start, main_end,
        boilerplate, content_hash, fingerprint_exact, sketch, bands, classification, releasable_to, owner, tlp, ingested_at,
        duplicate_of, resemblance, claim_count, entity_count, search)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', ?), 'A') || setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', ?), 'B'))
       RETURNING id`,
      [
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
        body,
      ],
    ))!;
    await tx.run('INSERT INTO report_releases (report_id, grantee) SELECT ?, g FROM unnest(?::text[]) AS g ON CONFLICT DO NOTHING', [
      id,
      marking.releasableTo,
    ]);
    if (fingerprint.bands.length > 0) {
      await tx.run('INSERT INTO report_bands (band, report_id) SELECT b, ? FROM unnest(?::text[]) AS b ON CONFLICT DO NOTHING', [id, fingerprint.bands]);
    }

    const entityIds = await this.#entityIdsOf(tx, entities);
    if (entities.length > 0) {
      await tx.run(
        `INSERT INTO report_entities (report_id, entity_id, name, role, aliases, mention_count, mentions)
         SELECT ?, * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::jsonb[], ?::int[], ?::jsonb[])`,
        [
          id,
          entities.map((e) => entityIds.get(e.key)),
          entities.map((e) => e.name),
          entities.map((e) => e.role),
          entities.map((e) => JSON.stringify(e.aliases)),
          entities.map((e) => e.mentions.length),
          entities.map((e) => JSON.stringify(e.mentions.map((m) => [m.start, m.end]))),
        ],
      );
    }
    let claimIds: number[] = [];
    if (claims.length > 0) {
      const rows = claims.map((c, ordinal) => claimRow(id, ordinal, c, doc.text, (b) => b));
      const columns = CLAIM_COLUMNS.map((_, i) => rows.map((row) => row[i]));
      const inserted = await tx.all<{ id: number; ordinal: number }>(INSERT_CLAIMS, columns);
      claimIds = inserted.sort((a, b) => a.ordinal - b.ordinal).map((c) => c.id);
      const links = claims.flatMap((c, i) => [...entitiesOfClaim(c, entities, entityIds)].map((entityId) => [claimIds[i]!, entityId]));
      if (links.length > 0) {
        await tx.run('INSERT INTO claim_entities (claim_id, entity_id) SELECT * FROM unnest(?::bigint[], ?::bigint[]) ON CONFLICT DO NOTHING', [
          links.map((l) => l[0]),
          links.map((l) => l[1]),
        ]);
      }
    }

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
    const written = writtenOutcome({ input: r, id, claimIds, entities: entities.length, match, replacedId: previous?.id ?? null });
    events.push(...written.events);
    return written.outcome;
  }

  /** The stored report this one copies (followed to its root), found through shared fingerprint bands. */
  async #findOriginal(tx: Queryable, r: ReportInput, exclude: number | null): Promise<OriginalMatch | undefined> {
    const { fingerprint, doc } = r;
    const mark = markingParams(r.marking);
    const exact = await tx.get<Candidate>(`SELECT ${CANDIDATE_COLUMNS} FROM reports WHERE fingerprint_exact = ? AND ${SAME_MARKING} ORDER BY id LIMIT 1`, [
      fingerprint.exact,
      ...mark,
    ]);
    // The reports sharing most bands (whatever their marking), then those of the same marking among them.
    const banded =
      (exact && exact.id !== exclude) || fingerprint.bands.length === 0
        ? []
        : await tx.all<Candidate & { shared: number }>(
            `SELECT ${CANDIDATE_COLUMNS.split(', ').map((c) => `r.${c}`).join(', ')}, b.shared FROM (
               SELECT report_id, COUNT(*) AS shared FROM report_bands WHERE band = ANY(?::text[])
               GROUP BY report_id ORDER BY COUNT(*) DESC, report_id LIMIT ${MAX_CANDIDATES}) b
             JOIN reports r ON r.id = b.report_id WHERE ${SAME_MARKING.replace(/(\w+) = \?/g, 'r.$1 = ?')}
             ORDER BY b.shared DESC, r.id`,
            [fingerprint.bands, ...mark],
          );
    const found = bestCandidate(fingerprint, exact, () => banded, exclude);
    if (!found) return undefined;
    const { best, score } = found;
    let root = best;
    if (best.duplicate_of !== null) {
      // A copy of the version being replaced: the new version is the original again.
      if (best.duplicate_of === exclude) return undefined;
      const parent = await tx.get<Candidate>(`SELECT ${CANDIDATE_COLUMNS} FROM reports WHERE id = ? AND ${SAME_MARKING}`, [best.duplicate_of, ...mark]);
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
    await tx.run('INSERT INTO entities (key, type) SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT (key) DO NOTHING', [
      keys,
      unknown.map((e) => e.type),
    ]);
    for (const row of await tx.all<{ id: number; key: string }>('SELECT id, key FROM entities WHERE key = ANY(?::text[])', [keys])) {
      ids.set(row.key, row.id);
      this.#entityIds.set(row.key, row.id);
    }
    return ids;
  }
}
