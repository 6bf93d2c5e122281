import type { BlockRole } from './cues.js';
import type { TextBlock } from './text-block.js';
import { lazyRegExp } from '../text/lazy-regexp.js';

/**
 * A news page's photograph copied as text: its caption (a sentence or two), then on lines of their own the picture's
 * credit ("Evgeniy Maloletka/AP", "KCNA via KNS/AP", "Anthony Wallace/AFP via Getty Images") and maybe the player's
 * toggles ("hide caption", "toggle caption", "enlarge this image"). The caption describes the picture, not the story:
 * above the story's first paragraph it is no opening, and between paragraphs it is an aside. Both the credit lines and
 * the caption right above them are the page's furniture.
 */

/** A caption player's toggle line. Matched on the lower-cased, trimmed line. */
const TOGGLES = new Set(['hide caption', 'toggle caption', 'show caption', 'enlarge this image', 'expand image', 'view caption']);

/** Longest credit line: a photographer or two, their agencies. */
const MAX_CREDIT = 80;
/** Longest caption taken for the picture's (a sentence or two). */
const MAX_CAPTION = 400;
/** Most credit and toggle lines under one caption. */
const MAX_CREDIT_RUN = 5;

/**
 * A picture credit: capitalised names joined by "/" or " via ", at least one such join ("Name Surname/AP",
 * "KCNA via KNS/AP", "Sergei Supinsky/AFP via Getty Images"). No full stop, no clause.
 */
const CREDIT_LINE = lazyRegExp(
  () => /^\p{Lu}[\p{L}.'’&-]*(?: (?:\p{Lu}|de |van |von |al-)[\p{L}.'’&-]*){0,4}(?:(?:\/| via | for )\p{Lu}[\p{L}.'’&-]*(?: \p{Lu}[\p{L}.'’&-]*){0,3}){1,3}$/u,
);
/** What a credit's last part names: an agency or a picture library (a credit with a toggle under it needs none). */
const AGENCY_END = /(?:\b[A-Z]{2,6}|Getty Images|Reuters|Shutterstock|Alamy|Bloomberg|Pool|Associated Press|Agence France-Presse|NurPhoto|LightRocket|Images|Photos?)$/;

function isToggle(t: string): boolean {
  return t.length <= 20 && TOGGLES.has(t.trim().toLowerCase());
}

/** The cheap test before CREDIT_LINE: short, opens with a capital, holds a "/" or " via ", ends without a stop. */
function mayBeCredit(t: string): boolean {
  if (t.length > MAX_CREDIT || t.length < 4) return false;
  const c = t.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  const last = t.charCodeAt(t.length - 1);
  if (last === 46 || last === 58 || last === 63 || last === 33) return false;
  return t.indexOf('/') > 0 || t.indexOf(' via ') > 0;
}

function isCredit(t: string, withToggle: boolean): boolean {
  return mayBeCredit(t) && CREDIT_LINE().test(t) && (withToggle || AGENCY_END.test(t));
}

/** Marks picture captions and their credit lines as furniture (see above). */
export function markPhotoCaptions(blocks: readonly TextBlock[], roles: BlockRole[]): void {
  for (let i = 1; i < blocks.length; i++) {
    const t = blocks[i]!.text;
    // Per block, the cheapest tests first: a caption's run starts with a credit or a toggle line.
    if (!(isToggle(t) || mayBeCredit(t))) continue;
    const above = i - 1;
    // The run of credit and toggle lines under the caption.
    let end = i;
    let toggle = false;
    let credits = 0;
    for (let j = i; j < blocks.length && j < i + MAX_CREDIT_RUN; j++) {
      const u = blocks[j]!.text;
      if (isToggle(u)) toggle = true;
      else if (mayBeCredit(u)) credits++;
      else break;
      end = j;
    }
    let ok = credits > 0 || toggle;
    if (ok) {
      for (let j = i; j <= end; j++) {
        const u = blocks[j]!.text;
        if (!isToggle(u) && !isCredit(u, toggle)) {
          ok = false;
          break;
        }
      }
    }
    if (!ok) continue;
    const caption = blocks[above]!;
    const role = roles[above]!;
    // The caption is prose ending its sentence, short, right above the credit.
    if (role.role === 'prose' && caption.text.length <= MAX_CAPTION && /[.)"”’]$/.test(caption.text.trimEnd())) roles[above] = { role: 'furniture', kind: 'other' };
    for (let j = i; j <= end; j++) roles[j] = { role: 'furniture', kind: 'other' };
    i = end;
  }
}
