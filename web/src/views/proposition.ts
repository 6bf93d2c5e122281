import { api, type Proposition, type SeriesEntry } from '../api.js';
import { days, h, range, replace } from '../dom.js';
import { estimateChart, sourceColours } from '../chart.js';
import type { View } from '../router.js';
import { hideTip } from '../tooltip.js';

/**
 * One proposition: the chart of its estimates over time (ranges as bars, points coloured by
 * source, conflicts marked, the best estimate shaded), the best estimate and why, and the claims
 * behind it, each linked to its sentence in its report.
 */
const view: View = async (root, { params }) => {
  const p = await api<Proposition>(`/propositions/${encodeURIComponent(params['id']!)}`);
  document.title = `${p.label} · Parallax`;
  const colours = sourceColours(p.series);
  const inEstimate = new Set(p.estimate?.claimIds ?? []);
  const conflicted = new Set(p.conflicts.flatMap((c) => [c.a.claimId, c.b.claimId]));
  const est = p.estimate;
  replace(
    root,
    h('p', { className: 'crumbs' }, h('a', { href: '/propositions' }, 'Propositions'), ' / ', p.id),
    h('h1', null, p.label),
    h(
      'div',
      { className: 'estimate-box', 'data-testid': 'best-estimate' },
      h('div', { className: 'estimate-value' }, h('span', { className: 'muted' }, 'Best current estimate'), h('strong', null, est ? range(est.low, est.high) : 'none'), est?.contested ? h('span', { className: 'tag warn' }, 'contested') : null),
      est ? h('div', { className: 'estimate-why' }, h('div', null, `as of ${days(est.asOf.start, est.asOf.end)} · ${est.sourceKeys.length} source${est.sourceKeys.length === 1 ? '' : 's'} · ${est.claimIds.length} claim${est.claimIds.length === 1 ? '' : 's'}`), h('div', { className: 'muted' }, est.why)) : h('div', { className: 'muted' }, 'No claim is recent and firm enough to estimate from.'),
    ),
    h('figure', { className: 'chart-wrap panel' }, estimateChart(p, colours), h('figcaption', { className: 'legend' }, legend(p.series, colours))),
    p.conflicts.length
      ? h(
          'section',
          { className: 'panel' },
          h('h2', null, `Conflicts (${p.conflicts.length})`),
          h('ul', { className: 'plain' }, p.conflicts.map((c) => h('li', null, h('span', { className: 'tag conflict' }, 'conflict'), ' ', c.why, ' ', h('a', { href: `/conflicts?open=${encodeURIComponent(c.id)}` }, 'side by side →')))),
        )
      : null,
    h(
      'section',
      { className: 'panel' },
      h('h2', null, `Claims behind it (${p.series.length})`),
      h(
        'table',
        { className: 'grid', 'aria-label': 'Claims of this proposition' },
        h('thead', null, h('tr', null, ['When', 'Says', 'Allows', 'Source', 'Grade', 'Sentence'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, [...p.series].reverse().map((e) => seriesRow(e, colours, inEstimate.has(e.claimId), conflicted.has(e.claimId)))),
      ),
    ),
  );
  return () => hideTip();
};
export default view;

function legend(series: SeriesEntry[], colours: Map<string, string>): HTMLElement[] {
  const labels = new Map(series.map((e) => [e.sourceKey, e.sourceLabel]));
  return [
    ...[...colours].map(([key, colour]) => h('span', { className: 'key' }, h('span', { className: 'swatch', style: { background: colour } }), labels.get(key) ?? key)),
    h('span', { className: 'key' }, h('span', { className: 'swatch band' }), 'best estimate'),
    h('span', { className: 'key' }, h('span', { className: 'swatch conflict-line' }), 'conflict'),
  ];
}

function seriesRow(e: SeriesEntry, colours: Map<string, string>, inEstimate: boolean, conflicted: boolean): HTMLElement {
  return h(
    'tr',
    { id: `claim-${e.claimId}`, className: inEstimate ? 'in-estimate' : null },
    h('td', { className: 'date' }, e.time ? days(e.time.start, e.time.end) : '—'),
    h('td', { className: 'num strong' }, range(e.value.low, e.value.high), e.copyOf ? h('span', { className: 'tag', title: `same statement as claim ${e.copyOf}` }, 'copy') : null),
    h('td', { className: 'num' }, range(e.allowed.low, e.allowed.high)),
    h('td', null, h('span', { className: 'swatch', style: { background: colours.get(e.sourceKey) ?? '#888' } }), e.sourceLabel, e.outlet && e.outlet !== e.sourceLabel ? h('div', { className: 'muted' }, `via ${e.outlet}`) : null),
    h('td', null, h('span', { className: `grade-chip rel-${e.reliability}`, title: e.credibilityLabel }, `${e.reliability}${e.credibility}`), conflicted ? h('span', { className: 'tag conflict' }, 'conflict') : null, inEstimate ? h('span', { className: 'tag ok' }, 'estimate') : null),
    h('td', { className: 'sentence' }, h('a', { href: `/reports/${e.reportId}?claim=${e.claimId}`, title: 'Open the report at this sentence' }, e.sentence)),
  );
}
