import { createRequire } from 'node:module';
import type { XMLParser } from 'fast-xml-parser';
import type { CollectedDocument } from '../../domain/document.js';
import { CollectError } from '../collect-error.js';
import { parseDate } from '../dates.js';
import { htmlDocument } from '../html/collect-html.js';

export interface FeedOptions {
  published?: string | null;
}

/** Elements that repeat, kept as arrays even when a feed has one. */
const REPEATED = new Set(['item', 'entry', 'link', 'category']);

// The XML parser is loaded on the first feed, not with the module: most runs (every `extract`
// of text and HTML pages) read no feed, and loading its 30-odd modules is a visible part of a
// short command's start. Its CommonJS build loads synchronously, as `collectFeed` is.
type Validation = true | { err: { line: number; col: number; msg: string } };
let loaded: { parser: XMLParser; validate: (xml: string) => Validation } | null = null;
function feedXml(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const fxp = createRequire(import.meta.url)('fast-xml-parser') as typeof import('fast-xml-parser');
  const parser = new fxp.XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: true,
    isArray: (name) => REPEATED.has(localName(name)),
  });
  return (loaded = { parser, validate: (xml) => fxp.XMLValidator.validate(xml) as Validation });
}

type XmlValue = string | number | boolean | XmlObject | XmlValue[] | undefined;
interface XmlObject {
  [key: string]: XmlValue;
}

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom: one document per item, its text derived from the item's HTML.
 * A feed that is not well-formed XML is refused with the line and column of the first fault.
 */
export function collectFeed(origin: string, xml: string, options: FeedOptions = {}): CollectedDocument[] {
  const { parser, validate } = feedXml();
  const valid = validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new CollectError(origin, `the feed is not well-formed XML: line ${line}, column ${col}: ${msg}`);
  }
  let tree: XmlObject;
  try {
    tree = parser.parse(xml) as XmlObject;
  } catch (e) {
    throw new CollectError(origin, `the feed could not be read as XML: ${(e as Error).message}`);
  }
  const rss = asObject(first(child(tree, 'rss')));
  const rdf = asObject(first(child(tree, 'RDF')));
  const atom = asObject(first(child(tree, 'feed')));
  let items: XmlObject[];
  let channel: XmlObject | undefined;
  let format: 'rss' | 'atom';
  if (atom) {
    format = 'atom';
    channel = atom;
    items = objects(child(atom, 'entry'));
  } else if (rss || rdf) {
    format = 'rss';
    const top = (rss ?? rdf)!;
    channel = asObject(first(child(top, 'channel')));
    // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
    items = objects(child(channel ?? {}, 'item'));
    if (items.length === 0) items = objects(child(top, 'item'));
  } else {
    throw new CollectError(origin, 'the XML is neither an RSS nor an Atom feed (no <rss>, <rdf:RDF> or <feed> element)');
  }
  const feedTitle = channel ? text(child(channel, 'title')) : null;
  const docs: CollectedDocument[] = [];
  items.forEach((item, i) => {
    const doc = itemDocument(`${origin}#item-${i + 1}`, item, format, feedTitle, options);
    if (doc) docs.push(doc);
  });
  if (docs.length === 0) {
    throw new CollectError(origin, items.length === 0 ? 'the feed has no items' : 'the feed items have no text');
  }
  return docs;
}

function itemDocument(
  origin: string,
  item: XmlObject,
  format: 'rss' | 'atom',
  feedTitle: string | null,
  options: FeedOptions,
): CollectedDocument | null {
  const title = text(child(item, 'title'));
  // The fullest body the item carries.
  const html = text(child(item, 'encoded')) || text(child(item, 'content')) || text(child(item, 'description')) || text(child(item, 'summary'));
  const date = parseDate(
    text(child(item, 'pubDate')) || text(child(item, 'published')) || text(child(item, 'date')) || text(child(item, 'updated')) || text(child(item, 'issued')),
  );
  const url = itemLink(item);
  const found = html ? htmlDocument(origin, html, { published: options.published ?? date }) : null;
  let doc: CollectedDocument;
  if (found) {
    doc = found.doc;
  } else if (title) {
    // An item with only a headline is still a (very short) report.
    doc = { origin, format, text: title, title, published: null, url: null, source: null, main: { start: 0, end: title.length }, boilerplate: [] };
  } else {
    return null;
  }
  return {
    ...doc,
    origin,
    format,
    title: title || doc.title,
    published: options.published ?? date ?? doc.published,
    url: url ?? doc.url,
    source: feedTitle || doc.source,
  };
}

function itemLink(item: XmlObject): string | null {
  const links = child(item, 'link');
  const list = Array.isArray(links) ? links : links === undefined ? [] : [links];
  let fallback: string | null = null;
  for (const l of list) {
    if (typeof l === 'string' || typeof l === 'number') return String(l).trim() || null;
    const o = asObject(l);
    if (!o) continue;
    const href = typeof o['@_href'] === 'string' ? o['@_href'] : text(o);
    const rel = typeof o['@_rel'] === 'string' ? o['@_rel'] : 'alternate';
    if (href && rel === 'alternate') return href;
    fallback ??= href || null;
  }
  const guid = text(child(item, 'guid')) || text(child(item, 'id'));
  return fallback ?? (guid && /^https?:\/\//.test(guid) ? guid : null);
}

/** A child by local name: `content:encoded` and `encoded` are the same element to us. */
function child(obj: XmlObject, name: string): XmlValue {
  if (name in obj) return obj[name];
  for (const key of Object.keys(obj)) if (localName(key) === name) return obj[key];
  return undefined;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function first(v: XmlValue): XmlValue {
  return Array.isArray(v) ? v[0] : v;
}

function asObject(v: XmlValue): XmlObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

function objects(v: XmlValue): XmlObject[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((x) => asObject(x) ?? { '#text': typeof x === 'string' ? x : '' });
}

/** Text content of an element (string, or `#text` beside attributes); '' when absent. */
function text(v: XmlValue): string {
  const x = first(v);
  if (typeof x === 'string') return x.trim();
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  const o = asObject(x);
  if (o && '#text' in o) return text(o['#text']);
  return '';
}
