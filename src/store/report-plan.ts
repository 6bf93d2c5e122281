import type { Claim } from '../domain/claim.js';
import type { CollectedDocument } from '../domain/document.js';
import type { Entity } from '../domain/entity.js';
import type { Marking } from '../domain/marking.js';
import { resemblance, SYNDICATED_THRESHOLD, type Fingerprint } from '../collect/fingerprint.js';
import { declaresRepublication } from '../collect/republication.js';
import { sketchFromBlob } from './sketch-blob.js';
import type { StoreEvent } from './store-event.js';
import type { IngestOutcome, ReportInput } from './store.js';

/**
 * The dialect-independent decisions of writing a report, shared by every store's writer: which
 * stored report a new one is the same as, a new version of, or a copy of; which is the original;
 * the rows of its claims; its outcome and its events. The writers only run the SQL.
 */

/**
 * Re-ingest, new versions and duplicate links hold between reports of the same marking only. The
 * marking is part of a report's identity: a partner's copy is never "unchanged" against, nor
 * replaces, another partner's report; and since any viewer who sees one of two equally marked
 * reports sees both, a duplicate link never tells a viewer of a report it may not see (nor changes
 * which visible reports count as independent).
 */
export const SAME_MARKING = 'classification = ? AND releasable_to = ? AND owner = ? AND tlp = ?';

export function markingParams(m: Marking): string[] {
  return [m.classification, JSON.stringify(m.releasableTo), m.owner, m.tlp];
}

/** How many band-sharing reports are compared in full before giving up on finding the original. */
export const MAX_CANDIDATES = 8;

/** A stored report that may be the one a new report copies. */
export interface Candidate {
  id: number;
  duplicate_of: number | null;
  published: string | null;
  sketch: Uint8Array;
  fingerprint_exact: string;
}

export interface OriginalMatch {
  originalId: number;
  resemblance: number;
  /** The new report is the original and the stored one (with its copies) becomes its copy. */
  newIsEarlier: boolean;
}

/**
 * The best of the candidates (`exact`: the stored report with the same exact fingerprint, else
 * those sharing bands, most shared first), or undefined when none is close enough.
 * `exclude`: the version being replaced, never its own original.
 */
