import type { Claim, Qualifier } from '../../domain/claim.js';
import { QUALIFIERS } from '../../domain/claim.js';
import type { CollectedDocument } from '../../domain/document.js';
import { DEFAULT_CLASSIFICATIONS, type Marking } from '../../domain/marking.js';
import type { Viewer } from '../../domain/viewer.js';
import { extract } from '../../exploit/pipeline.js';
import { markingFor } from '../../share/marking-input.js';
import { prepareReport } from '../../store/prepare-report.js';
import type { IngestOutcome, KeepOutcome, ReportInput, StixObjectInput, Store } from '../../store/store.js';
import { EXTENSION_ID, PARALLAX_IDENTITY_ID } from './extension.js';
import { typeOfId } from './ids.js';
import { readMarkingDefinition, tlpOfRef, type MarkingParts } from './markings.js';
import { CLAIM_TYPE, PROPOSITION_TYPE, type StixObject } from './objects.js';

/** One object of a bundle that could not be imported, and why (the others still are). */
export interface BundleProblem {
  /** The object's id, or `objects[i]` when it has none. */
  object: string;
  problem: string;
}

export interface BundleImport {
  /** Reports ready to store: text from the report's description, claims from our x-parallax-claim objects or extracted. */
  reports: ReportInput[];
  /** Objects Parallax does not map, to keep verbatim with their markings. */
  kept: StixObjectInput[];
  problems: BundleProblem[];
  /** Objects read from the bundle. */
  objects: number;
}

export interface ReadBundleOptions {
  /** Who imports: an administrator keeps the owners a bundle names; anyone else owns what they import. */
  viewer: Viewer;
  /** Marking for what the bundle leaves unsaid (no TLP, no classification…). */
  marking: Marking;
  classificationOrder?: readonly string[];
}

/** The error for input that is not a STIX bundle at all (the whole input fails; name it). */
export class BundleError extends Error {}

/**
 * Maps a STIX bundle: reports become Parallax reports (description → text, name → title,
 * external_references url → canonical URL, published), our own x-parallax-claim objects become
 * their claims again (else the text is extracted), TLP and our classification/releasability
 * markings become the report's marking. What Parallax derives itself (entities it exported,
 * relationships and notes among them, propositions) is derived again rather than kept; every
 * other object (indicators, malware, observables, unknown types, foreign reports too) is kept
 * verbatim with its marking and exported again unchanged. A bad object is reported with its id;
 * the others go on.
 */
