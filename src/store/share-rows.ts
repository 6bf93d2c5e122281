import type { Viewer } from '../domain/viewer.js';
import { fromJson } from './rows.js';
import type { AuditEntry, Partner, Role, TokenRecord } from './store.js';
import { StoreConflictError, StorePermissionError } from './viewer-scope.js';

/** Rows of the share tables (partners, tokens, audit log) as every dialect selects them, and their rules. */
export interface PartnerRow {
  id: string;
  clearance: string;
  /** JSON text (SQLite) or jsonb (PostgreSQL). */
  communities: string | string[];
  created_at: string;
}

export interface AuditRow {
  id: number;
  at: string;
  partner_id: string | null;
  role: Role | null;
  action: string;
  status: number;
  ids: string | string[];
  detail: string | null;
  hash: string;
}

export interface TokenRow {
  id: number | string;
  partner_id: string;
  role: Role;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** The columns of `TokenRow`: never the hash. */
export const TOKEN_COLUMNS = 'id, partner_id, role, label, created_at, revoked_at';

export function tokenFromRow(r: TokenRow): TokenRecord {
  return { id: Number(r.id), partnerId: r.partner_id, role: r.role, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at };
}

/**
 * Whose tokens a viewer lists: `{ all: true }` for an admin who names no partner, else one
 * partner's. Anyone but an admin sees only its own partner's; naming another gives `none`.
 */
export function tokenScope(viewer: Viewer, partnerId: string | undefined): { all: true } | { partnerId: string } | 'none' {
  if (viewer.role === 'admin') return partnerId === undefined ? { all: true } : { partnerId };
  return partnerId === undefined || partnerId === viewer.partnerId ? { partnerId: viewer.partnerId } : 'none';
}

export function partnerFromRow(r: PartnerRow): Partner {
  return { id: r.id, clearance: r.clearance, communities: fromJson<string[]>(r.communities), createdAt: r.created_at };
}

export function viewerFromRow(r: { id: string; clearance: string; communities: string | string[]; role: Role }): Viewer {
  return { partnerId: r.id, clearance: r.clearance, communities: fromJson<string[]>(r.communities), role: r.role };
}

export function auditFromRow(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    partnerId: r.partner_id,
    role: r.role,
    action: r.action,
    status: r.status,
    ids: fromJson<string[]>(r.ids),
    detail: r.detail,
    hash: r.hash,
  };
}

export function mustBeAdmin(viewer: Viewer, what: string): void {
  if (viewer.role !== 'admin') throw new StorePermissionError(`${what}: needs an admin, not a ${viewer.role}`);
}

/**
 * A partner id and a community name never coincide (a grant to one would reach the other), and
 * a name is taken once. Throws StoreConflictError naming the clash.
 */
export function checkNewPartner(input: { id: string; communities: readonly string[] }, existing: readonly Partner[]): void {
  if (existing.some((p) => p.id === input.id)) throw new StoreConflictError(`a partner "${input.id}" exists already`);
  if (existing.some((p) => p.communities.includes(input.id))) throw new StoreConflictError(`"${input.id}" is a community; a partner needs another name`);
  const clash = input.communities.find((c) => existing.some((p) => p.id === c));
  if (clash !== undefined) throw new StoreConflictError(`"${clash}" is a partner, not a community`);
}

/** Communities as stored: each once, sorted. */
export const normalCommunities = (communities: readonly string[]): string[] => [...new Set(communities)].sort();
