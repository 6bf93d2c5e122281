import type { PostSpan } from '../../domain/document.js';
import type { Span } from '../../domain/span.js';
import { findDate } from '../dates.js';
import { lazyRegExp } from '../text/lazy-regexp.js';
import type { HtmlBlock } from './html-text.js';
import { isInside, textOf, type HtmlElement } from './html-tree.js';
import { datetimeDay } from './posts.js';

/**
 * Class tokens of a post embedded from a social platform, as each platform's embed code writes it (X's and Twitter's
 * "twitter-tweet", Instagram's "instagram-media", TikTok's "tiktok-embed", Threads' "text-post-media", Facebook's
 * "fb-post", Reddit's "reddit-embed-bq", Bluesky's and Mastodon's "…-embed") or as sites name their own ("tweet",
 * "embedded-post", "x-post").
 */
const PLATFORM_TOKENS =
  /(?:^|\s)(?:tweet|twitter-tweet(?:-rendered)?|embedded-?(?:post|tweet)|post-?embed|x-?post|instagram-media|tiktok-embed|text-post-media|fb-post|reddit-embed-bq|reddit-card|telegram-post|bluesky-?embed|mastodon-?embed|socialembed)(?:$|\s)/;

const PLATFORMS = 'social|twitter|tweet|x|instagram|tiktok|threads|facebook|fb|telegram|bluesky|mastodon|reddit';
/**
 * A site's own wrapper round an embed: a class token joining "embed" and a platform or "social" ("social-embed",
 * "social-embed--x", "embed--twitter", "instagram-embed", "site-embed--x"). Its "social" would otherwise drop it as a
 * share bar.
 */
const WRAPPER_TOKENS = new RegExp(
  `(?:^|[\\s_-])(?:(?:${PLATFORMS})[_-]+embed(?:ded)?|embed(?:ded)?[_-]+(?:${PLATFORMS}))(?:$|[\\s_-])`,
);

/** Attributes the platforms' embed codes mark their blockquote with, whatever its class (Twitter's, Instagram's, Bluesky's). */
const EMBED_ATTRS = ['data-instgrm-permalink', 'data-tweet-id', 'data-bluesky-uri', 'data-telegram-post', 'data-text-post-permalink'];

/**
 * A post embedded in a story from X, Telegram, Instagram and the like: what a reporter quotes as someone's own
 * statement, so its text is the story's (the embed's scripts are dropped as every script is, its controls by
 * `isEmbedChrome`).
 */
export function isEmbeddedPost(el: HtmlElement): boolean {
  const cls = el.attrs.class;
  if (cls !== undefined) {
    const t = cls.toLowerCase();
    if (mayNameEmbed(t) && (PLATFORM_TOKENS.test(t) || (t.includes('embed') && WRAPPER_TOKENS.test(t)))) return true;
  }
  if (el.tag !== 'blockquote') return false;
  for (const a of EMBED_ATTRS) if (a in el.attrs) return true;
  return false;
}

/** Cheap gate before the regexes, run on every element's class: each embed token holds one of these words. */
function mayNameEmbed(t: string): boolean {
  return t.includes('embed') || t.includes('tweet') || t.includes('post') || t.includes('media') || t.includes('card');
}

/** Longest text of a control or counts line inside an embedded post. */
const MAX_CHROME = 60;
/** The platform's controls: "Follow", "View on X", "View this post on Instagram", "Copy link", "Read 212 replies". */
const CONTROL =
  /^(?:follow(?:ing)?(?: @\w+)?|@\w+ · follow|view (?:this )?(?:post |tweet |video |photo |profile )?on \w+|(?:view|see|read|watch) more on \w+|watch on \w+|open (?:in|on) \w+|copy link(?: to (?:post|tweet))?|reply|repost|retweet|share|like|read (?:\d[\d.,]*[km]? )?(?:more )?repl(?:y|ies)|show more|translate (?:post|tweet))$/i;
/** Its counts: "8.9K Likes 1,204 Reposts", "312 replies · 1.1K likes". */
const COUNTS =
  /^(?:\d[\d.,]*[km]? (?:likes?|reposts?|retweets?|replies|reply|comments?|shares?|views?|quotes?|bookmarks?|reactions?)(?: ?[·|•,] ?| |$))+$/i;

/**
 * A control or counts line inside an embedded post: the platform's page furniture, not what the post says (its
 * likes are no claim, its "View on X" no sentence).
 */
export function isEmbedChrome(el: HtmlElement): boolean {
  const t = textOf(el).replace(/\s+/g, ' ').trim();
  return t.length > 0 && t.length <= MAX_CHROME && (CONTROL.test(t) || COUNTS.test(t));
}

/** A handle on a platform: "@OMarchenkoUA", "@ann.lee.bsky.social". */
const HANDLE = /@[A-Za-z0-9_][A-Za-z0-9_.]{0,40}/;
/** The name before a handle: capitalised words, after a dash ("— Ann Lee (@alee)", "Ann Lee @alee"). */
const NAME_BEFORE_HANDLE = lazyRegExp(() => /(?:^|[—–-]\s*)((?:\p{Lu}[\p{L}'’.-]*\s+){0,4}\p{Lu}[\p{L}'’.-]*)\s*\(?$/u);
/** Longest line of an embed that is its author line or stamp, not its text. */
const MAX_STAMP = 120;

/**
 * The embedded posts of a page, each a post of its own (`CollectedDocument.posts`) inside the main body: dated by its
 * stamp (a `<time datetime>`, or the date of its author or stamp line: "— Ann Lee (@alee) March 3, 2025",
 * "3:41 PM · Nov 27, 2025"), so its "last month" counts from the day it was posted, and in its author's voice (the
 * name before the handle). An embed with neither date nor author is left to the body.
 */
export function embeddedPosts(embeds: readonly HtmlElement[], blocks: readonly HtmlBlock[], main: Span): PostSpan[] {
  const out: PostSpan[] = [];
  for (const el of embeds) {
    const own = blocks.filter((b) => isInside(b.owner, el));
    if (own.length === 0) continue;
    const start = own[0]!.start;
    const end = own[own.length - 1]!.end;
    if (start < main.start || end > main.end) continue;
    const published = stampDate(el, own);
    const author = authorOf(own);
    if (published === null && author === null) continue;
    out.push({ start, end, published, forwardedFrom: null, author });
  }
  return out;
}

/** The day an embed's `<time datetime>` gives, else the date of its last short line, else of its first. */
function stampDate(el: HtmlElement, own: readonly HtmlBlock[]): string | null {
  const stack: HtmlElement[] = [el];
  while (stack.length) {
    for (const c of stack.pop()!.children) {
      if (typeof c === 'string') continue;
      const day = c.tag === 'time' ? datetimeDay(c.attrs.datetime ?? '') : null;
      if (day !== null) return day;
      stack.push(c);
    }
  }
  for (const b of [own[own.length - 1]!, own[0]!]) if (b.text.length <= MAX_STAMP) {
    const d = findDate(b.text);
    if (d) return d;
  }
  return null;
}

/** The name before the handle in an embed's author line, else the handle without its "@". */
function authorOf(own: readonly HtmlBlock[]): string | null {
  for (const b of own) {
    if (b.text.length > MAX_STAMP) continue;
    const h = HANDLE.exec(b.text);
    if (h === null) continue;
    const name = NAME_BEFORE_HANDLE().exec(b.text.slice(0, h.index).trimEnd());
    return name ? name[1]! : h[0].slice(1);
  }
  return null;
}
