import type { ClaimEntityRef } from './claim-record.js';
import { PLACES, PLACE_BY_NAME, isCountry, normaliseName, placeSlug, type Containment } from './places.js';

/**
 * Who and where a sentence names: places (with their gazetteer slug) and actors (the state or
 * body that does or owns the thing measured). Capitals and governing bodies stand for their
 * state when grouping ("Pyongyang sent" = North Korea sent); demonyms name an actor but no place.
 */
export interface Mention {
  /** Offset in the sentence, or −1 when the entity is listed but not found in the text. */
  at: number;
  end: number;
  /** Gazetteer (or learned, or slugified) place, or null for demonyms and organisations. */
  place: string | null;
  /** Canonical actor key (`loc:north-korea`, `org:wagner-group`), or null for a place that is no actor. */
  actor: string | null;
  /** The entity key when it came from the entity stage. */
  key: string | null;
}

const CAPITAL_OF = new Map<string, string>([
  ['pyongyang', 'north-korea'], ['moscow', 'russia'], ['kyiv', 'ukraine'], ['seoul', 'south-korea'],
  ['washington', 'united-states'], ['beijing', 'china'], ['tokyo', 'japan'], ['minsk', 'belarus'],
  ['tehran', 'iran'], ['london', 'united-kingdom'],
]);

/** Governments and armed forces standing for their state ("the Kremlin", "the KPA"). */
const BODIES: ReadonlyArray<readonly [string, string]> = [
  ['russia', 'Kremlin|Russian Armed Forces|Russian army|Russian military'],
  ['north-korea', "Korean People's Army|KPA|Workers' Party of Korea|WPK|Storm Corps|North Korean army|North Korean military|North Korean regime|Kim Jong Un regime"],
  ['ukraine', 'Armed Forces of Ukraine|Ukrainian Armed Forces|Ukrainian army|Ukrainian military|AFU|ZSU'],
  ['united-states', 'Pentagon|White House|U.S. military|US military'],
  ['south-korea', 'Blue House|South Korean military'],
];

const DEMONYMS: ReadonlyArray<readonly [string, string]> = [
  ['north-korea', 'North Korean|North Koreans|N. Korean'], ['south-korea', 'South Korean|South Koreans|S. Korean'],
  ['russia', 'Russian|Russians'], ['ukraine', 'Ukrainian|Ukrainians'], ['united-states', 'American|Americans'],
  ['china', 'Chinese'], ['japan', 'Japanese'], ['belarus', 'Belarusian|Belarusians'], ['iran', 'Iranian|Iranians'],
  ['united-kingdom', 'British'], ['poland', 'Polish'], ['germany', 'German|Germans'], ['france', 'French'],
  ['syria', 'Syrian|Syrians'], ['israel', 'Israeli|Israelis'], ['taiwan', 'Taiwanese'], ['mongolia', 'Mongolian'],
];

/** Lower-case name → what it names. */
const NAMED = new Map<string, { place: string | null; actor: string | null }>();
for (const [name, slug] of PLACE_BY_NAME) NAMED.set(name, { place: slug, actor: actorOfPlace(slug) });
for (const [country, names] of BODIES) for (const n of names.split('|')) NAMED.set(normaliseName(n), { place: null, actor: `loc:${country}` });
for (const [country, names] of DEMONYMS) for (const n of names.split('|')) NAMED.set(normaliseName(n), { place: null, actor: `loc:${country}` });

/** The actor a known place stands for: a country itself, a capital its country; other places none. */
function actorOfPlace(slug: string): string | null {
  if (isCountry(slug)) return `loc:${slug}`;
  const c = CAPITAL_OF.get(slug);
  return c === undefined ? null : `loc:${c}`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, '\\s+');
/** Every known name, longest first so "North Korean" wins over "Korea…" and "Russian Far East" over "Russian". */
const NAME_RE = new RegExp(
  `(?<![\\w.])(?:${[...NAMED.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\w])`,
  'gi',
);

/** Names of the lexicons found in a text, in order, non-overlapping. */
export function scanNames(text: string): Mention[] {
  const out: Mention[] = [];
  NAME_RE.lastIndex = 0;
  for (let m = NAME_RE.exec(text); m !== null; m = NAME_RE.exec(text)) {
    const hit = NAMED.get(normaliseName(m[0]));
    if (hit) out.push({ at: m.index, end: m.index + m[0].length, place: hit.place, actor: hit.actor, key: null });
  }
  if (text.includes('U')) scanCapitalAbbreviations(text, out);
  return out;
}

