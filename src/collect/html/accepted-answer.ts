import { isProse } from '../main-body/cues.js';
import type { HtmlBlock } from './html-text.js';
import { isInside, type HtmlElement } from './html-tree.js';

/**
 * Where a question page's body ends: the end of the last paragraph of its accepted answer (schema.org's
 * `itemprop="acceptedAnswer"`). The question and the answer its asker accepted are the page's text; the comments under
 * that answer and the other answers after it are further posts, read as a thread's replies are (outside the body).
 * Null when the page marks no accepted answer. Cheap when it does not fire: one attribute test per element.
 */
export function acceptedAnswerEnd(elements: readonly HtmlElement[], blocks: readonly HtmlBlock[]): number | null {
  const answer = elements.find((el) => el.attrs.itemprop === 'acceptedAnswer');
  if (!answer) return null;
  // The answer's own text (`itemprop="text"`), not its signature, vote count or comments.
  const text = elements.find((el) => el.attrs.itemprop === 'text' && isInside(el, answer)) ?? answer;
  let end: number | null = null;
  for (const b of blocks) if (isInside(b.owner, text) && !b.hint && isProse(b.text)) end = b.end;
  return end;
}
