import { createHash } from 'node:crypto';
import { placeSlug } from '../../analyse/places.js';
import { outletKeyOf } from '../../analyse/sources.js';
import type { EntityType } from '../../domain/entity.js';
import type { Marking } from '../../domain/marking.js';
import { stixId } from './ids.js';
import { markingIds } from './markings.js';
import { CLAIM_TYPE } from './objects.js';

/**
 * The ids of the STIX objects a report exports, in one place: export.ts builds its objects with
 * these functions, and the store indexes the ids of each report's objects at ingest
 * (`reportObjectIds`, migration 10) so TAXII finds the reports that carry an id without walking
 * the collection. Pure: hashing only, no I/O. Changing an id here changes exported ids, and needs
 * a migration that indexes the stored reports again.
 */

/** The fields of a report its STIX key is made of. */
export interface ReportKeyFields {
  text: string;
  title: string | null;
  published: string | null;
  url: string | null;
  source: string | null;
  main: { start: number; end: number };
  marking: Marking;
}

/**
 * Stable key of a report: the same text under the same marking is the same STIX report, however
 * it reached the store (a file, a feed, or a bundle we exported: a round trip keeps the ids).
 */
export function reportKey(report: ReportKeyFields): string {
  let key = keys.get(report);
  if (key === undefined) {
    const m = report.marking;
    // What the document says about itself and its text; not its format or origin, which a round trip changes.
    const text = createHash('sha256')
      .update(JSON.stringify([report.title, report.published, report.url, report.source, report.main.start, report.main.end]))
      .update('\n')
      .update(report.text)
      .digest('hex');
    key = `${text}|${m.classification}|${m.tlp}|${m.owner}|${[...m.releasableTo].sort().join(',')}`;
    keys.set(report, key);
  }
  return key;
}
const keys = new WeakMap<object, string>();

/**
 * Ids of objects many reports share (entities, outlets, partners) are asked for again on every
 * report that carries them: remembered (a bounded map; the id of a key never changes).
 */
function sharedId(type: string, key: string): string {
  const memo = `${type}|${key}`;
  let id = sharedIds.get(memo);
  if (id === undefined) {
    id = stixId(type, key);
    if (sharedIds.size >= 100_000) sharedIds.clear();
    sharedIds.set(memo, id);
  }
  return id;
}
const sharedIds = new Map<string, string>();

export const reportObjectId = (report: ReportKeyFields): string => stixId('report', reportKey(report));
export const partnerIdentityId = (partnerId: string): string => sharedId('identity', `partner:${partnerId}`);
export const entityObjectId = (e: { key: string; type: EntityType }): string => sharedId(stixTypeOf(e.type), e.key);
export const claimObjectId = (report: ReportKeyFields, ordinal: number): string => stixId(CLAIM_TYPE, `${reportKey(report)}|${ordinal}`);
export const relationshipId = (source: string, type: string, target: string): string => stixId('relationship', `${source}|${type}|${target}`);

/** The outlet a report names (its `source`), as an identity: its id and source key, or undefined when it names none. */
export function outletOf(source: string | null): { id: string; key: string; name: string } | undefined {
  if (source === null || source.trim() === '') return undefined;
  const name = source.trim();
  const key = outletKeyOf(name);
  return { id: sharedId('identity', key), key, name };
}

/** The entity key of the place a claim is located at (`loc:…`), or undefined. */
export const claimLocationKey = (location: string | null): string | undefined => (location === null ? undefined : `loc:${placeSlug(location)}`);

/**
 * People and organisations are `identity`; places `location`. Equipment (missiles, drones,
 * artillery, aircraft, tanks) is `tool`: STIX's "tool" is the means an actor uses to act, which
 * is what a weapon system is in this reporting, while `infrastructure` is what an operation runs
 * on (bases, networks, hosting) and would suggest a fixed installation. `tool_types` says
 * `weapon-system` so a consumer does not take it for software.
 */
export function stixTypeOf(type: EntityType): 'identity' | 'location' | 'tool' {
  return type === 'location' ? 'location' : type === 'equipment' ? 'tool' : 'identity';
}

const KEY_TYPES: Readonly<Record<string, EntityType>> = { person: 'person', org: 'organization', loc: 'location', equip: 'equipment' };
/** The entity type an extractor key stands for (`person:…`, `org:…`, `loc:…`, `equip:…`). */
export const entityTypeOfKey = (key: string): EntityType => KEY_TYPES[key.slice(0, key.indexOf(':'))] ?? 'organization';

/**
 * The object a grade note of this source key refers to in a report (an outlet's identity, a
 * speaker's entity): a report gets the note only when it carries that object.
 */
export function gradedObjectId(sourceKey: string): string {
  if (sourceKey.startsWith('speaker:')) {
    const key = sourceKey.slice('speaker:'.length);
    return entityObjectId({ key, type: entityTypeOfKey(key) });
  }
  return sharedId('identity', sourceKey);
}

/** What reportObjectIds reads of a report: its key fields, the entities it names, its claims in order. */
export interface ReportIdInput {
  report: ReportKeyFields;
  entities: readonly { key: string; type: EntityType }[];
  claims: readonly { speakerKey: string | null; location: string | null }[];
}

/**
 * The ids of the objects reportObjects gives for a report, grade notes left out (they depend on
 * the grades at export time, not on the report): marking definitions, owner, entities, outlet,
 * claims, their relationships, the report. Deduplicated.
 */
export function reportObjectIds({ report, entities, claims }: ReportIdInput): string[] {
  const ids = new Set<string>(markingIds(report.marking));
  ids.add(partnerIdentityId(report.marking.owner));
  const idOfKey = new Map<string, string>();
  for (const e of entities) {
    const id = entityObjectId(e);
    idOfKey.set(e.key, id);
    ids.add(id);
  }
  const outlet = outletOf(report.source);
  if (outlet) ids.add(outlet.id);
  claims.forEach((c, ordinal) => {
    const id = claimObjectId(report, ordinal);
    ids.add(id);
    const speaker = c.speakerKey !== null ? idOfKey.get(c.speakerKey) : undefined;
    if (speaker !== undefined) ids.add(relationshipId(id, 'attributed-to', speaker));
    const locationKey = claimLocationKey(c.location);
    const place = locationKey !== undefined ? idOfKey.get(locationKey) : undefined;
    if (place !== undefined) ids.add(relationshipId(id, 'located-at', place));
  });
  ids.add(reportObjectId(report));
  return [...ids];
}
