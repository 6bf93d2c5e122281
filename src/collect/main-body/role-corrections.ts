// Corrections to the roles cues.ts gives each block alone, made over the whole text before the story is looked for,
// since they need the blocks around: the running heads, page numbers and repeated web addresses of a text copied from
// print are furniture wherever a page breaks (so none ends the story), and a "Source:" line right under a table's last
// row is the table's note, the story's, not a photograph's credit.
import type { BlockRole } from './cues.js';
import { FORM_FEED, PAGE_NUMBER } from './numbered-lines.js';
import { MAX_RUNNING_LINE, type TextBlock } from './text-block.js';

/**
 * Page furniture of text converted from print (pdftotext): the line after a form feed (the running
 * header), page numbers ("… · Page 1 of 3") and a web address repeated on every page. It lies
 * inside the story when a page breaks there, so it is furniture rather than the story's end.
 * (Lines repeated with other digits are not furniture: a timeline repeats its dates' shape.)
 */
export function markPageFurniture(blocks: TextBlock[], roles: BlockRole[]): void {
  let addresses: Map<string, number> | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i]!.text;
    if (t.length > MAX_RUNNING_LINE || roles[i]!.role === 'furniture' || roles[i]!.role === 'tail') continue;
    let page = t.charCodeAt(0) === FORM_FEED || (t.length >= 6 && endsAsPageNumber(t) && PAGE_NUMBER.test(t));
    if (!page && t.startsWith('http') && !t.includes(' ')) {
      addresses ??= countAddresses(blocks);
      page = (addresses.get(t) ?? 0) >= 2;
    }
    if (page) roles[i] = { role: 'furniture', kind: 'footer' };
  }
}

/**
 * The cheap test before the case-blind PAGE_NUMBER: the line ends in a digit or '-', and opens with "page" or '-' or
 * has " of " before its last number (of at most four digits).
 */
function endsAsPageNumber(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  if (!((c >= 48 && c <= 57) || c === 45)) return false;
  const first = t.charCodeAt(0);
  return first === 45 || (first | 32) === 112 || t.slice(-9).toLowerCase().includes(' of ');
}

function countAddresses(blocks: TextBlock[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const b of blocks) if (b.text.startsWith('http')) seen.set(b.text, (seen.get(b.text) ?? 0) + 1);
  return seen;
}

/** A note naming a table's source: "Source: Army (data submitted …)", "Sources: Customs; Railways". */
const TABLE_SOURCE_NOTE = /^sources?\s*:\s*\S/i;

/** A row of a table holding a figure: a pipe row, or cells set apart by tabs or runs of spaces, one of them a figure. */
const FIGURE_ROW = /^\|.*\d.*\|$|^\S.*(?:\t| {2,})[^\t]*\d/;

/**
 * "Source: Army (…)" right under a table's last row: the table's own note, part of the story as the table is, not a
 * photograph's credit (which a "Source:" line under a picture is).
 */
export function markTableSourceNotes(blocks: TextBlock[], roles: BlockRole[]): void {
  for (let i = 1; i < blocks.length; i++) {
    const r = roles[i]!;
    if (r.role !== 'furniture' || r.kind !== 'other' || blocks[i]!.hint !== undefined) continue;
    const t = blocks[i]!.text;
    if ((t.charCodeAt(0) | 32) !== 115 || !TABLE_SOURCE_NOTE.test(t)) continue;
    if (FIGURE_ROW.test(blocks[i - 1]!.text.trim())) roles[i] = { role: 'prose' };
  }
}
