import type { CollectedDocument } from '../../domain/document.js';
import { headerFacts } from '../main-body/header-facts.js';
import { findMainBody } from '../main-body/main-body.js';
import { lineBlocks } from '../main-body/text-block.js';
import { relatedDocuments } from '../related-documents.js';

export interface PlainTextOptions {
  published?: string | null;
  /** Also return the stories carried in full after the main one, as documents of their own. */
  related?: boolean;
}

/** A plain-text report: the text as is, the story located by line-level cues. */
export function collectPlainText(origin: string, text: string, options: PlainTextOptions = {}): CollectedDocument[] {
  const blocks = lineBlocks(text);
  // A first pass finds the header; its outlet name then helps to recognise the closing lines.
  const first = findMainBody(blocks);
  const facts = headerFacts(first.header);
  const body = facts.outlet ? findMainBody(blocks, { outlet: facts.outlet }) : first;
  const doc: CollectedDocument = {
    origin,
    format: 'text',
    text,
    title: facts.title,
    published: options.published ?? facts.published,
    url: null,
    source: facts.outlet,
    main: body.main,
    boilerplate: body.boilerplate,
  };
  if (!options.related) return [doc];
  return [doc, ...relatedDocuments(doc, body.related)];
}
