import type { BoilerplateSpan } from '../../domain/document.js';
import type { Span } from '../../domain/span.js';
import { findNumberedLines } from './numbered-lines.js';
import { findRunningLines } from './running-lines.js';
import { lazyRegExp } from '../text/lazy-regexp.js';

export type BoilerplateKind = BoilerplateSpan['kind'];

/** One paragraph-like unit of a text (a line of plain text, a block element of HTML), with its offsets. */
export interface TextBlock {
  start: number;
  end: number;
  text: string;
  /** Markup says it is a heading (h1–h6). */
  heading?: boolean;
  /** Markup or a bullet says it is a list item. */
  listItem?: boolean;
  /** Markup says what it is (class names, aside, nav…): kept out of the main body. */
  hint?: BoilerplateKind;
  /** Share of its characters inside links (HTML only). */
  linkDensity?: number;
}

/**
 * Splits plain text into blocks: one per non-empty line, or, when the text is hard-wrapped (lines
 * broken at a fixed width inside paragraphs), one per paragraph of consecutive lines.
 */
export function lineBlocks(text: string): TextBlock[] {
  return plainTextBlocks(text).blocks;
}

/**
 * The blocks of a plain text, and its margins: in line-numbered text (a bill, pleading paper, a transcript), each
 * line's number and the page furniture between two pages, which lie inside sentences and are read as blank
 * (`numbered-lines.ts`). The blocks hold the lines without their numbers.
 */
export function plainTextBlocks(text: string): { blocks: TextBlock[]; margins: Span[] } {
  let lines = splitLines(text);
  markMailHeader(text, lines);
  const numbered = findNumberedLines(text, lines);
  if (numbered !== null) lines = numbered.lines.map(asListItem);
  markPageLines(lines);
  const running = numbered === null ? findRunningLines(text, lines) : [];
  // A numbered page is set in lines of one width, wrapped inside its paragraphs, however short its lines run.
  const fullLine = fullLineLength(lines);
  const wrapped = numbered !== null || isHardWrapped(text, lines, fullLine);
  const blocks = wrapped ? joinWrapped(text, lines, Math.min(MIN_JOINED_LINE, fullLine)) : lines;
  if (wrapped && numbered === null && !setInColumns(lines)) markLetterhead(text, blocks);
  return { blocks, margins: numbered?.margins ?? running };
}

/** Most lines of a letterhead block. */
const MAX_LETTERHEAD_LINES = 8;
/** Most characters of one. */
const MAX_LETTERHEAD = 700;
/** How many of its first lines may hold the line set in columns. */
const LETTERHEAD_GAP_LINES = 3;

/**
 * A release's letterhead copied from its PDF as the text's first paragraph: the issuer, its department, a line of fields
 * set side by side across the page ("Release No. 4          Released: 3 May 2026"), enquiries, series. Its lines, joined
 * as a wrapped paragraph's, can read as a sentence; a line set in columns among its first says it is the page's head,
 * furniture above the headline and the story.
 */
function markLetterhead(text: string, blocks: TextBlock[]): void {
  const first = blocks[0];
  if (first === undefined || blocks.length < 3 || first.hint !== undefined || first.end - first.start > MAX_LETTERHEAD) return;
  const lines = text.slice(first.start, first.end).split('\n');
  if (lines.length < 2 || lines.length > MAX_LETTERHEAD_LINES) return;
  for (let i = 0; i < LETTERHEAD_GAP_LINES && i < lines.length; i++) {
    if (hasColumnGap(lines[i]!.trim())) {
      first.hint = 'other';
      return;
    }
  }
}

/** Fewest blanks between two words that set them in columns: justified prose spreads its words by one or two. */
const MIN_COLUMN_GAP = 3;
/** Most lines of a text that may hold such a gap for it to be prose with a few lines set in columns. */
const MAX_COLUMN_LINE_SHARE = 0.25;

/** Whether a line holds MIN_COLUMN_GAP blanks or a tab between two of its words ("Release No. 4     Released: 3 May"). */
export function hasColumnGap(t: string): boolean {
  if (t.indexOf('   ') < 0 && t.indexOf('\t') < 0) return false;
  let run = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 9) return true;
    run = c === 32 ? run + 1 : 0;
    if (run >= MIN_COLUMN_GAP) return true;
  }
  return false;
}

/** Whether the text is laid out in columns throughout (a two-column page copied as text): every line has its gap. */
function setInColumns(lines: readonly TextBlock[]): boolean {
  let gapped = 0;
  for (const l of lines) if (hasColumnGap(l.text)) gapped++;
  return gapped > lines.length * MAX_COLUMN_LINE_SHARE;
}

