import { isProse } from '../main-body/cues.js';
import type { HtmlElement } from './html-tree.js';
import type { HtmlBlock } from './html-text.js';

/** Fewest captions of prose that make a page a gallery. */
const MIN_GALLERY_CAPTIONS = 3;
/** How far up from a block's element its figure caption is looked for (caption → paragraph → span). */
const MAX_CAPTION_DEPTH = 4;

/** The figure caption a block's element lies in, if any within a few levels. */
function inCaption(owner: HtmlElement): boolean {
  let el: HtmlElement | null = owner;
  for (let depth = 0; el && depth < MAX_CAPTION_DEPTH; depth++, el = el.parent) if (el.tag === 'figcaption') return true;
  return false;
}

/**
 * A gallery ("in pictures"): the page's words are its pictures' captions, each set in a figure's caption with its slide
 * counter and photo credit; the prose outside captions (if any) is shorter than theirs. The captions are then the
 * story, read as paragraphs: they lose the hint that sets an article's picture captions aside, and the main body's
 * cues read the counters as headings and the credits ("Photograph: …") as furniture. A story with a few pictures keeps
 * its captions aside, its own prose being the longer.
 */
export function readGalleryCaptions(blocks: readonly HtmlBlock[]): void {
  let captions = 0;
  let captionProse = 0;
  let otherProse = 0;
  for (const b of blocks) {
    // A block of the page's own prose: far more common than a caption, and cheap to count.
    if (b.hint === undefined) {
      if (isProse(b.text)) otherProse += b.text.length;
      continue;
    }
    if (b.hint !== 'other' || !inCaption(b.owner) || !isProse(b.text)) continue;
    captions++;
    captionProse += b.text.length;
  }
  if (captions < MIN_GALLERY_CAPTIONS || otherProse >= captionProse) return;
  for (const b of blocks) if (b.hint === 'other' && inCaption(b.owner)) delete b.hint;
}
