import { api, type Claim, type Page } from '../api.js';
import { days, h, num, range, replace, s } from '../dom.js';
import type { View } from '../router.js';
import { hideTip, showTip, tipRows } from '../tooltip.js';

interface DayCount {
  day: string | null;
  reports: number;
  claims: number;
}

const W = 860;
const H = 240;
const M = { left: 48, right: 10, top: 10, bottom: 28 };

/**
 * Timeline: reports and claims by publication, in days, weeks or months as the span needs; a bar
 * opens the claims that hold in its period (each linked to its sentence).
 */
const view: View = async (root, { session }) => {
  document.title = 'Timeline · Parallax';
  const counts = (await api<Page<DayCount>>('/timeline')).items;
  const dated = counts.filter((d): d is DayCount & { day: string } => d.day !== null);
  const undated = counts.find((d) => d.day === null);
  const detail = h('section', { className: 'side-panel', 'aria-live': 'polite' }, h('p', { className: 'muted' }, 'Choose a bar (click, or Tab then Enter) to list the claims that hold in that period.'));
  const fresh = h('div', { className: 'fresh', hidden: true, role: 'status' });
  if (dated.length === 0) {
    replace(root, h('h1', null, 'Timeline'), h('p', { className: 'empty' }, 'No dated reports yet.'));
    return;
  }
  const first = Date.parse(dated[0]!.day);
  const last = Date.parse(dated[dated.length - 1]!.day);
  const spanDays = (last - first) / 86_400_000 + 1;
  const unit: 'day' | 'week' | 'month' = spanDays <= 120 ? 'day' : spanDays <= 800 ? 'week' : 'month';
  const buckets = new Map<string, { start: string; end: string; reports: number; claims: number }>();
  for (const d of dated) {
    const [start, end] = bucketOf(d.day, unit);
    const b = buckets.get(start) ?? { start, end, reports: 0, claims: 0 };
    b.reports += d.reports;
    b.claims += d.claims;
    buckets.set(start, b);
  }
  const list = [...buckets.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
  const t0 = Date.parse(list[0]!.start);
  const t1 = Date.parse(list[list.length - 1]!.end) + 86_400_000;
  const X = (iso: string) => M.left + ((Date.parse(iso) - t0) / (t1 - t0)) * (W - M.left - M.right);
  const maxClaims = Math.max(1, ...list.map((b) => b.claims));
  const Y = (v: number) => H - M.bottom - (v / maxClaims) * (H - M.top - M.bottom);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, className: 'timeline chart', role: 'group', 'aria-label': `Reports and claims by ${unit}` });
  for (const v of [0, Math.round(maxClaims / 2), maxClaims]) {
    svg.append(s('line', { x1: M.left, x2: W - M.right, y1: Y(v), y2: Y(v), stroke: '#eceef2' }), s('text', { x: M.left - 6, y: Y(v) + 4, 'text-anchor': 'end', className: 'axis-label' }, num(v)));
  }
  let lastMark = '';
  let lastX = -Infinity;
  for (const b of list) {
    const x = X(b.start);
    const w = Math.max(2, X(b.end) + (W - M.left - M.right) / ((t1 - t0) / 86_400_000) - x - 1);
    const g = s('g', { className: 'bucket', tabindex: 0, role: 'button', 'aria-label': `${days(b.start, b.end)}: ${b.reports} reports, ${b.claims} claims` });
    g.append(
      s('rect', { x, y: Y(b.claims), width: w, height: H - M.bottom - Y(b.claims), className: 'bar-claims' }),
      s('rect', { x, y: Y(b.reports), width: w, height: H - M.bottom - Y(b.reports), className: 'bar-reports' }),
      s('rect', { x, y: M.top, width: w, height: H - M.top - M.bottom, fill: 'transparent' }),
    );
    const card = () => [h('div', { className: 'tip-title' }, days(b.start, b.end)), tipRows([['reports', String(b.reports)], ['claims', String(b.claims)]])];
    g.addEventListener('mouseenter', (e) => showTip(g, card(), { x: e.clientX, y: e.clientY }));
    g.addEventListener('mouseleave', hideTip);
    const choose = () => {
      for (const el of svg.querySelectorAll('.bucket.selected')) el.classList.remove('selected');
      g.classList.add('selected');
      void showClaims(detail, b.start, b.end);
    };
    g.addEventListener('click', choose);
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        choose();
      }
    });
    svg.appendChild(g);
    // A label at each new month (or year, by month), kept apart from the last one.
    const mark = unit === 'month' ? b.start.slice(0, 4) : b.start.slice(0, 7);
    if (mark !== lastMark && x - lastX >= 70) {
      lastMark = mark;
      lastX = x;
      svg.appendChild(s('text', { x: Math.min(x, W - M.right), y: H - 8, 'text-anchor': x > W - 70 ? 'end' : 'start', className: 'axis-label' }, unit === 'day' ? b.start : b.start.slice(0, 7)));
    }
  }
  const totalReports = counts.reduce((n, d) => n + d.reports, 0);
  const totalClaims = counts.reduce((n, d) => n + d.claims, 0);
  replace(
    root,
    h('div', { className: 'page-head' }, h('h1', null, 'Timeline'), h('p', { className: 'muted' }, `${num(totalReports)} reports and ${num(totalClaims)} claims by ${unit} of publication${undated ? ` (${num(undated.reports)} undated reports left out)` : ''}`)),
    fresh,
    h('div', { className: 'split' }, h('div', { className: 'viz' }, svg, h('p', { className: 'legend' }, h('span', { className: 'key' }, h('span', { className: 'swatch', style: { background: '#1f4e99', borderRadius: '2px' } }), 'claims'), h('span', { className: 'key' }, h('span', { className: 'swatch', style: { background: '#9db6de', borderRadius: '2px' } }), 'reports'))), detail),
  );
  const off = session.live.on((e) => {
    if (e.type !== 'report') return;
    replace(fresh, 'New reports arrived · ', h('a', { href: '/timeline' }, 'Redraw'));
    fresh.hidden = false;
  });
  return () => {
    off();
    hideTip();
  };
};
export default view;

