/** A column of a table printed for people. */
export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
  /** Numbers are right-aligned unless told otherwise. */
  align?: 'left' | 'right';
  /** Columns that may be cut to fit the terminal, widest first; others keep their width. */
  shrink?: boolean;
}

const GAP = '  ';
const MIN_SHRUNK = 8;

/**
 * Formats rows as an aligned text table. When `maxWidth` is given (the terminal's width), the
 * shrinkable columns are cut, widest first, and cut cells end with "…".
 */
export function formatTable<T>(columns: readonly Column<T>[], rows: readonly T[], maxWidth?: number): string {
  const cells = rows.map((row) => columns.map((c) => cellText(c.value(row))));
  const right = columns.map(
    (c) => c.align === 'right' || (c.align === undefined && rows.length > 0 && rows.every((row) => isNumber(c.value(row)))),
  );
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  if (maxWidth !== undefined && maxWidth > 0) fit(widths, columns, maxWidth);
  const line = (values: string[]) =>
    values
      .map((v, i) => {
        const w = widths[i]!;
        const t = v.length > w ? `${v.slice(0, Math.max(0, w - 1))}…` : v;
        return right[i] ? t.padStart(w) : t.padEnd(w);
      })
      .join(GAP)
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), line(widths.map((w) => '─'.repeat(w)))];
  for (const r of cells) out.push(line(r));
  return out.join('\n') + '\n';
}

function fit<T>(widths: number[], columns: readonly Column<T>[], maxWidth: number): void {
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
  while (total() > maxWidth) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (columns[i]!.shrink && widths[i]! > MIN_SHRUNK && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest < 0) return;
    widths[widest] = Math.max(MIN_SHRUNK, widths[widest]! - (total() - maxWidth));
  }
}

function cellText(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  // One line per row: newlines and tabs inside a value would break the columns.
  return v.replace(/\s+/g, ' ');
}

const isNumber = (v: string | number | null) => typeof v === 'number' || v === null;
