import type { Span } from '../../domain/span.js';
import type { TextBlock } from '../main-body/text-block.js';
import { linesOf } from './lines.js';
import { lazyRegExp } from './lazy-regexp.js';

/**
 * Subtitle files (SRT, WebVTT): numbered or named cues, each a timing line ("00:01:02,345 --> 00:01:05,000") and the
 * lines shown on screen together. The numbers, ids, timings, the WebVTT header and its NOTE, STYLE and REGION blocks
 * are furniture; a sentence runs on from one cue into the next. This module finds the cues (collection) and tells the
 * kinds of cue line apart by their form (a sound note, a dash opening a speaker's line, a name caption); what the
 * words say is left to the exploit stages.
 */

/**
 * A cue's timing line: start and end time ("00:01:02,345", WebVTT's "01:02.345" without hours), an arrow, and
 * WebVTT's cue settings after ("align:start position:10%").
 */
const TIMING = /^[ \t]*(?:\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]+-->[ \t]+(?:\d{1,3}:)?\d{1,2}:\d{2}[,.]\d{1,3}(?:[ \t].*)?$/;
/** SRT's cue number. */
const CUE_NUMBER = /^[ \t]*\d{1,6}[ \t]*$/;
/** WebVTT's signature opens the file: "WEBVTT", alone or followed by a space, a tab or a line break. */
const VTT_SIGNATURE = /^\ufeff?WEBVTT(?:[ \t\r\n]|$)/;
/** WebVTT blocks that are no cue: comments, style sheets, regions. */
const VTT_NON_CUE = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;
/** Fewest cues that make a subtitle file, and the share of its blocks that must be cues. */
const MIN_CUES = 2;
const MIN_CUE_SHARE = 0.8;

/**
 * The cues of a subtitle file: for each, the span of the lines shown on screen (from its first text line's start to its
 * last one's end), in text order. Undefined when the text is no subtitle file: it must open with WebVTT's signature,
 * or with an SRT cue (a number, maybe left out, then a timing line), and most of its blocks must be cues. A report's
 * numbered list ("1.", "2)") or its times of day ("10:30–11:00") open no cue: a timing has milliseconds and an arrow.
 */
export function findCues(text: string): Span[] | undefined {
  const vtt = VTT_SIGNATURE.test(text);
  if (!vtt && !opensWithSrtCue(text)) return undefined;
  const cues: Span[] = [];
  let blocks = 0;
  let timed = 0;
  let first = true;
  for (const block of blocksOf(text)) {
    const skip = vtt && (first || VTT_NON_CUE.test(text.slice(block[0]!.start, block[0]!.end)));
    first = false;
    if (skip) continue;
    blocks++;
    const timing = timingIndex(text, block, vtt);
    if (timing >= 0) timed++;
    // A block with no timing in a subtitle file is text a blank line parted from its cue: it is read as shown.
    const from = timing + 1;
    if (from < block.length) cues.push({ start: block[from]!.start, end: block[block.length - 1]!.end });
  }
  return timed >= MIN_CUES && timed >= blocks * MIN_CUE_SHARE ? cues : undefined;
}

/** A timing line (TIMING), its arrow looked for first: most texts hold none. */
const isTiming = (line: string): boolean => line.indexOf('-->') >= 0 && TIMING.test(line);

/** The first non-blank line is a timing, or a cue number with a timing on the next line. */
function opensWithSrtCue(text: string): boolean {
  const lines = firstLines(text, 2);
  if (lines.length === 0) return false;
  if (isTiming(lines[0]!)) return true;
  return lines.length === 2 && CUE_NUMBER.test(lines[0]!) && isTiming(lines[1]!);
}

/** The first `n` non-blank lines, carriage returns and a byte-order mark left out. */
function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  for (const l of linesOf(text, 0, text.length)) {
    const line = text.slice(l.start, l.end).replace(/^\ufeff/, '');
    if (line.trim() === '') continue;
    out.push(line);
    if (out.length === n) break;
  }
  return out;
}

