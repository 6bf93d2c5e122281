// Where the story opens, once its first paragraph is found (lead-paragraph.ts) and its end is known: the lines right
// above that paragraph may be the story's own (a series of units' headings, key points, a first section's heading, a
// speaker's turn line, a slide's marker, a live page's first post stamp, the start of a hard-wrapped sentence), and a
// few header lines below it may not be (a wire story's header over its dateline, a judgment's caption over its
// paragraph 1). OPENING_READERS applies one reader for each such layout, in an order that decides what each sees.
import { lazyRegExp } from '../text/lazy-regexp.js';
import { caseFolded, endsSentence, type BlockRole } from './cues.js';
import { sectionNumber, tableAbove } from './form-openings.js';
import { leadIn, leadingItems } from './key-points.js';
import { firstPostStamp } from './live-posts.js';
import { labelledPartOpening } from './notice-parts.js';
import { numberedParagraphOne } from './numbered-paragraphs.js';
import { shotlistOpening } from './script-header.js';
import { isRuleLine, SLIDE_MARKER, type TextBlock } from './text-block.js';
import { firstBriefHeadline, startAtWireDateline } from './wire-story.js';

/** What the readers of a story's opening look at. */
interface OpeningScene {
  readonly blocks: TextBlock[];
  readonly roles: BlockRole[];
  /** The story's first block found and its last block. */
  readonly first: number;
  readonly end: number;
  /** Where the story's series of units opens (unitStart): `first` when it is no such series. */
  readonly unit: number;
  /** The text is a subtitle file's (MainBodyOptions.captions). */
  readonly captions: boolean;
}

/** A reader of the story's opening: from the block where the readers before it left the opening, where it puts it. */
type OpeningReader = (start: number, scene: OpeningScene) => number;

/**
 * The readers of a story's opening, applied in turn from where its units open (storyOpening). Most read the lines just
 * above the start they are given and take them into the story; a few move it down, dropping a header above. So the
 * order decides what each reader sees: the readers that reach up from the first paragraph come first, then the one that
 * puts the start on the first line of its sentence, then those that test the block the story opens with.
 */
const OPENING_READERS: readonly OpeningReader[] = [
  // Key points set as bullets (and their label) above the first paragraph: first, as it reads up from the first paragraph
  // itself; not under a series of units, whose headings above the first paragraph are already the story's.
  (start, s) => (s.unit === s.first ? leadingItems(s.blocks, s.roles, start) : start),
  // A statement's colon-ended opening or a speech's salutation one or two headings up: above the key points when there
  // are any, so after them; not under a series of units either.
  (start, s) => (s.unit === s.first ? leadIn(s.blocks, s.roles, start) : start),
  // The first numbered, lettered or marked section's heading right above: after the readers above, since it reads the
  // heading over what they took (a unit's first heading too).
  (start, s) => firstSection(s.blocks, s.roles, start, s.end),
  // In hard-wrapped text, up to the line that opens the sentence the start continues (a section's heading continues
  // none, so what the readers above took stays): before the readers below, which test the start's own first words.
  (start, s) => sentenceOpening(s.blocks, start),
  // A notice in labelled parts opens at its first part: it needs the start to be the paragraph a part's label opens.
  (start, s) => labelledPartOpening(s.blocks, s.roles, start, s.end),
  // A news-in-brief roundup opens at its first item's headline, reading from just above the start found down to its
  // items; before the wire-dateline reader, which leaves a roundup's first item where it is (opensAnotherItem).
  (start, s) => firstBriefHeadline(s.blocks, s.roles, start, s.end),
  // A record of debate opens with its first speaker's turn line, the heading right above a start of prose.
  (start, s) => turnOpening(s.blocks, s.roles, start),
  // A deck's slide opens with its marker, a few lines above the start on the same slide.
  (start, s) => slideOpening(s.blocks, s.roles, start),
  // A wire story opens at its dateline's paragraph: it moves the start down past short header lines (headline, "(Adds
  // …)", summary bullets) that the start found so far may include, so it follows the readers that reach up.
  (start, s) => startAtWireDateline(s.blocks, start, s.end),
  // A broadcast script's first segment label, the line right above the paragraph the story opens with once the header
  // is gone (so after the wire reader); not in a subtitle file, whose bracketed tags are captions and open nothing.
  (start, s) => (s.captions ? start : segmentLabelAbove(s.blocks, start)),
  // A report's opening section label right above a start of prose, when later headings follow; not in a subtitle file
  // either. After the segment label only as they came: the two read different lines (a bracketed tag, a section title).
  (start, s) => (s.captions ? start : openingSectionLabel(s.blocks, s.roles, start, s.end)),
  // A live page's first post stamp, a few lines above the start, above the headline and byline taken so far.
  (start, s) => firstPostStamp(s.blocks, s.roles, start, s.end),
  // A judgment opens at its paragraph 1: it moves the start down past the case's caption (fields and labels that end no
  // sentence), so after the readers that reach up, whatever they took.
  (start, s) => numberedParagraphOne(s.blocks, start, s.end),
  // A shotlist opens at its first group's header when the start is the words under a numbered shot; then a table set in
  // columns right above the start, last, as it reads only the lines just above the final opening.
  (start, s) => shotlistOpening(s.blocks, s.roles, start, s.end),
  (start, s) => tableAbove(s.blocks, s.roles, start),
];

