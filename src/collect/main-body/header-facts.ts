import { findDate } from '../dates.js';
import { caseFolded, isAllCaps, isHeaderFurniture, isRegexSpace } from './cues.js';
import { hasColumnGap, type TextBlock } from './text-block.js';
import { lazyRegExp } from '../text/lazy-regexp.js';

/** Labels of a genre or section, not names of outlets. */
const GENRE = new Set([
  'timeline', 'interview', 'analysis', 'opinion', 'editorial', 'news', 'breaking', 'breaking news', 'exclusive',
  'feature', 'commentary', 'report', 'update', 'live', 'explainer', 'briefing', 'transcript', 'review', 'world',
  'politics', 'business', 'asia', 'europe', 'defence', 'defense', 'security', 'investigation', 'obituary', 'letters',
]);
/** Words of a line that names no outlet (matched on `caseFolded` text). */
const NOT_OUTLET = /\b(?:by|desk|newsletter|digest|issue|edition|weekly|daily|monthly|bulletin|script|item|duration|presenter|correspondents?|updated|published|gmt|utc|min read)\b/;

export interface HeaderFacts {
  title: string | null;
  published: string | null;
  outlet: string | null;
}

const MAIL_FIELD_NAME = /^[A-Za-z][A-Za-z0-9-]{0,40}:/;
const SUBJECT = /^subject:\s*(?:(?:re|fwd?|aw|wg):\s*)*/i;

/** The subject field's value, with the indented lines it is folded onto (marked, and no field of their own). */
function subjectOf(header: readonly TextBlock[], i: number): string | null {
  let subject = header[i]!.text.replace(SUBJECT, '');
  for (let j = i + 1; j < header.length && header[j]!.hint !== undefined && !MAIL_FIELD_NAME.test(header[j]!.text); j++)
    subject += ` ${header[j]!.text}`;
  return subject.trim() || null;
}

/** Headline, date and outlet from the lines above a plain-text story. */
export function headerFacts(header: TextBlock[]): HeaderFacts {
  let title: string | null = null;
  let published: string | null = null;
  let pipeOutlet: string | null = null;
  let mastheadOutlet: string | null = null;
  for (let i = 0; i < header.length; i++) {
    const b = header[i]!;
    const t = b.text;
    // An e-mail's header fields (marked by lineBlocks): its subject is the title; the others name no headline or outlet.
    if (b.hint !== undefined && MAIL_FIELD_NAME.test(t)) {
      if (published === null) published = findDate(t);
      if (!title && SUBJECT.test(t)) title = subjectOf(header, i);
      continue;
    }
    // The block's date is read at most once (it decides both the date and whether it is the headline).
    let date: string | null | undefined;
    if (published === null) published = date = findDate(t);
    const furniture = isHeaderFurniture(b);
    if (/\s[|·•]\s/.test(t)) {
      for (const part of t.split(/\s+[|·•]\s+/)) {
        // "Gyeongbu News Service (syndicated from …)": the outlet is what stands before the aside.
        const p = part.replace(/\s*\([^)]*\)\s*$/, '').trim();
        // "By Park Min-seo, Hanbit Wire, Seoul": the byline names the outlet after the author. (The Unicode regex, costly
        // to compile, is run only on a part opening with "By".)
        const byline = p.startsWith('By') ? /^By\s+[^,]+,\s+(\p{Lu}[\p{L}'’&.-]*(?:\s+\p{Lu}[\p{L}'’&.-]*){1,4})\s*(?:,|$)/u.exec(p) : null;
        if (!pipeOutlet && byline) pipeOutlet = byline[1]!;
        if (!pipeOutlet && /^[A-Z]/.test(p) && !/\d/.test(p) && !NOT_OUTLET.test(caseFolded(p)) && !/:/.test(p) && splitCount(p) <= 6)
          pipeOutlet = p;
      }
      continue;
    }
    // A scripted item names its headline in quotes: 'KBN TONIGHT — ITEM 03: "PYONGYANG ADMITS KURSK ROLE"'.
    const quoted = /["“]([^"”]{8,120})["”]/.exec(t);
    if (!title && quoted && /[—–:]/.test(t.slice(0, quoted.index))) {
      title = isAllCaps(quoted[1]!) ? titleCase(quoted[1]!) : quoted[1]!;
    }
    // "Seoul Evening Courier — Politics", "MERIDIAN DEFENCE DAILY — Washington bureau": masthead, then section.
    const dashed = hasDash(t) ? MASTHEAD_DASH().exec(t) : null;
    if (dashed && !mastheadOutlet && !/\d/.test(dashed[1]!) && !GENRE.has(dashed[1]!.toLowerCase())) {
      mastheadOutlet = isAllCaps(dashed[1]!) ? titleCase(dashed[1]!) : dashed[1]!;
      continue;
    }
    if (isAllCaps(t)) {
      if (!mastheadOutlet && splitCount(t) <= 6 && !GENRE.has(t.toLowerCase()) && !NOT_OUTLET.test(caseFolded(t)) && !/[[\]()]/.test(t))
        mastheadOutlet = titleCase(t);
      continue;
    }
    // A line of a few capitalised words under the headline, no date, no sentence: the masthead.
    if (title && !mastheadOutlet && !furniture && /^\p{Lu}[\p{L}'’.&-]*(?:\s+(?:\p{Lu}[\p{L}'’.&-]*|of|the|and|for)){1,4}$/u.test(t) &&
      !NOT_OUTLET.test(caseFolded(t)) && !GENRE.has(t.toLowerCase()) && !(date === undefined ? findDate(t) : date)) {
      mastheadOutlet = t;
      continue;
    }
    // An editor's note in brackets ("[Script as read …]") is no headline, nor a line of fields set side by side in
    // columns ("NEWS SERVICE - WORLD          30-Apr-2025 10:41 GMT").
    if (!title && !furniture && !/^\[.*\]$/.test(t) && splitCount(t) >= 3 && !hasColumnGap(t) && !hasFieldGap(t) && !(date === undefined ? findDate(t) : date)) title = t;
  }
  // A masthead line names the outlet; a part of a pipe line may be a byline ("February 20 | Hwang Jae-won").
  return { title, published, outlet: mastheadOutlet ?? pipeOutlet };
}

