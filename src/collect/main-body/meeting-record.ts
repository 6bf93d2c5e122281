import type { TextBlock } from './text-block.js';

/**
 * A verbatim record of a meeting: a UN organ's provisional record, a parliament's Hansard, a committee's transcript. Its
 * cover (symbol, date, the roll of members with dot leaders, the agenda, a note on corrections) is header matter; the
 * proceedings open with a formula of the record's own ("The meeting was called to order at 10.05 a.m.", "The House met
 * at half-past two o'clock", "The Speaker took the Chair at 9.30 a.m.") and close with another ("The meeting rose at
 * 1 p.m.", "The sitting was adjourned at 6.12 p.m."), below which the record's boilerplate and last footer follow.
 * Speakers' labels between them ("Mr. X (Country): …", "The President: …") tell a record from a story that mentions a
 * meeting opening.
 */

/** The body whose proceedings a formula opens or closes: "the meeting", "the House of Commons", "the Lok Sabha". */
const BODY = String.raw`[([]?(?:The )?(?:[Mm]eeting|[Ss]itting|[Ss]ession|House|Senate|Assembly|Council|Committee|Chamber|Commission|Conference|Lok Sabha|Rajya Sabha|Dáil|Seanad)(?: of [A-Z][a-z]+)?`;
/** The proceedings open: "The meeting was called to order at", "The House met at", "(The sitting opened at 9.00)". */
const OPENING = new RegExp(String.raw`^${BODY} (?:was called to order|was opened|opened|met|commenced|began|convened|assembled) at\b`);
/** The chair taken, as Westminster records open: "The Speaker took the Chair at 9.30 a.m.", "[Madam Speaker in the Chair]". */
const CHAIR_TAKEN = /^[([]?(?:The |Mr\.? |Madam |Mrs\.? |Ms\.? )?(?:Deputy |Acting )?(?:SPEAKER|Speaker|PRESIDENT|President|CHAIR|Chair(?:man|woman|person)?)\b[^.:]{0,60}? (?:took the [Cc]hair|in the [Cc]hair)\b/;
/** The proceedings close: "The meeting rose at 1 p.m.", "The sitting was adjourned at 6.12 p.m.", "(The House adjourned at 7:02 p.m.)". */
const CLOSING = new RegExp(String.raw`(?:^|[.!?)\]] )(${BODY} (?:rose|adjourned|was adjourned|closed|was closed|ended|concluded) at\b[^!?;:]{1,40})$`);
/**
 * A speaker's label opening a turn, at a paragraph's start or after a sentence: "The President (spoke in French): ",
 * "Ms. Whitfield (United States of America): ", "Mr SPEAKER: ", "The Minister for Defence (Ms. Rao): ".
 */
const SPEAKER_LABEL =
  /(?:^|[.!?]["”]? )(?:The [A-Z][A-Za-z-]+(?: (?:of|for|and|the|[A-Z][A-Za-z-]+)){0,6}|(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness)\.? [A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){0,3})(?: \([^()]{1,60}\)){0,2}: [A-Z“"]/g;
/** Fewest speakers' turns under the opening formula that make the text a verbatim record. */
const MIN_TURNS = 2;
/** Longest line a formula stands on: it is a line of its own, never a story's sentence about a meeting. */
const MAX_FORMULA_LINE = 120;

/**
 * Cheap gates before OPENING and CHAIR_TAKEN, which most lines fail: an opening formula's verb stands before " at"
 * ("order", "met", "began" or a verb in -ed: "opened", "convened"); a chair taken is "the Chair" or "the chair".
 */
function hasOpeningVerb(t: string): boolean {
  for (let i = t.indexOf(' at'); i >= 3; i = t.indexOf(' at', i + 1)) {
    const a = t.charCodeAt(i - 3);
    const b = t.charCodeAt(i - 2);
    const c = t.charCodeAt(i - 1);
    if ((b === 101 && c === 100) /* ed */ || (a === 109 && b === 101 && c === 116) /* met */ || (a === 103 && b === 97 && c === 110) /* gan */ || (a === 100 && b === 101 && c === 114) /* der */) return true;
  }
  return false;
}
const hasChairTaken = (t: string): boolean => t.indexOf('the Chair') >= 0 || t.indexOf('the chair') >= 0;

/** The blocks a verbatim record's proceedings run from and to, or null when the text is none. */
export function meetingRecordSpan(blocks: readonly TextBlock[]): { start: number; end: number | null } | null {
  let start = -1;
  for (let i = 0; i < blocks.length && start < 0; i++) {
    const t = blocks[i]!.text;
    if (t.length <= MAX_FORMULA_LINE && ((hasOpeningVerb(t) && OPENING.test(t)) || (hasChairTaken(t) && CHAIR_TAKEN.test(t)))) start = i;
  }
  if (start < 0) return null;
  let end: number | null = null;
  for (let i = blocks.length - 1; i > start && end === null; i--) {
    const t = blocks[i]!.text;
    const cut = t.length > MAX_FORMULA_LINE;
    const m = CLOSING.exec(cut ? t.slice(-MAX_FORMULA_LINE) : t);
    // In a cut tail the formula must follow a sentence's end, not the cut.
    if (m !== null && !(cut && m.index === 0)) end = i;
  }
  let turns = 0;
  for (let i = start + 1; i <= (end ?? blocks.length - 1) && turns < MIN_TURNS; i++) {
    SPEAKER_LABEL.lastIndex = 0;
    while (turns < MIN_TURNS && SPEAKER_LABEL.exec(blocks[i]!.text) !== null) turns++;
  }
  return turns >= MIN_TURNS ? { start, end } : null;
}