export function bestCandidate(
  fingerprint: Fingerprint,
  exact: Candidate | undefined,
  banded: () => Iterable<Candidate>,
  exclude: number | null,
): { best: Candidate; score: number } | undefined {
  if (exact && exact.id !== exclude) return { best: exact, score: 1 };
  let best: Candidate | undefined;
  let bestScore = 0;
  for (const c of banded()) {
    if (c.id === exclude) continue;
    const score = resemblance(fingerprint, { exact: c.fingerprint_exact, bands: [], sketch: sketchFromBlob(c.sketch) });
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best && bestScore >= SYNDICATED_THRESHOLD ? { best, score: bestScore } : undefined;
}

/** Which is the original: the one that does not say it is republished; else the earlier one. */
export function newIsEarlier(doc: CollectedDocument, root: { published: string | null }, rootText: string): boolean {
  const newIsCopy = declaresRepublication(doc.text);
  const rootIsCopy = declaresRepublication(rootText);
  return newIsCopy !== rootIsCopy ? rootIsCopy : doc.published !== null && root.published !== null && doc.published < root.published;
}

/** One row per entity key: a report that names the same key twice gets one merged row. */
export function mergeByKey(entities: readonly Entity[]): Entity[] {
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
export function entitiesOfClaim(c: Claim, entities: readonly Entity[], ids: Map<string, number>): Set<number> {
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

/** The columns of `claims`, in the order `claimRow` gives their values. */
export const CLAIM_COLUMNS = [
  'report_id', 'ordinal', 'span_start', 'span_end', 'sentence_start', 'sentence_end', 'sentence_text', 'value_low',
  'value_high', 'unit', 'counted', 'counted_start', 'counted_end', 'per', 'qualifier', 'vague', 'attributed_to',
  'speaker_key', 'speaker_start', 'speaker_end', 'time_start', 'time_end', 'time_text', 'time_span_start',
  'time_span_end', 'location', 'location_start', 'location_end',
] as const;

/** A claim's values for `CLAIM_COLUMNS`; `vague` as the dialect stores booleans. */
export function claimRow(reportId: number, ordinal: number, c: Claim, text: string, bool: (b: boolean) => unknown = (b) => (b ? 1 : 0)): unknown[] {
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
    bool(c.vague),
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

/** The outcome of a report nothing of which was written. */
export function failedOutcome(r: ReportInput, e: unknown): IngestOutcome {
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

/** A stored report that makes writing a new one unnecessary. */
export interface HeldRow {
  id: number;
  duplicate_of: number | null;
  claim_count: number;
  entity_count: number;
}

/** Nothing written: the report (`unchanged`), or a newer version of it (`superseded`), is held already. */
export function heldOutcome(origin: string, status: 'unchanged' | 'superseded', held: HeldRow): IngestOutcome {
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

/** A stored report a new one replaces: its bands go with it. */
export interface PreviousVersion {
  id: number;
  bands: string[];
}

/**
 * What a writer looked up of the stored versions of a new report. A report ingested here (no
 * provenance) needs `same` (the same content in the same marking) and `previous` (the newest
 * report of the same origin and marking ingested here: `INGESTED_HERE`). A report received from a
 * peer needs `held` (the same version: origin instance and its id there) and `lineage` (the newest
 * report received of the same origin and marking from the same origin instance).
 */
export interface StoredVersions {
  same?: HeldRow | undefined;
  previous?: PreviousVersion | undefined;
  held?: HeldRow | undefined;
  lineage?: (HeldRow & PreviousVersion & { origin_report_id: number }) | undefined;
}

/**
 * A report ingested here, not received from a peer (SQL on a `reports` alias). Received reports
 * belong to their origin: a local write never replaces one, nor a received one a local report.
 */
export const ingestedHere = (alias: string): string => `NOT EXISTS (SELECT 1 FROM report_provenance p WHERE p.report_id = ${alias}.id)`;

/**
 * The federation writer rule, one for every dialect: whether a new report is held already (its
 * outcome), or else which stored version it replaces. A received report is named by its version
 * at the origin instance, not by its content: the same version is `unchanged`; versions get
 * increasing ids at their origin, so an older one arriving late is `superseded`; otherwise it
 * replaces the previous version from the same origin instance. A report ingested here is
 * `unchanged` when its content is held, and replaces the previous local version of its origin.
 * Standard input (`-`) has no identity at its origin: every such report stands alone.
 */
export function decideVersion(r: ReportInput, known: StoredVersions): { outcome: IngestOutcome } | { previous: PreviousVersion | undefined } {
  const origin = r.doc.origin;
  if (r.provenance) {
    if (known.held) return { outcome: heldOutcome(origin, 'unchanged', known.held) };
    const lineage = origin === '-' ? undefined : known.lineage;
    if (lineage && lineage.origin_report_id > r.provenance.originReportId) return { outcome: heldOutcome(origin, 'superseded', lineage) };
    return { previous: lineage };
  }
  if (known.same) return { outcome: heldOutcome(origin, 'unchanged', known.same) };
  return { previous: origin === '-' ? undefined : known.previous };
}

/** What a writer did for one new report, for its outcome and events. */
export interface WrittenReport {
  input: ReportInput;
  id: number;
  claimIds: readonly number[];
  entities: number;
  match: OriginalMatch | undefined;
  /** The previous version of the same origin, deleted. */
  replacedId: number | null;
}

/**
 * The outcome and events of a written report, in the order subscribers get them: the report,
 * its claims, then the duplicate link and the replacement.
 */
export function writtenOutcome(w: WrittenReport): { outcome: IngestOutcome; events: StoreEvent[] } {
  const { doc, marking } = w.input;
  const claims = w.claimIds.length;
  const duplicateOf = w.match && !w.match.newIsEarlier ? w.match.originalId : null;
  const events: StoreEvent[] = [
    { kind: 'report.ingested', reportId: w.id, origin: doc.origin, marking, duplicateOf, claims, entities: w.entities },
    ...w.claimIds.map((claimId): StoreEvent => ({ kind: 'claim.created', claimId, reportId: w.id, marking })),
  ];
  if (w.match) {
    events.push(
      w.match.newIsEarlier
        ? { kind: 'duplicate.linked', reportId: w.match.originalId, originalId: w.id, marking }
        : { kind: 'duplicate.linked', reportId: w.id, originalId: w.match.originalId, marking },
    );
  }
  if (w.replacedId !== null) events.push({ kind: 'report.replaced', reportId: w.id, replacedId: w.replacedId, origin: doc.origin, marking });
  return {
    outcome: {
      origin: doc.origin,
      status: w.replacedId !== null ? 'updated' : w.match ? 'duplicate' : 'ingested',
      problem: null,
      reportId: w.id,
      duplicateOf,
      claims,
      entities: w.entities,
    },
    events,
  };
}
