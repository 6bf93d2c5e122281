import type { Span } from '../../domain/span.js';
import { linesOf } from './lines.js';

/**
 * Markdown documents (a note kept in a repository, a README-like report): recognised by several of Markdown's own
 * signs together, and read as their rendered text would read. The markup (emphasis marks, code ticks, heading hashes,
 * block-quote marks, task boxes, link brackets and targets, footnote references) is furniture that the extraction
 * reads as spaces, so every offset stays the document's; a fenced code block is furniture line by line; the YAML front
 * matter gives the title and the date; the footnote definitions after the body are its apparatus. Pipe tables keep
 * their bars: the table reader splits their cells at them.
 */
export interface MarkdownDocument {
  /** The front matter (from its opening "---" to the end of its closing line), or null. */
  frontMatter: Span | null;
  /** The front matter's title and date (ISO `YYYY-MM-DD`), when it gives them. */
  title: string | null;
  date: string | null;
  /** The author the front matter names, or null. */
  author: string | null;
  /** Markup inside lines, and the lines of fenced code blocks (without their line breaks), sorted, apart. */
  markup: Span[];
  /** The fenced code blocks, each from its opening fence's line start to its closing fence's line end. */
  fences: Span[];
  /** Where the footnote definitions that close the document begin (its last run of "[^n]: …" lines), or null. */
  notes: number | null;
}

/** Signs of Markdown, each counted once however often it occurs. */
const enum Sign {
  FRONT_MATTER = 1,
  HEADING = 2,
  FENCE = 4,
  PIPE_TABLE = 8,
  LINK = 16,
  FOOTNOTE = 32,
  TASK = 64,
  EMPHASIS = 128,
}
/** Signs that prose written without Markdown in mind hardly shows: a '#' or an asterisk is no such sign. */
const STRONG = Sign.FRONT_MATTER | Sign.FENCE | Sign.PIPE_TABLE | Sign.LINK | Sign.FOOTNOTE;

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+\S/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]\s]{1,40}\]:[ \t]/;
const TASK_BOX = /^([ \t]*[-*+][ \t]+)\[[ xX]\](?=[ \t])/;
const BLOCK_QUOTE = /^ {0,3}(?:>[ \t]?)+/;
/** A pipe table's delimiter row: "|:---|---:|", "--- | ---". */
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/;
const FRONT_MATTER_KEY = /^([A-Za-z][\w-]{0,30}):[ \t]*(.*)$/;
/** The longest front matter read: it opens the file and is short. */
const MAX_FRONT_MATTER_LINES = 60;

/**
 * The Markdown of a text, or null when the text is not plainly Markdown: it must show two of Markdown's signs, one of
 * them strong (front matter, a fenced block, a pipe table's delimiter row, an inline link, a footnote definition), or
 * three weaker ones (headings, task boxes, paired emphasis); a file named .md needs one sign.
 */
