import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { EXTENSION_DEFINITION } from './extension.js';
import type { StixObject } from './objects.js';

/** The OASIS STIX 2.1 JSON schemas beside the project (../shared/standards), and examples. */
export const STANDARDS = fileURLToPath(new URL('../../../../shared/standards/', import.meta.url));
const SCHEMAS = join(STANDARDS, 'stix2.1-schemas');
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

/**
 * Why the tests that check against the OASIS schemas cannot run, or false when they can: the
 * schemas are read from ../shared beside the project, which a clone elsewhere does not have.
 */
export const STIX_SCHEMAS_MISSING: string | false = existsSync(SCHEMAS) ? false : `no OASIS STIX schemas at ${SCHEMAS} (clone the project beside ../shared)`;

// ajv-formats is CommonJS with a default export; under NodeNext the import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

export interface StixValidator {
  /** Problems of one bundle (empty: valid): the bundle schema, and custom objects against core + the extension's own schema. */
  bundle(bundle: { type: string; id: string; objects: StixObject[] }): string[];
}

/**
 * Loads every schema file with its $id so relative $refs resolve (see shared/standards/SOURCES.md:
 * draft 2020-12, `unicodeRegExp: false` for the `\-?` patterns, idn-hostname unknown to ajv-formats).
 *
 * One upstream limitation is worked around. bundle.json lists most types by their schema, but
 * not location, note, opinion, grouping, incident or extension-definition: those fall to its
 * "custom object" branch, which wants exactly one of core.json and cyber-observable-core.json
 * to match, and an SDO with an id and timestamps matches both, so no such object (and no
 * custom SDO) can pass. So the bundle envelope is checked with bundle.json over the objects it
 * lists, every object against its own type's schema (sdos/, sros/, common/, observables/), and
 * our custom objects against core.json and the JSON Schema our extension-definition publishes.
 */
export function loadStixValidator(): StixValidator {
  const ajv = new Ajv2020({ unicodeRegExp: false, strict: false, allErrors: false, logger: false });
  addFormats(ajv);
  const byType = new Map<string, string>();
  for (const dir of ['common', 'observables', 'sdos', 'sros']) {
    for (const f of readdirSync(join(SCHEMAS, dir)).filter((n) => n.endsWith('.json'))) {
      ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, dir, f), 'utf8')) as object);
      if (dir !== 'common' || f === 'marking-definition.json' || f === 'extension-definition.json' || f === 'language-content.json')
        byType.set(f.slice(0, -'.json'.length), `${BASE}${dir}/${f}`);
    }
  }
  const bundleListed = new Set(
    JSON.stringify(JSON.parse(readFileSync(join(SCHEMAS, 'common', 'bundle.json'), 'utf8')).properties.objects.items.anyOf[0])
      .match(/[a-z0-9-]+(?=\.json)/g) ?? [],
  );
  const check = (schemaId: string, x: unknown): string | undefined => {
    const v = ajv.getSchema(schemaId)!;
    return v(x) === true ? undefined : ajv.errorsText(v.errors);
  };
  const extension = ajv.compile(JSON.parse(EXTENSION_DEFINITION.schema as string) as object);
  const checkExtension = (x: unknown): string | undefined => (extension(x) === true ? undefined : ajv.errorsText(extension.errors));
  return {
    bundle(b) {
      const problems: string[] = [];
      const listed = b.objects.filter((o) => bundleListed.has(o.type));
      const envelope = check(`${BASE}common/bundle.json`, { ...b, objects: listed.length > 0 ? listed : b.objects });
      if (envelope !== undefined && listed.length > 0) problems.push(`bundle: ${envelope}`);
      for (const o of b.objects) {
        const schema = byType.get(o.type);
        if (schema !== undefined) {
          const p = check(schema, o);
          if (p !== undefined) problems.push(`${o.id}: ${o.type}: ${p}`);
        } else {
          const p = check(`${BASE}common/core.json`, o);
          if (p !== undefined) problems.push(`${o.id}: core: ${p}`);
        }
        if (o.type.startsWith('x-parallax-')) {
          const p = checkExtension(o);
          if (p !== undefined) problems.push(`${o.id}: extension schema: ${p}`);
        }
        // Our property extensions on standard objects follow the same schema.
        const ext = (o.extensions as Record<string, unknown> | undefined)?.[EXTENSION_DEFINITION.id];
        if (ext !== undefined && !o.type.startsWith('x-parallax-')) {
          const p = checkExtension(ext);
          if (p !== undefined) problems.push(`${o.id}: property extension: ${p}`);
        }
      }
      return problems;
    },
  };
}
