/** Scales and ticks for the SVG charts: linear or log values, days on the time axis. */

export interface Scale {
  /** Value → pixel. */
  at(v: number): number;
  ticks: { value: number; label: string }[];
  log: boolean;
}

const DAY_MS = 86_400_000;

export const dayNumber = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS;
export const isoDay = (day: number): string => new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);

/** "12k", "1.5M", "250": short labels for axis ticks. */
export function shortNumber(v: number): string {
  const abs = Math.abs(v);
  const fmt = (x: number, suffix: string) => `${Number(x.toPrecision(3)).toString()}${suffix}`;
  if (abs >= 1e9) return fmt(v / 1e9, 'B');
  if (abs >= 1e6) return fmt(v / 1e6, 'M');
  if (abs >= 1e4) return fmt(v / 1e3, 'k');
  return Number(v.toPrecision(4)).toLocaleString('en-US');
}

/**
 * The value axis over [min, max] (positive values for log) drawn from pixel `bottom` up to `top`.
 * Log when the values span more than two decades, so 300 and 30,000 both stay readable.
 */
export function valueScale(min: number, max: number, bottom: number, top: number): Scale {
  const positive = min > 0;
  const log = positive && max / min > 100;
  if (log) {
    const lo = Math.floor(Math.log10(min));
    const hi = Math.ceil(Math.log10(max));
    const at = (v: number) => bottom - ((Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo)) * (bottom - top);
    const ticks: Scale['ticks'] = [];
    for (let e = lo; e <= hi; e++) {
      ticks.push({ value: 10 ** e, label: shortNumber(10 ** e) });
      if (hi - lo <= 3 && e < hi) for (const m of [2, 5]) ticks.push({ value: m * 10 ** e, label: shortNumber(m * 10 ** e) });
    }
    return { at, ticks, log };
  }
  const step = niceStep((max - Math.min(0, min)) / 5 || 1);
  const lo = Math.min(0, Math.floor(min / step) * step);
  const hi = Math.max(lo + step, Math.ceil(max / step) * step);
  const at = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const ticks: Scale['ticks'] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push({ value: v, label: shortNumber(v) });
  return { at, ticks, log };
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

/** The time axis over days [from, to] from pixel `left` to `right`: days, weeks, months or years as ticks. */
export function timeScale(from: number, to: number, left: number, right: number): Scale {
  const at = (d: number) => left + ((d - from) / (to - from)) * (right - left);
  const span = to - from;
  const ticks: Scale['ticks'] = [];
  if (span <= 21) {
    for (let d = Math.ceil(from); d <= to; d += span <= 10 ? 1 : 2) ticks.push({ value: d, label: isoDay(d).slice(5) });
  } else if (span <= 90) {
    // Mondays: day 4 of the epoch (1970-01-05) was one.
    for (let d = Math.ceil((from - 4) / 7) * 7 + 4; d <= to; d += 7) ticks.push({ value: d, label: isoDay(d).slice(5) });
  } else {
    const months = span <= 400 ? 1 : span <= 800 ? 3 : span <= 2000 ? 6 : 12;
    const start = new Date(from * DAY_MS);
    let y = start.getUTCFullYear();
    let m = start.getUTCMonth(); // 0-based
    for (let d = Date.UTC(y, m, 1) / DAY_MS; d <= to; d = Date.UTC(y, m, 1) / DAY_MS) {
      if (d >= from && m % months === 0) ticks.push({ value: d, label: months === 12 || m === 0 ? String(y) : isoDay(d).slice(0, 7) });
      if (++m === 12) {
        m = 0;
        y++;
      }
    }
  }
  return { at, ticks, log: false };
}
