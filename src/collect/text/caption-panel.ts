import type { Span } from '../../domain/span.js';
import { linesOf } from './lines.js';
import { isNoteLine } from './subtitles.js';

/**
 * A video page's transcript panel copied as text (a page saved from the browser with its "Transcript" open): a bare
 * timestamp on a line of its own ("0:04", "1:02:31"), then the caption it times, every few words, with the chapter
 * headings set on lines of their own between them. The page around it (title, counts, description, comments) is the
 * page's, not the report's: the report is what is said, from the first spoken caption to the last one (a sound note
 * such as "[Music]" before or after is no speech). Inside it the timestamps stand where blanks would, and a caption
 * runs on into the next one, so a sentence or a name broken by a timestamp ("ukraine's military" / "0:31" /
 * "intelligence") reads whole: they are margins, blanked with the line breaks around them. A chapter heading keeps
 * the line break before the next caption, so it stands as a line of its own; sound notes inside are blanked too.
 */
export interface CaptionPanel {
  /** From the first spoken caption's first character to the last one's end. */
  main: Span;
  /** Inside `main`: each timestamp line with the breaks it joins over, and each sound note. */
  margins: Span[];
  /**
   * Inside `main`: the chapters a heading names as a paid read ("Sponsor", "Ad break"), heading and captions: the
   * channel's advertisement spoken in the body, no part of the report (like a promotion's box in a page's story).
   */
  promos: Span[];
}

/** A chapter heading naming a paid read or an advertisement. */
const PROMO_HEADING = /^(?:(?:our |today's )?sponsors?(?:ed)?(?: (?:segment|message|read|spot|break))?|ad(?:vert(?:isement)?)?(?: (?:break|read|spot))?|paid promotion|promo(?:tion)?)$/i;

/** Fewest timestamps that make a panel: a description's chapter list ("0:31 The shells") sets them beside words. */
const MIN_STAMPS = 8;
/** Most lines between two timestamps of a panel: a caption, a chapter heading, a blank line. */
const MAX_BETWEEN = 3;

/** The transcript panel of `text`, or null when it has none. Cheap gate: lines opening with a digit are the only ones read closely. */
export function findCaptionPanel(text: string): CaptionPanel | null {
  if (!hasStampLines(text)) return null;
  const lines = [...linesOf(text, 0, text.length)];
  // The runs of timestamp lines, each close to the one before and no earlier: the longest is the panel.
  let best: number[] = [];
  let run: number[] = [];
  let lastTime = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = stampSeconds(text, lines[i]!);
    if (t < 0) continue;
    const prev = run.length > 0 ? run[run.length - 1]! : -1;
    if (prev < 0 || i - prev - 1 > MAX_BETWEEN || i - prev < 2 || t < lastTime) {
      if (run.length > best.length) best = run;
      run = [];
    }
    run.push(i);
    lastTime = t;
  }
  if (run.length > best.length) best = run;
  if (best.length < MIN_STAMPS) return null;

  const margins: Span[] = [];
  const promos: Span[] = [];
  let promo: Span | null = null;
  let first: Span | null = null;
  let last: Span | null = null;
  for (let k = 0; k < best.length; k++) {
    const at = best[k]!;
    const next = k + 1 < best.length ? best[k + 1]! : Math.min(lines.length, at + 2);
    // The caption is the first line after the timestamp; what follows it before the next one is a heading.
    let caption: Span | null = null;
    let after = next;
    for (let j = at + 1; j < next; j++) {
      const l = lines[j]!;
      if (isBlank(text, l)) continue;
      caption = l;
      after = j + 1;
      break;
    }
    if (caption === null) continue;
    if (isNoteLine(text.slice(caption.start, caption.end))) margins.push(caption);
    else {
      first ??= caption;
      last = caption;
      if (promo !== null) promo.end = caption.end;
    }
    // The lines after the caption, before the next timestamp: chapter headings. A heading closes the chapter before it.
    for (let j = after; j < next; j++) {
      const l = lines[j]!;
      if (isBlank(text, l)) continue;
      if (promo !== null) promos.push(promo);
      promo = PROMO_HEADING.test(text.slice(l.start, l.end).trim()) ? { start: l.start, end: l.end } : null;
    }
  }
  if (promo !== null) promos.push(promo);
  if (first === null || last === null) return null;
  const main: Span = { start: first.start, end: last.end };
  const stamps = new Set(best);
  for (const at of best) {
    const l = lines[at]!;
    if (l.start <= main.start || l.end >= main.end) continue;
    // Right after a caption the break before the stamp goes too (the caption runs on); after a heading it stays.
    const before = lines[at - 1]!;
    const afterCaption = at >= 2 && stamps.has(at - 2) && !isBlank(text, before);
    const start = afterCaption ? before.end : l.start;
    const end = Math.min(main.end, at + 1 < lines.length ? lines[at + 1]!.start : l.end);
    margins.push({ start, end });
  }
  const inMain = (m: Span): boolean => m.start >= main.start && m.end <= main.end;
  return { main, margins: margins.filter(inMain).sort((a, b) => a.start - b.start), promos: promos.filter((p) => inMain(p) && p.end > p.start) };
}

/**
 * Whether the text holds MIN_STAMPS lines that look like bare timestamps: a digit after the line break, a colon within
 * three characters and the next break within nine. indexOf from break to break; no line is sliced.
 */
function hasStampLines(text: string): boolean {
  let n = 0;
  const len = text.length;
  // No read past the text's end: it deoptimised this function (a newline or a digit last in a text).
  for (let nl = text.indexOf('\n'); nl >= 0 && nl + 1 < len; nl = text.indexOf('\n', nl + 1)) {
    const c = text.charCodeAt(nl + 1);
    if (c < 48 || c > 57) continue;
    const colon = (nl + 2 < len && text.charCodeAt(nl + 2) === 58) || (nl + 3 < len && text.charCodeAt(nl + 3) === 58);
    if (!colon) continue;
    const end = text.indexOf('\n', nl + 1);
    if ((end < 0 ? text.length : end) - nl <= 10 && ++n >= MIN_STAMPS) return true;
  }
  return false;
}

/** Seconds of a bare timestamp line ("4:59", "1:02:31"), or -1. */
function stampSeconds(text: string, l: Span): number {
  let s = l.start;
  let e = l.end;
  while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
  while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  const n = e - s;
  if (n < 4 || n > 8) return -1;
  const c = text.charCodeAt(s);
  if (c < 48 || c > 57) return -1;
  const m = STAMP.exec(text.slice(s, e));
  if (m === null) return -1;
  return m[3] === undefined ? Number(m[1]) * 60 + Number(m[2]) : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

const STAMP = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/;

function isBlank(text: string, l: Span): boolean {
  for (let i = l.start; i < l.end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
