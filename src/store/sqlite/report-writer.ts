import type Database from 'better-sqlite3';
import type { Claim } from '../../domain/claim.js';
import type { Entity } from '../../domain/entity.js';
import type { Marking } from '../../domain/marking.js';
import { resemblance, SYNDICATED_THRESHOLD } from '../../collect/fingerprint.js';
import { declaresRepublication } from '../../collect/republication.js';
import type { StoreEvent } from '../store-event.js';
import type { IngestOutcome, ReportInput } from '../store.js';
import { sketchFromBlob, sketchToBlob } from './sketch-blob.js';
import { StixIdIndex } from './stix-index.js';

/**
 * Re-ingest, new versions and duplicate links hold between reports of the same marking only. The
 * marking is part of a report's identity: a partner's copy is never "unchanged" against, nor
 * replaces, another partner's report; and since any viewer who sees one of two equally marked
 * reports sees both, a duplicate link never tells a viewer of a report it may not see (nor changes
 * which visible reports count as independent).
 */
const SAME_MARKING = 'classification = ? AND releasable_to = ? AND owner = ? AND tlp = ?';

function markingParams(m: Marking): string[] {
  return [m.classification, JSON.stringify(m.releasableTo), m.owner, m.tlp];
}

/** How many band-sharing reports are compared in full before giving up on finding the original. */
const MAX_CANDIDATES = 8;

