/**
 * A STIX 2.1 object as JSON: `type` and `id` always, the rest by type. Kept loose on purpose:
 * objects we do not map (indicators, malware, observables, other producers' custom types) pass
 * through import and export verbatim.
 */
export interface StixObject {
  type: string;
  id: string;
  spec_version?: string;
  created?: string;
  modified?: string;
  [property: string]: unknown;
}

export const SPEC_VERSION = '2.1';

/** Types this module writes itself (everything else in a bundle is kept verbatim on import). */
export const CLAIM_TYPE = 'x-parallax-claim';
export const PROPOSITION_TYPE = 'x-parallax-proposition';

/**
 * STIX forbids nulls and empty lists (every list has minItems 1): drops both, so optional
 * properties can be written as `name: value ?? null` and vanish when absent.
 */
export function compact<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const v = o[k];
    if (v === null || v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

/** STIX timestamps carry milliseconds and Z: `2024-10-29T00:00:00.000Z`. */
export function stixTimestamp(isoDateOrTime: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(isoDateOrTime) ? `${isoDateOrTime}T00:00:00Z` : isoDateOrTime);
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${isoDateOrTime}`);
  return d.toISOString();
}
