import type { BoilerplateKind, TextBlock } from '../main-body/text-block.js';
import { findDisclosures } from './disclosure-panels.js';
import { elementKind, isDropped, isDroppedInEmbed } from './element-hints.js';
import { isEmbeddedPost } from './embedded-posts.js';
import { NoteMarks } from './note-marks.js';
import { textOf, type HtmlElement, type HtmlNode } from './html-tree.js';

/** A block of the derived text, with the element it came from. */
export interface HtmlBlock extends TextBlock {
  owner: HtmlElement;
}

export interface HtmlText {
  text: string;
  blocks: HtmlBlock[];
  /** The posts embedded from social platforms (X, Telegram, Instagram…), outermost only, in text order. */
  embeds: HtmlElement[];
}

/** Block elements that stand apart as paragraphs (a blank line around them). */
const PARAGRAPH_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'details', 'div', 'dl', 'fieldset', 'figure',
  'figcaption', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html', 'main', 'ol', 'p', 'pre',
  'section', 'table', 'ul', 'summary', 'caption', 'legend', 'header', 'footer', '#root',
]);
/**
 * An inline element's hint (a byline's, a date's) is its block's when its words are at least this share of the block:
 * "By Ann Lee, Kyiv" of a byline box, not "KYIV —" of a paragraph.
 */
