import { CREDIBILITY, RELIABILITY, reliabilityWeight, type CredibilityGrade, type ReliabilityGrade } from './admiralty.js';
import type { Statement } from './compare.js';
import { formatRange, isoOfDay } from './intervals.js';

const EPS = 1e-9;

export interface Graded {
  grade: CredibilityGrade;
  reasons: string[];
}

export interface SourceInfo {
  label: string;
  grade: ReliabilityGrade;
}

/**
 * Information credibility (1–6) of a statement, from corroboration and conflict among
 * independent sources, weighing each source by its reliability (taxonomy value: A 1, B .75,
 * C .5, D .25, E 0, F .5). Support = the statement's own source + its corroborators; opposition =
 * the sources it conflicts with.
 *
 * 6 cannot be judged: a vague amount, or no time at all (nothing to compare with).
 * No conflict: 1 confirmed by ≥ 2 other independent sources, 2 probably true with 1, 3 possibly
 *   true with none.
 * Contested but the support outweighs the opposition: 2 with ≥ 2 corroborators, else 3.
 * Opposition equal to support, or stronger by one source of less than twice the weight: 4 doubtful.
 * Opposition from several sources and stronger, or from better sources (≥ twice the weight): 5 improbable.
 * Corroborators from unreliable (E) sources weigh nothing and are not counted.
 */
export function gradeStatement(st: Statement, sources: ReadonlyMap<string, SourceInfo>): Graded {
  const own = sources.get(st.source)!;
  const reasons: string[] = [`source: ${own.label} (reliability ${own.grade}: ${RELIABILITY[own.grade].label})`];
  const copies = st.members.length;
  const outlets = new Set(st.members.map((m) => m.source.outlet)).size;
  if (copies > 1) {
    reasons.push(`${copies} claims carry this statement (${outlets} outlet${outlets === 1 ? '' : 's'}, copies and relays of one source): counted once`);
  }
  if (!st.comparable) {
    const first = st.members[0]!;
    reasons.push(
      first.rec.vague
        ? 'vague amount: too imprecise to corroborate or contradict'
        : 'no time and no publication date: cannot be set against other claims',
    );
    return { grade: 6, reasons };
  }
  const describe = (o: Statement) => {
    const info = sources.get(o.source)!;
    return `${info.label} (${info.grade}) ${formatRange(o.lo, o.hi)} ${isoOfDay(o.s)}${o.e !== o.s ? '–' + isoOfDay(o.e) : ''}`;
  };
  const ev = st.evidence;
  const support = reliabilityWeight(own.grade) + ev.support;
  const opposition = ev.opposition;
  const corroborating = ev.corroborating;
  const corroborators = ev.agreeing.map(describe);
  const contradictors = ev.disagreeing.map(describe);
  const more = (n: number, shown: number) => (n > shown ? ` and ${n - shown} more` : '');
  if (corroborating > 0) {
    reasons.push(`corroborated by ${corroborating} independent source${corroborating === 1 ? '' : 's'}: ${corroborators.join('; ')}${more(corroborating, corroborators.length)}`);
  } else {
    reasons.push('no other independent source gives a compatible value for an overlapping time');
  }
  const conflicting = ev.contradicting;
  let grade: CredibilityGrade;
  if (conflicting === 0) {
    grade = corroborating >= 2 ? 1 : corroborating === 1 ? 2 : 3;
    if (grade === 3) reasons.push('not contradicted either');
  } else {
    reasons.push(`contradicted by ${conflicting} independent source${conflicting === 1 ? '' : 's'} for the same time: ${contradictors.join('; ')}${more(conflicting, contradictors.length)}`);
    const weights = `support ${support.toFixed(2)} against opposition ${opposition.toFixed(2)} (reliability weights)`;
    if (opposition < support - EPS) {
      grade = corroborating >= 2 ? 2 : 3;
      reasons.push(`${weights}: the contradiction is outweighed`);
    } else if (opposition > support + EPS && (conflicting >= 2 || opposition >= 2 * support - EPS)) {
      grade = 5;
      reasons.push(`${weights}: contradicted by ${conflicting >= 2 ? 'several' : 'better'} sources`);
    } else {
      grade = 4;
      reasons.push(`${weights}: ${Math.abs(opposition - support) <= EPS ? 'as strong as' : 'outweighed by'} the contradiction`);
    }
  }
  reasons.push(`grade ${grade}: ${CREDIBILITY[grade].label}`);
  return { grade, reasons };
}
