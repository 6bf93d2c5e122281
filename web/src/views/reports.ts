import { apiOnce, type Page, type ReportSummary, type SearchHit } from '../api.js';
import { h, num, replace } from '../dom.js';
import { markingChip } from '../marking.js';
import { navigate, type View } from '../router.js';
import { listKeys } from '../keys.js';
import { shortOrigin } from '../origin.js';

const PAGE = 100;
const COLUMNS: { key: string; label: string; sort?: string }[] = [
  { key: 'id', label: '#', sort: 'id' },
  { key: 'published', label: 'Published', sort: 'published' },
  { key: 'title', label: 'Title', sort: 'title' },
  { key: 'source', label: 'Source', sort: 'source' },
  { key: 'claims', label: 'Claims' },
  { key: 'marking', label: 'Marking', sort: 'classification' },
];

/**
 * Reports: a sorted, searchable list, one server page at a time (the API pages it, so 10,000
 * reports cost the same as 100). Sorting and search are the server's, so they cover every report
 * the partner may see, not only the page in hand.
 */
const view: View = async (root, { session, query }) => {
  document.title = 'Reports · Parallax';
  const q = query.get('q') ?? '';
  const sort = query.get('sort') ?? '-published';
  const cursor = query.get('cursor') ?? undefined;
  const from = Number(query.get('from') ?? 0);

  const search = h('input', { type: 'search', id: 'report-search', name: 'q', value: q, placeholder: 'words in title or text', autocomplete: 'off' });
  const form = h(
    'form',
    { className: 'toolbar', role: 'search' },
    h('label', { for: 'report-search' }, 'Search reports'),
    search,
    h('button', { type: 'submit' }, 'Search'),
    q ? h('a', { href: '/reports', className: 'button quiet' }, 'Clear') : null,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = search.value.trim();
    navigate(v ? `/reports?q=${encodeURIComponent(v)}` : '/reports');
  });
  const fresh = h('div', { className: 'fresh', hidden: true, role: 'status' });
  const table = h('div', { className: 'table-wrap' });
  const pager = h('div', { className: 'pager' });
  replace(root, h('div', { className: 'page-head' }, h('h1', null, 'Reports'), form), fresh, table, pager);

  let arrived = 0;
  const off = session.live.on((e) => {
    if (e.type !== 'report') return;
    arrived++;
    replace(fresh, `${arrived} new report${arrived === 1 ? '' : 's'} since this list was loaded · `, h('a', { href: location.pathname + location.search }, 'Reload list'));
    fresh.hidden = false;
  });

  const page = await apiOnce<Page<ReportSummary | SearchHit>>('/reports', listParams(q, sort, cursor));
  const total = page.total ?? page.items.length;
  const rows = page.items.map((r) => ('reportId' in r ? hitRow(r) : reportRow(r)));

  const head = h(
    'tr',
    null,
    COLUMNS.map((c) => {
      if (q || !c.sort) return h('th', { scope: 'col', className: `col-${c.key}` }, c.label);
      const active = sort === c.sort || sort === `-${c.sort}`;
      const descending = sort === `-${c.sort}`;
      const next = active && !descending ? `-${c.sort}` : c.sort;
      return h(
        'th',
        { scope: 'col', className: `col-${c.key}`, 'aria-sort': active ? (descending ? 'descending' : 'ascending') : 'none' },
        h('a', { href: `/reports?sort=${next}`, className: 'sort', title: `Sort by ${c.label.toLowerCase()}` }, c.label, active ? (descending ? ' ▼' : ' ▲') : ''),
      );
    }),
  );
  const body = h('tbody', null, rows);
  replace(
    table,
    rows.length === 0
      ? h('p', { className: 'empty' }, q ? `No report you may see matches “${q}”.` : 'No reports yet. Ingest some, or ask a partner to release theirs.')
      : h('table', { className: 'grid reports', 'aria-label': q ? `Reports matching ${q}` : 'Reports', 'aria-rowcount': total }, h('thead', null, head), body),
  );
  const nextHref = page.next ? `/reports?${new URLSearchParams({ ...(q ? { q } : { sort }), cursor: page.next, from: String(from + PAGE) })}` : null;
  replace(
    pager,
    h('span', null, total === 0 ? '' : `${num(from + 1)}–${num(from + page.items.length)} of ${num(total)} reports`),
    from > 0 ? h('button', { type: 'button', onclick: () => history.back() }, '‹ Previous') : null,
    nextHref ? h('a', { href: nextHref, className: 'button', rel: 'next' }, 'Next ›') : null,
    h('span', { className: 'muted keys' }, '↑↓ or j k to move, Enter to open'),
  );
  const stopKeys = listKeys(body);
  return () => {
    off();
    stopKeys();
  };
};
export default view;

/** The query of one page of the list (also what main.ts asks for early on a cold load). */
export function listParams(q: string, sort: string, cursor: string | undefined): Record<string, string | number | undefined> {
  return q ? { limit: PAGE, cursor, q } : { limit: PAGE, cursor, sort };
}

function reportRow(r: ReportSummary): HTMLElement {
  return h(
    'tr',
    { 'data-report': r.id },
    h('td', { className: 'num' }, String(r.id)),
    h('td', { className: 'date' }, r.published ?? '—'),
    h('td', { className: 'title' }, h('a', { href: `/reports/${r.id}` }, r.title ?? shortOrigin(r.origin)), r.duplicateOf ? h('span', { className: 'tag', title: `a copy of report #${r.duplicateOf}` }, 'copy') : null),
    h('td', { className: 'source' }, r.source ?? '—'),
    h('td', { className: 'num' }, String(r.claims)),
    h('td', null, markingChip(r.marking)),
  );
}

function hitRow(r: SearchHit): HTMLElement {
  return h(
    'tr',
    { 'data-report': r.reportId },
    h('td', { className: 'num' }, String(r.reportId)),
    h('td', { className: 'date' }, r.published ?? '—'),
    h('td', { className: 'title' }, h('a', { href: `/reports/${r.reportId}` }, r.title ?? shortOrigin(r.origin)), h('div', { className: 'snippet' }, snippet(r.snippet))),
    h('td', { className: 'source' }, r.source ?? '—'),
    h('td', { className: 'num' }, ''),
    h('td', null, markingChip(r.marking)),
  );
}

/** «matched» words in bold, as text nodes (never HTML). */
function snippet(text: string): (string | HTMLElement)[] {
  return text.split(/(«[^»]*»)/).map((part) => (part.startsWith('«') ? h('b', null, part.slice(1, -1)) : part));
}
