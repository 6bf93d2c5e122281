import { isProse } from '../main-body/cues.js';
import { isInside, type HtmlElement } from './html-tree.js';
import type { HtmlBlock } from './html-text.js';

/**
 * A paper's landing page (a preprint server's or a journal's "abstract page"): the page is about one paper, and its
 * text is the abstract, with any summary the page sets right after it (a lay or short summary, a significance
 * statement). The title, the authors and their affiliations, the dateline, the metadata table (comments, subjects,
 * DOI, "cite as"), the submission history and the link rails around it are the page's, not the paper's words. The
 * general finder reads the page's `<main>` as one story and runs on through the metadata into the page's tabs.
 *
 * The page says what it is twice over: Highwire Press tags in its head (`citation_title`, `citation_author`, which
 * scholarly indexes read) and an element whose class or id is "abstract". Both are needed: a news story may call its
 * summary box an abstract, and a page that cites a paper in its head need not print the abstract.
 */
export interface AbstractRegion {
  /** The abstract's element and the siblings after it that carry on its prose, in order. */
  elements: HtmlElement[];
}

/** Fewest Highwire tags (`citation_…`) in the head that make the page a paper's page: its title and an author. */
const MIN_CITATION_TAGS = 2;
/** Fewest characters of prose an abstract holds (a line "Abstract not available" is none). */
const MIN_ABSTRACT_PROSE = 200;
/** The class or id token of an abstract's element ("abstract", "abstract-content", "article_abstract"). */
const ABSTRACT_TOKEN = /(?:^|[\s_-])abstract(?:$|[\s_-])/;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The abstract of a paper's landing page and the summary blocks set after it; null on any other page. */
export function abstractRegion(elements: readonly HtmlElement[], blocks: readonly HtmlBlock[]): AbstractRegion | null {
  let citations = 0;
  let marked: HtmlElement[] | null = null;
  for (const el of elements) {
    if (el.tag === 'meta') {
      const key = el.attrs.name ?? el.attrs.property;
      if (key !== undefined && key.toLowerCase().startsWith('citation_')) citations++;
      continue;
    }
    const t = el.attrs.class === undefined && el.attrs.id === undefined ? '' : `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`.toLowerCase();
    if (t.includes('abstract') && ABSTRACT_TOKEN.test(t) && !HEADING_TAGS.has(el.tag)) (marked ??= []).push(el);
  }
  if (citations < MIN_CITATION_TAGS || marked === null) return null;

  const prose = blocks.filter((b) => !b.hint && isProse(b.text));
  const proseIn = (el: HtmlElement): number => prose.reduce((n, b) => (isInside(b.owner, el) ? n + b.text.length : n), 0);
  // The outermost marked element with most prose: "abstract" around "abstract-content" is one abstract.
  let abstract: HtmlElement | null = null;
  let most = 0;
  for (const el of marked) {
    const n = proseIn(el);
    if (n > most) [abstract, most] = [el, n];
  }
  if (abstract === null || most < MIN_ABSTRACT_PROSE) return null;

  // The siblings after it that hold prose carry it on (a short summary, a significance statement); a heading between
  // two of them titles the next. The first sibling with no prose of its own (the metadata table, the links) ends it.
  const region = [abstract];
  const parent = abstract.parent;
  if (parent) {
    const siblings = parent.children.filter((c): c is HtmlElement => typeof c !== 'string');
    let pending: HtmlElement[] = [];
    for (let i = siblings.indexOf(abstract) + 1; i < siblings.length; i++) {
      const el = siblings[i]!;
      if (proseIn(el) > 0) {
        region.push(...pending, el);
        pending = [];
      } else if (HEADING_TAGS.has(el.tag)) pending.push(el);
      else if (blocks.some((b) => isInside(b.owner, el))) break;
    }
  }
  return { elements: region };
}

/** True when a block lies inside the region. */
export function inRegion(block: HtmlBlock, region: AbstractRegion): boolean {
  return region.elements.some((el) => isInside(block.owner, el));
}

/**
 * The label opening an abstract, "Abstract:" or "Abstract." run into its first sentence, as a preprint server sets it:
 * a label, not the paper's words (its length, 0 when there is none). A heading set on its own line is a block of its
 * own, which the finder leaves above the first sentence.
 */
const LEADING_LABEL = /^\s*abstract\s*[:.\u2014\u2013-]\s*/i;
export function abstractLabelLength(text: string): number {
  const m = LEADING_LABEL.exec(text);
  return m === null ? 0 : m[0].length;
}
