import './styles.css';
import { api, ApiError, prefetch, setToken, token, whenUnauthorized, type Me } from './api.js';
import { listParams } from './views/reports.js';
import { announce, h, replace } from './dom.js';
import { LiveStream, type LiveEvent } from './live.js';
import { matchRoute, navigate, startRouter, type View } from './router.js';

/** The session: who is signed in, and the live stream shared by every view. */
export interface Session {
  me: Me;
  live: LiveStream;
}

const app = document.getElementById('app')!;
let session: Session | null = null;
let cleanup: (() => void) | void = undefined;

// A demo link carries the token in the fragment (never sent to a server): keep it, drop it from the address bar.
const fromFragment = /^#token=([A-Za-z0-9._~+/=-]{1,200})$/.exec(location.hash);
if (fromFragment) {
  setToken(fromFragment[1]!);
  history.replaceState(null, '', location.pathname + location.search);
}

whenUnauthorized(() => {
  if (session) signOut('Your token was refused (revoked, or for another store). Sign in again.');
});

void boot();

async function boot(): Promise<void> {
  if (!token()) return showSignIn();
  // Opening on the reports list: ask for its first page while the token is checked.
  if (location.pathname === '/' || (location.pathname === '/reports' && location.search === '')) prefetch('/reports', listParams('', '-published', undefined));
  try {
    const me = await api<Me>('/me');
    startSession(me);
  } catch (e) {
    setToken(null);
    showSignIn(e instanceof ApiError && e.status === 401 ? 'That token is not known or was revoked.' : `Could not reach the API: ${(e as Error).message}`);
  }
}

function showSignIn(problem?: string): void {
  document.title = 'Sign in · Parallax';
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'token-help' });
  const error = h('p', { className: 'error', role: 'alert', id: 'signin-error' }, problem ?? '');
  const form = h(
    'form',
    { className: 'signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, 'Parallax workspace'),
    h('label', { for: 'token' }, 'API token'),
    input,
    h('p', { id: 'token-help', className: 'muted' }, 'Paste a token issued by ', h('code', null, 'parallax partner add'), ' or ', h('code', null, 'parallax partner token'), '. It is kept for this tab only.'),
    error,
    h('button', { type: 'submit', className: 'primary' }, 'Sign in'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const t = input.value.trim();
    setToken(t);
    error.textContent = '';
    api<Me>('/me')
      .then((me) => startSession(me))
      .catch((e: unknown) => {
        setToken(null);
        error.textContent = e instanceof ApiError && e.status === 401 ? 'That token is not known or was revoked.' : `Sign-in failed: ${(e as Error).message}`;
        input.focus();
      });
  });
  replace(app, h('div', { className: 'signin-page' }, form));
  input.focus();
}

function signOut(problem?: string): void {
  session?.live.stop();
  session = null;
  setToken(null);
  history.replaceState(null, '', '/');
  showSignIn(problem);
}

const NAV: { path: string; label: string; roles?: Me['role'][] }[] = [
  { path: '/reports', label: 'Reports' },
  { path: '/propositions', label: 'Propositions' },
  { path: '/conflicts', label: 'Conflicts' },
  { path: '/timeline', label: 'Timeline' },
  { path: '/map', label: 'Map' },
  { path: '/graph', label: 'Graph' },
  { path: '/ingest', label: 'Ingest', roles: ['analyst', 'admin'] },
  { path: '/admin', label: 'Admin', roles: ['analyst', 'admin'] },
];

