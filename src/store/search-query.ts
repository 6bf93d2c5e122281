/**
 * What a person types into search, parsed once for every dialect: words and "quoted phrases"
 * must all match; OR between two terms offers alternatives. The result is a list of
 * alternatives (OR), each a list of phrases (AND), each a list of words: AND binds tighter than
 * OR, as in FTS5 and tsquery. Punctuation never becomes an operator: "KN-23" is the phrase
 * "KN 23", and stray operators vanish, so no input is a syntax error in any engine.
 */
export type SearchTerms = string[][][];

export function parseSearch(input: string): SearchTerms {
  const alternatives: string[][][] = [[]];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(input); m !== null; m = re.exec(input)) {
    if (m[2] === 'OR') {
      if (alternatives[alternatives.length - 1]!.length > 0) alternatives.push([]);
      continue;
    }
    const words = (m[1] ?? m[2] ?? '').match(/[\p{L}\p{N}_]+/gu);
    if (words) alternatives[alternatives.length - 1]!.push(words);
  }
  return alternatives.filter((a) => a.length > 0);
}
