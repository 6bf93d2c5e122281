import { stableHash } from './hash.js';
import type { Prepared } from './prepare.js';

/**
 * Grouping claims into propositions: the same measured thing (canonical measure and period) about
 * the same subject and place. A proposition key reads `measure|per|subject|place`; for money and
 * shares the subject is the pair of parties ("loc:north-korea+loc:russia") and place is not used.
 *
 * A claim that leaves the subject or the place unsaid joins the one proposition that matches it
 * on everything it does say, when there is exactly one; otherwise it forms its own proposition
 * (with the part it does not say left empty), which an analyst can merge.
 */
export interface Group {
  id: string;
  key: string;
  members: Prepared[];
  origin: 'grouped' | 'merged' | 'split';
  mergedFrom: string[];
  /** Set by a split: the analyst's label. */
  label: string | null;
  measure: string;
  per: string | null;
  subjects: string[];
  place: string | null;
}

export const propositionId = (key: string): string => `p-${stableHash(key)}`;

interface Dims {
  base: string;
  subject: string | null;
  place: string | null;
  complete: boolean;
}

function dimsOf(p: Prepared): Dims {
  // A share of something unsaid ("half of them failed") cannot be compared with other shares:
  // it stands alone rather than lumping unrelated percentages into one proposition.
  const alone = p.measure.kind === 'share' && p.measure.base === 'unspecified' ? `#${p.rec.id}` : '';
  const base = `${p.measure.key}${alone}|${p.per ?? ''}`;
  if (p.measure.kind === 'count') {
    const subject = p.about.subject;
    const place = p.placeRoot;
    return { base, subject, place, complete: subject !== null && place !== null };
  }
  const parties = [...new Set([p.about.subject, p.about.counterpart].filter((x): x is string => x !== null))].sort();
  return { base, subject: parties.length === 0 ? null : parties.join('+'), place: null, complete: parties.length === 2 };
}

const matches = (d: Dims, full: Dims): boolean => {
  if (d.place !== null && d.place !== full.place) return false;
  if (d.subject === null) return true;
  return d.subject === full.subject || (full.subject !== null && full.subject.split('+').includes(d.subject));
};

const keyOf = (d: Dims): string => `${d.base}|${d.subject ?? ''}|${d.place ?? ''}`;

export function groupClaims(prepared: readonly Prepared[]): Map<string, Group> {
  const dims = prepared.map(dimsOf);
  const completeByBase = new Map<string, Map<string, Dims>>();
  for (const d of dims) {
    if (!d.complete) continue;
    let m = completeByBase.get(d.base);
    if (!m) completeByBase.set(d.base, (m = new Map()));
    m.set(keyOf(d), d);
  }
  const attachCache = new Map<string, Dims | null>();
  const groups = new Map<string, Group>();
  for (let i = 0; i < prepared.length; i++) {
    const p = prepared[i]!;
    let d = dims[i]!;
    if (!d.complete) {
      const partial = keyOf(d);
      let target = attachCache.get(partial);
      if (target === undefined) {
        const candidates = [...(completeByBase.get(d.base)?.values() ?? [])].filter((full) => matches(d, full));
        target = candidates.length === 1 ? candidates[0]! : null;
        attachCache.set(partial, target);
      }
      if (target !== null) {
        if (p.measure.kind === 'count' && d.place === null) p.placeFrom = 'proposition';
        d = target;
      }
    }
    const key = keyOf(d);
    let g = groups.get(key);
    if (!g) {
      const [measure, per] = d.base.split('|') as [string, string];
      g = {
        id: propositionId(key),
        key,
        members: [],
        origin: 'grouped',
        mergedFrom: [],
        label: null,
        measure,
        per: per === '' ? null : per,
        subjects: d.subject === null ? [] : d.subject.split('+'),
        place: d.place,
      };
      groups.set(key, g);
    }
    g.members.push(p);
  }
  const byId = new Map<string, Group>();
  for (const g of groups.values()) byId.set(g.id, g);
  return byId;
}
