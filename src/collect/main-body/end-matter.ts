// Where the end matter opens: at the first block under the story that cues.ts reads as a tail label ("Related
// stories", "Comments", a disclosure, "Share"), unless the story goes on past it. A share button or a box of related
// links between paragraphs, a subscribe button or an ad slot's label with a paragraph of the story under it, an
// asterism marking a cut, a running story's "Update:" and a companion release issued under the story's end mark are
// inside the story; they are marked so, and the search goes on below them.
import { companionHeader } from './companion-release.js';
import { inStoryBoxEnd } from './in-story-box.js';
import { isAbstractLabel, isAdSlotLabel, isAsterism, isKeywordsLabel, isReaderAppeal, isShareButton, isSubscribeButton, type BlockRole } from './cues.js';
import type { BoilerplateKind, TextBlock } from './text-block.js';

/**
 * The block that opens the story's end matter, the first tail label under its first block found (`first`) that the
 * story does not go on past; the number of blocks when there is none. Labels the story goes on past become furniture
 * (or prose, a news update) in `roles`.
 */
export function endMatterStart(blocks: TextBlock[], roles: BlockRole[], first: number): number {
  // A paper's keywords follow its abstract: under an abstract their label opens no end matter.
  const paper = first > 0 && isAbstractLabel(blocks[first - 1]!);
  for (let i = first + 1; i < blocks.length; i++) {
    if (roles[i]!.role !== 'tail') continue;
    const below = labelInsideStory(blocks, roles, first, i);
    if (below >= 0) {
      i = below;
      continue;
    }
    if (!(paper && isKeywordsLabel(blocks[i]!))) return i;
  }
  return blocks.length;
}

/**
 * The tail label at `i` stands inside the story, which goes on past it: the label is marked so in `roles`, and the
 * last block it takes is returned (a companion release's header takes several), else -1.
 */
function labelInsideStory(blocks: TextBlock[], roles: BlockRole[], first: number, i: number): number {
  if ((isShareButton(blocks[i]!) || isLinkBox(roles, i)) && paragraphFollows(blocks, roles, i)) {
    roles[i] = { role: 'furniture', kind: 'other' };
    return i;
  }
  if (isSubscribeButton(blocks[i]!) && storyGoesOn(blocks, roles, i)) {
    roles[i] = { role: 'furniture', kind: 'promo' };
    markAppealAbove(blocks, roles, first, i);
    return i;
  }
  if (isAdSlotLabel(blocks[i]!) && storyGoesOn(blocks, roles, i)) {
    roles[i] = { role: 'furniture', kind: 'promo' };
    return i;
  }
  if (isAsterism(blocks[i]!.text) && proseFollows(blocks, roles, i)) {
    roles[i] = { role: 'furniture', kind: 'other' };
    return i;
  }
  if (isNewsUpdate(blocks[i]!.text) && proseFollows(blocks, roles, i)) {
    roles[i] = { role: 'prose' };
    return i;
  }
  // A release issued with the story under its end mark (a fact sheet after a joint statement): one document.
  // Its header's lines (an office's name, which may read as a contacts label) are furniture inside it.
  const companion = companionHeader(blocks, roles, first, i);
  if (companion > i) {
    for (let j = i; j <= companion; j++) if (roles[j]!.role === 'tail') roles[j] = { role: 'furniture', kind: 'other' };
    return companion;
  }
  // A paywall's prompt or a box of links between the story's paragraphs (in-story-box.ts): furniture inside it.
  const box = inStoryBoxEnd(blocks, roles, i);
  if (box > i) {
    const kind = (roles[i] as { kind: BoilerplateKind }).kind;
    for (let j = i; j <= box; j++) if (roles[j]!.role !== 'furniture') roles[j] = { role: 'furniture', kind };
    return box;
  }
  return -1;
}

/**
 * A label of related links over links only ("Recommended for you" and three headlines): set
 * inside a story between its paragraphs, it is a box, not the start of the end matter.
 */
