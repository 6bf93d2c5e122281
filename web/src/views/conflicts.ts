import { api, type Conflict, type ConflictSide, type Page, type Proposition } from '../api.js';
import { days, h, num, range, replace } from '../dom.js';
import { listKeys } from '../keys.js';
import type { View } from '../router.js';

const PAGE = 100;

/**
 * Conflicts: independent sources that cannot both be right, widest first. Opening one shows both
 * sentences side by side with their sources, grades and reports.
 */
const view: View = async (root, { query, session }) => {
  document.title = 'Conflicts · Parallax';
  const cursor = query.get('cursor') ?? undefined;
  const from = Number(query.get('from') ?? 0);
  const open = query.get('open');
  const fresh = h('div', { className: 'fresh', hidden: true, role: 'status' });
  const list = h('div', { className: 'conflict-list' }, h('p', { className: 'loading' }, 'Analysing the claims you may see…'));
  replace(root, h('div', { className: 'page-head' }, h('h1', null, 'Conflicts'), h('p', { className: 'muted' }, 'Claims of independent sources about the same thing at the same time that cannot both hold.')), fresh, list);
  let arrived = 0;
  const off = session.live.on((e) => {
    if (e.type !== 'conflict') return;
    arrived++;
    replace(fresh, `${arrived} new conflict${arrived === 1 ? '' : 's'} · `, h('a', { href: '/conflicts' }, 'Reload list'));
    fresh.hidden = false;
  });
  const page = await api<Page<Conflict>>('/conflicts', { params: { cursor, limit: PAGE } });
  const total = page.total ?? page.items.length;
  const items = page.items.map((c) => conflictItem(c, c.id === open));
  replace(
    list,
    items.length === 0 ? h('p', { className: 'empty' }, 'No conflicts among the reports you may see.') : h('ul', { className: 'plain' }, items),
    h(
      'div',
      { className: 'pager' },
      h('span', null, total ? `${num(from + 1)}–${num(from + items.length)} of ${num(total)} conflicts` : ''),
      from > 0 ? h('button', { type: 'button', onclick: () => history.back() }, '‹ Previous') : null,
      page.next ? h('a', { className: 'button', href: `/conflicts?${new URLSearchParams({ cursor: page.next, from: String(from + PAGE) })}` }, 'Next ›') : null,
    ),
  );
  const stopKeys = listKeys(list, 'li.conflict');
  return () => {
    off();
    stopKeys();
  };
};
export default view;

function conflictItem(c: Conflict, startOpen: boolean): HTMLElement {
  const detail = h('div', { className: 'side-by-side', hidden: true, id: `conflict-${c.id}` });
  const toggle = h(
    'button',
    { type: 'button', className: 'conflict-head', 'aria-expanded': 'false', 'aria-controls': `conflict-${c.id}` },
    h('span', { className: 'conflict-label' }, c.propositionLabel ?? c.propositionId),
    h('span', { className: 'says' }, h('strong', null, range(c.a.allowed.low, c.a.allowed.high)), ` ${c.a.sourceLabel} `, grade(c.a)),
    h('span', { className: 'vs' }, 'vs'),
    h('span', { className: 'says' }, h('strong', null, range(c.b.allowed.low, c.b.allowed.high)), ` ${c.b.sourceLabel} `, grade(c.b)),
    h('span', { className: 'gap muted' }, `gap ${num(c.gap)}${c.ratio ? ` · ×${c.ratio.toFixed(2)}` : ''}`),
  );
  let loaded = false;
  const setOpen = async (o: boolean) => {
    detail.hidden = !o;
    toggle.setAttribute('aria-expanded', String(o));
    if (!o || loaded) return;
    loaded = true;
    replace(detail, h('p', { className: 'loading' }, 'Loading both sides…'));
    const p = await api<Proposition>(`/propositions/${encodeURIComponent(c.propositionId)}`).catch(() => null);
    const reportOf = new Map(p?.series.map((e) => [e.claimId, e] as const) ?? []);
    replace(detail, side(c.a, reportOf, 'A'), side(c.b, reportOf, 'B'), h('p', { className: 'why' }, c.why, ' ', h('a', { href: `/propositions/${c.propositionId}` }, 'Open the proposition chart →')));
  };
  toggle.addEventListener('click', () => void setOpen(detail.hidden !== false));
  if (startOpen) void setOpen(true);
  return h('li', { className: 'conflict panel' }, toggle, detail);
}

function grade(side: ConflictSide): HTMLElement {
  return h('span', { className: `grade-chip rel-${side.reliability}`, title: `source reliability ${side.reliability}` }, side.reliability);
}

function side(s: ConflictSide, series: Map<string, { reportId: string; outlet: string; credibility: string; credibilityLabel: string; published: string | null }>, which: string): HTMLElement {
  const e = series.get(s.claimId);
  return h(
    'div',
    { className: 'side' },
    h('div', { className: 'side-head' }, h('span', { className: 'side-tag' }, which), h('strong', null, s.sourceLabel), ' ', h('span', { className: `grade-chip rel-${s.reliability}` }, `${s.reliability}${e?.credibility ?? ''}`), e ? h('span', { className: 'muted' }, ` ${e.credibilityLabel}`) : null),
    h('div', { className: 'side-value' }, h('strong', null, range(s.allowed.low, s.allowed.high)), h('span', { className: 'muted' }, ` · holds ${days(s.time.start, s.time.end)}`)),
    h('blockquote', null, s.sentence),
    e ? h('p', { className: 'muted' }, `via ${e.outlet}${e.published ? `, published ${e.published}` : ''} · `, h('a', { href: `/reports/${e.reportId}?claim=${s.claimId}` }, `report #${e.reportId} at this sentence →`)) : null,
    s.claimIds.length > 1 ? h('p', { className: 'muted' }, `${s.claimIds.length} reports carry this statement (copies or relays count once).`) : null,
  );
}
