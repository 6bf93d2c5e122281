import { parseSearch } from '../search-query.js';

/**
 * Turns what a person types into an FTS5 query that cannot be a syntax error: words and
 * "quoted phrases" become quoted strings (all must match); OR between two terms is kept.
 * "KN-23" or "S-400" would otherwise be read as FTS5 operators.
 */
export function ftsQuery(input: string): string {
  return parseSearch(input)
    .map((phrases) => phrases.map((words) => `"${words.join(' ')}"`).join(' '))
    .join(' OR ');
}
