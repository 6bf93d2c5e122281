import { stixId } from './ids.js';
import { TLP_CLEAR_ID } from './tlp.js';
import { CLAIM_TYPE, PROPOSITION_TYPE, SPEC_VERSION, type StixObject } from './objects.js';

/**
 * Parallax's published STIX extension: two new SDOs (`x-parallax-claim`, `x-parallax-proposition`)
 * and a property extension that carries what standard objects lack (a report's main-body span
 * and outlet, an entity's key and aliases, the structured content of our markings). The
 * extension-definition object carries the JSON Schema below as its `schema` text, so a consumer
 * can validate the custom objects without fetching anything.
 */
export const EXTENSION_VERSION = '1.0';
/** When this version of the extension (and of our marking definitions) was defined. */
export const DEFINED_AT = '2026-12-01T00:00:00.000Z';

export const PARALLAX_IDENTITY_ID = stixId('identity', 'parallax');
export const EXTENSION_ID = stixId('extension-definition', `parallax/${EXTENSION_VERSION}`);

const SPAN = {
  type: 'object',
  required: ['start', 'end'],
  additionalProperties: false,
  properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } },
};
const DAY = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const REF = (type: string) => ({ type: 'string', pattern: `^(${type})--[0-9a-f-]{36}$` });
const CORE = {
  type: { type: 'string' },
  spec_version: { const: '2.1' },
  id: { type: 'string' },
  created: { type: 'string' },
  modified: { type: 'string' },
  created_by_ref: REF('identity'),
  object_marking_refs: { type: 'array', minItems: 1, items: REF('marking-definition') },
  extensions: {
    type: 'object',
    required: [EXTENSION_ID],
    properties: { [EXTENSION_ID]: { type: 'object', required: ['extension_type'], properties: { extension_type: { const: 'new-sdo' } } } },
  },
};

