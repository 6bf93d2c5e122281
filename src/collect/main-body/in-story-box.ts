import { endsSentence, isHeaderFurniture, labelOf, type BlockRole } from './cues.js';
import type { TextBlock } from './text-block.js';
import { findDate } from '../dates.js';

/**
 * A box a news page sets between a story's paragraphs, copied with them as text: a paywall's prompt ("Subscribe to
 * continue reading", its offer, "Subscribe now", "Already a subscriber? Log in") or a box of links to other stories
 * ("Also read" over two headlines). Its label reads as one that opens end matter, yet the story's paragraphs go on
 * under the box: the box is the page's furniture inside the story (its offer's prices and its headlines' figures are no
 * claims), not the story's end. Under the story, such a label is followed by end matter: short lines, one paragraph
 * at a time, or nothing; here a run of the story's paragraphs must follow the box's few short lines.
 */

/** Most lines of a box under its label. */
const MAX_BOX_LINES = 5;
/** Longest line of a box (an offer, a headline): shorter than a paragraph of the story. */
const MAX_BOX_LINE = 200;
/** Longest headline in a box of links. */
const MAX_BOX_HEADLINE = 150;
/** Fewest paragraphs of the story's prose under the box. */
const MIN_PARAGRAPHS_AFTER = 2;
/** Fewest characters of those paragraphs, one after another. */
const MIN_PROSE_AFTER = 400;
/** Shortest paragraph counted in that run. */
const MIN_PARAGRAPH = 40;

/** A paywall's or a sign-up box's label ("Subscribe to continue reading", "Sign up to read more", "Subscribe"). */
const PAYWALL_LABEL = /^(?:subscribe|sign up|log ?in|register)\b(?: (?:now|today|for free))?(?: (?:to|and) (?:continue|keep) reading| to read (?:more|on|the (?:full|rest))| (?:to|for) (?:get )?(?:full|unlimited) access)?$|^(?:continue|keep) reading with .{1,40}$/;
/** A box of links set in a story ("Also read", "Read also", "See also", "Read more", "Related"). */
const LINK_BOX_LABEL = /^(?:also read|read also|see also|read more|related|more on this(?: story| topic)?|recommended)$/;

/**
 * The last line of a box opened by the end-matter label at block `label`, with a run of the story's paragraphs right
 * under it; -1 when the label opens no such box.
 */
export function inStoryBoxEnd(blocks: readonly TextBlock[], roles: readonly BlockRole[], label: number): number {
  const role = roles[label]!;
  // The cheap gate: a promotion's or related links' label, short.
  if (role.role !== 'tail' || (role.kind !== 'promo' && role.kind !== 'related')) return -1;
  const t = blocks[label]!.text;
  if (t.length > 60) return -1;
  const name = labelOf(t);
  const links = role.kind === 'related';
  if (!(links ? LINK_BOX_LABEL : PAYWALL_LABEL).test(name)) return -1;
  let last = label;
  for (let i = label + 1; i < blocks.length && i <= label + MAX_BOX_LINES; i++) {
    const b = blocks[i]!;
    const r = roles[i]!;
    // The story's paragraphs again: the box ends above them.
    if (r.role === 'prose' && (b.text.length >= MAX_BOX_LINE || storyRunFrom(blocks, roles, i))) break;
    // A box's lines: a paywall's offer and buttons; a links box's headlines, never a byline or a date line (a story
    // carried in full under its headline, not a link).
    if (links ? r.role !== 'heading' || b.text.length > MAX_BOX_HEADLINE || endsSentence(b.text) || isHeaderFurniture(b) || findDate(b.text) !== null : b.text.length >= MAX_BOX_LINE || (r.role === 'tail' && r.kind !== 'promo')) return -1;
    last = i;
  }
  if (last === label) return -1;
  return storyRunFrom(blocks, roles, last + 1) ? last : -1;
}

/** A run of the story's paragraphs opens at block `from`: at least two, one after another, with enough prose. */
function storyRunFrom(blocks: readonly TextBlock[], roles: readonly BlockRole[], from: number): boolean {
  let chars = 0;
  let paragraphs = 0;
  for (let i = from; i < blocks.length; i++) {
    const r = roles[i]!;
    if (r.role === 'furniture') continue;
    const t = blocks[i]!.text;
    if (r.role !== 'prose' || t.length < MIN_PARAGRAPH || !endsSentence(t)) break;
    chars += t.length;
    if (++paragraphs >= MIN_PARAGRAPHS_AFTER && chars >= MIN_PROSE_AFTER) return true;
  }
  return false;
}
