import type { Span } from '../../domain/span.js';
import type { TextBlock } from './text-block.js';

/**
 * Running heads and feet of a printed document converted with its layout kept (a UN record's "S/PV.10214     Agenda
 * title     10/09/2026", a page foot "2/5          26-24517"): a line whose parts stand apart by wide runs of spaces,
 * repeated page after page with only its digits changed, or its parts swapped between the page's sides (recto and
 * verso). A page breaks where they stand, often inside a sentence ("… all Member ⏎ 2/5  26-24517 ⏎ … ⏎ States
 * must …"): they are the page's furniture, and where the text on either side is one sentence they are a margin,
 * read as blank so the sentence runs on through them.
 */

/** Longest running line, its wide gaps included. */
const MAX_LINE = 200;
/** Shortest: a running line spreads across the page's width, where a short table row ("Total      1,200") does not. */
const MIN_LINE = 60;
/** Longest part of a running line (a document's title, an agenda item). */
const MAX_PART = 80;
/** The gap that parts a running line's fields: three spaces or more, or a tab. */
const GAP = /(?: {3,}|\t)\s*/;
/** Fewest lines between two copies of a running line: a page's text, not a table's next row. */
const MIN_PAGE_LINES = 4;
/** A line that ends a sentence or a clause: the text after a page break starts afresh. */
const CLOSES = /[.!?:;"”’)]$/;

/** Marks the running lines of `lines` (the text's non-blank lines) as footers; the margins where they part a sentence. */
export function findRunningLines(text: string, lines: readonly TextBlock[]): Span[] {
  markPageBreaks(text, lines);
  // Every running line and page head has a gap of two blanks or a tab: a text with none, as most are, has neither.
  const pair = text.indexOf('  ');
  const tab = text.indexOf('\t');
  if (pair < 0 && tab < 0) return [];
  const margins = findPageHeads(text, lines);
  // A running line's gap is three blanks or a tab (runningKey); three blanks start no sooner than the first two.
  if (tab < 0 && (pair < 0 || text.indexOf('   ', pair) < 0)) return margins;
  const keys: Array<string | null> = lines.map((l) => runningKey(l.text));
  // A table's heading row, each time the table is printed again (a yearbook's "Euro EUR   2024   2025" over every
  // entry's economics), is no running line: a row of as many cells follows it on the next line.
  for (let i = 0; i + 1 < lines.length; i++) if (keys[i] !== null && headsRows(text, lines[i]!, lines[i + 1]!)) keys[i] = null;
  const last = new Map<string, number>();
  const repeated = new Set<string>();
  // A shape seen again within a few lines is a table's or a list's rows, wherever else it recurs.
  const rows = new Set<string>();
  keys.forEach((k, i) => {
    if (k === null) return;
    const before = last.get(k);
    if (before !== undefined) (i - before > MIN_PAGE_LINES ? repeated : rows).add(k);
    last.set(k, i);
  });
  for (const k of rows) repeated.delete(k);
  if (repeated.size === 0) return margins;
  for (let i = 0; i < lines.length; i++) {
    if (!repeated.has(keys[i] ?? '')) continue;
    let j = i;
    while (j + 1 < lines.length && repeated.has(keys[j + 1] ?? '')) j++;
    for (let k = i; k <= j; k++) lines[k]!.hint ??= 'footer';
    const prev = lines[i - 1];
    const next = lines[j + 1];
    if (prev !== undefined && next !== undefined && prev.hint === undefined && partsSentence(prev.text, next.text)) {
      margins.push({ start: prev.end, end: text.lastIndexOf('\n', next.start) });
    }
    i = j;
  }
  return margins.filter((m) => m.end > m.start);
}

/**
 * A page break an export prints as a rule with the page's number in it ("---- Page 1 of 3 ----  Agency · Report ·
 * 02-Apr-25 ----"): the page's furniture, even printed once. Rules stand on both sides of its "Page N".
 */
const PAGE_BREAK = /^\s*[-=_~*]{3,}\s*page \d{1,4}(?: of \d{1,4})?\s*[-=_~*]{2,}/i;

function markPageBreaks(text: string, lines: readonly TextBlock[]): void {
  if (text.indexOf('Page ') < 0 && text.indexOf('PAGE ') < 0 && text.indexOf('page ') < 0) return;
  for (const line of lines) if (line.hint === undefined && line.text.length <= MAX_LINE && PAGE_BREAK.test(line.text)) line.hint = 'footer';
}

/**
 * A journal's page head copied from its PDF: the page number and a running title (the authors, "146  SEO ET AL.",
 * on the left-hand page; the journal's name, "JOURNAL OF …  147", on the right) set apart by two spaces or more.
 * Each varies in its words, so the shape that repeats is the page numbers' run: two heads or more, far apart, whose
 * numbers go up a page or two at a time. A page breaks there, often inside a sentence (after a colon too: the list
 * it opens goes on over the page).
 */
function findPageHeads(text: string, lines: readonly TextBlock[]): Span[] {
  const heads: Array<{ line: number; page: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const page = pageHeadNumber(lines[i]!.text, indentOf(text, lines[i]!.start));
    if (page !== undefined) heads.push({ line: i, page });
  }
  if (heads.length < 2) return [];
  const run = new Set<number>();
  for (let h = 1; h < heads.length; h++) {
    const a = heads[h - 1]!;
    const b = heads[h]!;
    const step = b.page - a.page;
    if (step >= 1 && step <= MAX_PAGE_STEP && b.line - a.line > MIN_PAGE_LINES) run.add(a.line).add(b.line);
  }
  const margins: Span[] = [];
  for (const i of run) {
    lines[i]!.hint ??= 'footer';
    const prev = lines[i - 1];
    const next = lines[i + 1];
    if (prev !== undefined && next !== undefined && prev.hint === undefined && (!ENDS_SENTENCE.test(prev.text) || isLower(next.text))) {
      margins.push({ start: prev.end, end: text.lastIndexOf('\n', next.start) });
    }
  }
  return margins.filter((m) => m.end > m.start);
}

/** A page head's number and title: 1–4 digits, a gap of two spaces or more, a title of two words or more, in capitals or
 * ending in "et al."; the title may carry its edition's year ("FORCES OF THE WORLD 2025  290"). */
const PAGE_HEAD = /^(?:(\d{1,4})(?: {2,}|\t)\s*([^\d\s][^\d]{4,78}[^\d\s](?: (?:19|20)\d\d)?)|([^\d\s][^\d]{4,78}[^\d\s](?: (?:19|20)\d\d)?)(?: {2,}|\t)\s*(\d{1,4}))$/;
/**
 * A page head set flush right, its title and number a space apart ("Asia 289", "Chapter Six 311"): capitalised words,
 * then the number. The line's indent says it is set at the page's edge, where a heading or a table row is not.
 */
const RIGHT_SET_HEAD = /^((?:[A-Z][A-Za-z'’&-]*|of|and|the)(?: (?:[A-Z][A-Za-z'’&-]*|of|and|the)){0,5}) (\d{1,4})$/;
/** Fewest blanks before a line set flush right on a page of running text. */
const MIN_RIGHT_INDENT = 30;
/** Most pages between two heads the text keeps (a head is printed on every page; a page may hold none, a figure). */
const MAX_PAGE_STEP = 3;
const ET_AL = /\bet al\.?$/i;
/** A line that ends a sentence (a colon or a comma does not: what it opens runs on over the page). */
const ENDS_SENTENCE = /[.!?"”’)]$/;

/** The page number of a journal's or a book's page head (`indent` blanks before it on its line), or undefined. */
function pageHeadNumber(t: string, indent: number): number | undefined {
  if (t.length > MAX_PART + 10) return undefined;
  if (t.indexOf('  ') < 0 && t.indexOf('\t') < 0) {
    const right = indent >= MIN_RIGHT_INDENT ? RIGHT_SET_HEAD.exec(t) : null;
    return right === null ? undefined : Number(right[2]);
  }
  const m = PAGE_HEAD.exec(t.trim());
  if (m === null) return undefined;
  const title = (m[2] ?? m[3])!.trim();
  // Set in capitals, or the authors' "Seo et al.": a numbered section's heading ("2  Data and methods") is neither.
  const running = title.indexOf(' ') > 0 && (title === title.toUpperCase() || ET_AL.test(title));
  return running ? Number(m[1] ?? m[4]) : undefined;
}

/** The blanks before a line's first character. */
function indentOf(text: string, start: number): number {
  let i = start;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return start - i;
}

function isLower(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 97 && c <= 122;
}

/** Whether the lines on either side of a page break are one sentence: the first ends none, or the next goes on in small letters. */
function partsSentence(before: string, after: string): boolean {
  const c = after.charCodeAt(0);
  return !CLOSES.test(before) || (c >= 97 && c <= 122);
}

/** Fewest cells of a table's heading row and of the row under it: a label and two columns. */
const MIN_TABLE_CELLS = 3;

/**
 * Whether `next`, on the line right under `line` (no page break between), is set in as many cells as it or more, three
 * at least: the rows under a table's heading. A page's foot over the next page's head holds two parts each.
 */
function headsRows(text: string, line: TextBlock, next: TextBlock): boolean {
  const nl = text.indexOf('\n', line.end);
  if (nl !== text.lastIndexOf('\n', next.start) || text.charCodeAt(nl + 1) === FORM_FEED) return false;
  const cells = line.text.split(GAP).length;
  return cells >= MIN_TABLE_CELLS && next.text.split(GAP).length >= cells;
}
const FORM_FEED = 12;

/** A spread line's shape: its parts with digits as one mark, in sorted order (the sides swap from page to page), or null. */
function runningKey(t: string): string | null {
  if (t.length > MAX_LINE || t.length < MIN_LINE || (t.indexOf('   ') < 0 && t.indexOf('\t') < 0)) return null;
  const parts = t.split(GAP);
  if (parts.length < 2 || parts.some((p) => p.length > MAX_PART)) return null;
  const shapes = parts.map((p) => p.replace(/\d+/g, '#'));
  if (!shapes.some((s) => s.includes('#'))) return null;
  return shapes.sort().join('\u0001');
}
