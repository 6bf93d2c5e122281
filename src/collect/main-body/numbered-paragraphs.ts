// Texts that number their paragraphs ("1. I am a lecturer in …", "2 The applicant …"): written evidence to a committee
// and judgments. Their numbering decides two things: an "About the author" label over paragraph 1 heads the text's first
// section, not a closing bio (a role correction made before the story is looked for), and a judgment's body opens at
// its paragraph 1, under the case's caption (a reader of the story's opening, story-opening.ts).
import { digitCount, inCountingRun, leadingNumber, leadingParagraphNumber } from '../text/paragraph-numbers.js';
import { endsSentence, type BlockRole } from './cues.js';
import type { TextBlock } from './text-block.js';

/**
 * A submission written in numbered paragraphs (written evidence to a committee, a consultation response) may open with a
 * section on its author ("About the author" over "1. I am a lecturer in …", then "2. The first troops …"): the label heads
 * paragraph 1 of the text, as its later section headings head theirs, not a closing bio. The label is read so only when
 * paragraph 1 under it is prose and opens a numbering of prose paragraphs (a "Most read" list numbers headlines).
 */
export function markNumberedAuthorSection(blocks: readonly TextBlock[], roles: BlockRole[]): void {
  for (let i = 0; i + 1 < blocks.length; i++) {
    const role = roles[i]!;
    if (role.role !== 'tail' || role.kind !== 'byline' || roles[i + 1]!.role !== 'prose') continue;
    if (numberedParagraph(blocks[i + 1]!.text) === 1 && numberedProseFollows(blocks, roles, i + 1)) roles[i] = { role: 'heading' };
  }
}

/** The number of a paragraph that opens with its number, a full stop or none, and a blank ("2.\tThe first …", "3 The …"), else -1. */
function numberedParagraph(t: string): number {
  const n = leadingNumber(t, 0);
  if (n < 0) return -1;
  let i = digitCount(n);
  if (t.charCodeAt(i) === 46 /* . */) i++;
  const c = t.charCodeAt(i);
  return c === 32 || c === 9 ? n : -1;
}

/** The prose paragraphs after paragraph 1 at `one`, section headings between them, go on numbered 2 and 3. */
function numberedProseFollows(blocks: readonly TextBlock[], roles: readonly BlockRole[], one: number): boolean {
  let next = 2;
  for (let j = one + 1; j < blocks.length && next <= 3; j++) {
    const role = roles[j]!.role;
    if (role === 'heading') continue;
    if (role !== 'prose' || numberedParagraph(blocks[j]!.text) !== next) return false;
    next++;
  }
  return next > 3;
}

/**
 * A judgment or official decision that numbers its paragraphs "1 By its action …", "2 The applicant …" opens its body
 * at paragraph 1: above it stands the case's caption (the subject-matter keywords, the parties and their
 * representatives, the composition of the court), fields and labels that end no sentence. A sentence ended above
 * paragraph 1 keeps the start where it is (an unnumbered introduction is the body's).
 */
export function numberedParagraphOne(blocks: readonly TextBlock[], start: number, end: number): number {
  for (let i = start; i <= end; i++) {
    const t = blocks[i]!.text;
    if (t.charCodeAt(0) === 49 /* 1 */ && leadingParagraphNumber(t, 0) === 1) return i > start && opensNumbering(blocks, i, end) ? i : start;
    if (endsSentence(t)) return start;
  }
  return start;
}

/** The paragraph numbered 1 at `one` is followed by paragraphs numbered 2, 3 …, the first of a counting run. */
function opensNumbering(blocks: readonly TextBlock[], one: number, end: number): boolean {
  const values = [1];
  for (let i = one + 1; i <= end && values.length < MIN_NUMBERED_PARAGRAPHS; i++) {
    const n = leadingParagraphNumber(blocks[i]!.text, 0);
    if (n >= 0) values.push(n);
  }
  return values.length >= MIN_NUMBERED_PARAGRAPHS && inCountingRun(values)[0] === true;
}

/** Numbered paragraphs that make a numbering. */
const MIN_NUMBERED_PARAGRAPHS = 3;