/**
 * The story's first block, from its first block found (`first`) and its last block: OPENING_READERS applied in turn
 * from where its units open. `captions`: the text is a subtitle file's (MainBodyOptions.captions).
 */
export function storyOpening(blocks: TextBlock[], roles: BlockRole[], first: number, end: number, captions: boolean): number {
  const scene: OpeningScene = { blocks, roles, first, end, unit: unitStart(blocks, roles, first, end), captions };
  let start = scene.unit;
  for (const read of OPENING_READERS) start = read(start, scene);
  return start;
}

/**
 * Written answers, registers, listings: the story is a series of units, each opening with the same
 * headings ("Question for …", "UIN …", "Asked by: …") above its prose. The first unit's headings
 * lie above the first prose, where they look like the page's header; when a later unit inside the
 * story opens with headings of the same leads (at least two), they are the story's too, and so is
 * the unit's title above them when the later unit has one (a heading after prose).
 */
function unitStart(blocks: TextBlock[], roles: BlockRole[], start: number, end: number): number {
  let runFrom = start;
  while (runFrom > 0 && roles[runFrom - 1]!.role === 'heading') runFrom--;
  if (start - runFrom < 2) return start;
  for (let j = start + 2; j <= end; j++) {
    if (roles[j]!.role !== 'prose' || roles[j - 1]!.role !== 'heading') continue;
    let a = start - 1;
    let b = j - 1;
    while (a >= runFrom && b > start && roles[b]!.role === 'heading' && headingLead(blocks[a]!.text) === headingLead(blocks[b]!.text)) {
      a--;
      b--;
    }
    if (start - 1 - a < 2) continue;
    if (a >= runFrom && b > start && roles[b]!.role === 'heading' && roles[b - 1]!.role === 'prose') a--;
    return a + 1;
  }
  return start;
}

// The first two words of a heading in small letters, numbers left out: "UIN 15382, tabled on …" → "uin tabled".
function headingLead(text: string): string {
  // Only the first two words are read (a match of all of them made one array per heading).
  const lower = text.toLowerCase();
  const letters = LETTERS();
  letters.lastIndex = 0;
  const first = letters.exec(lower);
  if (first === null) return '';
  const second = letters.exec(lower);
  return `${first[0]} ${second === null ? '' : second[0]}`;
}

const LETTERS = lazyRegExp(() => /\p{L}+/gu);

/** A part's heading numbered in roman or arabic figures ("III. Transfers of arms", "2. Findings"). */
const PART_HEADING = /^(?:[IVX]{1,5}|\d{1,2})\. [A-Z]/;

