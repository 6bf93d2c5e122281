import type { BoilerplateSpan, PostSpan } from '../../domain/document.js';
import type { Span } from '../../domain/span.js';
import { lazyRegExp } from './lazy-regexp.js';
import { linesOf } from './lines.js';
import { clockTime } from './clock-time.js';

/**
 * A thread of social-media posts copied from the platform's page as text (X, Bluesky, Mastodon, Threads): each post
 * opens with its author's display name on one line and the handle on the next ("@ola_maps", "@ola.bsky.social",
 * "@ola@mastodon.social"), maybe with its day ("· Nov 3", "Nov 3, 2025, 09:42"), and closes with the page's furniture:
 * bare engagement counts one a line ("48.2K", "Views", "212"), the time stamp of the opened post ("9:42 AM · Nov 3,
 * 2025"), "ALT" over an image's description, "Show more". The thread is its first account's run of posts, up to its last
 * post before the replies (a "Replying to" post, a "Replies" or "Discover more" heading): the author's voice is the
 * report's, a post by another account set inside the run is a quoted post, in its author's voice. What follows the
 * thread (replies, suggested accounts) is outside the body.
 */
export interface SocialThread {
  /** From the first post's text to the end of the thread author's last post's text. */
  main: Span;
  /** The posts inside `main`: the author's with no author (the report's own voice), a quoted one with its account's name. */
  posts: PostSpan[];
  /** Post headers and counts lines inside `main`: furniture, no sentence read there. */
  furniture: BoilerplateSpan[];
}

/** A handle line: "@name", "@name.bsky.social", "@name@instance", maybe with the post's day after a "·". */
const HANDLE_LINE = /^(@[A-Za-z0-9_][A-Za-z0-9_.-]{0,60}(?:@[A-Za-z0-9_.-]+)?)(?:\s*·\s*(.*))?$/;
/** A display name: a short line with a letter, no sentence end, no handle of its own. */
const NAME_LINE = lazyRegExp(() => /^[^@\n]{0,8}\p{L}[^@\n]{0,60}$/u);
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** A post's time of day: "9:42", "9:42 PM", "9:42 p.m.". */
const CLOCK = clockTime({ seconds: false, dotted: true, gap: '\\s?' });
/** A post's day as the page writes it, maybe after a "·": "Nov 3", "· Mar 14", "Nov 3, 2025", "3 Nov 2025", "2025-11-03", a time of day around it. */
const DAY = new RegExp(`^(?:·\\s*)?(?:${CLOCK}\\s*·?\\s*)?(?:(${MONTH})\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?|(\\d{1,2})\\s+(${MONTH})(?:\\s+(\\d{4}))?|(\\d{4})-(\\d{2})-(\\d{2}))(?:,?\\s*(?:at\\s+)?${CLOCK}(?:\\s*[A-Z]{2,4})?)?$`);
/** A post's age instead of its day ("3h", "45m", "2d"): the page's day. */
const AGE = /^(?:·\s*)?\d{1,2}[smhd]$/;
/** One engagement count alone on a line, maybe with its label before or after ("48.2K", "212", "1,030 likes", "Boost 14", "Views"). */
const COUNT_LINE = /^(?:(?:views?|reposts?|quotes?|likes?|replies|reply|bookmarks?|boosts?|favou?rites?|comments?|shares?)(?:\s+\d[\d,.]*\s?[KkMm]?)?|\d[\d,.]*\s?[KkMm]?(?:\s+(?:views?|reposts?|quotes?|likes?|replies|reply|bookmarks?|boosts?|favou?rites?|comments?|shares?))?)$/i;
/** The page's own labels set between a post's text and its counts. */
const LABEL_LINE = /^(?:·|ALT|GIF|Show more|Show less|Translate post|Show translation|Translate|Edited|Pinned|Quote|Embedded video|Show this thread|Read \d+ repl(?:y|ies))$/i;
/** A reply's marker under its header. */
const REPLYING = /^Replying to @/i;
/** Headings of what the page sets after a thread: replies, suggestions. */
const AFTER_THREAD = /^(?:Replies|More replies|Show more replies|Show replies|Discover more|Relevant people|Who to follow|More posts|Related posts|Trending now|Post your reply|Read more replies)$/i;