/** Index in the block of its timing line: the first line, or the second after a cue number (SRT) or an id (WebVTT); else -1. */
function timingIndex(text: string, block: readonly Span[], vtt: boolean): number {
  const line = (i: number): string => text.slice(block[i]!.start, block[i]!.end);
  if (isTiming(line(0))) return 0;
  if (block.length < 2 || !isTiming(line(1))) return -1;
  // A WebVTT cue id is any line without an arrow; an SRT cue's is its number.
  return vtt ? (line(0).includes('-->') ? -1 : 1) : CUE_NUMBER.test(line(0)) ? 1 : -1;
}

/** The text's blocks of non-blank lines (a blank line parts them), each line without its break or carriage return. */
function* blocksOf(text: string): Generator<Span[]> {
  let block: Span[] = [];
  for (const line of linesOf(text, 0, text.length)) {
    if (isBlankLine(text, line)) {
      if (block.length > 0) yield block;
      block = [];
    } else block.push(line);
  }
  if (block.length > 0) yield block;
}

function isBlankLine(text: string, line: Span): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xfeff) return false;
  }
  return true;
}

// --- The kinds of cue line, by their form ---

/**
 * A sound or music note: a line wholly in square brackets or parentheses ("[drone buzzing]", "(applause)"), or one
 * opening or closing with a musical note ("♪ [theme music] ♪", "♪♪"). A speaker's tag ("[ANCHOR]") has this form too:
 * the exploit stages tell the two apart by what the brackets hold.
 */
export function isNoteLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0) return false;
  const a = t.charCodeAt(0);
  const z = t.charCodeAt(t.length - 1);
  if (isMusicCode(a) || isMusicCode(z)) return true;
  if (!((a === 91 && z === 93) || (a === 40 && z === 41))) return false;
  // One bracket, closed at the line's end: "[gunfire] Get down!" has words after it.
  const close = a === 91 ? ']' : ')';
  return t.indexOf(close) === t.length - 1;
}

/** ♪ ♫ ♬ #: the marks subtitles set around music and singing. */
const isMusicCode = (c: number): boolean => c === 0x266a || c === 0x266b || c === 0x266c;

/**
 * The dash (or the ">>" of broadcast closed captions) that opens a line spoken by someone other than the line before:
 * "- LT. COL. RUIZ:", "- How many?", ">> REPORTER: …". Its length with the blanks after it, or 0.
 */
export function speakerDashLength(line: string): number {
  const m = SPEAKER_DASH().exec(line);
  return m === null ? 0 : m[0].length;
}

