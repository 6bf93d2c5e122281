import type { BlockRole } from './cues.js';
import { findDate } from '../dates.js';
import type { TextBlock } from './text-block.js';

/**
 * An official notice written in labelled parts (a consulate's security alert, a travel or health notice): "Location:
 * …", "Event: …", "Actions to Take:" over its bullets, "Assistance:" over the office's address and telephone lines.
 * The first part names no sentence ("Location: the northern provinces; the coastal highway"), so it reads as a heading
 * above the story; yet it is the notice's first part, as the later labelled parts are its parts. The closing part's
 * address and telephone lines are the office's contact furniture, as a story's contact line is.
 */

/** A run-in label opening a part: one to four words, the first capitalised, and a colon ("Event:", "Actions to Take:"). */
const PART_LABEL = /^[A-Z][a-z]*(?: [A-Za-z][a-z]*){0,3}:(?: \S|$)/;
/**
 * Labels of a memo's or a message's header of fields ("Subject: …", "Date: …"): the header's, not a part of the
 * notice under it.
 */
const HEADER_FIELDS: ReadonlySet<string> = new Set([
  'from', 'to', 'cc', 'bcc', 'date', 'sent', 'subject', 're', 'ref', 'reference', 'time', 'classification', 'attn',
  'attention', 'author', 'by', 'source', 'posted', 'published', 'updated', 'issued', 'release', 'contact', 'tags', 'topics',
]);
/** Most labelled parts above the first paragraph read as the notice's (a location and an area line). */
const MAX_PARTS_ABOVE = 2;
/** Longest such part above. */
const MAX_PART_ABOVE = 300;

function partLabel(t: string): string | null {
  if (!PART_LABEL.test(t)) return null;
  const label = t.slice(0, t.indexOf(':')).toLowerCase();
  return HEADER_FIELDS.has(label) ? null : label;
}

/**
 * The first labelled part above the story found at `start` when `start` is a paragraph opened by a part's label and a
 * later block of the story opens with another part's label: the parts above it that read as headings (no sentence,
 * no date) are the notice's too. `start` otherwise.
 */
export function labelledPartOpening(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number, end: number): number {
  if (start === 0 || roles[start]!.role !== 'prose' || roles[start - 1]!.role !== 'heading') return start;
  const first = partLabel(blocks[start]!.text);
  if (first === null) return start;
  let later = false;
  for (let j = start + 1; j <= end && !later; j++) {
    const r = roles[j]!.role;
    if (r !== 'heading' && r !== 'prose') continue;
    const label = partLabel(blocks[j]!.text);
    later = label !== null && label !== first;
  }
  if (!later) return start;
  let s = start;
  while (s > 0 && start - s < MAX_PARTS_ABOVE && roles[s - 1]!.role === 'heading' && isPartAbove(blocks[s - 1]!.text, first)) s--;
  return s;
}

function isPartAbove(t: string, first: string): boolean {
  if (t.length > MAX_PART_ABOVE || t.charCodeAt(t.length - 1) === 58 /* : */) return false;
  const label = partLabel(t);
  return label !== null && label !== first && findDate(t) === null;
}

/** Longest line of contact particulars. */
const MAX_CONTACT_LINE = 160;
/** Fewest digits of a telephone number. */
const MIN_PHONE_DIGITS = 7;

/**
 * A line of an office's contact particulars: a label and, as its whole value, telephone numbers, e-mail or web
 * addresses ("Consular section: +44 20 7946 0000 or 020-7946-0001", "Email: desk@example.org", "Website:
 * example.gov"). A table's line ("Total: 12 000 000", "Period: 2024-2025") is no telephone number: one opens with
 * "+", holds a bracketed area code, or is parted by two hyphens.
 */
export function isContactLine(t: string): boolean {
  if (t.length > MAX_CONTACT_LINE) return false;
  const colon = t.lastIndexOf(': ');
  if (colon <= 0) return false;
  let value = t.slice(colon + 2).trim();
  if (value.endsWith('.')) value = value.slice(0, -1);
  const parts = value.split(CONTACT_JOINER);
  for (const p of parts) if (!isPhone(p) && !EMAIL.test(p) && !WEB_ADDRESS.test(p)) return false;
  return parts.length > 0;
}
const CONTACT_JOINER = /\s*(?:[,;/]|\bor\b|\band\b)\s*/;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
const WEB_ADDRESS = /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\/\S*)?$/i;

function isPhone(p: string): boolean {
  let digits = 0;
  let hyphens = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 45) hyphens++;
    else if (c !== 32 && c !== 40 && c !== 41 && c !== 43 && c !== 46) return false;
  }
  return digits >= MIN_PHONE_DIGITS && (p.charCodeAt(0) === 43 || p.includes('(') || hyphens >= 2);
}
