import { RELIABILITY } from '../../analyse/admiralty.js';
import { coordinatesOf } from '../../analyse/coordinates.js';
import { Containment, PLACES, placeSlug } from '../../analyse/places.js';
import { DEFAULT_CLASSIFICATIONS, LOCAL_PARTNER, TLP_LABELS, type Marking } from '../../domain/marking.js';
import type { Viewer } from '../../domain/viewer.js';
import { analyseStore } from '../../store/analyse-store.js';
import type { EntitySummary, SourceGrade, Store, StoredClaim, StoredReport } from '../../store/store.js';
import { EXTENSION_DEFINITION, NEW_SDO, PARALLAX_IDENTITY, propertyExtension } from './extension.js';
import { stixId } from './ids.js';
import { claimLocationKey, claimObjectId, entityObjectId, entityTypeOfKey, outletOf, partnerIdentityId, relationshipId, reportKey, reportObjectId } from './object-ids.js';
import { countryCodeOf } from './countries.js';
import { stixMarking, tlpDefinition } from './markings.js';
import { CLAIM_TYPE, compact, PROPOSITION_TYPE, SPEC_VERSION, stixTimestamp, type StixObject } from './objects.js';

export type { StixObject } from './objects.js';

/** One stored report with what was extracted from it, as the viewer may see it. */
export interface ReportExportInput {
  report: StoredReport;
  /** Its claims in order (store.listClaims with reportId). */
  claims: readonly StoredClaim[];
  /** The entities it names (store.listEntities with reportId). */
  entities: readonly EntitySummary[];
  /** Admiralty reliability grades by source key (`speaker:…`, `outlet:…`). */
  grades?: ReadonlyMap<string, SourceGrade>;
}

export { claimObjectId, entityObjectId, partnerIdentityId, reportKey } from './object-ids.js';

const containment = new Containment();

/**
 * The STIX objects for one report: its marking definitions, the partner that owns it, the
 * entities it names, its claims with their relationships, notes with the Admiralty grades of its
 * graded sources, and the report itself with object_refs to all of them. Deterministic: the same
 * input gives the same objects and ids. Shared objects (markings, identities, locations) repeat
 * across reports; exportObjects keeps the first of each id.
 */