/** A dash before blanks or a word ("-How many?" in Netflix's style), not a minus sign ("-5 degrees"). */
const SPEAKER_DASH = lazyRegExp(() => /^[ \t]*(?:(?:[-‐–—]|>>)[ \t]+(?=\S)|[-‐–—](?=[\p{L}"“'‘(\[])|>>(?=\S))/u);

/** A name caption (a "lower third"): the name's span, and its description's (a post, a place), if any. */
export interface NameCaption {
  name: Span;
  description: Span | null;
}

/** Longest line of a name caption; a caption holds at most this many lines. */
const MAX_CAPTION_LINE = 60;
const MAX_CAPTION_LINES = 3;
/**
 * A name in capitals, as captions set it: two to six words, titles with their full stops allowed ("LT. COL. ANA
 * RUIZ", "KIM SEONG-HO", "O'NEILL"). No digits, no small letters.
 */
const CAPS_NAME = lazyRegExp(() => /^(?:\p{Lu}[\p{Lu}'’.-]*)(?:[ \t]+\p{Lu}[\p{Lu}'’.-]*){1,5}$/u);
/** A name as written (capitalised words), which a caption sets before a bar or a slash: "Kim Seong-ho | …". */
const CAPITALISED_NAME = lazyRegExp(() => /^(?:\p{Lu}[\p{L}'’.-]*)(?:[ \t]+\p{Lu}[\p{L}'’.-]*){1,5}$/u);
/** Small words a heading or a sentence in capitals holds and a name does not. */
const NOT_IN_NAME = new Set(['THE', 'A', 'AN', 'OF', 'AND', 'IN', 'ON', 'AT', 'TO', 'FOR', 'IS', 'ARE', 'WAS', 'WE', 'IT', 'THIS', 'THAT', 'WITH', 'NOT', 'BY', 'FROM']);

/**
 * The name caption a cue holds alone, or undefined: "NAME | Description" (a bar or a slash between), "NAME, Description",
 * or a line of a name in capitals over a line describing the person ("LT. COL. ANA RUIZ" / "Commander, 3rd Brigade").
 * A description may run on to a second line. A cue with a colon after the name, or a sentence's end, is speech. A
 * description after a comma or on a line of its own holds small letters: in a file written in capitals a line of speech
 * ("WELL, SIR, WE HELD") or a headline's second line looks like a name and its description otherwise.
 */
export function nameCaption(text: string, cue: Span): NameCaption | undefined {
  const lines = [...linesOf(text, cue.start, cue.end)].map((l) => trimmed(text, l)).filter((l) => l.end > l.start);
  if (lines.length === 0 || lines.length > MAX_CAPTION_LINES || lines.some((l) => l.end - l.start > MAX_CAPTION_LINE)) return undefined;
  const head = lines[0]!;
  const line = text.slice(head.start, head.end);
  const last = lines[lines.length - 1]!;
  const tail = text.slice(last.start, last.end);
  if (/[.!?:;"”]$/.test(tail) || speakerDashLength(line) > 0) return undefined;
  const sep = SEPARATOR.exec(line);
  if (sep !== null) {
    const nameEnd = head.start + sep.index;
    const name = text.slice(head.start, nameEnd);
    const bar = sep[0].trim() !== ',';
    if (!(isCapsName(name) || (bar && CAPITALISED_NAME().test(name)))) return undefined;
    const from = nameEnd + sep[0].length;
    if (!bar && !/\p{Ll}/u.test(text.slice(from, last.end))) return undefined;
    return { name: { start: head.start, end: nameEnd }, description: from < last.end ? { start: from, end: last.end } : null };
  }
  if (!isCapsName(line) || lines.length < 2) return undefined;
  const below = text.slice(lines[1]!.start, lines[1]!.end);
  // The description says what the person is, in small letters: a second line in capitals is a headline's.
  if (!/\p{Ll}/u.test(below)) return undefined;
  return { name: head, description: { start: lines[1]!.start, end: last.end } };
}

/** What parts a caption's name from its description: a bar, a slash, or a comma. */
const SEPARATOR = /[ \t]*(?:\||\/|,)[ \t]*/;

function isCapsName(s: string): boolean {
  if (!CAPS_NAME().test(s)) return false;
  for (const w of s.split(/[ \t]+/)) if (NOT_IN_NAME.has(w)) return false;
  return true;
}

function trimmed(text: string, l: Span): Span {
  let { start, end } = l;
  while (start < end && isBlankCode(text.charCodeAt(start))) start++;
  while (end > start && isBlankCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

const isBlankCode = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 0xfeff;

// --- Blocks for finding the main body ---

/**
 * The text blocks of a subtitle file, for finding its main body: a speaker's words run on over the cues they fill and
 * are one paragraph of prose, until a note, a tag, a caption or another speaker's dash interrupts them; those stand as
 * blocks of their own. Each block's offsets are the text's, its words joined by spaces.
 */
export function subtitleBlocks(text: string, cues: readonly Span[]): TextBlock[] {
  const out: TextBlock[] = [];
  let run: TextBlock | null = null;
  const alone = (s: Span, t: string): void => {
    run = null;
    out.push({ start: s.start, end: s.end, text: t });
  };
  for (const cue of cues) {
    const caption = nameCaption(text, cue);
    if (caption !== undefined) {
      alone(cue, text.slice(cue.start, cue.end).replace(/\s*\n\s*/g, ' '));
      continue;
    }
    for (const raw of linesOf(text, cue.start, cue.end)) {
      const l = trimmed(text, raw);
      if (l.end === l.start) continue;
      const t = text.slice(l.start, l.end);
      if (isNoteLine(t)) alone(l, t);
      else if (run !== null && speakerDashLength(t) === 0) {
        const r: TextBlock = run;
        r.end = l.end;
        r.text = `${r.text} ${t}`;
      } else {
        run = { start: l.start, end: l.end, text: t };
        out.push(run);
      }
    }
  }
  return out;
}
