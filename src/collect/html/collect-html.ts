import type { BoilerplateSpan, CollectedDocument } from '../../domain/document.js';
import { CollectError } from '../collect-error.js';
import { findDate } from '../dates.js';
import { findMainBody } from '../main-body/main-body.js';
import { findRelatedStories } from '../main-body/related-stories.js';
import { relatedDocuments } from '../related-documents.js';
import { findContainer } from './find-container.js';
import { htmlMeta } from './html-meta.js';
import { findPosts } from './posts.js';
import { markPromoBoxes } from './promo-boxes.js';
import { renderHtml, type HtmlBlock } from './html-text.js';
import { isInside, parseHtml } from './html-tree.js';

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
  const { text, blocks } = renderHtml(root);
  if (blocks.length === 0) return null;
  markPromoBoxes(blocks);
  const container = findContainer(elements, blocks);
  const inside: HtmlBlock[] = [];
  const outside: HtmlBlock[] = [];
  for (const b of blocks) (container && !isInside(b.owner, container) ? outside : inside).push(b);
  const meta = htmlMeta(elements, container);
  const body = findMainBody(inside, { outlet: meta.source, description: meta.description });

  const boilerplate: BoilerplateSpan[] = [...body.boilerplate];
  for (const b of outside) {
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
  if (posts.length > 0) doc.posts = posts;
  const stories = [...body.related, ...findRelatedStories(outside.filter((b) => b.hint === 'related'))];
  stories.sort((a, b) => a.start - b.start);
  return { doc, related: relatedDocuments(doc, stories) };
}
