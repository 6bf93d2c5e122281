import type Database from 'better-sqlite3';
import { mainText } from '../../domain/document.js';
import type { Entity } from '../../domain/entity.js';
import {
  bestCandidate,
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
import { sketchToBlob } from '../sketch-blob.js';
import type { StoreEvent } from '../store-event.js';
import type { IngestOutcome, ReportInput } from '../store.js';
import { StixIdIndex } from './stix-index.js';
import { storedAt } from '../stored-at.js';

/**
 * Writes reports into SQLite with prepared statements. Each report is written inside a savepoint,
 * so a failure leaves none of it; the caller wraps a batch in one transaction.
 */
export class ReportWriter {
  readonly #db: Database.Database;
  readonly #s;
  /** Entity key → id, valid inside one batch transaction only (cleared when anything rolls back). */
  readonly #entityIds = new Map<string, number>();
  /** Candidate lookups prepared once per number of bands. */
  readonly #bandQueries = new Map<number, Database.Statement>();
  readonly #bandInserts = new Map<number, Database.Statement>();
  readonly #stixIds: StixIdIndex;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#stixIds = new StixIdIndex(db);
    const p = (sql: string) => db.prepare(sql);
    this.#s = {
      byHash: p(`SELECT id, duplicate_of, claim_count, entity_count FROM reports WHERE content_hash = ? AND ${SAME_MARKING} LIMIT 1`),
      byOrigin: p(`SELECT id, bands FROM reports WHERE origin = ? AND ${SAME_MARKING} AND ${ingestedHere('reports')} ORDER BY id DESC LIMIT 1`),
      heldVersion: p(
        `SELECT r.id, r.duplicate_of, r.claim_count, r.entity_count FROM report_provenance p JOIN reports r ON r.id = p.report_id
         WHERE p.origin_instance = ? AND p.origin_report_id = ?`,
      ),
      byLineage: p(
        `SELECT r.id, r.bands, r.duplicate_of, r.claim_count, r.entity_count, p.origin_report_id
         FROM reports r JOIN report_provenance p ON p.report_id = r.id
         WHERE r.origin = ? AND ${SAME_MARKING} AND p.origin_instance = ? ORDER BY r.id DESC LIMIT 1`,
      ),
      insertProvenance: p(`INSERT INTO report_provenance (report_id, origin_instance, origin_report_id, origin_ingested_at,
        received_from, received_at, signature, verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      byExact: p(
        `SELECT id, duplicate_of, published, sketch, fingerprint_exact FROM reports WHERE fingerprint_exact = ? AND ${SAME_MARKING}
         ORDER BY id LIMIT 1`,
      ),
      candidate: p(`SELECT id, duplicate_of, published, sketch, fingerprint_exact FROM reports WHERE id = ? AND ${SAME_MARKING}`),
      textOf: p('SELECT text FROM reports WHERE id = ?'),
      lastStored: p('SELECT MAX(ingested_at) AS at FROM reports'),
      insertReport: p(`INSERT INTO reports (origin, format, title, url, source, published, text, main_start, main_end,
        boilerplate, content_hash, fingerprint_exact, sketch, bands, classification, releasable_to, owner, tlp, ingested_at,
        duplicate_of, resemblance, claim_count, entity_count)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertRelease: p('INSERT INTO report_releases (report_id, grantee) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      insertFts: p('INSERT INTO reports_fts (rowid, title, body) VALUES (?, ?, ?)'),
      upsertEntity: p(
        'INSERT INTO entities (key, type) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id',
      ),
      insertReportEntity: p(`INSERT INTO report_entities (report_id, entity_id, name, role, aliases, mention_count, mentions)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      insertClaim: p(`INSERT INTO claims (report_id, ordinal, span_start, span_end, sentence_start, sentence_end,
        sentence_text, value_low, value_high, unit, counted, counted_start, counted_end, per, qualifier, vague,
        attributed_to, speaker_key, speaker_start, speaker_end, time_start, time_end, time_text, time_span_start,
        time_span_end, location, location_start, location_end)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertItem: p('INSERT INTO report_items (report_id, ordinal, kind, type, value, data) VALUES (?, ?, ?, ?, ?, ?)'),
      insertClaimEntity: p('INSERT INTO claim_entities (claim_id, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      relinkCopies: p('UPDATE reports SET duplicate_of = ? WHERE duplicate_of = ?'),
      makeCopy: p('UPDATE reports SET duplicate_of = ?, resemblance = ? WHERE id = ?'),
      deleteFts: p('DELETE FROM reports_fts WHERE rowid = ?'),
      deleteBand: p('DELETE FROM report_bands WHERE band = ? AND report_id = ?'),
      deleteReport: p('DELETE FROM reports WHERE id = ?'),
    };
  }

  /**
   * Writes a batch in one IMMEDIATE transaction; returns outcomes and the events to emit after
   * commit. Should any report fail, the batch rolls back and each report is written again in a
   * transaction of its own, so one bad report costs only itself (savepoints per report would
   * cost every batch instead).
   */
  writeBatch(reports: readonly ReportInput[], wantEvents: boolean): { outcomes: IngestOutcome[]; events: StoreEvent[] } {
    const writeAll = this.#db.transaction((batch: readonly ReportInput[]) => {
      const outcomes: IngestOutcome[] = [];
      const events: StoreEvent[] = [];
      // Inside the transaction, which holds the write lock: storing times grow in commit order (stored-at.ts).
      const ingestedAt = storedAt(Date.now(), (this.#s.lastStored.get() as { at: string | null }).at, false);
      for (const r of batch) outcomes.push(this.#writeOne(r, ingestedAt, events));
      return { outcomes, events: wantEvents ? events : [] };
    });
    try {
      return writeAll.immediate(reports);
    } catch (e) {
      this.#entityIds.clear();
      if (reports.length === 1) return { outcomes: [failedOutcome(reports[0]!, e)], events: [] };
    }
    const outcomes: IngestOutcome[] = [];
    const events: StoreEvent[] = [];
    for (const r of reports) {
      try {
        const one = writeAll.immediate([r]);
        outcomes.push(...one.outcomes);
        events.push(...one.events);
      } catch (e) {
        this.#entityIds.clear();
        outcomes.push(failedOutcome(r, e));
      }
    }
    return { outcomes, events };
  }

  #writeOne(r: ReportInput, ingestedAt: string, events: StoreEvent[]): IngestOutcome {
    const { doc, extraction, fingerprint, marking, provenance } = r;
    const decided = decideVersion(r, this.#storedVersions(r));
    if ('outcome' in decided) return decided.outcome;
    const { previous } = decided;

    const match = this.#findOriginal(r, previous?.id ?? null);
    const entities = mergeByKey(extraction.entities);
    const claims = extraction.claims;
    const info = this.#s.insertReport.run(
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
    );
    const id = Number(info.lastInsertRowid);
    if (provenance) {
      const p = provenance;
      this.#s.insertProvenance.run(id, p.originInstance, p.originReportId, p.originIngestedAt, p.receivedFrom, ingestedAt, p.signature, p.verified ? 1 : 0);
    }
    for (const g of marking.releasableTo) this.#s.insertRelease.run(id, g);
    if (fingerprint.bands.length > 0) this.#insertBands(fingerprint.bands.length).run(...fingerprint.bands.flatMap((b) => [b, id]));
    this.#s.insertFts.run(id, doc.title ?? '', mainText(doc));

    const entityIds = new Map<string, number>();
    for (const e of entities) {
      const entityId = this.#entityId(e);
      entityIds.set(e.key, entityId);
      const mentions = e.mentions.map((m) => [m.start, m.end]);
      this.#s.insertReportEntity.run(id, entityId, e.name, e.role, JSON.stringify(e.aliases), e.mentions.length, JSON.stringify(mentions));
    }
    (r.items ?? []).forEach((item, ordinal) => {
      this.#s.insertItem.run(id, ordinal, item.kind, item.type, item.value, JSON.stringify(item.data));
    });
    const claimIds = claims.map((c, ordinal) => {
      const claimId = Number(this.#s.insertClaim.run(...claimRow(id, ordinal, c, doc.text)).lastInsertRowid);
      for (const entityId of entitiesOfClaim(c, entities, entityIds)) this.#s.insertClaimEntity.run(claimId, entityId);
      return claimId;
    });
    const { text, title, published, url, source, main } = doc;
    this.#stixIds.add(id, { report: { text, title, published, url, source, main, marking }, entities, claims });

    if (match?.newIsEarlier) {
      // Published before the report we matched: this one is the original, the old ones its copies.
      this.#s.relinkCopies.run(id, match.originalId);
      this.#s.makeCopy.run(id, match.resemblance, match.originalId);
    }
    if (previous) {
      this.#s.relinkCopies.run(id, previous.id);
      this.#s.deleteFts.run(previous.id);
      for (const b of previous.bands) this.#s.deleteBand.run(b, previous.id);
      this.#stixIds.remove(previous.id);
      this.#s.deleteReport.run(previous.id);
    }
    const written = writtenOutcome({ input: r, id, claimIds, entities: entities.length, match, replacedId: previous?.id ?? null });
    events.push(...written.events);
    return written.outcome;
  }

  /** The lookups the writer rule (`decideVersion`) needs for this report, and only those. */
  #storedVersions(r: ReportInput): StoredVersions {
    const mark = markingParams(r.marking);
    const bands = <T extends { bands: string }>(row: T | undefined) => (row ? { ...row, bands: JSON.parse(row.bands) as string[] } : undefined);
    if (r.provenance) {
      const { originInstance, originReportId } = r.provenance;
      const held = this.#s.heldVersion.get(originInstance, originReportId) as HeldRow | undefined;
      if (held || r.doc.origin === '-') return { held };
      type Lineage = HeldRow & { bands: string; origin_report_id: number };
      return { lineage: bands(this.#s.byLineage.get(r.doc.origin, ...mark, originInstance) as Lineage | undefined) };
    }
    const same = this.#s.byHash.get(r.contentHash, ...mark) as HeldRow | undefined;
    if (same || r.doc.origin === '-') return { same };
    return { previous: bands(this.#s.byOrigin.get(r.doc.origin, ...mark) as { id: number; bands: string } | undefined) };
  }

  /** The stored report this one copies (followed to its root), found through shared fingerprint bands. */
  #findOriginal(r: ReportInput, exclude: number | null): OriginalMatch | undefined {
    const { fingerprint, doc } = r;
    const mark = markingParams(r.marking);
    const exact = this.#s.byExact.get(fingerprint.exact, ...mark) as Candidate | undefined;
    const found = bestCandidate(
      fingerprint,
      exact,
      () =>
        fingerprint.bands.length === 0
          ? []
          : (this.#candidatesStatement(fingerprint.bands.length).all(...fingerprint.bands) as { id: number }[])
              .filter(({ id }) => id !== exclude)
              .map(({ id }) => this.#s.candidate.get(id, ...mark) as Candidate | undefined)
              .filter((c): c is Candidate => c !== undefined),
      exclude,
    );
    if (!found) return undefined;
    const { best, score } = found;
    let root = best;
    if (best.duplicate_of !== null) {
      // A copy of the version being replaced: the new version is the original again.
      if (best.duplicate_of === exclude) return undefined;
      const parent = this.#s.candidate.get(best.duplicate_of, ...mark) as Candidate | undefined;
      if (parent && parent.id !== exclude) root = parent;
    }
    const rootText = (this.#s.textOf.get(root.id) as { text: string } | undefined)?.text ?? '';
    return { originalId: root.id, resemblance: score, newIsEarlier: newIsEarlier(doc, root, rootText) };
  }

  #candidatesStatement(bands: number): Database.Statement {
    let st = this.#bandQueries.get(bands);
    if (!st) {
      const marks = Array.from({ length: bands }, () => '?').join(', ');
      st = this.#db.prepare(
        `SELECT report_id AS id FROM report_bands WHERE band IN (${marks})
         GROUP BY report_id ORDER BY COUNT(*) DESC, report_id LIMIT ${MAX_CANDIDATES}`,
      );
      this.#bandQueries.set(bands, st);
    }
    return st;
  }

  /** One multi-row INSERT for all of a report's bands: the hottest write of ingest. */
  #insertBands(bands: number): Database.Statement {
    let st = this.#bandInserts.get(bands);
    if (!st) {
      const rows = Array.from({ length: bands }, () => '(?, ?)').join(', ');
      st = this.#db.prepare(`INSERT INTO report_bands (band, report_id) VALUES ${rows} ON CONFLICT DO NOTHING`);
      this.#bandInserts.set(bands, st);
    }
    return st;
  }

  #entityId(e: Entity): number {
    let id = this.#entityIds.get(e.key);
    if (id === undefined) {
      id = (this.#s.upsertEntity.get(e.key, e.type) as { id: number }).id;
      this.#entityIds.set(e.key, id);
    }
    return id;
  }
}