/** Fewest post headers that make a text a copied thread (one is a post quoted in a story). */
const MIN_HEADERS = 2;

/** A non-blank line, its span trimmed of blanks, and its text. */
export interface Line extends Span {
  t: string;
}

/** The non-blank lines of `text`, each trimmed: the lines both copied-post recognisers (threads, Telegram) read. */
export function trimmedLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const l of linesOf(text, 0, text.length)) {
    const raw = text.slice(l.start, l.end);
    const t = raw.trim();
    if (t.length === 0) continue;
    const lead = raw.length - raw.trimStart().length;
    lines.push({ start: l.start + lead, end: l.start + lead + t.length, t });
  }
  return lines;
}

interface Header {
  /** Index of the name line and of the last header line; the day as written ("Nov 3", "3h"), parsed once the year is known. */
  from: number;
  to: number;
  name: string;
  handle: string;
  day: string | null;
  replying: boolean;
}

/** The copied thread in `text`, or null when the text is none. `published` gives a year to days written without one. */
export function findSocialThread(text: string, published: string | null): SocialThread | null {
  // Every header sets a handle at a line's start: most texts have none.
  if (text.indexOf('\n@') < 0) return null;
  const lines = trimmedLines(text);
  const headers = headersOf(lines);
  if (headers.length < MIN_HEADERS || headers[0]!.replying) return null;
  const year = yearOf(lines, published);
  const author = headers[0]!.handle;
  // The thread runs to its author's last post before the replies or a heading of what follows.
  let stop = lines.length;
  for (let i = headers[0]!.to + 1; i < lines.length; i++) if (AFTER_THREAD.test(lines[i]!.t)) { stop = i; break; }
  const read: ReadPost[] = [];
  for (let h = 0; h < headers.length && headers[h]!.from < stop && !headers[h]!.replying; h++) {
    const until = h + 1 < headers.length ? Math.min(headers[h + 1]!.from, stop) : stop;
    const post = readPost(text, lines, headers[h]!, until, headers[h]!.handle === author ? null : headers[h]!.name, year, published);
    if (post !== null) read.push(post);
  }
  // The thread is its author's posts and the posts quoted between them; a post set right under the last one's text,
  // before its counts, is quoted by it too.
  let last = -1;
  for (let r = 0; r < read.length; r++) if (read[r]!.post.author === null) last = r;
  while (last >= 0 && last + 1 < read.length && read[last + 1]!.post.author !== null && read[last + 1]!.header.from === read[last]!.textEnd + 1) last++;
  if (last < 1 || read[0]!.post.author !== null) return null;
  const posts = read.slice(0, last + 1).map((r) => r.post);
  const furniture: BoilerplateSpan[] = [];
  for (let r = 0; r <= last; r++) {
    furniture.push(...read[r]!.furniture);
    if (r > 0) furniture.push(lineSpan(lines, read[r]!.header.from, read[r]!.header.to));
  }
  const mainEnd = posts[posts.length - 1]!.end;
  const main: Span = { start: posts[0]!.start, end: mainEnd };
  return {
    main,
    posts: posts.filter((p) => p.start < main.end),
    furniture: mergeSpans(furniture.filter((f) => f.start >= main.start && f.end <= main.end)),
  };
}

interface ReadPost {
  header: Header;
  post: PostSpan;
  /** Index of the post's last line of text. */
  textEnd: number;
  /** The page's lines inside the post (a label over an image's description) and after its text. */
  furniture: BoilerplateSpan[];
}

/** The post under `head`, whose lines run to line `until` (exclusive), in `author`'s voice (null: the report's); null if it holds no text. */
function readPost(text: string, lines: readonly Line[], head: Header, until: number, author: string | null, year: number | null, published: string | null): ReadPost | null {
  let end = -1;
  let day = head.day === null ? null : dayOf(head.day, year, published);
  for (let i = head.to + 1; i < until; i++) {
    const l = lines[i]!;
    const stamp = dayOf(l.t, year, published);
    if (stamp !== null) day ??= stamp;
    else if (!COUNT_LINE.test(l.t) && !LABEL_LINE.test(l.t) && !AGE.test(l.t)) end = i;
  }
  if (end < 0) return null;
  const account = { name: head.name, handle: head.handle, at: nameSpan(text, lines[head.from]!, head.name) };
  const post: PostSpan = { start: lines[head.to + 1]!.start, end: lines[end]!.end, published: day, forwardedFrom: null, author, account };
  const furniture: BoilerplateSpan[] = [];
  for (let i = head.to + 1; i < until; i++) if (i > end || isFurniture(lines[i]!.t, year, published)) furniture.push(lineSpan(lines, i, i));
  return { header: head, post, textEnd: end, furniture };
}