/** JSON Schema (2020-12) of the two new SDOs and of the property extension's content. */
export const EXTENSION_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `urn:parallax:stix-extension:${EXTENSION_VERSION}`,
  title: 'Parallax STIX extension',
  allOf: [
    { if: { properties: { type: { const: CLAIM_TYPE } }, required: ['type'] }, then: { $ref: '#/$defs/claim' } },
    { if: { properties: { type: { const: PROPOSITION_TYPE } }, required: ['type'] }, then: { $ref: '#/$defs/proposition' } },
    { if: { required: ['extension_type'] }, then: { $ref: '#/$defs/property-extension' } },
  ],
  $defs: {
    claim: {
      description: 'A quantitative claim a report states about the world: value or range, what is counted, who asserts it, when it holds.',
      type: 'object',
      required: ['type', 'spec_version', 'id', 'created', 'modified', 'extensions', 'report_ref', 'value', 'unit', 'qualifier', 'span', 'sentence'],
      additionalProperties: false,
      properties: {
        ...CORE,
        type: { const: CLAIM_TYPE },
        report_ref: REF('report'),
        value: {
          type: 'object',
          required: ['low', 'high'],
          additionalProperties: false,
          properties: { low: { type: 'number' }, high: { type: 'number' } },
        },
        unit: { type: 'string', description: 'What is counted (head noun as written), a currency code, or "%".' },
        counted: { type: 'string', description: 'The phrase naming what is counted.' },
        per: { type: 'string', description: 'For a rate: day, month, year…' },
        qualifier: { enum: ['exact', 'approximate', 'at_most', 'at_least'] },
        vague: { type: 'boolean' },
        speaker: { type: 'string', description: 'Who asserts it, as the report names them; absent when the report states it in its own voice.' },
        speaker_ref: { ...REF('identity|location'), description: 'The speaker as an entity: a person, an organisation, or a place standing for its government ("Seoul said").' },
        time: {
          type: 'object',
          required: ['start', 'end'],
          additionalProperties: false,
          properties: { start: DAY, end: DAY, text: { type: 'string' } },
        },
        location: { type: 'string' },
        location_ref: REF('location'),
        entity_refs: { type: 'array', minItems: 1, items: { type: 'string' } },
        span: { ...SPAN, description: 'The number expression, as UTF-16 offsets into the report text (end exclusive).' },
        sentence: {
          type: 'object',
          required: ['start', 'end', 'text'],
          additionalProperties: false,
          properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 }, text: { type: 'string' } },
        },
      },
    },
    proposition: {
      description: 'Claims about the same measured thing (measure, subject, place) grouped, with the best current estimate.',
      type: 'object',
      required: ['type', 'spec_version', 'id', 'created', 'modified', 'extensions', 'name', 'measure', 'claim_refs'],
      additionalProperties: false,
      properties: {
        ...CORE,
        type: { const: PROPOSITION_TYPE },
        name: { type: 'string' },
        proposition_key: { type: 'string' },
        measure: { type: 'string' },
        per: { type: 'string' },
        subject: { type: 'string' },
        subject_ref: REF('identity|location|tool'),
        place: { type: 'string' },
        place_ref: REF('location'),
        claim_refs: { type: 'array', minItems: 1, items: REF(CLAIM_TYPE) },
        best_estimate: {
          type: 'object',
          required: ['low', 'as_of', 'contested', 'why'],
          additionalProperties: false,
          properties: {
            low: { type: 'number' },
            high: { type: 'number', description: 'Absent: open above (at least `low`).' },
            as_of: { type: 'object', required: ['start', 'end'], properties: { start: DAY, end: DAY } },
            contested: { type: 'boolean' },
            why: { type: 'string' },
          },
        },
        conflicts: { type: 'integer', minimum: 0 },
      },
    },
    'property-extension': {
      description: 'Added to standard objects (report, identity, location, tool, marking-definition).',
      type: 'object',
      required: ['extension_type'],
      properties: {
        extension_type: { const: 'property-extension' },
        entity_key: { type: 'string' },
        aliases: { type: 'array', minItems: 1, items: { type: 'string' } },
        resolved: { type: 'boolean', description: 'location: false when the gazetteer does not know the place (region then holds its name).' },
        main: SPAN,
        title: { type: 'string', description: "report: its headline (absent when it has none and name is its origin)." },
        outlet: { type: 'string' },
        published_date: DAY,
        origin: { type: 'string' },
        content_hash: { type: 'string' },
        classification: { type: 'string' },
        releasable_to: { type: 'array', minItems: 1, items: { type: 'string' } },
        owner: { type: 'string' },
        partner: { type: 'string', description: 'identity: a partner (organisation) of the exporting instance.' },
        source_key: { type: 'string', description: 'identity: the key analysts grade a source by (outlet:…).' },
      },
    },
  },
} as const;

/** Who defines the extension and the markings: the software, not a partner. */
export const PARALLAX_IDENTITY: StixObject = {
  type: 'identity',
  spec_version: SPEC_VERSION,
  id: PARALLAX_IDENTITY_ID,
  created: DEFINED_AT,
  modified: DEFINED_AT,
  object_marking_refs: [TLP_CLEAR_ID],
  name: 'Parallax',
  identity_class: 'system',
  description: 'Open collection and exploitation system for open-source reporting.',
};

export const EXTENSION_DEFINITION: StixObject = {
  type: 'extension-definition',
  spec_version: SPEC_VERSION,
  id: EXTENSION_ID,
  created_by_ref: PARALLAX_IDENTITY_ID,
  created: DEFINED_AT,
  modified: DEFINED_AT,
  object_marking_refs: [TLP_CLEAR_ID],
  name: 'Parallax claims and propositions',
  description:
    'Quantitative claims extracted from open-source reports (value or range, what is counted, speaker, time, sentence and offsets) and the propositions they group into, with best estimates; plus properties Parallax adds to reports, entities and its classification and releasability markings.',
  schema: JSON.stringify(EXTENSION_SCHEMA),
  version: EXTENSION_VERSION,
  extension_types: ['new-sdo', 'property-extension'],
};

/** `extensions` of a new SDO of ours. */
export const NEW_SDO = { [EXTENSION_ID]: { extension_type: 'new-sdo' } } as const;

/** `extensions` carrying our extra properties on a standard object. */
export function propertyExtension(properties: Record<string, unknown>): Record<string, unknown> {
  return { [EXTENSION_ID]: { extension_type: 'property-extension', ...properties } };
}
