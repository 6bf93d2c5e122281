import type { BoilerplateSpan, PostSpan } from '../../domain/document.js';
import type { Span } from '../../domain/span.js';
import { findDate } from '../dates.js';
import { classifyBlock, isFooterNote } from '../main-body/cues.js';

/**
 * A plain-text e-mail thread as a mail client saves it: the newest message on top (maybe under its own header), each
 * reply quoting the older messages below an "On <date>, <Name> <address> wrote:" line with ">" marks ("> ", "> > "),
 * forwarded messages under "---------- Forwarded message ---------" and their header fields, signatures after "--".
 */
export interface MailThread {
  /** Each message's stretch of the text, in text order, dated by its header, with its author (or forwarder). */
  messages: PostSpan[];
  /** The ">" marks opening quoted lines (furniture inside sentences). */
  quoteMarks: Span[];
  /** The messages' own furniture: the lines that open a quoted or forwarded message, and signatures. */
  furniture: BoilerplateSpan[];
  /**
   * Where the conversation ends: the end of the last paragraph of the last quoted or forwarded message's text, before
   * its signature and closing furniture (a copyright line) and before what the mail server appended after the thread
   * (a confidentiality notice). Null when no message is quoted below the newest one.
   */
  end: number | null;
}

/** One line of the text: its trimmed extent, how deeply it is quoted, and where its words start after the marks. */
interface Line {
  start: number;
  end: number;
  depth: number;
  /** Offset of the first character after the quote marks and the spaces after them. */
  inner: number;
}

/** What opens a message inside the thread, and whose and when it is. */
interface Opener {
  /** Lines of the opener (the "wrote:" line, or a forward's marker and header fields), as line indices [from, to). */
  from: number;
  to: number;
  /** Depth of the message's own lines: one deeper than a "wrote:" line, as deep as a forward's header. */
  contentDepth: number;
  author: string | null;
  /** The author's address spells the author's name: a person, not a desk or a mailing list. */
  person: boolean;
  date: string | null;
  forwarded: boolean;
}

/**
 * "On Tue, 14 Jan 2025 at 09:12, Jae-won Seo <jaewon.seo@example.org> wrote:", "On 14/01/2025 09:12, Jae-won Seo
 * wrote:": the line a mail client puts above the message it quotes. It holds a date or a clock time (a digit).
 */
const WROTE_LINE = /^On\s(?=[^\n]*\d)[^\n]{4,300}?\swrote:$/;
/** A client's marker above a forwarded or an older message ("---------- Forwarded message ---------"). */
const FORWARD_MARKER = /^(?:-{2,}\s*(?:forwarded message|original message)\s*-{2,}|begin forwarded message:)$/i;
/** A header field of a message ("From: …", "Sent: …"). */
const MAIL_FIELD = /^([A-Za-z][A-Za-z-]{0,24}):[ \t]*(.*)$/;
/** Fewest fields of a header block inside the thread (From and Date or Sent among them). */
const MIN_HEADER_FIELDS = 2;
/** "Jae-won Seo <jaewon.seo@example.org>", '"Seo, Jae-won" <…>': the display name before an address. */
const NAMED_ADDRESS = /^\s*"?([^"<>]*?)"?\s*<[^<>@\s]+@[^<>\s]+>\s*$/;

/** The thread the text is, or null when no line opens a quoted or forwarded message in the way mail clients write it. */
export function findMailThread(text: string): MailThread | null {
  // Cheap gate: every thread has a "wrote:" line, a forward's marker or a reply's From and Sent fields.
  if (text.indexOf('wrote:') < 0 && !/forwarded message|original message/i.test(text) && !(text.indexOf('From:') >= 0 && text.indexOf('Sent:') >= 0)) return null;
  const lines = splitQuotedLines(text);
  const top = topHeader(text, lines);
  const openers = findOpeners(text, lines, top?.to ?? 0);
  if (openers.length === 0) return null;
  const newest: Opener = { from: 0, to: top?.to ?? 0, contentDepth: 0, author: top?.author ?? null, person: top?.person ?? false, date: top?.date ?? null, forwarded: false };
  const all = [newest, ...openers];
  const runs = messageRuns(lines, ownersOf(lines, all), all, newest.to);
  let last: MessageRun | null = null;
  for (const r of runs) if (r.owner !== 0) last = r;
  const furniture = furnitureOf(text, lines, openers, runs);
  return {
    messages: runs.map((r) => r.span),
    quoteMarks: quoteMarksOf(lines, newest.to),
    furniture,
    end: last === null ? null : conversationEnd(text, lines, last, furniture),
  };
}

