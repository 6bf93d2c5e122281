import type { Qualifier } from '../domain/claim.js';
import type { BoilerplateSpan, DocumentFormat } from '../domain/document.js';
import type { Marking, TlpLabel } from '../domain/marking.js';
import type { ReportSummary, StoredClaim, StoredReport } from './store.js';

/**
 * Rows as every dialect's read queries select them (same column names), mapped to the store's
 * records. The dialects differ in how a few values arrive: SQLite gives JSON as text and booleans
 * as 0/1, PostgreSQL gives jsonb parsed and booleans as booleans; `fromJson` and `flag` take both.
 */
export function fromJson<T>(value: string | T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export const flag = (value: number | boolean): boolean => value === true || value === 1;

/** A `reports` row as the read queries select it (o.id AS visible_duplicate_of: the original, when visible). */
export interface ReportRow {
  id: number;
  origin: string;
  format: DocumentFormat;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  ingested_at: string;
  visible_duplicate_of: number | null;
  claim_count: number;
  entity_count: number;
  classification: string;
  releasable_to: string | string[];
  owner: string;
  tlp: string;
  text?: string;
  main_start?: number;
  main_end?: number;
  content_hash?: string;
  boilerplate?: string | BoilerplateSpan[] | null;
}

export function summaryFromRow(r: ReportRow): ReportSummary {
  const marking: Marking = {
    classification: r.classification,
    releasableTo: fromJson<string[]>(r.releasable_to),
    owner: r.owner,
    tlp: r.tlp as TlpLabel,
  };
  return {
    id: r.id,
    origin: r.origin,
    format: r.format,
    title: r.title,
    url: r.url,
    source: r.source,
    published: r.published,
    ingestedAt: r.ingested_at,
    duplicateOf: r.visible_duplicate_of,
    claims: r.claim_count,
    entities: r.entity_count,
    marking,
  };
}

export function reportFromRow(r: ReportRow): Omit<StoredReport, 'provenance'> {
  return {
    ...summaryFromRow(r),
    text: r.text ?? '',
    main: { start: r.main_start ?? 0, end: r.main_end ?? 0 },
    boilerplate: r.boilerplate ? fromJson<BoilerplateSpan[]>(r.boilerplate) : [],
    contentHash: r.content_hash ?? '',
  };
}

export interface ClaimRow {
  id: number;
  report_id: number;
  span_start: number;
  span_end: number;
  sentence_start: number;
  sentence_end: number;
  sentence_text: string;
  value_low: number;
  value_high: number;
  unit: string;
  counted: string | null;
  counted_start: number | null;
  counted_end: number | null;
  per: string | null;
  qualifier: string;
  vague: number | boolean;
  attributed_to: string | null;
  speaker_key: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
  time_start: string | null;
  time_end: string | null;
  time_text: string | null;
  time_span_start: number | null;
  time_span_end: number | null;
  location: string | null;
  location_start: number | null;
  location_end: number | null;
  report_origin: string;
  report_title: string | null;
  report_source: string | null;
  report_published: string | null;
  visible_duplicate_of: number | null;
}

const span = (start: number | null, end: number | null) => (start === null || end === null ? null : { start, end });

export function claimFromRow(r: ClaimRow, entityKeys: string[]): StoredClaim {
  return {
    id: r.id,
    reportId: r.report_id,
    reportDuplicateOf: r.visible_duplicate_of,
    reportOrigin: r.report_origin,
    reportTitle: r.report_title,
    reportSource: r.report_source,
    published: r.report_published,
    sentenceText: r.sentence_text,
    entityKeys,
    span: { start: r.span_start, end: r.span_end },
    sentence: { start: r.sentence_start, end: r.sentence_end },
    value: { low: r.value_low, high: r.value_high },
    unit: r.unit,
    counted: r.counted,
    countedSpan: span(r.counted_start, r.counted_end),
    per: r.per,
    qualifier: r.qualifier as Qualifier,
    vague: flag(r.vague),
    attributedTo: r.attributed_to,
    speakerKey: r.speaker_key,
    speakerSpan: span(r.speaker_start, r.speaker_end),
    time:
      r.time_start === null || r.time_end === null
        ? null
        : { start: r.time_start, end: r.time_end, text: r.time_text, span: span(r.time_span_start, r.time_span_end) },
    location: r.location,
    locationSpan: span(r.location_start, r.location_end),
  };
}
