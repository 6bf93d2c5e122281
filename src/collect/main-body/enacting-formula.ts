import type { Span } from '../../domain/span.js';

/**
 * A legal act printed whole, as an official journal sets it: the institution that enacts it named alone on its line
 * ("THE COUNCIL OF THE EUROPEAN UNION,"), the citations under it ("Having regard to the Treaty …"), the recitals, and
 * the enacting words that close the preamble ("HAS ADOPTED THIS REGULATION:"), then the articles, the signature and the
 * annexes. What stands above the institution's line (the journal's header, the act's number, date and title) is the
 * act's heading, as a headline is a story's (main-body.ts); the act is the institution's statement, its recitals and
 * annexes what the institution finds (conventions, rule 32: a text printed whole is its issuer's; attribution reads
 * it through `BodyVoices.actIssuer`).
 */
export interface EnactingFormula {
  /** The institution's line, from its first letter to the comma (excluded). */
  issuer: Span;
  /** The institution written as a name: "Council of the European Union" for "THE COUNCIL OF THE EUROPEAN UNION". */
  name: string;
  /** The enacting words' line ("HAS ADOPTED THIS REGULATION:"). */
  enacting: Span;
}

/** What opens the first citation under the institution's line. */
const CITATION = 'Having regard to';
/** Longest institution's line: "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION," is 61. */
const MAX_ISSUER_LINE = 120;
/** Longest enacting line: "HAVE ADOPTED THIS DIRECTIVE:", "HAS DECIDED AS FOLLOWS:". */
const MAX_ENACTING_LINE = 60;
/**
 * The institution: words in capitals, maybe "THE" first and "AND THE" between two institutions, a comma last; or the same
 * words capitalised as a name ("The Council of the European Union,"). Group 1: the name without "THE".
 */
const ISSUER_LINE = /^[ \t]*(?:THE |The )?((?:[A-Z][A-Za-z’'-]*|of|the|and|for|on)(?: (?:[A-Z][A-Za-z’'-]*|of|the|and|for|on)){0,11}),[ \t]*$/;
/** The enacting words, in capitals: "HAS ADOPTED THIS REGULATION:", "HAVE ADOPTED THIS DIRECTIVE:", "HAS DECIDED AS FOLLOWS:". */
const ENACTING_LINE = /^[ \t]*(?:HAS|HAVE) (?:ADOPTED (?:THIS|THE PRESENT) [A-Z ]{4,30}|DECIDED AS FOLLOWS)[ \t]*:?[ \t]*$/;
/** Small words a name in capitals keeps in small letters. */
const SMALL_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', 'on']);

/**
 * The enacting formula of the act the text prints between `from` and `to`, or null. The institution's line stands
 * right above a "Having regard to" opening its line (blank lines between), and the enacting words' line comes after it.
 */
export function findEnactingFormula(text: string, from: number, to: number): EnactingFormula | null {
  for (let cite = text.indexOf(CITATION, from); cite >= 0 && cite < to; cite = text.indexOf(CITATION, cite + 1)) {
    if (cite > 0 && text.charCodeAt(cite - 1) !== 10) continue;
    const issuerLine = lineAbove(text, cite);
    if (issuerLine === null) continue;
    const issuer = issuerIn(text.slice(issuerLine.start, issuerLine.end));
    if (issuer === null) continue;
    const enacting = enactingLine(text, cite, to);
    if (enacting === null) return null;
    const at = issuerLine.start + issuer.at;
    return { issuer: { start: at, end: at + issuer.written.length }, name: asName(issuer.written), enacting };
  }
  return null;
}

/**
 * The index of the block that holds the institution's line of an act's enacting formula (the block under it opens
 * "Having regard to", a block below holds the enacting words), or -1: where a legal act printed whole starts.
 */
export function enactingFormulaBlock(blocks: readonly { text: string }[]): number {
  for (let i = 1; i < blocks.length; i++) {
    if (!blocks[i]!.text.startsWith(CITATION) || issuerIn(blocks[i - 1]!.text) === null) continue;
    for (let j = i + 1; j < blocks.length; j++) {
      const t = blocks[j]!.text;
      if (t.length <= MAX_ENACTING_LINE && t.charCodeAt(0) === 72 && ENACTING_LINE.test(t)) return i - 1;
    }
    return -1;
  }
  return -1;
}

/** The institution a line names alone, as an act's formula opens ("THE COUNCIL OF THE EUROPEAN UNION,"), or null. */
function issuerIn(line: string): { written: string; at: number } | null {
  if (line.length > MAX_ISSUER_LINE || !line.trimEnd().endsWith(',')) return null;
  const m = ISSUER_LINE.exec(line);
  return m === null ? null : { written: m[1]!, at: m[0].indexOf(m[1]!) };
}

/** The last non-blank line ending before the line that opens at `lineStart`, or null. */
function lineAbove(text: string, lineStart: number): Span | null {
  let end = lineStart - 1;
  while (end > 0 && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13 || text.charCodeAt(end - 1) === 32)) end--;
  if (end <= 0) return null;
  return { start: text.lastIndexOf('\n', end - 1) + 1, end };
}

/** The first line after `from` (before `to`) that holds the enacting words. */
function enactingLine(text: string, from: number, to: number): Span | null {
  for (let at = text.indexOf('\nHA', from); at >= 0 && at < to; at = text.indexOf('\nHA', at + 1)) {
    const start = at + 1;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start <= MAX_ENACTING_LINE && ENACTING_LINE.test(text.slice(start, end))) return { start, end };
  }
  return null;
}

/** "COUNCIL OF THE EUROPEAN UNION" → "Council of the European Union"; a name written so already stays. */
function asName(written: string): string {
  if (written !== written.toUpperCase()) return written;
  return written
    .split(' ')
    .map((w, i) => {
      const lower = w.toLowerCase();
      return i > 0 && SMALL_WORDS.has(lower) ? lower : w[0]! + lower.slice(1);
    })
    .join(' ');
}
