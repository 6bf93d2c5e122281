import { lazyRegExp } from '../text/lazy-regexp.js';
import { isAsterism, type BlockRole } from './cues.js';
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

/** Whether a line (or paragraph) opens a letter with a salutation ("Sir,", "Sir —", "Dear Editor,", "To the Editor:"). */
export function opensWithSalutation(line: string): boolean {
  return mayOpenSalutation(line, 0) && LETTER_SALUTATION.test(line);
}

/**
 * Cheap test: text[at] and text[at + 1] are the first two letters of a salutation ("Si", "Ma", "De", "To"): a block
 * opening "The …" or "She …" runs no regex.
 */
function mayOpenSalutation(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  const d = text.charCodeAt(at + 1);
  return (c === 83 && d === 105) || (c === 77 && d === 97) || (c === 68 && d === 101) || (c === 84 && d === 111);
}

/** Whether a line is a letter's signature by its form: a writer's name alone, or a name and a town after commas. */
export function isSignatureLine(line: string): boolean {
  return line.length <= MAX_SIGNATURE_LINE && (WRITER_NAME().test(line) || SIGNATURE_LINE().test(line));
}

/** Whether the block opens a letter with a salutation (cheap: the first letter is S, M, D or T). */
export function opensLetter(block: TextBlock): boolean {
  return mayOpenSalutation(block.text, 0) && LETTER_SALUTATION.test(block.text);
}

/**
 * The words a salutation opens with, at a line's start, looked for before the salutation's regex is run: one native
 * search through the text (four indexOf loops had read the whole text four times, stopping at every title "Sir").
 */
const SALUTATION_OPENER = /^(?:Sir|Madam|Dear |To the Editor)/gm;

/** Whether a line of text[start, end) opens a letter with a salutation: the text is a letter or a letters page. */
export function holdsLetterSalutation(text: string, start: number, end: number): boolean {
  SALUTATION_OPENER.lastIndex = start;
  for (let m = SALUTATION_OPENER.exec(text); m !== null && m.index < end; m = SALUTATION_OPENER.exec(text)) {
    // The m flag's ^ also follows a carriage return or a line separator: a line here starts after "\n".
    const at = m.index;
    if ((at === 0 || text.charCodeAt(at - 1) === 10) && LETTER_SALUTATION.test(text.slice(at, at + 40))) return true;
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

/**
 * A signature on one line, as a paper sets it under a reader's letter: the writer's name, maybe with a title, then after
 * commas the town, or a post and a town ("Ann Lee, Halifax", "The Rev Tom Hale, Hebden Bridge", "Dr Jo Park, Chair,
 * Tenants' Union, Leeds"). The name alone on its line is WRITER_NAME's.
 */
const SIGNATURE_LINE = lazyRegExp(
  () => /^(?:The )?(?:(?:Dr|Prof|Rev|Revd|Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame|Cllr|Col|Maj|Capt)\.? )*\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}(?:, [^,.;:!?\n]{2,60}){1,3}$/u,
);

/** Whether a block is a letter's signature: a short heading whose first line is a writer's name, or a name and town. */
export function isLetterSignature(block: TextBlock, role: BlockRole): boolean {
  if (role.role !== 'heading') return false;
  const lines = block.text.split('\n');
  if (lines.length > MAX_SIGNATURE_LINES || lines.some((l) => l.length > MAX_SIGNATURE_LINE)) return false;
  const first = lines[0]!.trim();
  return WRITER_NAME().test(first) || SIGNATURE_LINE().test(first);
}

/** Fewest signed letters that make a letters page. */
const MIN_LETTERS = 2;
/** Most blocks between a letter's last paragraph and its signature (none: the signature follows the prose). */
const MAX_LETTER_BLOCKS = 12;

/**
 * A letters page's body, from the first letter's salutation to the signature under the last letter: the masthead, the
 * rules for writing in and an editor's intro above the first letter are the page's, and so are the lines under the last
 * signature (more letters online, the compiler's credit). Read only where two letters at least open on a salutation and
 * close on a signature; [start, end] (block indices) is returned as it is otherwise. A headline over the first letter is
 * a label at the body's start, outside it, as the other letters' headlines are inside.
 */
export function lettersPageSpan(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number, end: number): { start: number; end: number } {
  let first = -1;
  let lastSignature = -1;
  let letters = 0;
  // The letters run on past separators ("* * *") the story's end was found at, up to the page's own end matter.
  const last = pageEnd(blocks, roles, end);
  for (let i = start; i <= last; i++) {
    if (roles[i]!.role !== 'prose' || !opensLetter(blocks[i]!)) continue;
    let k = i + 1;
    while (k <= last && k - i <= MAX_LETTER_BLOCKS && roles[k]!.role === 'prose' && !opensLetter(blocks[k]!)) k++;
    if (k > last || !isLetterSignature(blocks[k]!, roles[k]!)) continue;
    if (first < 0) first = i;
    lastSignature = k;
    letters++;
    i = k;
  }
  if (letters < MIN_LETTERS) return { start, end };
  return { start: Math.max(start, first), end: withPlaceLines(blocks, roles, lastSignature, last) };
}

/** A signature's place line: short, no sentence ("Aarhus, Denmark", "Chair, Tenants' Union, Millbrook"). */
const PLACE_LINE = lazyRegExp(() => /^\p{Lu}[^.!?:;\n]{1,118}$/u);

/**
 * The last block of a signature whose name stands alone on its line: the lines of title and town set under it as blocks
 * of their own ("Jon Ekdahl", then "Treasurer, Tenants' Union, Millbrook"), up to MAX_SIGNATURE_LINES in all.
 */
function withPlaceLines(blocks: readonly TextBlock[], roles: readonly BlockRole[], signature: number, last: number): number {
  let k = signature;
  let lines = blocks[k]!.text.split('\n').length;
  if (!WRITER_NAME().test(blocks[k]!.text.trim())) return k;
  while (k < last && lines < MAX_SIGNATURE_LINES && roles[k + 1]!.role === 'heading' && !blocks[k + 1]!.text.includes('\n') && PLACE_LINE().test(blocks[k + 1]!.text.trim())) {
    k++;
    lines++;
  }
  return k;
}

/** The last block before the first piece of end matter after `end` that is no separator between letters. */
function pageEnd(blocks: readonly TextBlock[], roles: readonly BlockRole[], end: number): number {
  let i = end + 1;
  while (i < blocks.length && (roles[i]!.role !== 'tail' || isAsterism(blocks[i]!.text))) i++;
  return i - 1;
}
