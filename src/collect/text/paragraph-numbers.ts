/**
 * Paragraphs numbered with bare integers: a court's judgment, an official report or a treaty body's decision numbers
 * each paragraph "1 By its action …", "2 The applicant …", the number and a blank before the paragraph's first word,
 * with no full stop after it. One such line alone may open with a count ("12 Soldiers were hurt"); lines that count up
 * 1, 2, 3 … (n, n+1, n+2 …) one after another are a paragraph numbering.
 */

import { linesOf } from './lines.js';

/** Fewest numbered lines in a row, counting up by one, that make a numbering. */
const MIN_RUN = 3;
/** Most digits of a paragraph's number. */
const MAX_DIGITS = 3;

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 13;

/**
 * The bare number opening the line at `from` (after blanks) when a blank and a capital follow it, else -1: "7 It
 * must …" gives 7; "7. It", "7 soldiers", "07 The" give -1.
 */
export function leadingParagraphNumber(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  const n = leadingNumber(text, i);
  if (n < 0) return -1;
  i += digitCount(n);
  if (!isBlank(text.charCodeAt(i))) return -1;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return isCapital(text, i) ? n : -1;
}

/**
 * The number of one to three digits at `from`, written without a leading zero, as a paragraph, a shot or a list item
 * is numbered ("12. Wide of …", "3 The …"), else -1. The digits end at `from + digitCount(n)`; a fourth digit after
 * them is left for the caller's next-character test to refuse.
 */
export function leadingNumber(text: string, from: number): number {
  let i = from;
  let n = 0;
  while (i < text.length && i - from < MAX_DIGITS) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + c - 48;
    i++;
  }
  return i === from || text.charCodeAt(from) === 48 ? -1 : n;
}

/** How many digits `n` (0–999, no leading zero) is written with. */
export const digitCount = (n: number): number => (n >= 100 ? 3 : n >= 10 ? 2 : 1);

/** For each of `values` (the numbers of the numbered lines, in order), whether it is one of MIN_RUN or more counting up by one in a row. */
export function inCountingRun(values: readonly number[]): boolean[] {
  const out = new Array<boolean>(values.length).fill(false);
  for (let k = 0; k < values.length; ) {
    let j = k;
    while (j + 1 < values.length && values[j + 1] === values[j]! + 1) j++;
    if (j - k + 1 >= MIN_RUN) for (let q = k; q <= j; q++) out[q] = true;
    k = j + 1;
  }
  return out;
}

/** The report last asked about and the offsets of the numbers that number its paragraphs. */
let numberedOf: { text: string; at: ReadonlySet<number> } = { text: '', at: new Set() };

/**
 * Whether the digits at `at` number a paragraph: they open their line, a blank and a capital follow them, and the
 * lines so opened run 1, 2, 3 … with this one among at least MIN_RUN counting up in a row.
 */
export function isParagraphNumber(text: string, at: number): boolean {
  if (numberedOf.text !== text) numberedOf = { text, at: paragraphNumbers(text) };
  return numberedOf.at.has(at);
}

/** Offsets of the numbers of a report's numbered paragraphs (empty when it numbers none). */
export function paragraphNumbers(text: string): ReadonlySet<number> {
  const offsets: number[] = [];
  const values: number[] = [];
  for (const line of linesOf(text, 0, text.length)) {
    const n = leadingParagraphNumber(text, line.start);
    if (n < 0) continue;
    let i = line.start;
    while (isBlank(text.charCodeAt(i))) i++;
    offsets.push(i);
    values.push(n);
  }
  const runs = inCountingRun(values);
  const out = new Set<number>();
  for (let k = 0; k < runs.length; k++) if (runs[k]) out.add(offsets[k]!);
  return out;
}

/** A capital letter opens the text at `i`. */
function isCapital(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  const ch = text[i]!;
  return ch !== ch.toLowerCase();
}
