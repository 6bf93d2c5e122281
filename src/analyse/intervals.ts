import type { Qualifier } from '../domain/claim.js';

/** Day number (days since 1970-01-01, UTC) of an ISO date or date-time; NaN when unreadable. */
export function dayOf(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!(y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return NaN;
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

const isoCache = new Map<number, string>();

/** ISO date of a day number (memoised: analyses see a few thousand distinct days). */
export function isoOfDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = Number.isFinite(day) ? new Date(day * 86_400_000).toISOString().slice(0, 10) : 'unknown';
    if (isoCache.size < 100_000) isoCache.set(day, s);
  }
  return s;
}

export interface Tolerances {
  /** Relative slack of an "approximately" value (default 0.05: "about 10,000" reads 9,500–10,500). */
  approximate: number;
  /** Relative slack of an exact value (default 0: the brief keeps exact values exact). */
  exact: number;
  /** Vague amounts ("thousands") read with this slack (default 0.5); they never conflict anyway. */
  vague: number;
}

export const DEFAULT_TOLERANCES: Tolerances = { approximate: 0.05, exact: 0, vague: 0.5 };

/**
 * The values a claim allows, given its qualifier: "up to 12,000" allows 0–12,000, "at least 25,000"
 * 25,000 and more (high = Infinity), "about 10,000" 9,500–10,500.
 */
export function allowedRange(low: number, high: number, qualifier: Qualifier, vague: boolean, tol: Tolerances): [number, number] {
  const lo = Math.min(low, high);
  const hi = Math.max(low, high);
  const slack = vague ? tol.vague : qualifier === 'approximate' ? tol.approximate : qualifier === 'exact' ? tol.exact : 0;
  switch (qualifier) {
    case 'at_most':
      return [Math.min(0, lo), hi * (1 + (vague ? tol.vague : 0))];
    case 'at_least':
      return [lo * (1 - (vague ? tol.vague : 0)), Infinity];
    default:
      return [lo - Math.abs(lo) * slack, hi + Math.abs(hi) * slack];
  }
}

/** Whether two closed ranges share a value. */
export const rangesMeet = (aLo: number, aHi: number, bLo: number, bHi: number): boolean => aLo <= bHi && bLo <= aHi;

/** 12,000 → "12,000"; 1.5e9 → "1,500,000,000"; 0.35 → "0.35"; Infinity → "∞". */
/** Large amounts as people write them: "1.7 billion", "61.2 trillion" (from a billion up). */
const LARGE: ReadonlyArray<readonly [number, string]> = [[1e12, 'trillion'], [1e9, 'billion']];

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '−∞';
  for (const [size, name] of LARGE) {
    if (Math.abs(n) >= size) return `${Math.round((n / size) * 100) / 100} ${name}`;
  }
  const r = Math.round(n * 100) / 100;
  const abs = Math.abs(r);
  const int = Math.floor(abs);
  const digits = String(int);
  if (digits.includes('e')) return String(r);
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
  const frac = abs - int;
  return `${r < 0 ? '-' : ''}${out}${frac > 0 ? String(Math.round(frac * 100) / 100).slice(1) : ''}`;
}

export function formatRange(lo: number, hi: number): string {
  if (hi === Infinity) return `at least ${formatNumber(lo)}`;
  if (lo <= 0 && hi > 0) return `up to ${formatNumber(hi)}`;
  return lo === hi ? formatNumber(lo) : `${formatNumber(lo)}–${formatNumber(hi)}`;
}