interface Candidate {
  id: number;
  duplicate_of: number | null;
  published: string | null;
  sketch: Buffer;
  fingerprint_exact: string;
}

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
      // A report received from a peer is never a version of one ingested here, nor the other way round.
      byOrigin: p(
        `SELECT id, bands FROM reports WHERE origin = ? AND ${SAME_MARKING}
         AND NOT EXISTS (SELECT 1 FROM report_provenance p WHERE p.report_id = reports.id) ORDER BY id DESC LIMIT 1`,
      ),
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
        received_from, received_at) VALUES (?, ?, ?, ?, ?, ?)`),
      byExact: p(
        `SELECT id, duplicate_of, published, sketch, fingerprint_exact FROM reports WHERE fingerprint_exact = ? AND ${SAME_MARKING}
         ORDER BY id LIMIT 1`,
      ),
      candidate: p(`SELECT id, duplicate_of, published, sketch, fingerprint_exact FROM reports WHERE id = ? AND ${SAME_MARKING}`),
      textOf: p('SELECT text FROM reports WHERE id = ?'),
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
    const ingestedAt = new Date().toISOString();
    const writeAll = this.#db.transaction((batch: readonly ReportInput[]) => {
      const outcomes: IngestOutcome[] = [];
      const events: StoreEvent[] = [];
      for (const r of batch) outcomes.push(this.#writeOne(r, ingestedAt, events));
      return { outcomes, events: wantEvents ? events : [] };
    });
    try {
      return writeAll.immediate(reports);
    } catch (e) {
      this.#entityIds.clear();
      if (reports.length === 1) return { outcomes: [failed(reports[0]!, e)], events: [] };
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
        outcomes.push(failed(r, e));
      }
    }
    return { outcomes, events };
  }

  #writeOne(r: ReportInput, ingestedAt: string, events: StoreEvent[]): IngestOutcome {
    const { doc, extraction, fingerprint, marking, provenance } = r;
    const mark = markingParams(marking);
    let previous: { id: number; bands: string } | undefined;
    if (provenance) {
      // Received from a peer: its identity is its version at the origin instance, not its content.
      const held = this.#s.heldVersion.get(provenance.originInstance, provenance.originReportId) as HeldRow | undefined;
      if (held) return heldOutcome(doc.origin, 'unchanged', held);
      // Standard input has no identity at its origin either: every such report stands alone.
      const lineage =
        doc.origin === '-'
          ? undefined
          : (this.#s.byLineage.get(doc.origin, ...mark, provenance.originInstance) as (HeldRow & { bands: string; origin_report_id: number }) | undefined);
      // Versions get increasing ids at their origin: an older one arriving late changes nothing.
      if (lineage && lineage.origin_report_id > provenance.originReportId) return heldOutcome(doc.origin, 'superseded', lineage);
      previous = lineage;
    } else {
      const same = this.#s.byHash.get(r.contentHash, ...mark) as HeldRow | undefined;
      if (same) return heldOutcome(doc.origin, 'unchanged', same);
      // The same origin with new content is a new version: it replaces the old one (stdin has no identity).
      previous =
        doc.origin === '-' ? undefined : (this.#s.byOrigin.get(doc.origin, ...mark) as { id: number; bands: string } | undefined);
    }

    const match = this.#findOriginal(r, previous?.id ?? null);
    // This report's events start here: its own report event goes first, before its claims.
    const firstEvent = events.length;
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
      this.#s.insertProvenance.run(
        id,
        provenance.originInstance,
        provenance.originReportId,
        provenance.originIngestedAt,
        provenance.receivedFrom,
        ingestedAt,
      );
    }
    for (const g of marking.releasableTo) this.#s.insertRelease.run(id, g);
    if (fingerprint.bands.length > 0) this.#insertBands(fingerprint.bands.length).run(...fingerprint.bands.flatMap((b) => [b, id]));
    this.#s.insertFts.run(id, doc.title ?? '', doc.text.slice(doc.main.start, doc.main.end));

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
    claims.forEach((c, ordinal) => {
      const claimInfo = this.#s.insertClaim.run(...claimRow(id, ordinal, c, doc.text));
      const claimId = Number(claimInfo.lastInsertRowid);
      for (const entityId of entitiesOfClaim(c, entities, entityIds)) this.#s.insertClaimEntity.run(claimId, entityId);
      events.push({ kind: 'claim.created', claimId, reportId: id, marking });
    });
    const { text, title, published, url, source, main } = doc;
    this.#stixIds.add(id, { report: { text, title, published, url, source, main, marking }, entities, claims });

    let duplicateOf: number | null = null;
    if (match) {
      if (match.newIsEarlier) {
        // Published before the report we matched: this one is the original, the old ones its copies.
        this.#s.relinkCopies.run(id, match.originalId);
        this.#s.makeCopy.run(id, match.resemblance, match.originalId);
        events.push({ kind: 'duplicate.linked', reportId: match.originalId, originalId: id, marking });
      } else {
        duplicateOf = match.originalId;
        events.push({ kind: 'duplicate.linked', reportId: id, originalId: match.originalId, marking });
      }
    }
    if (previous) {
      this.#s.relinkCopies.run(id, previous.id);
      this.#s.deleteFts.run(previous.id);
      for (const b of JSON.parse(previous.bands) as string[]) this.#s.deleteBand.run(b, previous.id);
      this.#stixIds.remove(previous.id);
      this.#s.deleteReport.run(previous.id);
      events.push({ kind: 'report.replaced', reportId: id, replacedId: previous.id, origin: doc.origin, marking });
    }
    events.splice(firstEvent, 0, {
      kind: 'report.ingested',
      reportId: id,
      origin: doc.origin,
      marking,
      duplicateOf,
      claims: claims.length,
      entities: entities.length,
    });
    return {
      origin: doc.origin,
      status: previous ? 'updated' : match ? 'duplicate' : 'ingested',
      problem: null,
      reportId: id,
      duplicateOf,
      claims: claims.length,
      entities: entities.length,
    };
  }

  /** The stored report this one copies (followed to its root), found through shared fingerprint bands. */
  #findOriginal(
    r: ReportInput,
    exclude: number | null,
  ): { originalId: number; resemblance: number; newIsEarlier: boolean } | undefined {
    const { fingerprint, doc } = r;
    const mark = markingParams(r.marking);
    let best: Candidate | undefined;
    let bestScore = 0;
    const exact = this.#s.byExact.get(fingerprint.exact, ...mark) as Candidate | undefined;
    if (exact && exact.id !== exclude) {
      best = exact;
      bestScore = 1;
    } else if (fingerprint.bands.length > 0) {
      const ids = this.#candidatesStatement(fingerprint.bands.length).all(...fingerprint.bands) as { id: number }[];
      for (const { id } of ids) {
        if (id === exclude) continue;
        const c = this.#s.candidate.get(id, ...mark) as Candidate | undefined;
        if (!c) continue;
        const score = resemblance(fingerprint, { exact: c.fingerprint_exact, bands: [], sketch: sketchFromBlob(c.sketch) });
        if (score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
    }
    if (!best || bestScore < SYNDICATED_THRESHOLD) return undefined;
    let root = best;
    if (best.duplicate_of !== null) {
      // A copy of the version being replaced: the new version is the original again.
      if (best.duplicate_of === exclude) return undefined;
      const parent = this.#s.candidate.get(best.duplicate_of, ...mark) as Candidate | undefined;
      if (parent && parent.id !== exclude) root = parent;
    }
    // Which is the original: the one that does not say it is republished; else the earlier one.
    const newIsCopy = declaresRepublication(doc.text);
    const rootText = (this.#s.textOf.get(root.id) as { text: string } | undefined)?.text ?? '';
    const rootIsCopy = declaresRepublication(rootText);
    const newIsEarlier =
      newIsCopy !== rootIsCopy
        ? rootIsCopy
        : doc.published !== null && root.published !== null && doc.published < root.published;
    return { originalId: root.id, resemblance: bestScore, newIsEarlier };
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

interface HeldRow {
  id: number;
  duplicate_of: number | null;
  claim_count: number;
  entity_count: number;
}

/** Nothing written: the report (or a newer version of it) is held already. */
function heldOutcome(origin: string, status: 'unchanged' | 'superseded', held: HeldRow): IngestOutcome {
  return {
    origin,
    status,
    problem: null,
    reportId: held.id,
    duplicateOf: held.duplicate_of,
    claims: held.claim_count,
    entities: held.entity_count,
  };
}

function failed(r: ReportInput, e: unknown): IngestOutcome {
  return {
    origin: r.doc.origin,
    status: 'failed',
    problem: `could not store it: ${(e as Error).message}`,
    reportId: null,
    duplicateOf: null,
    claims: 0,
    entities: 0,
  };
}

/** One row per entity key: a report that names the same key twice gets one merged row. */
function mergeByKey(entities: readonly Entity[]): Entity[] {
  const byKey = new Map<string, Entity>();
  for (const e of entities) {
    const seen = byKey.get(e.key);
    if (!seen) byKey.set(e.key, e);
    else
      byKey.set(e.key, {
        ...seen,
        aliases: [...new Set([...seen.aliases, e.name, ...e.aliases])].filter((a) => a !== seen.name),
        role: seen.role ?? e.role,
        mentions: [...seen.mentions, ...e.mentions],
      });
  }
  return [...byKey.values()];
}

/** Entities mentioned in the claim's sentence, and its speaker. */
function entitiesOfClaim(c: Claim, entities: readonly Entity[], ids: Map<string, number>): Set<number> {
  const out = new Set<number>();
  if (c.speakerKey !== null) {
    const id = ids.get(c.speakerKey);
    if (id !== undefined) out.add(id);
  }
  for (const e of entities) {
    if (e.mentions.some((m) => m.start >= c.sentence.start && m.end <= c.sentence.end)) out.add(ids.get(e.key)!);
  }
  return out;
}

function claimRow(reportId: number, ordinal: number, c: Claim, text: string): unknown[] {
  return [
    reportId,
    ordinal,
    c.span.start,
    c.span.end,
    c.sentence.start,
    c.sentence.end,
    text.slice(c.sentence.start, c.sentence.end),
    c.value.low,
    c.value.high,
    c.unit,
    c.counted,
    c.countedSpan?.start ?? null,
    c.countedSpan?.end ?? null,
    c.per,
    c.qualifier,
    c.vague ? 1 : 0,
    c.attributedTo,
    c.speakerKey,
    c.speakerSpan?.start ?? null,
    c.speakerSpan?.end ?? null,
    c.time?.start ?? null,
    c.time?.end ?? null,
    c.time?.text ?? null,
    c.time?.span?.start ?? null,
    c.time?.span?.end ?? null,
    c.location,
    c.locationSpan?.start ?? null,
    c.locationSpan?.end ?? null,
  ];
}
