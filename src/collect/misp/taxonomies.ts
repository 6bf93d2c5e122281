import type { TlpLabel } from '../../domain/marking.js';

/**
 * The MISP machine tags Parallax reads and writes, after the MISP taxonomies (tlp, admiralty-scale,
 * estimative-language: ../shared/standards/misp-taxonomies; taxonomies.test.ts checks these tables
 * against them). Kept as constants so nothing reads a file at run time.
 */

/** `tlp:amber` → TLP:AMBER. TLP 1.0's white is TLP 2.0's clear. ex:chr and unclear carry no level. */
const TLP_BY_PREDICATE: Readonly<Record<string, TlpLabel>> = {
  clear: 'TLP:CLEAR',
  white: 'TLP:CLEAR',
  green: 'TLP:GREEN',
  amber: 'TLP:AMBER',
  'amber+strict': 'TLP:AMBER+STRICT',
  red: 'TLP:RED',
};

/** The TLP label of a `tlp:*` tag, undefined for other tags (and for tlp:ex:chr, tlp:unclear). */
export function tlpOfTag(tag: string): TlpLabel | undefined {
  const m = /^tlp:(.+)$/i.exec(tag.trim());
  return m ? TLP_BY_PREDICATE[m[1]!.toLowerCase()] : undefined;
}

export const tlpTag = (tlp: TlpLabel): string => `tlp:${tlp.slice(4).toLowerCase()}`;

const MACHINE_TAG = /^([a-z0-9-]+):([a-z0-9-]+)="([^"]*)"$/i;

/** `namespace:predicate="value"` split into its parts (namespace and predicate lower-cased). */
export function machineTag(tag: string): { namespace: string; predicate: string; value: string } | undefined {
  const m = MACHINE_TAG.exec(tag.trim());
  return m ? { namespace: m[1]!.toLowerCase(), predicate: m[2]!.toLowerCase(), value: m[3]! } : undefined;
}

/** `admiralty-scale:source-reliability="b"`: the taxonomy writes the grade in lower case. */
export const reliabilityTag = (grade: string): string => `admiralty-scale:source-reliability="${grade.toLowerCase()}"`;
export const credibilityTag = (grade: number): string => `admiralty-scale:information-credibility="${grade}"`;

/** Parallax's own tags for what MISP has no taxonomy of: a classification level, releasability. */
export const PARALLAX_NAMESPACE = 'parallax';
export const classificationTag = (level: string): string => `${PARALLAX_NAMESPACE}:classification="${level}"`;
export const releasableToTag = (grantee: string): string => `${PARALLAX_NAMESPACE}:releasable-to="${grantee}"`;

/**
 * estimative-language:likelihood-probability values and the words that say them in a sentence,
 * most specific first ("very likely" before "likely"). Used when a claim's sentence hedges.
 */
export const LIKELIHOOD_WORDS: readonly { value: string; pattern: RegExp }[] = [
  { value: 'almost-no-chance', pattern: /\b(?:almost no chance|remote(?:ly)? (?:chance|possibility))\b/i },
  { value: 'very-unlikely', pattern: /\b(?:very|highly) (?:unlikely|improbable)\b/i },
  { value: 'almost-certain', pattern: /\b(?:almost certain(?:ly)?|nearly certain(?:ly)?)\b/i },
  { value: 'very-likely', pattern: /\b(?:very|highly) (?:likely|probable|probably)\b/i },
  { value: 'unlikely', pattern: /\b(?:unlikely|improbable|probably not)\b/i },
  { value: 'roughly-even-chance', pattern: /\b(?:roughly even (?:chance|odds)|even chance)\b/i },
  { value: 'likely', pattern: /\b(?:likely|probabl[ey])\b/i },
];

/** The likelihood a sentence expresses in words, as an estimative-language tag, or undefined. */
export function likelihoodTagOf(sentence: string): string | undefined {
  for (const w of LIKELIHOOD_WORDS) if (w.pattern.test(sentence)) return `estimative-language:likelihood-probability="${w.value}"`;
  return undefined;
}
