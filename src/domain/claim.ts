import type { Span } from './span.js';

export const QUALIFIERS = ['exact', 'approximate', 'at_most', 'at_least'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** An interval of days, inclusive, as ISO dates. */
export interface DateInterval {
  start: string;
  end: string;
}

export interface ClaimTime extends DateInterval {
  /** The time expression it came from, or null when it holds at publication by tense. */
  text: string | null;
  span: Span | null;
}

/** A quantitative claim: a cardinal quantity the report states about the world. */
export interface Claim {
  /** The number expression itself ("25,000–30,000", "half a billion"). */
  span: Span;
  /** The sentence it stands in. */
  sentence: Span;
  value: { low: number; high: number };
  /** What is counted (head noun as written), a currency code, or "%". */
  unit: string;
  /** The phrase naming what is counted ("North Korean soldiers"), or null. */
  counted: string | null;
  countedSpan: Span | null;
  /** For a rate: "day", "month", "year"…, else null. */
  per: string | null;
  qualifier: Qualifier;
  /** Vague amounts ("hundreds of engineers") are claims but weak ones. */
  vague: boolean;
  /** Who asserts it, as written in the report (or the resolved entity name), null for the report's own voice. */
  attributedTo: string | null;
  /** Entity key of the speaker when resolved. */
  speakerKey: string | null;
  speakerSpan: Span | null;
  time: ClaimTime | null;
  location: string | null;
  locationSpan: Span | null;
}

/** Why a stage did or did not do something: shown to analysts (vfile-style messages). */
export interface ExtractMessage {
  stage: string;
  rule: string;
  reason: string;
  span: Span | null;
}

/** Everything the exploit pipeline finds in one document. */
export interface Extraction {
  entities: import('./entity.js').Entity[];
  claims: Claim[];
  messages: ExtractMessage[];
}
