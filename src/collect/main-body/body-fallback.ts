import { findDate } from '../dates.js';
import { endsSentence, isAdSlotLabel, isProse, isReaderNote, isReadingTime, isShareButton, isSubscribeButton, type BlockRole } from './cues.js';
import type { TextBlock } from './text-block.js';

/**
 * A check on the story the finder chose, for layouts its readers do not know: a body that is a small part of the page's
 * prose while a far longer run of prose paragraphs stands elsewhere (a closing note taken for the story of a column of
 * items, a standfirst cut off from its story by a note or a button the finder read as end matter) gives way to that
 * run. A run is paragraphs of sentences that the finder did not set aside (no markup hint, no furniture, no end-matter
 * label) one after another: the stories of a page come so, where comments and related links come one short paragraph
 * at a time under their names or headlines. The run is looked for only where end matter cannot be: above the body, not
 * itself under an end-matter label, or right under the label that ended the body when that label is no end matter's (a
 * share or subscribe button, an advertisement's slot, an editors' note, a byline over the date), never past comments,
 * related stories, disclosures or a closing mark.
 */

/** Fewest characters of a paragraph counted as the page's prose. */
const MIN_PROSE_PARAGRAPH = 40;
/** Largest share of a paragraph's characters inside links: more, and it is a list of links, not prose. */
const MAX_LINK_SHARE = 0.5;
/** Fewest paragraphs of a run that may replace the body. */
const MIN_RUN_PARAGRAPHS = 2;
/** Fewest characters of such a run. */
const MIN_RUN = 600;
/** How many times the body's length the run must hold (and the page's prose, the body's at least). */
const RUN_RATIO = 4;
/** How many times a body of one paragraph the run must hold. */
const ONE_PARAGRAPH_RATIO = 2;
/** Share of the prose under a crossed label that the run must hold: the story there, not one comment among others. */
const MIN_RUN_SHARE = 0.6;
/** Most blocks (caption, byline, date, a subheading) between a crossed label and the run. */
const MAX_HEADER_BLOCKS = 6;
/** Longest line read as a date or reading-time line under a byline label. */
const MAX_DATE_LINE = 80;

/**
 * A paragraph of the page's prose: sentences the finder did not set aside (no markup hint, no furniture, no end-matter
 * label), long enough to be more than a caption or a label, and not a list of links.
 */
function isProseParagraph(b: TextBlock, role: BlockRole): boolean {
  if (b.hint !== undefined || (role.role !== 'prose' && role.role !== 'item')) return false;
  const t = b.text;
  if (t.length < MIN_PROSE_PARAGRAPH || (b.linkDensity ?? 0) > MAX_LINK_SHARE || !endsSentence(t)) return false;
  return role.role === 'prose' || isProse(t);
}

export interface ProseRun {
  first: number;
  last: number;
  chars: number;
  paragraphs: number;
}

/**
 * The run of prose paragraphs to read the story from instead of the body found from `start` to `end` (block indices), or
 * null when the body stands: the run must hold several times the body and at least MIN_RUN characters.
 */
export function fallbackRun(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number, end: number): ProseRun | null {
  const body = blocks[end]!.end - blocks[start]!.start;
  // A body of one paragraph (a notice above the page, a standfirst cut off from its story) gives way to a shorter run.
  const needed = Math.max(MIN_RUN, body * (start === end ? ONE_PARAGRAPH_RATIO : RUN_RATIO));
  // The cheap gates: the page's text, then its prose, must hold several times the body (most bodies are most of it).
  if (blocks[blocks.length - 1]!.end - blocks[0]!.start < needed) return null;
  let page = 0;
  for (let i = 0; i < blocks.length; i++) if (isProseParagraph(blocks[i]!, roles[i]!)) page += blocks[i]!.text.length;
  if (page < needed) return null;
  const above = runAbove(blocks, roles, start, end, needed);
  const below = runBelow(blocks, roles, end, needed);
  return above === null ? below : below === null || above.chars >= below.chars ? above : below;
}

/**
 * The longest run that opens above the body's first block (the finder took the prose under it for the story: a closing
 * note under a column of items, the first paragraph under a list it read as the header's). The run may lie above an
 * end-matter label that the body lies under, but not under one itself: a list of headlines set under "Most read" at the
 * top of a page is that box's, not a story.
 */
function runAbove(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number, end: number, needed: number): ProseRun | null {
  let best: ProseRun | null = null;
  for (const run of proseRuns(blocks, roles, 0, end)) {
    if (run.first >= start) break;
    if (run.chars >= needed && (best === null || run.chars > best.chars) && !underEndMatterLabel(blocks, roles, run.first)) best = run;
  }
  return best;
}

/** Block `first` lies under an end-matter label, with no paragraph of prose between them. */
function underEndMatterLabel(blocks: readonly TextBlock[], roles: readonly BlockRole[], first: number): boolean {
  for (let i = first - 1; i >= 0; i--) {
    const role = roles[i]!;
    if (role.role === 'tail') return !opensStory(blocks, roles, i, first);
    if (isProseParagraph(blocks[i]!, role)) return false;
  }
  return false;
}

