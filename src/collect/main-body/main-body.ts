import { closesWithCellRows } from './cell-rows.js';
import type { BoilerplateSpan } from '../../domain/document.js';
import type { Span } from '../../domain/span.js';
import { caseFolded, classifyBlock, isBroadcastSignOff, isReporterCredit, isEndMark, endsSentence, isAllCaps, isAsterism, isShareButton, isSubscribeButton, isAdSlotLabel, isReaderAppeal, isHeaderNote, referenceMarksLength, isAbstractLabel, isClosingThanks, isFooterNote, isHeaderFurniture, isKeywordsLabel, isNamedByline, isReadingTime, closesWithReadingTime, isRegexSpace, isSalutation, titleCaseRatio, type BlockRole } from './cues.js';
import { findDate } from '../dates.js';
import { bylineAuthors, isAuthorBio, isAuthorNoteUnder } from './author-bio.js';
import { citationNotesStart } from './citation-notes.js';
import { contentsListStart } from './contents-list.js';
import { entryStart, nextEntryHeading } from './entry-headings.js';
import { isInventoryLine } from './inventory-lines.js';
import { closesLetterSignature, lettersPageSpan } from './letters-page.js';
import { rollListStart } from './roll-lists.js';
import { fieldHeaderEnd, shotlistOpening } from './script-header.js';
import { findRelatedStories, type RelatedStory } from './related-stories.js';
import { FORM_FEED, PAGE_NUMBER } from './numbered-lines.js';
import { meetingRecordSpan } from './meeting-record.js';
import { callTranscriptOpening } from './call-transcript.js';
import { beforeTrailingNotes, isRegisterFile, registerFirstParagraph } from './register-notice.js';
import { enactingFormulaBlock } from './enacting-formula.js';
import { isContactLine, labelledPartOpening } from './notice-parts.js';
import { COLUMN_GAP, isFieldLine, labelledFormStart, sectionNumber, tableAbove } from './form-openings.js';
import { isRuleLine, MAX_RUNNING_LINE, SLIDE_MARKER, type BoilerplateKind, type TextBlock } from './text-block.js';
import { WIRE_DATELINE } from '../wire-dateline.js';
import { lazyRegExp } from '../text/lazy-regexp.js';
import { fallbackRun } from './body-fallback.js';
import { markPhotoCaptions } from './photo-captions.js';
import { markConsentNotices } from './consent-notice.js';
import { inStoryBoxEnd } from './in-story-box.js';
import { companionHeader } from './companion-release.js';
import { digitCount, inCountingRun, leadingNumber, leadingParagraphNumber } from '../text/paragraph-numbers.js';

export interface MainBody {
  /** From the first sentence of the story to its last. */
  main: Span;
  boilerplate: BoilerplateSpan[];
  /** Other stories carried in full after the main one (aggregator pages). */
  related: RelatedStory[];
  /** Blocks above the story (headline, byline, dateline), for metadata. */
  header: TextBlock[];
}

export interface MainBodyOptions {
  /**
   * Name of the outlet, when known: a short closing paragraph that names it is end matter. A
   * function gets the header blocks (above the story) and finds the name there.
   */
  outlet?: string | null | ((header: TextBlock[]) => string | null);
  /**
   * The page's own summary (its meta description), when known: a paragraph above the story that
   * repeats it, set apart from the story's paragraphs, is the standfirst.
   */
  description?: string | null;
  /**
   * The text is a subtitle file's: its bracketed tags ("[ANCHOR]", "[music]") are captions the stages read blank,
   * not a script's segment labels, and none opens the story.
   */
  captions?: boolean;
}

/**
 * Finds the story among the blocks of one text. The story starts at the first paragraph of prose
 * that is not header furniture, ends before the first line that opens the end matter ("Related
 * stories", a disclosure, "Comments"…), and loses trailing furniture (credits, footers, sign-offs
 * of the outlet). Blocks with a markup hint are furniture wherever they are.
 */
export function findMainBody(blocks: TextBlock[], options: MainBodyOptions = {}): MainBody {
  if (blocks.length === 0) return { main: { start: 0, end: 0 }, boilerplate: [], related: [], header: [] };
  const roles = blocks.map((b): BlockRole => (b.hint ? { role: 'furniture', kind: b.hint } : classifyBlock(b)));
  markPageFurniture(blocks, roles);
  markPhotoCaptions(blocks, roles);
  markConsentNotices(blocks, roles);
  markNumberedAuthorSection(blocks, roles);
  markTableSourceNotes(blocks, roles);

  const description = options.description ?? null;
  // A report from print may open with its table of contents: the story starts under the first section it lists.
  const contents = contentsListStart(blocks, roles);
  // A reference work's entry opens under its heading, with its data lines above its first paragraph.
  const found = contents >= 0 ? contents : entryStart(blocks, roles, findStart(blocks, roles, 0, description));
  // The section a contents list names is below the list, and the list below any masthead or fields: nothing above it
  // opens the story (a cover's "To: …" line under the filing's header rule is no first sentence).
  const opening = contents >= 0 ? contents : startAfterFields(blocks, roles, startAfterMasthead(blocks, roles, startUnderButton(blocks, roles, found, description)), description);
  let span = storySpan(blocks, roles, opening, options);
  // A teaser or a standfirst taken for the whole story, a button or a label under it taken for its end, and the story's
  // prose below (maybe under another teaser and its button): the story is that prose, found from under the label as the
  // first story was.
  const length = blocks[span.end]!.end - blocks[span.start]!.start;
  const storyNeeded = Math.max(MIN_STORY_RUN, length * MIN_STORY_RATIO);
  if (length < MIN_STORY_BODY && storyRun(blocks, roles, span.tail + 1, blocks.length - 1) >= storyNeeded) {
    const skipped: number[] = [];
    let short = span;
    for (let tries = 0; tries < MAX_STORY_RETRIES && short.tail < blocks.length && SKIPPABLE_TAIL.has((roles[short.tail] as { kind: BoilerplateKind }).kind) && !isEndMark(blocks[short.tail]!); tries++) {
      skipped.push(short.tail);
      const next = findStart(blocks, roles, short.tail + 1, description);
      if (next >= blocks.length || roles[next]!.role !== 'prose') break;
      const retry = storySpan(blocks, roles, next, options);
      if (storyRun(blocks, roles, retry.start, retry.end) >= storyNeeded) {
        for (const k of skipped) roles[k] = { role: 'furniture', kind: (roles[k] as { kind: BoilerplateKind }).kind };
        span = retry;
        break;
      }
      if (blocks[retry.end]!.end - blocks[retry.start]!.start >= MIN_STORY_BODY) break;
      short = retry;
    }
  }
  // A verbatim record runs from the formula opening its proceedings to the one closing them, whatever its cover holds.
  const record = meetingRecordSpan(blocks);
  // A legal act printed whole starts at the institution that enacts it ("THE COUNCIL OF THE EUROPEAN UNION,"): the
  // journal's header and the act's title above that line are its heading, whatever the page holds around them.
  const act = record === null ? enactingFormulaBlock(blocks) : -1;
  let { start, end } =
    record !== null ? { start: record.start, end: record.end ?? Math.max(span.end, record.start) } : act >= 0 && act < span.end ? { start: act, end: span.end } : span;
  // A Federal Register document's text file (register-notice.ts): its first paragraph under the heading set flush left,
  // to its last paragraph before the notes under it.
  if (record === null && act < 0 && isRegisterFile(blocks)) {
    const first = registerFirstParagraph(blocks, end);
    if (first > start) start = first;
    end = beforeTrailingNotes(blocks, start, end);
  }
  // A call transcript opens at its first turn, under its caution and participants list (call-transcript.ts).
  if (record === null && act < 0) start = callTranscriptOpening(blocks, roles, start, end);
  // A letters page runs from its first letter to the signature under its last (letters-page.ts).
  if (record === null && act < 0) ({ start, end } = lettersPageSpan(blocks, roles, start, end));

  // A body that is a small part of the page's prose, with a far longer run of paragraphs elsewhere: the story is read
  // from that run as from any first paragraph (body-fallback.ts), or is the run alone should that reading not hold it.
  const run = fallbackRun(blocks, roles, start, end);
  if (run !== null) {
    const retry = storySpan(blocks, roles, run.first, options);
    ({ start, end } = retry.start <= run.first && retry.end >= run.last ? retry : { start: run.first, end: run.last });
  }
  const kinds = blockKinds(blocks, roles, start, end);
  const boilerplate = mergeSpans(blocks, kinds);
  const relatedBlocks = blocks.filter((_, i) => i > end && kinds[i] === 'related');
  return {
    main: { start: blocks[start]!.start + emphasisOpenLength(blocks[start]!.text) + bulletLength(blocks[start]!), end: blocks[end]!.end - referenceMarksLength(blocks[end]!.text) - endMarkLength(blocks[end]!.text) },
    boilerplate,
    related: findRelatedStories(relatedBlocks),
    header: blocks.slice(0, start),
  };
}

