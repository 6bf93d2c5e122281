import type { PostSpan } from '../../domain/document.js';
import type { Span } from '../../domain/span.js';
import { linesOf } from './lines.js';

/**
 * A log exported as a table of time-stamped rows: a header of fields over a column-heading line, a rule, the rows each
 * opened by a date and time ("2025-03-02 21:01:40  L3  …"), a closing rule and a summary line ("END OF EXPORT | 40
 * lines"). The report is the rows, from the first row to the last; the export's header and its closing lines are the
 * tool's. The rows of one day are read as one post of that day, so a row's "yesterday" or "last week" counts from the
 * day it was logged on, not from the export's.
 */
export interface StampedLog {
  main: Span;
  /** One post for each run of rows logged on the same day. */
  posts: PostSpan[];
  /** Each row's stamp, with the short element code in a column of its own after it ("L3", "CRAWL"): when, not what. */
  stamps: Span[];
}

/** Fewest rows that make a log. */
const MIN_ROWS = 6;
/** Share of the lines between the rules that must be stamped rows (the rest may be wrapped row text). */
const MIN_STAMPED_SHARE = 0.8;
/** A row's stamp: an ISO date, a space or "T", a clock time, then the row's text. */
const ROW_STAMP = /^\s*(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}(?::\d{2})?\b(\s+[A-Z][A-Z0-9]{0,5}(?= {2,}|\t))?/;
/** A line of rule characters alone. */
const RULE_LINE = /^\s*(?:-{10,}|={10,}|_{10,})\s*$/;

/** The rows of a time-stamped log export framed by rules, or null for other texts. */
export function findStampedLog(text: string): StampedLog | null {
  // Gate: two rules and an ISO date-time somewhere; most texts have neither.
  const rule = text.indexOf('----------');
  if (rule < 0 && text.indexOf('==========') < 0) return null;
  if (!/\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}/.test(text)) return null;
  const lines = [...linesOf(text, 0, text.length)];
  let best: StampedLog | null = null;
  let bestRows = 0;
  let open = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!RULE_LINE.test(lineText(text, lines[i]!))) continue;
    if (open >= 0) {
      const found = rowsBetween(text, lines, open + 1, i);
      if (found !== null && found.rows > bestRows) {
        best = found.log;
        bestRows = found.rows;
      }
    }
    open = i;
  }
  return best;
}

function rowsBetween(text: string, lines: Span[], from: number, to: number): { log: StampedLog; rows: number } | null {
  let first = -1;
  let last = -1;
  let rows = 0;
  let filled = 0;
  const posts: PostSpan[] = [];
  const stamps: Span[] = [];
  for (let i = from; i < to; i++) {
    const line = lineText(text, lines[i]!);
    if (!/\S/.test(line)) continue;
    filled++;
    const m = ROW_STAMP.exec(line);
    if (m === null) continue;
    rows++;
    if (first < 0) first = i;
    last = i;
    stamps.push({ start: lines[i]!.start, end: lines[i]!.start + m[0].length - (m[2]?.length ?? 0) });
    const day = m[1]!;
    const post = posts[posts.length - 1];
    if (post !== undefined && post.published === day) post.end = lines[i]!.end;
    else posts.push({ start: lines[i]!.start, end: lines[i]!.end, published: day, forwardedFrom: null });
  }
  if (rows < MIN_ROWS || rows < filled * MIN_STAMPED_SHARE) return null;
  const end = trimmedEnd(text, lines[last]!.start, lines[last]!.end);
  posts[posts.length - 1]!.end = end;
  // A row's wrapped text before the next day's first row belongs to the post before it.
  for (let p = 0; p + 1 < posts.length; p++) posts[p]!.end = trimmedEnd(text, posts[p]!.start, posts[p + 1]!.start);
  return { log: { main: { start: lines[first]!.start, end }, posts, stamps }, rows };
}

const lineText = (text: string, line: Span): string => text.slice(line.start, line.end);

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}
