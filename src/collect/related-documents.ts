import type { CollectedDocument } from '../domain/document.js';
import type { RelatedStory } from './main-body/related-stories.js';

/** Each related story carried in full becomes a document of its own: `ORIGIN#related-N`. */
export function relatedDocuments(parent: CollectedDocument, stories: RelatedStory[]): CollectedDocument[] {
  return stories.map((s, i) => {
    const text = parent.text.slice(s.start, s.end);
    return {
      origin: `${parent.origin}#related-${i + 1}`,
      format: parent.format,
      text,
      title: s.title,
      // Stories carried on a page are of about its date; better than no date to resolve "on Monday".
      published: parent.published,
      url: null,
      source: parent.source,
      main: { start: s.bodyStart - s.start, end: s.end - s.start },
      boilerplate: s.bodyStart > s.start ? [{ start: 0, end: s.bodyStart - s.start, kind: 'other' as const }] : [],
    };
  });
}
