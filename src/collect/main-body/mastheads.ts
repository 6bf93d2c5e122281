// Header blocks above the story that the paragraph finder (lead-paragraph.ts) may take for its first paragraph: a
// newsletter's masthead with its pitch over a "Subscribe" button, a script's or a release's header of fields, and an
// export's masthead of "Label: value" lines closed by a rule. The story starts under them, at the first paragraph
// found from there, however their lines read.
import { endsSentence, isSubscribeButton, type BlockRole } from './cues.js';
import { MIN_PARAGRAPH } from './end-matter.js';
import { findStart } from './lead-paragraph.js';
import { fieldHeaderEnd } from './script-header.js';
import { isRuleLine, type TextBlock } from './text-block.js';

/** Most blocks (headline, author's name and headline, date, a follow button) between a masthead's button and the first paragraph. */
const MAX_UNDER_MASTHEAD_BUTTON = 10;

/**
 * A newsletter's or a blog's masthead sets its subscribe button above the post: the publication's name, its one-line
 * pitch ("Notes on shipping and sanctions. Every other Tuesday."), a subscriber count, "Subscribe". The pitch reads as
 * prose, yet the button under it closes no story: no paragraph lies between the two, and the post's header (headline,
 * author, date) and its first paragraph follow. The story then starts under the button, which is the masthead's.
 * `first` when the prose from `first` to the first end-matter label adds up to a paragraph, or that label is no
 * subscribe button, or no paragraph's worth of prose follows it within a post's header, before any other such label.
 */
export function startUnderButton(blocks: TextBlock[], roles: BlockRole[], first: number, description: string | null): number {
  let chars = 0;
  for (let i = first; i < blocks.length; i++) {
    const role = roles[i]!.role;
    if (role === 'prose') {
      chars += blocks[i]!.text.length;
      if (chars >= MIN_PARAGRAPH) return first;
      continue;
    }
    if (role !== 'tail') continue;
    if (!isSubscribeButton(blocks[i]!)) return first;
    // A paragraph's worth of prose, in one block or two, before any end-matter label.
    let below = 0;
    for (let j = i + 1; j < blocks.length && j <= i + MAX_UNDER_MASTHEAD_BUTTON; j++) {
      const r = roles[j]!.role;
      if (r === 'tail') return first;
      if (r === 'prose') below += blocks[j]!.text.length;
      if (below >= MIN_PARAGRAPH) {
        roles[i] = { role: 'furniture', kind: 'promo' };
        return findStart(blocks, roles, i + 1, description);
      }
    }
    return first;
  }
  return first;
}

/**
 * A script or a release opening with a header of fields, one of which reads as a sentence ("VERSION: Full script."):
 * the story is found under the header, not at that field.
 */
export function startAfterFields(blocks: TextBlock[], roles: BlockRole[], first: number, description: string | null): number {
  const after = fieldHeaderEnd(blocks, roles, first);
  return after < 0 || after >= blocks.length ? first : findStart(blocks, roles, after, description);
}

/** Most characters above a rule that a masthead of metadata lines holds. */
const MAX_MASTHEAD = 1200;

/** Fewest "Label: value" fields that make the lines above a rule a masthead. */
const MIN_MASTHEAD_FIELDS = 2;

/**
 * A field of metadata: a label of one to three words, the first capitalised, and a colon. A label in capitals may be
 * padded to line its colon up with the others' ("READER   : Ann Vale"), as a typed script's header sets them.
 */
export const FIELD = /(?:^|\s)(?:[A-Z][A-Za-z]*(?: [A-Za-z]+){0,2}|[A-Z]{2,}(?: [A-Z]+){0,2} +):\s/g;

/**
 * Exports, releases and bulletins open with a masthead of metadata ("Release date: …",
 * "Collector: …") closed by a rule line; the story starts after the rule, at its first sentence
 * (a key point or a paragraph), however the masthead's lines read.
 */
export function startAfterMasthead(blocks: TextBlock[], roles: BlockRole[], first: number): number {
  const rule = mastheadRule(blocks);
  if (rule < 0 || opensStoryAbove(blocks, roles, first, rule)) return first;
  for (let j = rule + 1; j < blocks.length; j++) {
    if (roles[j]!.role === 'item' && endsSentence(blocks[j]!.text)) return j;
    if (roles[j]!.role === 'prose') return Math.min(Math.max(first, j), findStart(blocks, roles, j, null));
  }
  return first;
}

/** Shortest paragraph above a masthead's rule that opens the story (a one-line note above a rule is the masthead's). */
const MIN_OPENING_PARAGRAPH = 100;

/**
 * The story's first paragraph lies above the rule: a paragraph of prose, not a field ("Hello and
 * good morning from …" under an e-mail's "From:"/"Subject:" lines). The rule then parts the
 * story's items, as a newsletter draws one between its sections; metadata holds no such paragraph.
 */
function opensStoryAbove(blocks: TextBlock[], roles: BlockRole[], first: number, rule: number): boolean {
  if (first >= rule || roles[first]!.role !== 'prose') return false;
  const t = blocks[first]!.text;
  FIELD.lastIndex = 0;
  return t.length >= MIN_OPENING_PARAGRAPH && endsSentence(t) && !FIELD.test(t.slice(0, 40)) && !runsOnFromField(blocks, first);
}

/**
 * The block at `first` runs on, on the next line with no blank line between, from a line of fields ("ACTUAL: 4'52\""
 * over "Filed to playout 07:41. …"): a note of the masthead's own paragraph, not the story's opening, which a blank
 * line sets apart from the masthead.
 */
function runsOnFromField(blocks: TextBlock[], first: number): boolean {
  if (first === 0) return false;
  const above = blocks[first - 1]!;
  // One line break between them: a blank line would part the two.
  if (blocks[first]!.start - above.end !== 1 || above.text.indexOf(':') < 0) return false;
  FIELD.lastIndex = 0;
  return FIELD.test(above.text);
}

/** Most lines of a title above a masthead's top border. */
const MAX_MASTHEAD_TITLE = 2;

function mastheadRule(blocks: TextBlock[]): number {
  let fields = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.end > MAX_MASTHEAD) return -1;
    // A rule under a title (a line or two that end no sentence), with no field above it, is the masthead's top border:
    // its fields are below it. Under a paragraph it parts the story's sections.
    if (isRuleLine(b.text)) {
      if (fields === 0 && i <= MAX_MASTHEAD_TITLE && !blocks.slice(0, i).some((t) => endsSentence(t.text))) continue;
      return fields >= MIN_MASTHEAD_FIELDS && i > 0 ? i : -1;
    }
    if (b.text.includes(':')) fields += b.text.match(FIELD)?.length ?? 0;
  }
  return -1;
}
