// Wire copy, told by the dateline opening a paragraph ("SEOUL, April 30 (Orbis) - …"): a wire story opens at its
// dateline's paragraph, under the short header lines a wire sets above it (headline, "(Adds …)", summary bullets,
// byline); a news-in-brief roundup, whose items each open with a dateline under a headline, opens at its first item's
// headline; and the agency the dateline names tells its closing note (read by trailing-furniture.ts).
import { WIRE_DATELINE } from '../wire-dateline.js';
import type { BlockRole } from './cues.js';
import type { TextBlock } from './text-block.js';

/** Most blocks of header matter (an editors' note, a summary) between a roundup's title and its first item. */
const MAX_BRIEFS_NOTE_BLOCKS = 2;

/** Longest such note. */
const MAX_BRIEFS_NOTE = 400;

/** Most short blocks (headline, update note, summary bullets, byline) read over to a wire story's dateline. */
const MAX_WIRE_HEADER_BLOCKS = 8;

/** Longest block of such a header. */
const MAX_WIRE_HEADER_BLOCK = 200;

/**
 * A wire story opens its first paragraph with its dateline ("SEOUL/WASHINGTON, April 30 (Orbis) - …"): the short
 * blocks above it that close no sentence (a headline, "(Adds … in paragraph 6)", summary bullets, the byline) are its
 * header, not the story. The dateline's block, when such a header is all that stands before it; else `first`.
 */
export function startAtWireDateline(blocks: readonly TextBlock[], first: number, end: number): number {
  for (let j = first; j <= end && j <= first + MAX_WIRE_HEADER_BLOCKS; j++) {
    // An indented paragraph (wire copy indents each one) opens with its dateline after the indent.
    const text = blocks[j]!.text.trimStart();
    if (opensWithDateline(text)) return opensAnotherItem(blocks, j, end) ? first : j;
    // A header's lines state no sentence: a block closed by a full stop is already the story.
    if (text.length > MAX_WIRE_HEADER_BLOCK || /[.!?]["'”’)]*$/.test(text)) return first;
  }
  return first;
}

/** The agency a wire story's dateline names in brackets ("SEOUL, Oct 14 (Meridian) -"), or null. */
export function datelineAgency(blocks: readonly TextBlock[], first: number, end: number): string | null {
  for (let j = first; j < end && j <= first + MAX_WIRE_HEADER_BLOCKS; j++) {
    const text = blocks[j]!.text.trimStart();
    if (!opensWithDateline(text)) continue;
    const dateline = WIRE_DATELINE.exec(text)![0];
    const open = dateline.indexOf('(');
    return open < 0 ? null : dateline.slice(open + 1, dateline.indexOf(')', open));
  }
  return null;
}

/** Shortest paragraph a wire story's dateline opens. */
const MIN_DATELINE_PARAGRAPH = 100;

/** A paragraph opened by a wire dateline and then the story's first sentence ("MLRS — 1,294 (+2)" is a tally's line). */
export function opensWithDateline(text: string): boolean {
  if (text.length < MIN_DATELINE_PARAGRAPH) return false;
  const m = WIRE_DATELINE.exec(text);
  if (m === null) return false;
  const c = text.charCodeAt(m[0].length);
  return c >= 65 && c <= 90;
}

/** Whether a later block of the body opens with a wire dateline too: a roundup of items, each with its headline. */
function opensAnotherItem(blocks: readonly TextBlock[], j: number, end: number): boolean {
  for (let k = j + 1; k <= end; k++) if (opensWithDateline(blocks[k]!.text.trimStart())) return true;
  return false;
}

/** Block i is an item's headline: a heading right above a paragraph that opens with a wire dateline. */
function isBriefHeadline(blocks: readonly TextBlock[], roles: readonly BlockRole[], i: number): boolean {
  const next = blocks[i + 1];
  return roles[i]!.role === 'heading' && next !== undefined && roles[i + 1]!.role === 'prose' && WIRE_DATELINE.test(next.text);
}

/**
 * A news-in-brief roundup: items, each a headline over a paragraph that opens with its own wire
 * dateline. The headlines are the story's section headings, the first one too, and a short note
 * above the first item (what the roundup covers, when its items moved) is the roundup's header.
 * The story then starts at the first item's headline; with fewer than two such items, at `start`.
 */
export function firstBriefHeadline(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number, end: number): number {
  let first = -1;
  let items = 0;
  for (let i = Math.max(0, start - 1); i < end && items < 2; i++) {
    if (!isBriefHeadline(blocks, roles, i)) continue;
    if (first < 0) first = i;
    items++;
  }
  if (items < 2 || first === start) return start;
  if (first === start - 1) return first;
  // Only a short note of prose lies between the start found and the first item.
  if (first - start > MAX_BRIEFS_NOTE_BLOCKS) return start;
  for (let i = start; i < first; i++) {
    if (roles[i]!.role !== 'prose' || blocks[i]!.text.length > MAX_BRIEFS_NOTE || WIRE_DATELINE.test(blocks[i]!.text)) return start;
  }
  return first;
}
