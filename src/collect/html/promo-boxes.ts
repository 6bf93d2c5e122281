import { isPromoLabel } from '../main-body/cues.js';
import { isInside, type HtmlElement } from './html-tree.js';
import type { HtmlBlock } from './html-text.js';

/** Elements that box a part of a page: a layout table's cell, row or table, a div, a section. */
const BOX_TAGS = new Set(['td', 'th', 'tr', 'table', 'tbody', 'div', 'section', 'aside', 'center']);
/** Most characters of a promotion's box: a sponsor's pitch or a sign-up call is a few lines. */
const MAX_PROMO_BOX = 1200;

/**
 * Boxes that a promotion's label opens ("Sponsored by Acme Imaging" over its pitch, "Forwarded
 * this? Subscribe" over a call to sign up, "Advertisement"): the box's blocks are the outlet's
 * promotion, whatever its markup, and get the hint `promo`. E-mail newsletters mark these boxes with
 * nothing but inline styles, and set a sponsor between items as often as after them: a box marked
 * as a whole does not end the story as its label alone would. The box is the smallest one around
 * the label that holds more than the label, opens with it and is short; none when the label stands
 * in a box with text above it or in a long one (the text-level cue then reads the label alone).
 */
export function markPromoBoxes(blocks: HtmlBlock[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const label = blocks[i]!;
    if (label.hint || !isPromoLabel(label.text)) continue;
    const end = promoBoxEnd(blocks, i);
    for (let j = i; j < end; j++) blocks[j]!.hint ??= 'promo';
    if (end > i) i = end - 1;
  }
}

/** The index after the last block of the promotion's box opened by block i; i when there is no such box. */
function promoBoxEnd(blocks: readonly HtmlBlock[], i: number): number {
  const label = blocks[i]!;
  for (let box: HtmlElement | null = label.owner; box; box = box.parent) {
    if (!BOX_TAGS.has(box.tag)) continue;
    if (i > 0 && isInside(blocks[i - 1]!.owner, box)) return i;
    let end = i + 1;
    while (end < blocks.length && isInside(blocks[end]!.owner, box)) end++;
    if (end === i + 1) continue; // the label's own box: look wider
    return blocks[end - 1]!.end - label.start <= MAX_PROMO_BOX ? end : i;
  }
  return i;
}
