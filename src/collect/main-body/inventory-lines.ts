/**
 * The terse lines of a reference work's inventory ("ACTIVE 1,280,000 (Army 1,100,000 …)", "MBT 3,500+ T-54/T-55",
 * "RUSSIA: Ukraine conflict ε11,000"): a label of a few words, then its figure, often marked as an estimate ("ε", "c.")
 * or a floor ("+"). Set on lines of their own they read as headings, yet they are the entry's data: at the story's end
 * they close it, as a paragraph would, and are not trimmed as trailing furniture.
 */

/** Most words of the label before the figure (a place and its colon included). */
const MAX_LABEL_WORDS = 6;
/** Most words in small letters of a label ("Baltic air policing"), besides "of" and "and". */
const MAX_SMALL_WORDS = 2;
/** Most digits of a count written without grouping commas. */
const MAX_UNGROUPED = 5;
/** Longest inventory line. */
const MAX_LINE = 300;

/**
 * Labels that number a part of the document or its edition ("Chapter 12", "Page 3", "Edition 2025"), or give an event's
 * or a contact's particulars ("When: 10 Downing Street"), not a thing counted: such a heading stays furniture.
 */
const PART_LABELS: ReadonlySet<string> = new Set([
  'page', 'pages', 'chapter', 'part', 'section', 'figure', 'fig', 'table', 'annex', 'appendix', 'vol', 'volume', 'no', 'issue', 'edition', 'copyright', 'updated', 'published', 'posted', 'version', 'episode', 'season', 'seating', 'room', 'suite', 'floor', 'box',
  'when', 'where', 'what', 'date', 'time', 'venue', 'address', 'tel', 'phone', 'fax', 'cost', 'price',
  'step', 'stage', 'phase', 'round', 'day', 'week', 'level', 'tier', 'class', 'grade', 'act', 'scene', 'track', 'lesson',
  'unit', 'module', 'question', 'item', 'point', 'option', 'rule', 'article', 'clause', 'paragraph', 'para', 'note',
  'column', 'col', 'package', 'rev', 'revision', 'series', 'report', 'brief', 'paper', 'number', 'book',
]);

/** Whether a label's word (in any case) numbers a part, an edition or a particular rather than naming what is counted. */
export const isPartLabel = (word: string): boolean => PART_LABELS.has(word.toLowerCase());

/**
 * Words of a sentence that no list of models or next label holds ("PACKAGE 16 IS OUT", "Navy 400 TO BE CUT"): after a
 * figure, in capitals or not, they make the line a headline or a sentence.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'may', 'the', 'a', 'an', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'out', 'up', 'as', 'into', 'after', 'over',
]);

/** Whether a word after a figure (any case) is one a sentence or a headline holds, no model's name. */
export const isFunctionWord = (word: string): boolean => FUNCTION_WORDS.has(word.toLowerCase());

/**
 * Whether the line is a label followed by its figure: the label of capitalised words (a service, a class of equipment,
 * "RUSSIA:" and an operation), at most two of them in small letters besides "of", "and", "&"; no part of the document
 * ("Page 3") and no mark of a sentence or an address between its words.
 */
export function isInventoryLine(line: string): boolean {
  if (line.length > MAX_LINE) return false;
  const c = line.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  let words = 0;
  let small = 0;
  let capitals = false;
  let at = 0;
  while (at < line.length) {
    let end = at;
    while (end < line.length && !isBlank(line.charCodeAt(end))) end++;
    const word = line.slice(at, end);
    let next = end;
    while (next < line.length && isBlank(line.charCodeAt(next))) next++;
    const figure = figureDigits(word);
    if (figure > 0) {
      // A lone digit counts after a label in capitals ("UNIFIL 2", "MHC 3"); after words in title case it numbers them.
      if (words === 0 || (figure === 1 && !capitals)) return false;
      return next >= line.length || CLOSERS.has(word.charCodeAt(word.length - 1)) || (opensNextPart(line.charCodeAt(next)) && !isFunctionWord(wordAt(line, next)));
    }
    if (++words > MAX_LABEL_WORDS || !isLabelWord(word, words === 1)) return false;
    const w = word.charCodeAt(0);
    if (w >= 97 && w <= 122 && !LINKING.has(word) && ++small > MAX_SMALL_WORDS) return false;
    if (isCapitalsWord(word)) capitals = true;
    if (next >= line.length) return false;
    at = next;
  }
  return false;
}