/** Each line's extent (white space trimmed), quote depth and the offset its words start at. Blank lines are skipped. */
function splitQuotedLines(text: string): Line[] {
  const out: Line[] = [];
  const n = text.length;
  for (let ls = 0; ls <= n; ) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = n;
    let s = ls;
    let e = le;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    let depth = 0;
    let inner = s;
    while (inner < e && text.charCodeAt(inner) === 62 /* > */) {
      depth++;
      inner++;
      while (inner < e && isBlank(text.charCodeAt(inner))) inner++;
    }
    if (e > s) out.push({ start: s, end: e, depth, inner });
    ls = le + 1;
  }
  return out;
}

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 0xa0;

const innerText = (text: string, l: Line): string => text.slice(l.inner, l.end);

/** The header fields of lines [from, …) at one depth, as name → value, and the index after the last field line. */
function headerBlock(text: string, lines: readonly Line[], from: number): { fields: Map<string, string>; to: number } {
  const fields = new Map<string, string>();
  const depth = lines[from]?.depth;
  let i = from;
  for (; i < lines.length && lines[i]!.depth === depth; i++) {
    const m = MAIL_FIELD.exec(innerText(text, lines[i]!));
    if (m === null) break;
    // A blank line ends a header (lines only holds non-blank ones: a gap in the text between two lines is one).
    if (i > from && hasBlankLineBetween(text, lines[i - 1]!, lines[i]!)) break;
    fields.set(m[1]!.toLowerCase(), m[2]!);
  }
  return { fields, to: i };
}

function hasBlankLineBetween(text: string, a: Line, b: Line): boolean {
  const nl = text.indexOf('\n', a.end);
  if (nl < 0) return false;
  const second = text.indexOf('\n', nl + 1);
  return second >= 0 && second < b.start;
}

/**
 * A header block that says who sent a message and when: From, and Date or Sent. Without a forward's marker above it
 * (a reply under the older message's header, as Outlook writes it), also whom or what about: To or Subject.
 */
function isMessageHeader(fields: ReadonlyMap<string, string>, marked = true): boolean {
  if (fields.size < MIN_HEADER_FIELDS || !fields.has('from') || !(fields.has('date') || fields.has('sent'))) return false;
  return marked || fields.has('to') || fields.has('subject');
}

/** Fewest words of a display name read as a person's (a forename alone may be anyone's, or a desk's). */
const MIN_PERSON_WORDS = 2;

/**
 * Whether the address spells the display name as people's addresses do: the name's words joined by dots, underscores
 * or nothing ("ann.lee", "ann_lee", "annlee", "jae-won.seo" or "jaewon.seo" for Jae-won Seo), or the forename's
 * initial and the surname ("alee", "a.lee"). A desk or a list is addressed by other words ("Coastal Wire <desk@…>") or
 * by words joined by hyphens, as people's names are not ("Korea Desk <korea-desk@…>").
 */
function addressSpellsName(name: string | null, address: string | null): boolean {
  if (name === null || address === null) return false;
  const words = name.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length < MIN_PERSON_WORDS) return false;
  const local = address.slice(0, address.indexOf('@')).toLowerCase().replace(/[._]/g, '');
  const surname = words[words.length - 1]!;
  const spelt = [words.join(''), words[0]![0]! + surname, surname + words[0]];
  return spelt.some((w) => local === w || local === w.replace(/-/g, ''));
}

/** The address in a From field or a "wrote:" line ("Ann Lee <ann.lee@example.org>", "ann.lee@example.org"), or null. */
function addressOf(value: string): string | null {
  return /<?([^<>\s@]+@[^<>\s]+?)>?(?:\s|$)/.exec(value)?.[1] ?? null;
}

/** The name a From field or a "wrote:" line gives: the display name before an address, else the address, else the words. */
function senderName(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  const named = NAMED_ADDRESS.exec(v);
  if (named !== null) return named[1]!.trim() || /<([^<>]+)>/.exec(v)![1]!;
  return v.replace(/^<|>$/g, '');
}

