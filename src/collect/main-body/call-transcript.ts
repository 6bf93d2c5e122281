import { readSpeakerLine } from '../text/speaker-lines.js';
import { isRuleLine, type TextBlock } from './text-block.js';
import type { BlockRole } from './cues.js';

/**
 * A call transcript (an earnings or investor call as a transcript service edits it) opens at its first turn: the title
 * block, the cautionary note on forward-looking statements, the participants list and the section rules above the
 * operator's first words are its front matter, no one speaking. Read only where the body is a run of speaker lines
 * ("Operator", "Ann Lee -- Chief Financial Officer") each over its turn's prose (collect/text/speaker-lines.ts), and
 * only when everything between the body's start and the first turn is such front matter: a reporter's intro above a
 * transcript is the story's own, and stays.
 */

/** Fewest turns, and speakers among them, that make a call transcript. */
const MIN_TURNS = 3;
const MIN_SPEAKERS = 2;
/** A paragraph of the front matter: the caution about forward-looking statements, a note on the transcript itself. */
const FRONT_PROSE = /\bforward[- ]looking\b|\bsafe[- ]harbou?r\b|\bcautionary\b|\btranscript\b/i;
/** The dash a described speaker line sets between its name and its post, spaces or tabs around it (speaker-lines.ts). */
const SPACED_DASH = /[ \t](?:--|—|–|-)[ \t]/;

/** The block the body opens at: the call's first turn when only front matter stands above it, else `start`. */
export function callTranscriptOpening(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number, end: number): number {
  // A transcript needs a described line: with no heading holding a spaced dash, no line is read (the speaker-line regex
  // is a Unicode one, and most pages have many headings).
  if (!headingHoldsDash(blocks, roles, start, end)) return start;
  let first = -1;
  let turns = 0;
  let described = false;
  const names = new Set<string>();
  for (let i = start; i < end; i++) {
    if (roles[i]!.role !== 'heading' || roles[i + 1]!.role !== 'prose') continue;
    const line = readSpeakerLine(blocks[i]!.text);
    if (line === null || !line.turn) continue;
    if (first < 0) first = i;
    turns++;
    names.add(line.name.toLowerCase());
    described ||= line.description !== undefined;
  }
  if (first <= start || turns < MIN_TURNS || names.size < MIN_SPEAKERS || !described) return start;
  for (let i = start; i < first; i++) {
    const role = roles[i]!.role;
    const t = blocks[i]!.text;
    if (role === 'heading' || role === 'furniture' || isRuleLine(t)) continue;
    if (role === 'prose' && FRONT_PROSE.test(t)) continue;
    return start;
  }
  return first;
}

/** Whether a heading over prose in blocks [start, end) holds a dash set between spaces: a described line's, maybe. */
function headingHoldsDash(blocks: readonly TextBlock[], roles: readonly BlockRole[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (roles[i]!.role === 'heading' && roles[i + 1]!.role === 'prose' && SPACED_DASH.test(blocks[i]!.text)) return true;
  return false;
}
