// The story's first and last characters: marks that open or close its first and last blocks but are no words of it (a
// Markdown emphasis or a list's bullet before its first word, a reference mark or a wire's end mark after its last).
// The story's span (MainBody.main) leaves them out, so the stages read the story from its first word to its last.
import type { Span } from '../../domain/span.js';
import { isRegexSpace, referenceMarksLength } from './cues.js';
import type { TextBlock } from './text-block.js';

/** The characters of the story from block `start` to block `end`, without the marks at its two edges. */
export function storyCharacters(blocks: readonly TextBlock[], start: number, end: number): Span {
  const first = blocks[start]!;
  const last = blocks[end]!;
  return { start: first.start + emphasisOpenLength(first.text) + bulletLength(first), end: last.end - referenceMarksLength(last.text) - endMarkLength(last.text) };
}

/** A wire story's end mark run on after its last sentence ("… since the autumn. (END)", "… -ENDS-"). */
const END_MARK = /\s+(?:\((?:END|ENDS|End)\)|-{1,2} ?(?:END|ENDS) ?-{1,2})$/;

/** The length of such an end mark closing the story's last block, else 0: the mark is the wire's, not a word of the story. */
export function endMarkLength(t: string): number {
  if (t.charCodeAt(t.length - 1) !== 41 /* ) */ && t.charCodeAt(t.length - 1) !== 45 /* - */) return 0;
  const m = END_MARK.exec(t);
  return m === null || m.index === 0 ? 0 : m[0].length;
}

/**
 * Length of the Markdown emphasis that opens the story ("*Cho receives us …*", a clipping's italic
 * intro): markup, not the story's first word. A bullet ("* Landings …") is followed by a space and
 * is no emphasis: a list item's is cut by bulletLength, any other keeps its mark.
 */
export function emphasisOpenLength(t: string): number {
  let i = 0;
  while (i < 3 && (t.charCodeAt(i) === 42 || t.charCodeAt(i) === 95)) i++;
  return i > 0 && i < t.length && !isRegexSpace(t.charCodeAt(i)) ? i : 0;
}

/** A list item's bullet and the space after it ("*  ", "• "): the list's mark, not the story's first word. */
const BULLET_MARK = /^[-–—•*▪·◦]\s+/;

/** Length of the bullet opening a list item that opens the story, else 0. */
function bulletLength(b: TextBlock): number {
  if (b.listItem !== true) return 0;
  return BULLET_MARK.exec(b.text)?.[0].length ?? 0;
}
