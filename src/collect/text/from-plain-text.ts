import type { CollectedDocument } from '../../domain/document.js';
import { headerFacts } from '../main-body/header-facts.js';
import { findMainBody } from '../main-body/main-body.js';
import { lineBlocks } from '../main-body/text-block.js';
import { relatedDocuments } from '../related-documents.js';
import { findCues, subtitleBlocks } from './subtitles.js';

export interface PlainTextOptions {
  published?: string | null;
  /** Also return the stories carried in full after the main one, as documents of their own. */
  related?: boolean;
}

/** A plain-text report: the text as is, the story located by line-level cues. */
export function collectPlainText(origin: string, text: string, options: PlainTextOptions = {}): CollectedDocument[] {
  // A subtitle file's story is read from its cues' words, run on over the cues, without numbers and timings.
  const cues = findCues(text);
  const blocks = cues === undefined ? lineBlocks(text) : subtitleBlocks(text, cues);
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
    boilerplate: body.boilerplate,
  };
  if (cues !== undefined) doc.cues = cues;
  if (!options.related) return [doc];
  return [doc, ...relatedDocuments(doc, body.related)];
}
