import type { BoilerplateSpan, CollectedDocument } from '../../domain/document.js';
import type { Span } from '../../domain/span.js';
import { headerFacts } from '../main-body/header-facts.js';
import { findMainBody } from '../main-body/main-body.js';
import { plainTextBlocks } from '../main-body/text-block.js';
import { relatedDocuments } from '../related-documents.js';

export interface PlainTextOptions {
  published?: string | null;
  /** Also return the stories carried in full after the main one, as documents of their own. */
  related?: boolean;
}

/** A plain-text report: the text as is, the story located by line-level cues. */
export function collectPlainText(origin: string, text: string, options: PlainTextOptions = {}): CollectedDocument[] {
  const { blocks, margins } = plainTextBlocks(text);
  // The header's facts (its outlet name helps to recognise the closing lines) are read once the
  // story's start is known.
  let facts = headerFacts([]);
  const body = findMainBody(blocks, {
    outlet: (header) => {
      facts = headerFacts(header);
      return facts.outlet;
    },
  });
  const doc: CollectedDocument = {
    origin,
    format: 'text',
    text,
    title: facts.title,
    published: options.published ?? facts.published,
    url: null,
    source: facts.outlet,
    main: body.main,
    boilerplate: margins.length === 0 ? body.boilerplate : withMargins(body.boilerplate, margins),
  };
  if (!options.related) return [doc];
  return [doc, ...relatedDocuments(doc, body.related)];
}

/** The boilerplate with the margins of line-numbered text added, in text order. */
function withMargins(boilerplate: BoilerplateSpan[], margins: readonly Span[]): BoilerplateSpan[] {
  const out = [...boilerplate, ...margins.map((m): BoilerplateSpan => ({ start: m.start, end: m.end, kind: 'margin' }))];
  return out.sort((a, b) => a.start - b.start);
}
