import type { CollectedDocument } from '../../domain/document.js';
import type { EntityType } from '../../domain/entity.js';
import type { ImportedFacts } from '../../domain/interop.js';
import { TLP_LABELS, type TlpLabel } from '../../domain/marking.js';
import { CollectError } from '../collect-error.js';
import { collectPlainText } from '../text/from-plain-text.js';
import { PARALLAX_NAMESPACE, machineTag, tlpOfTag } from './taxonomies.js';

/**
 * MISP events (MISP core format: `{"Event": …}`, a list of them, or a `{"response": [...]}` of
 * MISP's REST API) become reports:
 *  - info → title; date (else publish_timestamp) → published; Orgc (else Org) name → source;
 *  - the text: event reports' content, `report` summaries and `annotation` texts, then `text` and
 *    `comment` attributes, in that order (a part the text already contains is not repeated; an event
 *    with no text at all gets its info as text);
 *  - the first `link` attribute (else a `url` that is not a network indicator) → canonical URL;
 *  - threat-actor, target-org, target-location, full-name attributes, `person` and `organization`
 *    objects, and text attributes commented `entity: TYPE` (as Parallax exports them) → entities;
 *  - a number (counter, integer, float) with a comment → a line `comment: value.` of the text, where
 *    the claim extractor finds it; a bare number is kept as an item;
 *  - tags: tlp → the TLP, admiralty-scale source-reliability → the source's grade,
 *    parallax:classification / parallax:releasable-to → the marking; every other tag is kept;
 *  - distribution (when no parallax:releasable-to tag says better): 0 your organisation and
 *    1 this community → the importing partner only (this instance's partners are not that
 *    community); 2 connected and 3 all communities → ALL; 4 a sharing group → the community of the
 *    sharing group's name;
 *  - everything else (ip-dst, domain, url, hashes, files, other objects, extra links) is kept verbatim
 *    as items of the report and exported again. Nothing is dropped: soft-deleted attributes are
 *    skipped with a note.
 */

export interface MispCollectResult {
  docs: CollectedDocument[];
  /** One per event that could not be read, naming the file and the event. */
  errors: CollectError[];
}

/** Cheap test on the first bytes: JSON that names an `Event` object (full parsing decides). */
export function looksLikeMisp(text: string): boolean {
  const head = text.slice(0, 4096).trimStart();
  return (head.startsWith('{') || head.startsWith('[')) && /"Event"\s*:\s*\{/.test(head);
}

type Json = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMERIC_TYPES = new Set(['counter', 'integer', 'float']);
/** Attribute types that name a thing, with the entity type and the role they give it. */
const ENTITY_TYPES: Readonly<Record<string, { type: EntityType; role: string | null }>> = {
  'threat-actor': { type: 'organization', role: 'threat actor' },
  'target-org': { type: 'organization', role: 'target' },
  'target-location': { type: 'location', role: 'target' },
  'full-name': { type: 'person', role: null },
};
const ENTITY_COMMENT = /^entity: (person|organization|location|equipment)\b(?:; role: ([^;]+))?/;
/** Object relations that are text or metadata the report takes over (the object adds nothing else). */
const TEXT_OBJECTS: Readonly<Record<string, { text: string[]; absorbed: string[] }>> = {
  report: { text: ['summary'], absorbed: ['summary', 'title', 'link', 'type'] },
  annotation: { text: ['text'], absorbed: ['text', 'type', 'format', 'ref'] },
};
const NAME_OBJECTS: Readonly<Record<string, { type: EntityType; role: string | null; name: string[]; absorbed: string[] }>> = {
  person: { type: 'person', role: null, name: ['full-name'], absorbed: ['full-name', 'first-name', 'last-name', 'middle-name', 'role'] },
  organization: { type: 'organization', role: null, name: ['name'], absorbed: ['name', 'role'] },
  'threat-actor': { type: 'organization', role: 'threat actor', name: ['name'], absorbed: ['name'] },
};

export function collectMisp(origin: string, text: string, options: { published?: string | null } = {}): MispCollectResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    throw new CollectError(origin, `not valid JSON: ${(e as Error).message}`);
  }
  const list = eventList(root);
  if (list === undefined) throw new CollectError(origin, 'JSON without a MISP event (an "Event" object, a list of them, or a "response" list)');
  if (list.length === 0) throw new CollectError(origin, 'the list of MISP events is empty');
  const docs: CollectedDocument[] = [];
  const errors: CollectError[] = [];
  list.forEach((item, i) => {
    const ev = isObject(item) && isObject(item['Event']) ? (item['Event'] as Json) : undefined;
    const uuid = ev && typeof ev['uuid'] === 'string' && UUID.test(ev['uuid']) ? ev['uuid'].toLowerCase() : undefined;
    const where = `${origin}#${uuid ?? `event-${i + 1}`}`;
    if (!ev) {
      errors.push(new CollectError(where, `item ${i + 1} is not a MISP event (no "Event" object)`));
      return;
    }
    try {
      docs.push(eventToDocument(where, ev, options.published ?? null));
    } catch (e) {
      if (e instanceof EventProblem) errors.push(new CollectError(where, e.message));
      else throw e;
    }
  });
  return { docs, errors };
}

