/** A file path as its name only (where it lay on the submitter's disk is no reader's business); URLs and feed items stay whole. */
export function shortOrigin(origin: string): string {
  return /^[a-z]+:\/\//i.test(origin) ? origin : (origin.split(/[\\/]/).pop() ?? origin);
}
