import type { BlockRole } from './cues.js';
import type { TextBlock } from './text-block.js';
import { lazyRegExp } from '../text/lazy-regexp.js';

/**
 * A site's cookie or consent notice copied with the page as text: a title ("We value your privacy", "Your privacy
 * choices"), a paragraph in the site's voice to the reader ("We and our 180 partners use cookies … By clicking 'Accept
 * all' you consent …") and its buttons on lines of their own ("Accept all", "Reject all", "Manage options"). It stands
 * above the page or under it and is the site's, never the story: its paragraph reads as prose and its figures ("our 247
 * partners") are no claims, so it is furniture wherever it is. A story about cookies tells of them in the third person;
 * the notice says "we" and "you" and names its own controls.
 */

/** Longest paragraph read as a consent notice. */
const MAX_NOTICE = 1200;
/** Longest title or button line around it. */
const MAX_CONTROL = 50;
/** Most title and button lines marked on either side of the notice. */
const MAX_CONTROLS = 6;

/** The site's own use of cookies, said to the reader: "we (and our partners) use cookies", "this site uses cookies". */
const SITE_USES_COOKIES = lazyRegExp(
  () => /\b(?:we|our (?:\d[\d,]* )?(?:partners|vendors)|this (?:web)?site|this page|our (?:web)?site)\b[^.!?]{0,80}\b(?:use|uses|store|place|set)\b[^.!?]{0,40}\bcookies\b|\bcookies\b[^.!?]{0,60}\b(?:on|to) (?:this|our) (?:web)?site\b/i,
);
/** What the notice asks of the reader: consent, a choice, a click, settings. */
const ASKS_READER = lazyRegExp(
  () => /\b(?:you (?:consent|agree|accept)|your (?:consent|choices?|preferences|device|browser)|by (?:clicking|continuing|using|selecting)|(?:privacy|cookie) (?:settings|policy|preferences|options)|accept all|reject all|manage (?:options|preferences|cookies|settings))\b/i,
);
/** A notice's title or button on a line of its own. Matched on the trimmed, lower-cased line without a final stop. */
const CONTROL = lazyRegExp(
  () =>
    /^(?:(?:we|we care about|we value) your privacy|your privacy(?: choices| settings| matters)?|privacy (?:settings|preferences|choices|notice)|cookies?(?: (?:notice|settings|preferences|policy|consent|banner))?|(?:this (?:web)?site|we) uses? cookies|(?:accept|reject|refuse|decline|allow|deny)(?: all)?(?: cookies)?(?: and (?:continue|close))?|(?:accept|reject) (?:all|essential|necessary|optional) (?:cookies|only)|(?:only )?(?:essential|necessary) cookies(?: only)?|manage (?:options|preferences|cookies|settings|choices)|(?:customi[sz]e|more options|show purposes|vendor list|partners list|learn more|i agree|agree(?: and (?:close|continue))?|i accept|ok|got it|continue without (?:accepting|agreeing)|save (?:and exit|settings|preferences|choices)))$/,
);

/** The cheap gate: the text says "cookie" somewhere (either case of its first letter). */
function mentionsCookies(t: string): boolean {
  return t.indexOf('ookie') >= 0 || t.indexOf('OOKIE') >= 0;
}

/** A consent notice's paragraph: the site's use of cookies said to the reader, and what it asks of them. */
export function isConsentNotice(t: string): boolean {
  return t.length <= MAX_NOTICE && mentionsCookies(t) && SITE_USES_COOKIES().test(t) && ASKS_READER().test(t);
}

/** A consent notice's title or one of its buttons, on a line of its own. */
export function isConsentControl(t: string): boolean {
  if (t.length > MAX_CONTROL) return false;
  return CONTROL().test(t.trim().replace(/[.!:]$/, '').toLowerCase());
}

/** Marks consent notices and the title and button lines right around them as furniture (see above). */
export function markConsentNotices(blocks: readonly TextBlock[], roles: BlockRole[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i]!.text;
    // isConsentNotice makes its cheap tests (length, the word itself) before any regex.
    if (!isConsentNotice(t)) continue;
    roles[i] = { role: 'furniture', kind: 'other' };
    for (let j = i - 1; j >= 0 && j >= i - MAX_CONTROLS && isConsentControl(blocks[j]!.text); j--) roles[j] = { role: 'furniture', kind: 'other' };
    let j = i + 1;
    for (; j < blocks.length && j <= i + MAX_CONTROLS && isConsentControl(blocks[j]!.text); j++) roles[j] = { role: 'furniture', kind: 'other' };
    i = j - 1;
  }
}