/** The saved message's own header at the top of the text: its author and date, and the line after it. */
function topHeader(text: string, lines: readonly Line[]): { author: string | null; person: boolean; date: string | null; to: number } | null {
  if (lines.length === 0 || lines[0]!.depth !== 0) return null;
  const { fields, to } = headerBlock(text, lines, 0);
  if (!isMessageHeader(fields)) return null;
  const from = fields.get('from')!;
  const author = senderName(from);
  return { author, person: addressSpellsName(author, addressOf(from)), date: findDate(fields.get('date') ?? fields.get('sent')!), to };
}

/** The lines that open a quoted message ("On …, X wrote:") or a forwarded one (a marker, or a header block), in order. */
function findOpeners(text: string, lines: readonly Line[], from: number): Opener[] {
  const out: Opener[] = [];
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    const t = innerText(text, l);
    const wrote = wroteLine(text, lines, i);
    if (wrote !== null) {
      out.push(wrote);
      i = wrote.to - 1;
      continue;
    }
    const marker = FORWARD_MARKER.test(t);
    const c = t.charCodeAt(0);
    // A header block inside the thread opens with From (Outlook's reply, or a forward's header under its marker).
    if (!marker && !(c === 70 || c === 102)) continue;
    const { fields, to } = headerBlock(text, lines, marker ? i + 1 : i);
    if (!isMessageHeader(fields, marker)) continue;
    const sender = fields.get('from')!;
    const author = senderName(sender);
    const date = findDate(fields.get('date') ?? fields.get('sent')!);
    out.push({ from: i, to, contentDepth: l.depth, author, person: addressSpellsName(author, addressOf(sender)), date, forwarded: marker && /forward/i.test(t) });
    i = to - 1;
  }
  return out;
}

/**
 * The "wrote:" line at index i (maybe wrapped onto a second line at the same depth), when the lines below it are
 * quoted one level deeper: the quoted message's opener, its author and date. Null otherwise.
 */
function wroteLine(text: string, lines: readonly Line[], i: number): Opener | null {
  const l = lines[i]!;
  if (text.charCodeAt(l.inner) !== 79 /* O */ || text.charCodeAt(l.inner + 1) !== 110 /* n */) return null;
  let t = innerText(text, l);
  let to = i + 1;
  const next = lines[i + 1];
  if (!t.endsWith('wrote:') && next !== undefined && next.depth === l.depth && innerText(text, next).endsWith('wrote:')) {
    t = `${t} ${innerText(text, next)}`;
    to = i + 2;
  }
  if (!WROTE_LINE.test(t)) return null;
  const quoted = lines[to];
  if (quoted === undefined || quoted.depth !== l.depth + 1) return null;
  const author = wroteAuthor(t);
  return { from: i, to, contentDepth: l.depth + 1, author, person: addressSpellsName(author, addressOf(t)), date: findDate(t), forwarded: false };
}

/** The author a "wrote:" line names: after the date's last comma, before the address ("…, 09:12, Jae-won Seo <…> wrote:"). */
function wroteAuthor(line: string): string | null {
  let who = line.slice(3, line.length - 'wrote:'.length).trim();
  const angle = who.indexOf('<');
  const quote = who.indexOf('"');
  if (quote >= 0 && (angle < 0 || quote < angle)) {
    const close = who.indexOf('"', quote + 1);
    if (close > quote) return who.slice(quote + 1, close).trim() || null;
  }
  if (angle >= 0) who = who.slice(0, angle).trim();
  const comma = who.lastIndexOf(',');
  if (comma >= 0) who = who.slice(comma + 1).trim();
  // "On 14/01/2025 09:12 Jae-won Seo wrote:": the name is the words after the last one holding a digit.
  const words = who.split(/\s+/);
  let k = words.length;
  while (k > 0 && !/\d/.test(words[k - 1]!) && !/^(?:at|am|pm|a\.m\.|p\.m\.)$/i.test(words[k - 1]!)) k--;
  const name = words.slice(k).join(' ');
  return name === '' ? null : name;
}

/**
 * Which message each line belongs to (an index into `messages`, the newest first). A line quoted less deeply than the
 * innermost open message's own lines closes it (a reply written under a quote, a notice the server appended); a
 * pasted ">" line in a message with no opener above it stays that message's.
 */
