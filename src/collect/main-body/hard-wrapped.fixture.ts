/**
 * A paragraph broken into lines of at most 72 characters, as a report typed for print or a PDF's text gives it.
 * Written for the tests of the main body's readers of hard-wrapped text.
 */
export const hardWrapped = (p: string): string => p.split(' ').reduce((lines: string[], w) => {
  const last = lines[lines.length - 1];
  if (last !== undefined && last.length + w.length < 72) lines[lines.length - 1] = `${last} ${w}`;
  else lines.push(w);
  return lines;
}, []).join('\n');
