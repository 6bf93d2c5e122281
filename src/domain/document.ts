import type { ImportedFacts } from './interop.js';
import { spanText, type Span } from './span.js';

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
  /**
   * The posts of a page that is a run of dated posts (a channel's web preview, a live blog's entries), in text
   * order, when the markup marks them: each speaks on its own day, and a forwarded one in its source's voice.
   * Absent for other documents (and not stored: a stored report is re-read as one text).
   */
  posts?: PostSpan[];
  /**
   * The cues of a subtitle file (SRT, WebVTT), in text order: each the span of the lines shown on screen together. What
   * lies between them (cue numbers and ids, timing lines, the WebVTT header) is furniture, and a sentence runs on from
   * one cue into the next. Absent for other documents (and not stored: a stored report is re-read as one text).
   */
  cues?: Span[];
  /**
   * The ">" marks that quote earlier messages line by line in a saved e-mail thread, inside the main body: furniture
   * that the extraction reads as spaces, so a quoted sentence reads as one. Absent for other documents (not stored).
   */
  quoteMarks?: Span[];
  /**
   * The markup of a Markdown document inside the main body (emphasis marks, code ticks, heading hashes, block-quote
   * marks, task boxes, link brackets and targets, footnote references) and the lines of its fenced code: furniture the
   * extraction reads as spaces, so the stages read the rendered text at the document's offsets. Absent for other
   * documents (not stored).
   */
  markup?: Span[];
}

/** The text of a report's main article: what search indexes, fingerprints compare and tests read. */
export const mainText = (doc: Pick<CollectedDocument, 'text' | 'main'>): string => spanText(doc.text, doc.main);

/** One post of a page of posts: its part of the text, its own date, and the channel it was forwarded from. */
export interface PostSpan extends Span {
  /** ISO date `YYYY-MM-DD` the post was published on, or null when its markup gives none. */
  published: string | null;
  /** The channel or account a forwarded post came from ("Forwarded from X"), else null. */
  forwardedFrom: string | null;
  /**
   * Who wrote the post when it is a message of a saved e-mail thread (its "From:" field, or the name in the "On …, X
   * wrote:" line that quotes it): what it says without naming another source is its author's. Absent otherwise.
   */
  author?: string | null;
  /** The author is a person: the message's address spells the name ("Ann Lee <ann.lee@…>", "<alee@…>"). */
  authorIsPerson?: boolean;
  /**
   * The account that posted it, when the post is one of a social-media thread copied as text: its display name, its
   * handle (with the "@") and where the name stands in its header. An entity of the report, whoever's voice it is.
   */
  account?: { name: string; handle: string; at: Span };
}

/**
 * A part of the text that is not the report's, and what it is. A `margin` lies inside the report's sentences: a line
 * number of line-numbered text (a bill, pleading paper), or the page furniture between two of its pages; extraction
 * reads it as blank, so a sentence or a name runs on through it.
 */
export interface BoilerplateSpan extends Span {
  kind: 'navigation' | 'related' | 'promo' | 'comments' | 'disclosure' | 'byline' | 'footer' | 'margin' | 'other';
}

/** A document that could not be collected, with the reason in words a person can act on. */
export interface CollectError {
  origin: string;
  problem: string;
}