const MIN_HINTED_SHARE = 0.25;
/** Block elements that only start a new line. */
// A table's parts part no paragraphs: its rows stay together, as a plain-text table's lines do.
const LINE_TAGS = new Set(['li', 'dt', 'dd', 'tr', 'br', 'thead', 'tbody', 'tfoot']);
const CELL_TAGS = new Set(['td', 'th']);
/** A table's own elements, which keep their breaks inside a cell (a nested table's rows). */
const TABLE_TAGS = new Set(['table', 'tr', 'thead', 'tbody', 'tfoot', 'caption']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Renders HTML as readable text: block elements give line breaks, a blank line separates
 * paragraphs, inline elements run on, white space is collapsed within a paragraph. Widgets that
 * are not text (scripts, controls, navigation, consent and share bars) are left out; parts that
 * are text but not the story (related lists, comments, bylines) keep their text and carry a hint.
 */
export function renderHtml(root: HtmlElement, preWrapped: ReadonlySet<HtmlElement> | null = null): HtmlText {
  const proseChars = paragraphChars(root);
  const total = proseChars.get(root) ?? 0;
  // A widget class on an element that holds most of the page's paragraphs is a false alarm
  // (`<article class="post has-comments">`, `<div class="page-with-header">`).
  const holdsTheStory = (el: HtmlElement): boolean => total > 400 && (proseChars.get(el) ?? 0) > 0.5 * total;

  // Panels hidden until the reader opens them (an accordion's, a tab's) are read; other hidden parts are not.
  const shown = findDisclosures(root);
  const labels = new LabelBoxes();
  const noteMarks = new NoteMarks();
  const dataTables = new DataTables();
  const parts: string[] = [];
  let length = 0;
  const blocks: HtmlBlock[] = [];
  const embeds: HtmlElement[] = [];
  let buf = '';
  let bufLink = 0;
  let bufOwner: HtmlElement = root;
  let bufHint: BoilerplateKind | null = null;
  // The hint of the block's own element, and how much of the block's text a hint of an inline element inside it covers.
  let bufBlockHint: BoilerplateKind | null = null;
  let bufHinted = 0;
  let bufPre = false;
  let pendingBreak = 0;

  const flush = (strength: number): void => {
    if (buf) {
      const text = cellGaps(bufPre ? collapsePre(buf) : collapse(buf));
      if (text) {
        if (length > 0) {
          const sep = pendingBreak >= 2 ? '\n\n' : '\n';
          parts.push(sep);
          length += sep.length;
        }
        const block: HtmlBlock = { start: length, end: length + text.length, text, owner: bufOwner };
        if (HEADINGS.has(bufOwner.tag)) block.heading = true;
        if (bufOwner.tag === 'li' || bufOwner.tag === 'dd' || bufOwner.tag === 'dt') block.listItem = true;
        // A hint an inline element gives its few words (a dateline's span opening a paragraph of prose) is not the block's.
        const hint = bufHint !== bufBlockHint && bufHinted < MIN_HINTED_SHARE * text.length ? bufBlockHint : bufHint;
        if (hint) block.hint = hint;
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

  // Iterative walk (an explicit stack): deeply nested pages must not overflow the call stack.
  type Frame =
    | {
        node: HtmlNode;
        owner: HtmlElement;
        hint: BoilerplateKind | null;
        blockHint: BoilerplateKind | null;
        inLink: boolean;
        inPre: boolean;
        inCell: boolean;
        inEmbed: boolean;
        /** Inside an element the page's style sets with its line breaks kept (pre-wrap-styles.ts). */
        inLines?: boolean;
      }
    | number;
  const stack: Frame[] = [{ node: root, owner: root, hint: null, blockHint: null, inLink: false, inPre: false, inCell: false, inEmbed: false }];
  const addText = (node: string, owner: HtmlElement, hint: BoilerplateKind | null, blockHint: BoilerplateKind | null, inLink: boolean, inPre: boolean): void => {
    if (!buf) {
      if (!/\S/.test(node)) return;
      bufOwner = owner;
      bufHint = hint;
      bufBlockHint = blockHint;
      bufHinted = 0;
      bufPre = inPre;
    }
    buf += node;
    if (hint !== bufBlockHint) bufHinted += node.trim().length;
    if (inLink) bufLink += node.replace(/\s+/g, '').length;
  };
  while (stack.length) {
    const frame = stack.pop()!;
    if (typeof frame === 'number') {
      flush(frame); // leaving a block element
      continue;
    }
    const { node, owner, hint, blockHint, inLink, inPre, inCell, inEmbed, inLines } = frame;
    if (typeof node === 'string') {
      if (inLines && !inPre && !inCell && node.indexOf('\n') >= 0) {
        // A style keeps the source's line breaks: each line is a line of its own, a blank line parts paragraphs.
        const lines = node.split('\n');
        for (let k = 0; ; ) {
          addText(lines[k]!, owner, hint, blockHint, inLink, inPre);
          if (k === lines.length - 1) break;
          let breaks = 1;
          k++;
          while (k < lines.length - 1 && !/\S/.test(lines[k]!)) {
            breaks++;
            k++;
          }
          flush(breaks >= 2 ? 2 : 1);
        }
        continue;
      }
      if (buf && !inPre && !inCell && isParagraphGap(node, buf)) {
        flush(2);
        continue;
      }
      addText(node, owner, hint, blockHint, inLink, inPre);
      continue;
    }
    const big = holdsTheStory(node);
    // An embedded post is the story's (someone's statement the reporter quotes); inside it only its controls drop.
    const embed = inEmbed || isEmbeddedPost(node);
    if (!big && (embed ? isDroppedInEmbed(node) : isDropped(node, shown))) continue;
    if (embed && !inEmbed) embeds.push(node);
    const childHint = hint ?? (big ? null : elementKind(node));
    const tag = node.tag;
    const blockStrength = PARAGRAPH_TAGS.has(tag) ? 2 : LINE_TAGS.has(tag) || labels.isLabel(node) ? 1 : 0;
    // Office exports (Word, Google Docs) wrap every cell's text in paragraphs: inside a cell a block
    // is a space, so the row stays one line of cells the table reader can read.
    const strength = inCell && !TABLE_TAGS.has(tag) ? 0 : blockStrength;
    if (blockStrength && !strength) buf += ' ';
    if (strength) flush(strength);
    else if (CELL_TAGS.has(tag) && buf) buf += CELL_GAP;
    if (tag === 'br') continue;
    if (tag === 'a' && isBackReference(node)) continue;
    const mark = tag === 'a' ? footnoteNumber(node) : null;
    if (mark) {
      stack.push({ node: `[${mark}]`, owner, hint: childHint, blockHint, inLink: true, inPre, inCell, inEmbed: embed });
      continue;
    }
    if (strength) stack.push(strength);
    const childOwner = strength ? node : owner;
    const childBlockHint = strength ? childHint : blockHint;
    // A named anchor without a target (a word processor's bookmark round a heading: <a name="_Toc12">) links nowhere.
    const link = inLink || (tag === 'a' && node.attrs.href !== undefined);
    const pre = inPre || tag === 'pre';
    const keepLines = inLines || (preWrapped !== null && preWrapped.has(node));
    // A table inside a cell (a layout table's) is read as tables are.
    const cell = CELL_TAGS.has(tag) ? dataTables.holds(node) : inCell && tag !== 'table';
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i]!, owner: childOwner, hint: childHint, blockHint: childBlockHint, inLink: link, inPre: pre, inCell: cell, inEmbed: embed, inLines: keepLines });
    }
    // A numbered note's number, drawn by the browser, is written out ("[2] "), as a plain-text note list has it.
    const noteMark = tag === 'li' ? noteMarks.markOf(node) : null;
    if (noteMark) stack.push({ node: noteMark, owner: childOwner, hint: childHint, blockHint: childBlockHint, inLink: false, inPre: pre, inCell: cell, inEmbed: embed });
  }
  flush(2);
  return { text: parts.join(''), blocks, embeds };
}

