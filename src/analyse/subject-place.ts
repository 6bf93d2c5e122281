import type { ClaimRecord } from './claim-record.js';
import { unitEndAfter, type MeasureKind } from './measure.js';
import { sentenceMentions, placeOfPhrase, scanNames, type Mention } from './mentions.js';
import type { Containment } from './places.js';

/** What a claim is about, read from its fields and sentence. */
export interface ClaimAbout {
  /** Canonical actor key of whose thing is measured, or null when the sentence does not say. */
  subject: string | null;
  /** For money and shares: the other party ("revenue from arms sales to Russia"), else null. */
  counterpart: string | null;
  /** The most specific place the claim is about (slug), or null. */
  place: string | null;
  /** Where the place came from. */
  placeFrom: 'location' | 'sentence' | null;
}

/** Words that put the next place in the locative role ("in", "to", "into" Kursk). */
const LOCATIVE_BEFORE = /\b(?:in|into|to|inside|within|across|at|near|on|toward|towards|reached|entered)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$/i;

/**
 * Reads subject, counterpart and place. Rules, in order:
 * - place: the claim's location phrase (its most specific place); else, for counts only, a place
 *   after the number in a locative phrase ("sent 11,000 troops to Russia's Kursk region");
 * - subject: an actor named in the counted phrase ("North Korean soldiers"); else the nearest
 *   actor before the number, else after it; never the speaker, never the place's own mentions;
 * - counterpart (money, shares): the nearest other actor.
 */
export function readAbout(r: ClaimRecord, kind: MeasureKind, where: Containment, cache?: Map<string, Mention[]>): ClaimAbout {
  const text = r.sentenceText;
  let mentions: Mention[] | undefined;
  // Claims of one sentence, and copies of a report, share the sentence: scan it once.
  const key = cache && (r.entities.length === 0 ? text : `${text}\u0000${r.entities.map((e) => e.key).join('\u0000')}`);
  if (cache && key !== undefined) mentions = cache.get(key);
  if (mentions === undefined) {
    mentions = sentenceMentions(text, r.entities, where);
    if (cache && key !== undefined) cache.set(key, mentions);
  }
  const used = new Set<Mention>();

  // The speaker is never what is measured.
  const speaker = r.attributedTo === null ? null : speakerSpan(text, r.attributedTo);
  if (speaker !== null) for (const m of mentions) if ((m.at >= speaker.start && m.end <= speaker.end) || opensTitleOf(text, m, speaker.start)) used.add(m);
  if (r.speakerKey !== null) for (const m of mentions) if (m.key === r.speakerKey) used.add(m);

  let place: string | null = null;
  let placeFrom: ClaimAbout['placeFrom'] = null;
  if (r.location !== null && r.location.trim() !== '') {
    place = placeOfPhrase(r.location, r.entities, where);
    if (place !== null) placeFrom = 'location';
    const s = text.indexOf(r.location);
    if (s >= 0) for (const m of mentions) if (m.at >= s && m.end <= s + r.location.length) used.add(m);
  } else if (kind === 'count' && r.numberAt >= 0) {
    for (const m of mentions) {
      if (m.place === null || m.at <= r.numberAt || used.has(m)) continue;
      if (!LOCATIVE_BEFORE.test(text.slice(Math.max(0, m.at - 40), m.at))) continue;
      used.add(m);
      if (place === null || where.chain(m.place).length > where.chain(place).length) place = m.place;
    }
    if (place !== null) placeFrom = 'sentence';
  }

  let subject: string | null = null;
  if (r.counted !== null) {
    for (const m of scanNames(r.counted)) {
      if (m.actor !== null && (place === null || !where.chain(place).includes(m.place ?? ''))) {
        subject = m.actor;
        break;
      }
    }
  }
  // "8,000 North Korean soldiers", "8,000 soldiers from North Korea": the noun phrase names whose.
  if (subject === null && kind === 'count' && r.numberAt >= 0) subject = nounPhraseActor(r, mentions, used, place, where);
  const pick = (exclude: string | null): string | null => {
    let before: Mention | null = null;
    let after: Mention | null = null;
    let unplaced: Mention | null = null;
    for (const m of mentions) {
      if (m.actor === null || m.actor === exclude || used.has(m)) continue;
      if (m.at < 0) unplaced ??= m;
      else if (r.numberAt < 0 || m.at < r.numberAt) {
        if (before === null || m.at > before.at) before = m;
      } else if (after === null || m.at < after.at) after = m;
    }
    // Past a count's noun phrase, an actor is usually part of something else ("close to the
    // Ukrainian border", "says Ukrainian troops fought them"): not whose count it is.
    if (kind === 'count' && r.numberAt >= 0) after = null;
    return (before ?? after ?? unplaced)?.actor ?? null;
  };
  subject ??= pick(null);
  const counterpart = kind === 'count' || subject === null ? null : pick(subject);
  return { subject, counterpart, place, placeFrom };
}

/**
 * Where the speaker stands in the sentence: as named, or as written when the name gives the written
 * form in brackets ("National Intelligence Service (Seoul's intelligence service)"); null when neither is there.
 */
function speakerSpan(text: string, attributedTo: string): { start: number; end: number } | null {
  let at = text.indexOf(attributedTo);
  if (at >= 0) return { start: at, end: at + attributedTo.length };
  const open = attributedTo.lastIndexOf(' (');
  if (open < 0 || !attributedTo.endsWith(')')) return null;
  const written = attributedTo.slice(open + 2, -1);
  at = text.indexOf(written);
  return at >= 0 ? { start: at, end: at + written.length } : null;
}

/** Capitalised words of a title between a place and the name it belongs to (" Secretary of State "). */
const TITLE_WORDS = /^(?:\s+(?:[A-Z][\w.'’-]*|of|the|for|and))+\s+$/;

/**
 * "US Secretary of State Antony Blinken says around 8,000…": a place that opens the speaker's title
 * belongs to the speaker (whose minister), not to what is counted.
 */
function opensTitleOf(text: string, m: Mention, speakerAt: number): boolean {
  return m.at >= 0 && m.end < speakerAt && speakerAt - m.end <= 60 && TITLE_WORDS.test(text.slice(m.end, speakerAt));
}

/** Demonym or actor inside the counted noun phrase, or in "from/of X" right after it. */
function nounPhraseActor(r: ClaimRecord, mentions: readonly Mention[], used: ReadonlySet<Mention>, place: string | null, where: Containment): string | null {
  const text = r.sentenceText;
  const unitEnd = unitEndAfter(text, r.unit, r.numberAt);
  if (unitEnd < 0) return null;
  const tail = /^\s+(?:from|of)\s+(?:the\s+)?/i.exec(text.slice(unitEnd, unitEnd + 12));
  const end = tail === null ? unitEnd : unitEnd + tail[0].length + 1;
  for (const m of mentions) {
    if (m.actor === null || used.has(m) || m.at < r.numberAt || m.at >= end) continue;
    if (place !== null && m.place !== null && where.chain(place).includes(m.place)) continue;
    return m.actor;
  }
  return null;
}
