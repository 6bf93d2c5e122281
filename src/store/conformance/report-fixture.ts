import assert from 'node:assert/strict';
import type { Claim, Extraction } from '../../domain/claim.js';
import type { CollectedDocument } from '../../domain/document.js';
import type { Entity } from '../../domain/entity.js';
import { DEFAULT_MARKING, type Marking } from '../../domain/marking.js';
import { prepareReport } from '../prepare-report.js';

// Test helper: one body of our own with a hand-made extraction (what the stages would find).
export const BODY =
  'Seoul said on Monday that roughly 12,000 North Korean troops were fighting near Kursk. ' +
  'Defence minister Kim Yong-hyun told lawmakers that Pyongyang had sent 20 self-propelled guns as well. ' +
  'The ministry expects further shipments of shells through the winter, officials in Seoul added.';

export function doc(origin: string, text: string, extra: Partial<CollectedDocument> = {}): CollectedDocument {
  return {
    origin,
    format: 'text',
    text,
    title: null,
    published: '2024-11-04',
    url: null,
    source: null,
    main: { start: 0, end: text.length },
    boilerplate: [],
    ...extra,
  };
}

/** A hand-made extraction of BODY placed at `offset` in a text (what the stages would find). */
export function extractionOf(text: string): Extraction {
  const at = (s: string) => {
    const start = text.indexOf(s);
    assert.ok(start >= 0, s);
    return { start, end: start + s.length };
  };
  const sentence1 = at('Seoul said on Monday that roughly 12,000 North Korean troops were fighting near Kursk.');
  const sentence2 = at('Defence minister Kim Yong-hyun told lawmakers that Pyongyang had sent 20 self-propelled guns as well.');
  const kim: Entity = {
    key: 'per:kim-yong-hyun',
    name: 'Kim Yong-hyun',
    type: 'person',
    aliases: [],
    role: 'Defence minister',
    mentions: [{ ...at('Kim Yong-hyun'), text: 'Kim Yong-hyun' }],
  };
  const nk: Entity = {
    key: 'loc:north-korea',
    name: 'North Korea',
    type: 'location',
    aliases: ['Pyongyang'],
    role: null,
    mentions: [
      { ...at('North Korean'), text: 'North Korean' },
      { ...at('Pyongyang'), text: 'Pyongyang' },
    ],
  };
  const base = { countedSpan: null, per: null, vague: false, speakerSpan: null, locationSpan: null } as const;
  const claims: Claim[] = [
    {
      ...base,
      span: at('roughly 12,000'),
      sentence: sentence1,
      value: { low: 12000, high: 12000 },
      unit: 'troops',
      counted: 'North Korean troops',
      qualifier: 'approximate',
      attributedTo: 'Seoul',
      speakerKey: null,
      time: { start: '2024-11-04', end: '2024-11-04', text: null, span: null },
      location: 'Kursk',
    },
    {
      ...base,
      span: at('20'),
      sentence: sentence2,
      value: { low: 20, high: 20 },
      unit: 'guns',
      counted: 'self-propelled guns',
      qualifier: 'exact',
      attributedTo: 'Kim Yong-hyun',
      speakerKey: 'per:kim-yong-hyun',
      time: { start: '2024-06-01', end: '2024-10-31', text: 'since June', span: null },
      location: null,
    },
  ];
  return { entities: [kim, nk], claims, messages: [] };
}

export function input(d: CollectedDocument, marking: Marking = DEFAULT_MARKING) {
  return prepareReport(d, { extraction: extractionOf(d.text), marking });
}
