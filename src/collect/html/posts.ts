import type { PostSpan } from '../../domain/document.js';
import type { Span } from '../../domain/span.js';
import { textOf, type HtmlElement } from './html-tree.js';
import type { HtmlBlock } from './html-text.js';

/** Fewest posts side by side that make a page of posts (one dated element is a byline). */
const MIN_POSTS = 2;
/** A machine-readable date opening a `datetime` attribute ("2025-03-07T06:02:11+00:00", "2025-03-07"). */
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
/** The label a forwarded post opens with: "Forwarded from Defence Intelligence of Ukraine". */
const FORWARDED = /^forwarded from\s+(\S.{0,79}?)\s*$/i;

/** The day a `datetime` attribute opens with ("2025-03-07"), or null. */
export function datetimeDay(value: string): string | null {
  const m = DATETIME.exec(value);
  return m === null ? null : m.slice(1, 4).join('-');
}

/**
 * The posts of a page that is a run of posts, each dated by its own `<time datetime>` (a channel's
 * web preview, a feed, a live blog's entries) set apart from its prose. A post is the outermost
 * element around one such time that holds no other; posts side by side (children of one element, MIN_POSTS at least) that
 * lie in the main body make the run. Each post speaks on the day its time gives, and a post that
 * opens with "Forwarded from X" is X's. Empty when the page is no run of posts (an article's one
 * byline time, teasers outside the main body).
 */
export function findPosts(elements: readonly HtmlElement[], blocks: readonly HtmlBlock[], main: Span): PostSpan[] {
  const times: HtmlElement[] = [];
  for (const el of elements) if (el.tag === 'time' && DATETIME.test(el.attrs.datetime ?? '') && !inProse(el)) times.push(el);
  if (times.length < MIN_POSTS) return [];
  // How many dated times each element holds.
  const held = new Map<HtmlElement, number>();
  for (const t of times) for (let e = t.parent; e; e = e.parent) held.set(e, (held.get(e) ?? 0) + 1);
  const posts = new Map<HtmlElement, string>();
  const siblings = new Map<HtmlElement, number>();
  for (const t of times) {
    let post = t;
    while (post.parent && held.get(post.parent) === 1) post = post.parent;
    if (post === t || !post.parent) continue;
    posts.set(post, datetimeDay(t.attrs.datetime!)!);
    siblings.set(post.parent, (siblings.get(post.parent) ?? 0) + 1);
  }
  // The blocks of each post, in text order: an element's blocks are the blocks owned by it or its descendants.
  const out: PostSpan[] = [];
  let current: { el: HtmlElement; span: PostSpan } | null = null;
  for (const b of blocks) {
    const el = postOf(b.owner, posts);
    if (el === null || (siblings.get(el.parent!) ?? 0) < MIN_POSTS) continue;
    if (current === null || current.el !== el) {
      current = { el, span: { start: b.start, end: b.end, published: posts.get(el)!, forwardedFrom: null } };
      out.push(current.span);
    }
    current.span.end = b.end;
    const m = current.span.forwardedFrom === null ? FORWARDED.exec(b.text) : null;
    if (m) current.span.forwardedFrom = m[1]!;
  }
  const inMain = out.filter((p) => p.start < main.end && p.end > main.start);
  return inMain.length >= MIN_POSTS ? inMain : [];
}

/** Elements that hold a line of their own: a time inside one with a sentence's worth of text is a date in prose. */
const LINE_BOXES = new Set(['p', 'div', 'li', 'td', 'dd', 'header', 'footer', 'section', 'article', 'blockquote', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Longest line a post's stamp stands in ("31.2K views edited 06:02", "Updated 10:42 GMT by Ann Lee"). */
const MAX_STAMP_LINE = 80;

/**
 * A time set in a sentence ("the strike <time datetime=…>on 1 May</time> hit …"): the date of something told, not
 * the date of a post.
 */
function inProse(time: HtmlElement): boolean {
  let box = time.parent;
  while (box && !LINE_BOXES.has(box.tag)) box = box.parent;
  return box !== null && textOf(box).replace(/\s+/g, ' ').trim().length > MAX_STAMP_LINE;
}

function postOf(el: HtmlElement | null, posts: ReadonlyMap<HtmlElement, string>): HtmlElement | null {
  for (let e = el; e; e = e.parent) if (posts.has(e)) return e;
  return null;
}
