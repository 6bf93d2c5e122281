import type { Proposition, SeriesEntry } from './api.js';
import { append, days, num, range, s } from './dom.js';
import { navigate } from './router.js';
import { hideTip, showTip, tipRows } from './tooltip.js';
import { h } from './dom.js';

/** Colours told apart by most eyes (Okabe–Ito, then Tableau), one per source. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#6a3d9a', '#8c564b', '#7f7f7f', '#bcbd22', '#17becf', '#1f3a93'];

export function sourceColours(series: readonly SeriesEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of series) if (!out.has(e.sourceKey)) out.set(e.sourceKey, PALETTE[out.size % PALETTE.length]!);
  return out;
}

const W = 1000;
const H = 340;
const M = { left: 72, right: 16, top: 14, bottom: 34 };
const DAY = 86_400_000;
const t = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

/**
 * The estimate chart: each claim at the time it holds (a horizontal stroke when that is a span of
 * days), the values it allows as a bar, its stated value as a point coloured by source; conflicts
 * joined by a red dashed line; the best estimate as a shaded band over its window. Points take the
 * keyboard focus and show their card; Enter opens the claim's sentence.
 */
export function estimateChart(p: Proposition, colours: Map<string, string>): SVGSVGElement {
  const dated = p.series.filter((e): e is SeriesEntry & { time: { start: string; end: string } } => e.time !== null);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, className: 'chart', role: 'group', 'aria-label': `Estimates of ${p.label} over time`, 'data-testid': 'estimate-chart' });
  if (dated.length === 0) {
    svg.appendChild(s('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', className: 'axis-label' }, 'No claim of this proposition has a time.'));
    return svg;
  }
  const est = p.estimate;
  let x0 = Math.min(...dated.map((e) => t(e.time.start)));
  let x1 = Math.max(...dated.map((e) => t(e.time.end) + DAY));
  if (est) {
    x0 = Math.min(x0, t(est.asOf.start));
    x1 = Math.max(x1, t(est.asOf.end) + DAY);
  }
  const pad = Math.max(DAY * 2, (x1 - x0) * 0.03);
  x0 -= pad;
  x1 += pad;
  const highs = dated.flatMap((e) => [e.allowed.high ?? e.value.high * 1.15, e.value.high]);
  if (est) highs.push(est.high ?? est.low * 1.15);
  const yTicks = niceTicks(0, Math.max(...highs, 1) * 1.05, 5);
  const y1 = yTicks[yTicks.length - 1]!;
  const X = (ms: number) => M.left + ((ms - x0) / (x1 - x0)) * (W - M.left - M.right);
  const Y = (v: number) => H - M.bottom - (Math.min(v, y1) / y1) * (H - M.top - M.bottom);

  const grid = s('g', { className: 'grid-lines' });
  for (const v of yTicks) {
    grid.append(s('line', { x1: M.left, x2: W - M.right, y1: Y(v), y2: Y(v) }), s('text', { x: M.left - 8, y: Y(v) + 4, 'text-anchor': 'end', className: 'axis-label' }, num(v)));
  }
  for (const ms of timeTicks(x0, x1)) {
    grid.append(s('line', { x1: X(ms), x2: X(ms), y1: M.top, y2: H - M.bottom, className: 'v' }), s('text', { x: X(ms), y: H - M.bottom + 18, 'text-anchor': 'middle', className: 'axis-label' }, new Date(ms).toISOString().slice(0, 7)));
  }
  svg.appendChild(grid);

  if (est) {
    const top = est.high === null ? M.top : Y(est.high);
    const left = X(t(est.asOf.start));
    const right = Math.max(left + 4, X(t(est.asOf.end) + DAY));
    svg.append(
      s('rect', { x: left, y: top, width: right - left, height: Math.max(2, Y(est.low) - top), className: 'band' }),
      s('text', { x: right - 4, y: top - 4, 'text-anchor': 'end', className: 'band-label' }, `best ${range(est.low, est.high)}`),
    );
  }

  const at = new Map<string, { x: number; y: number }>();
  const marks = s('g', { className: 'marks' });
  for (const e of dated) {
    const colour = colours.get(e.sourceKey) ?? '#888';
    const left = X(t(e.time.start));
    const right = Math.max(left + 2, X(t(e.time.end) + DAY));
    const cx = (left + right) / 2;
    const cy = Y((e.value.low + e.value.high) / 2);
    at.set(e.claimId, { x: cx, y: cy });
    const top = e.allowed.high === null ? M.top : Y(e.allowed.high);
    const g = s('g', { className: `mark${e.vague ? ' vague' : ''}`, tabindex: 0, role: 'link', 'aria-label': `${e.sourceLabel}: ${range(e.value.low, e.value.high)}, ${days(e.time.start, e.time.end)}`, 'data-claim': e.claimId });
    append(g, [
      // An open range ("at least …") fades out upwards: it has no top to draw.
      s('rect', { x: cx - 3.5, y: top, width: 7, height: Math.max(2, Y(e.allowed.low) - top), fill: colour, className: e.allowed.high === null ? 'range-bar open' : 'range-bar' }),
      s('line', { x1: left, x2: right, y1: cy, y2: cy, stroke: colour, className: 'span-line' }),
      e.value.low !== e.value.high ? s('line', { x1: cx, x2: cx, y1: Y(e.value.high), y2: Y(e.value.low), stroke: colour, className: 'stated-line' }) : null,
      s('circle', { cx, cy, r: 5, fill: colour, className: 'point' }),
    ]);
    const open = () => navigate(`/reports/${e.reportId}?claim=${e.claimId}`);
    const card = () => [
      h('div', { className: 'tip-title' }, `${range(e.value.low, e.value.high)} — ${e.sourceLabel}`),
      tipRows([
        ['holds', days(e.time.start, e.time.end)],
        ['allows', range(e.allowed.low, e.allowed.high)],
        ['stated', `${range(e.stated.low, e.stated.high)} ${e.stated.unit}${e.stated.per ? ` per ${e.stated.per}` : ''}`],
        ['via', e.outlet],
        ['grade', `${e.reliability}${e.credibility} — ${e.credibilityLabel}`],
        ['sentence', e.sentence],
      ]),
    ];
    g.addEventListener('mouseenter', (ev) => showTip(g, card(), { x: (ev as MouseEvent).clientX, y: (ev as MouseEvent).clientY }));
    g.addEventListener('focus', () => showTip(g, card()));
    g.addEventListener('mouseleave', hideTip);
    g.addEventListener('blur', hideTip);
    g.addEventListener('click', open);
    g.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') open();
    });
    marks.appendChild(g);
  }
  const conflictLayer = s('g', { className: 'conflicts' });
  for (const c of p.conflicts) {
    const a = at.get(c.a.claimId);
    const b = at.get(c.b.claimId);
    if (!a || !b) continue;
    conflictLayer.append(
      s('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, className: 'conflict-line' }, s('title', null, c.why)),
      s('circle', { cx: a.x, cy: a.y, r: 9, className: 'conflict-ring' }),
      s('circle', { cx: b.x, cy: b.y, r: 9, className: 'conflict-ring' }),
    );
  }
  svg.append(conflictLayer, marks, s('line', { x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom, className: 'axis' }), s('line', { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, className: 'axis' }));
  return svg;
}

/** About `count` round ticks from lo to at least hi. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v < hi + step; v += step) {
    out.push(v);
    if (v >= hi) break;
  }
  return out;
}

/** First days of months (or of every n-th month) between two times, about eight of them. */
function timeTicks(from: number, to: number): number[] {
  const months = (to - from) / (30 * DAY);
  const every = [1, 2, 3, 6, 12, 24].find((n) => months / n <= 8) ?? 48;
  const d = new Date(from);
  const out: number[] = [];
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth() + 1;
  for (;;) {
    if (m > 11) {
      y += Math.floor(m / 12);
      m %= 12;
    }
    const ms = Date.UTC(y, m, 1);
    if (ms > to) break;
    if (m % every === 0 || every === 1) out.push(ms);
    m++;
  }
  return out;
}
