// Finds the story among the blocks of one text, and what lies around it (header, end matter, furniture inside). This
// file holds the pipeline and its order; each step's reading of the layouts it knows lives in its own module:
//   role-corrections.ts, numbered-paragraphs.ts, photo-captions.ts   roles corrected over the whole text
//   lead-paragraph.ts, mastheads.ts, contents-list.ts, entry-headings.ts   the story's first paragraph
//   end-matter.ts, trailing-furniture.ts   where the end matter opens and the story's last block above it
//   story-opening.ts (key-points.ts, wire-story.ts, live-posts.ts …)   the lines above the first paragraph it takes in
//   meeting-record.ts, enacting-formula.ts, register-notice.ts, call-transcript.ts, letters-page.ts   documents that
//     set their own bounds; body-fallback.ts   a check on the body chosen
//   story-edges.ts   the marks at the story's first and last characters
import type { BoilerplateSpan } from '../../domain/document.js';
import type { Span } from '../../domain/span.js';
import { fallbackRun } from './body-fallback.js';
import { callTranscriptOpening } from './call-transcript.js';
import { contentsListStart } from './contents-list.js';
import { classifyBlock, endsSentence, isEndMark, isFooterNote, isHeaderFurniture, type BlockRole } from './cues.js';
import { enactingFormulaBlock } from './enacting-formula.js';
import { endMatterStart } from './end-matter.js';
import { entryStart } from './entry-headings.js';
import { isFieldLine, labelledFormStart } from './form-openings.js';
import { findStart } from './lead-paragraph.js';
import { lettersPageSpan } from './letters-page.js';
import { startAfterFields, startAfterMasthead, startUnderButton } from './mastheads.js';
import { meetingRecordSpan } from './meeting-record.js';
import { markNumberedAuthorSection } from './numbered-paragraphs.js';
import { markPhotoCaptions } from './photo-captions.js';
import { markConsentNotices } from './consent-notice.js';
import { beforeTrailingNotes, isRegisterFile, registerFirstParagraph } from './register-notice.js';
import { findRelatedStories, type RelatedStory } from './related-stories.js';
import { markPageFurniture, markTableSourceNotes } from './role-corrections.js';
import { storyCharacters } from './story-edges.js';
import { storyOpening } from './story-opening.js';
import type { BoilerplateKind, TextBlock } from './text-block.js';
import { lastStoryBlock } from './trailing-furniture.js';

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
  const roles = blockRoles(blocks);
  const description = options.description ?? null;
  const opening = firstStoryBlock(blocks, roles, description);
  const span = storyPastTeaser(blocks, roles, storySpan(blocks, roles, opening, options), options);
  let { start, end } = documentSpan(blocks, roles, span);
  // A body that is a small part of the page's prose, with a far longer run of paragraphs elsewhere: the story is read
  // from that run as from any first paragraph (body-fallback.ts), or is the run alone should that reading not hold it.
  const run = fallbackRun(blocks, roles, start, end);
  if (run !== null) {
    const retry = storySpan(blocks, roles, run.first, options);
    ({ start, end } = retry.start <= run.first && retry.end >= run.last ? retry : { start: run.first, end: run.last });
  }
  const kinds = blockKinds(blocks, roles, start, end);
  const relatedBlocks = blocks.filter((_, i) => i > end && kinds[i] === 'related');
  return {
    main: storyCharacters(blocks, start, end),
    boilerplate: mergeSpans(blocks, kinds),
    related: findRelatedStories(relatedBlocks),
    header: blocks.slice(0, start),
  };
}

/** Each block's role: its markup hint's, else what cues.ts reads in it alone, then corrected over the whole text. */
function blockRoles(blocks: TextBlock[]): BlockRole[] {
  const roles = blocks.map((b): BlockRole => (b.hint ? { role: 'furniture', kind: b.hint } : classifyBlock(b)));
  markPageFurniture(blocks, roles);
  markPhotoCaptions(blocks, roles);
  markConsentNotices(blocks, roles);
  markNumberedAuthorSection(blocks, roles);
  markTableSourceNotes(blocks, roles);
  return roles;
}

