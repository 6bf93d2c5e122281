import { CollectError } from './collect-error.js';

/** One report larger than this is almost surely not a report (a dump, a log, a video). */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Refuses an input over the limit. Callers that can stat a file should call this before reading it;
 * collectBytes calls it before decoding, so an oversize input costs no decoding or parsing.
 */
export function checkSize(origin: string, byteLength: number, maxBytes: number = DEFAULT_MAX_BYTES): void {
  if (byteLength > maxBytes) {
    throw new CollectError(origin, `the file is ${megabytes(byteLength)}, over the ${megabytes(maxBytes, 0)} limit for one report`);
  }
}

function megabytes(bytes: number, digits = 1): string {
  const mb = bytes / (1024 * 1024);
  // Whole limits print as "16 MB"; sizes keep one decimal ("50.0 MB") unless tiny.
  if (mb < 0.1) return `${bytes} bytes`;
  return `${Number.isInteger(mb) && digits === 0 ? mb : mb.toFixed(digits)} MB`;
}