/** Shortest line that counts as full in text wrapped at 50 characters or wider (a PDF page, an e-mail). */
const MIN_FULL_LINE = 50;
/** How far short of the wrap width a line may stop and still count as full. */
const FULL_LINE_SLACK = 12;
/** The narrowest wrap width read as a column of prose (a newspaper column runs 28–40 characters); below it, verse or lists. */
const MIN_COLUMN_WIDTH = 28;
/**
 * The share of lines at most as long as a column's width: a page's header lines (masthead, date line, an archive's
 * note) run wider than its columns, and on a short page they are a tenth of its lines or more.
 */
const COLUMN_PERCENTILE = 0.8;
/** Shortest line that opens a paragraph of joined lines in wide text. */
const MIN_JOINED_LINE = 40;

/**
 * The length from which a line counts as full: 50 characters, or, in text set in a narrow column (a newspaper's page
 * read by OCR, 30–40 characters a line), the column's width (the 80th percentile of line lengths) less a word's slack.
 * A wider text keeps the 50 it has always been read with.
 */
function fullLineLength(lines: readonly TextBlock[]): number {
  if (lines.length < 8) return MIN_FULL_LINE;
  // A histogram of lengths up to the full length: the percentile lies below it or the answer is the full length.
  const counts = new Uint32Array(MIN_FULL_LINE);
  for (const l of lines) if (l.text.length < MIN_FULL_LINE) counts[l.text.length]!++;
  const share = lines.length * COLUMN_PERCENTILE;
  let seen = 0;
  let width = 0;
  for (; width < MIN_FULL_LINE && seen < share; width++) seen += counts[width]!;
  width--;
  if (seen < share || width < MIN_COLUMN_WIDTH) return MIN_FULL_LINE;
  return width - FULL_LINE_SLACK;
}

/** A slide's marker in a presentation exported as text: "Slide 3 of 14", "Slide 3/14", "Slide 3". */
export const SLIDE_MARKER = /^slide \d{1,3}(?:(?: of |\/)\d{1,3})?$/i;
/** Longest running header or footer line of a page or slide. */
export const MAX_RUNNING_LINE = 100;
/** Fewest pages that repeat a numbered running line before it counts as one. */
const MIN_RUNNING_PAGES = 3;
/** A running line's words, a separator ("|", "·", "-", "–") and the page's number at its end: "ACME | Confidential | 4". */
const NUMBERED_RUNNING = /^(\S.{2,80}?)\s*[|·•–-]\s*\d{1,4}$/;

/**
 * Lines a deck or a printed page repeats on every slide or page: the slide's marker ("Slide 3 of 14") and a running
 * footer or header ending in the page's number ("ACME | Client confidential | 7", found on three pages at least, only
 * its number changing: a timeline's dates or a table's rows differ in their words too). They are page furniture
 * wherever they fall, and never join the lines around them into a paragraph.
 */
function markPageLines(lines: TextBlock[]): void {
  let numbered: Map<string, number> | null = null;
  for (const l of lines) {
    const t = l.text;
    if (l.hint || t.length > MAX_RUNNING_LINE) continue;
    if (SLIDE_MARKER.test(t)) l.hint = 'footer';
    else if (numberedRunningKey(t) !== null) {
      numbered ??= countNumberedLines(lines);
      if ((numbered.get(numberedRunningKey(t)!) ?? 0) >= MIN_RUNNING_PAGES) l.hint = 'footer';
    }
  }
}

/** The words of a line that ends in a page's number after a separator ("ACME | Client confidential | 7"), or null. */
function numberedRunningKey(t: string): string | null {
  const c = t.charCodeAt(t.length - 1);
  if (c < 48 || c > 57) return null;
  return NUMBERED_RUNNING.exec(t)?.[1] ?? null;
}

