import { outletKeyOf } from '../../analyse/sources.js';
import {
  classificationTag,
  credibilityTag,
  likelihoodTagOf,
  releasableToTag,
  reliabilityTag,
  tlpTag,
} from '../../collect/misp/taxonomies.js';
import type { ReportItem } from '../../domain/interop.js';
import type { Viewer } from '../../domain/viewer.js';
import { RELEASE_TO_ALL } from '../../share/policy.js';
import type { EntitySummary, StoredClaim, StoredReport, Store } from '../../store/store.js';
import { nameUuid } from '../uuid.js';

/**
 * One report as a MISP event (MISP core format), for a viewer: only what the viewer may see goes
 * in (the report itself, its claims, entities and kept items are all read through the store's
 * viewer-first reads). The text is one `text` attribute, the canonical URL a `link`, entities
 * `text` attributes in categories MISP accepts for text (Person, Attribution, Other; threat
 * actors and targets as their own types), each claim an `annotation` object quoting its sentence.
 * Tags: tlp, admiralty-scale (the source's reliability; a claim's credibility when given),
 * estimative-language (when a claim's sentence hedges in words), and parallax:classification /
 * parallax:releasable-to for the marking MISP has no taxonomy for. Distribution: 3 (all
 * communities) for a report released to ALL, else 0 (your organisation) with the releasability
 * in tags. UUIDs are deterministic: a report that came from a MISP event keeps that event's UUID,
 * any other gets one from its origin and owner; parts get theirs from the event's and their role.
 * `parseMispEvent` (collect/misp) reads it back to the same text, marking and grade.
 */
export interface MispEvent {
  Event: MispEventBody;
}

export interface MispEventBody {
  uuid: string;
  info: string;
  date: string;
  threat_level_id: string;
  analysis: string;
  distribution: string;
  published: boolean;
  timestamp: string;
  Orgc?: { name: string; uuid: string };
  Tag: { name: string }[];
  Attribute: Record<string, unknown>[];
  Object: Record<string, unknown>[];
}

export interface MispExportOptions {
  /** Information credibility (1–6) of claims by claim id, from an analysis the viewer may see. */
  claimCredibility?: ReadonlyMap<number, number>;
}

/** The annotation object template of MISP's object library (name, uuid, version). */
const ANNOTATION_TEMPLATE = { uuid: '5d8dc046-15a1-4ca3-a09f-ed4ede7c4487', version: '2' } as const;
/** threat_level_id 4: undefined (a report states, it does not rate a threat); analysis 2: completed. */
const THREAT_LEVEL_UNDEFINED = '4';
const ANALYSIS_COMPLETED = '2';
/** Attributes and objects take the event's distribution. */
const INHERIT = '5';

export async function exportMispEvent(
  store: Store,
  viewer: Viewer,
  reportId: number,
  options: MispExportOptions = {},
): Promise<MispEvent | undefined> {
  const report = await store.findReport(viewer, reportId);
  if (!report) return undefined;
  const [claims, entities, items, grades] = await Promise.all([
    store.listClaims(viewer, { reportId }),
    store.listEntities(viewer, { reportId }),
    store.listReportItems(viewer, reportId),
    store.listSourceGrades(viewer),
  ]);
  const reliability = report.source === null ? undefined : grades.find((g) => g.sourceKey === outletKeyOf(report.source!))?.grade;
  return mispEventOf(report, { claims, entities, items, reliability, claimCredibility: options.claimCredibility });
}

export interface MispEventParts {
  claims: readonly StoredClaim[];
  entities: readonly EntitySummary[];
  items: readonly ReportItem[];
  reliability: string | undefined;
  claimCredibility?: ReadonlyMap<number, number> | undefined;
}

