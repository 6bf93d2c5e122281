import { api, type Page, type PropositionSummary } from '../api.js';
import { days, h, num, range, replace } from '../dom.js';
import { listKeys } from '../keys.js';
import { navigate, type View } from '../router.js';

const PAGE = 100;

/** Propositions: what the claims measure, with the best current estimate of each. */
const view: View = async (root, { query }) => {
  document.title = 'Propositions · Parallax';
  const about = query.get('about') ?? '';
  const cursor = query.get('cursor') ?? undefined;
  const from = Number(query.get('from') ?? 0);
  const input = h('input', { type: 'search', id: 'prop-filter', value: about, placeholder: 'troops, shells, Kursk…', autocomplete: 'off' });
  const form = h('form', { className: 'toolbar', role: 'search' }, h('label', { for: 'prop-filter' }, 'Filter propositions'), input, h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(input.value.trim() ? `/propositions?about=${encodeURIComponent(input.value.trim())}` : '/propositions');
  });
  const body = h('div', { className: 'table-wrap' }, h('p', { className: 'loading' }, 'Analysing the claims you may see…'));
  replace(root, h('div', { className: 'page-head' }, h('h1', null, 'Propositions'), form), body);
  const page = await api<Page<PropositionSummary>>('/propositions', { params: { about, cursor, limit: PAGE } });
  const rows = h(
    'tbody',
    null,
    page.items.map((p) =>
      h(
        'tr',
        null,
        h('td', { className: 'title' }, h('a', { href: `/propositions/${p.id}` }, p.label)),
        h('td', { className: 'num' }, String(p.claims)),
        h('td', { className: 'num' }, String(p.sources.length)),
        h('td', { className: 'num strong' }, p.estimate ? range(p.estimate.low, p.estimate.high) : '—', p.estimate?.contested ? h('span', { className: 'tag warn', title: 'equally weighted sources disagree' }, 'contested') : null),
        h('td', { className: 'date' }, p.estimate ? days(p.estimate.asOf.start, p.estimate.asOf.end) : ''),
        h('td', { className: 'num' }, p.conflictIds.length ? h('span', { className: 'tag conflict' }, String(p.conflictIds.length)) : '0'),
      ),
    ),
  );
  const total = page.total ?? page.items.length;
  replace(
    body,
    page.items.length === 0
      ? h('p', { className: 'empty' }, about ? `No proposition mentions “${about}”.` : 'No propositions yet: they come from the claims of the reports you may see.')
      : h(
          'table',
          { className: 'grid', 'aria-label': 'Propositions' },
          h('thead', null, h('tr', null, ['Proposition', 'Claims', 'Sources', 'Best estimate', 'As of', 'Conflicts'].map((t) => h('th', { scope: 'col' }, t)))),
          rows,
        ),
    h(
      'div',
      { className: 'pager' },
      h('span', null, total ? `${num(from + 1)}–${num(from + page.items.length)} of ${num(total)} propositions` : ''),
      from > 0 ? h('button', { type: 'button', onclick: () => history.back() }, '‹ Previous') : null,
      page.next ? h('a', { className: 'button', href: `/propositions?${new URLSearchParams({ about, cursor: page.next, from: String(from + PAGE) })}` }, 'Next ›') : null,
    ),
  );
  return listKeys(rows);
};
export default view;