class EventProblem extends Error {}

function eventList(root: unknown): unknown[] | undefined {
  if (Array.isArray(root)) return root;
  if (!isObject(root)) return undefined;
  if (isObject(root['Event'])) return [root];
  if (Array.isArray(root['response'])) return root['response'];
  return undefined;
}

function eventToDocument(origin: string, ev: Json, fallbackPublished: string | null): CollectedDocument {
  const info = typeof ev['info'] === 'string' ? ev['info'].trim() : '';
  if (info === '') throw new EventProblem('the event has no "info" (its title)');
  const published = eventDate(ev) ?? fallbackPublished;
  const facts: ImportedFacts = { tlp: null, classification: null, releasableTo: null, reliability: null, entities: [], items: [], notes: [] };
  const parts: string[] = [];
  const numberLines: string[] = [];
  let url: string | null = null;

  readTags(tagsOf(ev), facts);
  if (facts.releasableTo === null) facts.releasableTo = releasabilityOf(ev, facts);

  for (const r of arrayOf(ev['EventReport'])) {
    if (r['deleted'] === true) continue;
    if (typeof r['content'] === 'string') parts.push(r['content']);
  }
  for (const o of arrayOf(ev['Object'])) {
    if (o['deleted'] === true) {
      facts.notes.push(`object ${str(o['name']) ?? '?'} ${str(o['uuid']) ?? ''} is marked deleted: skipped`.replace(/\s+:/, ':'));
      continue;
    }
    const name = str(o['name']) ?? '';
    const attrs = arrayOf(o['Attribute']).filter((a) => a['deleted'] !== true);
    const rel = (r: string) => attrs.filter((a) => a['object_relation'] === r).map((a) => str(a['value']) ?? '').filter((v) => v.trim() !== '');
    const relations = new Set(attrs.map((a) => str(a['object_relation']) ?? ''));
    const textObject = TEXT_OBJECTS[name];
    const nameObject = NAME_OBJECTS[name];
    let absorbed: string[] = [];
    if (textObject) {
      for (const r of textObject.text) parts.push(...rel(r));
      if (name === 'report' && url === null) url = rel('link')[0] ?? null;
      absorbed = textObject.absorbed;
    } else if (nameObject) {
      const full = nameObject.name.flatMap(rel)[0] ?? [...rel('first-name'), ...rel('middle-name'), ...rel('last-name')].join(' ');
      if (full.trim() !== '') facts.entities.push({ name: full.trim(), type: nameObject.type, role: rel('role')[0] ?? nameObject.role });
      absorbed = nameObject.absorbed;
    }
    // An object with anything the report cannot hold is kept whole, so it exports again.
    if ([...relations].some((r) => !absorbed.includes(r))) facts.items.push({ kind: 'object', type: name || 'object', value: null, data: o });
  }
  for (const a of arrayOf(ev['Attribute'])) {
    const type = str(a['type']) ?? '';
    const value = str(a['value']);
    if (a['deleted'] === true) {
      facts.notes.push(`attribute ${type} ${value ?? ''} is marked deleted: skipped`);
      continue;
    }
    if (value === undefined || value.trim() === '') {
      facts.notes.push(`attribute ${type || '(no type)'} has no value: skipped`);
      continue;
    }
    const comment = str(a['comment'])?.trim() ?? '';
    const category = str(a['category']) ?? '';
    const entityComment = type === 'text' ? ENTITY_COMMENT.exec(comment) : null;
    const entityType = ENTITY_TYPES[type];
    if (entityComment) {
      facts.entities.push({ name: value.trim(), type: entityComment[1] as EntityType, role: entityComment[2]?.trim() ?? null });
    } else if (entityType) {
      facts.entities.push({ name: value.trim(), type: entityType.type, role: entityType.role });
    } else if (type === 'text' || type === 'comment') {
      parts.push(value);
    } else if (type === 'link' && url === null) {
      url = value.trim();
    } else if (type === 'url' && url === null && category !== 'Network activity' && category !== 'Payload delivery') {
      url = value.trim();
    } else if (NUMERIC_TYPES.has(type) && comment !== '') {
      numberLines.push(`${comment.replace(/[.:;\s]+$/, '')}: ${value.trim()}.`);
    } else {
      facts.items.push({ kind: 'attribute', type: type || 'other', value, data: a });
    }
  }

  // A part another part contains (a claim's sentence quoted from the text) adds nothing.
  const all = [...parts, numberLines.join('\n')].filter((p) => p.trim() !== '');
  const kept = all.filter((p, i) => !all.some((q, j) => j !== i && q.includes(p.trim()) && (q.length > p.length || j < i)));
  let body = kept.join('\n\n');
  if (body === '') {
    body = info;
    facts.notes.push('the event has no text: its info is the report text');
  }
  const [doc] = collectPlainText(origin, body, { published });
  const source = orgName(ev) ?? doc!.source;
  return { ...doc!, format: 'misp', title: info, published, url, source, imported: facts };
}

