import { isReliabilityGrade } from '../analyse/admiralty.js';
import { outletKeyOf } from '../analyse/sources.js';
import { DEFAULT_MARKING, type Marking } from '../domain/marking.js';
import { LOCAL_ADMIN, type Viewer } from '../domain/viewer.js';
import type { IngestOutcome, ReportInput, Store } from '../store/store.js';
import type { PrepareOptions } from './prepare-file.js';
import { preparedFiles, type PrepareThread } from './prepared-files.js';
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
  /** Called with what an import mapped in a way a person should know (a MISP tag read as another…). */
  onNote?: (origin: string, note: string) => void;
  /** Who sets the source grades imported events give (default the local administrator). */
  grader?: Viewer;
  /** Where files are collected and extracted (default 'auto': a worker thread for large batches). */
  thread?: PrepareThread;
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
 * `parallax demo` and the ingest benchmark. One bad file never stops the others. In a large batch a
 * worker thread collects and extracts the files ahead while this thread stores the ones before
 * (prepared-files.ts); the store sees the same files in the same order either way.
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
  const note = options.onNote ?? (() => {});
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
    const outcomes = await store.ingest(batch);
    await applyImportedGrades(store, batch, outcomes, options.grader ?? LOCAL_ADMIN, note);
    for (const o of outcomes) {
      summary.outcomes.push(o);
      if (o.status === 'failed') {
        summary.failed++;
        fail(o.origin, o.problem ?? 'could not store it');
        continue;
      }
      tallyStored(summary, o);
    }
  };
  let done = 0;
  const prepareOptions: PrepareOptions = { published: options.published ?? null, ...(options.marking ? { marking: options.marking } : {}) };
  for await (const prepared of preparedFiles(files, prepareOptions, options.thread)) {
    const origin = files[done]!.origin;
    summary.bytes += prepared.bytes;
    if (prepared.kind === 'stix') {
      await flush();
      await importStix(store, origin, prepared.text, options, summary, fail);
      options.onProgress?.(++done, files.length);
      continue;
    }
    summary.documents += prepared.documents;
    for (const m of prepared.messages) {
      if (m.kind === 'note') {
        note(m.origin, m.text);
        continue;
      }
      summary.failed++;
      fail(m.origin, m.text);
    }
    pending.push(...prepared.reports);
    if (pending.length >= chunkSize) await flush();
    options.onProgress?.(++done, files.length);
  }
  await flush();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * The source reliability an imported event gives its source becomes that outlet's grade, unless an
 * analyst graded it otherwise: an analyst's grade is kept (and the difference noted).
 */
async function applyImportedGrades(
  store: Store,
  batch: readonly ReportInput[],
  outcomes: readonly IngestOutcome[],
  grader: Viewer,
  note: (origin: string, note: string) => void,
): Promise<void> {
  let grades: Map<string, string> | undefined;
  for (const [i, input] of batch.entries()) {
    const { doc } = input;
    const grade = doc.imported?.reliability;
    if (!grade || !isReliabilityGrade(grade) || outcomes[i]?.status === 'failed') continue;
    if (doc.source === null) {
      note(doc.origin, `source reliability ${grade} not applied: the event names no organisation (Orgc) to grade`);
      continue;
    }
    grades ??= new Map((await store.listSourceGrades(grader)).map((g) => [g.sourceKey, g.grade]));
    const key = outletKeyOf(doc.source);
    const existing = grades.get(key);
    if (existing === grade) continue;
    if (existing !== undefined) {
      note(doc.origin, `the event grades ${doc.source} ${grade}; kept the grade ${existing} already given (parallax source grade to change it)`);
      continue;
    }
    await store.setSourceGrade(grader, { sourceKey: key, grade, label: doc.source, gradedBy: `import ${doc.origin}` });
    grades.set(key, grade);
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
    tallyStored(summary, o);
  }
  summary.stixKept += result.kept.filter((k) => k.status === 'kept').length;
  for (const p of result.problems) {
    summary.failed++;
    fail(`${origin}#${p.object}`, p.problem);
  }
}

/** Counts a report the store took (any status but failed) in the summary: files and bundles alike. */
function tallyStored(summary: IngestSummary, o: IngestOutcome): void {
  if (o.status === 'ingested') summary.ingested++;
  else if (o.status === 'duplicate') summary.duplicates++;
  else if (o.status === 'updated') summary.updated++;
  else summary.unchanged++;
  if (o.status !== 'unchanged') {
    summary.claims += o.claims;
    summary.entities += o.entities;
  }
}
