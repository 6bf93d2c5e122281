import type { BoilerplateSpan, CollectedDocument } from '../../domain/document.js';
import { CollectError } from '../collect-error.js';
import { findDate } from '../dates.js';
import { findMainBody } from '../main-body/main-body.js';
import { findRelatedStories } from '../main-body/related-stories.js';
import { relatedDocuments } from '../related-documents.js';
import { acceptedAnswerEnd } from './accepted-answer.js';
import { abstractLabelLength, abstractRegion, inRegion } from './abstract-page.js';
import { findContainer } from './find-container.js';
import { htmlMeta } from './html-meta.js';
import { embeddedPosts } from './embedded-posts.js';
import { findPosts } from './posts.js';
import { markPromoBoxes } from './promo-boxes.js';
import { readGalleryCaptions } from './gallery-captions.js';
import { renderHtml, type HtmlBlock } from './html-text.js';
import { preWrappedElements } from './pre-wrap-styles.js';
import { isInside, parseHtml, type HtmlElement } from './html-tree.js';
import { isProse } from '../main-body/cues.js';

export interface HtmlOptions {
  published?: string | null;
  related?: boolean;
}

/** An HTML page: derived text, the story located with the markup's help, metadata from the head. */
export function collectHtml(origin: string, html: string, options: HtmlOptions = {}): CollectedDocument[] {
  const doc = htmlDocument(origin, html, options);
  if (!doc) throw new CollectError(origin, 'the HTML has no body text (only markup, scripts or navigation)');
  return options.related ? [doc.doc, ...doc.related] : [doc.doc];
}

/**
 * The document of one HTML page or fragment (also used for feed items), or null when it has no
 * text. `related` holds the stories it carries in full besides the main one.
 */
export function htmlDocument(
  origin: string,
  html: string,
  options: HtmlOptions = {},
): { doc: CollectedDocument; related: CollectedDocument[] } | null {
  const { root, elements } = parseHtml(html);
  const { text, blocks, embeds } = renderHtml(root, preWrappedElements(elements));
  if (blocks.length === 0) return null;
  markPromoBoxes(blocks);
  // A paper's landing page: the abstract and the summary after it are the text (abstract-page.ts).
  const abstract = abstractRegion(elements, blocks);
  const container = abstract ? null : findContainer(elements, blocks);
  const inside: HtmlBlock[] = [];
  const outside: HtmlBlock[] = [];
  for (const b of blocks) ((abstract ? !inRegion(b, abstract) : container && !isInside(b.owner, container)) ? outside : inside).push(b);
  // A gallery's captions are its story (gallery-captions.ts).
  readGalleryCaptions(inside);
  const meta = htmlMeta(elements, container);
  const body = findMainBody(inside, { outlet: meta.source, description: meta.description });
  const title = meta.discussion && container ? postTitle(blocks, container, body.main.start) : null;
  if (title) body.main = { start: title.start, end: body.main.end };
  // A question page runs from its question to its accepted answer's last paragraph (accepted-answer.ts).
  const answerEnd = acceptedAnswerEnd(elements, inside);
  if (answerEnd !== null && answerEnd > body.main.start && answerEnd < body.main.end) body.main = { start: body.main.start, end: answerEnd };
  if (abstract && inside[0] && body.main.start === inside[0].start) {
    const label = abstractLabelLength(inside[0].text);
    if (label > 0 && label < inside[0].text.length) body.main = { start: body.main.start + label, end: body.main.end };
  }

  const boilerplate: BoilerplateSpan[] = [...body.boilerplate];
  for (const b of outside) {
    if (b === title) continue;
    const kind = b.hint ?? ((b.linkDensity ?? 0) > 0.5 ? 'navigation' : 'other');
    const last = boilerplate[boilerplate.length - 1];
    if (last && last.kind === kind && last.end <= b.start && !/\S/.test(text.slice(last.end, b.start))) last.end = b.end;
    else boilerplate.push({ start: b.start, end: b.end, kind });
  }
  boilerplate.sort((a, b) => a.start - b.start);

  let published = options.published ?? meta.published;
  if (!published) {
    // A byline such as "Published Nov. 1, 2024" above the story.
    for (const b of [...body.header, ...blocks.filter((x) => x.hint === 'byline')]) {
      if (b.text.length < 200 && (published = findDate(b.text))) break;
    }
  }
  const doc: CollectedDocument = {
    origin,
    format: 'html',
    text,
    title: meta.title,
    published: published ?? null,
    url: meta.url,
    source: meta.source,
    main: body.main,
    boilerplate,
  };
  const posts = findPosts(elements, blocks, body.main);
  // A post embedded in a story is a post of its own; inside a page of posts (a live blog's entry) it stays its entry's.
  if (posts.length === 0) posts.push(...embeddedPosts(embeds, blocks, body.main));
  if (posts.length > 0) doc.posts = posts;
  const stories = [...body.related, ...findRelatedStories(outside.filter((b) => b.hint === 'related'))];
  stories.sort((a, b) => a.start - b.start);
  return { doc, related: relatedDocuments(doc, stories) };
}

/**
 * The title of a forum's post, above the post's text: on a forum the title is the submitter's own
 * words, often the post's claim in short, so it opens the post as a headline does not open a news
 * story. It is the heading (h1) nearest above the text, in the post's element (the smallest one that
 * holds both), with no prose between them (a flair, a link's card may lie there). Null otherwise.
 */
function postTitle(blocks: readonly HtmlBlock[], container: HtmlElement, start: number): HtmlBlock | null {
  let i = blocks.findIndex((b) => b.end > start) - 1;
  for (; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.owner.tag === 'h1') return inPostWith(b.owner, container) ? b : null;
    if (isProse(b.text)) return null;
  }
  return null;
}

/** The smallest element holding both the heading and the post's text is the post, not the page. */
function inPostWith(heading: HtmlElement, container: HtmlElement): boolean {
  let post: HtmlElement | null = container.parent;
  while (post && !isInside(heading, post)) post = post.parent;
  return post !== null && !PAGE_TAGS.has(post.tag);
}
const PAGE_TAGS = new Set(['#root', 'html', 'body', 'main']);
