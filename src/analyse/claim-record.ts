import type { Claim, DateInterval } from '../domain/claim.js';
import type { EntityType } from '../domain/entity.js';

/** An entity named in a claim's sentence (speaker included), as the entity stage keyed it. */
export interface ClaimEntityRef {
  /** Stable key, e.g. `loc:north-korea`, `org:kremlin`. */
  key: string;
  type: EntityType;
  /** Canonical name ("North Korea"); used to find where the sentence names it. */
  name: string;
}

/**
 * One stored claim as analysis reads it: the claim, its report and the report's outlet. The store
 * builds these (StoredClaim → ClaimRecord is a field-by-field copy); analysis does no I/O.
 */
export interface ClaimRecord
  extends Pick<Claim, 'value' | 'unit' | 'counted' | 'per' | 'qualifier' | 'vague' | 'attributedTo' | 'speakerKey' | 'location'> {
  /** Stable across re-analysis (the store's claim id): overrides name claims by it. */
  id: string;
  reportId: string;
  /** ISO date (or date-time) the report was published, or null. */
  published: string | null;
  /** The outlet that published the report, or null when unknown. */
  source: string | null;
  /** The report's headline, when known: it says what the report is about. */
  reportTitle?: string | null;
  /** The report this one is a syndicated copy or republication of, or null. */
  originalReportId: string | null;
  /** When the claim holds; null = at publication (a point). */
  time: DateInterval | null;
  /** The sentence the claim stands in. */
  sentenceText: string;
  /** Offset of the number expression within sentenceText (claim.span.start − claim.sentence.start), or −1. */
  numberAt: number;
  entities: readonly ClaimEntityRef[];
}
