import { createHash } from 'node:crypto';
import type { Extraction } from '../domain/claim.js';
import { mainText, type CollectedDocument } from '../domain/document.js';
import type { Entity, EntityType } from '../domain/entity.js';
import { DEFAULT_MARKING, type Marking } from '../domain/marking.js';
import { extract } from '../exploit/pipeline.js';
import { fingerprint } from '../collect/fingerprint.js';
import type { ReportInput } from './store.js';

/** Extracts (unless given an extraction), fingerprints the main body and hashes one document for the store. */
export function prepareReport(
  doc: CollectedDocument,
  options: { extraction?: Extraction; marking?: Marking } = {},
): ReportInput {
  const extracted = options.extraction ?? extract(doc);
  const extraction = doc.imported ? withImportedEntities(doc, extracted) : extracted;
  return {
    doc,
    extraction,
    ...(doc.imported && doc.imported.items.length > 0 ? { items: doc.imported.items } : {}),
    contentHash: contentHash(doc),
    // The main body only: a syndicated copy differs from its original in navigation and promos.
    fingerprint: fingerprint(mainText(doc)),
    marking: options.marking ?? DEFAULT_MARKING,
  };
}

/** Same hash = the same document: text, where its body lies, and what it says about itself. */
export function contentHash(doc: CollectedDocument): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([doc.format, doc.title, doc.published, doc.url, doc.source, doc.main.start, doc.main.end]));
  h.update('\n');
  h.update(doc.text);
  // What an import carries beside the text is part of the document: a MISP event that gained an
  // indicator is a new version. (Absent for text, HTML and feeds, whose hashes stay as they were.)
  if (doc.imported) h.update(JSON.stringify([doc.imported.entities, doc.imported.items, doc.imported.reliability]));
  return h.digest('hex');
}

const KEY_PREFIX: Readonly<Record<EntityType, string>> = { person: 'person', organization: 'org', location: 'loc', equipment: 'equip' };

/**
 * Entities an import names (a MISP threat-actor attribute…) join those the extractor found: one
 * the extractor found as well (same name or alias) takes the import's role when it has none; the
 * others are added with their mentions in the text (none when the text does not name them).
 */
function withImportedEntities(doc: CollectedDocument, extraction: Extraction): Extraction {
  const entities: Entity[] = extraction.entities.map((e) => ({ ...e }));
  for (const imported of doc.imported!.entities) {
    const name = imported.name.toLowerCase();
    const found = entities.find((e) => e.name.toLowerCase() === name || e.aliases.some((a) => a.toLowerCase() === name));
    if (found) {
      if (found.role === null && imported.role !== null) found.role = imported.role;
      continue;
    }
    const slug = imported.name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    entities.push({
      key: `${KEY_PREFIX[imported.type]}:${slug || 'unnamed'}`,
      name: imported.name,
      type: imported.type,
      aliases: [],
      role: imported.role,
      mentions: mentionsOf(doc.text, imported.name),
    });
  }
  return { ...extraction, entities };
}

/** Every place the text names `name` as a whole word, case as written in the text. */
function mentionsOf(text: string, name: string): Entity['mentions'] {
  const out: Entity['mentions'] = [];
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'))) {
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  }
  return out;
}
