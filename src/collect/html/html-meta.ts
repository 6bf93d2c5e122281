import { parseDate } from '../dates.js';
import { isInside, textOf, type HtmlElement } from './html-tree.js';

export interface HtmlMeta {
  title: string | null;
  published: string | null;
  url: string | null;
  source: string | null;
  /** The page's summary of itself (meta description), white space collapsed. */
  description: string | null;
  /** The page says it is a post of a discussion forum (schema.org `DiscussionForumPosting`). */
  discussion: boolean;
}

/** A forum's thread page, as its structured data (JSON-LD or microdata) names it. */
const DISCUSSION_TYPE = /"@type"\s*:\s*(?:\[\s*)?"DiscussionForumPosting"/;
const DISCUSSION_ITEMTYPE = /\/DiscussionForumPosting$/;

const DATE_META = [
  'article:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publication_date',
  'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'og:published_time',
  'article.published', 'cxenseparse:recs:publishtime',
];
const TITLE_SEPARATOR = /\s+(?:\||–|—|-|::|·|•)\s+/;

/** Title, publication date, canonical URL and site name from the markup. */
export function htmlMeta(elements: HtmlElement[], container: HtmlElement | null): HtmlMeta {
  const meta = new Map<string, string>();
  let canonical: string | null = null;
  let docTitle: string | null = null;
  let firstH1: string | null = null;
  let containerH1: string | null = null;
  let timeDate: string | null = null;
  let ldDate: string | null = null;
  let discussion = false;
  for (const el of elements) {
    const a = el.attrs;
    if (a.itemtype !== undefined && DISCUSSION_ITEMTYPE.test(a.itemtype.trim())) discussion = true;
    switch (el.tag) {
      case 'meta': {
        const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase();
        if (key && a.content !== undefined && !meta.has(key)) meta.set(key, a.content.trim());
        break;
      }
      case 'link':
        if (!canonical && /(?:^|\s)canonical(?:\s|$)/i.test(a.rel ?? '') && a.href) canonical = a.href.trim();
        break;
      case 'title':
        docTitle ??= clean(textOf(el));
        break;
      case 'h1': {
        const t = clean(textOf(el));
        if (t) {
          firstH1 ??= t;
          if (container && !containerH1 && isInside(el, container)) containerH1 = t;
        }
        break;
      }
      case 'time':
        if (!timeDate && a.datetime) timeDate = parseDate(a.datetime);
        break;
      case 'script':
        if (/ld\+json/i.test(a.type ?? '')) {
          const ld = textOf(el);
          const m = ldDate ? null : /"datePublished"\s*:\s*"([^"]+)"/.exec(ld);
          if (m) ldDate = parseDate(m[1]);
          discussion ||= DISCUSSION_TYPE.test(ld);
        }
        break;
      default:
        if (!timeDate && (a.itemprop ?? '').toLowerCase() === 'datepublished') timeDate = parseDate(a.content ?? a.datetime ?? textOf(el));
    }
  }
  let site = meta.get('og:site_name') || meta.get('application-name') || null;
  let titleFromTag: string | null = null;
  if (docTitle) {
    const parts = docTitle.split(TITLE_SEPARATOR);
    const suffix = parts.length > 1 ? parts[parts.length - 1]! : null;
    if (suffix && suffix.split(/\s+/).length <= 5 && parts.slice(0, -1).join(' ').length > suffix.length) {
      site ??= suffix;
      titleFromTag = docTitle.slice(0, docTitle.length - suffix.length).replace(/\s*(?:\||–|—|-|::|·|•)\s*$/, '');
    } else titleFromTag = docTitle;
  }
  let title = meta.get('og:title') || meta.get('twitter:title') || containerH1 || firstH1 || titleFromTag || null;
  if (title && site && title.endsWith(site)) title = title.slice(0, -site.length).replace(/\s*(?:\||–|—|-|::|·|•)\s*$/, '') || title;
  let published: string | null = null;
  for (const key of DATE_META) {
    published = parseDate(meta.get(key));
    if (published) break;
  }
  published ??= ldDate ?? timeDate;
  return {
    title: title ? clean(title) : null,
    published,
    url: canonical || meta.get('og:url') || null,
    source: site ? clean(site) : null,
    description: descriptionOf(meta),
    discussion,
  };
}

function descriptionOf(meta: Map<string, string>): string | null {
  const d = meta.get('description') || meta.get('og:description') || meta.get('twitter:description');
  return d ? clean(d) : null;
}

function clean(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}