/** The event of a report and its parts (pure: the caller read them for its viewer). */
export function mispEventOf(report: StoredReport, parts: MispEventParts): MispEvent {
  const uuid = eventUuid(report);
  const part = (role: string) => nameUuid(`${uuid}/${role}`);
  const timestamp = String(Math.floor(Date.parse(report.ingestedAt) / 1000));
  const { marking } = report;
  const everyone = marking.releasableTo.includes(RELEASE_TO_ALL);
  const onlyEveryone = everyone && marking.releasableTo.length === 1;

  const tags = [tlpTag(marking.tlp), classificationTag(marking.classification)];
  if (!onlyEveryone) tags.push(...marking.releasableTo.map(releasableToTag));
  if (parts.reliability !== undefined) tags.push(reliabilityTag(parts.reliability));
  for (const item of parts.items) if (item.kind === 'tag' && !tags.includes(item.type)) tags.push(item.type);

  const attribute = (role: string, type: string, category: string, value: string, comment = '', extra: Record<string, unknown> = {}) => ({
    uuid: part(role),
    type,
    category,
    value,
    comment,
    to_ids: false,
    distribution: INHERIT,
    timestamp,
    ...extra,
  });
  const attributes: Record<string, unknown>[] = [attribute('text', 'text', 'External analysis', report.text, 'report text')];
  if (report.url !== null) attributes.push(attribute('link', 'link', 'External analysis', report.url, 'where the report was published'));
  for (const e of parts.entities) {
    const [type, category] = entityAttributeType(e);
    attributes.push(attribute(`entity/${e.key}`, type, category, e.name, entityComment(e)));
  }
  for (const item of parts.items) if (item.kind === 'attribute') attributes.push(portable(item.data));

  const objects: Record<string, unknown>[] = parts.claims.map((c, i) => {
    const summary = claimSummary(c);
    const tags = [likelihoodTagOf(c.sentenceText), credibilityOf(c, parts.claimCredibility)].filter((t): t is string => t !== undefined);
    const rel = (relation: string, value: string, extra: Record<string, unknown> = {}) =>
      attribute(`claim/${i}/${relation}`, 'text', 'Other', value, relation === 'text' ? summary : '', { object_relation: relation, ...extra });
    return {
      uuid: part(`claim/${i}`),
      name: 'annotation',
      'meta-category': 'misc',
      description: 'A quantitative claim of the report: the sentence it stands in, and what it says',
      template_uuid: ANNOTATION_TEMPLATE.uuid,
      template_version: ANNOTATION_TEMPLATE.version,
      distribution: INHERIT,
      comment: summary,
      timestamp,
      Attribute: [
        rel('text', c.sentenceText, tags.length > 0 ? { Tag: tags.map((name) => ({ name })) } : {}),
        rel('type', 'Annotation'),
        rel('format', 'text'),
      ],
    };
  });
  for (const item of parts.items) if (item.kind === 'object') objects.push(portable(item.data));

  return {
    Event: {
      uuid,
      info: report.title ?? firstLine(report.text) ?? report.origin,
      date: report.published ?? report.ingestedAt.slice(0, 10),
      threat_level_id: THREAT_LEVEL_UNDEFINED,
      analysis: ANALYSIS_COMPLETED,
      distribution: everyone ? '3' : '0',
      published: false,
      timestamp,
      ...(report.source !== null ? { Orgc: { name: report.source, uuid: nameUuid(`organisation/${report.source}`) } } : {}),
      Tag: tags.map((name) => ({ name })),
      Attribute: attributes,
      Object: objects,
    },
  };
}

/** A report imported from a MISP event keeps the event's UUID; any other gets one from its origin and owner. */
function eventUuid(report: StoredReport): string {
  const m = /#([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(report.origin);
  if (report.format === 'misp' && m) return m[1]!;
  return nameUuid(`report/${report.marking.owner}/${report.origin}`);
}

function entityAttributeType(e: EntitySummary): [type: string, category: string] {
  const role = e.roles[0]?.toLowerCase();
  if (e.type === 'organization' && role === 'threat actor') return ['threat-actor', 'Attribution'];
  if (e.type === 'organization' && role === 'target') return ['target-org', 'Targeting data'];
  if (e.type === 'location' && role === 'target') return ['target-location', 'Targeting data'];
  // `text` is allowed in these categories (MISP's category_type_mappings).
  if (e.type === 'person') return ['text', 'Person'];
  if (e.type === 'organization') return ['text', 'Attribution'];
  return ['text', 'Other'];
}

/** `entity: person; role: President; also: Putin` (collect/misp reads the type and role back). */
function entityComment(e: EntitySummary): string {
  const role = e.roles[0];
  return [`entity: ${e.type}`, ...(role ? [`role: ${role.replace(/;/g, ',')}`] : []), ...(e.aliases.length > 0 ? [`also: ${e.aliases.join(', ')}`] : [])].join('; ');
}

/** `claim: ~10,000 soldiers (North Korean soldiers), according to X; holds 2024-10-28; in Kursk`. */
export function claimSummary(c: StoredClaim): string {
  const mark = { exact: '', approximate: '~', at_most: '≤', at_least: '≥' }[c.qualifier];
  const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const value = c.value.low === c.value.high ? n(c.value.low) : `${n(c.value.low)}–${n(c.value.high)}`;
  const what = [`${mark}${value} ${c.unit}${c.per ? ` per ${c.per}` : ''}`, ...(c.counted && c.counted !== c.unit ? [`(${c.counted})`] : [])].join(' ');
  const bits = [`claim: ${what}${c.vague ? ' (vague)' : ''}`];
  bits.push(c.attributedTo ? `according to ${c.attributedTo}` : 'in the report\'s own voice');
  if (c.time) bits.push(`holds ${c.time.start === c.time.end ? c.time.start : `${c.time.start}…${c.time.end}`}`);
  if (c.location) bits.push(`in ${c.location}`);
  return bits.join('; ');
}

function credibilityOf(c: StoredClaim, grades: ReadonlyMap<number, number> | undefined): string | undefined {
  const g = grades?.get(c.id);
  return g === undefined ? undefined : credibilityTag(g);
}

/** An item as received, less the sending instance's database ids and sharing-group reference. */
function portable(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (k === 'id' || k === 'event_id' || k === 'object_id' || k === 'sharing_group_id' || k === 'SharingGroup') continue;
    if (k === 'distribution' && String(v) === '4') out[k] = INHERIT;
    else if (k === 'Attribute' && Array.isArray(v)) out[k] = v.map((a) => (typeof a === 'object' && a !== null ? portable(a as Record<string, unknown>) : a));
    else out[k] = v;
  }
  return out;
}

function firstLine(text: string): string | undefined {
  const line = text.split('\n').find((l) => l.trim() !== '')?.trim();
  return line === undefined ? undefined : line.slice(0, 200);
}
