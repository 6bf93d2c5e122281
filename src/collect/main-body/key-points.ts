// What stands above the story's first paragraph and is yet the story's own words: key points set as bullets (and the
// short label over them), a list a colon-ended sentence introduces ("… losses to date amount to:" over lines of
// figures), and a statement's colon-ended opening or a speech's salutation. Unlike them, sub-titles hung from the
// headline and a highlights box of headlines are headline matter. Readers of the story's opening (story-opening.ts).
import { findDate } from '../dates.js';
import { endsSentence, isAllCaps, isHeaderFurniture, isHeaderNote, isSalutation, titleCaseRatio, type BlockRole } from './cues.js';
import { MIN_PARAGRAPH } from './end-matter.js';
import { isUpdateStamp } from './lead-paragraph.js';
import { FIELD } from './mastheads.js';
import { isRuleLine, type TextBlock } from './text-block.js';

/** Fewest words of a sentence that introduces the story with a colon ("…, hereby depose and state as follows:"). */
const MIN_LEAD_IN_WORDS = 8;

/**
 * The sentence that opens a statement or an affidavit and ends in a colon, or a speech's salutation
 * ("Excellencies, ladies and gentlemen,"), above the story's first paragraph or above its first
 * section heading: the story's own first words, not a headline.
 */
export function leadIn(blocks: TextBlock[], roles: BlockRole[], start: number): number {
  for (let i = start - 1; i >= 0 && i >= start - 2; i--) {
    const b = blocks[i]!;
    if (roles[i]!.role !== 'heading') return start;
    if (isLeadIn(b) || isSalutation(b)) return i;
  }
  return start;
}

// A headline is in title case (nearly every long word capitalised); a statement's opening that names a
// city, an agency and a ministry ("Pyongyang, December 21 (KCNA) -- The spokesman for the Ministry of
// … issued the following statement:") still has words in small letters.
function isLeadIn(b: TextBlock): boolean {
  const t = b.text;
  if (t.charCodeAt(t.length - 1) !== 58 /* : */ || t.length > 300 || isAllCaps(t)) return false;
  return t.split(' ').length >= MIN_LEAD_IN_WORDS && titleCaseRatio(t) < 0.8 && !isHeaderFurniture(b);
}

/** Longest label set over a list of key points ("HIGHLIGHTS", "Key points:"). */
const MAX_LIST_LABEL = 40;

/**
 * Key points set as bullets above the story's first paragraph ("• At least 9 people were killed
 * …"): items that are sentences are the story's own, and so is the short label over them; only when every item of the
 * list is one.
 */
export function leadingItems(blocks: TextBlock[], roles: BlockRole[], first: number): number {
  const introduced = introducedList(blocks, roles, first);
  if (introduced < first) return introduced;
  // The story's first section may have a label of its own ("SITUATION OVERVIEW") below the list.
  let i = isSectionHeading(blocks, roles, first - 1) && isSentenceItem(blocks, roles, first - 2) ? first - 1 : first;
  const below = i;
  while (isSentenceItem(blocks, roles, i - 1)) i--;
  // Key points are a list of sentences: a list that runs on above them into items of another kind (a box's "Police
  // count 40 hurt in Old Town" over "Mayor calls for calm after night of clashes") is a highlights box, never half the story's.
  if (i === below || itemOfSameList(blocks, roles, i - 1)) return first;
  // A news page's key-points box right under its "Posted … / Updated …" stamp is the page's header
  // matter, as the standfirst is (a report's own highlights stand under its title or its opening note, and are its own).
  if (isListLabel(blocks, roles, i - 1)) return underStoryStamp(blocks, roles, i - 2) ? first : i - 1;
  // Unlabelled lines hung from the headline ("- Casualties estimated at over 3,000; …" under a release's title) are
  // its sub-titles, the standfirst: headline matter, as a teaser is. Items mostly of a paragraph's length are no
  // sub-titles: a column of short items (corrections, briefs) is the story, item by item.
  return isHeadline(blocks, roles, i - 1) && !paragraphItems(blocks, i, below) ? first : i;
}

/** Fewest items of a column of short items. */
const MIN_PARAGRAPH_ITEMS = 3;

/** Most of the items from `from` to `to` (exclusive), at least three, are as long as a paragraph. */
function paragraphItems(blocks: readonly TextBlock[], from: number, to: number): boolean {
  if (to - from < MIN_PARAGRAPH_ITEMS) return false;
  let long = 0;
  for (let k = from; k < to; k++) if (blocks[k]!.text.length >= MIN_PARAGRAPH) long++;
  return long * 3 >= (to - from) * 2;
}

