import { api, ApiError, type Assessment, type Claim, type Page, type Report, type ReportEntity } from '../api.js';
import { days, h, range, replace } from '../dom.js';
import { markingBanner } from '../marking.js';
import type { View } from '../router.js';
import { hideTip, showTip, tipRows } from '../tooltip.js';
import { annotate } from '../annotate.js';
import { shortOrigin } from '../origin.js';

const QUALIFIER: Record<Claim['qualifier'], string> = { exact: 'exact', approximate: 'approximate (about)', at_most: 'at most', at_least: 'at least' };
const TYPE_LABEL: Record<ReportEntity['type'], string> = { person: 'People', organization: 'Organisations', location: 'Places', equipment: 'Equipment' };

/**
 * The reader: a report's main body with its entities and claims highlighted in place. Hovering or
 * focusing a claim shows what it says (value, unit, qualifier, speaker, time, credibility);
 * boilerplate cut away at collection can be shown greyed. `?claim=ID` opens at that claim's sentence.
 */
const view: View = async (root, { params, query }) => {
  const id = Number(params['id']);
  let report: Report;
  let entities: ReportEntity[];
  try {
    [report, entities] = await Promise.all([
      api<Report>(`/reports/${id}`),
      api<Page<ReportEntity>>(`/reports/${id}/entities`).then((p) => p.items),
    ]);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      document.title = 'No such report · Parallax';
      replace(
        root,
        h('div', { className: 'panel notfound', role: 'alert', 'data-testid': 'not-found' }, h('h1', null, `No report #${Number.isFinite(id) ? id : '?'}`), h('p', null, 'There is no report with that number among those you may see.'), h('a', { href: '/reports' }, '← All reports')),
      );
      return;
    }
    throw e;
  }
  document.title = `${report.title ?? `Report #${report.id}`} · Parallax`;
  const assessments = new Map<number, Assessment>();
  const byId = new Map(report.claims.map((c) => [c.id, c]));

  const showCut = h('input', { type: 'checkbox', id: 'show-cut' });
  const showEntities = h('input', { type: 'checkbox', id: 'show-entities', checked: true });
  const article = h('article', { className: 'reader-text', 'aria-label': 'Report text' });
  const draw = () => replace(article, annotate(report, entities, { showCut: showCut.checked }));
  showCut.addEventListener('change', draw);
  showEntities.addEventListener('change', () => article.classList.toggle('no-entities', !showEntities.checked));
  draw();

  const cutCount = report.boilerplate.length + (report.main.start > 0 ? 1 : 0) + (report.main.end < report.text.length ? 1 : 0);
  const claimList = h('ol', { className: 'claim-list' }, report.claims.map((c, i) => claimItem(c, i + 1)));
  const entityLists = (['person', 'organization', 'location', 'equipment'] as const).map((type) => {
    const list = entities.filter((e) => e.type === type);
    if (list.length === 0) return null;
    return h(
      'section',
      null,
      h('h3', null, TYPE_LABEL[type], h('span', { className: 'count' }, String(list.length))),
      h('ul', { className: 'entity-list' }, list.map((e) => h('li', null, h('span', { className: `ent ent-${type}` }, e.name), e.role ? h('span', { className: 'muted' }, ` — ${e.role}`) : null, h('span', { className: 'count' }, `×${e.mentions.length}`)))),
    );
  });

  replace(
    root,
    h(
      'div',
      { className: 'reader' },
      markingBanner(report.marking, 'top'),
      h(
        'header',
        { className: 'reader-head' },
        h('p', { className: 'crumbs' }, h('a', { href: '/reports' }, 'Reports'), ` / #${report.id}`),
        h('h1', null, report.title ?? shortOrigin(report.origin)),
        h(
          'p',
          { className: 'meta' },
          h('span', null, report.source ?? 'source unknown'),
          h('span', null, report.published ? `published ${report.published}` : 'undated'),
          h('span', null, `${report.claims.length} claims · ${entities.length} entities`),
          report.duplicateOf ? h('span', null, 'copy of ', h('a', { href: `/reports/${report.duplicateOf}` }, `#${report.duplicateOf}`)) : null,
          h('span', { className: 'origin', title: report.url ?? report.origin }, report.url ?? shortOrigin(report.origin)),
        ),
        h(
          'div',
          { className: 'toolbar legend' },
          h('span', { className: 'check' }, showEntities, h('label', { for: 'show-entities' }, 'Highlight entities')),
          h('span', { className: 'check' }, showCut, h('label', { for: 'show-cut' }, `Show cut boilerplate (${cutCount})`)),
          h('span', { className: 'key' }, h('mark', { className: 'claim' }, '10,000'), ' claim'),
          (['person', 'organization', 'location', 'equipment'] as const).map((t) => h('span', { className: 'key' }, h('span', { className: `ent ent-${t}` }, t))),
        ),
      ),
      h(
        'div',
        { className: 'reader-body' },
        article,
        h(
          'aside',
          { className: 'reader-side', 'aria-label': 'Claims and entities' },
          h('section', null, h('h3', null, 'Claims', h('span', { className: 'count' }, String(report.claims.length))), report.claims.length ? claimList : h('p', { className: 'muted' }, 'No quantitative claims found.')),
          entityLists,
        ),
      ),
      markingBanner(report.marking, 'bottom'),
    ),
  );

  const claimCard = (c: Claim): (Node | string)[] => {
    const a = assessments.get(c.id);
    return [
      h('div', { className: 'tip-title' }, `${range(c.value.low, c.value.high)} ${c.unit}${c.per ? ` per ${c.per}` : ''}`),
      tipRows([
        ['value', range(c.value.low, c.value.high)],
        ['unit', c.unit],
        ['counted', c.counted],
        ['qualifier', QUALIFIER[c.qualifier] + (c.vague ? ', vague' : '')],
        ['speaker', c.attributedTo ?? 'the report itself'],
        ['holds', c.time ? `${days(c.time.start, c.time.end)}${c.time.text ? ` (“${c.time.text}”)` : ' (at publication)'}` : 'unknown'],
        ['where', c.location],
        ['credibility', a ? `${a.reliability}${a.credibility} — ${a.credibilityLabel}` : assessmentsState],
        ['source', a?.sourceLabel],
        ['proposition', a?.propositionLabel],
      ]),
    ];
  };
  let assessmentsState = 'being assessed…';
  const onOver = (e: Event) => {
    const mark = (e.target as Element).closest?.('mark.claim[data-claim]');
    if (!mark) return;
    const c = byId.get(Number(mark.getAttribute('data-claim')));
    if (c) showTip(mark, claimCard(c));
  };
  article.addEventListener('mouseover', onOver);
  article.addEventListener('focusin', onOver);
  article.addEventListener('mouseout', (e) => {
    if ((e.target as Element).closest?.('mark.claim')) hideTip();
  });
  article.addEventListener('focusout', hideTip);
  claimList.addEventListener('click', (e) => {
    const button = (e.target as Element).closest?.('button[data-goto]');
    if (button) goTo(article, Number(button.getAttribute('data-goto')));
  });

  const target = Number(query.get('claim'));
  if (target) goTo(article, target);

  // Credibility needs the partner's analysis, which may take a moment on a large store: it fills in when ready.
  api<Page<Assessment>>(`/reports/${id}/assessments`)
    .then((p) => {
      for (const a of p.items) assessments.set(a.claimId, a);
      for (const li of claimList.querySelectorAll<HTMLElement>('li[data-claim]')) {
        const a = assessments.get(Number(li.dataset['claim']));
        const slot = li.querySelector('.grade');
        if (a && slot) replace(slot, h('span', { className: `grade-chip rel-${a.reliability}`, title: `${a.sourceLabel}: reliability ${a.reliability}, credibility ${a.credibility} (${a.credibilityLabel})` }, `${a.reliability}${a.credibility}`), ' ', h('a', { href: `/propositions/${a.propositionId}` }, a.propositionLabel));
      }
    })
    .catch(() => {
      assessmentsState = 'not available';
    });
  return () => hideTip();
};
export default view;

function claimItem(c: Claim, n: number): HTMLElement {
  return h(
    'li',
    { 'data-claim': c.id },
    h('button', { type: 'button', className: 'link claim-go', 'data-goto': c.id, title: 'Show in the text' }, h('span', { className: 'claim-n' }, String(n)), h('strong', null, `${range(c.value.low, c.value.high)} ${c.unit}`)),
    c.attributedTo ? h('span', { className: 'muted' }, ` · ${c.attributedTo}`) : null,
    c.time ? h('span', { className: 'muted' }, ` · ${days(c.time.start, c.time.end)}`) : null,
    h('div', { className: 'grade' }),
  );
}

/** Scrolls to a claim, marks its sentence and gives the claim the focus. */
function goTo(article: HTMLElement, claimId: number): void {
  for (const el of article.querySelectorAll('.sent.target')) el.classList.remove('target');
  const mark = article.querySelector<HTMLElement>(`mark.claim[data-claim="${claimId}"]`);
  if (!mark) return;
  mark.closest('.sent')?.classList.add('target');
  mark.scrollIntoView({ block: 'center' });
  mark.focus({ preventScroll: true });
}

