// Which paragraph of prose is the story's first: the first one that is no headline matter. A headline written as a
// sentence, a standfirst over a byline or a page's update stamp, a blog's subtitle over its author's lines, a dek set
// in italics, the page's summary repeated, a note about the author under the byline, a PDF masthead's first line: each
// reads as prose, yet stands between the headline and the story, whose prose follows. A list or a table with no prose
// at all opens with its first block that is not furniture.
import { findDate } from '../dates.js';
import { isAuthorNoteUnder } from './author-bio.js';
import { caseFolded, closesWithReadingTime, isHeaderFurniture, isNamedByline, isReadingTime, isRegexSpace, titleCaseRatio, type BlockRole } from './cues.js';
import { proseFollows } from './end-matter.js';
import { emphasisOpenLength } from './story-edges.js';
import type { TextBlock } from './text-block.js';

// Matched on `caseFolded` text.
const GENRE_LABEL =
  /^(?:analysis|opinion|comment|commentary|explainer|explained|interview|exclusive|update|breaking|live|factbox|fact ?check|timeline|editorial|feature|review|q ?& ?a|insight|perspective|podcast|video|watch|listen)\s*[:|–—-]\s/;

export function findStart(blocks: TextBlock[], roles: BlockRole[], from: number, description: string | null): number {
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

/** A line that is only a page's stamp of when it was put up or last changed, with its date. */
export function isUpdateStamp(t: string): boolean {
  return t.length <= MAX_UPDATE_STAMP && UPDATE_STAMP.test(t) && (NUMERIC_DATE.test(t) || findDate(t) !== null);
}

/**
 * A teaser over the page's stamp ("Follow our live coverage … All times are Kyiv time." over "Last updated: …"): the
 * stamp sits between the headline matter and the story, as a byline does, so the prose above it is headline matter,
 * with the story's prose further down (a live page's posts may lie under a box of key events).
 */
function isAboveUpdateStamp(blocks: TextBlock[], roles: BlockRole[], i: number): boolean {
  const next = i + 1;
  if (blocks[i]!.text.length > MAX_STANDFIRST || next + 1 >= blocks.length || roles[next]!.role === 'prose') return false;
  return isUpdateStamp(blocks[next]!.text) && proseFollows(blocks, roles, next);
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
