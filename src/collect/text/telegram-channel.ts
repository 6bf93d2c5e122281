import type { BoilerplateSpan, PostSpan } from '../../domain/document.js';
import type { Span } from '../../domain/span.js';
import { lazyRegExp } from './lazy-regexp.js';
import { clockTime } from './clock-time.js';
import { dayOf, mergeSpans, trimmedLines, type Line, type SocialThread } from './social-thread.js';

/**
 * Posts of a Telegram channel copied as text, in either of two shapes:
 * - Telegram Desktop's copy of several messages: each opens with "Channel Name, [03.11.2025 9:42]" (or "[11/3/2025
 *   9:42 AM]"), a forwarded one with "[Forwarded from X]" under it;
 * - the web page's text (t.me/s/…, the web client): a post is its channel's name line, maybe "Forwarded from X", its
 *   text, then the page's furniture closing it: reaction counts with their emoji ("👍 210 🔥 31"), the views and time
 *   stamp ("12.4K views 09:42", "👁 12.4K", "edited 13:05"); a day line ("November 3") stands between the days.
 * Each post speaks on its own day; a forwarded one in the forwarded channel's voice, the others in the report's. The
 * headers, stamps, reactions and day lines are furniture. A story quoting one post, stamp and all, is no channel copy:
 * the web shape needs the channel's name heading two posts or three stamped posts, and nothing but a line or two after
 * the last stamp.
 */
export function findTelegramChannel(text: string, published: string | null): SocialThread | null {
  const desktop = text.indexOf(', [') >= 0;
  const web = text.indexOf('views') >= 0 || text.indexOf('👁') >= 0 || (text.indexOf('warded from') >= 0 && text.indexOf('orwarded from') >= 0);
  if (!desktop && !web) return null;
  const lines = trimmedLines(text);
  return (desktop ? desktopCopy(lines, published) : null) ?? (web ? webCopy(lines, published) : null);
}

/** Fewest posts that make a channel copy. */
const MIN_POSTS = 2;
/** Fewest stamped posts that make a web copy whose posts do not repeat the channel's name. */
const MIN_UNNAMED_POSTS = 3;
/** Most lines after the last stamp of a web copy (the page's "Load more", a subscribe button). */
const MAX_TRAILING_LINES = 2;

/** Telegram Desktop's header: "Name, [03.11.2025 9:42]", "Name, [11/3/2025 9:42 AM]", "Name, [2025-11-03 09:42:10]". */
const DESKTOP_HEADER = new RegExp(String.raw`^(.{1,80}?),\s*\[(?:(\d{1,2})([./])(\d{1,2})[./](\d{4})|(\d{4})-(\d{2})-(\d{2}))[ ,T]+${clockTime({ seconds: true, dotted: true, gap: '\\s?' })}\]$`);
/** "Forwarded from X", bracketed in a desktop copy. */
const FORWARDED = /^\[?\s*Forwarded from:?\s+(.{1,80}?)\s*\]?$/i;
/** Desktop's note of a reply or an album, in brackets on its own line. */
const BRACKET_NOTE = /^\[\s*(?:In reply to|Album|Photo|Video|Sticker|Poll|File|Voice message|Video message)\b[^\]]*\]$/i;
/** A time of day as the page prints it. */
const TIME = clockTime({ seconds: false, dotted: false, gap: '\\s?' });
/** Views: "12.4K views", "👁 12.4K", "12.4K 👁". */
const VIEWS = '(?:👁️?\\s*\\d[\\d.,]*\\s?[KkMm]?|\\d[\\d.,]*\\s?[KkMm]?\\s*(?:👁️?|views?))';
/** A stamp closing a post: views, "edited", the time, in the orders the pages write them, at least views or a time. */
const STAMP = new RegExp(`^(?:${VIEWS}(?:\\s*·)?\\s*(?:edited\\s*)?(?:${TIME})?|(?:\\d[\\d.,]*\\s?[KkMm]?\\s+)?(?:edited\\s*)?${TIME}(?:\\s*·?\\s*${VIEWS})?)$`, 'i');
/** A line of reactions: emoji each with its count ("👍 210 🔥 31 😢 4"). */
const REACTIONS = lazyRegExp(() => /^(?:\p{Extended_Pictographic}\uFE0F?\s*\d[\d.,]*\s?[KkMm]?\s*)+$/u);
/** What the web page sets beside a stamp. */
const LABEL = /^(?:edited|pinned|views?)$/i;
/** A day line of the web page: a day dayOf reads, "Today", "Yesterday". */
const RELATIVE_DAY = /^(?:today|yesterday)$/i;
/** A channel's name: a short line with a letter and no sentence end. */
const NAME = lazyRegExp(() => /^[^.!?:\n]{0,6}\p{L}[^.!?:\n]{0,70}$/u);