/**
 * A release in numbered sections ("1. Overview", then "2. Response …" inside the story): the first
 * section's heading right above the first paragraph is the story's, as the later ones are.
 */
function firstSection(blocks: TextBlock[], roles: BlockRole[], start: number, end: number): number {
  const above = start - 1;
  if (above < 0 || roles[above]!.role !== 'heading') return start;
  const t = blocks[above]!.text;
  if (sectionNumber(t) === 1) {
    for (let j = start + 1; j <= end; j++) if (sectionNumber(blocks[j]!.text) === 2) return above;
    return start;
  }
  // A section lettered "A." with a "B." after it inside the story; the part's numbered heading right above it
  // ("III. Transfers", over "A. Shipments") heads the excerpt too.
  if (t.startsWith('A. ')) {
    for (let j = start + 1; j <= end; j++) {
      if (roles[j]!.role === 'heading' && blocks[j]!.text.startsWith('B. ')) return above > 0 && roles[above - 1]!.role === 'heading' && PART_HEADING.test(blocks[above - 1]!.text) ? above - 1 : above;
    }
    return start;
  }
  // A release whose section headings open with a mark ("■ Overview", then "■ Government response"): the story's
  // first heading is one of them when a later heading of the story opens with the same mark.
  const mark = sectionMark(t);
  if (mark === 0) return start;
  for (let j = start + 1; j <= end; j++) if (roles[j]!.role === 'heading' && sectionMark(blocks[j]!.text) === mark) return above;
  return start;
}

/**
 * The mark a section heading opens with, followed by a space ("■ Overview", "◆ Outlook"), else 0: the squares,
 * diamonds and pointers that releases written the Korean or Japanese government way set before their section
 * headings (their paragraphs open with "○" and "-", which are no headings).
 */
function sectionMark(t: string): number {
  const c = t.charCodeAt(0);
  const isMark = c === 0x25a0 || c === 0x25a1 || c === 0x25c6 || c === 0x25c7 || c === 0x25b6 || c === 0x25ba || c === 0x25a3;
  return isMark && t.charCodeAt(1) === 32 ? c : 0;
}

/** Shortest line read as a hard-wrapped line of prose (a headline is rarely this long and unbroken). */
const MIN_WRAPPED_LINE = 50;

/**
 * The block where the story's first sentence opens. In hard-wrapped text each line is a block, and
 * a line that continues a sentence ("11,000 by November …" under "… put their number at some")
 * is no opening: the story starts at the line that opens the sentence. A line above continues
 * into the start when it is the line just above, long, and ends mid-phrase (a small letter or a
 * comma), and the start opens with a small letter or a digit.
 */
function sentenceOpening(blocks: readonly TextBlock[], start: number): number {
  let s = start;
  while (s > 0 && continuesInto(blocks[s - 1]!, blocks[s]!)) s--;
  return s;
}

/**
 * In hard-wrapped text, the last line of a paragraph ("remain on contract." under "… provided the quantities above"):
 * a short line that ends the sentence the line above runs on into, the story's words, not a closing label.
 */
export function closesWrappedSentence(blocks: readonly TextBlock[], roles: readonly BlockRole[], end: number): boolean {
  return end > 0 && roles[end]!.role === 'heading' && endsSentence(blocks[end]!.text) && continuesInto(blocks[end - 1]!, blocks[end]!);
}

function continuesInto(above: TextBlock, block: TextBlock): boolean {
  const first = block.text.charCodeAt(0);
  const opensMidSentence = (first >= 97 && first <= 122) || (first >= 48 && first <= 57);
  // At most a line break and an indent between them.
  if (!opensMidSentence || block.start - above.end > 6 || above.text.length < MIN_WRAPPED_LINE) return false;
  // A numbered section's heading ("1. Key points") opens a section, never the rest of a sentence above it.
  if (block.heading === true && sectionNumber(block.text) > 0) return false;
  if (endsSentence(above.text) || isRuleLine(above.text)) return false;
  const last = above.text.charCodeAt(above.text.length - 1);
  return (last >= 97 && last <= 122) || last === 44;
}

