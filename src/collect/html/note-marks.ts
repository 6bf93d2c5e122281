import { isFootnotes } from './element-hints.js';
import { textOf, type HtmlElement } from './html-tree.js';

/**
 * The numbers a browser draws before the entries of a page's numbered notes (`<section class="footnotes"><ol><li
 * id="fn1">…`), which are no text of the markup. Rendered as the marks a plain-text note list writes ("[1] TASS,
 * 17 June 2025."), the list reads as notes wherever the text is read: the story's end is found above a list that only
 * cites its sources, as it is for notes written out with their marks.
 */
export class NoteMarks {
  private readonly lists = new Map<HtmlElement, boolean>();

  /** The mark to set before a list item ("[3] "), or null when it is no numbered note or writes its own mark. */
  markOf(li: HtmlElement): string | null {
    const list = li.parent;
    if (!list || list.tag !== 'ol') return null;
    let isNotes = this.lists.get(list);
    if (isNotes === undefined) this.lists.set(list, (isNotes = isNoteList(list)));
    if (!isNotes || OWN_MARK.test(textOf(li))) return null;
    return `[${itemNumber(list, li)}] `;
  }
}

/** A note's id ("fn3", "footnote-3", "endnote_3", Word's "_edn3" and "_ftn3"). */
const NOTE_ID = /^(?:fn|ftn|edn|_ftn|_edn|foot-?note|end-?note)[-_:]?\d{1,3}$/i;
/** An entry that opens with a mark of its own ("[2] …", "2. …", "2) …"). */
const OWN_MARK = /^\s*(?:\[\d{1,3}\]|\d{1,3}[.)])/;
/** How far above the list its notes section may stand (section → div → ol). */
const MAX_SECTION_DEPTH = 2;

/** A numbered list of notes: set in a footnotes section, or its entries bear notes' ids. */
function isNoteList(list: HtmlElement): boolean {
  let el: HtmlElement | null = list;
  for (let depth = 0; el && depth <= MAX_SECTION_DEPTH; depth++, el = el.parent) if (isFootnotes(el)) return true;
  const first = list.children.find((c): c is HtmlElement => typeof c !== 'string' && c.tag === 'li');
  return first !== undefined && first.attrs.id !== undefined && NOTE_ID.test(first.attrs.id);
}

/** The number the browser gives the item: the list's `start`, counted on, or the item's own `value`. */
function itemNumber(list: HtmlElement, li: HtmlElement): number {
  const start = Number.parseInt(list.attrs.start ?? '', 10);
  let n = Number.isFinite(start) ? start - 1 : 0;
  for (const c of list.children) {
    if (typeof c === 'string' || c.tag !== 'li') continue;
    const value = Number.parseInt(c.attrs.value ?? '', 10);
    n = Number.isFinite(value) ? value : n + 1;
    if (c === li) break;
  }
  return n;
}
