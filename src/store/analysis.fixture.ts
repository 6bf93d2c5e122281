import type { Claim, Qualifier } from '../domain/claim.js';
import type { CollectedDocument } from '../domain/document.js';
import type { Entity, EntityType } from '../domain/entity.js';
import { DEFAULT_MARKING, type Marking } from '../domain/marking.js';
import { prepareReport } from './prepare-report.js';
import type { ReportInput } from './store.js';

/** Test helper: one sentence of our own with one claim in it, as the extractor would find it. */
export interface FixtureSentence {
  text: string;
  /** The number expression as written in the sentence. */
  number: string;
  low: number;
  high?: number;
  unit: string;
  counted: string | null;
  qualifier?: Qualifier;
  attributedTo?: string;
  speakerKey?: string;
  location?: string;
  time?: { start: string; end: string };
  /** Entities named in the sentence, by surface form. */
  entities?: { key: string; type: EntityType; name: string; surface: string }[];
}

export const NORTH_KOREAN = { key: 'loc:north-korea', type: 'location', name: 'North Korea', surface: 'North Korean' } as const;
export const RUSSIA = { key: 'loc:russia', type: 'location', name: 'Russia', surface: 'Russia' } as const;

/** A report of the given sentences, with a hand-made extraction (no extractor involved). */
export function fixtureReport(
  origin: string,
  meta: { source: string; published: string; marking?: Marking },
  sentences: readonly FixtureSentence[],
): ReportInput {
  const text = sentences.map((s) => s.text).join(' ');
  const entities = new Map<string, Entity>();
  const claims: Claim[] = [];
  let at = 0;
  for (const s of sentences) {
    const sentence = { start: at, end: at + s.text.length };
    const n = s.text.indexOf(s.number);
    if (n < 0) throw new Error(`fixture ${origin}: "${s.number}" is not in "${s.text}"`);
    for (const e of s.entities ?? []) {
      const m = s.text.indexOf(e.surface);
      if (m < 0) throw new Error(`fixture ${origin}: "${e.surface}" is not in "${s.text}"`);
      let entity = entities.get(e.key);
      if (!entity) entities.set(e.key, (entity = { key: e.key, name: e.name, type: e.type, aliases: [], role: null, mentions: [] }));
      entity.mentions.push({ start: at + m, end: at + m + e.surface.length, text: e.surface });
    }
    claims.push({
      span: { start: at + n, end: at + n + s.number.length },
      sentence,
      value: { low: s.low, high: s.high ?? s.low },
      unit: s.unit,
      counted: s.counted,
      countedSpan: null,
      per: null,
      qualifier: s.qualifier ?? 'exact',
      vague: false,
      attributedTo: s.attributedTo ?? null,
      speakerKey: s.speakerKey ?? null,
      speakerSpan: null,
      time: s.time ? { ...s.time, text: null, span: null } : null,
      location: s.location ?? null,
      locationSpan: null,
    });
    at += s.text.length + 1;
  }
  const doc: CollectedDocument = {
    origin,
    format: 'text',
    text,
    title: null,
    published: meta.published,
    url: null,
    source: meta.source,
    main: { start: 0, end: text.length },
    boilerplate: [],
  };
  return prepareReport(doc, { extraction: { entities: [...entities.values()], claims, messages: [] }, marking: meta.marking ?? DEFAULT_MARKING });
}

/** "N North Korean troops … in Russia": the most common proposition of the reporting. */
export function troopsInRussia(text: string, number: string, low: number, extra: Partial<FixtureSentence> = {}): FixtureSentence {
  return { text, number, low, unit: 'troops', counted: 'North Korean troops', location: 'Russia', entities: [NORTH_KOREAN, RUSSIA], ...extra };
}
