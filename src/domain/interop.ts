import type { EntityType } from './entity.js';
import type { TlpLabel } from './marking.js';

/**
 * What a structured source (a MISP event) says about a report beyond its text. The collector fills
 * it; ingest applies it: the marking fields to the report's marking, the grade to the source, the
 * entities to the extraction, the items to the store (kept so they export again).
 */
export interface ImportedFacts {
  /** From a `tlp:*` tag. */
  tlp: TlpLabel | null;
  /** From a `parallax:classification="…"` tag. */
  classification: string | null;
  /** From `parallax:releasable-to="…"` tags, else from the event's distribution; null: the caller's default. */
  releasableTo: string[] | null;
  /** Admiralty reliability A–F of the report's source (`admiralty-scale:source-reliability`). */
  reliability: string | null;
  /** Named things the event lists as attributes (threat actor, person, target organisation…). */
  entities: { name: string; type: EntityType; role: string | null }[];
  /** Observables and everything else that maps to no report field, kept verbatim. */
  items: ReportItem[];
  /** What was mapped in a way a person should know (a tag read as another, a value ignored). */
  notes: string[];
}

export const REPORT_ITEM_KINDS = ['attribute', 'object', 'tag'] as const;

/**
 * One thing an imported report carries beside its text: a MISP attribute (an observable such as
 * `ip-dst`, `domain`, `sha256`), a MISP object, or an event tag. `data` is the MISP JSON as
 * received (uuids included), so an export gives it back unchanged.
 */
export interface ReportItem {
  kind: (typeof REPORT_ITEM_KINDS)[number];
  /** Attribute type (`ip-dst`), object name (`file`) or tag name. */
  type: string;
  /** The attribute's value; null for objects and tags. */
  value: string | null;
  data: Record<string, unknown>;
}
