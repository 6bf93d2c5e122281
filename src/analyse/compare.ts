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
  /** Statements of other sources saying exactly the same (same range, time and place). */
  cls: ValueClass | null;
  /** Filled in by compareStatements. */
  evidence: Evidence;
}

/** Independent sources for and against a statement, weighed by their reliability. */
export interface Evidence {
  corroborating: number;
  support: number;
  contradicting: number;
  opposition: number;
  /** A few of each, for the reasons shown to analysts. */
  agreeing: Statement[];
  disagreeing: Statement[];
}

/**
 * Statements with the same range, time and place, whatever their source: compared once as a
 * class, so a busy day with hundreds of sources saying the same costs one comparison, not
 * hundreds squared.
 */
export interface ValueClass {
  members: Statement[];
  lo: number;
  hi: number;
  s: number;
  e: number;
  place: string | null;
  /** Classes it agrees and disagrees with (the first LINKS_PER_CLASS of each). */
  agree: ValueClass[];
  disagree: ValueClass[];
  /** Its own sources: those that may corroborate (weight > 0) and all, with their weights. */
  forCount: number;
  forWeight: number;
  allCount: number;
  allWeight: number;
  /** Sums over every class it agrees / disagrees with, links kept or not. */
  agreeCount: number;
  agreeWeight: number;
  disagreeCount: number;
  disagreeWeight: number;
  /** Contradictions listed for it (at most LISTED_PER_CLASS). */
  listed: number;
}

export interface Contradiction {
  a: Statement;
  b: Statement;
  gap: number;
}

/**
 * A figure contradicted by many sources (an outlier among 60 others) is one story, not 60: a
 * contradiction is listed only while both sides have fewer than this many listed. Grades still
 * weigh every contradicting source.
 */
export const LISTED_PER_CLASS = 3;
/** Examples kept for reasons. */
const EXAMPLES = 5;
/** Up to this many sources for or against, sources are counted exactly (one source in two classes once). */
const EXACT_UP_TO = 256;
/**
 * Links kept per class and side. Beyond it only sums are kept: a day on which thousands of
 * sources all give different figures stays linear in memory (its comparisons remain pairwise).
 */
const LINKS_PER_CLASS = 256;

const noEvidence = (): Evidence => ({ corroborating: 0, support: 0, contradicting: 0, opposition: 0, agreeing: [], disagreeing: [] });

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
        cls: null,
        evidence: noEvidence(),
      };
      byKey.set(key, st);
    }
    st.members.push(p);
  }
  return [...byKey.values()];
}

/**
 * Compares the statements of one proposition, sweeping over time so that only statements with
 * near times meet (never all pairs of a long series):
 * - times are near when the intervals overlap, allowing `sameDays` of slack;
 * - two statements corroborate when their allowed ranges meet (same place, or either place unsaid);
 * - they conflict when the ranges cannot meet and both hold at the same time: ends at most
 *   `sameDays` apart and starts too, unless one is a point ("since October" vs today's figure).
 *   A later, higher figure is growth, not a conflict: its time differs.
 * - a place inside another's place (Kursk in Russia) is part of it: the part may be smaller,
 *   never larger; such pairs conflict only when the part exceeds the whole, and never corroborate.
 * Fills in each statement's evidence (sources of other names only) and returns the
 * contradictions to list (see LISTED_PER_CLASS).
 */
export function compareStatements(
  statements: Statement[],
  where: Containment,
  sameDays: number,
  weightOf: (source: string) => number,
): Contradiction[] {
  const classes = new Map<string, ValueClass>();
  for (const st of statements) {
    if (!st.comparable) continue;
    const key = `${st.lo}\u0000${st.hi}\u0000${st.s}\u0000${st.e}\u0000${st.place ?? ''}`;
    let c = classes.get(key);
    if (!c) {
      c = {
        members: [], lo: st.lo, hi: st.hi, s: st.s, e: st.e, place: st.place, agree: [], disagree: [],
        forCount: 0, forWeight: 0, allCount: 0, allWeight: 0, agreeCount: 0, agreeWeight: 0, disagreeCount: 0, disagreeWeight: 0, listed: 0,
      };
      classes.set(key, c);
    }
    c.members.push(st);
    st.cls = c;
    const w = weightOf(st.source);
    c.allCount++;
    c.allWeight += w;
    if (w > 0) {
      c.forCount++;
      c.forWeight += w;
    }
  }
  const timed = [...classes.values()].sort((x, y) => x.s - y.s || x.e - y.e);
  const out: Contradiction[] = [];
  const active: ValueClass[] = [];
  for (const x of timed) {
    let kept = 0;
    for (let i = 0; i < active.length; i++) {
      const a = active[i]!;
      if (a.e + sameDays < x.s) continue;
      active[kept++] = a;
      relate(a, x, where, sameDays, out);
    }
    active.length = kept;
    active.push(x);
  }
  for (const st of statements) if (st.cls) st.evidence = weigh(st, st.cls, weightOf);
  return out;
}

