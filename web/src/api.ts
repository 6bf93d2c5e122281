/**
 * The public API, called with the signed-in partner's token and nothing else: the browser sees
 * exactly what the API lets that partner see. The token lives in sessionStorage (gone when the
 * tab closes) and goes out only in the Authorization header, never in a URL.
 */
const TOKEN_KEY = 'parallax.token';
export const API = '/api/v1';

export interface Marking {
  classification: string;
  releasableTo: string[];
  owner: string;
  tlp: string;
}

export interface Me {
  partnerId: string;
  role: 'reader' | 'analyst' | 'admin';
  clearance: string;
  communities: string[];
}

export interface Page<T> {
  items: T[];
  total?: number;
  next?: string | null;
}

export interface ReportSummary {
  id: number;
  origin: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  ingestedAt: string;
  duplicateOf: number | null;
  claims: number;
  entities: number;
  marking: Marking;
}

export interface SearchHit {
  reportId: number;
  origin: string;
  title: string | null;
  published: string | null;
  source: string | null;
  marking: Marking;
  snippet: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface Claim {
  id: number;
  reportId: number;
  span: Span;
  sentence: Span;
  value: { low: number; high: number };
  unit: string;
  counted: string | null;
  per: string | null;
  qualifier: 'exact' | 'approximate' | 'at_most' | 'at_least';
  vague: boolean;
  attributedTo: string | null;
  speakerSpan: Span | null;
  time: { start: string; end: string; text: string | null } | null;
  location: string | null;
  sentenceText: string;
  reportTitle: string | null;
  reportSource: string | null;
  published: string | null;
}

export interface Report extends Omit<ReportSummary, 'claims'> {
  text: string;
  main: Span;
  boilerplate: (Span & { kind: string })[];
  claims: Claim[];
}

export interface ReportEntity {
  key: string;
  name: string;
  type: 'person' | 'organization' | 'location' | 'equipment';
  role: string | null;
  aliases: string[];
  mentions: Span[];
}

export interface Assessment {
  claimId: number;
  propositionId: string;
  propositionLabel: string;
  sourceLabel: string;
  reliability: string;
  credibility: string;
  credibilityLabel: string;
  reasons: string[];
  inBestEstimate: boolean;
}

export interface Range {
  low: number;
  high: number | null;
}

export interface BestEstimate extends Range {
  asOf: { start: string; end: string };
  claimIds: string[];
  sourceKeys: string[];
  contested: boolean;
  why: string;
}

export interface PropositionSummary {
  id: string;
  label: string;
  measure: string;
  per: string | null;
  estimate: BestEstimate | null;
  conflictIds: string[];
  claims: number;
  sources: string[];
}

export interface SeriesEntry {
  claimId: string;
  reportId: string;
  published: string | null;
  outlet: string;
  sourceKey: string;
  sourceLabel: string;
  reliability: string;
  value: { low: number; high: number };
  allowed: Range;
  stated: { low: number; high: number; unit: string; per: string | null };
  qualifier: string;
  vague: boolean;
  time: { start: string; end: string } | null;
  attributedTo: string | null;
  sentence: string;
  copyOf: string | null;
  credibility: string;
  credibilityLabel: string;
}

export interface ConflictSide {
  claimId: string;
  claimIds: string[];
  sourceKey: string;
  sourceLabel: string;
  reliability: string;
  allowed: Range;
  time: { start: string; end: string };
  sentence: string;
}

export interface Conflict {
  id: string;
  propositionId: string;
  propositionLabel?: string | null;
  a: ConflictSide;
  b: ConflictSide;
  gap: number;
  ratio: number | null;
  why: string;
}

export interface Proposition extends Omit<PropositionSummary, 'claims' | 'sources'> {
  series: SeriesEntry[];
  conflicts: Conflict[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(t: string | null): void {
  if (t === null) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, t);
}

/** Called when the API refuses the token (revoked, or another store): back to sign-in. */
let onUnauthorized: () => void = () => {};
export function whenUnauthorized(f: () => void): void {
  onUnauthorized = f;
}

export function authHeaders(): Record<string, string> {
  const t = token();
  return t ? { authorization: `Bearer ${t}` } : {};
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; params?: Record<string, string | number | undefined> } = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(init.params ?? {})) if (v !== undefined && v !== '') query.set(k, String(v));
  const url = `${API}${path}${query.size ? `?${query}` : ''}`;
  const headers: Record<string, string> = { ...authHeaders(), accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(url, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) });
  if (!r.ok) {
    let detail = r.statusText;
    try {
      detail = ((await r.json()) as { detail?: string }).detail ?? detail;
    } catch {
      /* not a problem document */
    }
    if (r.status === 401) onUnauthorized();
    throw new ApiError(r.status, detail);
  }
  return (await r.json()) as T;
}

/**
 * Calls started before the view that needs them is drawn (the first list, while the session is
 * checked): the view takes the answer instead of asking again. Used once, then forgotten.
 */
const early = new Map<string, Promise<unknown>>();

export function prefetch(path: string, params: Record<string, string | number | undefined>): void {
  const key = `${path}?${JSON.stringify(params)}`;
  const p = api<unknown>(path, { params });
  p.catch(() => early.delete(key));
  early.set(key, p);
}

export function apiOnce<T>(path: string, params: Record<string, string | number | undefined>): Promise<T> {
  const key = `${path}?${JSON.stringify(params)}`;
  const p = early.get(key);
  early.delete(key);
  return (p as Promise<T> | undefined) ?? api<T>(path, { params });
}