export function reportObjects(input: ReportExportInput): StixObject[] {
  const { report, claims, entities } = input;
  const marking = stixMarking(report.marking);
  const at = stixTimestamp(report.ingestedAt);
  const owner = partnerIdentityId(report.marking.owner);
  const base = { spec_version: SPEC_VERSION, created: at, modified: at, created_by_ref: owner, object_marking_refs: marking.refs };
  const reportId = reportObjectId(report);
  const out: StixObject[] = [...marking.definitions];
  out.push(partnerIdentity(report.marking.owner, base));

  // Entities: identities, locations, tools, keyed by the extractor's stable keys.
  const idOfKey = new Map<string, string>();
  const refs: string[] = [];
  for (const e of entities) {
    const obj = entityObject(e, base);
    idOfKey.set(e.key, obj.id);
    refs.push(obj.id);
    out.push(obj);
  }
  const outlet = outletOf(report.source);
  if (outlet) {
    refs.push(outlet.id);
    out.push({
      type: 'identity',
      ...base,
      id: outlet.id,
      name: outlet.name,
      identity_class: 'organization',
      roles: ['outlet'],
      extensions: propertyExtension({ source_key: outlet.key }),
    });
  }

  const relationships: StixObject[] = [];
  const graded = new Map<string, string[]>();
  const noteGrade = (sourceKey: string, objectId: string) => {
    if (!input.grades?.has(sourceKey)) return;
    const list = graded.get(sourceKey);
    if (list === undefined) graded.set(sourceKey, [objectId]);
    else if (!list.includes(objectId)) list.push(objectId);
  };
  if (outlet) noteGrade(outlet.key, outlet.id);

  claims.forEach((c, ordinal) => {
    const id = claimObjectId(report, ordinal);
    const speakerRef = c.speakerKey !== null ? idOfKey.get(c.speakerKey) : undefined;
    const locationKey = claimLocationKey(c.location);
    const locationRef = locationKey !== undefined ? idOfKey.get(locationKey) : undefined;
    const entityRefs = c.entityKeys.map((k) => idOfKey.get(k)).filter((x): x is string => x !== undefined);
    out.push(
      compact({
        type: CLAIM_TYPE,
        ...base,
        id,
        extensions: NEW_SDO,
        report_ref: reportId,
        value: { low: c.value.low, high: c.value.high },
        unit: c.unit,
        counted: c.counted,
        per: c.per,
        qualifier: c.qualifier,
        vague: c.vague,
        speaker: c.attributedTo,
        speaker_ref: speakerRef,
        time: c.time === null ? null : compact({ start: c.time.start, end: c.time.end, text: c.time.text }),
        location: c.location,
        location_ref: locationRef,
        entity_refs: [...new Set(entityRefs)],
        span: { start: c.span.start, end: c.span.end },
        sentence: { start: c.sentence.start, end: c.sentence.end, text: c.sentenceText },
      }),
    );
    refs.push(id);
    if (speakerRef !== undefined) {
      relationships.push(relationship(base, id, 'attributed-to', speakerRef));
      noteGrade(`speaker:${c.speakerKey}`, speakerRef);
    }
    if (locationRef !== undefined) relationships.push(relationship(base, id, 'located-at', locationRef));
  });
  for (const r of relationships) refs.push(r.id);
  out.push(...relationships);

  for (const [sourceKey, objectRefs] of graded) {
    const g = input.grades!.get(sourceKey)!;
    const when = stixTimestamp(g.gradedAt);
    out.push({
      type: 'note',
      ...base,
      id: stixId('note', `grade|${sourceKey}|${g.grade}|${g.gradedAt}|${reportKey(report)}`),
      created: when,
      modified: when,
      abstract: `Admiralty reliability ${g.grade}`,
      content: `Source reliability of ${g.label ?? sourceKey} on the Admiralty scale (STANAG 2511): ${g.grade}, ${RELIABILITY[g.grade].label.toLowerCase()}.`,
      authors: [g.gradedBy],
      object_refs: [...objectRefs, reportId],
    });
  }

  out.push(
    compact({
      type: 'report',
      ...base,
      id: reportId,
      name: report.title ?? report.origin,
      description: report.text,
      published: stixTimestamp(report.published ?? report.ingestedAt),
      // A report with nothing extracted still refers to something: its originator.
      object_refs: refs.length > 0 ? refs : [owner],
      external_references: report.url === null ? null : [{ source_name: report.source ?? 'url', url: report.url }],
      extensions: propertyExtension(
        compact({
          main: { start: report.main.start, end: report.main.end },
          // `name` falls back to the origin when a report has no headline: this says which it is.
          title: report.title,
          outlet: report.source,
          published_date: report.published?.slice(0, 10) ?? null,
          origin: report.origin,
          content_hash: report.contentHash,
        }),
      ),
    }),
  );
  return out;
}

function partnerIdentity(partnerId: string, base: Record<string, unknown>): StixObject {
  return {
    type: 'identity',
    ...base,
    id: partnerIdentityId(partnerId),
    name: partnerId,
    identity_class: 'organization',
    description: 'A partner of this Parallax instance: the organisation that originated the objects it created.',
    extensions: propertyExtension({ partner: partnerId }),
  };
}

function entityObject(e: EntitySummary, base: Record<string, unknown>): StixObject {
  const id = entityObjectId(e);
  const aliases = e.aliases.filter((a) => a !== e.name);
  if (e.type === 'person' || e.type === 'organization') {
    return compact({
      type: 'identity',
      ...base,
      id,
      name: e.name,
      identity_class: e.type === 'person' ? 'individual' : 'organization',
      roles: e.roles,
      extensions: propertyExtension(compact({ entity_key: e.key, aliases })),
    });
  }
  if (e.type === 'equipment') {
    return compact({
      type: 'tool',
      ...base,
      id,
      name: e.name,
      tool_types: ['weapon-system'],
      aliases,
      extensions: propertyExtension({ entity_key: e.key }),
    });
  }
  const slug = e.key.startsWith('loc:') ? e.key.slice(4) : placeSlug(e.name);
  return locationObject(slug, e.name, aliases, e.key, base);
}

