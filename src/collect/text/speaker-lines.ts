import type { Span } from '../../domain/span.js';
import { lazyRegExp } from './lazy-regexp.js';

/**
 * The speaker lines of a call transcript as transcript services set them: the speaker's name on a line of its own, maybe
 * the speaker's post or firm after a dash ("Ann Lee -- Chief Financial Officer", "Raj Patel -- Harbour Securities --
 * Analyst"), or the call's "Operator" alone, and the turn in the paragraphs below, to the next such line. No colon marks
 * them, so the colon labels of attribution (exploit/attribution/labels.ts) do not see them. A name written without a post
 * is a speaker only where a described line (in the body or the participants list above it) gives that name, or it is the
 * call's operator or moderator: a headline or a name heading a profile is written alone too.
 *
 * Read by the main-body finder (a call transcript opens at its first turn: main-body/call-transcript.ts) and by attribution.
 */
export interface SpeakerLine extends Span {
  /** The name as written ("Ann Lee", "Operator"). */
  name: string;
  /** What the line says after the name's dash ("Harbour Securities -- Analyst"), if anything. */
  description?: string;
}

/** A name: up to five capitalised words (a title, initials, hyphened given names), family-name particles between. */
const NAME = `(?:(?:Mr|Ms|Mrs|Dr|Prof)\\.?[ \\t]+)?\\p{Lu}[\\p{L}'’.-]*(?:[ \\t]+(?:(?:de|da|van|von|der|den|bin|al|el|di|du|la|le)[ \\t]+)?\\p{Lu}[\\p{L}'’.-]*){0,4}`;
/** The dash between the name and the post: two hyphens, an em or en dash, or a hyphen set apart by spaces. */
const DASH = `[ \\t]+(?:--|—|–|-)[ \\t]+`;
/** A described speaker line (group 1 the name, group 2 what follows the dash), or a bare name (group 1 only). */
const SPEAKER_LINE = lazyRegExp(() => new RegExp(`^[ \\t]{0,4}(${NAME})(?:${DASH}([^\\n]{1,100}?))?[ \\t\\r]*$`, 'u'));
/** The call's own runner, a speaker however the line is written. */
const RUNNER = /^(?:(?:conference |call )?operator|moderator|coordinator)$/i;
/** A description ends as no sentence does: a post, a firm. */
const SENTENCE_END = /[.!?:;,]$/;
/**
 * A post or a firm is capitalised word by word, small joining words aside ("Head of Investor Relations", "President and
 * Chief Executive Officer"): a dateline's dash over a wrapped sentence ("SEOUL - North Korea fired two …") is not.
 */
const TITLE_WORDS = lazyRegExp(() => /^(?:(?:\p{Lu}|\d)[\p{L}\d'’.&/-]*|of|and|for|the|at|in|on|de|du|&|--|—|–|-|\|)(?:[ \t]+(?:(?:\p{Lu}|\d)[\p{L}\d'’.&/-]*|of|and|for|the|at|in|on|de|du|&|--|—|–|-|\|)){0,14}$/u);
/** Longest speaker line. */
const MAX_LINE = 140;
/** Fewest speaker lines, and fewest speakers among them, that make a transcript of turns. */
const MIN_LINES = 3;
const MIN_SPEAKERS = 2;

/** The dashes a speaker line sets between the name and the post. */
const DASHES = [' -- ', ' — ', ' – ', ' - '];

/**
 * Cheap gate: text[from, to) holds a short line with a dash set between spaces near its end (a speaker line's), or a
 * line opening with the call's operator.
 */
export function mayHaveSpeakerLines(text: string, from: number, to: number): boolean {
  // Entities and attribution ask it of the same body up to three times: the answer is kept for the last span asked.
  if (text !== gateText || from !== gateFrom || to !== gateTo) {
    gateText = text;
    gateFrom = from;
    gateTo = to;
    gateAnswer = readGate(text, from, to);
  }
  return gateAnswer;
}

let gateText: string | null = null;
let gateFrom = -1;
let gateTo = -1;
let gateAnswer = false;

function readGate(text: string, from: number, to: number): boolean {
  for (const dash of DASHES) {
    for (let i = text.indexOf(dash, from); i >= 0 && i < to; i = text.indexOf(dash, i + dash.length)) {
      // The line's start, looked for no further back than a name's length (a dash in a paragraph's long line is none).
      const lineStart = lineStartWithin(text, i, MAX_NAME);
      if (lineStart < 0) continue;
      // The line's end, looked for no further than the longest line.
      const limit = lineStart + MAX_LINE;
      let lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0) lineEnd = text.length;
      // A speaker line stands after a blank line: a wrapped paragraph's lines do not.
      if (lineEnd <= limit && blankAbove(text, lineStart)) return true;
    }
  }
  return at(text, '\nOperator', from) < to || at(text, '\nOPERATOR\n', from) < to || at(text, '\nModerator', from) < to;
}

/** The start of the line holding text[i] when it is at most `max` characters before i, else -1. */
function lineStartWithin(text: string, i: number, max: number): number {
  const lowest = i - max;
  for (let k = i; k >= lowest && k > 0; k--) if (text.charCodeAt(k - 1) === 10) return k;
  return lowest <= 0 ? 0 : -1;
}

