import type { CollectedDocument, DocumentFormat } from '../domain/document.js';
import { decodeText } from './decode.js';

export { DecodeError, decodeText } from './decode.js';

/** Raised for an input that cannot be collected; `problem` is the human-readable reason. */
export class CollectError extends Error {
  constructor(
    readonly origin: string,
    readonly problem: string,
  ) {
    super(`${origin}: ${problem}`);
  }
}

export interface CollectOptions {
  /** Publication date to use when the document gives none (or to override it), ISO `YYYY-MM-DD`. */
  published?: string | null;
  /** Force a format instead of sniffing it from the name and content. */
  format?: DocumentFormat;
}

/** Guesses the format from the file name, then from the first bytes of content. */
export function sniffFormat(origin: string, text: string): DocumentFormat {
  const lower = origin.toLowerCase();
  if (/\.html?$/.test(lower)) return 'html';
  if (/\.(rss|atom)$/.test(lower)) return lower.endsWith('.atom') ? 'atom' : 'rss';
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (/\.xml$/.test(lower) || head.startsWith('<?xml') || head.startsWith('<rss') || head.startsWith('<feed')) {
    if (head.includes('<feed')) return 'atom';
    if (head.includes('<rss') || head.includes('<rdf')) return 'rss';
  }
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|article|div|p)\b/.test(head))
    return 'html';
  return 'text';
}

/**
 * Turns the bytes of one input into one or more collected documents (a feed gives one per item).
 * Throws CollectError naming the input and the problem.
 */
export function collectBytes(origin: string, bytes: Uint8Array, options: CollectOptions = {}): CollectedDocument[] {
  let text: string;
  try {
    text = decodeText(bytes);
  } catch (e) {
    throw new CollectError(origin, (e as Error).message);
  }
  const format = options.format ?? sniffFormat(origin, text);
  switch (format) {
    case 'text':
      return [fromPlainText(origin, text, options)];
    default:
      throw new CollectError(origin, `${format} input is not supported yet`);
  }
}

export function fromPlainText(origin: string, text: string, options: CollectOptions = {}): CollectedDocument {
  return {
    origin,
    format: 'text',
    text,
    title: null,
    published: options.published ?? null,
    url: null,
    source: null,
    main: { start: 0, end: text.length },
    boilerplate: [],
  };
}