function countNumberedLines(lines: TextBlock[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const l of lines) {
    if (l.text.length > MAX_RUNNING_LINE) continue;
    const key = numberedRunningKey(l.text);
    if (key !== null) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return seen;
}

/** A field of an e-mail's header ("Subject: …", "X-Mailer: …"): a name of letters, digits and hyphens, a colon. */
const MAIL_FIELD = /^[A-Za-z][A-Za-z0-9-]{0,40}:[ \t]/;
/** Fields one of which every e-mail's header holds. */
const MAIL_KEY_FIELD = /^(?:from|to|cc|date|sent|subject|reply-to|message-id):/i;
/** Fewest fields, key fields among them, that make the opening lines an e-mail's header. */
const MIN_MAIL_FIELDS = 3;
const MIN_MAIL_KEY_FIELDS = 2;

/**
 * The header of an e-mail that opens the text ("From: …", "To: …", "Subject: …", folded fields
 * going on in an indented line), up to the first blank line: routing, not the message. Its lines
 * are marked as furniture and are never joined into a paragraph, however the body is wrapped.
 */
function markMailHeader(text: string, lines: TextBlock[]): void {
  let fields = 0;
  let keys = 0;
  let n = 0;
  for (; n < lines.length; n++) {
    const l = lines[n]!;
    if (n > 0 && /\n[ \t\r]*\n/.test(text.slice(lines[n - 1]!.end, l.start))) break;
    const folded = n > 0 && l.start > 0 && (text.charCodeAt(l.start - 1) === 32 || text.charCodeAt(l.start - 1) === 9);
    if (MAIL_FIELD.test(l.text)) {
      fields++;
      if (MAIL_KEY_FIELD.test(l.text)) keys++;
    } else if (!folded) return;
  }
  if (fields < MIN_MAIL_FIELDS || keys < MIN_MAIL_KEY_FIELDS) return;
  for (let i = 0; i < n; i++) lines[i]!.hint = 'other';
}

/**
 * Many lines of similar width that stop mid-sentence and run on into the next line (the line below it, however far
 * indented: an e-mail's quoted lines are read with their ">" marks as spaces).
 */
function isHardWrapped(text: string, lines: TextBlock[], fullLine: number): boolean {
  if (lines.length < 8) return false;
  let runOn = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i]!;
    const len = l.text.length;
    if (len >= fullLine && len <= 100 && !endsClause(l.text) && isNextLine(text, l.end, lines[i + 1]!.start)) runOn++;
  }
  return runOn >= 0.3 * lines.length;
}

/** Whether the line starting at `next` is the one right below the line ending at `end`: one line break between them. */
function isNextLine(text: string, end: number, next: number): boolean {
  if (next - end <= 2) return true;
  const nl = text.indexOf('\n', end);
  return nl >= 0 && nl < next && text.lastIndexOf('\n', next) === nl;
}

/** Ends with . ! ? : " ” or ), read by its last character (an end-anchored regex is tried at every position). */
function endsClause(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 34 || c === 0x201d || c === 41;
}

/**
 * Consecutive lines (no blank line between, no bullet) form one paragraph, when the first is long enough to be a
 * wrapped line (`minFirst`: 40 characters, less in a narrow column).
 */
function joinWrapped(text: string, lines: TextBlock[], minFirst: number): TextBlock[] {
  const out: TextBlock[] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    const adjacent = last && !/\n[ \t\r]*\n/.test(text.slice(last.end, l.start));
    if (last && adjacent && !l.listItem && !l.hint && !last.hint && last.text.length >= minFirst && !standsAlone(l.text) && !standsAlone(last.text) && !opensNote(l.text) && !opensCitationNote(l.text)) {
      last.end = l.end;
      last.text = `${last.text} ${l.text}`;
    } else out.push({ ...l });
  }
  return out;
}

/**
 * A line telling the reader how to cite the document ("Cite as: …", "Suggested citation: …", "How to cite this report:"):
 * a note of the header or the footer, never the next line of the paragraph above it, whose lines it would join into
 * one block of metadata that reads as prose.
 */
function opensCitationNote(t: string): boolean {
  const c = t.charCodeAt(0) | 32;
  if (c !== 99 /* c */ && c !== 115 /* s */ && c !== 114 /* r */ && c !== 112 /* p */ && c !== 104 /* h */) return false;
  const colon = t.indexOf(':');
  return colon > 0 && colon <= MAX_CITATION_LABEL && CITATION_LABEL.test(t.slice(0, colon + 1));
}

/** Longest label of a citation note, its colon included. */
const MAX_CITATION_LABEL = 40;
const CITATION_LABEL = /^(?:(?:suggested|recommended|preferred) citation|(?:please )?cite (?:this (?:[a-z]+ )?)?as|how to cite(?: this [a-z]+)?)\s*:$/i;

/** A note's mark opening a line ("[3] Yonhap, 13 November 2024."): each note of a list is its own paragraph. */
function opensNote(t: string): boolean {
  if (t.charCodeAt(0) !== 91 /* [ */) return false;
  let i = 1;
  while (i < t.length && i <= 3 && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
  return i > 1 && t.charCodeAt(i) === 93 /* ] */ && t.charCodeAt(i + 1) === 32;
}

function splitLines(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const n = text.length;
  for (let lineStart = 0; lineStart <= n; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) blocks.push(asListItem({ start: s, end: e, text: text.slice(s, e) }));
    lineStart = lineEnd + 1;
  }
  return blocks;
}

/** The line, marked as a list item when it opens with a bullet. */
function asListItem(line: TextBlock): TextBlock {
  if (mayBeBullet(line.text.charCodeAt(0)) && BULLET.test(line.text)) line.listItem = true;
  return line;
}

