import type { SqlFragment } from '../../share/policy.js';
import { parseSearch } from '../search-query.js';

/** English stemming, as SQLite's porter tokenizer (PostgreSQL's also drops stop words). */
export const TEXT_SEARCH_CONFIG = 'english';

/**
 * What a person types (src/store/search-query.ts) as a tsquery expression: each phrase through
 * phraseto_tsquery (so PostgreSQL stems it as it stemmed the text), phrases joined with && and
 * alternatives with ||, grouped explicitly. Undefined when nothing searchable is left.
 */
export function tsQuery(input: string): SqlFragment | undefined {
  const alternatives = parseSearch(input);
  if (alternatives.length === 0) return undefined;
  const params: unknown[] = [];
  const sql = alternatives
    .map((phrases) => {
      const parts = phrases.map((words) => {
        params.push(words.join(' '));
        return `phraseto_tsquery('${TEXT_SEARCH_CONFIG}', ?)`;
      });
      return `(${parts.join(' && ')})`;
    })
    .join(' || ');
  return { sql: `(${sql})`, params };
}

/**
 * ts_headline marks each part of a hyphenated word («self»-«propelled»); SQLite's snippet marks the
 * whole («self-propelled»). One form for both stores.
 */
export function joinMarkedParts(headline: string): string {
  return headline.replace(/»([-'’])«/g, '$1');
}
