/**
 * Does a report say it is a republished copy ("syndicated from the Northern Star Monitor", "This
 * article first appeared in …")? Syndicated copies often carry the same date as the original, or
 * none, so this is the better signal of which of two near-identical reports is the original.
 * Only the byline (start) and the footer (end) are read: a story body may quote such words.
 */
const DECLARATIONS: readonly RegExp[] = [
  /\b(?:syndicated|republished|reprinted|reproduced|adapted)\s+(?:with permission\s+)?(?:from|by arrangement with|courtesy of)\s/i,
  /\b(?:first|originally)\s+(?:appeared|published|ran|was published)\s+(?:in|on|by|at)\s/i,
  /\b(?:is|was|are|were|has been)\s+(?:republished|reprinted|syndicated|reproduced)\b/i,
  /\bunder a (?:content-sharing|syndication|republishing) (?:agreement|arrangement|licen[cs]e)\b/i,
];

const HEAD = 600;
const FOOT = 800;

export function declaresRepublication(text: string): boolean {
  const ends = text.length <= HEAD + FOOT ? [text] : [text.slice(0, HEAD), text.slice(-FOOT)];
  return ends.some((part) => DECLARATIONS.some((re) => re.test(part)));
}
