import { findDate } from '../dates.js';
import { isAllCaps, isHeaderFurniture } from './cues.js';
import type { TextBlock } from './text-block.js';

/** Labels of a genre or section, not names of outlets. */
const GENRE = new Set([
  'timeline', 'interview', 'analysis', 'opinion', 'editorial', 'news', 'breaking', 'breaking news', 'exclusive',
  'feature', 'commentary', 'report', 'update', 'live', 'explainer', 'briefing', 'transcript', 'review', 'world',
  'politics', 'business', 'asia', 'europe', 'defence', 'defense', 'security', 'investigation', 'obituary', 'letters',
]);
const NOT_OUTLET = /\b(?:by|desk|newsletter|digest|issue|edition|weekly|daily|monthly|bulletin|script|item|duration|presenter|correspondents?|updated|published|gmt|utc|min read)\b/i;

export interface HeaderFacts {
  title: string | null;
  published: string | null;
  outlet: string | null;
}

/** Headline, date and outlet from the lines above a plain-text story. */
export function headerFacts(header: TextBlock[]): HeaderFacts {
  let title: string | null = null;
  let published: string | null = null;
  let pipeOutlet: string | null = null;
  let mastheadOutlet: string | null = null;
  for (const b of header) {
    const t = b.text;
    // The block's date is read at most once (it decides both the date and whether it is the headline).
    let date: string | null | undefined;
    if (published === null) published = date = findDate(t);
    const furniture = isHeaderFurniture(b);
    if (/\s[|·•]\s/.test(t)) {
      for (const part of t.split(/\s+[|·•]\s+/)) {
        const p = part.trim();
        if (!pipeOutlet && /^[A-Z]/.test(p) && !/\d/.test(p) && !NOT_OUTLET.test(p) && !/:/.test(p) && p.split(/\s+/).length <= 6)
          pipeOutlet = p;
      }
      continue;
    }
    if (isAllCaps(t)) {
      const words = t.split(/\s+/);
      if (!mastheadOutlet && words.length <= 6 && !GENRE.has(t.toLowerCase()) && !NOT_OUTLET.test(t) && !/[[\]()]/.test(t))
        mastheadOutlet = titleCase(t);
      continue;
    }
    if (!title && !furniture && t.split(/\s+/).length >= 3 && !(date === undefined ? findDate(t) : date)) title = t;
  }
  return { title, published, outlet: pipeOutlet ?? mastheadOutlet };
}

function titleCase(t: string): string {
  return t.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
