import { checkSize, collectText, decodeText, isStixBundle } from '../collect/index.js';
import { CollectError } from '../collect/collect-error.js';
import type { CollectedDocument } from '../domain/document.js';
import { DEFAULT_MARKING, type Marking } from '../domain/marking.js';
import { LOCAL_ADMIN } from '../domain/viewer.js';
import { prepareReport } from '../store/prepare-report.js';
import type { IngestOutcome, ReportInput, Store } from '../store/store.js';
import type { InputFile, MissingInput } from './read-inputs.js';

export interface IngestFilesOptions {
  /** Publication date for documents that give none (`--published`). */
  published?: string | null;
  marking?: Marking;
  /** Reports per transaction: each report stays whole; a chunk amortises the commit. */
  chunkSize?: number;
  onProgress?: (filesDone: number, filesTotal: number) => void;
  /** Called once per input (file, feed item, path) that could not be ingested. */
  onFailure?: (origin: string, problem: string) => void;
}

export interface IngestSummary {
  files: number;
  /** Documents collected from the files (a feed gives several). */
  documents: number;
  ingested: number;
  duplicates: number;
  unchanged: number;
  updated: number;
  /** Inputs that failed: missing paths, files that could not be collected, reports that could not be stored. */
  failed: number;
  /** Claims and entities of the reports written by this run. */
  claims: number;
  entities: number;
  /** STIX objects kept verbatim from bundles (not mapped to reports). */
  stixKept: number;
  bytes: number;
  seconds: number;
  outcomes: IngestOutcome[];
}

/**
 * Collects, extracts, fingerprints and stores files: the one code path behind `parallax ingest`,
 * `parallax demo` and the ingest benchmark. One bad file never stops the others.
 */
export async function ingestFiles(
  store: Store,
  files: readonly InputFile[],
  missing: readonly MissingInput[],
  options: IngestFilesOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const chunkSize = options.chunkSize ?? 100;
  const fail = options.onFailure ?? (() => {});
  const summary: IngestSummary = {
    files: files.length + missing.length,
    documents: 0,
    ingested: 0,
    duplicates: 0,
    unchanged: 0,
    updated: 0,
    failed: 0,
    claims: 0,
    entities: 0,
    stixKept: 0,
    bytes: 0,
    seconds: 0,
    outcomes: [],
  };
  for (const m of missing) {
    summary.failed++;
    fail(m.origin, m.problem);
  }
  let pending: ReportInput[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    for (const o of await store.ingest(batch)) {
      summary.outcomes.push(o);
      if (o.status === 'failed') {
        summary.failed++;
        fail(o.origin, o.problem ?? 'could not store it');
        continue;
      }
      if (o.status === 'ingested') summary.ingested++;
      else if (o.status === 'duplicate') summary.duplicates++;
      else if (o.status === 'updated') summary.updated++;
      else summary.unchanged++;
      if (o.status !== 'unchanged') {
        summary.claims += o.claims;
        summary.entities += o.entities;
      }
    }
  };
  let done = 0;
  for (const file of files) {
    let docs: CollectedDocument[];
    try {
      const bytes = await file.read();
      summary.bytes += bytes.length;
      checkSize(file.origin, bytes.length);
      const text = decodeOrThrow(file.origin, bytes);
      if (isStixBundle(text)) {
        await flush();
        await importStix(store, file.origin, text, options, summary, fail);
        options.onProgress?.(++done, files.length);
        continue;
      }
      // Related stories embedded with full text become reports of their own.
      docs = collectText(file.origin, text, { published: options.published ?? null, related: true });
    } catch (e) {
      summary.failed++;
      fail(file.origin, problemOf(e));
      docs = [];
    }
    for (const doc of docs) {
      summary.documents++;
      try {
        pending.push(prepareReport(doc, options.marking ? { marking: options.marking } : {}));
      } catch (e) {
        // A fault in an extraction stage spoils this document only.
        summary.failed++;
        fail(doc.origin, `extraction failed: ${(e as Error).message}`);
      }
    }
    if (pending.length >= chunkSize) await flush();
    options.onProgress?.(++done, files.length);
  }
  await flush();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

function decodeOrThrow(origin: string, bytes: Uint8Array): string {
  try {
    return decodeText(bytes);
  } catch (e) {
    throw new CollectError(origin, (e as Error).message);
  }
}

/**
 * A STIX bundle: its reports are stored, the objects Parallax does not map kept verbatim, and
 * each bad object named as `FILE#object-id` (the others are still stored).
 */
async function importStix(
  store: Store,
  origin: string,
  text: string,
  options: IngestFilesOptions,
  summary: IngestSummary,
  fail: (origin: string, problem: string) => void,
): Promise<void> {
  const { importBundle } = await import('../interop/stix/import.js');
  const result = await importBundle(store, origin, text, { viewer: LOCAL_ADMIN, marking: options.marking ?? DEFAULT_MARKING });
  summary.documents += result.outcomes.length;
  for (const o of result.outcomes) {
    summary.outcomes.push(o);
    if (o.status === 'failed') continue;
    if (o.status === 'ingested') summary.ingested++;
    else if (o.status === 'duplicate') summary.duplicates++;
    else if (o.status === 'updated') summary.updated++;
    else summary.unchanged++;
    if (o.status !== 'unchanged') {
      summary.claims += o.claims;
      summary.entities += o.entities;
    }
  }
  summary.stixKept += result.kept.filter((k) => k.status === 'kept').length;
  for (const p of result.problems) {
    summary.failed++;
    fail(`${origin}#${p.object}`, p.problem);
  }
}

/** The reason alone (the caller names the input): a CollectError's problem, else the message. */
function problemOf(e: unknown): string {
  const problem = (e as { problem?: unknown }).problem;
  return typeof problem === 'string' ? problem : (e as Error).message;
}