/** The word of `line` from position `at`, without a mark closing it. */
function wordAt(line: string, at: number): string {
  let end = at;
  while (end < line.length && !isBlank(line.charCodeAt(end))) end++;
  while (end > at && CLOSERS.has(line.charCodeAt(end - 1))) end--;
  return line.slice(at, end);
}

/** Two capitals or more and no small letter ("MHC", "UNIFIL", "RUSSIA:"). */
function isCapitalsWord(word: string): boolean {
  let capitals = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) capitals++;
  }
  return capitals >= 2;
}

/** A blank, a tab or a line break between words. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/**
 * What may follow a figure on its line: a bracket ("(Kursk oblast)"), a designator or the next label ("T-54", "Navy"),
 * another marked figure. A word in small letters ("10 a.m.", "120 seats") makes the line a sentence or a field.
 */
function opensNextPart(c: number): boolean {
  return c === 40 || (c >= 65 && c <= 90) || c === 0x3b5 || c === 126;
}

/** Small words a label may hold between its capitalised ones. */
const LINKING: ReadonlySet<string> = new Set(['of', 'and', '&', 'the']);

/** Letters, with the hyphens, slashes, ampersands and apostrophes of names; the first word may close with a colon. */
function isLabelWord(word: string, first: boolean): boolean {
  const end = first && word.charCodeAt(word.length - 1) === 58 ? word.length - 1 : word.length;
  if (end === 0 || PART_LABELS.has(word.slice(0, end).toLowerCase())) return false;
  for (let i = 0; i < end; i++) {
    const c = word.charCodeAt(i) | 32;
    if (!((c >= 97 && c <= 122) || c === 45 || c === 47 || c === 38 || c === 39 || c === 0x2019 || word.charCodeAt(i) > 0xbf)) return false;
  }
  return true;
}

/**
 * A count as an inventory gives it: digits, grouped by commas, maybe marked as an estimate before ("ε", "~", "c.") or as
 * a floor after ("+"), maybe closed by a bracket or a mark ("UNIFIL 2"). Its digits, or 0 for no count: a bare year
 * numbers rather than counts, unless marked, and a marked figure counts as two digits or more.
 */
function figureDigits(word: string): number {
  let s = 0;
  let e = word.length;
  while (e > s && CLOSERS.has(word.charCodeAt(e - 1))) e--;
  let marked = false;
  if (e > s && word.charCodeAt(e - 1) === 43 /* + */) {
    e--;
    marked = true;
  }
  if (word.charCodeAt(0) === 0x3b5 /* ε */ || word.charCodeAt(0) === 126 /* ~ */) {
    s = 1;
    marked = true;
  }
  if (e - s < 1) return 0;
  let digits = 0;
  for (let i = s; i < e; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 44 || i === s || i === e - 1) return 0;
  }
  if (marked) return Math.max(digits, 2);
  const value = Number(word.slice(s, e).replace(/,/g, ''));
  // Ungrouped, a long number is a code (a registration, a phone number), not a count.
  if ((digits > MAX_UNGROUPED && e - s === digits) || (digits === 4 && value >= 1900 && value <= 2099)) return 0;
  return digits;
}

/** Marks that may close a figure: a bracket, a colon, a semicolon, a comma, a full stop. */
const CLOSERS: ReadonlySet<number> = new Set([41, 58, 59, 44, 46]);
