import type { Span } from '../../domain/span.js';
import type { TextBlock } from './text-block.js';

/**
 * Line-numbered text: a bill as Congress prints it, a court filing on pleading paper, a deposition's transcript. A
 * number down the left margin of every line ("13         500 officers") counts 1, 2, 3 … and starts again at 1 on
 * each page; between two pages lie the page's footer, the next page's header and its number. The numbers and that
 * page furniture fall inside sentences and names ("National Intelligence⏎20 Service"), so they are kept apart here
 * as margins: spans the extraction reads as blank, so the lines run on through them while every offset stays the
 * original text's.
 */
export interface NumberedLines {
  /** The line blocks with each line's number cut off (a line holding only its number is dropped). */
  lines: TextBlock[];
  /** The line numbers, and between two pages everything from the last line's end to the line break opening line 1. */
  margins: Span[];
}

/**
 * A page's number as printers set it: "Page 2 of 3", "- 4 -", "… · Page 1 of 3", and a teleprinter's
 * zero-padded counter after the message's number ("SEOUL 00000187  002 OF 003").
 */
export const PAGE_NUMBER = /^(?:page \d{1,4}|- ?\d{1,4} ?-)$|\bpage \d{1,4} of \d{1,4}$|\d\s+0\d{1,3} of 0\d{1,3}$/i;
export const FORM_FEED = 12;
/** A page's number alone on its line, as it stands between the pages of line-numbered text. */
const BARE_PAGE_NUMBER = /^\d{1,4}$/;

/** Fewest pages (runs restarting at 1) that make a text line-numbered: a numbered list counts up once. */
const MIN_PAGES = 2;
/** Fewest lines the fullest page holds (a bill page holds 25, pleading paper 28, a transcript page 25). */
const MIN_FULL_PAGE = 10;
/** Most unnumbered lines between two pages (footer, header, page number). */
const MAX_BREAK_LINES = 10;
/** Furthest column a line number starts at (pdftotext indents the margin by a few spaces). */
const MAX_NUMBER_COLUMN = 6;
/** A line's number (one or two digits) followed by white space and the line's text, or by nothing. */
const LINE_NUMBER = /^(\d{1,2})(?:[ \t]+|$)/;

/** One page: the indices of its first and last numbered line. */
interface Page {
  first: number;
  last: number;
}

/** The line-numbered reading of `lines` (the non-blank lines of `text`), or null when the text is not line-numbered. */
export function findNumberedLines(text: string, lines: readonly TextBlock[]): NumberedLines | null {
  const numbers = lineNumbers(text, lines);
  if (numbers === null) return null;
  const pages = numberedPages(lines, numbers);
  if (pages === null) return null;
  markPageFurniture(lines, pages);
  const margins: Span[] = [];
  const inPage = new Uint8Array(lines.length);
  pages.forEach((p, k) => {
    for (let i = p.first; i <= p.last; i++) inPage[i] = 1;
    const next = pages[k + 1];
    if (next === undefined) return;
    // The page's last line's end to the line break that opens the next page's line 1: footer, header, page number.
    const gap = { start: lines[p.last]!.end, end: text.lastIndexOf('\n', lines[next.first]!.start) };
    if (gap.end > gap.start) margins.push(gap);
  });
  const out: TextBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!inPage[i]) {
      out.push(l);
      continue;
    }
    const m = LINE_NUMBER.exec(l.text)!;
    margins.push({ start: l.start, end: l.start + m[1]!.length });
    if (m[0].length < l.text.length) out.push({ start: l.start + m[0].length, end: l.end, text: l.text.slice(m[0].length) });
  }
  margins.sort((a, b) => a.start - b.start);
  return { lines: out, margins };
}

/** Each line's number in the margin (0 when it has none), or null when too few lines open with one to be worth a look. */
function lineNumbers(text: string, lines: readonly TextBlock[]): Int32Array | null {
  const numbers = new Int32Array(lines.length);
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const c = l.text.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    const m = LINE_NUMBER.exec(l.text);
    if (m === null || l.start - (text.lastIndexOf('\n', l.start - 1) + 1) > MAX_NUMBER_COLUMN) continue;
    numbers[i] = Number(m[1]);
    count++;
  }
  return count >= MIN_FULL_PAGE + 1 ? numbers : null;
}

