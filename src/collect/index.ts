import type { CollectedDocument, DocumentFormat } from '../domain/document.js';
import { CollectError } from './collect-error.js';
import { decodeText } from './decode.js';
import { collectFeed } from './feed/collect-feed.js';
import { collectHtml } from './html/collect-html.js';
import { checkSize } from './size-limit.js';
import { isStixBundle } from './stix-sniff.js';
import { collectPlainText } from './text/from-plain-text.js';

export { CollectError } from './collect-error.js';
export { DecodeError, decodeText } from './decode.js';
export { checkSize, DEFAULT_MAX_BYTES } from './size-limit.js';
export { isStixBundle } from './stix-sniff.js';

export interface CollectOptions {
  /** Publication date to use when the document gives none (or to override it), ISO `YYYY-MM-DD`. */
  published?: string | null;
  /** Force a format instead of sniffing it from the name and content. */
  format?: DocumentFormat;
  /** Largest input accepted, in bytes (default 16 MiB). */
  maxBytes?: number;
  /**
   * Also return the stories that an aggregator page carries in full after its main story, as
   * documents of their own (`ORIGIN#related-N`, after the main document). Off by default because
   * `extract --json` prints one object per input.
   */
  related?: boolean;
}

/** Guesses the format from the file name, then from the first bytes of content. */
export function sniffFormat(origin: string, text: string): DocumentFormat {
  const lower = origin.toLowerCase();
  if (/\.html?$/.test(lower)) return 'html';
  if (/\.(rss|atom)$/.test(lower)) return lower.endsWith('.atom') ? 'atom' : 'rss';
  // JSON is recognised by content: a STIX bundle is mapped, not read as text.
  if (text.charCodeAt(0) === 123 || /^\s*\{/.test(text.slice(0, 64))) {
    if (isStixBundle(text)) return 'stix';
  }
  // Markup and feeds open with "<" (after white space): anything else is text, read no further.
  if (!/\.xml$/.test(lower) && !opensWithTag(text)) return 'text';
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (/\.xml$/.test(lower) || head.startsWith('<?xml') || head.startsWith('<rss') || head.startsWith('<feed') || head.startsWith('<rdf')) {
    if (/<feed[\s>]/.test(head)) return 'atom';
    if (/<rss[\s>]|<rdf:rdf[\s>]/.test(head)) return 'rss';
  }
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|article|div|p|section|main|meta|title)\b/.test(head))
    return 'html';
  return 'text';
}

/** Whether the first character after leading white space (as trimStart skips it) is "<". */
function opensWithTag(text: string): boolean {
  const n = Math.min(text.length, 2000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 60) return true;
    if (!isTrimmedSpace(c)) return false;
  }
  return false;
}

function isTrimmedSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Turns the bytes of one input into one or more collected documents (a feed gives one per item).
 * Throws CollectError naming the input and the problem.
 */
export function collectBytes(origin: string, bytes: Uint8Array, options: CollectOptions = {}): CollectedDocument[] {
  // Size first: an oversize input is refused before any decoding or parsing.
  checkSize(origin, bytes.length, options.maxBytes);
  let text: string;
  try {
    text = decodeText(bytes);
  } catch (e) {
    throw new CollectError(origin, (e as Error).message);
  }
  return collectText(origin, text, options);
}

/** As collectBytes, for text already decoded. */
export function collectText(origin: string, text: string, options: CollectOptions = {}): CollectedDocument[] {
  const format = options.format ?? sniffFormat(origin, text);
  const published = options.published ?? null;
  const related = options.related ?? false;
  switch (format) {
    case 'text':
      return collectPlainText(origin, text, { published, related });
    case 'html':
      return collectHtml(origin, text, { published, related });
    case 'rss':
    case 'atom':
      return collectFeed(origin, text, { published });
    case 'stix':
      throw new CollectError(origin, 'a STIX bundle: `parallax ingest` and POST /api/v1/stix/bundle import it (objects, not text)');
    default:
      throw new CollectError(origin, `${format} input is not supported yet`);
  }
}

/** One plain-text report (kept for callers that hold text already). */
export function fromPlainText(origin: string, text: string, options: CollectOptions = {}): CollectedDocument {
  return collectPlainText(origin, text, { published: options.published ?? null })[0]!;
}