/** Whether the line starting at lineStart has a blank line (or the text's start) above it. */
function blankAbove(text: string, lineStart: number): boolean {
  if (lineStart === 0) return true;
  let i = lineStart - 2;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 13)) i--;
  return i < 0 || text.charCodeAt(i) === 10;
}

/** Longest name before a speaker line's dash (with its indentation). */
const MAX_NAME = 60;

const at = (text: string, s: string, from: number): number => {
  const i = text.indexOf(s, from);
  return i < 0 ? Infinity : i;
};

/** The line's speaker line reading (name, description), or null; the line is text[start, end) without its break. */
function readLine(text: string, start: number, end: number): { name: string; at: number; description?: string } | null {
  if (end - start > MAX_LINE || end === start) return null;
  const c = text.charCodeAt(start);
  // A line opening with a small letter, a digit or a mark is prose or furniture (indentation aside).
  if (c !== 32 && c !== 9 && !(c >= 65 && c <= 90) && c < 128) return null;
  const line = text.slice(start, end);
  const m = SPEAKER_LINE().exec(line);
  if (m === null) return null;
  const name = m[1]!;
  const description = m[2]?.trim();
  if (description !== undefined && (SENTENCE_END.test(description) || !TITLE_WORDS().test(description) || !/^\p{Lu}/u.test(description))) return null;
  const out: { name: string; at: number; description?: string } = { name, at: start + line.indexOf(name) };
  if (description !== undefined) out.description = description;
  return out;
}

/**
 * One line read as a speaker line of a call transcript by its form alone: the name and the description after its dash,
 * or null. `turn`: whether it could open a turn by itself (described, the call's runner); a bare name needs a described
 * line elsewhere (findSpeakerLines).
 */
export function readSpeakerLine(line: string): { name: string; description?: string; turn: boolean } | null {
  const r = readLine(line, 0, line.length);
  if (r === null) return null;
  const out: { name: string; description?: string; turn: boolean } = { name: r.name, turn: r.description !== undefined || RUNNER.test(r.name) };
  if (r.description !== undefined) out.description = r.description;
  return out;
}

const isBlankLine = (text: string, start: number, end: number): boolean => {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
};

/** A rule of one repeated mark ("-----", "=====") is no turn's text. */
const isRule = (s: string): boolean => /^[ \t]*([-=_*~─—])\1{4,}[ \t\r]*$/.test(s);

interface Line {
  start: number;
  end: number;
}

/** The lines that start in text[from, to), each without its line break (the first from the line holding `from`). */
function linesOf(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  for (let start = text.lastIndexOf('\n', from - 1) + 1; start < to; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 || nl > to ? to : nl;
    out.push({ start, end });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

/**
 * The speaker lines of text[main.start, main.end), in text order, or [] when they make no transcript (fewer than three,
 * or one speaker). A line stands after a blank line (or at the body's start), and the next line that is not blank or a
 * rule is the turn's prose, not another speaker line (a participants list sets its lines one under another). `names`
 * may hold the text above the body: a participants list there names who the bare names of the turns are.
 */
export function findSpeakerLines(text: string, main: Span, namesFrom = main.start): SpeakerLine[] {
  if (!mayHaveSpeakerLines(text, namesFrom, main.end)) return [];
  const lines = linesOf(text, namesFrom, main.end);
  const read = lines.map((l) => readLine(text, l.start, l.end));
  // Names a described line gives, in the participants list or the body: a bare line of one of them is that speaker's.
  const described = new Set<string>();
  for (const r of read) if (r?.description !== undefined) described.add(r.name.toLowerCase());
  const out: SpeakerLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const r = read[i];
    if (r === null || r === undefined || lines[i]!.start < main.start) continue;
    if (r.description === undefined && !RUNNER.test(r.name) && !described.has(r.name.toLowerCase())) continue;
    const prev = i > 0 ? lines[i - 1]! : null;
    if (prev !== null && prev.start >= main.start && !isBlankLine(text, prev.start, prev.end)) continue;
    let k = i + 1;
    while (k < lines.length && (isBlankLine(text, lines[k]!.start, lines[k]!.end) || isRule(text.slice(lines[k]!.start, lines[k]!.end)))) k++;
    // The turn's first line is prose: a line naming someone else under it makes a list of participants.
    const below = k < lines.length ? read[k] : null;
    if (k >= lines.length || (below != null && (below.description !== undefined || below.name.indexOf(' ') > 0))) continue;
    const line: SpeakerLine = { start: r.at, end: r.at + r.name.length, name: r.name };
    if (r.description !== undefined) line.description = r.description;
    out.push(line);
  }
  if (out.length < MIN_LINES || new Set(out.map((l) => l.name.toLowerCase())).size < MIN_SPEAKERS) return [];
  // A page of headlines over paragraphs is no transcript: some line must be described or be the call's runner.
  return out.some((l) => l.description !== undefined || RUNNER.test(l.name)) ? out : [];
}

/** Whether the line starting at lineStart may be a speaker line (its form only: findSpeakerLines decides). */
export function isSpeakerLineAt(text: string, lineStart: number): boolean {
  let end = text.indexOf('\n', lineStart);
  if (end < 0) end = text.length;
  const r = readLine(text, lineStart, end);
  return r !== null && (r.description !== undefined || RUNNER.test(r.name) || r.name.indexOf(' ') > 0);
}
