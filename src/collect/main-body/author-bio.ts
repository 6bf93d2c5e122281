import { opensWithBy } from './cues.js';
import type { TextBlock } from './text-block.js';
import { lazyRegExp } from '../text/lazy-regexp.js';
import { asOneByte } from '../text/one-byte.js';

/**
 * A signed piece (a commentary, an op-ed, a column) closes with a note about its author: "Ann Vale is a senior
 * fellow at …", "Ann Vale previously served …". The note is the outlet's, not the piece's. Only a name the byline
 * gives is looked for, so a story whose last paragraph is about a person it reports on keeps that paragraph.
 */

/** "By Ann Vale", "By Ann Vale and Li Wen", "By Ann Vale, Senior Fellow": the byline's names. */
const BYLINE_NAMES = lazyRegExp(() => /^By\s+(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})(?:\s+and\s+(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}))?/u);

/** Longest byline read for names. */
const MAX_BYLINE = 120;

/** The authors the byline lines above the story name (full names of two to four capitalised words). */
export function bylineAuthors(header: readonly TextBlock[]): string[] {
  const names: string[] = [];
  for (const b of header) {
    const t = b.text;
    // Tested before the Unicode regex, which is costly to compile and run (and run on a one-byte copy: asOneByte).
    if (t.length > MAX_BYLINE || !opensWithBy(t)) continue;
    const m = BYLINE_NAMES().exec(asOneByte(t));
    if (m === null) continue;
    names.push(m[1]!);
    if (m[2] !== undefined) names.push(m[2]);
  }
  return names;
}

/** What an author note says next to the name: who the author is or has been, what the author does. */
const BIO_VERB = /^,?\s+(?:is|was|has been|had been|previously|formerly|served|teaches|writes|covers|leads|directs|heads|worked)\b/;

/** Longest author note (a few sentences). */
const MAX_BIO = 600;

/** Longest signature line. */
const MAX_SIGNATURE = 160;

/**
 * A short paragraph opening with an author's name and saying who the author is, or the signature a paper sets under
 * the story: the byline's names again, with no sentence ("Ann Vale (Kyiv) and Li Wen (Brussels)").
 */
export function isAuthorBio(block: TextBlock, authors: readonly string[]): boolean {
  const t = block.text;
  if (t.length > MAX_BIO) return false;
  for (const name of authors) {
    if (!t.startsWith(name)) continue;
    if (BIO_VERB.test(t.slice(name.length, name.length + 20))) return true;
    if (t.length <= MAX_SIGNATURE && !/[.!?:]["'”’]*$/.test(t) && !/[.!?]\s/.test(t)) return true;
  }
  return false;
}

/** The full name opening a paragraph: two to four capitalised words. Read only under a byline or a date line. */
const OPENING_NAME = lazyRegExp(() => /^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}/u);

/**
 * A note about the author set right under the byline, above the piece ("Ann Vale is a senior fellow at …" under
 * "Dr Ann Vale | 3 May 2025 | 6 minute read"): it opens with a name the byline line gives and says who that is.
 * `byline` is the line above; the caller has made sure it is a byline's or a date's line.
 */
export function isAuthorNoteUnder(block: TextBlock, byline: string): boolean {
  const t = block.text;
  const c = t.charCodeAt(0);
  if (t.length > MAX_BIO || c < 65 || c > 90) return false;
  const m = OPENING_NAME().exec(t.slice(0, 80));
  if (m === null) return false;
  // The regex may run on into the verb's capitalised neighbour; shorten the name to what the byline holds.
  let name = m[0];
  while (!byline.includes(name)) {
    const cut = name.lastIndexOf(' ');
    if (cut < 0 || name.indexOf(' ') === cut) return false;
    name = name.slice(0, cut);
  }
  return BIO_VERB.test(t.slice(name.length, name.length + 20));
}