/** A place: coordinates and country from the gazetteer when it knows the place. */
function locationObject(slug: string, name: string, aliases: readonly string[], key: string, base: Record<string, unknown>): StixObject {
  const known = PLACES.has(slug);
  const where = coordinatesOf(slug);
  const country = known ? countryCodeOf(containment.root(slug)) : undefined;
  return compact({
    type: 'location',
    ...base,
    id: entityObjectId({ key, type: 'location' }),
    name: known ? containment.displayName(slug) : name,
    latitude: where?.latitude,
    longitude: where?.longitude,
    country,
    // STIX wants a region, a country or coordinates: a place the gazetteer does not know keeps its name as written.
    region: where === undefined && country === undefined ? name : undefined,
    extensions: propertyExtension(compact({ entity_key: key, aliases: [...aliases], resolved: known })),
  });
}

function relationship(base: Record<string, unknown>, source: string, type: string, target: string): StixObject {
  return {
    type: 'relationship',
    ...base,
    id: relationshipId(source, type, target),
    relationship_type: type,
    source_ref: source,
    target_ref: target,
  };
}

export interface ExportOptions {
  /** Also export propositions with best estimates (default true). Runs the analysis, which reads every visible claim into memory. */
  propositions?: boolean;
  /** Objects kept verbatim from imported bundles (default true). */
  kept?: boolean;
  /** Reports read per store query (default 200). */
  pageSize?: number;
  classificationOrder?: readonly string[];
}

const CONTENTS_CHUNK = 50;

/** Types of objects several reports share: deduplicated by id. Claims, relationships and reports are one report's own. */
const SHARED_TYPES = new Set(['marking-definition', 'identity', 'location', 'tool', 'extension-definition', 'note']);