/** The post headers: a display name line, a handle line, then maybe "·", the day or age, and a "Replying to" line. */
function headersOf(lines: readonly Line[]): Header[] {
  const out: Header[] = [];
  for (let i = 1; i < lines.length; i++) {
    const m = HANDLE_LINE.exec(lines[i]!.t);
    if (m === null || !NAME_LINE().test(lines[i - 1]!.t) || COUNT_LINE.test(lines[i - 1]!.t)) continue;
    let to = i;
    let day: string | null = m[2] !== undefined && m[2] !== '' ? m[2] : null;
    let dated = day !== null;
    let replying = false;
    for (let k = i + 1; k < lines.length && k <= i + 4; k++) {
      const t = lines[k]!.t;
      if (t === '·') to = k;
      else if (!dated && (DAY.test(t) || AGE.test(t))) { to = k; day = t; dated = true; }
      else if (REPLYING.test(t)) { to = k; replying = true; }
      else break;
    }
    // An account listed with a "Follow" button is a suggestion, no post.
    if (to + 1 < lines.length && /^Follow(?:ing)?$/i.test(lines[to + 1]!.t)) continue;
    out.push({ from: i - 1, to, name: displayName(lines[i - 1]!.t), handle: m[1]!, day, replying });
    i = to;
  }  return out;
}

/** A display name without the decoration the page adds: emoji, a verified mark, a trailing symbol. */
function displayName(t: string): string {
  return t.replace(/[^\p{L}\p{N}.'’)\]]+$/u, '').replace(/^[^\p{L}\p{N}]+/u, '');
}

/** The year of the thread's days: a full day's in the text, else the publication's. */
function yearOf(lines: readonly Line[], published: string | null): number | null {
  for (const l of lines) {
    const m = DAY.exec(l.t);
    if (m !== null && (m[3] ?? m[6] ?? m[7]) !== undefined) return Number(m[3] ?? m[6] ?? m[7]);
  }
  return published === null ? null : Number(published.slice(0, 4));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The ISO day a header or time stamp line gives, or null. A day without a year takes the thread's, and the year before
 * when that would put it after publication.
 */
export function dayOf(t: string, year: number | null, published: string | null): string | null {
  const m = DAY.exec(t);
  if (m === null) return null;
  if (m[7] !== undefined) return `${m[7]}-${m[8]}-${m[9]}`;
  const month = MONTHS.indexOf((m[1] ?? m[5]!).slice(0, 3).toLowerCase()) + 1;
  const d = Number(m[2] ?? m[4]);
  const written = m[3] ?? m[6];
  let y = written !== undefined ? Number(written) : year;
  if (y === null || month < 1 || d < 1 || d > 31) return null;
  const iso = (yy: number): string => `${yy}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (written === undefined && published !== null && iso(y) > published) y--;
  return iso(y);
}

function isFurniture(t: string, year: number | null, published: string | null): boolean {
  return COUNT_LINE.test(t) || LABEL_LINE.test(t) || AGE.test(t) || dayOf(t, year, published) !== null;
}

function lineSpan(lines: readonly Line[], from: number, to: number): BoilerplateSpan {
  return { start: lines[from]!.start, end: lines[to]!.end, kind: 'footer' };
}

/** Furniture spans in text order, those only white space apart merged into one. */
export function mergeSpans(spans: BoilerplateSpan[]): BoilerplateSpan[] {
  spans.sort((a, b) => a.start - b.start);
  const out: BoilerplateSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev !== undefined && s.start - prev.end <= 2) prev.end = Math.max(prev.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Where the display name stands on its line. */
function nameSpan(text: string, line: Line, name: string): Span {
  const start = line.start + Math.max(0, text.slice(line.start, line.end).indexOf(name));
  return { start, end: start + name.length };
}
