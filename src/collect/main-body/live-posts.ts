// The posts of a live page set as text: each post opens with its time stamp ("18:40 GMT", a bare "22:15" over a
// headline), a headline and a byline. When later posts' stamps stand inside the story, the first post's stamp and
// header open the story, as the later posts' headers are inside it; an article's own time line above its headline,
// with no post stamped under it, stays the page's. A reader of the story's opening (story-opening.ts).
import type { BlockRole } from './cues.js';
import type { TextBlock } from './text-block.js';

/** A post's time stamp on a line of its own: "18:40 GMT", "1:58 p.m. ET, January 13, 2025", "09.15 BST, 4 May". */
// A time zone or a day goes with the time: a record of debate stamps its turns with a bare time ("1.47 pm").
const POST_STAMP = /^\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s[A-Z]{2,4}(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?|,? \d{1,2} [A-Z][a-z]{2,8}(?: \d{4})?)?|,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?|,? \d{1,2} [A-Z][a-z]{2,8}(?: \d{4})?)$/;

/** Longest such stamp. */
const MAX_POST_STAMP = 40;

/** Most blocks (headline, byline) between a post's stamp and its first paragraph. */
const MAX_POST_HEADER = 3;

function isPostStamp(t: string): boolean {
  const c = t.charCodeAt(0);
  return t.length <= MAX_POST_STAMP && c >= 48 && c <= 57 && POST_STAMP.test(t);
}

/**
 * A live page's posts each open with a stamp, a headline and a byline: the first post's header is the story's, as the
 * headers of the later posts inside it are. Read only when a later post's stamp stands inside the story, so an
 * article's own time line above its headline stays the page's.
 */
export function firstPostStamp(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number, end: number): number {
  let stamp = -1;
  let bare = false;
  for (let k = start - 1; k >= 0 && k >= start - MAX_POST_HEADER; k--) {
    if (isPostStamp(blocks[k]!.text)) {
      stamp = k;
      break;
    }
    if (k + 1 < start && isHeadedBareStamp(blocks, roles, k)) {
      stamp = k;
      bare = true;
      break;
    }
    if (roles[k]!.role === 'prose' || roles[k]!.role === 'tail') return start;
  }
  if (stamp < 0) return start;
  for (let j = start + 1; j <= end; j++) if (bare ? isHeadedBareStamp(blocks, roles, j) : isPostStamp(blocks[j]!.text)) return stamp;
  return start;
}

/** A bare time of the day on the 24-hour clock, "22:15", "07:40": a live page's stamp when a headline stands under it. */
const BARE_STAMP = /^(?:[01]?\d|2[0-3]):[0-5]\d$/;

/**
 * A live page that stamps its posts with the bare time ("22:15" over the post's headline): the time alone could be a
 * record of debate's stamp over a turn, so it is a post's only with a heading right under it, as a later post's is too.
 */
function isHeadedBareStamp(blocks: readonly TextBlock[], roles: readonly BlockRole[], k: number): boolean {
  const t = blocks[k]!.text;
  return t.length <= 5 && k + 1 < blocks.length && roles[k + 1]!.role === 'heading' && BARE_STAMP.test(t);
}