/** Most times a short body gives way to the story found further down (a teaser, its button, another teaser …). */
const MAX_STORY_RETRIES = 3;
/** A story body shorter than this, with a tail label under it, is checked for the story's prose further down. */
const MIN_STORY_BODY = 200;
/** Fewest characters of consecutive paragraphs of sentences that make the prose further down a story. */
const MIN_STORY_RUN = 600;
/** How many times the short body's length that prose must hold. */
const MIN_STORY_RATIO = 4;
/**
 * Labels that may stand under a teaser as a button or a bar ("Read more", "Share", "Tags", "Subscribe"). Comments, a
 * disclosure, an author's box or a letter's close open end matter whose own prose is no story, and so does an end mark
 * ("ENDS", "###") under a short release: its notes to editors are no story either.
 */
const SKIPPABLE_TAIL: ReadonlySet<BoilerplateKind> = new Set(['related', 'promo', 'other']);

/** Fewest characters of a paragraph of the story's prose run. */
const MIN_RUN_PARAGRAPH = 40;

/**
 * The characters of the longest run of paragraphs between `start` and `end` that end sentences, one after another with
 * only furniture between them: a story's body. Related headlines over their teasers, or comments under their authors'
 * names, come one paragraph at a time.
 */
function storyRun(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number, end: number): number {
  let best = 0;
  let run = 0;
  let paragraphs = 0;
  for (let i = start; i <= end; i++) {
    const role = roles[i]!.role;
    if (role === 'furniture') continue;
    const t = blocks[i]!.text;
    if (role === 'prose' && t.length >= MIN_RUN_PARAGRAPH && endsSentence(t)) {
      run += t.length;
      paragraphs++;
      if (paragraphs >= 2 && run > best) best = run;
    } else {
      run = 0;
      paragraphs = 0;
    }
  }
  return best;
}

