import type { BlockRole } from './cues.js';
import { endsSentence } from './cues.js';
import type { TextBlock } from './text-block.js';
import { findDate } from '../dates.js';
import { digitCount, leadingNumber } from '../text/paragraph-numbers.js';

/**
 * A video or radio agency's script as it is sent to clients: a header of fields ("SLUG: …", "DURATION: 03:41",
 * "RESTRICTIONS: …"), then the shotlist (numbered shots, grouped under their source and their place and date, a
 * soundbite's words under its numbered label), then the storyline. Some fields read as sentences ("VERSION: Full
 * script."), yet the header is no story; and the shots above the first soundbite's words are the story's as the shots
 * after them are.
 */

/** A field opening its line: a label of one to three words, the first capitalised, a colon and the value. */
const FIELD_LINE = /^[A-Z][A-Za-z]*(?: [A-Za-z]+){0,2}: \S/;
/** Fewest fields in a row that make a header of fields. */
const MIN_FIELDS = 4;
/** Most blocks (a title, the agency's name) above the fields. */
const MAX_TITLE_BLOCKS = 3;
/** Most of the fields that may read as sentences: a header's values are mostly names, codes and times. */
const MAX_PROSE_SHARE = 1 / 3;

/**
 * The block after a header of fields when the story found at `first` is one of its fields, else -1. The fields are
 * at least MIN_FIELDS lines in a row, each under its own label (a transcript's turns repeat their speakers, and are
 * sentences), with at most a title above them, and their labels do not come back below (a log's entries repeat them).
 */
export function fieldHeaderEnd(blocks: readonly TextBlock[], roles: readonly BlockRole[], first: number): number {
  if (first >= blocks.length || !FIELD_LINE.test(blocks[first]!.text)) return -1;
  let top = first;
  while (top > 0 && FIELD_LINE.test(blocks[top - 1]!.text)) top--;
  if (top > MAX_TITLE_BLOCKS) return -1;
  for (let i = 0; i < top; i++) if (roles[i]!.role === 'prose') return -1;
  let bottom = first;
  while (bottom + 1 < blocks.length && FIELD_LINE.test(blocks[bottom + 1]!.text)) bottom++;
  const count = bottom - top + 1;
  if (count < MIN_FIELDS) return -1;
  const labels = new Set<string>();
  let prose = 0;
  for (let i = top; i <= bottom; i++) {
    const t = blocks[i]!.text;
    labels.add(t.slice(0, t.indexOf(':')).toUpperCase());
    if (roles[i]!.role === 'prose') prose++;
  }
  if (labels.size !== count || prose > count * MAX_PROSE_SHARE) return -1;
  // A header is given once: a form whose labels come again below (a log of reports, entry by entry) is the story's.
  let again = 0;
  for (let i = bottom + 1; i < blocks.length; i++) {
    const t = blocks[i]!.text;
    if (FIELD_LINE.test(t) && labels.has(t.slice(0, t.indexOf(':')).toUpperCase()) && ++again >= MAX_LABELS_AGAIN) return -1;
  }
  return bottom + 1;
}
/** Most of the header's labels that may come again below it (a closing "Source:" line). */
const MAX_LABELS_AGAIN = 2;

/** Most header lines (the source and its restriction, the place and date) over a group of shots. */
const MAX_GROUP_HEADER = 3;
/** Longest such line. */
const MAX_GROUP_HEADER_LINE = 100;

/**
 * The shotlist's first line when the story found at `start` is the words under a numbered shot ("5. SOUNDBITE
 * (Korean) …:" over the quote), with shots 1 to 4 above it and shot 6 below: the shots counting up to it, and the header
 * lines of their group when the later groups of the story have such lines too (a source's line and a place and date
 * over shot 9, as over shot 1). `start` otherwise.
 */