/** The desktop shape: posts under their "Name, [date time]" headers. */
function desktopCopy(lines: readonly Line[], published: string | null): SocialThread | null {
  const heads: Array<{ at: number; day: string | null }> = [];
  for (let i = 0; i < lines.length; i++) {
    const m = DESKTOP_HEADER.exec(lines[i]!.t);
    if (m !== null) heads.push({ at: i, day: desktopDay(m) });
  }
  if (heads.length < MIN_POSTS) return null;
  const year = yearOf(lines, published);
  const posts: PostSpan[] = [];
  const furniture: BoilerplateSpan[] = [];
  for (let h = 0; h < heads.length; h++) {
    const until = h + 1 < heads.length ? heads[h + 1]!.at : lines.length;
    furniture.push(lineSpan(lines[heads[h]!.at]!));
    const post = readPost(lines, heads[h]!.at + 1, until, heads[h]!.day ?? (published ?? null), year, published, furniture);
    if (post !== null) posts.push(post);
  }
  return assemble(posts, furniture);
}

/** The day of a desktop header: day.month.year with dots, month/day/year with slashes (a day over 12 comes first). */
function desktopDay(m: RegExpExecArray): string | null {
  if (m[6] !== undefined) return `${m[6]}-${m[7]}-${m[8]}`;
  let a = Number(m[2]);
  let b = Number(m[4]);
  if (m[3] === '/' && a <= 12) [a, b] = [b, a];
  if (a < 1 || a > 31 || b < 1 || b > 12) return null;
  return `${m[5]}-${String(b).padStart(2, '0')}-${String(a).padStart(2, '0')}`;
}

/** The web shape: posts closed by their stamps, headed by the channel's name, split by day lines. */
function webCopy(lines: readonly Line[], published: string | null): SocialThread | null {
  // Runs of furniture holding a stamp close the posts: [first line, last line] of each.
  const closes: Array<[number, number]> = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isCloser(lines[i]!.t)) continue;
    let j = i;
    while (j + 1 < lines.length && isCloser(lines[j + 1]!.t)) j++;
    if (lines.slice(i, j + 1).some((l) => STAMP.test(l.t))) closes.push([i, j]);
    i = j;
  }
  if (closes.length < MIN_POSTS || lines.length - 1 - closes[closes.length - 1]![1] > MAX_TRAILING_LINES) return null;
  const year = yearOf(lines, published);
  // The channel's name heads each post: the line most often first after a stamp (and its day line), twice at least.
  const firsts = new Map<string, number>();
  for (let c = 0; c + 1 < closes.length; c++) {
    let k = closes[c]![1] + 1;
    while (k < lines.length && isDayLine(lines[k]!.t, year, published)) k++;
    if (k < lines.length && NAME().test(lines[k]!.t)) firsts.set(lines[k]!.t, (firsts.get(lines[k]!.t) ?? 0) + 1);
  }
  let channel: string | null = null;
  for (const [name, n] of firsts) if (n + 1 >= MIN_POSTS && (channel === null || n > firsts.get(channel)!)) channel = name;
  if (channel === null && closes.length < MIN_UNNAMED_POSTS) return null;
  const posts: PostSpan[] = [];
  const furniture: BoilerplateSpan[] = [];
  let day: string | null = null;
  let from = 0;
  for (const [first, last] of closes) {
    // What heads the post (day lines, the channel's name, the page's chrome before the first post) ends at its last
    // heading line; the post's text follows it.
    let textFrom = from;
    for (let k = from; k < first; k++) {
      const t = lines[k]!.t;
      const d = dayLineOf(t, year, published);
      if (d !== null) day = d;
      if (d !== null || t === channel) {
        furniture.push(lineSpan(lines[k]!));
        textFrom = k + 1;
      }
    }
    // A line introducing what follows ("The governor wrote on Telegram:") before the first post: a story quoting posts.
    if (posts.length === 0 && lines.slice(0, textFrom).some((l) => l.t.endsWith(':'))) return null;
    const post = readPost(lines, textFrom, first, day ?? published, year, published, furniture);
    if (post !== null) posts.push(post);
    for (let k = first; k <= last; k++) furniture.push(lineSpan(lines[k]!));
    from = last + 1;
  }
  return assemble(posts, furniture);
}

