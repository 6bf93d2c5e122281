import { slug } from '../exploit/entities/lexicon/keys.js';

/**
 * A small gazetteer of the places this reporting uses, with the region or country each lies in,
 * so that "troops in Kursk" and "troops in Russia" can be the same proposition. Places it does
 * not know can be learned from the reports themselves ("Russia's Zolotukhino district", see
 * learnContainment). Slugs follow the entity keys (`loc:<slug>`).
 *
 * Line format: `slug|Display name|parent slug (or empty)|alias|alias…`; names and aliases are
 * matched case-insensitively.
 */
const GAZETTEER: readonly string[] = [
  // Countries (roots). Contested territory is listed under the internationally recognised state.
  "north-korea|North Korea||DPRK|D.P.R.K.|Democratic People's Republic of Korea|N. Korea",
  'south-korea|South Korea||ROK|R.O.K.|Republic of Korea|S. Korea',
  'russia|Russia||Russian Federation',
  'ukraine|Ukraine||',
  'united-states|United States||United States of America|U.S.|USA|U.S.A.|America',
  'united-kingdom|United Kingdom||UK|U.K.|Britain|Great Britain',
  "china|China||People's Republic of China|PRC",
  'japan|Japan||', 'belarus|Belarus||', 'iran|Iran||', 'poland|Poland||', 'germany|Germany||',
  'france|France||', 'mongolia|Mongolia||', 'syria|Syria||', 'israel|Israel||', 'taiwan|Taiwan||',
  // Russia.
  'kursk|Kursk|russia|Kursk Oblast|Kursk region', 'belgorod|Belgorod|russia|Belgorod Oblast|Belgorod region',
  'bryansk|Bryansk|russia|Bryansk Oblast|Bryansk region', 'voronezh|Voronezh|russia|Voronezh Oblast',
  'rostov-oblast|Rostov Oblast|russia|Rostov region', 'rostov-on-don|Rostov-on-Don|rostov-oblast|Rostov',
  'millerovo|Millerovo|rostov-oblast', 'taganrog|Taganrog|rostov-oblast',
  'sudzha|Sudzha|kursk', 'korenevo|Korenevo|kursk', 'rylsk|Rylsk|kursk', 'lgov|Lgov|kursk',
  'russian-far-east|Russian Far East|russia|Far East|Eastern Russia|Russia’s Far East',
  'primorsky-krai|Primorsky Krai|russian-far-east|Primorye', 'vladivostok|Vladivostok|primorsky-krai',
  'ussuriysk|Ussuriysk|primorsky-krai', 'nakhodka|Nakhodka|primorsky-krai',
  'khabarovsk-krai|Khabarovsk Krai|russian-far-east', 'khabarovsk|Khabarovsk|khabarovsk-krai',
  'amur|Amur|russian-far-east|Amur Oblast', 'blagoveshchensk|Blagoveshchensk|amur',
  'vostochny-cosmodrome|Vostochny Cosmodrome|amur|Vostochny', 'sakhalin|Sakhalin|russian-far-east',
  'moscow|Moscow|russia', 'moscow-oblast|Moscow Oblast|russia|Moscow region',
  'st-petersburg|St. Petersburg|russia|Saint Petersburg|St Petersburg', 'siberia|Siberia|russia',
  'kaliningrad|Kaliningrad|russia', 'krasnodar-krai|Krasnodar Krai|russia', 'krasnodar|Krasnodar|krasnodar-krai',
  'chechnya|Chechnya|russia', 'tatarstan|Tatarstan|russia', 'novosibirsk|Novosibirsk|siberia',
  // Ukraine.
  'kyiv|Kyiv|kyiv-oblast|Kiev', 'kyiv-oblast|Kyiv Oblast|ukraine|Kyiv region',
  'donbas|Donbas|ukraine|Donbass', 'donetsk|Donetsk|donbas|Donetsk Oblast|Donetsk region',
  'luhansk|Luhansk|donbas|Lugansk|Luhansk Oblast|Luhansk region',
  'pokrovsk|Pokrovsk|donetsk', 'bakhmut|Bakhmut|donetsk', 'avdiivka|Avdiivka|donetsk',
  'kramatorsk|Kramatorsk|donetsk', 'toretsk|Toretsk|donetsk', 'vuhledar|Vuhledar|donetsk', 'mariupol|Mariupol|donetsk',
  'zaporizhzhia-oblast|Zaporizhzhia Oblast|ukraine|Zaporizhzhia region', 'zaporizhzhia|Zaporizhzhia|zaporizhzhia-oblast|Zaporizhia',
  'kherson-oblast|Kherson Oblast|ukraine|Kherson region', 'kherson|Kherson|kherson-oblast',
  'kharkiv-oblast|Kharkiv Oblast|ukraine|Kharkiv region', 'kharkiv|Kharkiv|kharkiv-oblast|Kharkov',
  'kupiansk|Kupiansk|kharkiv-oblast', 'sumy-oblast|Sumy Oblast|ukraine|Sumy region', 'sumy|Sumy|sumy-oblast',
  'chernihiv-oblast|Chernihiv Oblast|ukraine', 'chernihiv|Chernihiv|chernihiv-oblast',
  'crimea|Crimea|ukraine|Crimean Peninsula', 'sevastopol|Sevastopol|crimea', 'odesa|Odesa|ukraine|Odessa',
  'dnipro|Dnipro|ukraine', 'lviv|Lviv|ukraine', 'mykolaiv|Mykolaiv|ukraine',
  // The Koreas.
  'pyongyang|Pyongyang|north-korea', 'wonsan|Wonsan|north-korea', 'rason|Rason|north-korea|Rajin',
  'nampo|Nampo|north-korea', 'chongjin|Chongjin|north-korea', 'sinuiju|Sinuiju|north-korea',
  'hamhung|Hamhung|north-korea', 'kaesong|Kaesong|north-korea',
  'seoul|Seoul|south-korea', 'busan|Busan|south-korea|Pusan', 'incheon|Incheon|south-korea',
  'jeju|Jeju|south-korea|Jeju Island',
  // Capitals named for their governments elsewhere.
  'washington|Washington|united-states|Washington, D.C.|Washington DC', 'beijing|Beijing|china',
  'tokyo|Tokyo|japan', 'minsk|Minsk|belarus', 'tehran|Tehran|iran', 'london|London|united-kingdom',
];