export function readBundle(origin: string, input: string | object, options: ReadBundleOptions): BundleImport {
  let parsed: unknown = input;
  if (typeof input === 'string') {
    try {
      parsed = JSON.parse(input);
    } catch (e) {
      throw new BundleError(`not JSON: ${(e as Error).message}`);
    }
  }
  const bundle = parsed as { type?: unknown; objects?: unknown };
  if (typeof parsed !== 'object' || parsed === null || bundle.type !== 'bundle') throw new BundleError('not a STIX bundle ("type": "bundle")');
  if (bundle.objects !== undefined && !Array.isArray(bundle.objects)) throw new BundleError('"objects" is not a list');
  const raw = (bundle.objects ?? []) as unknown[];
  const order = options.classificationOrder ?? DEFAULT_CLASSIFICATIONS;
  const out: BundleImport = { reports: [], kept: [], problems: [], objects: raw.length };
  const problem = (object: string, p: string) => out.problems.push({ object, problem: p });

  const objects: StixObject[] = [];
  raw.forEach((o, i) => {
    const obj = o as Partial<StixObject> | null;
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return problem(`objects[${i}]`, 'not a JSON object');
    if (typeof obj.type !== 'string' || obj.type === '') return problem(typeof obj.id === 'string' ? obj.id : `objects[${i}]`, 'has no type');
    if (typeOfId(obj.id) !== obj.type) return problem(typeof obj.id === 'string' ? obj.id : `objects[${i}]`, `id ${JSON.stringify(obj.id ?? null)} is not "${obj.type}--<UUID>"`);
    objects.push(obj as StixObject);
  });

  const markingDefs = new Map<string, MarkingParts>();
  for (const o of objects) if (o.type === 'marking-definition') {
    const parts = readMarkingDefinition(o);
    if (parts !== undefined) markingDefs.set(o.id, parts);
  }
  const markingOf = (o: StixObject): Marking => {
    const parts: MarkingParts = {};
    const refs = Array.isArray(o.object_marking_refs) ? (o.object_marking_refs as unknown[]) : [];
    for (const ref of refs) {
      if (typeof ref !== 'string') continue;
      const p = markingDefs.get(ref) ?? (tlpOfRef(ref) ? { tlp: tlpOfRef(ref)! } : undefined);
      if (p !== undefined) Object.assign(parts, p);
    }
    const wanted = {
      classification: parts.classification ?? options.marking.classification,
      releasableTo: parts.releasableTo ?? options.marking.releasableTo,
      tlp: parts.tlp ?? options.marking.tlp,
    };
    if (options.viewer.role === 'admin') {
      if (!order.includes(wanted.classification)) throw new Error(`classification "${wanted.classification}" is not one of ${order.join(', ')}`);
      return { ...wanted, releasableTo: [...new Set(wanted.releasableTo)].sort(), owner: parts.owner ?? options.marking.owner };
    }
    return markingFor(options.viewer, wanted, order);
  };

  const byId = new Map(objects.map((o) => [o.id, o]));
  // Entity keys of the objects we exported for entities: a claim's speaker_ref gives its speaker key back.
  const entityKeys = new Map<string, string>();
  for (const o of objects) {
    const key = (o.extensions as Record<string, Record<string, unknown>> | undefined)?.[EXTENSION_ID]?.entity_key;
    if (typeof key === 'string') entityKeys.set(o.id, key);
  }

  // Our claims, by the report they belong to.
  const claimsOf = new Map<string, StixObject[]>();
  for (const o of objects) if (o.type === CLAIM_TYPE) {
    const ref = o.report_ref;
    if (typeof ref !== 'string' || byId.get(ref)?.type !== 'report') {
      problem(o.id, `its report_ref ${JSON.stringify(ref ?? null)} names no report in the bundle`);
      continue;
    }
    const list = claimsOf.get(ref);
    if (list) list.push(o);
    else claimsOf.set(ref, [o]);
  }

  for (const o of objects) {
    try {
      if (o.type === 'report') {
        const report = reportInput(origin, o, markingOf(o), claimsOf.get(o.id) ?? [], entityKeys, problem);
        if (report) out.reports.push(report);
        if (!isOurs(o)) out.kept.push({ object: o, marking: markingOf(o) });
      } else if (!derivedByParallax(o, byId)) {
        out.kept.push({ object: o, marking: markingOf(o) });
      }
    } catch (e) {
      problem(o.id, (e as Error).message);
    }
  }
  return out;
}

/** Carries our property extension (or is our extension-definition): something Parallax wrote. */
const isOurs = (o: StixObject): boolean =>
  o.id === EXTENSION_ID ||
  o.id === PARALLAX_IDENTITY_ID || (typeof o.extensions === 'object' && o.extensions !== null && EXTENSION_ID in o.extensions);

/**
 * What a Parallax export derives from its reports and re-derives on import: our claims and
 * propositions, entities carrying our extension, our and the TLP marking definitions, and the
 * relationships and notes whose ends are all such objects.
 */
function derivedByParallax(o: StixObject, byId: ReadonlyMap<string, StixObject>): boolean {
  if (o.type === CLAIM_TYPE || o.type === PROPOSITION_TYPE || isOurs(o)) return true;
  if (o.type === 'marking-definition') return readMarkingDefinition(o) !== undefined;
  if (o.type === 'relationship' || o.type === 'note') {
    const ends: unknown[] = o.type === 'relationship' ? [o.source_ref, o.target_ref] : Array.isArray(o.object_refs) ? o.object_refs : [];
    return ends.length > 0 && ends.every((ref) => {
      const end = typeof ref === 'string' ? byId.get(ref) : undefined;
      return end !== undefined && (end.type === CLAIM_TYPE || (end.type === 'report' && isOurs(end)) || isOurs(end));
    });
  }
  return false;
}