/**
 * A speaker's label with the first words of the turn ("Mr Ann Vale (Eastmoor) (Lab): I beg to move,"), in capitalised
 * words and at most two bracketed notes (seat, party), then a colon and speech.
 */
const SPEAKER_TURN = /^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,5}(?: \([^)]{1,40}\)){0,2}: \S/;

/**
 * The turn that opens a record of debate: its speaker's first line runs on into the paragraph below ("Mr Ann Vale
 * (Eastmoor) (Lab): I beg to move," over the motion), so it reads as a short heading, yet it is the first speech.
 */
function turnOpening(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number): number {
  const above = start - 1;
  if (above < 0 || roles[above]!.role !== 'heading' || roles[start]!.role !== 'prose') return start;
  const t = blocks[above]!.text;
  const last = t.charCodeAt(t.length - 1);
  return (last === 44 || last === 58) && SPEAKER_TURN.test(t) ? above : start;
}

/** Most blocks (title, bullets, chart lines) between a slide's marker and the story's first line on that slide. */
const MAX_SLIDE_BLOCKS = 12;

/**
 * In a deck exported as text, each slide opens with its marker ("Slide 2 of 14"): a story that starts on a slide
 * starts with the slide, at its marker, not at its first bullet that reads as prose. Its title and bullets above that
 * line are the story's too. `start` when no marker lies above it on the same slide.
 */
function slideOpening(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number): number {
  for (let i = start - 1; i >= 0 && i >= start - MAX_SLIDE_BLOCKS; i--) {
    const t = blocks[i]!.text;
    if (SLIDE_MARKER.test(t)) return i;
    if (isRuleLine(t) || roles[i]!.role === 'tail') return start;
  }
  return start;
}

/** The segment labels of a broadcast script: who speaks the part below ("[Anchor Lead]", "[Reporter]"). */
const SEGMENT_LABELS: ReadonlySet<string> = new Set(['anchor', 'anchor lead', 'anchor intro', 'lead', 'intro', 'reporter', 'package', 'pkg', 'presenter', 'host', 'narrator', 'narration']);

/** Longest such label with its brackets. */
const MAX_SEGMENT_LABEL = 16;

/**
 * A broadcast script's first segment label on its own line above the first paragraph ("[Anchor Lead]" over the
 * anchor's words): the script's own first line, as the labels of its later segments are its lines.
 */
function segmentLabelAbove(blocks: readonly TextBlock[], start: number): number {
  const t = start > 0 ? blocks[start - 1]!.text : '';
  if (t.length > MAX_SEGMENT_LABEL || t.charCodeAt(0) !== 91 /* [ */ || t.charCodeAt(t.length - 1) !== 93 /* ] */) return start;
  return SEGMENT_LABELS.has(t.slice(1, -1).trim().toLowerCase()) ? start - 1 : start;
}

/**
 * The heading of a report's opening section, which says what the document is or covers ("Scope Note", "About this
 * workshop", "Introduction"), unlike a summary box's label ("Key points", "Executive summary"), which sets the box apart.
 */
const OPENING_SECTION_LABEL = /^(?:scope(?: note)?|about this (?:workshop|report|paper|brief|briefing|study|event|conference|note|publication|assessment|series)|introduction|preface|foreword|purpose(?: of this (?:report|paper|note))?)$/;

/** Longest such heading. */
const MAX_OPENING_LABEL = 40;

/**
 * The heading of the report's opening section right above its first paragraph heads the story, as the headings of its
 * later sections do: read only when a later heading stands inside the story.
 */
function openingSectionLabel(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number, end: number): number {
  const above = start - 1;
  if (above < 0 || roles[above]!.role !== 'heading' || roles[start]!.role !== 'prose') return start;
  const t = blocks[above]!.text;
  if (t.length > MAX_OPENING_LABEL || !OPENING_SECTION_LABEL.test(caseFolded(t))) return start;
  for (let j = start + 1; j <= end; j++) if (roles[j]!.role === 'heading') return above;
  return start;
}