export function shotlistOpening(blocks: readonly TextBlock[], roles: BlockRole[], start: number, end: number): number {
  // The start found may be a shot itself (a soundbite's label read as the lead-in of the words under it).
  let k = start < blocks.length && isShotLine(blocks[start]!, roles[start]!) ? start : start - 1;
  if (k < 0 || !isShotLine(blocks[k]!, roles[k]!)) return start;
  const last = shotNumber(blocks[k]!.text);
  if (nextShotNumber(blocks, k + 1, end) !== last + 1) return start;
  for (let n = last; n > 1; n--) {
    k--;
    if (k < 0 || !isShotLine(blocks[k]!, roles[k]!) || shotNumber(blocks[k]!.text) !== n - 1) return start;
  }
  let header = groupHeaderLines(blocks, roles, start, end);
  if (header === 0) return k;
  while (header > 0 && k > 0 && isGroupHeader(blocks[k - 1]!, roles[k - 1]!)) {
    k--;
    header--;
  }
  markSourceLines(blocks, roles, k, end);
  return k;
}

/**
 * A group's line that gives no date is its source and the client's restrictions ("POOL - No access local
 * broadcasters for 24 hours"): the agency's terms, set inside the story as apparatus (a credit, kind footer), whose figures are no claim. The
 * place and date line stays the story's: it dates the soundbites under it.
 */
function markSourceLines(blocks: readonly TextBlock[], roles: BlockRole[], from: number, end: number): void {
  for (let j = from; j <= end; j++) {
    if (shotNumber(blocks[j]!.text) > 0 || !isGroupHeader(blocks[j]!, roles[j]!) || findDate(blocks[j]!.text) !== null) continue;
    // Only a line of a group's header: a shot follows it, maybe under the place and date line.
    const next = j + 1 <= end && shotNumber(blocks[j + 1]!.text) < 0 && isGroupHeader(blocks[j + 1]!, roles[j + 1]!) ? j + 2 : j + 1;
    if (next <= end && shotNumber(blocks[next]!.text) > 0) roles[j] = { role: 'furniture', kind: 'footer' };
  }
}

/** How many header lines stand over a later group of the story's shots (between shot n - 1 and shot n), else 0. */
function groupHeaderLines(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number, end: number): number {
  for (let j = start + 1; j <= end; j++) {
    const n = shotNumber(blocks[j]!.text);
    if (n < 2 || !isGroupHeader(blocks[j - 1]!, roles[j - 1]!)) continue;
    let i = j - 1;
    while (i > start && j - i <= MAX_GROUP_HEADER && isGroupHeader(blocks[i]!, roles[i]!)) i--;
    if (shotNumber(blocks[i]!.text) === n - 1) return j - 1 - i;
  }
  return 0;
}

/** A group's header line: a short line that is no shot, no sentence and no label ending in a colon ("SHOTLIST:"). */
function isGroupHeader(b: TextBlock, role: BlockRole): boolean {
  const t = b.text;
  return role.role === 'heading' && t.length <= MAX_GROUP_HEADER_LINE && shotNumber(t) < 0 && t.charCodeAt(t.length - 1) !== 58 && !endsSentence(t);
}

function isShotLine(b: TextBlock, role: BlockRole): boolean {
  return (role.role === 'heading' || role.role === 'item') && shotNumber(b.text) > 0;
}

/** The number of the first numbered line after `from` (up to `end`), else -1. */
function nextShotNumber(blocks: readonly TextBlock[], from: number, end: number): number {
  for (let j = from; j <= end; j++) {
    const n = shotNumber(blocks[j]!.text);
    if (n > 0) return n;
  }
  return -1;
}

/** The number opening a numbered line ("12. Wide of …", "3) Close of …"), else -1. */
function shotNumber(t: string): number {
  const n = leadingNumber(t, 0);
  if (n < 0) return -1;
  const i = digitCount(n);
  const mark = t.charCodeAt(i);
  return (mark === 46 || mark === 41) && t.charCodeAt(i + 1) === 32 ? n : -1;
}
