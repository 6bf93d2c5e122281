// Openings of a story that is not prose first: a table set in columns above its first paragraph (a budget exhibit), a
// form of numbered sections of labelled fields (a tenders-portal notice). main-body.ts asks these where the story starts.
import { endsSentence, type BlockRole } from './cues.js';
import { hasColumnGap, type TextBlock } from './text-block.js';

/** A run of three blanks or more: the gap between two columns of a plain-text row. */
export const COLUMN_GAP = / {3,}|\t+/;

/** Fewest rows of a table set in columns above the story's first paragraph. */
const MIN_TABLE_ROWS = 3;
/** Fewest figures in a row of such a table's data. */
const MIN_ROW_FIGURES = 3;
/** A table's cell that is a figure ("55,420", "8,962.114", "-", "(12.5)"). */
const FIGURE_CELL = /^[-–(]?\$?\d[\d,.]*\)?%?$|^[-–]$/;

/**
 * A table set in columns right above the story's first paragraph (a budget exhibit's "Resource Summary" rows of
 * figures, copied from print, over its "Note:" and sections): its rows are the story's data, and the story opens
 * with its heading row. `start` when the lines right above it are no such table: at least three lines, each set in
 * columns, line after line with no blank between them, two of them rows of at least three figures.
 */
export function tableAbove(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number): number {
  let top = start;
  let dataRows = 0;
  for (let i = start - 1; i >= 0; i--) {
    const b = blocks[i]!;
    const r = roles[i]!.role;
    if (r === 'tail' || r === 'prose' || b.text.length > MAX_TABLE_LINE || !hasColumnGap(b.text)) break;
    if (i < start - 1 && blocks[i + 1]!.start - b.end > 1) break;
    let figures = 0;
    for (const cell of b.text.trim().split(COLUMN_GAP)) if (FIGURE_CELL.test(cell)) figures++;
    if (figures >= MIN_ROW_FIGURES) dataRows++;
    top = i;
  }
  return start - top >= MIN_TABLE_ROWS && dataRows >= 2 ? top : start;
}
/** Longest line of such a table. */
const MAX_TABLE_LINE = 200;

/** Longest label of a form's field ("Estimated value excluding VAT:"). */
const MAX_FIELD_LABEL = 80;
/** Fewest field labels above the first paragraph that make the text a form of labelled fields. */
const MIN_FORM_LABELS = 6;

/**
 * The heading of section 1 of a form of labelled fields above the story's first paragraph at `first` (a notice's "1.
 * Buyer" over "Official name:", its value, "Legal type of the buyer:" …): the fields are the notice's content as much
 * as its paragraphs are, and the first section opens it. -1 when the blocks above hold no such form.
 */
export function labelledFormStart(blocks: readonly TextBlock[], roles: readonly BlockRole[], first: number): number {
  let labels = 0;
  let one = -1;
  for (let i = first - 1; i >= 0; i--) {
    const role = roles[i]!.role;
    if (role === 'furniture') continue;
    if (role !== 'heading' && role !== 'item') break;
    const t = blocks[i]!.text;
    if (t.length <= MAX_FIELD_LABEL && t.charCodeAt(t.length - 1) === 58 /* : */) labels++;
    else if (role === 'heading' && sectionNumber(t) === 1) one = i;
  }
  return labels >= MIN_FORM_LABELS && one >= 0 ? one : -1;
}

/** A field's label or value, or a section's heading: a line of a form that ends no sentence. */
export function isFieldLine(b: TextBlock, role: BlockRole): boolean {
  return role.role === 'furniture' || ((role.role === 'heading' || role.role === 'item') && !endsSentence(b.text));
}

/** The number of a numbered section's opening line ("2. Response of the government", "3) Outlook"), else 0. */
export function sectionNumber(t: string): number {
  const a = t.charCodeAt(0) - 48;
  if (a < 1 || a > 9) return 0;
  let i = 1;
  let n = a;
  const b = t.charCodeAt(1) - 48;
  if (b >= 0 && b <= 9) {
    n = n * 10 + b;
    i = 2;
  }
  const mark = t.charCodeAt(i);
  return (mark === 46 || mark === 41) && t.charCodeAt(i + 1) === 32 ? n : 0;
}
