import type { FastifyInstance } from 'fastify';
import { LOCAL_ADMIN, type Viewer } from '../domain/viewer.js';
import { hashToken, newToken } from '../share/tokens.js';
import type { Role, Store } from '../store/store.js';
import { sqliteTestStores, type TestStores } from '../store/test-stores.fixture.js';
import { buildServer, type ServerOptions } from './app.js';

export interface PartnerSpec {
  id: string;
  clearance: string;
  communities: string[];
  role: Role;
}

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  /** Token of each partner, by partner id. */
  tokens: Map<string, string>;
  viewers: Map<string, Viewer>;
  /** Where the store is (a SQLite file or a postgres:// URL with its own schema). */
  location: string;
  /** SQL on the store's data past the policy, for tests that must know the truth. */
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * Test helper: a new store (SQLite unless `stores` says otherwise), the partners with one token
 * each, and the server (no socket).
 */
export async function startTestServer(
  partners: readonly PartnerSpec[],
  options: Partial<ServerOptions> = {},
  stores?: TestStores,
): Promise<TestServer> {
  const own = stores ? undefined : sqliteTestStores();
  const from = stores ?? own!;
  const location = from.newLocation();
  const store = await from.open(location);
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
    location,
    query: (sql, params) => from.query(location, sql, params),
    async close() {
      // server.app: a test may have replaced the server.
      await server.app.close();
      await store.close();
      await own?.dispose();
    },
  };
  return server;
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
