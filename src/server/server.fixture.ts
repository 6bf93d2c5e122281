import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { LOCAL_ADMIN, type Viewer } from '../domain/viewer.js';
import { hashToken, newToken } from '../share/tokens.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Role } from '../store/store.js';
import { buildServer, type ServerOptions } from './app.js';

export interface PartnerSpec {
  id: string;
  clearance: string;
  communities: string[];
  role: Role;
}

export interface TestServer {
  app: FastifyInstance;
  store: SqliteStore;
  /** Token of each partner, by partner id. */
  tokens: Map<string, string>;
  viewers: Map<string, Viewer>;
  /** The SQLite file, for tests that must read past the policy to know the truth. */
  file: string;
  close(): Promise<void>;
}

/** Test helper: a store in a fresh folder, the partners with one token each, and the server (no socket). */
export async function startTestServer(partners: readonly PartnerSpec[], options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-server-'));
  const file = join(dir, 'store.db');
  const store = await openSqliteStore(file);
  const tokens = new Map<string, string>();
  const viewers = new Map<string, Viewer>();
  for (const p of partners) {
    await store.addPartner(LOCAL_ADMIN, { id: p.id, clearance: p.clearance, communities: p.communities });
    const token = newToken();
    await store.issueToken(LOCAL_ADMIN, { partnerId: p.id, role: p.role, tokenHash: hashToken(token) });
    tokens.set(p.id, token);
    viewers.set(p.id, { partnerId: p.id, clearance: p.clearance, communities: [...p.communities].sort(), role: p.role });
  }
  const app = await buildServer({ store, conflictDelayMs: -1, ...options });
  const server: TestServer = {
    app,
    store,
    tokens,
    viewers,
    file,
    async close() {
      // server.app: a test may have replaced the server.
      await server.app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