/** The story's first and last blocks from its first block found, and the block that opens its end matter (or the number of blocks). */
function storySpan(blocks: TextBlock[], roles: BlockRole[], first: number, options: MainBodyOptions): { start: number; end: number; tail: number } {
  // A paper's keywords follow its abstract: under an abstract their label opens no end matter.
  const paper = first > 0 && isAbstractLabel(blocks[first - 1]!);
  let tail = blocks.length;
  for (let i = first + 1; i < blocks.length; i++) {
    if (roles[i]!.role === 'tail' && (isShareButton(blocks[i]!) || isLinkBox(roles, i)) && paragraphFollows(blocks, roles, i)) {
      roles[i] = { role: 'furniture', kind: 'other' };
      continue;
    }
    if (roles[i]!.role === 'tail' && isSubscribeButton(blocks[i]!) && storyGoesOn(blocks, roles, i)) {
      roles[i] = { role: 'furniture', kind: 'promo' };
      markAppealAbove(blocks, roles, first, i);
      continue;
    }
    if (roles[i]!.role === 'tail' && isAdSlotLabel(blocks[i]!) && storyGoesOn(blocks, roles, i)) {
      roles[i] = { role: 'furniture', kind: 'promo' };
      continue;
    }
    if (roles[i]!.role === 'tail' && isAsterism(blocks[i]!.text) && proseFollows(blocks, roles, i)) {
      roles[i] = { role: 'furniture', kind: 'other' };
      continue;
    }
    if (roles[i]!.role === 'tail' && isNewsUpdate(blocks[i]!.text) && proseFollows(blocks, roles, i)) {
      roles[i] = { role: 'prose' };
      continue;
    }
    // A release issued with the story under its end mark (a fact sheet after a joint statement): one document.
    // Its header's lines (an office's name, which may read as a contacts label) are furniture inside it.
    const companion = roles[i]!.role === 'tail' ? companionHeader(blocks, roles, first, i) : -1;
    if (companion > i) {
      for (let j = i; j <= companion; j++) if (roles[j]!.role === 'tail') roles[j] = { role: 'furniture', kind: 'other' };
      i = companion;
      continue;
    }
    // A paywall's prompt or a box of links between the story's paragraphs (in-story-box.ts): furniture inside it.
    const box = inStoryBoxEnd(blocks, roles, i);
    if (box > i) {
      for (let j = i; j <= box; j++) if (roles[j]!.role !== 'furniture') roles[j] = { role: 'furniture', kind: (roles[i] as { kind: BoilerplateKind }).kind };
      i = box;
      continue;
    }
    if (roles[i]!.role === 'tail' && !(paper && isKeywordsLabel(blocks[i]!))) {
      tail = i;
      break;
    }
  }
  const outlet = typeof options.outlet === 'function' ? options.outlet(blocks.slice(0, first)) : (options.outlet ?? null);
  const agency = datelineAgency(blocks, first, tail);
  // A reference work's entry ends above the next entry's heading, which a copy of one entry often runs on into.
  let end = Math.min(tail, footerRule(blocks, first), signatureDelimiter(blocks, first), signatoriesRow(blocks, first), nextEntryHeading(blocks, roles, first)) - 1;
  const authors = bylineAuthors(blocks.slice(0, first));
  for (;;) {
    // A letters page keeps the signature under its last letter, as it keeps those under the others.
    while (end > first && (isTrailingFurniture(blocks[end]!, roles[end]!, outlet) || isAgencyOrAuthorNote(blocks[end]!, agency, authors)) && !continuesSections(blocks, roles, first, end) && !repeatsStoryNote(blocks, first, end) && !closesWithPipeTable(blocks, first, end) && !closesWithCellRows(blocks, first, end) && !closesLetterSignature(blocks, roles, first, end) && !closesWrappedSentence(blocks, roles, end))
      end--;
    // Endnotes that only cite sources close the story as a bibliography does, and so does a roll of attendance or
    // distribution under minutes or a memo; furniture may stand above them.
    const notes = citationNotesStart(blocks, first, end);
    const roll = notes < 0 ? rollListStart(blocks, roles, first, end) : -1;
    if (notes < 0 && roll < 0) break;
    end = (notes < 0 ? roll : notes) - 1;
  }
  // A broadcast sign-off closes the story as spoken, but names its reporter, not anyone the story is about.
  if (isBroadcastSignOff(blocks[end]!)) roles[end] = { role: 'furniture', kind: 'footer' };
  const start = storyOpening({ blocks, roles, first, end, unit: unitStart(blocks, roles, first, end), captions: options.captions === true });
  // A notice set out as numbered sections of labelled fields ("1. Buyer", "Official name:" over its value) is read from
  // its first section; the sections of fields alone after its last sentence (the organisations' addresses, the
  // notice's own registry data) are its furniture, as trailing headings are a story's.
  const form = labelledFormStart(blocks, roles, first);
  if (form >= 0) {
    while (end > first && isFieldLine(blocks[end]!, roles[end]!)) end--;
    return { start: form, end, tail };
  }
  // A story found above the block first taken for it (items over a closing note, the only prose of a column of items):
  // that block may be the story's end matter itself, a note about the outlet.
  if (start < first) while (end === first && end > start && roles[end]!.role === 'prose' && isFooterNote(blocks[end]!, outlet)) end--;
  return { start, end, tail };
}

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

/** The story's first block: OPENING_READERS applied in turn from where its units open. */
function storyOpening(scene: OpeningScene): number {
  let start = scene.unit;
  for (const read of OPENING_READERS) start = read(start, scene);
  return start;
}

/**
 * A submission written in numbered paragraphs (written evidence to a committee, a consultation response) may open with a
 * section on its author ("About the author" over "1. I am a lecturer in …", then "2. The first troops …"): the label heads
 * paragraph 1 of the text, as its later section headings head theirs, not a closing bio. The label is read so only when
 * paragraph 1 under it is prose and opens a numbering of prose paragraphs (a "Most read" list numbers headlines).
 */
function markNumberedAuthorSection(blocks: readonly TextBlock[], roles: BlockRole[]): void {
  for (let i = 0; i + 1 < blocks.length; i++) {
    const role = roles[i]!;
    if (role.role !== 'tail' || role.kind !== 'byline' || roles[i + 1]!.role !== 'prose') continue;
    if (numberedParagraph(blocks[i + 1]!.text) === 1 && numberedProseFollows(blocks, roles, i + 1)) roles[i] = { role: 'heading' };
  }
}

/** The number of a paragraph that opens with its number, a full stop or none, and a blank ("2.\tThe first …", "3 The …"), else -1. */
function numberedParagraph(t: string): number {
  const n = leadingNumber(t, 0);
  if (n < 0) return -1;
  let i = digitCount(n);
  if (t.charCodeAt(i) === 46 /* . */) i++;
  const c = t.charCodeAt(i);
  return c === 32 || c === 9 ? n : -1;
}

/** The prose paragraphs after paragraph 1 at `one`, section headings between them, go on numbered 2 and 3. */
function numberedProseFollows(blocks: readonly TextBlock[], roles: readonly BlockRole[], one: number): boolean {
  let next = 2;
  for (let j = one + 1; j < blocks.length && next <= 3; j++) {
    const role = roles[j]!.role;
    if (role === 'heading') continue;
    if (role !== 'prose' || numberedParagraph(blocks[j]!.text) !== next) return false;
    next++;
  }
  return next > 3;
}

/**
 * A judgment or official decision that numbers its paragraphs "1 By its action …", "2 The applicant …" opens its body
 * at paragraph 1: above it stands the case's caption (the subject-matter keywords, the parties and their
 * representatives, the composition of the court), fields and labels that end no sentence. A sentence ended above
 * paragraph 1 keeps the start where it is (an unnumbered introduction is the body's).
 */
function numberedParagraphOne(blocks: readonly TextBlock[], start: number, end: number): number {
  for (let i = start; i <= end; i++) {
    const t = blocks[i]!.text;
    if (t.charCodeAt(0) === 49 /* 1 */ && leadingParagraphNumber(t, 0) === 1) return i > start && opensNumbering(blocks, i, end) ? i : start;
    if (endsSentence(t)) return start;
  }
  return start;
}

/** The paragraph numbered 1 at `one` is followed by paragraphs numbered 2, 3 …, the first of a counting run. */
function opensNumbering(blocks: readonly TextBlock[], one: number, end: number): boolean {
  const values = [1];
  for (let i = one + 1; i <= end && values.length < MIN_NUMBERED_PARAGRAPHS; i++) {
    const n = leadingParagraphNumber(blocks[i]!.text, 0);
    if (n >= 0) values.push(n);
  }
  return values.length >= MIN_NUMBERED_PARAGRAPHS && inCountingRun(values)[0] === true;
}
/** Numbered paragraphs that make a numbering. */
const MIN_NUMBERED_PARAGRAPHS = 3;