/** The story's first block found: its first paragraph, under any contents list, entry heading, masthead or fields. */
function firstStoryBlock(blocks: TextBlock[], roles: BlockRole[], description: string | null): number {
  // A report from print may open with its table of contents: the story starts under the first section it lists.
  // The section a contents list names is below the list, and the list below any masthead or fields: nothing above it
  // opens the story (a cover's "To: …" line under the filing's header rule is no first sentence).
  const contents = contentsListStart(blocks, roles);
  if (contents >= 0) return contents;
  // A reference work's entry opens under its heading, with its data lines above its first paragraph.
  const found = entryStart(blocks, roles, findStart(blocks, roles, 0, description));
  return startAfterFields(blocks, roles, startAfterMasthead(blocks, roles, startUnderButton(blocks, roles, found, description)), description);
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

/**
 * A teaser or a standfirst taken for the whole story, a button or a label under it taken for its end, and the story's
 * prose below (maybe under another teaser and its button): the story is that prose, found from under the label as the
 * first story was. `span` when the body found is no such short one, or no such prose lies below it.
 */
function storyPastTeaser(blocks: TextBlock[], roles: BlockRole[], span: StorySpan, options: MainBodyOptions): StorySpan {
  const length = blocks[span.end]!.end - blocks[span.start]!.start;
  const storyNeeded = Math.max(MIN_STORY_RUN, length * MIN_STORY_RATIO);
  if (length >= MIN_STORY_BODY || storyRun(blocks, roles, span.tail + 1, blocks.length - 1) < storyNeeded) return span;
  const description = options.description ?? null;
  const skipped: number[] = [];
  let short = span;
  for (let tries = 0; tries < MAX_STORY_RETRIES && short.tail < blocks.length && SKIPPABLE_TAIL.has((roles[short.tail] as { kind: BoilerplateKind }).kind) && !isEndMark(blocks[short.tail]!); tries++) {
    skipped.push(short.tail);
    const next = findStart(blocks, roles, short.tail + 1, description);
    if (next >= blocks.length || roles[next]!.role !== 'prose') break;
    const retry = storySpan(blocks, roles, next, options);
    if (storyRun(blocks, roles, retry.start, retry.end) >= storyNeeded) {
      for (const k of skipped) roles[k] = { role: 'furniture', kind: (roles[k] as { kind: BoilerplateKind }).kind };
      return retry;
    }
    if (blocks[retry.end]!.end - blocks[retry.start]!.start >= MIN_STORY_BODY) break;
    short = retry;
  }
  return span;
}

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

/** The story's first and last blocks, and the block that opens its end matter (or the number of blocks). */
interface StorySpan {
  start: number;
  end: number;
  tail: number;
}

/** The story's first and last blocks from its first block found, and the block that opens its end matter (or the number of blocks). */
function storySpan(blocks: TextBlock[], roles: BlockRole[], first: number, options: MainBodyOptions): StorySpan {
  const tail = endMatterStart(blocks, roles, first);
  const outlet = typeof options.outlet === 'function' ? options.outlet(blocks.slice(0, first)) : (options.outlet ?? null);
  let end = lastStoryBlock(blocks, roles, first, tail, outlet);
  const start = storyOpening(blocks, roles, first, end, options.captions === true);
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

/**
 * Documents that set their own bounds, whatever the page holds around them, else the story's span: a verbatim record
 * runs from the formula opening its proceedings to the one closing them; a legal act printed whole starts at the
 * institution that enacts it ("THE COUNCIL OF THE EUROPEAN UNION,"), the journal's header and the act's title above
 * that line its heading; a Federal Register document's text file (register-notice.ts) runs from its first paragraph
 * under the heading set flush left to its last paragraph before the notes under it; a call transcript opens at its
 * first turn, under its caution and participants list (call-transcript.ts); a letters page runs from its first letter
 * to the signature under its last (letters-page.ts).
 */
function documentSpan(blocks: TextBlock[], roles: BlockRole[], span: StorySpan): { start: number; end: number } {
  const record = meetingRecordSpan(blocks);
  if (record !== null) return { start: record.start, end: record.end ?? Math.max(span.end, record.start) };
  const act = enactingFormulaBlock(blocks);
  if (act >= 0) return act < span.end ? { start: act, end: span.end } : { start: span.start, end: span.end };
  let { start, end } = span;
  if (isRegisterFile(blocks)) {
    const first = registerFirstParagraph(blocks, end);
    if (first > start) start = first;
    end = beforeTrailingNotes(blocks, start, end);
  }
  start = callTranscriptOpening(blocks, roles, start, end);
  ({ start, end } = lettersPageSpan(blocks, roles, start, end));
  return { start, end };
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