/**
 * The run right under the label that ended the body, when that label is one a page sets above its story (a button, an
 * advertisement's slot, an editors' note, a byline over the date) and the run is most of the prose before the next
 * end-matter label.
 */
function runBelow(blocks: readonly TextBlock[], roles: readonly BlockRole[], end: number, needed: number): ProseRun | null {
  // The label: the first block of end matter under the body, only short lines or furniture between.
  let label = end + 1;
  while (label < blocks.length && roles[label]!.role !== 'tail') {
    if (isProseParagraph(blocks[label]!, roles[label]!)) return null;
    label++;
  }
  if (label >= blocks.length) return null;
  // Under a label with no prose at all beneath it before the next one (a masthead's "Subscribe" over the menu), the
  // run is looked for under that next label when it too is one a page sets above its story (a share bar over the
  // first paragraph): a notice above the page taken for the story stands over both.
  for (let crossed = 0; ; crossed++) {
    let next = label + 1;
    while (next < blocks.length && roles[next]!.role !== 'tail') next++;
    let best: ProseRun | null = null;
    for (const run of proseRuns(blocks, roles, label + 1, next - 1)) if (best === null || run.chars > best.chars) best = run;
    let prose = 0;
    for (let i = label + 1; i < next; i++) if (isProseParagraph(blocks[i]!, roles[i]!)) prose += blocks[i]!.text.length;
    if (prose === 0 && next < blocks.length && crossed < MAX_CROSSED_LABELS && opensStory(blocks, roles, label, next) && opensStory(blocks, roles, next, next + 1)) {
      label = next;
      continue;
    }
    return best === null || best.chars < needed || best.chars < prose * MIN_RUN_SHARE ? null : runUnderLabel(blocks, roles, label, best);
  }
}

/** Most labels with nothing but short lines under them crossed to the run under the next. */
const MAX_CROSSED_LABELS = 2;

/** The run `best` under the label at block `label`, when only a story's header lies between them and the label is one a page sets above a story. */
function runUnderLabel(blocks: readonly TextBlock[], roles: readonly BlockRole[], label: number, best: ProseRun): ProseRun | null {
  let header = 0;
  for (let i = label + 1; i < best.first; i++) {
    if (roles[i]!.role === 'furniture') continue;
    // A comment's stamp ("Ann Vale · 2 hours ago", "Reply"): comments under a share bar, not a story under its header.
    if (++header > MAX_HEADER_BLOCKS || isCommentStamp(blocks[i]!.text)) return null;
  }
  return opensStory(blocks, roles, label, best.first) ? best : null;
}

/** Longest line read as a comment's stamp. */
const MAX_COMMENT_STAMP = 80;
/** A time told as an age ("2 hours ago", "3h ago", "a day ago"), or a comment's own controls and verbs. */
const COMMENT_STAMP = /\b(?:\d+|an?|one)\s?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)\s+ago\b|^reply$|\b(?:says|wrote):$/i;

function isCommentStamp(t: string): boolean {
  return t.length <= MAX_COMMENT_STAMP && COMMENT_STAMP.test(t);
}

/**
 * A label a page sets above its story as well as under it: a share or subscribe button, an advertisement's slot, an
 * editors' note on the story ("Correction: …"), or a byline label ("Written by Ann Vale") with the date under it.
 */
function opensStory(blocks: readonly TextBlock[], roles: readonly BlockRole[], label: number, first: number): boolean {
  const b = blocks[label]!;
  if (isShareButton(b) || isSubscribeButton(b) || isAdSlotLabel(b) || isReaderNote(b.text)) return true;
  const role = roles[label]!;
  if (role.role !== 'tail' || role.kind !== 'byline' || !/^written by /i.test(b.text)) return false;
  for (let i = label + 1; i < first; i++) {
    const t = blocks[i]!.text;
    if (t.length <= MAX_DATE_LINE && (findDate(t) !== null || isReadingTime(t))) return true;
  }
  return false;
}

/** Runs of prose paragraphs from `from` to `to`, at least two paragraphs each, with only furniture between them. */
function proseRuns(blocks: readonly TextBlock[], roles: readonly BlockRole[], from: number, to: number): ProseRun[] {
  const runs: ProseRun[] = [];
  let run: ProseRun | null = null;
  for (let i = from; i <= to; i++) {
    const role = roles[i]!;
    if (role.role === 'furniture') continue;
    if (isProseParagraph(blocks[i]!, role)) {
      if (run === null) run = { first: i, last: i, chars: 0, paragraphs: 0 };
      run.last = i;
      run.chars += blocks[i]!.text.length;
      if (++run.paragraphs === MIN_RUN_PARAGRAPHS) runs.push(run);
    } else run = null;
  }
  return runs;
}