function relate(a: ValueClass, b: ValueClass, where: Containment, sameDays: number, out: Contradiction[]): void {
  let part: ValueClass | null = null;
  let whole: ValueClass | null = null;
  if (a.place !== null && b.place !== null && a.place !== b.place) {
    if (where.within(a.place, b.place)) [part, whole] = [a, b];
    else if (where.within(b.place, a.place)) [part, whole] = [b, a];
    else return; // Two different parts (Kursk, Belgorod): neither says anything about the other.
  } else if ((a.place === null) !== (b.place === null)) {
    // "10,000 troops in total" beside "8,000 in the Kursk region": a figure with no place is the
    // whole the proposition counts, a figure for a region inside it is a part.
    const placed = a.place !== null ? a : b;
    if (where.parentOf(placed.place!) !== null) [part, whole] = [placed, placed === a ? b : a];
  }
  const sameTime = Math.abs(a.e - b.e) <= sameDays && (Math.abs(a.s - b.s) <= sameDays || a.s === a.e || b.s === b.e);
  if (part !== null && whole !== null) {
    if (part.lo > whole.hi && sameTime) disagree(part, whole, part.lo - whole.hi, out);
    return;
  }
  if (a.lo <= b.hi && b.lo <= a.hi) {
    a.agreeCount += b.forCount;
    a.agreeWeight += b.forWeight;
    b.agreeCount += a.forCount;
    b.agreeWeight += a.forWeight;
    if (a.agree.length < LINKS_PER_CLASS) a.agree.push(b);
    if (b.agree.length < LINKS_PER_CLASS) b.agree.push(a);
  } else if (sameTime) {
    disagree(a, b, a.hi < b.lo ? b.lo - a.hi : a.lo - b.hi, out);
  }
}

function disagree(a: ValueClass, b: ValueClass, gap: number, out: Contradiction[]): void {
  a.disagreeCount += b.allCount;
  a.disagreeWeight += b.allWeight;
  b.disagreeCount += a.allCount;
  b.disagreeWeight += a.allWeight;
  if (a.disagree.length < LINKS_PER_CLASS) a.disagree.push(b);
  if (b.disagree.length < LINKS_PER_CLASS) b.disagree.push(a);
  // List it between statements of different sources (classes of one source only disagree with itself).
  const x = a.members[0]!;
  const y = b.members.find((m) => m.source !== x.source) ?? null;
  if (y === null || a.listed >= LISTED_PER_CLASS || b.listed >= LISTED_PER_CLASS) return;
  a.listed++;
  b.listed++;
  out.push({ a: x, b: y, gap });
}

/** Sources for and against one statement: its class-mates and agreeing classes, the disagreeing classes. */
function weigh(st: Statement, cls: ValueClass, weightOf: (source: string) => number): Evidence {
  const total = cls.allCount + cls.agreeCount + cls.disagreeCount;
  if (total <= EXACT_UP_TO && cls.agree.length < LINKS_PER_CLASS && cls.disagree.length < LINKS_PER_CLASS) {
    return tally(st, cls, weightOf);
  }
  // Hundreds of sources: the sums (a source in two classes may count twice), without its own source.
  const w = weightOf(st.source);
  const ev = noEvidence();
  ev.corroborating = cls.forCount + cls.agreeCount - (w > 0 ? 1 : 0);
  ev.support = cls.forWeight + cls.agreeWeight - (w > 0 ? w : 0);
  ev.contradicting = cls.disagreeCount;
  ev.opposition = cls.disagreeWeight;
  for (const m of cls.members) if (m !== st && ev.agreeing.length < EXAMPLES) ev.agreeing.push(m);
  for (const c of cls.agree) if (ev.agreeing.length < EXAMPLES) ev.agreeing.push(c.members[0]!);
  for (const c of cls.disagree) if (ev.disagreeing.length < EXAMPLES) ev.disagreeing.push(c.members[0]!);
  return ev;
}

/** Counts distinct sources for and against, other than the statement's own. */
function tally(self: Statement, cls: ValueClass, weightOf: (source: string) => number): Evidence {
  const ev = noEvidence();
  const seen = new Set<string>([self.source]);
  const add = (m: Statement, side: 'for' | 'against') => {
    if (seen.has(m.source)) return;
    seen.add(m.source);
    const w = weightOf(m.source);
    if (side === 'for') {
      // Unreliable (E) sources weigh nothing and do not count as corroboration.
      if (w <= 0) return;
      ev.corroborating++;
      ev.support += w;
      if (ev.agreeing.length < EXAMPLES) ev.agreeing.push(m);
    } else {
      ev.contradicting++;
      ev.opposition += w;
      if (ev.disagreeing.length < EXAMPLES) ev.disagreeing.push(m);
    }
  };
  for (const m of cls.members) add(m, 'for');
  for (const c of cls.agree) for (const m of c.members) add(m, 'for');
  // A source may appear on both sides (it gave two figures): it counts on each.
  seen.clear();
  seen.add(self.source);
  for (const c of cls.disagree) for (const m of c.members) add(m, 'against');
  return ev;
}
