import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from './open-store.js';
import { numbered } from './postgres/database.js';
import { MIGRATIONS as POSTGRES_MIGRATIONS } from './postgres/migrations.js';
import { MIGRATIONS as SQLITE_MIGRATIONS } from './sqlite/migrations.js';
import type { Store } from './store.js';

/**
 * Test helper: new, empty stores of one dialect, and a way to read their data past the policy
 * (the truth tests compare the policy's answers with). The conformance suite
 * (store-conformance.ts), the server's property test and the CLI tests run on each.
 */
export interface TestStores {
  readonly dialect: 'sqlite' | 'postgres';
  /** Why this dialect's tests are skipped (PARALLAX_SKIP_PG=1 without PostgreSQL), else undefined. */
  readonly skip: string | undefined;
  readonly migrations: number;
  /** Where a new, empty store may be opened: a file path, or a postgres:// URL with its own schema. */
  newLocation(): string;
  open(location: string, options?: { classificationOrder?: readonly string[] }): Promise<Store>;
  /** SQL with `?` placeholders on the store's data, past the policy. */
  query<T>(location: string, sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Removes what this helper made (files, schemas). */
  dispose(): Promise<void>;
}

export function sqliteTestStores(): TestStores {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-stores-'));
  let n = 0;
  return {
    dialect: 'sqlite',
    skip: undefined,
    migrations: SQLITE_MIGRATIONS.length,
    newLocation: () => join(dir, `store-${++n}.db`),
    open: (location, options) => openStore(location, options),
    async query<T>(location: string, sql: string, params: readonly unknown[] = []) {
      const db = new Database(location);
      try {
        const st = db.prepare(sql);
        return (st.reader ? st.all(...params) : (st.run(...params), [])) as T[];
      } finally {
        db.close();
      }
    },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The test database: PARALLAX_TEST_PG, else postgres://postgres@127.0.0.1:5432/test, else the same as root. */
const CANDIDATE_URLS = process.env['PARALLAX_TEST_PG']
  ? [process.env['PARALLAX_TEST_PG']]
  : ['postgres://postgres@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/test'];

let reachable: Promise<{ url: string } | { problem: string }> | undefined;

/** The first test database that answers, probed once per process. */
export function postgresTestUrl(): Promise<{ url: string } | { problem: string }> {
  reachable ??= (async () => {
    const problems: string[] = [];
    for (const url of CANDIDATE_URLS) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return { url };
      } catch (e) {
        problems.push(`${url}: ${(e as Error).message}`);
      } finally {
        await client.end().catch(() => {});
      }
    }
    return { problem: problems.join('; ') };
  })();
  return reachable;
}

/**
 * PostgreSQL stores, each in its own schema (`parallax_test_<random>_<n>`) so that parallel runs
 * never meet; dispose drops them. Without a reachable server the tests fail, saying how to
 * start one, unless PARALLAX_SKIP_PG=1 skips them.
 */
export async function postgresTestStores(): Promise<TestStores> {
  const found = await postgresTestUrl();
  if ('problem' in found) {
    if (process.env['PARALLAX_SKIP_PG'] === '1') return skipped(`PostgreSQL is not reachable (PARALLAX_SKIP_PG=1): ${found.problem}`);
    throw new Error(
      `the PostgreSQL store tests need a server: ${found.problem}. Start PostgreSQL, point PARALLAX_TEST_PG at a database ` +
        `(postgres://USER@HOST:PORT/DB), or set PARALLAX_SKIP_PG=1 to skip these tests.`,
    );
  }
  const { url } = found;
  const run = `parallax_test_${randomBytes(4).toString('hex')}`;
  const schemas = new Set<string>();
  let n = 0;
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const locationOf = (schema: string) => {
    const u = new URL(url);
    u.searchParams.set('schema', schema);
    return u.toString();
  };
  const schemaOf = (location: string) => new URL(location).searchParams.get('schema')!;
  return {
    dialect: 'postgres',
    skip: undefined,
    migrations: POSTGRES_MIGRATIONS.length,
    newLocation() {
      const schema = `${run}_${++n}`;
      schemas.add(schema);
      return locationOf(schema);
    },
    open: (location, options) => openStore(location, options),
    async query<T>(location: string, sql: string, params: readonly unknown[] = []) {
      const client = await admin.connect();
      try {
        await client.query(`SET search_path TO ${schemaOf(location)}`);
        return (await client.query(numbered(sql), params as unknown[])).rows as T[];
      } finally {
        await client.query('RESET search_path').catch(() => {});
        client.release();
      }
    },
    async dispose() {
      for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      schemas.clear();
      await admin.end();
    },
  };
}

function skipped(reason: string): TestStores {
  const no = () => {
    throw new Error(reason);
  };
  return { dialect: 'postgres', skip: reason, migrations: 0, newLocation: no, open: no, query: no, dispose: async () => {} };
}
