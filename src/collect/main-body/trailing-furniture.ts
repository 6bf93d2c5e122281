// Where the story ends, above its end matter: first at the nearest bound under it (the end matter's label, a footer
// closed off by a rule, an e-mail's signature delimiter, a row of signatories, the next entry's heading), then above
// the furniture that trails its last paragraph (credits, footers, the outlet's or the agency's notes, an author's bio,
// contact lines, a bibliography of endnotes, a roll of attendance). Blocks that look like such furniture yet close the
// story's own text stay: its next numbered section, its recurring bracketed note, a table's last rows, a letter's
// signature, the last line of a hard-wrapped sentence.
import { lazyRegExp } from '../text/lazy-regexp.js';
import { bylineAuthors, isAuthorBio } from './author-bio.js';
import { closesWithCellRows } from './cell-rows.js';
import { citationNotesStart } from './citation-notes.js';
import { endsSentence, isBroadcastSignOff, isClosingThanks, isFooterNote, isReporterCredit, type BlockRole } from './cues.js';
import { nextEntryHeading } from './entry-headings.js';
import { COLUMN_GAP, sectionNumber } from './form-openings.js';
import { isInventoryLine } from './inventory-lines.js';
import { closesLetterSignature } from './letters-page.js';
import { isContactLine } from './notice-parts.js';
import { rollListStart } from './roll-lists.js';
import { closesWrappedSentence } from './story-opening.js';
import { isRuleLine, type TextBlock } from './text-block.js';
import { datelineAgency, opensWithDateline } from './wire-story.js';

/** Who may sign off under the story: the outlet, the wire agency its dateline names, the authors its byline names. */
interface ClosingNames {
  readonly outlet: string | null;
  readonly agency: string | null;
  readonly authors: readonly string[];
}

/**
 * The story's last block, from its first block found (`first`) and the block that opens its end matter (`tail`, or
 * the number of blocks), for the outlet named (`outlet`). A broadcast sign-off closing the story is marked furniture
 * in `roles`: it closes the story as spoken, but names its reporter, not anyone the story is about.
 */
export function lastStoryBlock(blocks: TextBlock[], roles: BlockRole[], first: number, tail: number, outlet: string | null): number {
  const agency = datelineAgency(blocks, first, tail);
  // A reference work's entry ends above the next entry's heading, which a copy of one entry often runs on into.
  let end = Math.min(tail, footerRule(blocks, first), signatureDelimiter(blocks, first), signatoriesRow(blocks, first), nextEntryHeading(blocks, roles, first)) - 1;
  const names: ClosingNames = { outlet, agency, authors: bylineAuthors(blocks.slice(0, first)) };
  for (;;) {
    while (end > first && isClosingFurniture(blocks, roles, end, names) && !closesStoryText(blocks, roles, first, end)) end--;
    // Endnotes that only cite sources close the story as a bibliography does, and so does a roll of attendance or
    // distribution under minutes or a memo; furniture may stand above them.
    const notes = citationNotesStart(blocks, first, end);
    const roll = notes < 0 ? rollListStart(blocks, roles, first, end) : -1;
    if (notes < 0 && roll < 0) break;
    end = (notes < 0 ? roll : notes) - 1;
  }
  if (isBroadcastSignOff(blocks[end]!)) roles[end] = { role: 'furniture', kind: 'footer' };
  return end;
}

/** The block at `end` reads as furniture trailing a story: the outlet's, the agency's, an author's. */
function isClosingFurniture(blocks: TextBlock[], roles: BlockRole[], end: number, names: ClosingNames): boolean {
  return isTrailingFurniture(blocks[end]!, roles[end]!, names.outlet) || isAgencyOrAuthorNote(blocks[end]!, names.agency, names.authors);
}

/**
 * The block at `end`, though it reads as furniture, closes the story's own text: its next numbered section, its
 * recurring note, a table's rows, a letter's signature (a letters page keeps the one under its last letter, as it keeps
 * those under the others), the last line of a hard-wrapped sentence.
 */
function closesStoryText(blocks: TextBlock[], roles: BlockRole[], first: number, end: number): boolean {
  return (
    continuesSections(blocks, roles, first, end) ||
    repeatsStoryNote(blocks, first, end) ||
    closesWithPipeTable(blocks, first, end) ||
    closesWithCellRows(blocks, first, end) ||
    closesLetterSignature(blocks, roles, first, end) ||
    closesWrappedSentence(blocks, roles, end)
  );
}

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

/**
 * A closing line of the wire agency the dateline names ("Our Standards: The Meridian Trust Principles."), whatever
 * outlet the page's masthead gave, or a note about the author the byline names.
 */
function isAgencyOrAuthorNote(block: TextBlock, agency: string | null, authors: readonly string[]): boolean {
  // A roundup's last item names the agency in its own dateline: it is a story, not the agency's note.
  return (agency !== null && isFooterNote(block, agency) && !opensWithDateline(block.text.trimStart())) || isAuthorBio(block, authors);
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