/** A bullet line opens with a dash, bullet or star, or a digit: others need no regex. */
function mayBeBullet(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 42 || c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 0x25aa || c === 0xb7 || c === 0x25e6;
}

const BULLET = /^(?:[-–—•*▪·◦]\s|\d{1,2}[.)]\s+[a-z])/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0 || c === 0xfeff || c === 0x2028;
}

/** Shortest run of one mark read as a rule line rather than an underlined word or an ellipsis. */
const MIN_RULE = 10;

/**
 * A line drawn across the text ("=====", "-----", "_____"): it parts a masthead, a body, a
 * footer or footnotes, so it is never read as part of the paragraph above or below it.
 */
export function isRuleLine(t: string): boolean {
  if (t.length < MIN_RULE) return false;
  const c = t.charCodeAt(0);
  if (c !== 61 && c !== 45 && c !== 95 && c !== 42 && c !== 126 && c !== 0x2500 && c !== 0x2014) return false;
  for (let i = 1; i < t.length; i++) if (t.charCodeAt(i) !== c) return false;
  return true;
}

/** Lines that are never part of a paragraph: rules, the counts under a post, a printed story's jump line. */
function standsAlone(t: string): boolean {
  return isRuleLine(t) || isCountsLine(t) || isJumpLine(t);
}

/** Longest jump line ("(Continued on Page A12, Column 3)"). */
const MAX_JUMP_LINE = 48;
/** "Continued on Page 6", "(Story continues on p. A4)", "Please turn to Page 12": the page only, never "next page". */
const JUMP_LINE = /^\(?(?:(?:continued|story continues|continues) (?:on|to)|(?:please )?turn to) (?:page|p\.) ?[A-Z]?\d{1,3}(?:, col(?:umn|\.)? ?\d)?\)?\.?$/i;

/**
 * The jump line under the part of a printed story a page carries ("Continued on Page 6"): the story goes on elsewhere,
 * and what follows it on this page (a caption, another story, an ad) is not the story's. A line of its own, never
 * joined into the paragraph above, however that paragraph stops mid-sentence.
 */
export function isJumpLine(t: string): boolean {
  if (t.length > MAX_JUMP_LINE) return false;
  const c = t.charCodeAt(0) | 32;
  return (c === 99 || c === 115 || c === 116 || c === 112 || t.charCodeAt(0) === 40) && endsWithPageDigit(t) && JUMP_LINE.test(t);
}

/** JUMP_LINE's end: a digit, then at most ')' and '.' (the cheap test before that case-blind regex). */
function endsWithPageDigit(t: string): boolean {
  let i = t.length - 1;
  if (t.charCodeAt(i) === 46) i--;
  if (t.charCodeAt(i) === 41) i--;
  const d = t.charCodeAt(i);
  return d >= 48 && d <= 57;
}

/**
 * Reactions under a post as a messenger shows them: emoji, each with its count, side by side and nothing else
 * ("👍1.2K 🔥388 😢57", "❤ 940", "👍540"). A line of text may open with an emoji and a figure ("🔥 12 sites hit"), but
 * none is only that.
 */
const REACTIONS = lazyRegExp(() => /^(?:\p{Extended_Pictographic}[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\u200d]* ?\d[\d,.]*[KkMm]?(?: +|$))+$/u);

/** Whether the line is a reactions line: it opens with a character above ASCII (every emoji is), then REACTIONS. */
function isReactionsLine(t: string): boolean {
  return t.charCodeAt(0) > 0x7f && REACTIONS().test(t);
}

/** Longest line of counts under a post. */
const MAX_COUNTS_LINE = 120;
/** One count of a counts line: a label (a word or an emoji, maybe a colon), a number with a K or M, or the two the other way round. */
const COUNT = /^(?:([^\s\d]{1,15}):? )?\d[\d,.]*[KkMm]?(?: ([^\s\d]{1,15}))?$/u;
const COUNT_SEPARATOR = /\s[·|•]\s/;

/**
 * The engagement counts a social-media export sets under each post ("replies 12 · reposts 406 ·
 * likes 1,030 · views 97K", "💬 6 · 🔁 71 · ♥ 240"): at least two labelled counts between
 * separators, nothing else. They count the post's readers, not anything the post reports.
 */
export function isCountsLine(t: string): boolean {
  if (t.length > MAX_COUNTS_LINE) return false;
  if (t.indexOf('·') < 0 && t.indexOf('|') < 0 && t.indexOf('•') < 0) return isReactionsLine(t);
  const parts = t.split(COUNT_SEPARATOR);
  if (parts.length < 2) return false;
  for (const p of parts) {
    const m = COUNT.exec(p.trim());
    if (m === null || (m[1] === undefined && m[2] === undefined)) return false;
  }
  return true;
}
