import { lazyRegExp } from '../text/lazy-regexp.js';
import type { BlockRole } from './cues.js';
import type { TextBlock } from './text-block.js';

/**
 * A letters page: letters to the editor, each opening on a salutation ("Sir —", "Madam,", "Dear Editor,", "To the
 * Editor:") and closing on its writer's signature block: a name, then the writer's town, or title and town, on a line or
 * two ("Mara Quint / Eastport", "Chair, Harbour Users' Group, Eastport"). The signature under the last letter is part
 * of the page's letters, as those under the others are, though it is no prose.
 */

/** A letter's salutation opening its first paragraph. */
const LETTER_SALUTATION = /^(?:Sir|Madam|Sir or Madam|Dear (?:Sir|Madam|Sir or Madam|Editor|Editors)|To the Editors?)\s*(?:[—–-]|,|:)/;
/** A writer's name as a signature sets it: two to four capitalised words, hyphened or with initials. */
const WRITER_NAME = lazyRegExp(() => /^(?:(?:Dr|Prof|Rev|Mr|Mrs|Ms)\.? )?\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}$/u);
/** Longest line of a signature block (a title, a body and a town: "Chair, … Association in …, Ansan, Gyeonggi Province"). */
const MAX_SIGNATURE_LINE = 120;
/** Most lines of a signature block: the name and up to two lines of title and place. */
const MAX_SIGNATURE_LINES = 3;

/** Whether the block opens a letter with a salutation (cheap: the first letter is S, M, D or T). */
export function opensLetter(block: TextBlock): boolean {
  const c = block.text.charCodeAt(0);
  return (c === 83 || c === 77 || c === 68 || c === 84) && LETTER_SALUTATION.test(block.text);
}

/** The words a salutation opens with, looked for at a line's start before the regex is run. */
const SALUTATION_OPENERS = ['Sir', 'Madam', 'Dear ', 'To the Editor'];

/** Whether a line of text[start, end) opens a letter with a salutation: the text is a letter or a letters page. */
export function holdsLetterSalutation(text: string, start: number, end: number): boolean {
  for (const opener of SALUTATION_OPENERS) {
    for (let at = text.indexOf(opener, start); at >= 0 && at < end; at = text.indexOf(opener, at + 1)) {
      if ((at === 0 || text.charCodeAt(at - 1) === 10) && LETTER_SALUTATION.test(text.slice(at, at + 40))) return true;
    }
  }
  return false;
}

/**
 * Whether blocks[end] closes the signature block of a letter on a letters page that starts at `first`: it and at most
 * one heading before it hold up to three short lines, the first a name, right under a paragraph of prose; the page's
 * first block opens a letter.
 */
export function closesLetterSignature(blocks: readonly TextBlock[], roles: readonly BlockRole[], first: number, end: number): boolean {
  if (end <= first + 1 || roles[end]!.role !== 'heading' || !opensLetter(blocks[first]!)) return false;
  let k = end;
  let lines = 0;
  while (k > first && roles[k]!.role === 'heading') {
    for (const line of blocks[k]!.text.split('\n')) {
      if (line.length > MAX_SIGNATURE_LINE) return false;
      lines++;
    }
    k--;
  }
  if (lines > MAX_SIGNATURE_LINES || roles[k]!.role !== 'prose' || k === end) return false;
  const nameLine = blocks[k + 1]!.text.split('\n', 1)[0]!.trim();
  return WRITER_NAME().test(nameLine);
}
