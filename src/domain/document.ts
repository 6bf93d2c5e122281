import type { ImportedFacts } from './interop.js';
import type { Span } from './span.js';

/** Input formats the collectors understand. */
export const DOCUMENT_FORMATS = ['text', 'html', 'rss', 'atom', 'stix', 'misp'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/**
 * One report as collected: plain text plus where its main article lies.
 * Every offset the exploit stages produce refers to `text`.
 */
export interface CollectedDocument {
  /** Where it came from: a file path, `-` for stdin, or `path#item-3` for an item of a feed. */
  origin: string;
  format: DocumentFormat;
  /** The readable text (for HTML: derived text with paragraph breaks). */
  text: string;
  title: string | null;
  /** ISO date `YYYY-MM-DD`, or null when neither the caller nor the document gives one. */
  published: string | null;
  url: string | null;
  /** Name of the outlet or author when the document says it (byline, feed title, site name). */
  source: string | null;
  /** The main article body. Boilerplate, promos, comments and related lists lie outside. */
  main: Span;
  /** Parts of `text` recognised as boilerplate, with what they are (kept so a reader can grey them). */
  boilerplate: BoilerplateSpan[];
  /** What a structured source (a MISP event) says beyond the text; absent for text, HTML and feeds. */
  imported?: ImportedFacts;
}

export interface BoilerplateSpan extends Span {
  kind: 'navigation' | 'related' | 'promo' | 'comments' | 'disclosure' | 'byline' | 'footer' | 'other';
}

/** A document that could not be collected, with the reason in words a person can act on. */
export interface CollectError {
  origin: string;
  problem: string;
}
