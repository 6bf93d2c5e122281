import type { Span } from './span.js';

export const ENTITY_TYPES = ['person', 'organization', 'location', 'equipment'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** One real-world thing named in a report, with every mention of it. */
export interface Entity {
  /** Stable key within the report (and, for lexicon entries, across reports), e.g. `loc:north-korea`. */
  key: string;
  /** Canonical name: the longest or lexicon name ("Kyrylo Budanov", "North Korea"). */
  name: string;
  type: EntityType;
  /** Other names the report uses for it ("Budanov", "DPRK", "Pyongyang" when used for the government). */
  aliases: string[];
  /** Role or title when the report gives one ("head of Ukraine's Defence Intelligence Directorate"). */
  role: string | null;
  /** Every mention, as positions in the text. */
  mentions: EntityMention[];
}

export interface EntityMention extends Span {
  /** The exact surface form. */
  text: string;
}
