import { HttpProblem } from './problem.js';

/**
 * Opaque paging cursors: what the next page starts after, encoded so clients pass it back
 * unchanged and never build one. A cursor names the list it belongs to; another list refuses it.
 */
export type Cursor = { list: string; afterId: number } | { list: string; offset: number };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

export function decodeCursor(text: string | undefined, list: string): Cursor | undefined {
  if (text === undefined) return undefined;
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    c = undefined;
  }
  const o = c as Record<string, unknown> | undefined;
  const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  if (!o || typeof o !== 'object' || o['list'] !== list || !(count(o['afterId']) || count(o['offset']))) {
    throw new HttpProblem(400, `cursor is not one this server gave for ${list}; pass "next" from the previous page unchanged`);
  }
  return o as Cursor;
}

export const offsetOf = (c: Cursor | undefined): number => (c && 'offset' in c ? c.offset : 0);
export const afterIdOf = (c: Cursor | undefined): number => (c && 'afterId' in c ? c.afterId : 0);