/**
 * The post whose lines are lines[from, until), on `day`: a "Forwarded from" line opening it names its voice; bracketed
 * notes, reactions and stamps inside it are furniture. Null when no text is left.
 */
function readPost(lines: readonly Line[], from: number, until: number, day: string | null, year: number | null, published: string | null, furniture: BoilerplateSpan[]): PostSpan | null {
  let forwardedFrom: string | null = null;
  let start = -1;
  let end = -1;
  for (let k = from; k < until; k++) {
    const t = lines[k]!.t;
    const fwd: RegExpExecArray | null = start < 0 && forwardedFrom === null ? FORWARDED.exec(t) : null;
    if (fwd !== null) forwardedFrom = fwd[1]!;
    if (fwd !== null || BRACKET_NOTE.test(t) || isCloser(t) || (start < 0 && isDayLine(t, year, published))) furniture.push(lineSpan(lines[k]!));
    else {
      if (start < 0) start = k;
      end = k;
    }
  }
  if (start < 0) return null;
  return { start: lines[start]!.start, end: lines[end]!.end, published: day, forwardedFrom, author: null };
}

/** The body from the first post's text to the last's, its posts, and the furniture inside it. */
function assemble(posts: PostSpan[], furniture: BoilerplateSpan[]): SocialThread | null {
  if (posts.length < MIN_POSTS) return null;
  const main: Span = { start: posts[0]!.start, end: posts[posts.length - 1]!.end };
  return { main, posts, furniture: mergeSpans(furniture.filter((f) => f.start >= main.start && f.end <= main.end)) };
}

// Reactions open with an emoji (above U+2000): the test with Unicode properties is built only for such a line.
const isCloser = (t: string): boolean => STAMP.test(t) || LABEL.test(t) || (t.length < 80 && t.charCodeAt(0) >= 0x2000 && REACTIONS().test(t));

function isDayLine(t: string, year: number | null, published: string | null): boolean {
  return RELATIVE_DAY.test(t) || dayOf(t, year, published) !== null;
}

/** The ISO day of a day line: "Today" is the publication's, "Yesterday" the day before it. */
function dayLineOf(t: string, year: number | null, published: string | null): string | null {
  if (!RELATIVE_DAY.test(t)) return dayOf(t, year, published);
  if (published === null) return null;
  if (t.toLowerCase() === 'today') return published;
  const d = new Date(`${published}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The year of day lines written without one: a year some line writes with its day, else the publication's. */
function yearOf(lines: readonly Line[], published: string | null): number | null {
  for (const l of lines) {
    const m = /^.{0,40}\b(20\d{2})\b/.exec(l.t);
    if (m !== null && (DESKTOP_HEADER.test(l.t) || dayOf(l.t, null, null) !== null)) return Number(m[1]);
  }
  return published === null ? null : Number(published.slice(0, 4));
}

function lineSpan(l: Line): BoilerplateSpan {
  return { start: l.start, end: l.end, kind: 'footer' };
}