function reportInput(
  bundleOrigin: string,
  o: StixObject,
  marking: Marking,
  claims: readonly StixObject[],
  entityKeys: ReadonlyMap<string, string>,
  problem: (object: string, p: string) => void,
): ReportInput | undefined {
  const text = typeof o.description === 'string' && o.description.trim() !== '' ? o.description : typeof o.name === 'string' ? o.name : '';
  if (text.trim() === '') {
    problem(o.id, 'the report has neither a description nor a name to read');
    return undefined;
  }
  const ext = (o.extensions as Record<string, Record<string, unknown>> | undefined)?.[EXTENSION_ID] ?? {};
  const refs = Array.isArray(o.external_references) ? (o.external_references as { url?: unknown; source_name?: unknown }[]) : [];
  const url = refs.find((r) => typeof r?.url === 'string')?.url as string | undefined;
  const main = ext.main as { start?: unknown; end?: unknown } | undefined;
  const span =
    main && Number.isInteger(main.start) && Number.isInteger(main.end) && (main.start as number) <= (main.end as number) && (main.end as number) <= text.length
      ? { start: main.start as number, end: main.end as number }
      : { start: 0, end: text.length };
  const published = typeof ext.published_date === 'string' ? ext.published_date : typeof o.published === 'string' ? o.published.slice(0, 10) : null;
  const doc: CollectedDocument = {
    origin: `${bundleOrigin}#${o.id}`,
    format: 'stix',
    text,
    title: isOurs(o) ? (typeof ext.title === 'string' ? ext.title : null) : typeof o.name === 'string' ? o.name : null,
    published: published !== null && /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : null,
    url: url ?? null,
    source: typeof ext.outlet === 'string' ? ext.outlet : null,
    main: span,
    boilerplate: [],
  };
  const extraction = extract(doc);
  if (claims.length > 0) {
    const read: Claim[] = [];
    for (const c of claims) {
      const claim = claimOf(c, text, entityKeys);
      if (typeof claim === 'string') problem(c.id, claim);
      else read.push(claim);
    }
    extraction.claims = read.sort((a, b) => a.span.start - b.span.start);
  }
  return prepareReport(doc, { extraction, marking });
}

/** Our claim object back to a Claim, checked against the report text; a string says what is wrong. */
function claimOf(c: StixObject, text: string, entityKeys: ReadonlyMap<string, string>): Claim | string {
  const span = c.span as { start?: unknown; end?: unknown } | undefined;
  const sentence = c.sentence as { start?: unknown; end?: unknown; text?: unknown } | undefined;
  const value = c.value as { low?: unknown; high?: unknown } | undefined;
  const isOffset = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= text.length;
  if (!span || !isOffset(span.start) || !isOffset(span.end) || span.start > span.end) return 'its span lies outside the report text';
  if (!sentence || !isOffset(sentence.start) || !isOffset(sentence.end) || sentence.start > span.start || sentence.end < span.end)
    return 'its sentence does not contain its span';
  if (typeof sentence.text === 'string' && text.slice(sentence.start, sentence.end) !== sentence.text)
    return 'its sentence text is not the report text at its offsets';
  if (!value || typeof value.low !== 'number' || typeof value.high !== 'number' || value.low > value.high) return 'its value is not {low, high} with low ≤ high';
  if (typeof c.unit !== 'string') return 'it has no unit';
  const qualifier = (QUALIFIERS as readonly string[]).includes(c.qualifier as string) ? (c.qualifier as Qualifier) : 'exact';
  const time = c.time as { start?: unknown; end?: unknown; text?: unknown } | undefined;
  const day = (d: unknown): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
  const str = (s: unknown): string | null => (typeof s === 'string' ? s : null);
  return {
    span: { start: span.start, end: span.end },
    sentence: { start: sentence.start, end: sentence.end },
    value: { low: value.low, high: value.high },
    unit: c.unit,
    counted: str(c.counted),
    countedSpan: null,
    per: str(c.per),
    qualifier,
    vague: c.vague === true,
    attributedTo: str(c.speaker),
    speakerKey: typeof c.speaker_ref === 'string' ? entityKeys.get(c.speaker_ref) ?? null : null,
    speakerSpan: null,
    time: time && day(time.start) && day(time.end) ? { start: time.start, end: time.end, text: str(time.text), span: null } : null,
    location: str(c.location),
    locationSpan: null,
  };
}

export interface BundleImportResult {
  outcomes: IngestOutcome[];
  kept: KeepOutcome[];
  problems: BundleProblem[];
  objects: number;
}

/**
 * Reads a bundle and stores what it maps (reports, in one batch) and what it keeps verbatim.
 * Problems name the object; the good objects are stored whatever the bad ones.
 */
export async function importBundle(store: Store, origin: string, input: string | object, options: ReadBundleOptions): Promise<BundleImportResult> {
  const read = readBundle(origin, input, options);
  const outcomes = read.reports.length > 0 ? await store.ingest(read.reports) : [];
  const kept = read.kept.length > 0 ? await store.keepStixObjects(options.viewer, read.kept) : [];
  const problems = [...read.problems];
  for (const k of kept) if (k.status === 'failed') problems.push({ object: k.id, problem: k.problem ?? 'could not keep it' });
  for (const o of outcomes) if (o.status === 'failed') problems.push({ object: o.origin.slice(o.origin.lastIndexOf('#') + 1), problem: o.problem ?? 'could not store it' });
  return { outcomes, kept, problems, objects: read.objects };
}
