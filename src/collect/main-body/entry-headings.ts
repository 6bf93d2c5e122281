import type { BlockRole } from './cues.js';
import { hasColumnGap, type TextBlock } from './text-block.js';

/**
 * A reference work's entries (a yearbook's country entries, a gazetteer's, a register's) each open with a heading that
 * gives the entry's name and its code: "Korea, Republic of ROK", "Japan JPN", "China, People's Republic of PRC". A copy
 * of one entry often runs on into the start of the next, with figures of its own: the story is the entry under the
 * headline, and it ends above the next heading of the same form (another name, another code).
 */

/** Longest entry heading. */
const MAX_HEADING = 80;
/** Fewest and most letters of an entry's code. */
const MIN_CODE = 2;
const MAX_CODE = 5;
/** Most blocks of furniture (a page head, a rule) between the headline and the story's first block. */
const MAX_ABOVE = 3;

/** Most blocks (data lines, section labels) between an entry's heading and its first paragraph of prose. */
const MAX_DATA_ABOVE_PROSE = 12;

/**
 * The entry's first block when the story found at `found` (its first paragraph of prose) lies under an entry heading
 * with only the entry's data lines and labels between ("Population 5,618,000", "Capabilities"): an entry opens under its
 * heading. `found` otherwise.
 */
export function entryStart(blocks: readonly TextBlock[], roles: readonly BlockRole[], found: number): number {
  for (let i = found - 1; i >= 0 && i >= found - MAX_DATA_ABOVE_PROSE; i--) {
    const role = roles[i]!.role;
    if (role === 'furniture') continue;
    if (role !== 'heading' && role !== 'item') return found;
    if (entryCode(blocks[i]!.text) === null) continue;
    let first = i + 1;
    while (first < found && roles[first]!.role === 'furniture') first++;
    return first;
  }
  return found;
}

/**
 * The index of the heading that opens the next entry after `first` (the story's first block), or the number of blocks:
 * only when the heading right above the story (past furniture) is an entry heading itself, and the next one opens its
 * entry as the story does (both with a table, or both with prose): entries repeat their layout, where a section heading
 * inside the entry that spells out an abbreviation ("Special Operations Forces SOF") sits over whatever its section holds.
 */
export function nextEntryHeading(blocks: readonly TextBlock[], roles: readonly BlockRole[], first: number): number {
  const headline = headlineAbove(blocks, roles, first);
  if (headline === null) return blocks.length;
  const table = hasColumnGap(blocks[first]!.text);
  for (let i = first + 1; i < blocks.length; i++) {
    if (roles[i]!.role !== 'heading') continue;
    const code = entryCode(blocks[i]!.text);
    if (code === null || code === headline) continue;
    let next = i + 1;
    while (next < blocks.length && roles[next]!.role === 'furniture') next++;
    if (next < blocks.length && hasColumnGap(blocks[next]!.text) === table) return i;
  }
  return blocks.length;
}

/** The code of the entry heading right above block `first`, or null when there is none. */
function headlineAbove(blocks: readonly TextBlock[], roles: readonly BlockRole[], first: number): string | null {
  for (let i = first - 1; i >= 0 && i >= first - 1 - MAX_ABOVE; i--) {
    const role = roles[i]!.role;
    if (role === 'furniture' || blocks[i]!.hint !== undefined) continue;
    return role === 'heading' ? entryCode(blocks[i]!.text) : null;
  }
  return null;
}

/**
 * The code closing an entry heading, or null: a name of capitalised words (with "of", "the", "and" and a comma between),
 * in mixed case, then a word in capitals whose letters the name holds in order, the first of them a word's initial
 * ("Democratic People's Republic of DPRK" ⊃ D…P…R…K). A heading closed by an unrelated acronym ("Talks stall at the UN",
 * "New Sanctions On DPRK") is none.
 */
export function entryCode(t: string): string | null {
  if (t.length > MAX_HEADING) return null;
  const space = t.lastIndexOf(' ');
  if (space <= 0) return null;
  const code = t.slice(space + 1);
  if (code.length < MIN_CODE || code.length > MAX_CODE || !isCapitals(code)) return null;
  const name = t.slice(0, space);
  const words = name.replace(/,/g, ' ').split(' ').filter((w) => w.length > 0);
  let lower = false;
  for (const w of words) {
    const c = w.charCodeAt(0);
    if (c >= 65 && c <= 90) {
      if (w.length > 1 && w !== w.toUpperCase()) lower = true;
      continue;
    }
    if (!LINKING_WORDS.has(w)) return null;
  }
  return lower && abbreviates(name, code) ? code : null;
}

/** Small words a name may hold between its capitalised ones. */
const LINKING_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'da', 'do', 'del', 'y', 'et', '&']);

function isCapitals(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/**
 * Whether the code's letters come in order from the name's letters, the first of them a word's initial ("Japan" ⊃
 * J…P…N). A name a reference work inverts at its comma ("Korea, Republic of") is read in its natural order too
 * ("Republic of Korea" ⊃ R…O…K).
 */
function abbreviates(name: string, code: string): boolean {
  const comma = name.indexOf(',');
  if (comma > 0 && startsCode(`${name.slice(comma + 1)} ${name.slice(0, comma)}`, code)) return true;
  return startsCode(name.replace(/,/g, ' '), code);
}

/** Whether, from some word that opens with the code's first letter, the rest of the name holds the code's letters in order. */
function startsCode(name: string, code: string): boolean {
  const words = name.split(' ').filter((w) => w.length > 0);
  const initial = code.charCodeAt(0) | 32;
  for (let start = 0; start < words.length; start++) {
    if ((words[start]!.charCodeAt(0) | 32) === initial && inOrder(words.slice(start).join(' ').toUpperCase(), code)) return true;
  }
  return false;
}

function inOrder(letters: string, code: string): boolean {
  let at = 0;
  for (let i = 0; i < code.length; i++) {
    at = letters.indexOf(code[i]!, i === 0 ? 0 : at + 1);
    if (at < 0) return false;
  }
  return true;
}
