import type { TextBlock } from './text-block.js';
import { isRuleLine } from './text-block.js';

/**
 * A document of the US Federal Register as the Government Publishing Office's plain-text file gives it: bracketed
 * header lines ("[Federal Register Volume 90, Number 212 (…)]", "[Notices]", "[Pages …]", "[FR Doc No: …]"), a rule,
 * the agency's lines, the docket in brackets, the title and a caption set flush left, then the document's paragraphs;
 * notes set between dashed rules, each opened by its number between backslashes ("\1\ The Regulations …"); and the
 * filing line ("[FR Doc. … Filed …]") and billing code last. The heading above the first paragraph is the document's
 * as a headline is a story's; a note block after the last paragraph only cites, as a trailing list of endnotes does
 * (citation-notes.ts). Notes between paragraphs stay in the body.
 */

/** What opens the file's first line. */
const REGISTER_HEADER = '[Federal Register Volume ';
/** Shortest block read as the document's first paragraph (the agency lines, title and caption are short lines). */
const MIN_FIRST_PARAGRAPH = 200;
/** A note block: its number between backslashes, then its text. */
const NOTE_BLOCK = /^\\\d{1,3}\\\s/;

/** Whether the blocks are a Federal Register document's text file (its first block opens with the header). */
export function isRegisterFile(blocks: readonly TextBlock[]): boolean {
  return blocks.length > 2 && blocks[0]!.text.startsWith(REGISTER_HEADER);
}

/** The block of the document's first paragraph: the first long block under the header, or -1. */
export function registerFirstParagraph(blocks: readonly TextBlock[], before: number): number {
  for (let i = 1; i < blocks.length && i < before; i++) {
    const t = blocks[i]!.text;
    if (t.length >= MIN_FIRST_PARAGRAPH && !isRuleLine(t) && !NOTE_BLOCK.test(t)) return i;
  }
  return -1;
}

/** The body's last block once the note blocks and their rules after its last paragraph are left out. */
export function beforeTrailingNotes(blocks: readonly TextBlock[], start: number, end: number): number {
  let k = end;
  let notes = false;
  while (k > start && (isRuleLine(blocks[k]!.text) || NOTE_BLOCK.test(blocks[k]!.text))) {
    if (!isRuleLine(blocks[k]!.text)) notes = true;
    k--;
  }
  return notes ? k : end;
}
