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
const H = 520;

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
  } else projection.fitSize([W, H], { type: 'Sphere' });
  const path = geoPath(projection);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, className: 'map chart', role: 'group', 'aria-label': `Map of ${placed.length} places named in reports` });
  svg.append(s('path', { d: path({ type: 'Sphere' }) ?? '', className: 'sphere' }), s('path', { d: path(geoGraticule10()) ?? '', fill: 'none', stroke: '#e8edf3' }));
  for (const f of land.features) svg.appendChild(s('path', { d: path(f) ?? '', className: 'land' }, s('title', null, String((f.properties as { name?: string } | null)?.name ?? ''))));
  const detail = h('section', { className: 'side-panel', 'aria-live': 'polite' }, h('p', { className: 'muted' }, 'Choose a place (click, or Tab then Enter) to list its claims.'));
  const maxReports = Math.max(1, ...placed.map((p) => p.reports));
  for (const p of [...placed].sort((a, b) => b.reports - a.reports)) {
    const at = projection([p.longitude, p.latitude]);
    if (!at) continue;
    const r = 4 + 18 * Math.sqrt(p.reports / maxReports);
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
    if (r > 9) svg.appendChild(s('text', { x: at[0] + r + 3, y: at[1] + 4, className: 'axis-label', 'pointer-events': 'none' }, p.name));
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
