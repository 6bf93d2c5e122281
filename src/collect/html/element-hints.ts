import type { BoilerplateKind } from '../main-body/text-block.js';
import type { Disclosures } from './disclosure-panels.js';
import { isEmbedChrome, isEmbeddedPost } from './embedded-posts.js';
import { textOf, type HtmlElement } from './html-tree.js';

/** Elements whose content is never readable text. */
export const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'canvas', 'object', 'embed', 'video', 'audio',
  'map', 'head', 'button', 'input', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output', 'label',
  'dialog', 'nav', 'link', 'meta', 'title', 'base', 'picture', 'source', 'track', 'img',
]);

const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar']);

/** Class or id tokens of widgets that are not text at all (consent banners, share bars, menus). */
const DROP_TOKENS =
  /(?:^|[\s_-])(?:cookies?|cookie-?banner|consent|gdpr|cmp|share|sharing|sharebar|social|social-?links|sr-only|visually-?hidden|screen-?reader(?:-?text)?|skip(?:-?link)?|breadcrumbs?|nav|navbar|navigation|menu|toolbar|modal|popup|overlay|ad|ads|advert|advertisement|adslot|ad-?slot|dfp|site-?header|site-?footer|global-?header|global-?footer|masthead|header|footer|print-?only)(?:$|[\s_-])/;

/**
 * Class or id tokens of parts that are text but not the story (words of the token regexes). Tokens part at `-` and `_`,
 * so a compound whose last word is listed ("article-meta", "app-promo") matches by that word: only its run-together
 * form needs a word of its own ("articlemeta").
 */
const KIND_WORDS: ReadonlyArray<[string, BoilerplateKind]> = [
  ['related|teasers?|more-?stories|more-?news|more-?from|recommended|recommendations?|read-?more|also-?read|read-?next|trending|popular|most-?read|mostpopular|outbrain|taboola|you-?may-?like|suggested|story-?list|headlines', 'related'],
  // Reader-revenue boxes too ("donate-inline", "support-us", "membership-cta"): the outlet's appeal for money.
  ['promos?|newsletter|subscribe|subscription|sign-?up|app-?download|download-?app|apppromo|cta|sponsored|paywall|offer|banner|donate|donations?|support-?us|membership|reader-?revenue', 'promo'],
  ['comments?|commentlist|disqus|discussion|replies|responses', 'comments'],
  ['bylines?|authors?|dateline|timestamp|pubdate|publishdate|meta|articlemeta|postmeta|entrymeta|date', 'byline'],
  ['disclaimer|disclosure|republish|copyright', 'disclosure'],
  ['caption|credits?|editor-?s?note|notes?|tagline|bio|author-?bio|correction|tags|topics|keywords', 'other'],
  // A wiki's message boxes (MediaWiki's "ambox", "tmbox", "ombox"…, a hat note, an archive box): notices about the page
  // or its editing, set above the text, never its content.
  ['[a-z]?mbox|hatnote|archive-?box', 'other'],
];

/** One of the words as a whole token of a class or id list (tokens part at spaces, `_` and `-`). */
const tokenRegex = (words: string): RegExp => new RegExp(`(?:^|[\\s_-])(?:${words})(?:$|[\\s_-])`);

const KIND_TOKENS: ReadonlyArray<[RegExp, BoilerplateKind]> = KIND_WORDS.map(([words, kind]) => [tokenRegex(words), kind]);

/**
 * Any of the kind tokens: one scan rules out the class names of most elements, where six would
 * find nothing. (The kind is still that of the first regex that matches, wherever its token stands.)
 */
const ANY_KIND_TOKEN = tokenRegex(KIND_WORDS.map(([words]) => words).join('|'));

const ARTICLE_TOKENS =
  /(?:^|[\s_-])(?:article-?body|story-?body|post-?body|entry-?content|post-?content|article-?content|article__body|story-?content|content-?body|articletext|story-?text|body-?text|article-?text)(?:$|[\s_-])/;

/**
 * "after-newsletter", "before-ad": a class or id naming the widget next to an element (an anchor a box's skip link
 * jumps to) says where it stands, not what it is.
 */
