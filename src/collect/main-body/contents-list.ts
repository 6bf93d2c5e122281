import type { BlockRole } from './cues.js';
import type { TextBlock } from './text-block.js';

/**
 * A table of contents at the top of a report copied from print ("Contents", then "1. Findings ........ 3" lines): front
 * matter, however its entries read (they are headings, and a short first page's notes above them read as prose). The
 * story starts under the first section the list names, where its title comes again as a heading.
 */

/** How far into the text (in blocks) a contents list is looked for: a cover page and a title page's lines. */
const MAX_BLOCKS_ABOVE = 40;
/** Fewest entries a contents list has under its label; without one, dotted leaders on this many lines in a row. */
const MIN_LABELLED_ENTRIES = 2;
const MIN_UNLABELLED_ENTRIES = 3;
/** Longest entry line ("4. Implications for South Korea …… 5" and its leader). */
const MAX_ENTRY = 160;

/**
 * "Contents", "Table of contents", "CONTENTS", "In this report", "Contents of this Part" (a chapter's own list, in a report
 * printed in parts), maybe in brackets ("[Table of contents]").
 */
const CONTENTS_LABEL = /^[[(<]?(?:table of contents|contents(?: of this (?:part|chapter|section|volume|report))?|in this (?:report|issue|paper|brief))[\])>]?:?$/i;
/**
 * An entry: its title, then a dotted leader (or a gap of two spaces or a tab) and its page number, arabic or roman, or a
 * part's letter or number and the page within it ("V-2", "3-14", as a report printed in parts numbers its pages). A title
 * long enough to squeeze its leader to one spaced dot ("… Federation . V-7") still has one. Group 1 is the title.
 */
const ENTRY = /^(\S.*?\S)(?:\s*(?:\.\s?){3,}\s*|\s*(?:…\s*)+|\s\.\s+|\t+\s*| {2,})(?:\d{1,3}|[ivxlc]{1,6}|(?:[A-Z]{1,4}|\d{1,2})-\d{1,3})$/i;
const LEADER = /(?:\.\s?){3,}|…|\s\.\s/;
/** Longest label CONTENTS_LABEL takes ("[table of contents]:"). */
const MAX_LABEL = 20;
/**
 * An entry inside a block of joined lines (a hard-wrapped text joins a list's lines into one paragraph): its title, a
 * dotted leader and its page number, then a space or the block's end. Group 1 is the title. Read from `lastIndex` on.
 */
const JOINED_ENTRY = /\s*(\S.*?\S)(?:\s*(?:\.\s?){3,}\s*|\s\.\s+)(?:\d{1,3}|[ivxlc]{1,6}|(?:[A-Z]{1,4}|\d{1,2})-\d{1,3})(?=\s|$)/iy;
/** A note in brackets closing a list: "(Only section 2 is given here.)". */
const LIST_NOTE = /^\s*\([^()]{1,120}\)\s*$/;
/** Most characters of a block of joined entries read. */
const MAX_JOINED = 2000;

/** Whether the line may hold a LEADER: a "…", or a full stop with another one or two characters on. */
function mayHoldLeader(t: string): boolean {
  if (t.indexOf('…') >= 0) return true;
  // Read within the string: a read past its end (a line closing on its full stop) makes V8 throw the compiled loop away.
  const n = t.length;
  for (let i = t.indexOf('.'); i >= 0; i = t.indexOf('.', i + 1)) if ((i + 1 < n && t.charCodeAt(i + 1) === 46) || (i + 2 < n && t.charCodeAt(i + 2) === 46)) return true;
  return false;
}

/**
 * The index of the first block of the story under a contents list (the first block under the heading that repeats the
 * first entry found again below the list), or -1 when the text opens with no contents list or its sections are not
 * found again.
 */
export function contentsListStart(blocks: readonly TextBlock[], roles: readonly BlockRole[]): number {
  const limit = Math.min(blocks.length, MAX_BLOCKS_ABOVE);
  for (let i = 0; i < limit; i++) {
    const t = blocks[i]!.text.trim();
    const labelled = t.length <= MAX_LABEL && CONTENTS_LABEL.test(t);
    // Cheap gate: a list opens at its label, or at a line ending in a page number after a leader.
    if (!labelled && !(mayHoldLeader(t) && LEADER.test(t))) continue;
    const titles: string[] = [];
    let leaders = 0;
    let j = labelled ? i + 1 : i;
    for (; j < blocks.length; j++) {
      const line = blocks[j]!.text.trim();
      if (roles[j]!.role === 'furniture' && titles.length === 0) continue;
      const m = line.length <= MAX_ENTRY ? ENTRY.exec(line) : null;
      if (m === null) {
        const joined = joinedEntries(line);
        if (joined === null) break;
        titles.push(...joined);
        leaders += joined.length;
        continue;
      }
      titles.push(normalised(m[1]!));
      if (LEADER.test(line)) leaders++;
    }
    const enough = labelled ? titles.length >= MIN_LABELLED_ENTRIES : leaders >= MIN_UNLABELLED_ENTRIES;
    if (!enough) {
      if (labelled) continue;
      i = Math.max(i, j - 1);
      continue;
    }
    return sectionUnder(blocks, roles, j, titles);
  }
  return -1;
}

/**
 * The first paragraph of prose between the list's end (`from`) and the first listed section's heading (`heading`): an
 * overview a part opens with before its first section, which its list does not name. -1 when there is none (a note in
 * brackets closing the list is no overview).
 */
function overviewAbove(blocks: readonly TextBlock[], roles: readonly BlockRole[], from: number, heading: number): number {
  for (let n = from; n < heading; n++) {
    const t = blocks[n]!.text;
    if (roles[n]!.role === 'prose' && !LIST_NOTE.test(t)) return n;
  }
  return -1;
}

/**
 * The titles of a block of entries joined into one paragraph ("I. Overview ...... 3 II. Business ...... 11"), two at
 * least and nothing else but a closing note in brackets; null otherwise.
 */
function joinedEntries(line: string): string[] | null {
  if (line.length > MAX_JOINED || !mayHoldLeader(line)) return null;
  const titles: string[] = [];
  let at = 0;
  JOINED_ENTRY.lastIndex = 0;
  for (let m = JOINED_ENTRY.exec(line); m !== null; m = JOINED_ENTRY.exec(line)) {
    titles.push(normalised(m[1]!));
    at = JOINED_ENTRY.lastIndex;
  }
  if (titles.length < MIN_LABELLED_ENTRIES) return null;
  const rest = line.slice(at);
  return rest.trim() === '' || LIST_NOTE.test(rest) ? titles : null;
}

/** The first block under the first listed section's heading found from `from` on, or -1. */
function sectionUnder(blocks: readonly TextBlock[], roles: readonly BlockRole[], from: number, titles: readonly string[]): number {
  const wanted = new Set(titles);
  for (let k = from; k < blocks.length; k++) {
    const t = blocks[k]!.text;
    if (t.length > MAX_ENTRY || !wanted.has(normalised(t.trim()))) continue;
    const overview = overviewAbove(blocks, roles, from, k);
    if (overview >= 0) return overview;
    // The section opens under its heading: its first block that is not page furniture.
    for (let n = k + 1; n < blocks.length; n++) if (roles[n]!.role !== 'furniture') return n;
    return -1;
  }
  return -1;
}

/** A title as compared: spaces collapsed, small letters, a closing colon dropped. */
function normalised(t: string): string {
  return t.replace(/\s+/g, ' ').replace(/:$/, '').toLowerCase();
}