/**
 * The pages of the longest stretch of line-numbered text: runs of lines numbered 1, 2, 3 … with no other line between,
 * one run after another with only a few lines (the page furniture) between. Null unless it holds several pages, the
 * fullest of MIN_FULL_PAGE lines at least, every page but the first and last as full as the fullest (a page holds a
 * fixed count of lines, where a list's items do not), and the lines between the pages are a page's furniture.
 */
function numberedPages(lines: readonly TextBlock[], numbers: Int32Array): Page[] | null {
  let best: Page[] = [];
  let chain: Page[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (numbers[i] !== 1) continue;
    let j = i;
    while (j + 1 < lines.length && numbers[j + 1] === numbers[j]! + 1) j++;
    const last = chain[chain.length - 1];
    if (last !== undefined && i - last.last - 1 > MAX_BREAK_LINES) chain = [];
    chain.push({ first: i, last: j });
    if (chain.length > best.length) best = chain;
    i = j;
  }
  if (best.length < MIN_PAGES) return null;
  const full = Math.max(...best.map((p) => p.last - p.first + 1));
  if (full < MIN_FULL_PAGE) return null;
  for (let k = 1; k + 1 < best.length; k++) if (best[k]!.last - best[k]!.first + 1 !== full) return null;
  return breaksAreFurniture(lines, best) ? best : null;
}

/**
 * The lines between the pages are a printed page's furniture: some line's shape (`withoutDigits`) recurs in every
 * break that holds lines, and the breaks show that they part pages: a form feed or a page's number in one of them,
 * or the recurring line repeated above the first page or below the last (the first page's header, the last one's
 * footer). Lists that count again from 1 between headings have none of this.
 */
function breaksAreFurniture(lines: readonly TextBlock[], pages: readonly Page[]): boolean {
  let common: Set<string> | null = null;
  let pageSign = false;
  for (let k = 0; k + 1 < pages.length; k++) {
    const shapes = new Set<string>();
    for (let i = pages[k]!.last + 1; i < pages[k + 1]!.first; i++) {
      const t = lines[i]!.text;
      shapes.add(withoutDigits(t));
      pageSign ||= t.charCodeAt(0) === FORM_FEED || BARE_PAGE_NUMBER.test(t) || PAGE_NUMBER.test(t);
    }
    if (shapes.size === 0) continue;
    common = common === null ? shapes : new Set([...common].filter((s: string) => shapes.has(s)));
    if (common.size === 0) return false;
  }
  if (common === null || pageSign) return true;
  const outside = (i: number): boolean => common!.has(withoutDigits(lines[i]!.text));
  for (let i = 0; i < pages[0]!.first; i++) if (outside(i)) return true;
  for (let i = pages[pages.length - 1]!.last + 1; i < lines.length; i++) if (outside(i)) return true;
  return false;
}

/**
 * Marks the page furniture as footer: the lines between pages, and the lines above the first page and below the last
 * that repeat one of them with other digits (the first page's header, the last page's footer: "Frm 00001" … "Frm
 * 00008"). The unnumbered lines above the first page that repeat none are its cover (a bill's title page, a
 * transcript's caption): header matter, kept out of the body.
 */
function markPageFurniture(lines: readonly TextBlock[], pages: readonly Page[]): void {
  const shapes = new Set<string>();
  for (let k = 0; k + 1 < pages.length; k++) {
    for (let i = pages[k]!.last + 1; i < pages[k + 1]!.first; i++) {
      lines[i]!.hint = 'footer';
      shapes.add(withoutDigits(lines[i]!.text));
    }
  }
  const repeats = (l: TextBlock): boolean => shapes.has(withoutDigits(l.text));
  for (let i = 0; i < pages[0]!.first; i++) lines[i]!.hint ??= repeats(lines[i]!) ? 'footer' : 'other';
  for (let i = pages[pages.length - 1]!.last + 1; i < lines.length && repeats(lines[i]!); i++) lines[i]!.hint ??= 'footer';
}

const DIGITS = /\d+/g;

/** A furniture line's shape: its digits as one mark, without the form feed that opens a page's first line. */
function withoutDigits(t: string): string {
  return (t.charCodeAt(0) === FORM_FEED ? t.slice(1) : t).replace(DIGITS, '#');
}
