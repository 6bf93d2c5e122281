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
]);

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
  let at = 0;
  while (at < line.length) {
    let end = at;
    while (end < line.length && !isBlank(line.charCodeAt(end))) end++;
    const word = line.slice(at, end);
    let next = end;
    while (next < line.length && isBlank(line.charCodeAt(next))) next++;
    if (isFigure(word)) return words > 0 && (next >= line.length || CLOSERS.has(word.charCodeAt(word.length - 1)) || opensNextPart(line.charCodeAt(next)));
    if (++words > MAX_LABEL_WORDS || !isLabelWord(word, words === 1)) return false;
    const w = word.charCodeAt(0);
    if (w >= 97 && w <= 122 && !LINKING.has(word) && ++small > MAX_SMALL_WORDS) return false;
    if (next >= line.length) return false;
    at = next;
  }
  return false;
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
 * a floor after ("+"), maybe closed by a bracket or a mark. A lone digit, or a bare year, numbers rather than counts,
 * unless marked.
 */
function isFigure(word: string): boolean {
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
  if (e - s < 1) return false;
  let digits = 0;
  for (let i = s; i < e; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 44 || i === s || i === e - 1) return false;
  }
  if (marked) return true;
  const value = Number(word.slice(s, e).replace(/,/g, ''));
  // Ungrouped, a long number is a code (a registration, a phone number), not a count.
  return digits >= 2 && (digits <= MAX_UNGROUPED || e - s > digits) && !(digits === 4 && value >= 1900 && value <= 2099);
}

/** Marks that may close a figure: a bracket, a colon, a semicolon, a comma, a full stop. */
const CLOSERS: ReadonlySet<number> = new Set([41, 58, 59, 44, 46]);

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
