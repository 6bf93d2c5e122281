import type { Conflict, Proposition, SeriesEntry } from '../../analyse/index.js';
import { dayNumber, shortNumber, timeScale, valueScale } from './scales.js';

/**
 * Colours for sources: Tableau 10, then ten more of Tableau 20 that differ from all of those (and
 * from the conflict red), so a proposition with eleven sources no longer paints two alike. Beyond
 * twenty they are reused in order.
 */
const PALETTE = [
  '#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#76b7b2', '#edc948', '#9c755f', '#ff9da7', '#bab0ac', '#17becf',
  '#a0cbe8', '#ffbe7d', '#8cd17d', '#b6992d', '#499894', '#d37295', '#79706e', '#f1ce63', '#d4a6c8', '#86bcb6',
];
const CONFLICT = '#d62728';
const WIDTH = 1000;
const HEIGHT = 560;
const PLOT = { left: 80, right: WIDTH - 250, top: 64, bottom: HEIGHT - 56 };

/**
 * A proposition's estimates over time as a standalone SVG: time on x, value on y (log when values
 * span more than two decades); per claim a bar of the range it allows over the time it holds and
 * a point at its stated value, coloured by independent source (hollow for a copy or relay);
 * conflicts joined by a dashed red line; the best estimate a shaded band over its window.
 * Plain SVG 1.1, no script, no external resources.
 */