function readTags(tags: string[], facts: ImportedFacts): void {
  const releasable: string[] = [];
  for (const tag of tags) {
    const tlp = tlpOfTag(tag);
    if (tlp !== undefined) {
      // tlp is an exclusive taxonomy; given two, the stricter holds.
      if (facts.tlp !== null && facts.tlp !== tlp) facts.notes.push(`two TLP tags (${facts.tlp}, ${tlp}): the stricter holds`);
      facts.tlp = facts.tlp === null ? tlp : stricter(facts.tlp, tlp);
      continue;
    }
    const m = machineTag(tag);
    if (m?.namespace === 'admiralty-scale' && m.predicate === 'source-reliability') {
      const g = m.value.toUpperCase();
      if (/^[A-F]$/.test(g)) facts.reliability = g;
      else if (g === 'G') {
        // Parallax grades A–F; a deliberately deceptive source is at least unreliable.
        facts.reliability = 'E';
        facts.notes.push('source reliability G (deliberately deceptive) is graded E (unreliable): Parallax grades A–F');
      } else facts.notes.push(`source reliability "${m.value}" is not a grade A–G: ignored`);
      continue;
    }
    if (m?.namespace === PARALLAX_NAMESPACE && m.predicate === 'classification') {
      facts.classification = m.value;
      continue;
    }
    if (m?.namespace === PARALLAX_NAMESPACE && m.predicate === 'releasable-to') {
      releasable.push(m.value);
      continue;
    }
    facts.items.push({ kind: 'tag', type: tag, value: null, data: { name: tag } });
  }
  if (releasable.length > 0) facts.releasableTo = [...new Set(releasable)];
}

const stricter = (a: TlpLabel, b: TlpLabel): TlpLabel => (TLP_LABELS.indexOf(a) >= TLP_LABELS.indexOf(b) ? a : b);

/** The event's distribution as a release list; null when it says nothing (the caller's default holds). */
function releasabilityOf(ev: Json, facts: ImportedFacts): string[] | null {
  const d = Number(ev['distribution']);
  if (ev['distribution'] === undefined || !Number.isInteger(d)) return null;
  if (d === 0 || d === 1) return [];
  if (d === 2 || d === 3) return ['ALL'];
  if (d === 4) {
    const sg = isObject(ev['SharingGroup']) ? str((ev['SharingGroup'] as Json)['name']) : undefined;
    const slug = sg?.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 64);
    if (slug) return [slug];
    facts.notes.push('distribution 4 (a sharing group) without the sharing group: released to no one but the owner');
    return [];
  }
  facts.notes.push(`distribution ${d} is not an event distribution (0–4): the default release holds`);
  return null;
}

function eventDate(ev: Json): string | null {
  const date = ev['date'];
  if (date !== undefined && date !== null && date !== '') {
    if (typeof date !== 'string' || !isCalendarDate(date)) throw new EventProblem(`the event's date ${JSON.stringify(date)} is not a date YYYY-MM-DD`);
    return date;
  }
  for (const key of ['publish_timestamp', 'timestamp']) {
    const n = Number(ev[key]);
    if (Number.isFinite(n) && n > 0) return new Date(n * 1000).toISOString().slice(0, 10);
  }
  return null;
}

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Tag names of the event: `Tag: [{name}]`, or `EventTag: [{Tag: {name}}]` as some exports write them. */
function tagsOf(ev: Json): string[] {
  const names = arrayOf(ev['Tag']).map((t) => str(t['name']));
  for (const et of arrayOf(ev['EventTag'])) if (isObject(et['Tag'])) names.push(str((et['Tag'] as Json)['name']));
  return [...new Set(names.filter((n): n is string => n !== undefined && n.trim() !== ''))];
}

function orgName(ev: Json): string | null {
  for (const key of ['Orgc', 'Org']) {
    const o = ev[key];
    if (isObject(o)) {
      const name = str((o as Json)['name'])?.trim();
      if (name) return name;
    }
  }
  return null;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}