/** White space holding a blank line; text that ends a sentence (a closing quote or bracket may follow). */
const BLANK_LINE = /^[ \t\r]*\n[ \t\r]*\n\s*$/;
const SENTENCE_END = /[.!?]["'”’)\]]?\s*$/;

/**
 * A blank line in the source between inline runs, after a finished sentence: text set with its line breaks kept (a
 * video's or a profile's description, shown pre-wrapped by the site's style sheet), whose writer parted paragraphs
 * there. A browser without the style sheet runs them on; read as one block, a sponsor's line would open the story.
 */
function isParagraphGap(node: string, buf: string): boolean {
  return node.length >= 2 && BLANK_LINE.test(node) && SENTENCE_END.test(buf);
}

/** Longest text of a table's cell read as one datum; a page laid out in a table holds its story in a cell. */
const MAX_DATA_CELL = 300;
/** Fewest rows of two cells or more in a table of data. */
const MIN_DATA_ROWS = 2;

/**
 * Tables of data, told from tables that lay out a page or an e-mail: rows of two cells or more, every cell short (a
 * figure, a period, a source), no table inside. A layout table's cells are columns and boxes of their own, whose
 * paragraphs stay paragraphs.
 */
class DataTables {
  private readonly tables = new Map<HtmlElement, boolean>();

  /** Whether the cell belongs to a table of data. */
  holds(cell: HtmlElement): boolean {
    let table = cell.parent;
    while (table && table.tag !== 'table') table = table.parent;
    if (!table) return false;
    let answer = this.tables.get(table);
    if (answer === undefined) this.tables.set(table, (answer = isDataTable(table)));
    return answer;
  }
}

function isDataTable(table: HtmlElement): boolean {
  let rows = 0;
  const stack: HtmlElement[] = [table];
  while (stack.length) {
    for (const c of stack.pop()!.children) {
      if (typeof c === 'string') continue;
      if (c.tag === 'table') return false;
      if (c.tag !== 'tr') {
        stack.push(c);
        continue;
      }
      let cells = 0;
      for (const td of c.children) {
        if (typeof td === 'string' || !CELL_TAGS.has(td.tag)) continue;
        if (hasTable(td) || textOf(td).trim().length > MAX_DATA_CELL) return false;
        cells++;
      }
      if (cells >= 2) rows++;
    }
  }
  return rows >= MIN_DATA_ROWS;
}

function hasTable(el: HtmlElement): boolean {
  const stack: HtmlElement[] = [el];
  while (stack.length) {
    for (const c of stack.pop()!.children) {
      if (typeof c === 'string') continue;
      if (c.tag === 'table') return true;
      stack.push(c);
    }
  }
  return false;
}

/** Boxes whose parts are labels of their own. */
const LABEL_BOX_TAGS = new Set(['div', 'figcaption', 'figure', 'section', 'aside', 'header', 'footer']);
const LABEL_TAGS = new Set(['span', 'time']);
/** Fewest words of each label: spans that style the words of one line ("<span>By</span> <span>Ann Lee</span>") are shorter. */
const MIN_LABEL_WORDS = 3;

/**
 * A box that holds only spans, each a phrase of its own, and no text between them: a chart's
 * title, subtitle and source line, its annotations ("Peak: … (Jan 2024)"), a byline's parts. Style
 * sets them on lines of their own; run together they would read as one sentence ("Chart: Shells by
 * month Estimated rounds sent …"), so each is a line.
 */
class LabelBoxes {
  private readonly boxes = new Map<HtmlElement, boolean>();

  isLabel(el: HtmlElement): boolean {
    const box = el.parent;
    if (!LABEL_TAGS.has(el.tag) || !box || !LABEL_BOX_TAGS.has(box.tag)) return false;
    let answer = this.boxes.get(box);
    if (answer === undefined) this.boxes.set(box, (answer = holdsOnlyLabels(box)));
    return answer;
  }
}

function holdsOnlyLabels(box: HtmlElement): boolean {
  let labels = 0;
  for (const c of box.children) {
    if (typeof c === 'string') {
      if (/\S/.test(c)) return false;
      continue;
    }
    if (isDropped(c)) continue;
    if (!LABEL_TAGS.has(c.tag) || textOf(c).trim().split(/\s+/).length < MIN_LABEL_WORDS) return false;
    labels++;
  }
  return labels >= 2;
}

/**
 * The number of a footnote link (`<a href="#footnote-2">2</a>`, `<a href="#fn3">3</a>`): a link
 * within the page whose whole text is a number of up to three digits. Newsletter and blog
 * platforms write it bare after a word ("… years.1 I was …"), where it would read as a count or a
 * decimal; it is rendered in brackets ("[1]"), as encyclopedias write theirs. Null otherwise.
 */
function footnoteNumber(el: HtmlElement): string | null {
  const href = el.attrs.href;
  if (!href || href.charCodeAt(0) !== 35 /* # */ || el.children.length !== 1) return null;
  const only = el.children[0]!;
  if (typeof only !== 'string') return null;
  const t = only.trim();
  return t.length >= 1 && t.length <= 3 && /^\d+$/.test(t) ? t : null;
}

/** Arrows a footnote's link back to its anchor is drawn with: ↩ ↑ ^ ⤴ (an emoji selector may follow). */
const BACK_ARROW = /^\s*[\u21a9\u2191^\u2934\u21b5]\ufe0e?\s*$/;

/**
 * The link from a footnote back to its anchor (`<a href="#fnref1">↩</a>`): a control, not text; left
 * in, it would end the footnote's last sentence.
 */
function isBackReference(el: HtmlElement): boolean {
  const href = el.attrs.href;
  if (!href || href.charCodeAt(0) !== 35 /* # */ || el.children.length !== 1) return false;
  const only = el.children[0]!;
  return typeof only === 'string' && only.length <= 4 && BACK_ARROW.test(only);
}

/**
 * Marks the gap between two cells of a table row while white space is collapsed; it becomes a tab,
 * as plain-text tables set cells apart, so a row reads as cells ("NIS⇥Oct 2024⇥13,000+") and the
 * table reader can take a cell's unit from its column's label.
 */
const CELL_GAP = '\u001f';
const CELL_GAPS = /[ ]?\u001f[ ]?/g;
const EDGE_GAPS = /^[\u001f\s]+|[\u001f\s]+$/g;

function cellGaps(s: string): string {
  if (s.indexOf(CELL_GAP) < 0) return s;
  return s.replace(EDGE_GAPS, '').replace(CELL_GAPS, '\t');
}

/** The white space collapse() acts on (isWhite), as a regex character class. */
const WHITE = '\\t\\n\\f\\r\\u00a0\\u2000-\\u200b\\u2028\\u2029\\u3000';
/** A run of white space other than one plain space: a space and more, or any other white character first. */
const WHITE_RUN = new RegExp(`(?: [${WHITE} ]+|[${WHITE}][${WHITE} ]*)`, 'g');

/**
 * Runs of white space become one space; ends trimmed. The ends are trimmed by hand; inner runs are
 * found by a regex, which reads long text much faster than a loop over its characters.
 */
function collapse(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isWhite(s.charCodeAt(a))) a++;
  while (b > a && isWhite(s.charCodeAt(b - 1))) b--;
  return (a === 0 && b === s.length ? s : s.slice(a, b)).replace(WHITE_RUN, ' ');
}

function isWhite(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0 || c === 0x200b || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
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
  const stack: HtmlElement[] = [el];
  while (stack.length) for (const c of stack.pop()!.children) if (typeof c === 'string') n += c.trim().length; else stack.push(c);
  return n;
}
