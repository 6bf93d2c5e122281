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
  if (t.indexOf('ress') < 0 && t.indexOf('edia') < 0 && t.indexOf('ublic ') < 0 && t.indexOf('nformation') < 0) return false;
  // And the body's word after it: "[Ss]ervice", "[Oo]ffice", "[Cc]ent(?:re|er)", "[Dd]epartment", "[Dd]esk".
  return t.indexOf('ervice') >= 0 || t.indexOf('ffice') >= 0 || t.indexOf('entre') >= 0 || t.indexOf('enter') >= 0 || t.indexOf('epartment') >= 0 || t.indexOf('esk') >= 0;
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