export interface Place {
  slug: string;
  name: string;
  parent: string | null;
}

export const PLACES = new Map<string, Place>();
/** Lower-case name or alias → slug. */
export const PLACE_BY_NAME = new Map<string, string>();

export const normaliseName = (s: string): string => s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();

for (const line of GAZETTEER) {
  const [slug, name, parent, ...aliases] = line.split('|') as [string, string, string, ...string[]];
  PLACES.set(slug, { slug, name, parent: parent === '' ? null : parent });
  for (const n of [name, ...aliases]) if (n !== '') PLACE_BY_NAME.set(normaliseName(n), slug);
}

/** Countries of the gazetteer: roots a claim's place coarsens to. */
export const isCountry = (slug: string): boolean => PLACES.get(slug)?.parent === null;

/** The entity stage's slug (entityKey's, src/exploit/entities/lexicon/keys.ts): accents, apostrophes and dots dropped. */
export const slugify = slug;

/**
 * Where places lie: the gazetteer plus what the reports teach. Lookups are memoised (one
 * instance per analysis run), so coarsening 100,000 claims costs a Map lookup each.
 */
export class Containment {
  readonly #learned = new Map<string, string>();
  readonly #chains = new Map<string, readonly string[]>();

  /** Records that `slug` lies in `parent` (from "Russia's X region"); the gazetteer wins over it. */
  learn(slug: string, parent: string): void {
    if (slug === parent || PLACES.has(slug) || this.#learned.has(slug)) return;
    this.#learned.set(slug, parent);
    this.#chains.clear();
  }

  parentOf(slug: string): string | null {
    return PLACES.get(slug)?.parent ?? this.#learned.get(slug) ?? null;
  }

  /** The place and everything it lies in, innermost first: kursk → [kursk, russia]. */
  chain(slug: string): readonly string[] {
    let c = this.#chains.get(slug);
    if (c) return c;
    const out = [slug];
    for (let p = this.parentOf(slug); p !== null && !out.includes(p); p = this.parentOf(p)) out.push(p);
    this.#chains.set(slug, out);
    return out;
  }

  /** The outermost known place containing it (its country, usually). */
  root(slug: string): string {
    const c = this.chain(slug);
    return c[c.length - 1]!;
  }

  /** True when `inner` lies strictly inside `outer`. */
  within(inner: string, outer: string): boolean {
    return inner !== outer && this.chain(inner).includes(outer);
  }

  displayName(slug: string): string {
    return PLACES.get(slug)?.name ?? slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  }
}

/** Slug of a place name: gazetteer names and aliases first, else the slugified name. */
export function placeSlug(name: string): string {
  return PLACE_BY_NAME.get(normaliseName(name)) ?? slugify(name);
}

/** Names of countries as written ("Russia", "North Korea", "DPRK"), longest first. */
const COUNTRY_NAMES: string[] = [];
for (const line of GAZETTEER) {
  const [, name, parent, ...aliases] = line.split('|') as [string, string, string, ...string[]];
  if (parent === '') COUNTRY_NAMES.push(name, ...aliases.filter((a) => a !== ''));
}
const COUNTRY_NAME_SRC = COUNTRY_NAMES.sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"))
  .join('|');

/** "Russia's Kursk region", "Ukraine’s Sumy oblast": a named (capitalised) part of a named country. */
const POSSESSED_REGION = new RegExp(
  `(?<![\\w.])(${COUNTRY_NAME_SRC})['’]s\\s+((?:[A-Z][\\w-]+\\s+){0,2}?[A-Z][\\w-]+)\\s+(?:[Rr]egion|[Oo]blast|[Pp]rovince|[Kk]rai|[Dd]istrict|[Tt]erritory|[Rr]epublic|border region)\\b`,
  'g',
);

/**
 * The general rule: a place written as "<Country>'s X region" lies in that country. Calls
 * `found(placeSlug, countrySlug)` for each; cheap on sentences without a possessive.
 */
export function findPossessedRegions(text: string, found: (slug: string, country: string) => void): void {
  if (text.indexOf("'s ") < 0 && text.indexOf('’s ') < 0) return;
  POSSESSED_REGION.lastIndex = 0;
  for (const m of text.matchAll(POSSESSED_REGION)) {
    const country = PLACE_BY_NAME.get(normaliseName(m[1]!));
    const name = m[2]!;
    if (country === undefined) continue;
    found(placeSlug(name), country);
  }
}
