/**
 * Publication dates as documents write them ("2024-11-01T09:30:00Z", "Nov. 1, 2024",
 * "Tuesday, April 29, 2025", "7 November 2024", RFC 822 feed dates) → ISO `YYYY-MM-DD`.
 */

import { asOneByte } from './text/one-byte.js';

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4],
  ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9],
  ['september', 9], ['oct', 10], ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i');

/** The first date found in `text`, as `YYYY-MM-DD`, or null. */
export function findDate(line: string): string | null {
  // Every form has a year of four digits: most lines have none and need no regex.
  if (!hasFourDigits(line)) return null;
  // Read as one-byte text when it fits: the case-blind month regexes are then never built for two-byte strings.
  const text = asOneByte(line);
  const iso = ISO.exec(text);
  const mdy = MONTH_DAY_YEAR.exec(text);
  const dmy = DAY_MONTH_YEAR.exec(text);
  // Take whichever form appears first in the text.
  const found: Array<{ at: number; date: string | null }> = [];
  if (iso) found.push({ at: iso.index, date: isoDate(+iso[1]!, +iso[2]!, +iso[3]!) });
  if (mdy) found.push({ at: mdy.index, date: isoDate(+mdy[3]!, monthNumber(mdy[1]!), +mdy[2]!) });
  if (dmy) found.push({ at: dmy.index, date: isoDate(+dmy[3]!, monthNumber(dmy[2]!), +dmy[1]!) });
  found.sort((a, b) => a.at - b.at);
  for (const f of found) if (f.date) return f.date;
  return null;
}

function hasFourDigits(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++run === 4) return true;
    } else run = 0;
  }
  return false;
}

/** Parses a machine date (ISO 8601, RFC 822) or a written one; null when there is none. */
export function parseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const written = findDate(v);
  if (written) return written;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether a word in small letters, without its full stop, names a month ("march", "sept"). */
export function isMonthName(word: string): boolean {
  return MONTHS.has(word);
}

function monthNumber(name: string): number {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, '')) ?? 0;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Days in a month of the Gregorian calendar (what a Date round trip accepts without rolling over). */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * A military date-time group opening `text` ("141130ZDEC24", "141130Z DEC 24", "14 1130Z DEC 2024") → its day as
 * `YYYY-MM-DD`, or null (also for a group without month and year, whose month the reader must supply). The time
 * stage reads the same groups inside sentences (exploit/time/military-dtg.ts).
 */
export function dateTimeGroupDay(text: string): string | null {
  const m = DATE_TIME_GROUP.exec(text);
  if (m === null || +m[2]! > 24 || +m[3]! > 59) return null;
  const year = m[6]!.length === 2 ? 2000 + +m[6]! : +m[6]!;
  return isoDate(year, monthNumber(m[5]!), +m[1]!);
}

/** A date-time group's months, in capitals. */
const DTG_MONTH = 'JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC';
/** Day, hour, minute, zone letter (not J), month in capitals, year. */
const DATE_TIME_GROUP = new RegExp(String.raw`^(\d{2}) ?(\d{2})(\d{2})([A-IK-Z]) ?(${DTG_MONTH}) ?(\d{4}|\d{2})(?!\d)`);
/**
 * A date-time group's clock, zone letter and month anywhere in a text ("1130ZDEC", "1130Z DEC"): a cheap test that a
 * text may hold groups at all, which most texts do not.
 */
export const DATE_TIME_GROUP_CUE = new RegExp(String.raw`\d{4}[A-IK-Z] ?(?:${DTG_MONTH})`);
