import type { BlockRole } from './cues.js';
import { isEndMark } from './cues.js';
import type { TextBlock } from './text-block.js';

/** Most header lines of the companion release read for a line of the first release's header. */
const MAX_COMPANION_HEADER = 4;
/** Most header lines above the story read for the lines the companion repeats. */
const MAX_STORY_HEADER = 8;
/** Fewest characters of a repeated header line (an office's name, a date): a bare "Home" or "|" is no issuer. */
const MIN_HEADER_LINE = 8;
/** Fewest characters of prose the companion must hold between its header and its own end mark. */
const MIN_COMPANION_PROSE = 200;

/**
 * A release issued together with the story (a joint statement and its fact sheet, a statement and its annex): under
 * the story's end mark ("###") a second header repeats a line of the first one's (the issuing office, the day) and a
 * body of prose runs to an end mark of its own. The two are one document; the first end mark is a seam, not the end.
 * Returns the companion's repeated header line when block i, an end mark, is such a seam, else -1. Notes to editors
 * or contacts under an end mark repeat no header line and close with none.
 */
export function companionHeader(blocks: readonly TextBlock[], roles: readonly BlockRole[], first: number, i: number): number {
  if (!isEndMark(blocks[i]!)) return -1;
  const header = new Set<string>();
  for (let j = Math.max(0, first - MAX_STORY_HEADER); j < first; j++) {
    const t = blocks[j]!.text.trim();
    if (t.length >= MIN_HEADER_LINE) header.add(t.toLowerCase());
  }
  if (header.size === 0) return -1;
  let repeated = -1;
  for (let j = i + 1; j < blocks.length && j <= i + MAX_COMPANION_HEADER; j++) {
    if (header.has(blocks[j]!.text.trim().toLowerCase())) repeated = j;
  }
  if (repeated < 0) return -1;
  let prose = 0;
  for (let j = repeated + 1; j < blocks.length; j++) {
    if (isEndMark(blocks[j]!)) return prose >= MIN_COMPANION_PROSE ? repeated : -1;
    if (roles[j]!.role === 'prose') prose += blocks[j]!.text.length;
  }
  return -1;
}
