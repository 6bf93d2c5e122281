import type { Containment } from './places.js';
import type { Prepared } from './prepare.js';

/**
 * One statement: what one independent source says about one proposition for one time, with the
 * claims that carry it (the original and its syndicated copies, or several outlets relaying the
 * same speaker). Copies are the same statement, so they count once.
 */
export interface Statement {
  source: string;
  members: Prepared[];
  lo: number;
  hi: number;
  s: number;
  e: number;
  place: string | null;
  comparable: boolean;
  /** Independent sources whose statements agree with this one for an overlapping time. */
  corroborators: Map<string, Statement>;
  /** Independent sources whose statements cannot hold at the same time as this one. */
  contradictors: Map<string, Statement>;
  /** Contradictions listed for it (at most LISTED_PER_STATEMENT). */
  listed: number;
}

/**
 * A statement contradicted by many sources (an outlier among 60 others) is one story, not 60:
 * a contradiction is listed only while both statements have fewer than this many listed. Grades
 * still count every contradicting source.
 */
export const LISTED_PER_STATEMENT = 3;

/**
 * Sources kept per statement as corroborators (and as contradictors): beyond this many, more
 * agreement changes no grade, and keeping them all would grow as the square of a busy day.
 */
export const KEPT_PER_STATEMENT = 64;

export interface Contradiction {
  a: Statement;
  b: Statement;
  gap: number;
}

export function statementsOf(members: readonly Prepared[]): Statement[] {
  const byKey = new Map<string, Statement>();
  for (const p of members) {
    const key = `${p.source.key}\u0000${p.lo}\u0000${p.hi}\u0000${p.s}\u0000${p.e}\u0000${p.about.place ?? ''}\u0000${p.comparable}`;
    let st = byKey.get(key);
    if (!st) {
      st = {
        source: p.source.key,
        members: [],
        lo: p.lo,
        hi: p.hi,
        s: p.s,
        e: p.e,
        place: p.about.place,
        comparable: p.comparable,
        corroborators: new Map(),
        contradictors: new Map(),
        listed: 0,
      };
      byKey.set(key, st);
    }
    st.members.push(p);
  }
  return [...byKey.values()];
}

/**
 * Compares statements of one proposition from different sources, sweeping over time so that
 * only statements with near times meet (never all pairs of a long series):
 * - times are near when the intervals overlap, allowing `sameDays` of slack;
 * - they corroborate when their allowed ranges meet (same place, or either place unsaid);
 * - they conflict when the ranges cannot meet and both hold at the same time: ends at most
 *   `sameDays` apart and starts too, unless one is a point ("since October" vs today's figure).
 *   A later, higher figure is growth, not a conflict: its time differs.
 * - a place inside another's place (Kursk in Russia) is part of it: the part may be smaller,
 *   never larger; such pairs conflict only when the part exceeds the whole, and never corroborate.
 * Returns the contradictions to list (see LISTED_PER_STATEMENT); corroborators and all
 * contradictors are filled in on the statements.
 */
export function compareStatements(statements: Statement[], where: Containment, sameDays: number): Contradiction[] {
  const timed = statements.filter((s) => s.comparable).sort((x, y) => x.s - y.s || x.e - y.e);
  const out: Contradiction[] = [];
  let active: Statement[] = [];
  for (const x of timed) {
    let kept = 0;
    for (let i = 0; i < active.length; i++) {
      const a = active[i]!;
      if (a.e + sameDays < x.s) continue;
      active[kept++] = a;
      if (a.source === x.source) continue;
      relate(a, x, where, sameDays, out);
    }
    active.length = kept;
    active.push(x);
  }
  active = [];
  return out;
}

function relate(a: Statement, b: Statement, where: Containment, sameDays: number, out: Contradiction[]): void {
  let part: Statement | null = null;
  let whole: Statement | null = null;
  if (a.place !== null && b.place !== null && a.place !== b.place) {
    if (where.within(a.place, b.place)) [part, whole] = [a, b];
    else if (where.within(b.place, a.place)) [part, whole] = [b, a];
    else return; // Two different parts (Kursk, Belgorod): neither says anything about the other.
  }
  const sameTime =
    Math.abs(a.e - b.e) <= sameDays && (Math.abs(a.s - b.s) <= sameDays || a.s === a.e || b.s === b.e);
  if (part !== null && whole !== null) {
    if (part.lo > whole.hi && sameTime) record(part, whole, part.lo - whole.hi, out);
    return;
  }
  if (a.lo <= b.hi && b.lo <= a.hi) {
    if (a.corroborators.size < KEPT_PER_STATEMENT && !a.corroborators.has(b.source)) a.corroborators.set(b.source, b);
    if (b.corroborators.size < KEPT_PER_STATEMENT && !b.corroborators.has(a.source)) b.corroborators.set(a.source, a);
  } else if (sameTime) {
    record(a, b, a.hi < b.lo ? b.lo - a.hi : a.lo - b.hi, out);
  }
}

function record(a: Statement, b: Statement, gap: number, out: Contradiction[]): void {
  if (a.contradictors.size < KEPT_PER_STATEMENT) a.contradictors.set(b.source, b);
  if (b.contradictors.size < KEPT_PER_STATEMENT) b.contradictors.set(a.source, a);
  if (a.listed >= LISTED_PER_STATEMENT || b.listed >= LISTED_PER_STATEMENT) return;
  a.listed++;
  b.listed++;
  out.push({ a, b, gap });
}