function ownersOf(lines: readonly Line[], messages: readonly Opener[]): Int32Array {
  const owners = new Int32Array(lines.length);
  const stack: number[] = [0];
  let k = 1;
  for (let i = 0; i < lines.length; i++) {
    const depth = lines[i]!.depth;
    while (stack.length > 1 && messages[stack[stack.length - 1]!]!.contentDepth > depth) stack.pop();
    const opener = messages[k];
    if (opener !== undefined && i === opener.from) {
      stack.push(k);
      for (let j = i; j < opener.to; j++) owners[j] = k;
      i = opener.to - 1;
      k++;
    } else owners[i] = stack[stack.length - 1]!;
  }
  return owners;
}

interface MessageRun {
  owner: number;
  span: PostSpan;
  /** Line indices [from, to) of the run. */
  from: number;
  to: number;
}

/** The stretches of consecutive lines of one message (from its first line's start to its last line's end), in order. */
function messageRuns(lines: readonly Line[], owners: Int32Array, messages: readonly Opener[], from: number): MessageRun[] {
  const out: MessageRun[] = [];
  for (let i = from; i < lines.length; ) {
    const owner = owners[i]!;
    let j = i + 1;
    while (j < lines.length && owners[j] === owner) j++;
    const m = messages[owner]!;
    const span: PostSpan = { start: lines[i]!.start, end: lines[j - 1]!.end, published: m.date, forwardedFrom: m.forwarded ? m.author : null, author: m.forwarded ? null : m.author };
    if (m.person && !m.forwarded) span.authorIsPerson = true;
    out.push({ owner, span, from: i, to: j });
    i = j;
  }
  return out;
}

/** The ">" marks of the quoted lines from line `from` on, with the spaces after them. */
function quoteMarksOf(lines: readonly Line[], from: number): Span[] {
  const out: Span[] = [];
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.depth > 0) out.push({ start: l.start, end: l.inner });
  }
  return out;
}

/**
 * A message's furniture: the lines that open it (the "wrote:" line, a forward's marker and header fields: who wrote
 * it, when, and a subject that repeats the message's news) and its signature, from the "--" line that opens it (RFC
 * 3676) to the message's end. Both are a message's footer-like matter set inside the body: no sentence is read there.
 */
function furnitureOf(text: string, lines: readonly Line[], openers: readonly Opener[], runs: readonly MessageRun[]): BoilerplateSpan[] {
  const out: BoilerplateSpan[] = [];
  for (const o of openers) out.push({ start: lines[o.from]!.start, end: lines[o.to - 1]!.end, kind: 'footer' });
  for (const r of runs) {
    for (let i = r.from; i < r.to; i++) {
      const l = lines[i]!;
      if (l.end - l.inner === 2 && text.charCodeAt(l.inner) === 45 && text.charCodeAt(l.inner + 1) === 45) {
        out.push({ start: l.start, end: r.span.end, kind: 'footer' });
        break;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The end of the last message's text: its last paragraph (lines with no blank or bare ">" line between, read without
 * their marks) that lies outside the thread's furniture and is no closing furniture of its own (a copyright or an
 * outlet's note, as a story's end matter is recognised). The run's end when every paragraph is furniture.
 */
function conversationEnd(text: string, lines: readonly Line[], run: MessageRun, furniture: readonly BoilerplateSpan[]): number {
  let to = run.to;
  while (to > run.from) {
    let from = to - 1;
    while (from > run.from && !parted(text, lines[from - 1]!, lines[from]!)) from--;
    const first = lines[from]!;
    const end = lines[to - 1]!.end;
    if (first.inner < end && !inFurniture(furniture, first.start)) {
      let words = '';
      for (let i = from; i < to; i++) words += (i > from ? ' ' : '') + innerText(text, lines[i]!);
      const block = { start: first.inner, end, text: words };
      const role = classifyBlock(block).role;
      if (role !== 'tail' && role !== 'furniture' && !isFooterNote(block, null)) return end;
    }
    to = from;
  }
  return run.span.end;
}

/** Lines a and b (a right above b) lie in different paragraphs: a blank line, or a bare ">" line, between them. */
function parted(text: string, a: Line, b: Line): boolean {
  return a.inner === a.end || b.inner === b.end || hasBlankLineBetween(text, a, b);
}

function inFurniture(furniture: readonly BoilerplateSpan[], pos: number): boolean {
  for (const f of furniture) if (f.start <= pos && pos < f.end) return true;
  return false;
}