async function showClaims(panel: HTMLElement, from: string, to: string): Promise<void> {
  replace(panel, h('p', { className: 'loading' }, 'Loading claims…'));
  const page = await api<Page<Claim>>('/claims', { params: { from, to, limit: 200 } });
  replace(
    panel,
    h('h2', null, `Claims holding ${days(from, to)}`),
    h('p', { className: 'muted' }, `${num(page.total ?? page.items.length)} claims${(page.total ?? 0) > page.items.length ? `, the first ${page.items.length} shown` : ''}`),
    h(
      'ol',
      { className: 'claim-list' },
      page.items.map((c) =>
        h('li', null, h('a', { href: `/reports/${c.reportId}?claim=${c.id}` }, h('strong', null, `${range(c.value.low, c.value.high)} ${c.unit}`)), c.attributedTo ? ` · ${c.attributedTo}` : '', h('div', { className: 'muted' }, `${c.time ? days(c.time.start, c.time.end) : ''} · ${c.reportSource ?? c.reportTitle ?? ''}`)),
      ),
    ),
  );
}

/** The bucket a day falls in: itself, its ISO week (Monday to Sunday) or its month. */
function bucketOf(day: string, unit: 'day' | 'week' | 'month'): [string, string] {
  if (unit === 'day') return [day, day];
  const d = new Date(`${day}T00:00:00Z`);
  if (unit === 'week') {
    const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
    return [iso(monday), iso(new Date(monday.getTime() + 6 * 86_400_000))];
  }
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return [iso(start), iso(end)];
}
const iso = (d: Date) => d.toISOString().slice(0, 10);
