import { isMonthName } from '../dates.js';
import type { TextBlock } from './text-block.js';

/**
 * A list of endnotes under a story ("[1] HUR statement, 9 January 2025.", "[2] Yonhap, 13 November
 * 2024, p. 4.") that only cites its sources is the report's apparatus, as a bibliography is: the story
 * ends above it. Notes that state figures of their own in a sentence ("[3] The team also counted about
 * 100 missiles.") carry the authors' argument and stay in the story, and so does a page's run of
 * footnotes that does not start at 1 (an excerpt of a longer document, whose notes belong to its pages).
 */

/** Fewest entries that make a list of notes (a lone "[1] …" may be a quotation's mark). */
const MIN_NOTES = 2;

/** An entry's mark: "[12] …" (or "[12]" alone on its line, its text in the next block). */
const NOTE_MARK = /^\[(\d{1,3})\](?:\s|$)/;
/** A line that heads the list or sets it off from the story ("Notes", "Sources:", "---"). */
const NOTES_LABEL = /^(?:notes?|endnotes|footnotes|sources)\s*:?$|^[-_=*─—]{3,}$/i;
/**
 * A title or quotation inside a citation ("“N. Korea sent 10,000 troops”", or in single quotes as British and
 * Australian style sets titles: ‘Shoigu visits Pyongyang’) says nothing in the note's voice. A single title opens on
 * ‘, never written as an apostrophe, and closes on the first ’ after it.
 */
const QUOTED = /["“][^"“”]*["”]|‘[^‘’]*’/g;

/**
 * The index of the first block of such a list of citations ending at block `end` (with the heading or
 * rule above it), or -1 when the blocks ending at `end` are no such list.
 */
export function citationNotesStart(blocks: readonly TextBlock[], first: number, end: number): number {
  const entries: string[] = [];
  let expected = -1;
  let i = end;
  while (i > first) {
    const t = blocks[i]!.text;
    const mark = NOTE_MARK.exec(t);
    // The text of an entry set apart from its bare mark ("[1]" above "Yonhap, 13 November 2024.").
    const bare = mark === null && i - 1 > first ? NOTE_MARK.exec(blocks[i - 1]!.text) : null;
    const m = mark ?? (bare !== null && blocks[i - 1]!.text.trim() === bare[0]!.trim() ? bare : null);
    if (m === null) break;
    const n = Number(m[1]);
    if (expected !== -1 && n !== expected) return -1;
    expected = n - 1;
    entries.push(mark !== null ? t.slice(m[0]!.length) : t);
    i -= mark !== null ? 1 : 2;
  }
  if (entries.length < MIN_NOTES || expected !== 0) return -1;
  if (entries.some(statesFigure)) return -1;
  let start = i + 1;
  while (start - 1 > first && NOTES_LABEL.test(blocks[start - 1]!.text.trim())) start--;
  return start;
}

/** Words after which a past form is a participle of a citation ("reported by", "conducted in", "coded to date"). */
const PREPOSITIONS = new Set('by in on at from to for with under into as of via through during between'.split(' '));
/** Finite verbs that make a note a sentence of its own ("… has received", "the agency said"). */
const FINITE = new Set('is are was were has have had will would can could may might must should does did said says told'.split(' '));
/** Past forms not in -ed that a note's sentence may state a figure with ("sent 3,000", "paid about $10"). */
const IRREGULAR_PAST = new Set('sent paid spent lost built saw gave found made put held took brought sold fought'.split(' '));
/** Words that make the number after them an amount ("about 1,200", "more than 10,000"). */
const QUANTIFIERS = new Set('about approximately around roughly nearly almost over some than least estimated'.split(' '));

/**
 * A note states a figure in a sentence of its own: it has a finite verb (an auxiliary, a reporting verb,
 * or a past form with an object) and an amount (a number after a quantifier or a currency sign, or
 * before a noun in small letters), outside the titles it quotes.
 */
function statesFigure(entry: string): boolean {
  const words = entry.replace(QUOTED, ' ').split(/\s+/).filter((w) => w.length > 0);
  let verb = false;
  let amount = false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!.toLowerCase().replace(/[.,;:()]+$/, '');
    const next = (words[k + 1] ?? '').toLowerCase();
    if (FINITE.has(w)) verb = true;
    // A capitalised word in -ed is a name ("United"), not a verb.
    else if (((w.endsWith('ed') && /^[a-z]/.test(words[k]!)) || IRREGULAR_PAST.has(w)) && next !== '' && !PREPOSITIONS.has(next.replace(/[.,;:]+$/, '')) && !/[.,;:)]$/.test(words[k]!)) verb = true;
    if (isAmount(words, k)) amount = true;
  }
  return verb && amount;
}

/** The word at `k` is an amount: a number after a quantifier or with a currency sign, or one counting a noun. */
function isAmount(words: readonly string[], k: number): boolean {
  const raw = words[k]!;
  const currency = /^[$€£₩¥]\d/.test(raw);
  if (!currency && !/^\d[\d,.]*$/.test(raw)) return false;
  if (currency) return true;
  const before = (words[k - 1] ?? '').toLowerCase().replace(/[,;:]+$/, '');
  if (QUANTIFIERS.has(before)) return true;
  const next = words[k + 1] ?? '';
  // "212 unit reports" counts things; "9 January", "34, Sumy", "(2017)" do not.
  return !/[,;:)]$/.test(raw) && /^[a-z]/.test(next) && !isMonthName(next.replace(/[.,;:]+$/, ''));
}