export function findMarkdown(text: string, named = false): MarkdownDocument | null {
  if (!named && !mayShowSigns(text)) return null;
  const lines = [...linesOf(text, 0, text.length)];
  const front = frontMatterOf(text, lines);
  let signs = front === null ? 0 : Sign.FRONT_MATTER;
  const markup: Span[] = [];
  const fences: Span[] = [];
  let notes: number | null = null;
  let fence: { mark: string; start: number } | null = null;
  let prevHasBar = false;
  for (let i = front === null ? 0 : front.lines; i < lines.length; i++) {
    const line = lines[i]!;
    const s = text.slice(line.start, line.end);
    if (fence !== null) {
      if (s.trimStart().startsWith(fence.mark) && s.trim().replace(/[`~]/g, '') === '') {
        fences.push({ start: fence.start, end: line.end });
        signs |= Sign.FENCE;
        fence = null;
      }
      if (line.end > line.start) markup.push({ start: line.start, end: line.end });
      continue;
    }
    const opened = FENCE.exec(s);
    if (opened !== null) {
      fence = { mark: opened[1]!, start: line.start };
      notes = null;
      markup.push({ start: line.start, end: line.end });
      continue;
    }
    if (DELIMITER_ROW.test(s) && prevHasBar) signs |= Sign.PIPE_TABLE;
    prevHasBar = s.includes('|');
    if (s.trim() === '') continue;
    const footnote = FOOTNOTE_DEFINITION.test(s);
    if (footnote) {
      signs |= Sign.FOOTNOTE;
      notes ??= line.start;
    } else if (notes !== null && !/^[ \t]/.test(s)) notes = null; // a note's continuation is indented
    signs |= lineMarkup(text, line, s, markup);
  }
  // A fence left open would run to the end: a text that opens one and never closes it is read as it stands.
  if (!isPlainlyMarkdown(signs, named) || fence !== null) return null;
  return { frontMatter: front?.span ?? null, title: front?.title ?? null, date: front?.date ?? null, author: front?.author ?? null, markup: sortedApart(markup), fences, notes };
}

/**
 * Whether the text holds the characters of a strong sign, or of the three weaker ones together: a few scans for
 * substrings, so that most texts, which are no Markdown, are not read line by line for it.
 */
function mayShowSigns(text: string): boolean {
  if (text.startsWith('---') || text.includes('```') || text.includes('~~~') || text.includes('](') || text.includes('[^')) return true;
  if (text.includes('|') && (text.includes('|-') || text.includes('| -') || text.includes('|:'))) return true;
  return text.includes('# ') && (text.includes('- [') || text.includes('* [')) && (text.includes('*') || text.includes('_'));
}

function isPlainlyMarkdown(signs: number, named: boolean): boolean {
  const count = bitCount(signs);
  if (named) return count >= 1;
  return count >= 3 || (count >= 2 && (signs & STRONG) !== 0);
}

function bitCount(n: number): number {
  let c = 0;
  for (let m = n; m !== 0; m &= m - 1) c++;
  return c;
}

/** The markup of one line outside code (its block marks, then its inline marks), pushed; the signs it shows. */
function lineMarkup(text: string, line: Span, s: string, out: Span[]): number {
  let signs = 0;
  let from = 0;
  const quote = BLOCK_QUOTE.exec(s);
  if (quote !== null) {
    out.push({ start: line.start, end: line.start + quote[0].length });
    from = quote[0].length;
  }
  const rest = s.slice(from);
  const heading = ATX_HEADING.exec(rest);
  if (heading !== null) {
    signs |= Sign.HEADING;
    const hashes = rest.indexOf('#');
    out.push({ start: line.start + from + hashes, end: line.start + from + hashes + heading[1]!.length });
    const closing = /[ \t]#+[ \t]*$/.exec(rest);
    if (closing !== null) out.push({ start: line.start + from + closing.index + 1, end: line.end });
  }
  const task = TASK_BOX.exec(rest);
  if (task !== null) {
    signs |= Sign.TASK;
    const box = line.start + from + task[1]!.length;
    out.push({ start: box, end: box + 3 });
  }
  const note = FOOTNOTE_DEFINITION.exec(rest);
  const inlineFrom = note === null ? from : from + rest.indexOf(']:') + 2;
  if (note !== null) out.push({ start: line.start + from, end: line.start + inlineFrom });
  return signs | inlineMarkup(text, line.start + inlineFrom, line.end, out);
}

const BACKTICK = 96;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const BANG = 33;
const CARET = 94;
const LESS = 60;
/** Longest link text and target read on a line. */
const MAX_LINK = 400;

/** The inline markup of text[from, to): code ticks, links, footnote references, autolinks, emphasis; the signs seen. */
function inlineMarkup(text: string, from: number, to: number, out: Span[]): number {
  let signs = 0;
  const runs: Run[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKTICK) {
      const close = codeSpanEnd(text, i, to);
      if (close > 0) {
        const ticks = tickRun(text, i, to);
        out.push({ start: i, end: i + ticks }, { start: close - ticks, end: close });
        i = close - 1;
      }
      continue;
    }
    if (c === OPEN_BRACKET || (c === BANG && text.charCodeAt(i + 1) === OPEN_BRACKET)) {
      const link = linkMarkup(text, i, to, out);
      if (link !== null) {
        if (link.inline) signs |= Sign.LINK;
        i = link.end - 1;
      }
      continue;
    }
    if (c === LESS) {
      const close = autolinkEnd(text, i, to);
      if (close > 0) {
        out.push({ start: i, end: close });
        i = close - 1;
      }
      continue;
    }
    if (c === 42 || c === 95) i = pushRun(text, i, from, to, runs) - 1; // * _
  }
  if (pairEmphasis(runs, out)) signs |= Sign.EMPHASIS;
  return signs;
}

function tickRun(text: string, at: number, to: number): number {
  let n = 0;
  while (at + n < to && text.charCodeAt(at + n) === BACKTICK) n++;
  return n;
}

/** The end of the code span opening with the ticks at `at` (past its closing ticks, a run of as many), or -1. */
function codeSpanEnd(text: string, at: number, to: number): number {
  const ticks = tickRun(text, at, to);
  for (let i = at + ticks; i < to; i++) {
    if (text.charCodeAt(i) !== BACKTICK) continue;
    const n = tickRun(text, i, to);
    if (n === ticks) return i + n;
    i += n - 1;
  }
  return -1;
}

/**
 * The markup of a link, an image or a footnote reference opening at `at` ("[text](target)", "![alt](src)",
 * "[text][ref]", "[^1]"), pushed: brackets and target, or the whole reference. Returns where it ends and whether it
 * is an inline link (a sign of Markdown; "[a][b]" and "[^1]" are rarer signs, left uncounted); null when none opens.
 */
function linkMarkup(text: string, at: number, to: number, out: Span[]): { end: number; inline: boolean } | null {
  const open = text.charCodeAt(at) === BANG ? at + 1 : at;
  const close = closingBracket(text, open, to);
  if (close < 0) return null;
  if (text.charCodeAt(open + 1) === CARET && open === at) {
    out.push({ start: at, end: close + 1 });
    return { end: close + 1, inline: false };
  }
  const after = text.charCodeAt(close + 1);
  if (after === OPEN_PAREN) {
    const end = closingParen(text, close + 1, to);
    if (end < 0) return null;
    out.push({ start: at, end: open + 1 }, { start: close, end: end + 1 });
    return { end: end + 1, inline: true };
  }
  if (after === OPEN_BRACKET) {
    const end = closingBracket(text, close + 1, to);
    if (end < 0) return null;
    out.push({ start: at, end: open + 1 }, { start: close, end: end + 1 });
    return { end: end + 1, inline: false };
  }
  return null;
}

/** The "]" closing the bracket at `open` on the line (one level of nesting), or -1. */
function closingBracket(text: string, open: number, to: number): number {
  let depth = 0;
  const limit = Math.min(to, open + MAX_LINK);
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACKET && --depth === 0) return i;
  }
  return -1;
}

/** The ")" closing a link target opening at `open` (no space inside but before a "title"), or -1. */
function closingParen(text: string, open: number, to: number): number {
  let depth = 0;
  const limit = Math.min(to, open + MAX_LINK);
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_PAREN) depth++;
    else if (c === CLOSE_PAREN && --depth === 0) return i;
    else if (c === 32 && text.charCodeAt(i + 1) !== 34 && depth === 1 && text.charCodeAt(i - 1) !== 34) return -1;
  }
  return -1;
}

/** The end of an autolink opening at `at` ("<https://…>", "<name@host>"), or -1. */
function autolinkEnd(text: string, at: number, to: number): number {
  const close = text.indexOf('>', at);
  if (close < 0 || close >= to || close - at > MAX_LINK) return -1;
  const inner = text.slice(at + 1, close);
  return /^(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]+|[^\s@<>]+@[^\s@<>]+\.[a-z]{2,})$/i.test(inner) ? close + 1 : -1;
}

