import type { BlockRole } from './cues.js';
import { endsSentence } from './cues.js';
import type { TextBlock } from './text-block.js';

/**
 * Minutes, memos and reports may close with a roll of names: who attended ("Present:", "Record of attendance"), who
 * sent apologies, who the document goes to ("Distribution:", "Copies to:"). The roll repeats names the record already
 * gives, in lists and legends that state nothing: it is the document's apparatus, as a footer is, and the story ends
 * above its label. A label with a paragraph of the story under it ("Present:" over the members, then the items of
 * business) heads part of the record, not its end, and stays.
 */

/** What such a label says, in small letters and without its colon. */
const ROLL_LABEL =
  /^(?:(?:members |those |also |others )?present|(?:members |others )?in attendance|attendance(?: list| record| register| sheet)?|(?:record|list|register) of attendance|attendees|apologies(?: for absence| received)?|absent|(?:list of )?participants|distribution(?: list)?|circulation(?: list)?|copies to|copy to|cc|bcc)$/;
/** Longest label of a roll on a line of its own, or before the names on its line ("Present: …"). */
const MAX_ROLL_LABEL = 40;
/** Shortest paragraph under a label that shows the story going on below it (a roll's entries are shorter, or end no sentence). */
const MIN_STORY_PARAGRAPH = 100;
/** Fewest labels of a multilingual label line ("LISTE DE PRÉSENCE/RECORD OF ATTENDANCE/…"), one per language. */
const MIN_LANGUAGES = 3;
/** Longest label line in many languages. */
const MAX_LANGUAGES_LINE = 2000;

/**
 * The index of the label that opens a roll closing the story (after `first`, at or before `end`), or -1. Read from the
 * end up: the scan stops at the story's last paragraph, so an ordinary story costs a block or two.
 */
export function rollListStart(blocks: readonly TextBlock[], roles: readonly BlockRole[], first: number, end: number): number {
  let label = -1;
  for (let i = end; i > first; i--) {
    const b = blocks[i]!;
    const role = roles[i]!.role;
    if (role === 'prose' && b.text.length >= MIN_STORY_PARAGRAPH && endsSentence(b.text)) break;
    if (role !== 'furniture' && isRollLabel(b.text)) label = i;
  }
  return label;
}

/** A roll's label: alone on its line, before the names on its line, or one of a label's translations set apart by slashes. */
export function isRollLabel(t: string): boolean {
  if (t.length <= MAX_ROLL_LABEL + 2) return ROLL_LABEL.test(labelWords(t));
  const colon = t.indexOf(':');
  if (colon > 0 && colon <= MAX_ROLL_LABEL && ROLL_LABEL.test(labelWords(t.slice(0, colon)))) return true;
  return t.length <= MAX_LANGUAGES_LINE && t.indexOf('/') > 0 && isLabelInLanguages(t);
}

/** Each part between slashes a short label that ends no sentence, one of them a roll's label in English. */
function isLabelInLanguages(t: string): boolean {
  const parts = t.split('/');
  if (parts.length < MIN_LANGUAGES) return false;
  let found = false;
  for (const part of parts) {
    const p = part.trim();
    if (p.length === 0 || p.length > MAX_ROLL_LABEL || endsSentence(p)) return false;
    if (!found && ROLL_LABEL.test(labelWords(p))) found = true;
  }
  return found;
}

/** A label's words in small letters, its closing colon and the blanks around it left out. */
function labelWords(t: string): string {
  let e = t.length;
  while (e > 0 && (t.charCodeAt(e - 1) === 58 || t.charCodeAt(e - 1) === 32)) e--;
  return t.slice(0, e).trimStart().toLowerCase();
}
