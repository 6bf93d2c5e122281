import { isProse } from '../main-body/cues.js';
import { isArticleCandidate } from './element-hints.js';
import { isInside, type HtmlElement } from './html-tree.js';
import type { HtmlBlock } from './html-text.js';

/**
 * The element that holds the story: the article/main element (or article-body class) with most
 * prose, narrowed to a nested candidate that keeps nearly all of it; failing that, the smallest
 * element holding most of the page's prose. Null when the page is all one part.
 */
export function findContainer(elements: HtmlElement[], blocks: HtmlBlock[]): HtmlElement | null {
  const prose = blocks.filter((b) => !b.hint && isProse(b.text));
  const total = prose.reduce((n, b) => n + b.text.length, 0);
  if (total === 0) return null;
  const proseIn = (el: HtmlElement): number => prose.reduce((n, b) => (isInside(b.owner, el) ? n + b.text.length : n), 0);

  const candidates: Array<{ el: HtmlElement; chars: number }> = [];
  for (const el of elements) if (isArticleCandidate(el)) candidates.push({ el, chars: proseIn(el) });
  candidates.sort((a, b) => b.chars - a.chars);
  let best = candidates[0];
  if (best && best.chars >= Math.min(200, total * 0.5)) {
    // Prefer the innermost candidate that still holds nearly all the prose (article-body inside article).
    for (const c of candidates) if (c.el !== best.el && isInside(c.el, best.el) && c.chars >= 0.9 * best.chars) best = c;
    // An article element inside a wrapper that holds far more prose is one teaser among many.
    if (best.chars >= 0.4 * total) return best.el;
  }

  // No marked-up article: credit each paragraph to its parent, take the best parent, and widen
  // it until it holds most of the prose.
  const credit = new Map<HtmlElement, number>();
  for (const b of prose) {
    const parent = b.owner.parent ?? b.owner;
    credit.set(parent, (credit.get(parent) ?? 0) + b.text.length);
  }
  let top: HtmlElement | null = null;
  let topChars = 0;
  for (const [el, n] of credit) if (n > topChars) [top, topChars] = [el, n];
  while (top && top.parent && proseIn(top) < 0.6 * total) top = top.parent;
  if (top && CELL_TAGS.has(top.tag)) top = stackedSections(top, proseIn);
  return top && top.tag !== '#root' && top.tag !== 'html' && top.tag !== 'body' ? top : null;
}

const CELL_TAGS = new Set(['td', 'th']);
/** Fewest characters of prose the other rows of a layout table hold for them to be more of the story. */
const MIN_SECTION_PROSE = 200;

/**
 * An e-mail (or any page laid out with tables) stacks its parts as the rows of a layout table: a
 * newsletter's lead essay in one cell, its further items in the rows below, each a cell of its own.
 * A cell that holds paragraphs is a layout cell (a data table's cells hold words and figures), and
 * the story is then the table that stacks it with other rows of prose: the nearest enclosing table
 * whose rows other than the cell's hold a paragraph's worth. Only rows count: a site laid out in
 * tables sets its rails beside the story, as cells of the story's row. The sponsor and subscribe
 * boxes and the footer among the rows are told apart later, as a page's furniture is. The cell
 * itself when no enclosing table holds more prose in other rows.
 */
function stackedSections(cell: HtmlElement, proseIn: (el: HtmlElement) => number): HtmlElement {
  let row: HtmlElement | null = null;
  for (let el = cell.parent; el && el.tag !== 'body' && el.tag !== 'html'; el = el.parent) {
    if (el.tag === 'tr') row = el;
    else if (el.tag === 'table' && row && proseIn(el) - proseIn(row) >= MIN_SECTION_PROSE) return el;
  }
  return cell;
}