/** A run of "*" or "_" that may open or close emphasis. */
interface Run {
  start: number;
  length: number;
  mark: number;
  opens: boolean;
  closes: boolean;
}

const isSpaceCode = (c: number): boolean => Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
const isPunctuationCode = (c: number): boolean => !Number.isNaN(c) && !isSpaceCode(c) && !/[\p{L}\p{N}]/u.test(String.fromCharCode(c));

/** Records the run of "*" or "_" at `at` when it may open or close emphasis (CommonMark's flanking rules); its end. */
function pushRun(text: string, at: number, lineStart: number, to: number, runs: Run[]): number {
  const mark = text.charCodeAt(at);
  let end = at;
  while (end < to && text.charCodeAt(end) === mark) end++;
  const before = at > lineStart ? text.charCodeAt(at - 1) : NaN;
  const after = end < to ? text.charCodeAt(end) : NaN;
  const left = !isSpaceCode(after) && (!isPunctuationCode(after) || isSpaceCode(before) || isPunctuationCode(before));
  const right = !isSpaceCode(before) && (!isPunctuationCode(before) || isSpaceCode(after) || isPunctuationCode(after));
  // "_" inside a word (snake_case, a file name) is no emphasis; "*" may be.
  const opens = mark === 95 ? left && (!right || isPunctuationCode(before)) : left;
  const closes = mark === 95 ? right && (!left || isPunctuationCode(after)) : right;
  if ((opens || closes) && end - at <= 3) runs.push({ start: at, length: end - at, mark, opens, closes });
  return end;
}

