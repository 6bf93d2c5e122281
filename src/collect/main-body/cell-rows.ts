import type { TextBlock } from './text-block.js';

/** Fewest rows of cells over a figure's row for them to be read as one table. */
const MIN_ROWS = 3;
/** Longest row read as a table's ("Cargo on board\tAbout 2,100 tonnes of diesel"): a longer line is prose. */
const MAX_ROW = 200;

/** How many cell breaks (tabs, as the HTML reader joins a row's cells) a block holds, 0 for a longer block. */
function cellBreaks(block: TextBlock): number {
  const t = block.text;
  if (t.length > MAX_ROW) return 0;
  let n = 0;
  for (let at = t.indexOf('\t'); at >= 0; at = t.indexOf('\t', at + 1)) n++;
  return n;
}

/**
 * The block at `end` is the last row of a table of cells (a page's "Particulars" table: "Flag\tPanama" rows) that
 * stands in the story, and it holds a figure: the table's rows are short lines without full stops, as trailing
 * headings are, but the last one states the story's figures as the rows above it do. At least MIN_ROWS rows of the
 * same number of cells, under a block of the story.
 */
export function closesWithCellRows(blocks: readonly TextBlock[], first: number, end: number): boolean {
  const cells = cellBreaks(blocks[end]!);
  if (cells === 0 || !/\d/.test(blocks[end]!.text)) return false;
  let i = end;
  while (i > first && cellBreaks(blocks[i - 1]!) === cells) i--;
  return i > first && end - i + 1 >= MIN_ROWS;
}
