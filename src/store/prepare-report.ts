import { createHash } from 'node:crypto';
import type { Extraction } from '../domain/claim.js';
import type { CollectedDocument } from '../domain/document.js';
import { DEFAULT_MARKING, type Marking } from '../domain/marking.js';
import { extract } from '../exploit/pipeline.js';
import { fingerprint } from '../collect/fingerprint.js';
import type { ReportInput } from './store.js';

/** Extracts (unless given an extraction), fingerprints the main body and hashes one document for the store. */
export function prepareReport(
  doc: CollectedDocument,
  options: { extraction?: Extraction; marking?: Marking } = {},
): ReportInput {
  const extraction = options.extraction ?? extract(doc);
  return {
    doc,
    extraction,
    contentHash: contentHash(doc),
    // The main body only: a syndicated copy differs from its original in navigation and promos.
    fingerprint: fingerprint(doc.text.slice(doc.main.start, doc.main.end)),
    marking: options.marking ?? DEFAULT_MARKING,
  };
}

/** Same hash = the same document: text, where its body lies, and what it says about itself. */
export function contentHash(doc: CollectedDocument): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([doc.format, doc.title, doc.published, doc.url, doc.source, doc.main.start, doc.main.end]));
  h.update('\n');
  h.update(doc.text);
  return h.digest('hex');
}