/**
 * Whether two blanks part two words not after a full stop, a question or exclamation mark or a colon: a slug line's
 * fields ("HWS0311  2 FSH  (QUOTAS UPDATE 1)"), which a headline never spaces so.
 */
function hasFieldGap(t: string): boolean {
  for (let i = t.indexOf('  '); i > 0; i = t.indexOf('  ', i + 2)) {
    const before = t.charCodeAt(i - 1);
    if (before !== 46 && before !== 63 && before !== 33 && before !== 58 && i + 2 < t.length) return true;
  }
  return false;
}

/** "Seoul Evening Courier — Politics": a masthead of capitalised words, a dash, a section. */
const MASTHEAD_DASH = lazyRegExp(() => /^(\p{Lu}[\p{L}'’.&-]*(?:\s+(?:\p{Lu}[\p{L}'’.&-]*|of|the|and|for)){0,5})\s+[—–]\s+\S/u);

/** An en or em dash: MASTHEAD_DASH cannot match without one, and few lines have one. */
function hasDash(t: string): boolean {
  return t.indexOf('—') >= 0 || t.indexOf('–') >= 0;
}

/** As `t.split(/\s+/).length`, without making the parts: one more than the runs of white space. */
function splitCount(t: string): number {
  let n = 1;
  for (let i = 0; i < t.length; i++) {
    if (!isRegexSpace(t.charCodeAt(i))) continue;
    n++;
    while (i + 1 < t.length && isRegexSpace(t.charCodeAt(i + 1))) i++;
  }
  return n;
}

/**
 * "SEOUL EVENING COURIER" → "Seoul Evening Courier": lower case, then a capital for each letter
 * that opens the text or follows white space or a hyphen. As the regex replacement
 * `/(^|[\s-])(\p{L})/gu` would do it, by a loop: that regex (with a callback per word) cost more
 * to compile and run than all the rest of the header's reading.
 */
function titleCase(t: string): string {
  const s = t.toLowerCase();
  let out = '';
  let done = 0;
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && !isWordBreak(s.charCodeAt(i - 1))) continue;
    const letter = String.fromCodePoint(s.codePointAt(i)!);
    if (!isLetter(letter)) continue;
    out += s.slice(done, i) + letter.toUpperCase();
    done = i + letter.length;
  }
  return out + s.slice(done);
}

function isWordBreak(c: number): boolean {
  return c === 45 || isRegexSpace(c);
}

/** A letter (`\p{L}`); ASCII is told apart without the Unicode regex. */
function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return UNICODE_LETTER().test(ch);
}
const UNICODE_LETTER = lazyRegExp(() => /^\p{L}$/u);
