import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';
import { api, type Claim, type Page } from '../api.js';
import { days, h, num, range, replace, s } from '../dom.js';
import type { View } from '../router.js';
import { hideTip, showTip, tipRows } from '../tooltip.js';

interface Place {
  key: string;
  name: string;
  reports: number;
  stories: number;
  mentions: number;
  latitude: number | null;
  longitude: number | null;
}

const W = 1000;
const H = 600;

/**
 * Map of the places the reports name: world boundaries from world-atlas (bundled, no tile server),
 * coordinates from the offline gazetteer; a circle's area follows the number of reports. Choosing
 * a place lists its claims.
 */
const view: View = async (root) => {
  document.title = 'Map · Parallax';
  const places = (await api<Page<Place>>('/places')).items;
  const placed = places.filter((p): p is Place & { latitude: number; longitude: number } => p.latitude !== null && p.longitude !== null);
  const unplaced = places.filter((p) => p.latitude === null);
  const topo = countries as unknown as Topology<{ countries: GeometryCollection }>;
  const land = feature(topo, topo.objects.countries);
  const projection = geoNaturalEarth1();
  // Fit the places named (with a margin), or the world when there are none.
  let viewBox = `0 0 ${W} ${H}`;
  // Marks keep their size on screen whatever part of the world is shown.
  let scale = 1;
  if (placed.length > 0) {
    const pad = 6;
    const corners = placed.flatMap((p) => [
      [Math.max(-180, p.longitude - pad), Math.max(-80, p.latitude - pad)],
      [Math.min(180, p.longitude + pad), Math.min(80, p.latitude + pad)],
    ]);
    projection.fitExtent(
      [
        [10, 10],
        [W - 10, H - 10],
      ],
      { type: 'MultiPoint', coordinates: corners },
    );
    // Show the band the places fill, not the empty sea and sky around it.
    const [[x0, y0], [x1, y1]] = geoPath(projection).bounds({ type: 'MultiPoint', coordinates: corners });
    const bw = Math.min(W, x1 + 10) - Math.max(0, x0 - 10);
    const bh = Math.max(y1 - y0 + 20, bw * 0.42);
    const [[, sphereTop], [, sphereBottom]] = geoPath(projection).bounds({ type: 'Sphere' });
    const top = Math.max(sphereTop, Math.min(sphereBottom - bh, (y0 + y1) / 2 - bh / 2));
    viewBox = `${Math.max(0, x0 - 10).toFixed(0)} ${top.toFixed(0)} ${bw.toFixed(0)} ${Math.min(H, bh).toFixed(0)}`;
    scale = bw / W;
  } else projection.fitSize([W, H], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = s('svg', { viewBox, className: 'map chart', role: 'group', 'aria-label': `Map of ${placed.length} places named in reports` });
  svg.append(s('path', { d: path({ type: 'Sphere' }) ?? '', className: 'sphere' }), s('path', { d: path(geoGraticule10()) ?? '', fill: 'none', stroke: '#e8edf3' }));
  for (const f of land.features) svg.appendChild(s('path', { d: path(f) ?? '', className: 'land' }, s('title', null, String((f.properties as { name?: string } | null)?.name ?? ''))));
  const detail = h('section', { className: 'side-panel', 'aria-live': 'polite' }, h('p', { className: 'muted' }, 'Choose a place (click, or Tab then Enter) to list its claims.'));
  const maxReports = Math.max(1, ...placed.map((p) => p.reports));
  const labels: { x0: number; x1: number; y0: number; y1: number }[] = [];
  for (const p of [...placed].sort((a, b) => b.reports - a.reports)) {
    const at = projection([p.longitude, p.latitude]);
    if (!at) continue;
    const r = (4 + 16 * Math.sqrt(p.reports / maxReports)) * scale;
    const c = s('circle', { cx: at[0], cy: at[1], r, className: 'place', tabindex: 0, role: 'button', 'aria-label': `${p.name}: ${p.reports} reports` });
    const card = () => [h('div', { className: 'tip-title' }, p.name), tipRows([['reports', String(p.reports)], ['stories', String(p.stories)], ['mentions', String(p.mentions)]])];
    c.addEventListener('mouseenter', (e) => showTip(c, card(), { x: e.clientX, y: e.clientY }));
    c.addEventListener('mouseleave', hideTip);
    const choose = () => {
      for (const el of svg.querySelectorAll('.place.selected')) el.classList.remove('selected');
      c.classList.add('selected');
      void placeClaims(detail, p);
    };
    c.addEventListener('click', choose);
    c.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        choose();
      }
    });
    svg.appendChild(c);
    // Labels of the larger places, on the side away from the edge nearest to them.
    const right = at[0] > W * 0.75;
    // A label goes where no larger place's label already is.
    const lx = right ? at[0] - r - 3 * scale - p.name.length * 6.2 * scale : at[0] + r + 3 * scale;
    const box = { x0: lx, x1: lx + p.name.length * 6.2 * scale, y0: at[1] - 8 * scale, y1: at[1] + 6 * scale };
    const free = !labels.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1);
    if (free) labels.push(box);
    if (free && r > 7 * scale) svg.appendChild(s('text', { x: right ? at[0] - r - 3 * scale : at[0] + r + 3 * scale, y: at[1] + 4 * scale, 'text-anchor': right ? 'end' : 'start', className: 'axis-label map-label', 'pointer-events': 'none', style: { fontSize: `${11 * scale}px` } }, p.name));
  }
  replace(
    root,
    h('div', { className: 'page-head' }, h('h1', null, 'Map'), h('p', { className: 'muted' }, `${placed.length} places on the map${unplaced.length ? `; ${unplaced.length} the gazetteer cannot place: ${unplaced.slice(0, 8).map((p) => p.name).join(', ')}${unplaced.length > 8 ? '…' : ''}` : ''}`)),
    h('div', { className: 'split' }, h('div', { className: 'viz' }, svg), detail),
  );
  return () => hideTip();
};
export default view;

async function placeClaims(panel: HTMLElement, p: Place): Promise<void> {
  replace(panel, h('p', { className: 'loading' }, 'Loading claims…'));
  const page = await api<Page<Claim>>('/claims', { params: { about: p.name, limit: 100 } });
  replace(
    panel,
    h('h2', null, p.name),
    h('p', { className: 'muted' }, `${num(p.reports)} reports · ${num(page.total ?? page.items.length)} claims mention it`),
    h(
      'ol',
      { className: 'claim-list' },
      page.items.map((c) => h('li', null, h('a', { href: `/reports/${c.reportId}?claim=${c.id}` }, h('strong', null, `${range(c.value.low, c.value.high)} ${c.unit}`)), c.attributedTo ? ` · ${c.attributedTo}` : '', h('div', { className: 'muted' }, `${c.time ? days(c.time.start, c.time.end) : ''} · ${c.reportSource ?? ''}`))),
    ),
  );
}
