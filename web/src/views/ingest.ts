import { api, ApiError } from '../api.js';
import { h, replace } from '../dom.js';
import type { View } from '../router.js';

const LEVELS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'];
const TLPS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'];

interface Submitted {
  id: number;
  status: string;
  duplicateOf: number | null;
  claims: unknown[];
}

/**
 * Ingest: files dropped (or chosen) and pasted text or HTML go to `POST /api/v1/reports` one by
 * one, under the marking set here; each gets its own line saying what became of it, so one bad
 * file does not hide the others.
 */
const view: View = (root, { session }) => {
  document.title = 'Ingest · Parallax';
  const levels = LEVELS.slice(0, Math.max(1, LEVELS.indexOf(session.me.clearance) + 1));
  const classification = h('select', { id: 'ing-class' }, levels.map((l) => h('option', { value: l }, l)));
  const releasable = h('input', { id: 'ing-rel', type: 'text', placeholder: 'ALL, NATO, kr-mnd…', value: 'ALL', autocomplete: 'off' });
  const tlp = h('select', { id: 'ing-tlp' }, TLPS.map((t) => h('option', { value: t, selected: t === 'TLP:GREEN' }, t)));
  const results = h('ol', { className: 'results', 'aria-live': 'polite', 'data-testid': 'ingest-results' });

  const marking = () => ({
    classification: classification.value,
    releasableTo: releasable.value.split(/[\s,]+/).filter(Boolean),
    tlp: tlp.value,
  });

  const submit = async (name: string, body: Record<string, unknown>) => {
    const line = h('li', null, h('span', { className: 'muted' }, `${name}: sending…`));
    results.prepend(line);
    try {
      const r = await api<Submitted>('/reports', { method: 'POST', body: { ...body, marking: marking() } });
      replace(
        line,
        h('span', { className: `tag ${r.status === 'failed' ? 'warn' : 'ok'}` }, r.status),
        ' ',
        h('a', { href: `/reports/${r.id}`, 'data-testid': 'ingested-link' }, `#${r.id} ${name}`),
        ` · ${r.claims.length} claims`,
        r.duplicateOf ? ` · copy of #${r.duplicateOf}` : '',
      );
    } catch (e) {
      replace(line, h('span', { className: 'tag warn' }, 'refused'), ` ${name}: ${e instanceof ApiError ? e.detail : (e as Error).message}`);
    }
  };

  const fileInput = h('input', { type: 'file', id: 'ing-files', multiple: true, accept: '.txt,.text,.md,.html,.htm,text/plain,text/html', className: 'sr-only' });
  const sendFiles = async (files: FileList | File[]) => {
    for (const f of files) {
      const content = await f.text();
      const isHtml = /\.html?$/i.test(f.name) || /^\s*<(!doctype|html)/i.test(content);
      await submit(f.name, isHtml ? { html: content } : { text: content });
    }
  };
  fileInput.addEventListener('change', () => void sendFiles(fileInput.files ?? []));
  const drop = h(
    'div',
    { className: 'drop', 'data-testid': 'drop-zone' },
    h('p', null, h('strong', null, 'Drop report files here')),
    h('p', { className: 'muted' }, 'Plain text, Markdown or HTML pages; each file becomes one report.'),
    fileInput,
    h('label', { for: 'ing-files', className: 'button' }, 'Choose files…'),
  );
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer?.files.length) void sendFiles(e.dataTransfer.files);
  });

  const pasted = h('textarea', { id: 'ing-text', rows: 10, placeholder: 'Paste the text of a report, or the HTML of a page (View source → select all → copy)' });
  const url = h('input', { id: 'ing-url', type: 'url', placeholder: 'https://… (where the page came from; nothing is fetched)' });
  const title = h('input', { id: 'ing-title', type: 'text' });
  const published = h('input', { id: 'ing-published', type: 'date' });
  const pasteForm = h(
    'form',
    { className: 'panel form', 'aria-labelledby': 'paste-title' },
    h('h2', { id: 'paste-title' }, 'Paste text or HTML'),
    h('label', { for: 'ing-text' }, 'Text or HTML'),
    pasted,
    h('div', { className: 'row' }, h('div', null, h('label', { for: 'ing-url' }, 'Page URL (optional)'), url), h('div', null, h('label', { for: 'ing-title' }, 'Title (optional)'), title), h('div', null, h('label', { for: 'ing-published' }, 'Published (optional)'), published)),
    h('button', { type: 'submit', className: 'primary' }, 'Ingest'),
  );
  pasteForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const content = pasted.value;
    if (content.trim() === '') {
      pasted.focus();
      return;
    }
    const isHtml = /^\s*</.test(content);
    const body: Record<string, unknown> = isHtml ? { html: content } : { text: content };
    if (url.value) body['url'] = url.value;
    if (title.value.trim()) body['title'] = title.value.trim();
    if (published.value) body['published'] = published.value;
    void submit(title.value.trim() || (isHtml ? 'pasted page' : 'pasted text'), body).then(() => {
      pasted.value = '';
    });
  });

  replace(
    root,
    h('div', { className: 'page-head' }, h('h1', null, 'Ingest reports'), h('p', { className: 'muted' }, `Submitted as ${session.me.partnerId}; you own what you submit.`)),
    h(
      'fieldset',
      { className: 'panel form marking-form' },
      h('legend', null, 'Marking of what you submit'),
      h('div', { className: 'row' }, h('div', null, h('label', { for: 'ing-class' }, 'Classification'), classification), h('div', null, h('label', { for: 'ing-rel' }, 'Releasable to (partners, communities or ALL)'), releasable), h('div', null, h('label', { for: 'ing-tlp' }, 'TLP'), tlp)),
    ),
    h('div', { className: 'two-col' }, h('section', { className: 'panel' }, h('h2', null, 'Files'), drop), pasteForm),
    h('section', { className: 'panel' }, h('h2', null, 'Submitted'), results),
  );
};
export default view;