/**
 * "US" and "UK" in capitals only: NAME_RE is case-blind, and "us" is a pronoun. Not before "$"
 * ("US$2 billion" is a currency). Kept in text order with the other names.
 */
const CAPITAL_ABBREVIATIONS = /(?<![\w.])(US|UK)(?![\w$])/g;
const ABBREVIATED = new Map([['US', 'united-states'], ['UK', 'united-kingdom']]);

function scanCapitalAbbreviations(text: string, out: Mention[]): void {
  CAPITAL_ABBREVIATIONS.lastIndex = 0;
  let added = false;
  for (let m = CAPITAL_ABBREVIATIONS.exec(text); m !== null; m = CAPITAL_ABBREVIATIONS.exec(text)) {
    const slug = ABBREVIATED.get(m[1]!)!;
    out.push({ at: m.index, end: m.index + m[0].length, place: slug, actor: `loc:${slug}`, key: null });
    added = true;
  }
  if (added) out.sort((x, y) => x.at - y.at);
}

const slugOfKey = (key: string): string => key.slice(key.indexOf(':') + 1);

/** Place and actor of an entity the entity stage found. */
function refMeaning(ref: ClaimEntityRef, where: Containment): { place: string | null; actor: string | null } | null {
  const slug = slugOfKey(ref.key);
  if (ref.type === 'location') {
    const place = PLACES.has(slug) ? slug : PLACE_BY_NAME.get(normaliseName(ref.name)) ?? slug;
    if (PLACES.has(place)) return { place, actor: actorOfPlace(place) };
    // Unknown place: a region when the reports say what it lies in, otherwise maybe a state.
    return { place, actor: where.parentOf(place) === null ? `loc:${place}` : null };
  }
  if (ref.type === 'organization') {
    const known = NAMED.get(normaliseName(ref.name));
    return { place: null, actor: known?.actor ?? `org:${slug}` };
  }
  return null;
}

/**
 * The mentions of one sentence: the lexicons' names, plus entities of the entity stage the
 * lexicons do not know (found by name, or at −1 when the sentence uses another alias).
 */
export function sentenceMentions(text: string, refs: readonly ClaimEntityRef[], where: Containment): Mention[] {
  const found = scanNames(text);
  for (const ref of refs) {
    const meaning = refMeaning(ref, where);
    if (meaning === null) continue;
    const at = text.indexOf(ref.name);
    if (at >= 0 && found.some((m) => m.at <= at && at < m.end)) {
      for (const m of found) if (m.at <= at && at < m.end) m.key = ref.key;
      continue;
    }
    if (at < 0 && found.some((m) => (meaning.place !== null && m.place === meaning.place) || (meaning.actor !== null && m.actor === meaning.actor))) continue;
    found.push({ at, end: at < 0 ? -1 : at + ref.name.length, place: meaning.place, actor: meaning.actor, key: ref.key });
  }
  return found;
}

/** Slug of the most specific place a location phrase names ("Russia's Kursk region" → kursk). */
export function placeOfPhrase(phrase: string, refs: readonly ClaimEntityRef[], where: Containment): string | null {
  let best: string | null = null;
  const consider = (slug: string) => {
    if (best === null || where.chain(slug).length > where.chain(best).length) best = slug;
  };
  for (const m of scanNames(phrase)) if (m.place !== null) consider(m.place);
  if (best === null) {
    const lower = phrase.toLowerCase();
    for (const r of refs) if (r.type === 'location' && lower.includes(r.name.toLowerCase())) consider(refMeaning(r, where)!.place!);
  }
  if (best !== null) return best;
  // A named place the lexicons do not know ("the Zolotukhino district"): capitalised words only.
  const bare = phrase
    .replace(/^\s*(?:the|in|into|to|near|at|inside|within)\s+/i, '')
    .replace(/^(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|south-?eastern|north-?western|south-?western)\s+/i, '')
    .replace(/\s+(?:region|oblast|province|krai|district|area|border area|border region|front|frontline)\s*$/i, '')
    .trim();
  return /^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}$/.test(bare) ? placeSlug(bare) : null;
}
