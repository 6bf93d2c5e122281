import { api, ApiError, type Page } from '../api.js';
import { h, replace } from '../dom.js';
import type { View } from '../router.js';

interface Partner {
  id: string;
  clearance: string;
  communities: string[];
  createdAt: string;
}
interface Source {
  key: string;
  label: string;
  reliability: string;
  reliabilityLabel: string;
  graded: boolean;
  claims: number;
  outlets: string[];
}

const LEVELS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'];
const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'];
const GRADE_LABEL: Record<string, string> = { A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable', D: 'not usually reliable', E: 'unreliable', F: 'cannot be judged' };

/**
 * Administration: partners and their communities, tokens (shown once when issued), and the
 * Admiralty grades of sources. The API decides who may do what (admins for partners and tokens,
 * analysts for grades); this page shows what the signed-in role may use.
 */
const view: View = async (root, { session }) => {
  document.title = 'Admin · Parallax';
  const admin = session.me.role === 'admin';
  const partnersBox = h('section', { className: 'panel' }, h('h2', null, 'Partners'));
  const tokensBox = h('section', { className: 'panel' }, h('h2', null, 'Tokens'));
  const gradesBox = h('section', { className: 'panel' }, h('h2', null, 'Source grades'), h('p', { className: 'loading' }, 'Analysing sources…'));
  replace(root, h('div', { className: 'page-head' }, h('h1', null, 'Admin'), h('p', { className: 'muted' }, admin ? 'Partners, communities, tokens and source grades.' : 'Source grades (partners and tokens need an admin token).')), admin ? h('div', { className: 'admin-grid' }, partnersBox, tokensBox) : null, gradesBox);
  if (admin) await drawPartners(partnersBox, tokensBox);
  await drawGrades(gradesBox);
};
export default view;

async function drawPartners(box: HTMLElement, tokensBox: HTMLElement): Promise<void> {
  const partners = (await api<Page<Partner>>('/partners')).items;
  const id = h('input', { id: 'p-id', type: 'text', required: true, pattern: '[A-Za-z0-9][A-Za-z0-9._-]{0,63}', placeholder: 'kr-mnd' });
  const clearance = h('select', { id: 'p-clearance' }, LEVELS.map((l) => h('option', { value: l }, l)));
  const communities = h('input', { id: 'p-communities', type: 'text', placeholder: 'NATO, KOR-UKR' });
  const message = h('p', { className: 'error', role: 'alert' });
  const form = h(
    'form',
    { className: 'form' },
    h('h3', null, 'Add a partner'),
    h('div', { className: 'row' }, h('div', null, h('label', { for: 'p-id' }, 'Partner id'), id), h('div', null, h('label', { for: 'p-clearance' }, 'Clearance'), clearance), h('div', null, h('label', { for: 'p-communities' }, 'Communities'), communities)),
    message,
    h('button', { type: 'submit', className: 'primary' }, 'Add partner'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    api('/partners', { method: 'POST', body: { id: id.value.trim(), clearance: clearance.value, communities: communities.value.split(/[\s,]+/).filter(Boolean) } })
      .then(() => drawPartners(box, tokensBox))
      .catch((err: unknown) => {
        message.textContent = err instanceof ApiError ? err.detail : String(err);
      });
  });
  replace(
    box,
    h('h2', null, 'Partners'),
    h(
      'table',
      { className: 'grid', 'aria-label': 'Partners' },
      h('thead', null, h('tr', null, ['Partner', 'Clearance', 'Communities', 'Added'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, partners.map((p) => h('tr', null, h('td', null, h('strong', null, p.id)), h('td', null, p.clearance), h('td', null, p.communities.join(', ') || '—'), h('td', { className: 'date' }, p.createdAt.slice(0, 16).replace('T', ' '))))),
    ),
    form,
  );
  drawTokens(tokensBox, partners);
}

function drawTokens(box: HTMLElement, partners: Partner[]): void {
  const partner = h('select', { id: 't-partner' }, partners.map((p) => h('option', { value: p.id }, p.id)));
  const role = h('select', { id: 't-role' }, ['reader', 'analyst', 'admin'].map((r) => h('option', { value: r }, r)));
  const label = h('input', { id: 't-label', type: 'text', placeholder: 'who or what uses it' });
  const issued = h('div', { 'aria-live': 'polite' });
  const issue = h(
    'form',
    { className: 'form' },
    h('h3', null, 'Issue a token'),
    h('div', { className: 'row' }, h('div', null, h('label', { for: 't-partner' }, 'Partner'), partner), h('div', null, h('label', { for: 't-role' }, 'Role'), role), h('div', null, h('label', { for: 't-label' }, 'Label'), label)),
    h('button', { type: 'submit', className: 'primary' }, 'Issue token'),
    issued,
  );
  issue.addEventListener('submit', (e) => {
    e.preventDefault();
    api<{ id: number; token: string; partnerId: string; role: string }>(`/partners/${encodeURIComponent(partner.value)}/tokens`, { method: 'POST', body: { role: role.value, ...(label.value.trim() ? { label: label.value.trim() } : {}) } })
      .then((t) => replace(issued, h('p', null, `Token ${t.id} for ${t.partnerId} (${t.role}). Shown once; only its hash is kept:`), h('div', { className: 'token-once', 'data-testid': 'issued-token' }, t.token)))
      .catch((err: unknown) => replace(issued, h('p', { className: 'error' }, err instanceof ApiError ? err.detail : String(err))));
  });
  const tokenId = h('input', { id: 't-revoke', type: 'text', inputmode: 'numeric', pattern: '[0-9]+', placeholder: 'token id', required: true });
  const revoked = h('p', { 'aria-live': 'polite' });
  const revoke = h('form', { className: 'form' }, h('h3', null, 'Revoke a token'), h('div', { className: 'row' }, h('div', null, h('label', { for: 't-revoke' }, 'Token id'), tokenId)), h('button', { type: 'submit' }, 'Revoke'), revoked);
  revoke.addEventListener('submit', (e) => {
    e.preventDefault();
    api(`/tokens/${encodeURIComponent(tokenId.value.trim())}`, { method: 'DELETE' })
      .then(() => {
        revoked.textContent = `Token ${tokenId.value} revoked.`;
      })
      .catch((err: unknown) => {
        revoked.textContent = err instanceof ApiError ? err.detail : String(err);
      });
  });
  replace(box, h('h2', null, 'Tokens'), issue, revoke);
}

async function drawGrades(box: HTMLElement): Promise<void> {
  const sources = (await api<Page<Source>>('/sources')).items.sort((a, b) => b.claims - a.claims);
  replace(
    box,
    h('h2', null, 'Source grades'),
    h('p', { className: 'muted' }, 'Admiralty reliability of each source (A completely reliable … F cannot be judged). A grade weighs every best estimate the source contributes to.'),
    h(
      'div',
      { className: 'table-wrap' },
      h(
        'table',
        { className: 'grid', 'aria-label': 'Sources and their grades' },
        h('thead', null, h('tr', null, ['Source', 'Claims', 'Outlets', 'Reliability'].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          null,
          sources.map((s, i) => {
            const select = h('select', { id: `grade-${i}`, 'aria-label': `Reliability of ${s.label}` }, GRADES.map((g) => h('option', { value: g, selected: g === s.reliability }, `${g} — ${GRADE_LABEL[g]}`)));
            const note = h('span', { className: 'muted' }, s.graded ? '' : ' not graded yet');
            select.addEventListener('change', () => {
              note.textContent = ' saving…';
              api('/sources/grades', { method: 'POST', body: { sourceKey: s.key, grade: select.value, label: s.label } })
                .then(() => {
                  note.textContent = ' saved';
                })
                .catch((err: unknown) => {
                  note.textContent = ` ${err instanceof ApiError ? err.detail : String(err)}`;
                });
            });
            return h('tr', null, h('td', null, s.label, h('div', { className: 'muted' }, s.key)), h('td', { className: 'num' }, String(s.claims)), h('td', { className: 'source' }, s.outlets.slice(0, 3).join(', ')), h('td', null, select, note));
          }),
        ),
      ),
    ),
  );
}