/** A wire story's end mark run on after its last sentence ("… since the autumn. (END)", "… -ENDS-"). */
const END_MARK = /\s+(?:\((?:END|ENDS|End)\)|-{1,2} ?(?:END|ENDS) ?-{1,2})$/;

/** The length of such an end mark closing the story's last block, else 0: the mark is the wire's, not a word of the story. */
export function endMarkLength(t: string): number {
  if (t.charCodeAt(t.length - 1) !== 41 /* ) */ && t.charCodeAt(t.length - 1) !== 45 /* - */) return 0;
  const m = END_MARK.exec(t);
  return m === null || m.index === 0 ? 0 : m[0].length;
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
function startAtWireDateline(blocks: readonly TextBlock[], first: number, end: number): number {
  for (let j = first; j <= end && j <= first + MAX_WIRE_HEADER_BLOCKS; j++) {
    // An indented paragraph (wire copy indents each one) opens with its dateline after the indent.
    const text = blocks[j]!.text.trimStart();
    if (opensWithDateline(text)) return opensAnotherItem(blocks, j, end) ? first : j;
    // A header's lines state no sentence: a block closed by a full stop is already the story.
    if (text.length > MAX_WIRE_HEADER_BLOCK || /[.!?]["'”’)]*$/.test(text)) return first;
  }
  return first;
}

/**
 * A closing line of the wire agency the dateline names ("Our Standards: The Meridian Trust Principles."), whatever
 * outlet the page's masthead gave, or a note about the author the byline names.
 */
function isAgencyOrAuthorNote(block: TextBlock, agency: string | null, authors: readonly string[]): boolean {
  // A roundup's last item names the agency in its own dateline: it is a story, not the agency's note.
  return (agency !== null && isFooterNote(block, agency) && !opensWithDateline(block.text.trimStart())) || isAuthorBio(block, authors);
}

/** The agency a wire story's dateline names in brackets ("SEOUL, Oct 14 (Meridian) -"), or null. */
function datelineAgency(blocks: readonly TextBlock[], first: number, end: number): string | null {
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
function opensWithDateline(text: string): boolean {
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
function firstBriefHeadline(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number, end: number): number {
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
function firstPostStamp(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number, end: number): number {
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
function closesWrappedSentence(blocks: readonly TextBlock[], roles: readonly BlockRole[], end: number): boolean {
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
 * Length of the Markdown emphasis that opens the story ("*Cho receives us …*", a clipping's italic
 * intro): markup, not the story's first word. A bullet ("* Landings …") is followed by a space and
 * is no emphasis: a list item's is cut by bulletLength, any other keeps its mark.
 */
function emphasisOpenLength(t: string): number {
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


/**
 * Page furniture of text converted from print (pdftotext): the line after a form feed (the running
 * header), page numbers ("… · Page 1 of 3") and a web address repeated on every page. It lies
 * inside the story when a page breaks there, so it is furniture rather than the story's end.
 * (Lines repeated with other digits are not furniture: a timeline repeats its dates' shape.)
 */
function markPageFurniture(blocks: TextBlock[], roles: BlockRole[]): void {
  let addresses: Map<string, number> | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i]!.text;
    if (t.length > MAX_RUNNING_LINE || roles[i]!.role === 'furniture' || roles[i]!.role === 'tail') continue;
    let page = t.charCodeAt(0) === FORM_FEED || (t.length >= 6 && endsAsPageNumber(t) && PAGE_NUMBER.test(t));
    if (!page && t.startsWith('http') && !t.includes(' ')) {
      addresses ??= countAddresses(blocks);
      page = (addresses.get(t) ?? 0) >= 2;
    }
    if (page) roles[i] = { role: 'furniture', kind: 'footer' };
  }
}

/**
 * The cheap test before the case-blind PAGE_NUMBER: the line ends in a digit or '-', and opens with "page" or '-' or
 * has " of " before its last number (of at most four digits).
 */
function endsAsPageNumber(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  if (!((c >= 48 && c <= 57) || c === 45)) return false;
  const first = t.charCodeAt(0);
  return first === 45 || (first | 32) === 112 || t.slice(-9).toLowerCase().includes(' of ');
}

function countAddresses(blocks: TextBlock[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const b of blocks) if (b.text.startsWith('http')) seen.set(b.text, (seen.get(b.text) ?? 0) + 1);
  return seen;
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
const MIN_PARAGRAPH = 200;

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
function proseFollows(blocks: TextBlock[], roles: BlockRole[], i: number): boolean {
  let chars = 0;
  for (let j = i + 1; j < blocks.length && chars < MIN_PARAGRAPH; j++) if (roles[j]!.role === 'prose') chars += blocks[j]!.text.length;
  return chars >= MIN_PARAGRAPH;
}

// Matched on `caseFolded` text.
const GENRE_LABEL =
  /^(?:analysis|opinion|comment|commentary|explainer|explained|interview|exclusive|update|breaking|live|factbox|fact ?check|timeline|editorial|feature|review|q ?& ?a|insight|perspective|podcast|video|watch|listen)\s*[:|–—-]\s/;

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

function findStart(blocks: TextBlock[], roles: BlockRole[], from: number, description: string | null): number {
  for (let i = from; i < blocks.length; i++) {
    const role = roles[i]!;
    if (role.role !== 'prose') continue;
    const b = blocks[i]!;
    if (isHeaderFurniture(b)) continue;
    if (i === 0 && isMastheadBlock(blocks, roles)) continue;
    if (description !== null && isSummary(blocks, roles, i, description)) continue;
    if (b.text.length < 150 && i + 1 < blocks.length && !isStampedTurn(b.text)) {
      // A headline written as a sentence: title case, a genre label ("Analysis: …"), or a line
      // followed by the byline or dateline that sits under headlines.
      if (titleCaseRatio(b.text) >= 0.8 || GENRE_LABEL.test(caseFolded(b.text))) continue;
      const next = blocks[i + 1]!;
      // Only for lines that do not end in a full stop: headlines ask or exclaim, leads state.
      if (!/\.[)"'”’»]*$/.test(b.text) && roles[i + 1]!.role !== 'prose' && (isHeaderFurniture(next) === 'byline' || (next.text.length < 80 && findDate(next.text))))
        continue;
    }
    if (isStandfirst(blocks, roles, i) || isAboveUpdateStamp(blocks, roles, i) || isAboveAuthorLines(blocks, roles, i) || isEmphasisedDek(blocks, roles, i)) continue;
    if (b.text.length <= MAX_STANDFIRST && closesWithReadingTime(b.text) && proseFollows(blocks, roles, i)) continue;
    if (isNoteUnderByline(blocks, i) && proseFollows(blocks, roles, i)) continue;
    return i;
  }
  // No prose at all (a list, a table): everything that is not furniture.
  const first = roles.findIndex((r, i) => i >= from && r.role !== 'furniture' && r.role !== 'tail');
  return first < 0 ? from : first;
}

/** The widest run of spaces a line of prose holds; a masthead sets its two names across the page, far apart. */
const MASTHEAD_GAP = '        ';
/** How far into the text's first block its first line is looked for. */
const MASTHEAD_LINE = 120;

/**
 * A release's masthead copied from its PDF as the text's first block: its first line set across the page, the
 * publisher at the left and the series at the right ("HARBOUR RESEARCH          Weekly Shipping Monitor"), then the
 * issue, the release time and how to cite it; a headline follows, then the story. Blocks join their lines, so the
 * first line is the block's opening characters.
 */
function isMastheadBlock(blocks: readonly TextBlock[], roles: readonly BlockRole[]): boolean {
  const t = blocks[0]!.text;
  const gap = t.indexOf(MASTHEAD_GAP);
  if (gap <= 0 || gap > MASTHEAD_LINE || t.charCodeAt(gap - 1) === 32) return false;
  let after = gap;
  while (after < t.length && t.charCodeAt(after) === 32) after++;
  if (after >= t.length) return false;
  // The headline under it, then the story's prose.
  return blocks.length > 2 && roles[1]!.role === 'heading' && roles[2]!.role === 'prose';
}

/**
 * "[00:00:04] ANN VALE: Hello and welcome to River Talk. I'm Ann Vale.": a transcript's turn, stamped with its time and
 * labelled with its speaker, is speech however many of its words are names; no headline opens so.
 */
const STAMPED_TURN = /^[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]? +[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}: \S/;
const isStampedTurn = (t: string): boolean => {
  const c = t.charCodeAt(0);
  return (c === 91 || c === 40 || (c >= 48 && c <= 57)) && STAMPED_TURN.test(t);
};

/**
 * The page's summary repeated above the story (GOV.UK's lead paragraph, a news site's dek): the
 * same words as the meta description, followed by something other than the story's next
 * paragraph. A story whose first paragraph is its description goes straight on with prose.
 */
function isSummary(blocks: TextBlock[], roles: BlockRole[], i: number, description: string): boolean {
  const t = blocks[i]!.text;
  if (t.length !== description.length || t !== description) return false;
  return i + 1 < blocks.length && roles[i + 1]!.role !== 'prose';
}

/** Most blocks (headline, author's name and headline, date, a follow button) between a masthead's button and the first paragraph. */
const MAX_UNDER_MASTHEAD_BUTTON = 10;

/**
 * A newsletter's or a blog's masthead sets its subscribe button above the post: the publication's name, its one-line
 * pitch ("Notes on shipping and sanctions. Every other Tuesday."), a subscriber count, "Subscribe". The pitch reads as
 * prose, yet the button under it closes no story: no paragraph lies between the two, and the post's header (headline,
 * author, date) and its first paragraph follow. The story then starts under the button, which is the masthead's.
 * `first` when the prose from `first` to the first end-matter label adds up to a paragraph, or that label is no
 * subscribe button, or no paragraph's worth of prose follows it within a post's header, before any other such label.
 */
function startUnderButton(blocks: TextBlock[], roles: BlockRole[], first: number, description: string | null): number {
  let chars = 0;
  for (let i = first; i < blocks.length; i++) {
    const role = roles[i]!.role;
    if (role === 'prose') {
      chars += blocks[i]!.text.length;
      if (chars >= MIN_PARAGRAPH) return first;
      continue;
    }
    if (role !== 'tail') continue;
    if (!isSubscribeButton(blocks[i]!)) return first;
    // A paragraph's worth of prose, in one block or two, before any end-matter label.
    let below = 0;
    for (let j = i + 1; j < blocks.length && j <= i + MAX_UNDER_MASTHEAD_BUTTON; j++) {
      const r = roles[j]!.role;
      if (r === 'tail') return first;
      if (r === 'prose') below += blocks[j]!.text.length;
      if (below >= MIN_PARAGRAPH) {
        roles[i] = { role: 'furniture', kind: 'promo' };
        return findStart(blocks, roles, i + 1, description);
      }
    }
    return first;
  }
  return first;
}

/**
 * A script or a release opening with a header of fields, one of which reads as a sentence ("VERSION: Full script."):
 * the story is found under the header, not at that field.
 */
function startAfterFields(blocks: TextBlock[], roles: BlockRole[], first: number, description: string | null): number {
  const after = fieldHeaderEnd(blocks, roles, first);
  return after < 0 || after >= blocks.length ? first : findStart(blocks, roles, after, description);
}

/** Most characters above a rule that a masthead of metadata lines holds. */
const MAX_MASTHEAD = 1200;
/** Fewest "Label: value" fields that make the lines above a rule a masthead. */
const MIN_MASTHEAD_FIELDS = 2;
/**
 * A field of metadata: a label of one to three words, the first capitalised, and a colon. A label in capitals may be
 * padded to line its colon up with the others' ("READER   : Ann Vale"), as a typed script's header sets them.
 */
const FIELD = /(?:^|\s)(?:[A-Z][A-Za-z]*(?: [A-Za-z]+){0,2}|[A-Z]{2,}(?: [A-Z]+){0,2} +):\s/g;

/**
 * Exports, releases and bulletins open with a masthead of metadata ("Release date: …",
 * "Collector: …") closed by a rule line; the story starts after the rule, at its first sentence
 * (a key point or a paragraph), however the masthead's lines read.
 */
function startAfterMasthead(blocks: TextBlock[], roles: BlockRole[], first: number): number {
  const rule = mastheadRule(blocks);
  if (rule < 0 || opensStoryAbove(blocks, roles, first, rule)) return first;
  for (let j = rule + 1; j < blocks.length; j++) {
    if (roles[j]!.role === 'item' && endsSentence(blocks[j]!.text)) return j;
    if (roles[j]!.role === 'prose') return Math.min(Math.max(first, j), findStart(blocks, roles, j, null));
  }
  return first;
}

/** Shortest paragraph above a masthead's rule that opens the story (a one-line note above a rule is the masthead's). */
const MIN_OPENING_PARAGRAPH = 100;

/**
 * The story's first paragraph lies above the rule: a paragraph of prose, not a field ("Hello and
 * good morning from …" under an e-mail's "From:"/"Subject:" lines). The rule then parts the
 * story's items, as a newsletter draws one between its sections; metadata holds no such paragraph.
 */
function opensStoryAbove(blocks: TextBlock[], roles: BlockRole[], first: number, rule: number): boolean {
  if (first >= rule || roles[first]!.role !== 'prose') return false;
  const t = blocks[first]!.text;
  FIELD.lastIndex = 0;
  return t.length >= MIN_OPENING_PARAGRAPH && endsSentence(t) && !FIELD.test(t.slice(0, 40)) && !runsOnFromField(blocks, first);
}

/**
 * The block at `first` runs on, on the next line with no blank line between, from a line of fields ("ACTUAL: 4'52\""
 * over "Filed to playout 07:41. …"): a note of the masthead's own paragraph, not the story's opening, which a blank
 * line sets apart from the masthead.
 */
function runsOnFromField(blocks: TextBlock[], first: number): boolean {
  if (first === 0) return false;
  const above = blocks[first - 1]!;
  // One line break between them: a blank line would part the two.
  if (blocks[first]!.start - above.end !== 1 || above.text.indexOf(':') < 0) return false;
  FIELD.lastIndex = 0;
  return FIELD.test(above.text);
}

/** Most lines of a title above a masthead's top border. */
const MAX_MASTHEAD_TITLE = 2;

function mastheadRule(blocks: TextBlock[]): number {
  let fields = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.end > MAX_MASTHEAD) return -1;
    // A rule under a title (a line or two that end no sentence), with no field above it, is the masthead's top border:
    // its fields are below it. Under a paragraph it parts the story's sections.
    if (isRuleLine(b.text)) {
      if (fields === 0 && i <= MAX_MASTHEAD_TITLE && !blocks.slice(0, i).some((t) => endsSentence(t.text))) continue;
      return fields >= MIN_MASTHEAD_FIELDS && i > 0 ? i : -1;
    }
    if (b.text.includes(':')) fields += b.text.match(FIELD)?.length ?? 0;
  }
  return -1;
}

/** Most blocks and characters of a footer closed off by a rule under the story. */
const MAX_FOOTER_BLOCKS = 8;
const MAX_FOOTER_CHARS = 600;
/** A footnote's mark at the start of a line ("[2] …", "3 UN Security …", "* …"). */
const FOOTNOTE_MARK = /^(?:\[\d{1,3}\]|\d{1,3}\s|[*†‡¹²³⁴⁵⁶⁷⁸⁹])/;

/**
 * The last rule line, when what follows it is a short footer (contacts, an export's checksum, a
 * signature line) and not footnotes, which are the story's own: the story ends above it. The
 * number of blocks when there is none.
 */
function footerRule(blocks: TextBlock[], first: number): number {
  const n = blocks.length;
  for (let i = n - 1; i > first && i >= n - 1 - MAX_FOOTER_BLOCKS; i--) {
    if (!isRuleLine(blocks[i]!.text) && !isShortRule(blocks, i)) continue;
    if (i === n - 1 || blocks[n - 1]!.end - blocks[i]!.end > MAX_FOOTER_CHARS) return n;
    for (let j = i + 1; j < n; j++) if (FOOTNOTE_MARK.test(blocks[j]!.text)) return n;
    return i;
  }
  return n;
}

/**
 * The delimiter that opens an e-mail's signature: a line of two hyphens ("-- ", RFC 3676).
 * Whatever follows it (contacts, certifications, disclosures, a confidentiality notice) is the
 * sender's footer, however long. The number of blocks when there is none under the story's start.
 */
function signatureDelimiter(blocks: TextBlock[], first: number): number {
  for (let i = first + 1; i < blocks.length; i++) if (blocks[i]!.text === '--') return i;
  return blocks.length;
}

/** Most blocks (the place and date of delivery, a "[Signatures]" mark, a note on the language) under a row of signatories. */
const MAX_UNDER_SIGNATORIES = 6;
/** Longest block under a row of signatories. */
const MAX_UNDER_SIGNATORY = 200;
/** Most words of one signatory's name. */
const MAX_SIGNATORY_WORDS = 5;

/**
 * A judgment, a treaty or a joint statement closes with its signatories' names side by side, set apart by runs of
 * blanks ("da Silva Passos          Gervasoni          Nõmm"): the body ends above that row. Taken only near the text's
 * end, with nothing but a few short blocks under it and no other row of columns (a table's heading row has its rows
 * of figures under it).
 */
function signatoriesRow(blocks: readonly TextBlock[], first: number): number {
  for (let i = Math.max(first + 1, blocks.length - 1 - MAX_UNDER_SIGNATORIES); i < blocks.length; i++) {
    if (blocks[i]!.text.indexOf('   ') < 0 || !isSignatoriesRow(blocks[i]!.text)) continue;
    for (let j = i + 1; j < blocks.length; j++) {
      const t = blocks[j]!.text;
      if (t.length > MAX_UNDER_SIGNATORY || COLUMN_GAP.test(t)) return blocks.length;
    }
    return i;
  }
  return blocks.length;
}

/** Two names or more in columns: each of a few words without digits, its last word capitalised. */
function isSignatoriesRow(t: string): boolean {
  const cells = t.trim().split(COLUMN_GAP);
  if (cells.length < 2) return false;
  for (const cell of cells) {
    const words = cell.split(' ');
    if (words.length > MAX_SIGNATORY_WORDS || !SIGNATORY().test(cell)) return false;
    const last = words[words.length - 1]!;
    if (last[0] === last[0]!.toLowerCase()) return false;
  }
  return true;
}
/** A signatory's name: letters, with the stops, hyphens and apostrophes of names and initials, and single spaces. */
const SIGNATORY = lazyRegExp(() => /^[\p{L}][\p{L}.'’-]*(?: [\p{L}][\p{L}.'’-]*)*$/u);

/**
 * A short rule ("---", "___", "==="), as Markdown and e-mail draw one, under a paragraph that ends a
 * sentence. Under a line that ends none it underlines a heading (Markdown's "Title" over "---").
 */
function isShortRule(blocks: TextBlock[], i: number): boolean {
  const t = blocks[i]!.text;
  if (t.length < 3 || t.length > 9 || i === 0) return false;
  const c = t.charCodeAt(0);
  if (c !== 45 && c !== 95 && c !== 61) return false;
  for (let k = 1; k < t.length; k++) if (t.charCodeAt(k) !== c) return false;
  return endsSentence(blocks[i - 1]!.text);
}

/** Longest label of a bracketed note ("[Monitoring note:", "(Analyst's comment:"). */
const MAX_NOTE_LABEL = 40;

/**
 * The block at `end` is a bracketed note labelled as one inside the story is ("[Monitoring note:
 * …]" closing the last section of a digest whose earlier sections carry one): the story's own
 * recurring note, not a direction or a credit under it.
 */
function repeatsStoryNote(blocks: TextBlock[], first: number, end: number): boolean {
  const t = blocks[end]!.text;
  const open = t.charCodeAt(0);
  if (open !== 91 && open !== 40) return false;
  const colon = t.indexOf(':');
  if (colon < 2 || colon > MAX_NOTE_LABEL) return false;
  // A direction in capitals ("[STING: NEWS OUT]", "[MUSIC: THEME UP]") cues the studio, as a script's cues do between
  // its items: under the last one it is no note of the story's.
  if (!/\p{Ll}/u.test(t.slice(colon + 1))) return false;
  const label = t.slice(0, colon + 1);
  for (let j = first; j < end; j++) if (blocks[j]!.text.startsWith(label)) return true;
  return false;
}

/** Fewest words of a sentence that introduces the story with a colon ("…, hereby depose and state as follows:"). */
const MIN_LEAD_IN_WORDS = 8;

/**
 * The sentence that opens a statement or an affidavit and ends in a colon, or a speech's salutation
 * ("Excellencies, ladies and gentlemen,"), above the story's first paragraph or above its first
 * section heading: the story's own first words, not a headline.
 */
function leadIn(blocks: TextBlock[], roles: BlockRole[], start: number): number {
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

/**
 * The block at `end` opens the section numbered next after one of the story's ("4. The ministry will
 * …" after "3. Remarks …"): the story's last section, whatever it names, not a closing note.
 */
function continuesSections(blocks: TextBlock[], roles: BlockRole[], first: number, end: number): boolean {
  if (roles[end]!.role === 'furniture' || roles[end]!.role === 'tail') return false;
  const n = sectionNumber(blocks[end]!.text);
  if (n < 2) return false;
  for (let j = Math.max(0, first - 1); j < end; j++) if (sectionNumber(blocks[j]!.text) === n - 1) return true;
  return false;
}

/** A note naming a table's source: "Source: Army (data submitted …)", "Sources: Customs; Railways". */
const TABLE_SOURCE_NOTE = /^sources?\s*:\s*\S/i;
/** A row of a table holding a figure: a pipe row, or cells set apart by tabs or runs of spaces, one of them a figure. */
const FIGURE_ROW = /^\|.*\d.*\|$|^\S.*(?:\t| {2,})[^\t]*\d/;

/**
 * "Source: Army (…)" right under a table's last row: the table's own note, part of the story as the table is, not a
 * photograph's credit (which a "Source:" line under a picture is).
 */
function markTableSourceNotes(blocks: TextBlock[], roles: BlockRole[]): void {
  for (let i = 1; i < blocks.length; i++) {
    const r = roles[i]!;
    if (r.role !== 'furniture' || r.kind !== 'other' || blocks[i]!.hint !== undefined) continue;
    const t = blocks[i]!.text;
    if ((t.charCodeAt(0) | 32) !== 115 || !TABLE_SOURCE_NOTE.test(t)) continue;
    if (FIGURE_ROW.test(blocks[i - 1]!.text.trim())) roles[i] = { role: 'prose' };
  }
}

/** A pipe table's row: "| June | 380 |". */
const PIPE_ROW = /^\|.*\|$/;
/** A pipe table's delimiter row: "|---|---:|". */
const PIPE_DELIMITER = /^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{3,}:?\s*\|?$|^\|(?:\s*:?-{3,}:?\s*\|)+$/;

/**
 * The block at `end` is a row of a pipe table (a header, its delimiter row, rows) that stands in the story, right
 * under its prose: the table's rows are short lines without full stops, but the story's own figures.
 */
function closesWithPipeTable(blocks: TextBlock[], first: number, end: number): boolean {
  let i = end;
  while (i > first && PIPE_ROW.test(blocks[i]!.text.trim()) && !PIPE_DELIMITER.test(blocks[i]!.text.trim())) i--;
  if (i === end && !PIPE_DELIMITER.test(blocks[i]!.text.trim())) return false;
  return i - 1 > first && PIPE_DELIMITER.test(blocks[i]!.text.trim()) && PIPE_ROW.test(blocks[i - 1]!.text.trim());
}

/** Longest teaser (standfirst) set above a byline: a story's lead that long is not skipped. */
const MAX_STANDFIRST = 400;

/**
 * A teaser under the headline ("X has become … An analysis."): a short paragraph of prose whose
 * next block is the byline, with the story's prose further down. Bylines sit between the
 * headline matter and the story, so prose above one is headline matter too, full stop or not.
 */
function isStandfirst(blocks: TextBlock[], roles: BlockRole[], i: number): boolean {
  if (blocks[i]!.text.length > MAX_STANDFIRST || i + 2 >= blocks.length) return false;
  const next = i + 1;
  // A byline naming writers, not any line with bars ("Soldiers at the border | Photo: AP" captions a lead), or the
  // line the page's markup calls its byline ("By Ann Vale 15 May 2025, 11:40 4,812 views": name, time and counts).
  if (roles[next]!.role === 'prose' || !(isNamedByline(blocks[next]!) || blocks[next]!.hint === 'byline')) return false;
  for (let j = next + 1; j < blocks.length && j <= next + 3; j++) if (roles[j]!.role === 'prose') return true;
  return false;
}

/** A page's stamp of when it was put up or last changed ("Last updated: 12.06.2025, 22:31", "Published 3 May 2026"). */
const UPDATE_STAMP = /^(?:last\s+)?(?:updated|published|posted|modified|edited)\b/i;
/** Longest such stamp line. */
const MAX_UPDATE_STAMP = 80;
/** A date written in figures ("12.06.2025", "6/12/25", "2025-06-12"), which `findDate` leaves to the day's order. */
const NUMERIC_DATE = /\b(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\b/;

/**
 * A teaser over the page's stamp ("Follow our live coverage … All times are Kyiv time." over "Last updated: …"): the
 * stamp sits between the headline matter and the story, as a byline does, so the prose above it is headline matter,
 * with the story's prose further down (a live page's posts may lie under a box of key events).
 */
function isAboveUpdateStamp(blocks: TextBlock[], roles: BlockRole[], i: number): boolean {
  const next = i + 1;
  if (blocks[i]!.text.length > MAX_STANDFIRST || next + 1 >= blocks.length || roles[next]!.role === 'prose') return false;
  const t = blocks[next]!.text;
  return t.length <= MAX_UPDATE_STAMP && UPDATE_STAMP.test(t) && (NUMERIC_DATE.test(t) || findDate(t) !== null) && proseFollows(blocks, roles, next);
}

/** Most short lines (the author's name, a "Follow" button, "Published in …") between a subtitle and its reading time. */
const MAX_AUTHOR_LINES = 5;
/** Longest of those lines. */
const MAX_AUTHOR_LINE = 80;

/** A note about the author right under a byline line (a named byline, or one with a date or a reading time). */
function isNoteUnderByline(blocks: TextBlock[], i: number): boolean {
  if (i === 0) return false;
  const above = blocks[i - 1]!;
  if (above.text.length > MAX_AUTHOR_LINE) return false;
  if (!isNamedByline(above) && !isReadingTime(above.text) && findDate(above.text) === null) return false;
  return isAuthorNoteUnder(blocks[i]!, above.text);
}

/**
 * A blog platform's subtitle: a short paragraph over the author's lines (name, "Follow", "Published in …") that end
 * in a byline naming the writer or the piece's reading time ("8 min read"), with the story's prose further down.
 * Header metadata sits between the headline matter and the story, so prose above it is headline matter.
 */
function isAboveAuthorLines(blocks: TextBlock[], roles: BlockRole[], i: number): boolean {
  if (blocks[i]!.text.length > MAX_STANDFIRST) return false;
  for (let j = i + 1; j < blocks.length && j <= i + MAX_AUTHOR_LINES; j++) {
    const b = blocks[j]!;
    if (roles[j]!.role === 'prose' || roles[j]!.role === 'item' || b.text.length > MAX_AUTHOR_LINE) return false;
    if (isNamedByline(b) || isReadingTime(b.text)) return roles.some((r, k) => k > j && r.role === 'prose');
  }
  return false;
}

/**
 * A magazine's dek set in italics right under its headline ("_A drone commander on the winter …
 * As told to …_"), with the story's plain paragraphs below it (maybe after a photo credit): the
 * headline's matter, not the story. An italic intro under a byline or a dateline ("*Cho receives
 * us …*" over an interview) is the story's own opening, and so is one with no plain paragraph
 * after it.
 */
function isEmphasisedDek(blocks: TextBlock[], roles: BlockRole[], i: number): boolean {
  const t = blocks[i]!.text;
  if (i === 0 || t.length > MAX_STANDFIRST || !isEmphasised(t)) return false;
  const above = blocks[i - 1]!;
  if (roles[i - 1]!.role !== 'heading' || isHeaderFurniture(above) || findDate(above.text)) return false;
  let j = i + 1;
  while (j < blocks.length && j <= i + 3 && roles[j]!.role === 'furniture') j++;
  return j < blocks.length && roles[j]!.role === 'prose' && emphasisOpenLength(blocks[j]!.text) === 0;
}

/** A paragraph set wholly in Markdown emphasis: "_…_", "*…*", "**…**". */
function isEmphasised(t: string): boolean {
  const open = emphasisOpenLength(t);
  if (open === 0 || t.length <= 2 * open) return false;
  for (let k = 1; k <= open; k++) if (t.charCodeAt(t.length - k) !== t.charCodeAt(0)) return false;
  return !isRegexSpace(t.charCodeAt(t.length - open - 1));
}

/** Longest label set over a list of key points ("HIGHLIGHTS", "Key points:"). */
const MAX_LIST_LABEL = 40;

/**
 * Key points set as bullets above the story's first paragraph ("• At least 9 people were killed
 * …"): items that are sentences are the story's own, and so is the short label over them; only when every item of the
 * list is one.
 */
function leadingItems(blocks: TextBlock[], roles: BlockRole[], first: number): number {
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

/** Block k, or the first block above it that is not furniture, is a news page's posted/updated stamp. */
function underStoryStamp(blocks: readonly TextBlock[], roles: readonly BlockRole[], k: number): boolean {
  while (k >= 0 && roles[k]!.role === 'furniture') k--;
  if (k < 0) return false;
  const t = blocks[k]!.text;
  if (t.length > MAX_UPDATE_STAMP) return false;
  return UPDATE_STAMP.test(t) && (NUMERIC_DATE.test(t) || findDate(t) !== null);
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

function isTrailingFurniture(block: TextBlock, role: BlockRole, outlet: string | null): boolean {
  if (role.role !== 'tail' && isBroadcastSignOff(block)) return false;
  if (role.role === 'furniture' || role.role === 'tail') return true;
  // "Claire Hadley reported from Seoul.": the reporters' credit under the story.
  if (role.role === 'prose' && isReporterCredit(block)) return true;
  // An inventory's last line ("DEPLOYMENT" over "RUSSIA: … ε11,000 …") is the entry's data, not a closing label.
  if (role.role === 'heading') return !isClosingThanks(block) && !isInventoryLine(block.text);
  // A notice's closing contact lines ("Hotline: +1 202-555-0100 or 555-0101") are the office's particulars.
  return isFooterNote(block, outlet) || isContactLine(block.text);
}

/** What each block outside the story is; null for blocks of the story. */
function blockKinds(blocks: TextBlock[], roles: BlockRole[], start: number, end: number): Array<BoilerplateKind | null> {
  const kinds: Array<BoilerplateKind | null> = [];
  let tailKind: BoilerplateKind = 'footer';
  for (let i = 0; i < blocks.length; i++) {
    const role = roles[i]!;
    const b = blocks[i]!;
    if (i < start) {
      kinds.push(b.hint ?? (role.role === 'furniture' ? role.kind : isHeaderFurniture(b) === 'byline' ? 'byline' : 'other'));
    } else if (i <= end) {
      kinds.push(role.role === 'furniture' ? role.kind : null);
    } else {
      if (role.role === 'tail') tailKind = role.kind;
      kinds.push(b.hint ?? (role.role === 'furniture' ? role.kind : role.role === 'tail' ? role.kind : tailKind));
    }
  }
  return kinds;
}

/** Consecutive blocks of one kind become one span (from the first block's start to the last's end). */
function mergeSpans(blocks: TextBlock[], kinds: Array<BoilerplateKind | null>): BoilerplateSpan[] {
  const spans: BoilerplateSpan[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const kind = kinds[i];
    if (!kind) continue;
    const last = spans.length > 0 ? spans[spans.length - 1] : undefined;
    if (last && last.kind === kind && kinds[i - 1] === kind) last.end = blocks[i]!.end;
    else spans.push({ start: blocks[i]!.start, end: blocks[i]!.end, kind });
  }
  return spans;
}
