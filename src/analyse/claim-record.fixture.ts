import type { ClaimEntityRef, ClaimRecord } from './claim-record.js';

/** Test helper: a claim record from a sentence of our own, the number found in it by text. */
export interface FixtureInput extends Partial<Omit<ClaimRecord, 'value'>> {
  id: string;
  sentenceText: string;
  /** The number expression as written in the sentence ("11,000"). */
  number: string;
  low: number;
  high?: number;
  unit: string;
}

export function claim(f: FixtureInput): ClaimRecord {
  const { number, low, high, ...rest } = f;
  const numberAt = f.sentenceText.indexOf(number);
  if (numberAt < 0) throw new Error(`fixture ${f.id}: "${number}" is not in the sentence`);
  return {
    reportId: `r-${f.id}`,
    published: '2024-11-01',
    source: null,
    originalReportId: null,
    time: null,
    counted: null,
    per: null,
    qualifier: 'exact',
    vague: false,
    attributedTo: null,
    speakerKey: null,
    location: null,
    entities: [],
    ...rest,
    value: { low, high: high ?? low },
    numberAt,
  };
}

export const loc = (slug: string, name: string): ClaimEntityRef => ({ key: `loc:${slug}`, type: 'location', name });
export const org = (slug: string, name: string): ClaimEntityRef => ({ key: `org:${slug}`, type: 'organization', name });