/** Pairs the runs of a line into emphasis (an opener with the next closer of the same mark and length), pushed. */
function pairEmphasis(runs: readonly Run[], out: Span[]): boolean {
  let paired = false;
  const used = new Uint8Array(runs.length);
  for (let i = 0; i < runs.length; i++) {
    const o = runs[i]!;
    if (used[i] || !o.opens) continue;
    for (let j = i + 1; j < runs.length; j++) {
      const c = runs[j]!;
      if (used[j] || c.mark !== o.mark || c.length !== o.length || !c.closes) continue;
      used[i] = used[j] = 1;
      out.push({ start: o.start, end: o.start + o.length }, { start: c.start, end: c.start + c.length });
      paired = true;
      break;
    }
  }
  return paired;
}

interface FrontMatter {
  span: Span;
  /** The lines it takes. */
  lines: number;
  title: string | null;
  date: string | null;
  author: string | null;
}

/** YAML front matter: "---" on the first line, "key: value" lines, "---" or "..." closing it. */
function frontMatterOf(text: string, lines: readonly Span[]): FrontMatter | null {
  const first = lines[0];
  if (first === undefined || text.slice(first.start, first.end).trimEnd() !== '---') return null;
  const fields = new Map<string, string>();
  for (let i = 1; i < Math.min(lines.length, MAX_FRONT_MATTER_LINES); i++) {
    const s = text.slice(lines[i]!.start, lines[i]!.end).trimEnd();
    if (s === '---' || s === '...') {
      if (fields.size === 0) return null;
      return { span: { start: first.start, end: lines[i]!.end }, lines: i + 1, title: fieldText(fields.get('title')), date: isoDateOf(fields.get('date')), author: fieldText(fields.get('author')) };
    }
    const kv = FRONT_MATTER_KEY.exec(s);
    if (kv !== null) fields.set(kv[1]!.toLowerCase(), kv[2]!);
    else if (s !== '' && !/^[ \t-]/.test(s)) return null; // neither a field nor a field's list or folded value
  }
  return null;
}

/** A field's text without YAML's quotes; null when empty. */
function fieldText(value: string | undefined): string | null {
  const v = value?.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  return v ? v : null;
}

/** The ISO date a front matter's date field opens with ("2025-03-27", "2025-03-27T10:00:00Z", "'2025-03-27'"). */
function isoDateOf(value: string | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(fieldText(value) ?? '');
  return m === null ? null : `${m[1]}-${m[2]}-${m[3]}`;
}

/** The spans sorted by start, overlaps dropped. */
function sortedApart(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of spans) if (s.end > s.start && (out.length === 0 || s.start >= out[out.length - 1]!.end)) out.push(s);
  return out;
}
