import type { PostSpan } from '../../domain/document.js';
import type { Span } from '../../domain/span.js';
import { DATE_TIME_GROUP_CUE, dateTimeGroupDay } from '../dates.js';
import { linesOf } from './lines.js';

/**
 * A log of military spot reports as a unit or an analysis cell publishes it: entries each headed by a line that gives
 * the report's date-time group ("SERIAL 03 | DTG 141900ZDEC24 | GRADE C3", or the group opening the line), then the
 * originator ("ORIG: 95th Bde press service"), the originator's fields as sent (SALUTE or SALT: "S: …", "A: …", "L:",
 * "U:", "T:", "E:", a "RESULT:" line, a quoted free text) and, last, the compiler's own comment under any other label
 * ("NOTE:", "COMMENT:", the cell's name). Each entry is read as a post of the day of its group: the fields in the
 * originator's voice, the comment in the compiler's own (a post with no author).
 */

/** Fewest entries that make a text a log: one dated header alone is a dateline. */
const MIN_ENTRIES = 2;
/** How many lines under its header an entry's originator line may stand. */
const ORIGINATOR_REACH = 3;

/** A header's date-time group: after a "DTG" label, or opening the line. */
const HEADER_DTG = /(?:^|\bDTG:?\s+)(\d{2} ?\d{4}[A-IK-Z] ?[A-Z]{3} ?\d{2,4})\b/;
/** A line's label: a short word or two before a colon opening it. */
const LABEL = /^\s*([A-Za-z][A-Za-z ]{0,23}?)\s*:/;
/** Labels of the originator's own lines (lower case): the originator, the format, the SALUTE and SALT fields and their outcome. */
export const ORIGINATOR_LABELS: ReadonlySet<string> = new Set([
  'orig', 'originator', 'reporting unit', 'reported by', 'fmt', 'format',
  's', 'a', 'l', 'u', 't', 'e', 'size', 'activity', 'location', 'unit', 'time', 'equipment', 'result', 'results',
]);
/**
 * Whether lines labelled so are the fields of spot reports: the SALUTE letters for size, location and time at least
 * (labels lower case). The letters then name fields of a form, not people taking turns ("A:" is no answer there).
 */
export function labelsSpotReportFields(labels: ReadonlySet<string>): boolean {
  return labels.has('s') && labels.has('l') && labels.has('t');
}
const ORIGINATOR_LINE = /^\s*(?:ORIG(?:INATOR)?|REPORTING UNIT|REPORTED BY)\s*:\s*(.+?)\s*$/i;
/** A line of rule characters alone closes an entry. */
const RULE_LINE = /^\s*[=\-_*~]{5,}\s*$/;
/** A bracketed remark closing the originator's name ("HUR (public statement)"). */
const TRAILING_REMARK = /\s*\([^()]*\)$/;

/** The entries of a spot-report log inside `main`, each as an originator's post and a compiler's post; [] for other texts. */
export function findReportLog(text: string, main: Span): PostSpan[] {
  // Every header holds a date-time group's zone letter glued to its month, or after the clock: most texts have none.
  if (!DATE_TIME_GROUP_CUE.test(text.slice(main.start, main.end))) return [];
  // The lines of `main` that hold more than white space.
  const lines = [...linesOf(text, main.start, main.end)].filter((l) => /\S/.test(lineText(text, l)));
  const heads: Array<{ line: number; day: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const m = HEADER_DTG.exec(text.slice(lines[i]!.start, lines[i]!.end));
    const day = m === null ? null : dateTimeGroupDay(m[1]!);
    if (day !== null) heads.push({ line: i, day });
  }
  if (heads.length < MIN_ENTRIES) return [];
  const posts: PostSpan[] = [];
  for (let h = 0; h < heads.length; h++) {
    const limit = h + 1 < heads.length ? heads[h + 1]!.line : lines.length;
    posts.push(...entryPosts(text, lines, heads[h]!.line, limit, heads[h]!.day));
  }
  return posts;
}

/** The posts of the entry headed at line `head`, which runs at most to line `limit` (exclusive). */
function entryPosts(text: string, lines: readonly Span[], head: number, limit: number, day: string): PostSpan[] {
  let end = head + 1;
  while (end < limit && !RULE_LINE.test(lineText(text, lines[end]!))) end++;
  const author = originatorOf(text, lines, head, Math.min(end, head + 1 + ORIGINATOR_REACH));
  const comment = commentStart(text, lines, head + 1, end);
  const start = lines[head]!.start;
  const stop = lines[end - 1]!.end;
  const fields: PostSpan = { start, end: lines[Math.min(comment, end) - 1]!.end, published: day, forwardedFrom: null, author };
  if (comment >= end) return [fields];
  return [fields, { start: lines[comment]!.start, end: stop, published: day, forwardedFrom: null, author: null }];
}

/** The originator named on a line of [from, to), its closing bracketed remark cut, or null. */
function originatorOf(text: string, lines: readonly Span[], from: number, to: number): string | null {
  for (let i = from; i < to; i++) {
    const m = ORIGINATOR_LINE.exec(lineText(text, lines[i]!));
    if (m !== null) return m[1]!.replace(TRAILING_REMARK, '') || m[1]!;
  }
  return null;
}

/** The first line of [from, to) labelled as none of the originator's lines are: the compiler's comment; `to` if none. */
function commentStart(text: string, lines: readonly Span[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const m = LABEL.exec(lineText(text, lines[i]!));
    if (m !== null && !ORIGINATOR_LABELS.has(m[1]!.toLowerCase())) return i;
  }
  return to;
}

const lineText = (text: string, l: Span): string => text.slice(l.start, l.end);
