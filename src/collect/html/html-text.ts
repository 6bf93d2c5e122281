import type { BoilerplateKind, TextBlock } from '../main-body/text-block.js';
import { elementKind, isDropped } from './element-hints.js';
import type { HtmlElement, HtmlNode } from './html-tree.js';

/** A block of the derived text, with the element it came from. */
export interface HtmlBlock extends TextBlock {
  owner: HtmlElement;
}

export interface HtmlText {
  text: string;
  blocks: HtmlBlock[];
}

/** Block elements that stand apart as paragraphs (a blank line around them). */
const PARAGRAPH_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'details', 'div', 'dl', 'fieldset', 'figure',
  'figcaption', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html', 'main', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'thead', 'tfoot', 'ul', 'summary', 'caption', 'legend', 'header', 'footer', '#root',
]);
/** Block elements that only start a new line. */
const LINE_TAGS = new Set(['li', 'dt', 'dd', 'tr', 'br']);
const CELL_TAGS = new Set(['td', 'th']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Renders HTML as readable text: block elements give line breaks, a blank line separates
 * paragraphs, inline elements run on, white space is collapsed within a paragraph. Widgets that
 * are not text (scripts, controls, navigation, consent and share bars) are left out; parts that
 * are text but not the story (related lists, comments, bylines) keep their text and carry a hint.
 */
export function renderHtml(root: HtmlElement): HtmlText {
  const proseChars = paragraphChars(root);
  const total = proseChars.get(root) ?? 0;
  // A widget class on an element that holds most of the page's paragraphs is a false alarm
  // (`<article class="post has-comments">`, `<div class="page-with-header">`).
  const holdsTheStory = (el: HtmlElement): boolean => total > 400 && (proseChars.get(el) ?? 0) > 0.5 * total;

  const parts: string[] = [];
  let length = 0;
  const blocks: HtmlBlock[] = [];
  let buf = '';
  let bufLink = 0;
  let bufOwner: HtmlElement = root;
  let bufHint: BoilerplateKind | null = null;
  let bufPre = false;
  let pendingBreak = 0;

  const flush = (strength: number): void => {
    if (buf) {
      const text = bufPre ? collapsePre(buf) : collapse(buf);
      if (text) {
        if (length > 0) {
          const sep = pendingBreak >= 2 ? '\n\n' : '\n';
          parts.push(sep);
          length += sep.length;
        }
        const block: HtmlBlock = { start: length, end: length + text.length, text, owner: bufOwner };
        if (HEADINGS.has(bufOwner.tag)) block.heading = true;
        if (bufOwner.tag === 'li' || bufOwner.tag === 'dd' || bufOwner.tag === 'dt') block.listItem = true;
        if (bufHint) block.hint = bufHint;
        if (bufLink > 0) block.linkDensity = Math.min(1, bufLink / Math.max(1, buf.replace(/\s+/g, '').length));
        parts.push(text);
        length += text.length;
        blocks.push(block);
        pendingBreak = 0;
      }
    }
    buf = '';
    bufLink = 0;
    if (strength > pendingBreak) pendingBreak = strength;
  };

  const walk = (node: HtmlNode, owner: HtmlElement, hint: BoilerplateKind | null, inLink: boolean, inPre: boolean): void => {
    if (typeof node === 'string') {
      if (!buf) {
        if (!/\S/.test(node)) return;
        bufOwner = owner;
        bufHint = hint;
        bufPre = inPre;
      }
      buf += node;
      if (inLink) bufLink += node.replace(/\s+/g, '').length;
      return;
    }
    if (isDropped(node) && !holdsTheStory(node)) return;
    const kind = holdsTheStory(node) ? null : elementKind(node);
    const childHint = hint ?? kind;
    const tag = node.tag;
    const strength = PARAGRAPH_TAGS.has(tag) ? 2 : LINE_TAGS.has(tag) ? 1 : 0;
    if (strength) flush(strength);
    else if (CELL_TAGS.has(tag) && buf) buf += ' ';
    if (tag === 'br') return;
    const childOwner = strength ? node : owner;
    const link = inLink || tag === 'a';
    const pre = inPre || tag === 'pre';
    for (const c of node.children) walk(c, childOwner, childHint, link, pre);
    if (strength) flush(strength);
  };
  walk(root, root, null, false, false);
  flush(2);
  return { text: parts.join(''), blocks };
}

function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

function collapsePre(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Characters of paragraph text (`p` elements) inside each element, counted once, bottom up. */
function paragraphChars(root: HtmlElement): Map<HtmlElement, number> {
  const counts = new Map<HtmlElement, number>();
  const order: HtmlElement[] = [];
  const stack: HtmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    order.push(el);
    for (const c of el.children) if (typeof c !== 'string') stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    let n = 0;
    for (const c of el.children) {
      if (typeof c === 'string') {
        if (el.tag === 'p') n += c.trim().length;
      } else if (c.tag !== 'script' && c.tag !== 'style') {
        n += counts.get(c) ?? 0;
        // Inline text inside a paragraph (links, emphasis) belongs to the paragraph.
        if (el.tag === 'p' && c.tag !== 'p') n += inlineChars(c);
      }
    }
    counts.set(el, n);
  }
  return counts;
}

function inlineChars(el: HtmlElement): number {
  let n = 0;
  for (const c of el.children) n += typeof c === 'string' ? c.trim().length : inlineChars(c);
  return n;
}
