import { classifyBlock } from './cues.js';
import type { TextBlock } from './text-block.js';

/** A story carried in full inside the end matter of another (offsets into the same text). */
export interface RelatedStory {
  title: string | null;
  /** From the headline (or the first paragraph) to the last paragraph. */
  start: number;
  /** Where the story's own body starts (after its headline). */
  bodyStart: number;
  end: number;
}

/** A teaser is a headline and a sentence; a story has at least this much prose. */
const MIN_STORY_CHARS = 300;

/**
 * Groups related-section blocks into stories: a headline followed by paragraphs. Only stories
 * with real body text count; lists of teaser headlines are not stories.
 */
export function findRelatedStories(blocks: TextBlock[]): RelatedStory[] {
  const stories: RelatedStory[] = [];
  let title: TextBlock | null = null;
  let body: TextBlock[] = [];
  const close = (): void => {
    const chars = body.reduce((n, b) => n + b.text.length, 0);
    if (body.length > 0 && chars >= MIN_STORY_CHARS && (body.length >= 2 || chars >= 600)) {
      stories.push({
        title: title?.text ?? null,
        start: (title ?? body[0]!).start,
        bodyStart: body[0]!.start,
        end: body[body.length - 1]!.end,
      });
    }
    title = null;
    body = [];
  };
  for (const b of blocks) {
    const role = b.heading ? 'heading' : classifyBlock(b).role;
    if (role === 'prose' || role === 'item') {
      body.push(b);
    } else if (role === 'heading') {
      close();
      title = b;
    } else {
      close();
    }
  }
  close();
  return stories;
}