function isLinkBox(roles: BlockRole[], i: number): boolean {
  const role = roles[i]!;
  if (role.role !== 'tail' || (role.kind !== 'related' && role.kind !== 'promo')) return false;
  const next = roles[i + 1];
  return next !== undefined && next.role === 'furniture' && next.kind === 'navigation';
}

/**
 * The appeal above a subscribe or donation button set inside the story ("… consider becoming a paid subscriber.",
 * "Our reporting is reader-funded. … donate from $5 a month.") is the outlet's too, and so is the box's title right
 * above the appeal ("The Harbour Post is reader-funded"): a heading between prose and an appeal heads the appeal.
 */
function markAppealAbove(blocks: readonly TextBlock[], roles: BlockRole[], first: number, button: number): void {
  const appeal = button - 1;
  if (appeal <= first || roles[appeal]!.role !== 'prose' || !isReaderAppeal(blocks[appeal]!)) return;
  roles[appeal] = { role: 'furniture', kind: 'promo' };
  const title = appeal - 1;
  if (title > first && roles[title]!.role === 'heading') roles[title] = { role: 'furniture', kind: 'promo' };
}

/** "Update: …" or "UPDATE (09:40): …" opening a paragraph. */
const UPDATE_LABEL = /^update\s*(?:\([^)]{0,40}\))?\s*:\s*\S/i;

/** What an editor's note on the story itself says: "This article has been updated …", "… was corrected …". */
const EDITORS_UPDATE = /\b(?:this|the|our) (?:story|article|report|piece|post|page|version)\b|\bupdated\b|\bcorrect/i;

/**
 * An update of a running story ("Update: The governor says the road has reopened."): news added to a post or a live
 * story, not an editor's note on the story ("Update: This article has been updated to …"). With more of the story
 * after it, it does not end the story as such a note does.
 */
function isNewsUpdate(t: string): boolean {
  return UPDATE_LABEL.test(t) && !EDITORS_UPDATE.test(t);
}

/** Shortest block read as a paragraph of the story (not a headline or a teaser line). */
export const MIN_PARAGRAPH = 200;

/** The next block that is not furniture is a paragraph of prose: the story goes on past block i. */
function paragraphFollows(blocks: TextBlock[], roles: BlockRole[], i: number): boolean {
  let j = i + 1;
  while (j < blocks.length && roles[j]!.role === 'furniture') j++;
  return j < blocks.length && roles[j]!.role === 'prose' && blocks[j]!.text.length >= MIN_PARAGRAPH;
}

/** Most blocks (a section heading, furniture) read after a button for the story going on. */
const MAX_BLOCKS_AFTER_BUTTON = 4;

/**
 * A paragraph's worth of the story's prose follows block i before any end matter, maybe under a section heading: a
 * button set there is inside the story. Under the story, a button is followed by its end matter (tags, the author's
 * box, responses), whose short prose does not add up to a paragraph before a tail label opens.
 */
function storyGoesOn(blocks: TextBlock[], roles: BlockRole[], i: number): boolean {
  let chars = 0;
  for (let j = i + 1; j < blocks.length && j <= i + MAX_BLOCKS_AFTER_BUTTON; j++) {
    const role = roles[j]!.role;
    if (role === 'tail') return false;
    if (role === 'prose') chars += blocks[j]!.text.length;
    if (chars >= MIN_PARAGRAPH) return true;
  }
  return false;
}

/**
 * A paragraph's worth of prose lies after block i, in one block or in several (a transcript's
 * short turns after the "* * * * *" that marks a cut): the asterism there is a break, not the end mark.
 */
export function proseFollows(blocks: TextBlock[], roles: BlockRole[], i: number): boolean {
  let chars = 0;
  for (let j = i + 1; j < blocks.length && chars < MIN_PARAGRAPH; j++) if (roles[j]!.role === 'prose') chars += blocks[j]!.text.length;
  return chars >= MIN_PARAGRAPH;
}
