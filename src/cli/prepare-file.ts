import { checkSize, collectText, decodeText, isStixBundle } from '../collect/index.js';
import { CollectError } from '../collect/collect-error.js';
import { DEFAULT_MARKING, type Marking } from '../domain/marking.js';
import type { CollectedDocument } from '../domain/document.js';
import { classificationOrder } from '../share/classifications.js';
import { prepareReport } from '../store/prepare-report.js';
import type { ReportInput } from '../store/store.js';

/** What preparing a file needs to know: plain data, so that a worker thread can be given it. */
export interface PrepareOptions {
  /** Publication date for documents that give none (`--published`). */
  published: string | null;
  /** The caller's marking; undefined: the store's default. */
  marking?: Marking;
}

/** A failure or a note about one input, in the order they arose. */
export interface PrepareMessage {
  kind: 'failure' | 'note';
  origin: string;
  text: string;
}

/**
 * One file made ready for the store: its reports (collected, extracted, fingerprinted), or a STIX
 * bundle's text for the importer, which needs the store itself. Plain data, cloned whole between
 * threads (worker_threads structured clone).
 */
export type PreparedFile =
  | { kind: 'stix'; bytes: number; text: string }
  | { kind: 'documents'; bytes: number; documents: number; reports: ReportInput[]; messages: PrepareMessage[] };

/** A file that could not be read at all. */
export function unreadableFile(origin: string, problem: string): PreparedFile {
  return { kind: 'documents', bytes: 0, documents: 0, reports: [], messages: [{ kind: 'failure', origin, text: problem }] };
}

/**
 * Decodes, collects and extracts one file's bytes. Never throws: what goes wrong is a failure
 * message naming the file (or the feed item, or the MISP event), and the file's good documents
 * are still prepared.
 */
export function prepareFile(origin: string, bytes: Uint8Array, options: PrepareOptions): PreparedFile {
  const messages: PrepareMessage[] = [];
  const fail = (o: string, text: string) => messages.push({ kind: 'failure', origin: o, text });
  let docs: CollectedDocument[];
  try {
    checkSize(origin, bytes.length);
    const text = decodeOrThrow(origin, bytes);
    if (isStixBundle(text)) return { kind: 'stix', bytes: bytes.length, text };
    // Related stories embedded with full text become reports of their own.
    docs = collectText(origin, text, {
      published: options.published,
      related: true,
      // One bad event of a MISP file is named; the file's other events are still stored.
      onError: (e) => fail(e.origin, e.problem),
    });
  } catch (e) {
    fail(origin, problemOf(e));
    docs = [];
  }
  const reports: ReportInput[] = [];
  for (const doc of docs) {
    try {
      for (const n of doc.imported?.notes ?? []) messages.push({ kind: 'note', origin: doc.origin, text: n });
      const marking = doc.imported ? importedMarking(doc, options.marking ?? DEFAULT_MARKING) : options.marking;
      reports.push(prepareReport(doc, marking ? { marking } : {}));
    } catch (e) {
      if (e instanceof ImportedMarkingError) fail(doc.origin, e.message);
      // A fault in an extraction stage spoils this document only.
      else fail(doc.origin, `extraction failed: ${(e as Error).message}`);
    }
  }
  return { kind: 'documents', bytes: bytes.length, documents: docs.length, reports, messages };
}

class ImportedMarkingError extends Error {}

/** The marking an imported document asks for (TLP, classification, releasability), over the caller's. */
function importedMarking(doc: CollectedDocument, base: Marking): Marking {
  const facts = doc.imported!;
  const classification = facts.classification ?? base.classification;
  const order = classificationOrder();
  if (!order.includes(classification)) {
    throw new ImportedMarkingError(`classification "${classification}" is not a level of this instance (${order.join(', ')})`);
  }
  return {
    classification,
    releasableTo: facts.releasableTo ?? base.releasableTo,
    owner: base.owner,
    tlp: facts.tlp ?? base.tlp,
  };
}

function decodeOrThrow(origin: string, bytes: Uint8Array): string {
  try {
    return decodeText(bytes);
  } catch (e) {
    throw new CollectError(origin, (e as Error).message);
  }
}

/** The reason alone (the caller names the input): a CollectError's problem, else the message. */
export function problemOf(e: unknown): string {
  const problem = (e as { problem?: unknown }).problem;
  return typeof problem === 'string' ? problem : (e as Error).message;
}
