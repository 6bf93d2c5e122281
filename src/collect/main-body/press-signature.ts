/**
 * The signature an official statement closes with: "Press service of the Ministry of Defence", "Press Office of the
 * General Staff", "Ministry of Energy press service". It names the body that issues the statement (a credit line,
 * closing furniture like "Reporting by …"), so the body ends above it, and what a site sets under it (its own note,
 * share buttons) is not the statement. Attribution reads the same line back: the statement is the issuer's voice.
 */

import { lazyRegExp } from '../text/lazy-regexp.js';

/** Longest signature line (an issuer's full name with its parent ministry). */
const MAX_SIGNATURE = 200;

/** An issuer's name: capitalised words joined by "of", "for", "and", "the", "on" ("Ministry of Defence of Ukraine"). */
const ISSUER = String.raw`(\p{Lu}[\p{L}'’-]*(?:(?: (?:of|for|and|the|on))*[ -](?:\p{Lu}[\p{L}'’-]*|\(\p{Lu}{2,8}\)))*)`;
/** "Press service of the X", or "X press service", alone on its line, with no sentence after it. */
const SIGNATURE = lazyRegExp(
  () =>
    new RegExp(
      String.raw`^(?:[Tt]he )?(?:[Pp]ress|[Mm]edia|[Pp]ublic [Aa]ffairs|[Ii]nformation) (?:[Ss]ervice|[Oo]ffice|[Cc]ent(?:re|er)|[Dd]epartment|[Dd]esk)s? of (?:the )?${ISSUER}\.?$|^(?:[Tt]he )?${ISSUER} (?:[Pp]ress|[Mm]edia) (?:[Ss]ervice|[Oo]ffice|[Cc]ent(?:re|er))\.?$`,
      'u',
    ),
);

/** Whether the line opens with a word a signature opens with: its first letter, cheap before the regex. */
function mayBeSignature(t: string): boolean {
  if (t.length < 12 || t.length > MAX_SIGNATURE) return false;
  const c = t.charCodeAt(0) | 32;
  return c >= 97 && c <= 122;
}

/** Whether the line holds a signature's word as SIGNATURE writes it ("[Pp]ress", "[Mm]edia", "[Pp]ublic [Aa]ffairs", "[Ii]nformation"). */
function hasSignatureWord(t: string): boolean {
  return hasOfficeAfter(t, 'ress ') || hasOfficeAfter(t, 'edia ') || hasOfficeAfter(t, 'ffairs ') || hasOfficeAfter(t, 'nformation ');
}

/** Whether `word` stands in `t` right before an office's word: "[Ss]ervice", "[Oo]ffice", "[Cc]ent(?:re|er)", "[Dd]epartment", "[Dd]esk". */
function hasOfficeAfter(t: string, word: string): boolean {
  for (let i = t.indexOf(word); i >= 0; i = t.indexOf(word, i + 1)) {
    const j = i + word.length + 1;
    const c = t.charCodeAt(j - 1) | 32;
    if (c === 115 ? t.startsWith('ervice', j) : c === 111 ? t.startsWith('ffice', j) : c === 99 ? t.startsWith('entre', j) || t.startsWith('enter', j) : c === 100 && (t.startsWith('epartment', j) || t.startsWith('esk', j))) return true;
  }
  return false;
}

/** The issuer a signature line names ("Ministry of Defence of Ukraine"), or undefined when the line is none. */
export function findSignatureIssuer(line: string): string | undefined {
  const t = line.trim();
  if (!mayBeSignature(t) || !hasSignatureWord(t)) return undefined;
  const m = SIGNATURE().exec(t);
  if (m === null) return undefined;
  const issuer = (m[1] ?? m[2])!;
  // "The Ministry's press service": a possessive names no issuer of its own.
  return /['’]s?$/.test(issuer) ? undefined : issuer;
}