function startSession(me: Me): void {
  const live = new LiveStream();
  session = { me, live };
  const view = h('main', { id: 'view', tabindex: '-1' });
  const nav = h(
    'nav',
    { 'aria-label': 'Views' },
    NAV.filter((n) => !n.roles || n.roles.includes(me.role)).map((n) => h('a', { href: n.path, 'data-nav': n.path }, n.label)),
  );
  const liveCount = h('span', { className: 'live-count', 'data-testid': 'live-count' }, '0');
  const liveDot = h('span', { className: 'live-dot', 'aria-hidden': 'true' });
  const liveButton = h('button', { type: 'button', className: 'live', 'aria-expanded': 'false', 'aria-controls': 'live-panel', title: 'New reports, claims and conflicts since you looked' }, liveDot, 'Live ', liveCount);
  const livePanel = h('div', { id: 'live-panel', className: 'live-panel', hidden: true, role: 'region', 'aria-label': 'Live events' });
  const recent: LiveEvent[] = [];
  let unseen = 0;
  const updateCount = () => {
    liveCount.textContent = unseen > 999 ? '999+' : String(unseen);
    liveButton.classList.toggle('has-new', unseen > 0);
    liveButton.setAttribute('aria-label', `Live updates: ${unseen} new`);
  };
  live.onState = (c) => liveDot.classList.toggle('on', c);
  live.on((e) => {
    if (e.type === 'reset') return;
    recent.unshift(e);
    if (recent.length > 100) recent.pop();
    unseen++;
    updateCount();
    if (!livePanel.hidden) renderLivePanel();
  });
  const renderLivePanel = () => {
    replace(
      livePanel,
      h('div', { className: 'live-head' }, h('strong', null, 'Live events'), h('button', { type: 'button', className: 'link', onclick: () => { unseen = 0; updateCount(); } }, 'Mark seen')),
      recent.length === 0 ? h('p', { className: 'muted' }, 'Nothing new since you signed in.') : h('ul', null, recent.slice(0, 40).map(liveItem)),
    );
  };
  liveButton.addEventListener('click', () => {
    const open = livePanel.hidden;
    livePanel.hidden = !open;
    liveButton.setAttribute('aria-expanded', String(open));
    if (open) {
      renderLivePanel();
      unseen = 0;
      updateCount();
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !livePanel.hidden) {
      livePanel.hidden = true;
      liveButton.setAttribute('aria-expanded', 'false');
      liveButton.focus();
    }
  });
  replace(
    app,
    h('a', { href: '#view', className: 'skip' }, 'Skip to content'),
    h(
      'header',
      { className: 'top' },
      h('a', { href: '/reports', className: 'brand' }, 'Parallax'),
      nav,
      h('div', { className: 'spacer' }),
      h('div', { className: 'live-wrap' }, liveButton, livePanel),
      h('span', { className: 'who', title: `communities: ${me.communities.join(', ') || 'none'}` }, h('strong', null, me.partnerId), ` · ${me.role} · cleared ${me.clearance}`),
      h('button', { type: 'button', className: 'quiet', onclick: () => signOut() }, 'Sign out'),
      h('div', { id: 'status', role: 'status', className: 'sr-only' }),
    ),
    view,
  );
  live.start();
  startRouter((path, query) => render(view, nav, path, query));
}

function liveItem(e: LiveEvent): HTMLElement {
  const d = e.data;
  switch (e.type) {
    case 'report':
      return h('li', null, h('span', { className: 'ev ev-report' }, 'report'), h('a', { href: `/reports/${String(d['reportId'])}` }, `#${String(d['reportId'])}`), ` ${Number(d['claims'] ?? 0)} claim${Number(d['claims']) === 1 ? '' : 's'}`);
    case 'claim':
      return h('li', null, h('span', { className: 'ev ev-claim' }, 'claim'), h('a', { href: `/reports/${String(d['reportId'])}?claim=${String(d['claimId'])}` }, `claim ${String(d['claimId'])}`), ` in #${String(d['reportId'])}`);
    case 'conflict':
      return h('li', null, h('span', { className: 'ev ev-conflict' }, 'conflict'), h('a', { href: `/propositions/${String(d['propositionId'])}` }, String(d['what'] ?? 'new conflict')));
    default:
      return h('li', null, h('span', { className: 'ev' }, e.type), String(d['what'] ?? ''));
  }
}

async function render(view: HTMLElement, nav: HTMLElement, path: string, query: URLSearchParams): Promise<void> {
  if (!session) return;
  if (typeof cleanup === 'function') cleanup();
  cleanup = undefined;
  for (const a of nav.querySelectorAll<HTMLAnchorElement>('a[data-nav]')) {
    const current = path === a.dataset['nav'] || path.startsWith(`${a.dataset['nav']}/`);
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const found = matchRoute(path);
  if (!found) {
    navigate('/reports', true);
    return;
  }
  view.replaceChildren(h('p', { className: 'loading' }, 'Loading…'));
  try {
    const mod: { default: View } = await found.load();
    view.replaceChildren();
    cleanup = await mod.default(view, { session, params: found.params, query });
    announce(document.title);
  } catch (e) {
    view.replaceChildren(h('div', { className: 'panel error-panel', role: 'alert' }, h('h1', null, 'Could not show this view'), h('p', null, (e as Error).message)));
  }
}
