/**
 * Turns what a person types into an FTS5 query that cannot be a syntax error: words and
 * "quoted phrases" become quoted strings (all must match); OR between two terms is kept.
 * "KN-23" or "S-400" would otherwise be read as FTS5 operators.
 */
export function ftsQuery(input: string): string {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(input); m !== null; m = re.exec(input)) {
    const phrase = m[1] ?? m[2] ?? '';
    if (m[2] === 'OR') {
      if (parts.length > 0 && parts[parts.length - 1] !== 'OR') parts.push('OR');
      continue;
    }
    const words = phrase.match(/[\p{L}\p{N}_]+/gu);
    if (!words) continue;
    parts.push(`"${words.join(' ')}"`);
  }
  if (parts[parts.length - 1] === 'OR') parts.pop();
  return parts.join(' ');
}