/** Block k is an item of the list that block k + 1 goes on: an item, or a list's line, on the line right above it. */
function itemOfSameList(blocks: TextBlock[], roles: BlockRole[], k: number): boolean {
  if (k < 0 || (roles[k]!.role !== 'item' && blocks[k]!.listItem !== true)) return false;
  return blocks[k + 1]!.start - blocks[k]!.end <= 1;
}

/**
 * A headline: a heading longer than any label, that is no sentence, no date line and no field of header metadata
 * ("Contact person: …"). Captions and other furniture between a headline and what follows it are not headings.
 */
function isHeadline(blocks: TextBlock[], roles: BlockRole[], i: number): boolean {
  if (i < 0 || roles[i]!.role !== 'heading') return false;
  const b = blocks[i]!;
  if (b.text.length <= MAX_LIST_LABEL || b.listItem || endsSentence(b.text) || isRuleLine(b.text) || findDate(b.text)) return false;
  FIELD.lastIndex = 0;
  return !FIELD.test(b.text.slice(0, 40)) && !isHeaderFurniture(b);
}

/**
 * A list that a sentence ending in a colon introduces, above the story's first paragraph ("The
 * office reports that losses to date amount to:" over "tanks — 120 (+3)" lines): its items are
 * the report itself however short they are, and so is the sentence (found by `leadIn`). The items
 * are list lines or lines with figures, maybe with a short note under them; a line of another kind
 * ends the run. `first` when there is no such list.
 */
function introducedList(blocks: TextBlock[], roles: BlockRole[], first: number): number {
  let items = 0;
  for (let i = first; i > 0; i--) {
    const above = blocks[i - 1]!;
    if (items > 0 && roles[i - 1]!.role === 'heading' && isLeadIn(above)) return i;
    if (isDataLine(above, roles[i - 1]!)) items++;
    // A short note under the list ("Figures are provisional.") is a sentence too short to read as prose.
    else if (roles[i - 1]!.role !== 'heading' || !endsSentence(above.text)) break;
  }
  return first;
}

function isDataLine(b: TextBlock, role: BlockRole): boolean {
  if (role.role !== 'item' && role.role !== 'heading') return false;
  return b.listItem === true || hasDigit(b.text);
}

function hasDigit(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

// A note to the reader set as a bullet ("* This is an edited transcript. When quoting, …") is the header's, not a key point.
function isSentenceItem(blocks: TextBlock[], roles: BlockRole[], i: number): boolean {
  return i >= 0 && roles[i]!.role === 'item' && (endsSentence(blocks[i]!.text) || isStatement(blocks[i]!.text)) && !isHeaderNote(blocks[i]!);
}

/** Fewest words of a key point written without a full stop ("£450 million package for Ukraine, including …"). */
const MIN_STATEMENT_WORDS = 6;

/** A key point as press releases write them: a clause in sentence case, no full stop. */
function isStatement(t: string): boolean {
  return t.split(' ').length >= MIN_STATEMENT_WORDS && titleCaseRatio(t) < 0.5;
}

// An item of another list (a metadata list's "4 February 2026") or a date line labels nothing.
function isListLabel(blocks: TextBlock[], roles: BlockRole[], i: number): boolean {
  return isLabelLine(blocks, roles, i, MAX_LIST_LABEL);
}

/** Longest heading of the story's first section, under its key points ("RUSSIA: GROWTH HAS RUN OUT, SPENDING HAS NOT"). */
const MAX_SECTION_HEADING = 100;

function isSectionHeading(blocks: TextBlock[], roles: BlockRole[], i: number): boolean {
  return isLabelLine(blocks, roles, i, MAX_SECTION_HEADING);
}

function isLabelLine(blocks: TextBlock[], roles: BlockRole[], i: number, maxLength: number): boolean {
  if (i < 0 || roles[i]!.role !== 'heading') return false;
  const b = blocks[i]!;
  // A rule line ("-----") labels nothing: it closes what is above it (a masthead and its note).
  return b.text.length <= maxLength && !b.listItem && !endsSentence(b.text) && !isRuleLine(b.text) && !findDate(b.text);
}

/** Block k, or the first block above it that is not furniture, is a news page's posted/updated stamp. */
function underStoryStamp(blocks: readonly TextBlock[], roles: readonly BlockRole[], k: number): boolean {
  while (k >= 0 && roles[k]!.role === 'furniture') k--;
  return k >= 0 && isUpdateStamp(blocks[k]!.text);
}
