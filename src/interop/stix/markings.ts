import type { Marking, TlpLabel } from '../../domain/marking.js';
import { TLP_LABELS } from '../../domain/marking.js';
import { DEFINED_AT, EXTENSION_ID, PARALLAX_IDENTITY_ID, propertyExtension } from './extension.js';
import { stixId } from './ids.js';
import { SPEC_VERSION, type StixObject } from './objects.js';
import { TLP1_IDS, TLP2_CREATED, TLP2_EXTENSION_ID, TLP2_IDS } from './tlp.js';

/**
 * A report's marking as STIX data markings: the TLP 2.0 definition for its TLP label, and two
 * statement marking definitions of our own (classification; releasable-to with the owner), each
 * with our property extension holding the same content as data, so any consumer shows the
 * statements and a Parallax instance reads the marking back exactly.
 */
export interface StixMarking {
  /** object_marking_refs for objects carrying this marking. */
  refs: string[];
  /** The marking-definition objects those refs name. */
  definitions: StixObject[];
}

export function tlpDefinition(label: TlpLabel): StixObject {
  const level = label.slice('TLP:'.length).toLowerCase();
  return {
    type: 'marking-definition',
    spec_version: SPEC_VERSION,
    id: TLP2_IDS[label],
    created: TLP2_CREATED,
    name: label,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}

export function classificationDefinition(classification: string): StixObject {
  const statement = `Classification: ${classification}`;
  return {
    type: 'marking-definition',
    spec_version: SPEC_VERSION,
    id: classificationMarkingId(classification),
    created_by_ref: PARALLAX_IDENTITY_ID,
    created: DEFINED_AT,
    name: statement,
    definition_type: 'statement',
    definition: { statement },
    extensions: propertyExtension({ classification }),
  };
}

export function releasabilityDefinition(releasableTo: readonly string[], owner: string): StixObject {
  const grantees = [...new Set(releasableTo)].sort();
  const to = grantees.includes('ALL') ? 'all partners' : grantees.join(', ');
  const statement = `Releasable to ${to}; originated by ${owner}`;
  return {
    type: 'marking-definition',
    spec_version: SPEC_VERSION,
    id: releasabilityMarkingId(releasableTo, owner),
    created_by_ref: PARALLAX_IDENTITY_ID,
    created: DEFINED_AT,
    name: statement,
    definition_type: 'statement',
    definition: { statement },
    extensions: propertyExtension({ ...(grantees.length > 0 ? { releasable_to: grantees } : {}), owner }),
  };
}

export const classificationMarkingId = (classification: string): string => stixId('marking-definition', `classification|${classification}`);
export const releasabilityMarkingId = (releasableTo: readonly string[], owner: string): string =>
  stixId('marking-definition', `releasable|${owner}|${[...new Set(releasableTo)].sort().join(',')}`);

/** The ids stixMarking(m).refs gives, without building the definitions. */
export const markingIds = (m: Marking): string[] => stixMarking(m).refs;

/**
 * A marking's definitions are the same objects for every report so marked: built once per marking
 * (a few distinct markings, many reports). Callers only read them.
 */
export function stixMarking(m: Marking): StixMarking {
  const key = `${m.tlp}|${m.classification}|${m.owner}|${JSON.stringify(m.releasableTo)}`;
  let made = madeMarkings.get(key);
  if (made === undefined) {
    const definitions = [tlpDefinition(m.tlp), classificationDefinition(m.classification), releasabilityDefinition(m.releasableTo, m.owner)];
    made = { refs: definitions.map((d) => d.id), definitions };
    if (madeMarkings.size >= 1_000) madeMarkings.clear();
    madeMarkings.set(key, made);
  }
  return { refs: [...made.refs], definitions: [...made.definitions] };
}
const madeMarkings = new Map<string, StixMarking>();

/** What a bundle's marking definitions say, for import. */
export interface MarkingParts {
  tlp?: TlpLabel;
  classification?: string;
  releasableTo?: string[];
  owner?: string;
}

/** Reads one marking-definition (ours, TLP 1.0 or 2.0); undefined for a kind we do not map. */
export function readMarkingDefinition(md: StixObject): MarkingParts | undefined {
  const tlp2 = Object.entries(TLP2_IDS).find(([, id]) => id === md.id)?.[0] as TlpLabel | undefined;
  if (tlp2) return { tlp: tlp2 };
  const tlp1 = TLP1_IDS[md.id];
  if (tlp1) return { tlp: tlp1 };
  const ext = (md.extensions as Record<string, Record<string, unknown>> | undefined)?.[EXTENSION_ID];
  if (ext) {
    const parts: MarkingParts = {};
    if (typeof ext.classification === 'string') parts.classification = ext.classification;
    if (Array.isArray(ext.releasable_to)) parts.releasableTo = ext.releasable_to.filter((g): g is string => typeof g === 'string');
    if (typeof ext.owner === 'string') {
      parts.owner = ext.owner;
      // The releasability marking always names the owner; no list there means released to nobody else
      // (STIX has no empty lists), never "the importer's default".
      parts.releasableTo ??= [];
    }
    return parts;
  }
  // Another producer's TLP 2.0 definition under its own id, or a TLP 1.0 one written out.
  const tlpExt = (md.extensions as Record<string, Record<string, unknown>> | undefined)?.[TLP2_EXTENSION_ID]?.tlp_2_0;
  const tlpDef = md.definition_type === 'tlp' ? (md.definition as { tlp?: unknown } | undefined)?.tlp : undefined;
  const level = typeof tlpExt === 'string' ? tlpExt : typeof tlpDef === 'string' ? tlpDef : undefined;
  if (level !== undefined) {
    const label = `TLP:${level === 'white' ? 'CLEAR' : level.toUpperCase()}`;
    if ((TLP_LABELS as readonly string[]).includes(label)) return { tlp: label as TlpLabel };
  }
  return undefined;
}

/** TLP label of a well-known TLP marking id (1.0 or 2.0), else undefined. */
export function tlpOfRef(ref: string): TlpLabel | undefined {
  return (Object.entries(TLP2_IDS).find(([, id]) => id === ref)?.[0] as TlpLabel | undefined) ?? TLP1_IDS[ref];
}