const NEIGHBOUR_TOKEN = /(?:^|\s)(?:after|before|below|above|past)[_-]\S*/g;

function tokens(el: HtmlElement): string {
  const t = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`.toLowerCase();
  return t.includes('after') || t.includes('before') || t.includes('below') || t.includes('above') || t.includes('past') ? t.replace(NEIGHBOUR_TOKEN, ' ') : t;
}

/**
 * True for an element that carries no readable text (hidden, a control, a widget). A panel the reader opens is text
 * however it is hidden, and the control that titles it is its heading's text (`shown`, of the page).
 */
export function isDropped(el: HtmlElement, shown: Disclosures | null = null): boolean {
  if (SKIPPED_TAGS.has(el.tag)) return shown === null || !shown.titles.has(el);
  if (el.tag === 'header' || el.tag === 'footer') return !quoteCredit(el);
  if (isHidden(el) && (shown === null || !shown.panels.has(el))) return true;
  const a = el.attrs;
  if (a.role && DROPPED_ROLES.has(a.role.toLowerCase())) return true;
  if (el.tag === 'html' || el.tag === 'body') return false;
  const t = tokens(el);
  if (!DROP_TOKENS.test(t) || embeddedPostPart(el) || isEmbeddedPost(el)) return false;
  // A screen reader's text is never shown, whatever element carries it.
  return !HOLDS_CONTENT.has(el.tag) || SCREEN_READER_TOKENS.test(t);
}

/**
 * True for an element inside an embedded post that carries no text of the post: a script, a control, a hidden part, or
 * the platform's own controls and counts ("View on X", "8.9K Likes"). Its header and footer (who posted, and when) and
 * its class names ("social", "share" in a platform's markup) do not drop it, as they would a page's.
 */
export function isDroppedInEmbed(el: HtmlElement): boolean {
  return SKIPPED_TAGS.has(el.tag) || isHidden(el) || isEmbedChrome(el);
}

function isHidden(el: HtmlElement): boolean {
  const a = el.attrs;
  return 'hidden' in a || a['aria-hidden'] === 'true' || (a.style !== undefined && isHiddenByStyle(a.style));
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?\s*(?:[;!]|$)/i;
const NO_HEIGHT = /max-height\s*:\s*0(?:px)?\s*(?:[;!]|$)/i;
const CLIPPED = /overflow\s*:\s*hidden/i;

/**
 * An inline style that hides the element: not displayed, invisible, fully transparent, or clipped to
 * no height. E-mails hide their preheader (the preview line an inbox shows, padded to push the body
 * out of the preview) in all these ways at once, or in any one of them, since each mail client
 * honours a different one.
 */
function isHiddenByStyle(style: string): boolean {
  return HIDDEN_STYLE.test(style) || (NO_HEIGHT.test(style) && CLIPPED.test(style));
}

/**
 * A figure or a table holds a picture, a chart or data, which no widget is built of: words of its
 * class or id that name widgets ("chart-share" for a chart of shares, "ad-spend-table") describe
 * its subject, and dropping it would lose visible text. Only hiding drops it.
 */
const HOLDS_CONTENT = new Set(['figure', 'table']);
const SCREEN_READER_TOKENS = /(?:^|[\s_-])(?:sr-only|visually-?hidden|screen-?reader(?:-?text)?)(?:$|[\s_-])/;

/**
 * The header or footer of an embedded post (`<div class="tweet"><div class="tweet-header">`): its
 * author's name and handle, and the time it was posted, say who wrote the quoted post and when,
 * so they are kept as text rather than dropped as a page's header or footer.
 */
function embeddedPostPart(el: HtmlElement): boolean {
  const parent = el.parent;
  return parent !== null && parent !== undefined && isEmbeddedPost(parent);
}

/**
 * `<blockquote><p>…</p><footer>Name, title</footer></blockquote>`, or a figcaption beside a
 * blockquote in a figure: it says who is quoted, and is read with the quote (not dropped as the
 * page's footer, nor set aside as a picture's caption).
 */
function quoteCredit(el: HtmlElement): boolean {
  const parent = el.parent;
  if (!parent || (el.tag !== 'footer' && el.tag !== 'figcaption')) return false;
  if (parent.tag === 'blockquote') return el.tag === 'footer';
  return parent.tag === 'figure' && parent.children.some((c) => typeof c !== 'string' && c.tag === 'blockquote');
}

/** What an element is, when its tag or class says it is not the story. */
export function elementKind(el: HtmlElement): BoilerplateKind | null {
  if (el.tag === 'html' || el.tag === 'body' || el.tag === 'main') return null;
  const t = tokens(el);
  if (isFootnotes(el, t) || (t.includes('notes') && SHOW_NOTES_TOKENS.test(t))) return null;
  if (isReviewComment(el)) return 'comments';
  if (t.trim() && ANY_KIND_TOKEN.test(t)) for (const [re, kind] of KIND_TOKENS) if (re.test(t)) return kind;
  if (el.tag === 'aside') return isStoryBox(el) ? null : 'related';
  if (isSignUpBox(el) || isReaderPoll(el, t)) return 'promo';
  if (el.tag === 'figcaption') return quoteCredit(el) ? null : 'other';
  if (el.attrs.role === 'complementary') return 'related';
  // ARIA's "note": a section parenthetic or ancillary to the page's content.
  if (el.attrs.role === 'note') return 'other';
  return null;
}

/** Fewest characters of prose in a box of the story's own. */
const MIN_BOX_PROSE = 200;
/** Largest share of a box's text inside links: a box of links points elsewhere. */
const MAX_BOX_LINKS = 0.1;
const BOX_HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
/**
 * Elements whose text is a box's prose: paragraphs, and the descriptions of a definition list
 * (a factbox's "Key numbers", each figure a `<dt>` told by its `<dd>`).
 */
const BOX_PROSE = new Set(['p', 'dd']);

/**
 * An aside that is the story's own box, not a rail or a box of links: set after the story's
 * paragraphs (a paragraph comes before it in its parent), headed ("How we did this",
 * "Methodology", "Background", "Key figures") and holding a paragraph's worth of prose (paragraphs,
 * or a definition list's descriptions) with next to no links. A report's methods note and a factbox
 * are its content; related links and teasers are not.
 */
function isStoryBox(el: HtmlElement): boolean {
  const parent = el.parent;
  if (!parent) return false;
  const at = parent.children.indexOf(el);
  if (!parent.children.slice(0, at).some((c) => typeof c !== 'string' && c.tag === 'p')) return false;
  let heading = false;
  let prose = 0;
  let linked = 0;
  const stack: HtmlElement[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    for (const c of node.children) {
      if (typeof c === 'string') continue;
      if (BOX_HEADINGS.has(c.tag)) heading = true;
      else if (BOX_PROSE.has(c.tag)) prose += textOf(c).trim().length;
      if (c.tag === 'a') linked += textOf(c).trim().length;
      else stack.push(c);
    }
  }
  return heading && prose >= MIN_BOX_PROSE && linked <= MAX_BOX_LINKS * prose;
}

/** Boxes that can hold a sign-up form beside their pitch, or a reader poll's controls beside its question. */
const BOX_TAGS = new Set(['div', 'section', 'aside']);

/**
 * Class or id tokens of a reader's vote: "poll-embed", "quiz", "vote-widget". "poll-embed" and "poll_widget" match as
 * "poll" (tokens part at `-` and `_`); only the run-together "pollembed" and "pollwidget" need words of their own.
 */
const POLL_TOKENS = tokenRegex('polls?|pollembed|pollwidget|quiz|votes?|voting');
/** Controls a reader votes with. */
const VOTE_CONTROLS = new Set(['button', 'input', 'form']);

/**
 * `<div class="poll-embed"><h3>POLL: Should …?</h3> … <button>Yes</button> 71% …`: a reader poll set inside a story, its
 * question, shares and vote count the page's, never the story's figures. Only a box with controls to vote with: a chart
 * or table of an opinion poll the story reports ("poll-chart") has none.
 */
function isReaderPoll(el: HtmlElement, t: string): boolean {
  if (!BOX_TAGS.has(el.tag) || !POLL_TOKENS.test(t)) return false;
  const stack: HtmlElement[] = [el];
  while (stack.length) {
    for (const c of stack.pop()!.children) {
      if (typeof c === 'string') continue;
      if (VOTE_CONTROLS.has(c.tag)) return true;
      stack.push(c);
    }
  }
  return false;
}

/**
 * A sign-up box (a newsletter pitch and its form): a box whose own form asks for an e-mail
 * address. Its pitch ("Join 120,000 readers") is the outlet's, whatever its class is called.
 */
function isSignUpBox(el: HtmlElement): boolean {
  if (!BOX_TAGS.has(el.tag)) return false;
  for (const c of el.children) if (typeof c !== 'string' && c.tag === 'form' && asksForEmail(c)) return true;
  return false;
}

function asksForEmail(form: HtmlElement): boolean {
  const stack: HtmlElement[] = [form];
  while (stack.length) {
    for (const c of stack.pop()!.children) {
      if (typeof c === 'string') continue;
      if (c.tag === 'input' && (c.attrs.type === 'email' || c.attrs.name === 'email')) return true;
      stack.push(c);
    }
  }
  return false;
}

/** The link from a reviewer's comment back to the text it comments on: Google Docs' "#cmnt_ref1", Word's "#_msoanchor_1". */
const COMMENT_BACKLINK = /^#(?:cmnt_ref|_msoanchor_|comment-ref)\d/i;
/** How deep under a box its first link may open it (box → paragraph → span → link). */
const MAX_OPENING_DEPTH = 3;

/**
 * A reviewer's comment set after an office document's text (Google Docs' boxed comments, Word's comment list): it opens
 * with a link back to its anchor in the text ("[a]"), or Word marks the list as such. Queries about the text by other
 * people, not the text.
 */
function isReviewComment(el: HtmlElement): boolean {
  if (el.attrs.style !== undefined && el.attrs.style.includes('mso-element:comment')) return true;
  if (el.tag !== 'div' && el.tag !== 'p') return false;
  let node: HtmlElement = el;
  for (let depth = 0; depth < MAX_OPENING_DEPTH; depth++) {
    const first = node.children.find((c) => typeof c !== 'string' || /\S/.test(c));
    if (first === undefined || typeof first === 'string') return false;
    if (first.tag === 'a') return COMMENT_BACKLINK.test(first.attrs.href ?? '');
    node = first;
  }
  return false;
}

/** Class or id tokens of a text's footnotes or endnotes, and their ARIA roles. */
const FOOTNOTE_TOKENS = /(?:^|[\s_-])(?:footnotes?|endnotes?)(?:$|[\s_-])/;
const FOOTNOTE_ROLES = new Set(['doc-endnotes', 'doc-footnote', 'doc-endnote']);

/**
 * A text's footnotes or endnotes (`<section class="footnotes" id="notes">`): sworn, cited or
 * sourced text that belongs to the story, even when a token of the list ("notes") reads as a
 * side note.
 */
export function isFootnotes(el: HtmlElement, t: string = tokens(el)): boolean {
  const role = el.attrs.role;
  return (role !== undefined && FOOTNOTE_ROLES.has(role.toLowerCase())) || (t.includes('note') && FOOTNOTE_TOKENS.test(t));
}

/**
 * An episode's show notes (`<section class="show-notes">`, "shownotes", "episode-notes"): a podcast's or a programme's
 * page describes the episode there, in the words that are its story, not a side note on it.
 */
const SHOW_NOTES_TOKENS = /(?:^|[\s_])(?:show|episode|programme|program)[-_]?notes(?:$|[\s_-])/;

/** Elements that announce the story body. */
export function isArticleCandidate(el: HtmlElement): boolean {
  if (el.tag === 'article' || el.tag === 'main') return true;
  if ((el.attrs.itemprop ?? '').toLowerCase() === 'articlebody') return true;
  if (el.attrs.role === 'main' || el.attrs.role === 'article') return true;
  return ARTICLE_TOKENS.test(tokens(el));
}