/** Ids of the shared objects written so far (the first of each id wins). */
class Seen {
  readonly #ids = new Set<string>();
  /** True when the object should be written now: not shared, or shared and not written yet. */
  take(o: StixObject): boolean {
    if (!SHARED_TYPES.has(o.type)) return true;
    if (this.#ids.has(o.id)) return false;
    this.#ids.add(o.id);
    return true;
  }
  has(id: string): boolean {
    return this.#ids.has(id);
  }
}

/**
 * Every STIX object the viewer may see, report by report (reads go through the store with the
 * viewer, so the access policy decides), shared objects once each. Memory holds one page of
 * reports and the ids of shared objects, never the whole export; propositions (if asked) need
 * the analysis, which holds every visible claim.
 */
export async function* exportObjects(store: Store, viewer: Viewer, options: ExportOptions = {}): AsyncGenerator<StixObject> {
  const seen = new Seen();
  const fresh = (o: StixObject): boolean => seen.take(o);
  for (const o of [tlpDefinition('TLP:CLEAR'), PARALLAX_IDENTITY, EXTENSION_DEFINITION]) if (fresh(o)) yield o;
  const grades = new Map((await store.listSourceGrades(viewer)).map((g) => [g.sourceKey, g]));
  const withPropositions = options.propositions ?? true;
  const claimIndex = new Map<string, { id: string; created: string; marking: Marking }>();
  const pageSize = options.pageSize ?? 200;
  for (let afterId = 0; ; ) {
    const page = await store.listReports(viewer, { afterId, limit: pageSize });
    if (page.length === 0) break;
    afterId = page[page.length - 1]!.id;
    // Reports with their claims and entities, a few queries per chunk; one replaced since the page was read is left out.
    // (Chunks of 50: as fast as 200, and a smaller peak of memory.)
    for (let at = 0; at < page.length; at += CONTENTS_CHUNK) {
      const ids = page.slice(at, at + CONTENTS_CHUNK).map((s) => s.id);
      for (const { report, claims, entities } of await store.listReportContents(viewer, ids)) {
        for (const o of reportObjects({ report, claims, entities, grades })) if (fresh(o)) yield o;
        if (withPropositions) {
          const created = stixTimestamp(report.ingestedAt);
          claims.forEach((c, i) => claimIndex.set(String(c.id), { id: claimObjectId(report, i), created, marking: report.marking }));
        }
      }
    }
  }
  if (options.kept ?? true) {
    for (let afterRow = 0; ; ) {
      const rows = await store.listStixObjects(viewer, { afterRow, limit: pageSize });
      if (rows.length === 0) break;
      for (const row of rows) {
        afterRow = row.row;
        for (const o of stixMarking(row.marking).definitions) if (fresh(o)) yield o;
        yield row.object;
      }
    }
  }
  if (withPropositions) yield* propositionObjects(store, viewer, claimIndex, options.classificationOrder ?? DEFAULT_CLASSIFICATIONS, seen);
}

async function* propositionObjects(
  store: Store,
  viewer: Viewer,
  claimIndex: ReadonlyMap<string, { id: string; created: string; marking: Marking }>,
  order: readonly string[],
  seen: Seen,
): AsyncGenerator<StixObject> {
  const fresh = (o: StixObject): boolean => seen.take(o);
  const exported = (id: string): boolean => seen.has(id);
  const { analysis } = await analyseStore(store, viewer, { record: false });
  for (const p of analysis.propositions) {
    const claims = p.series.map((s) => claimIndex.get(s.claimId)).filter((c) => c !== undefined);
    if (claims.length === 0) continue;
    const marking = strictest(claims.map((c) => c.marking), order);
    const m = stixMarking(marking);
    for (const d of m.definitions) if (fresh(d)) yield d;
    const times = claims.map((c) => c.created).sort();
    const base = {
      spec_version: SPEC_VERSION,
      created: times[0]!,
      modified: times[times.length - 1]!,
      created_by_ref: partnerIdentityId(marking.owner),
      object_marking_refs: m.refs,
    };
    const creator = partnerIdentity(marking.owner, base);
    if (fresh(creator)) yield creator;
    // The place a proposition is about may be coarser than any place its reports name (Kursk → Russia).
    let placeRef: string | undefined;
    const placeSlugOf = p.place?.key.startsWith('loc:') ? p.place.key.slice(4) : undefined;
    if (placeSlugOf !== undefined && p.place) {
      placeRef = stixId('location', p.place.key);
      if (!exported(placeRef)) {
        const place = PLACES.has(placeSlugOf) ? locationObject(placeSlugOf, p.place.name, [], p.place.key, base) : undefined;
        if (place === undefined) placeRef = undefined;
        else if (fresh(place)) yield place;
      }
    }
    const subjectRef = p.subject ? entityObjectId({ key: p.subject.key, type: entityTypeOfKey(p.subject.key) }) : undefined;
    const e = p.estimate;
    yield compact({
      type: PROPOSITION_TYPE,
      ...base,
      id: stixId(PROPOSITION_TYPE, p.id),
      extensions: NEW_SDO,
      name: p.label,
      proposition_key: p.id,
      measure: p.measure,
      per: p.per,
      subject: p.subject?.name ?? null,
      subject_ref: subjectRef !== undefined && exported(subjectRef) ? subjectRef : null,
      place: p.place?.name ?? null,
      place_ref: placeRef ?? null,
      claim_refs: [...new Set(claims.map((c) => c.id))],
      best_estimate:
        e === null
          ? null
          : compact({ low: e.low, high: e.high, as_of: { start: e.asOf.start, end: e.asOf.end }, contested: e.contested, why: e.why }),
      conflicts: p.conflictIds.length,
    });
  }
}

/**
 * A derived object carries the strictest marking of what it rests on: the highest TLP and
 * classification, releasable only where every source report is, owned by one partner when all
 * are, else by this instance.
 */
export function strictest(markings: readonly Marking[], order: readonly string[]): Marking {
  const first = markings[0]!;
  let tlp = first.tlp;
  let classification = first.classification;
  let releasable: Set<string> | 'ALL' = first.releasableTo.includes('ALL') ? 'ALL' : new Set(first.releasableTo);
  let owner: string | null = first.owner;
  for (const m of markings.slice(1)) {
    if (TLP_LABELS.indexOf(m.tlp) > TLP_LABELS.indexOf(tlp)) tlp = m.tlp;
    if (order.indexOf(m.classification) > order.indexOf(classification)) classification = m.classification;
    if (!m.releasableTo.includes('ALL')) {
      const next = new Set(m.releasableTo);
      releasable = releasable === 'ALL' ? next : new Set([...releasable].filter((g) => next.has(g)));
    }
    if (m.owner !== owner) owner = null;
  }
  return { tlp, classification, releasableTo: releasable === 'ALL' ? ['ALL'] : [...releasable].sort(), owner: owner ?? LOCAL_PARTNER };
}
