import type { Session } from './main.js';
import * as reportsView from './views/reports.js';

export interface ViewContext {
  session: Session;
  params: Record<string, string>;
  query: URLSearchParams;
}

/** A view draws itself into its element and may return a cleanup (unsubscribe, timers). */
export type View = (root: HTMLElement, ctx: ViewContext) => Promise<(() => void) | void> | (() => void) | void;

interface Route {
  pattern: RegExp;
  names: string[];
  load: () => Promise<{ default: View }>;
}

// Map and graph bring their libraries (world boundaries, cytoscape): loaded only when opened.
const ROUTES: Route[] = [
  // The first view most sessions open is in the main bundle: one round trip fewer on a cold load.
  route('/reports', () => Promise.resolve(reportsView)),
  route('/reports/:id', () => import('./views/reader.js')),
  route('/propositions', () => import('./views/propositions.js')),
  route('/propositions/:id', () => import('./views/proposition.js')),
  route('/conflicts', () => import('./views/conflicts.js')),
  route('/timeline', () => import('./views/timeline.js')),
  route('/map', () => import('./views/map.js')),
  route('/graph', () => import('./views/graph.js')),
  route('/ingest', () => import('./views/ingest.js')),
  route('/admin', () => import('./views/admin.js')),
];

function route(path: string, load: Route['load']): Route {
  const names: string[] = [];
  const pattern = new RegExp(`^${path.replace(/:([a-z]+)/g, (_m, n: string) => (names.push(n), '([^/]+)'))}$`);
  return { pattern, names, load };
}

export function matchRoute(path: string): { params: Record<string, string>; load: Route['load'] } | undefined {
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (m) return { params: Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])), load: r.load };
  }
  return undefined;
}

let onChange: (path: string, query: URLSearchParams) => void = () => {};

export function navigate(url: string, replaceEntry = false): void {
  if (replaceEntry) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  fire();
}

function fire(): void {
  onChange(location.pathname === '/' ? '/reports' : location.pathname, new URLSearchParams(location.search));
}

/** Same-origin links navigate inside the workspace; the back button works. */
export function startRouter(f: (path: string, query: URLSearchParams) => void): void {
  onChange = f;
  window.onpopstate = fire;
  document.onclick = (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element).closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    if (a.getAttribute('href')?.startsWith('#')) return;
    e.preventDefault();
    navigate(url.pathname + url.search);
  };
  fire();
}