export function estimatesSvg(p: Proposition, conflicts: readonly Conflict[]): string {
  const dated = p.series.filter((s): s is SeriesEntry & { time: { start: string; end: string } } => s.time !== null);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(p.label)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${PLOT.left}" y="24" font-size="16" font-weight="bold">${esc(clip(p.label, 90))}</text>`,
  );
  const undated = p.series.length - dated.length;
  out.push(
    `<text x="${PLOT.left}" y="44" fill="#555">${esc(
      `${p.measure}${p.per ? ` per ${p.per}` : ''} · ${p.series.length} claims · ${new Set(p.series.map((s) => s.sourceKey)).size} sources · ` +
        `${p.conflictIds.length} conflicts${undated > 0 ? ` · ${undated} undated claims not drawn` : ''}`,
    )}</text>`,
  );
  if (dated.length === 0) {
    out.push(`<text x="${PLOT.left}" y="${PLOT.top + 40}">No dated claims to draw.</text></svg>`);
    return out.join('\n') + '\n';
  }

  // Axes' domains: every drawn day and value, the best estimate's included.
  let first = Infinity;
  let last = -Infinity;
  let min = Infinity;
  let max = -Infinity;
  let unbounded = false;
  const seeValue = (v: number) => {
    if (!Number.isFinite(v)) return;
    if (v > 0 || min > 0) min = Math.min(min, v);
    max = Math.max(max, v);
  };
  for (const s of dated) {
    first = Math.min(first, dayNumber(s.time.start));
    last = Math.max(last, dayNumber(s.time.end));
    seeValue(s.value.low);
    seeValue(s.value.high);
    if (s.allowed.low > 0) seeValue(s.allowed.low);
    if (s.allowed.high === null) unbounded = true;
    else seeValue(s.allowed.high);
  }
  const est = p.estimate;
  if (est) {
    first = Math.min(first, dayNumber(est.asOf.start));
    last = Math.max(last, dayNumber(est.asOf.end));
    seeValue(est.low);
    if (est.high !== null) seeValue(est.high);
  }
  if (!Number.isFinite(min)) min = 0;
  if (max <= min) max = min === 0 ? 1 : min * 1.5;
  // Room above the highest value for the arrows of "at least" claims.
  const y = valueScale(min > 0 ? min : 0, unbounded ? max * 1.25 : max * 1.05, PLOT.bottom, PLOT.top);
  const pad = Math.max(3, (last - first) * 0.04);
  const x = timeScale(first - pad, last + pad, PLOT.left, PLOT.right);
  const yTop = PLOT.top;
  const yOf = (v: number) => clamp(y.at(v), yTop, PLOT.bottom);

  // Grid and axes.
  out.push('<g class="axes" stroke="#ddd">');
  for (const t of y.ticks) out.push(`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${f(y.at(t.value))}" y2="${f(y.at(t.value))}"/>`);
  for (const t of x.ticks) out.push(`<line x1="${f(x.at(t.value))}" x2="${f(x.at(t.value))}" y1="${PLOT.top}" y2="${PLOT.bottom}"/>`);
  out.push(`<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}" fill="none" stroke="#888"/>`);
  out.push('</g>', '<g class="labels" fill="#333">');
  for (const t of y.ticks) out.push(`<text x="${PLOT.left - 6}" y="${f(y.at(t.value) + 4)}" text-anchor="end">${esc(t.label)}</text>`);
  for (const t of x.ticks) out.push(`<text x="${f(x.at(t.value))}" y="${PLOT.bottom + 16}" text-anchor="middle">${esc(t.label)}</text>`);
  out.push(
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="${HEIGHT - 14}" text-anchor="middle">time the claim holds</text>`,
    `<text transform="translate(18 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(
      `${unitName(p)}${y.log ? ' (log scale)' : ''}`,
    )}</text>`,
    '</g>',
  );

  // The best estimate: a band over the window it describes, labelled.
  if (est) {
    const x0 = x.at(dayNumber(est.asOf.start));
    const x1 = Math.max(x0 + 8, x.at(dayNumber(est.asOf.end)));
    const top = est.high === null ? yTop : yOf(est.high);
    const bottom = Math.max(top + 3, yOf(est.low));
    out.push(
      `<g class="best-estimate"><rect x="${f(x0 - 4)}" y="${f(top)}" width="${f(x1 - x0 + 8)}" height="${f(bottom - top)}" fill="#2ca02c" fill-opacity="0.15" stroke="#2ca02c" stroke-dasharray="2 2">` +
        `<title>${esc(`best estimate ${rangeText(est.low, est.high)} (${est.asOf.start} to ${est.asOf.end}): ${est.why}`)}</title></rect>` +
        // Above the band, reading leftwards when the band is near the right edge.
        `<text x="${f(x1 + 120 > PLOT.right ? x1 : x0)}" y="${f(Math.max(top - 5, yTop + 12))}" fill="#2ca02c" text-anchor="${x1 + 120 > PLOT.right ? 'end' : 'start'}">${esc(`best ${rangeText(est.low, est.high)}`)}</text></g>`,
    );
  }

  // Colours by independent source, in order of first appearance.
  const colours = new Map<string, { colour: string; label: string }>();
  for (const s of p.series) {
    if (!colours.has(s.sourceKey)) colours.set(s.sourceKey, { colour: PALETTE[colours.size % PALETTE.length]!, label: s.sourceLabel });
  }
  const inConflict = new Set<string>();
  for (const c of conflicts) for (const id of [...c.a.claimIds, ...c.b.claimIds]) inConflict.add(id);

  const points = new Map<string, { cx: number; cy: number }>();
  const bars: string[] = [];
  const dots: string[] = [];
  for (const s of dated) {
    const colour = colours.get(s.sourceKey)!.colour;
    const x0 = x.at(dayNumber(s.time.start));
    const x1 = Math.max(x0 + 3, x.at(dayNumber(s.time.end)));
    const top = s.allowed.high === null ? yTop : yOf(s.allowed.high);
    const bottom = Math.max(top + 2, yOf(s.allowed.low));
    bars.push(
      `<rect class="range" x="${f(x0)}" y="${f(top)}" width="${f(x1 - x0)}" height="${f(bottom - top)}" fill="${colour}" fill-opacity="0.25" stroke="${colour}" stroke-opacity="0.6"/>`,
    );
    if (s.allowed.high === null) bars.push(`<path d="M${f((x0 + x1) / 2 - 5)} ${f(yTop + 8)} L${f((x0 + x1) / 2)} ${f(yTop)} L${f((x0 + x1) / 2 + 5)} ${f(yTop + 8)}" fill="${colour}"/>`);
    const cx = x1;
    const cy = yOf((s.value.low + s.value.high) / 2);
    points.set(s.claimId, { cx, cy });
    const conflict = inConflict.has(s.claimId);
    dots.push(
      `<circle class="claim${conflict ? ' conflict' : ''}" data-claim="${esc(s.claimId)}" cx="${f(cx)}" cy="${f(cy)}" r="5" ` +
        `fill="${s.copyOf === null ? colour : '#ffffff'}" stroke="${conflict ? CONFLICT : colour}" stroke-width="${conflict ? 2.5 : 1.5}">` +
        `<title>${esc(tooltip(s))}</title></circle>`,
    );
  }
  out.push('<g class="ranges">', ...bars, '</g>');
  out.push('<g class="conflicts" stroke="' + CONFLICT + '" stroke-width="1.5" stroke-dasharray="5 3">');
  for (const c of conflicts) {
    const a = points.get(c.a.claimId);
    const b = points.get(c.b.claimId);
    if (!a || !b) continue;
    out.push(`<line x1="${f(a.cx)}" y1="${f(a.cy)}" x2="${f(b.cx)}" y2="${f(b.cy)}"><title>${esc(c.why)}</title></line>`);
  }
  out.push('</g>', '<g class="points">', ...dots, '</g>');

  // Legend: sources, then the marks.
  const lx = PLOT.right + 20;
  let ly = PLOT.top + 4;
  out.push('<g class="legend">', `<text x="${lx}" y="${ly}" font-weight="bold">Sources</text>`);
  const shownSources = [...colours.values()].slice(0, 16);
  for (const { colour, label } of shownSources) {
    ly += 18;
    out.push(`<circle cx="${lx + 6}" cy="${ly - 4}" r="5" fill="${colour}"/>`, `<text x="${lx + 16}" y="${ly}">${esc(clip(label, 30))}</text>`);
  }
  if (colours.size > shownSources.length) out.push(`<text x="${lx + 16}" y="${(ly += 18)}">… ${colours.size - shownSources.length} more</text>`);
  ly += 28;
  out.push(
    `<circle cx="${lx + 6}" cy="${ly - 4}" r="5" fill="#fff" stroke="#555" stroke-width="1.5"/><text x="${lx + 16}" y="${ly}">copy or relay (counted once)</text>`,
    `<line x1="${lx}" y1="${(ly += 18) - 4}" x2="${lx + 12}" y2="${ly - 4}" stroke="${CONFLICT}" stroke-width="1.5" stroke-dasharray="5 3"/><text x="${lx + 16}" y="${ly}">conflict</text>`,
    `<rect x="${lx}" y="${(ly += 18) - 10}" width="12" height="10" fill="#2ca02c" fill-opacity="0.15" stroke="#2ca02c"/><text x="${lx + 16}" y="${ly}">best estimate</text>`,
    `<rect x="${lx}" y="${(ly += 18) - 10}" width="12" height="10" fill="#888" fill-opacity="0.25" stroke="#888"/><text x="${lx + 16}" y="${ly}">range allowed, over its time</text>`,
    '</g>',
    '</svg>',
  );
  return out.join('\n') + '\n';
}

function tooltip(s: SeriesEntry): string {
  const when = s.time === null ? 'undated' : s.time.start === s.time.end ? s.time.start : `${s.time.start} to ${s.time.end}`;
  return (
    `claim ${s.claimId} (report #${s.reportId}): ${rangeText(s.allowed.low, s.allowed.high)}, ${when}\n` +
    `${s.sourceLabel} [${s.reliability}${s.credibility}]${s.copyOf !== null ? `, copy of claim ${s.copyOf}` : ''}\n${s.sentence}`
  );
}

function unitName(p: Proposition): string {
  const unit = p.measure.startsWith('money:') ? p.measure.slice(6).split(':').reverse().join(' in ') : p.measure.replace(/^share:/, 'share of ');
  return p.per ? `${unit} per ${p.per}` : unit;
}

const rangeText = (low: number, high: number | null): string =>
  high === null ? `≥${shortNumber(low)}` : low <= 0 && high > 0 ? `≤${shortNumber(high)}` : low === high ? shortNumber(low) : `${shortNumber(low)}–${shortNumber(high)}`;

const f = (n: number): string => (Math.round(n * 10) / 10).toString();
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Text and attribute values: the five XML specials, and control characters XML 1.0 forbids. */
function esc(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

