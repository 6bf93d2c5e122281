/**
 * The same text held as a one-byte (Latin-1) string when every character of it fits one, else the text itself.
 *
 * V8 compiles a regex once for each string representation it meets. A report with a single curly quote or dash is
 * held as two-byte text, and so is every slice of it, though most of its lines are plain Latin-1. A `\p{L}` regex
 * compiled for two-byte text carries all of Unicode's letters and costs several times what its one-byte build does
 * (1.2 ms against 0.3 ms for a byline's names); a short line that a costly Unicode regex reads rarely is worth
 * copying first (about a thousand instructions for a line). The match is the same
 * either way: only the representation differs.
 */
export function asOneByte(text: string): string {
  // V8's JSON parser makes a one-byte string whenever every character fits one; both steps are builtins, with no
  // JavaScript of Node's to run (a Buffer's Latin-1 round trip costs twice as much, and more while still cold).
  return JSON.parse(JSON.stringify(text)) as string;
}
