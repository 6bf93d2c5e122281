import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * A small layer over node-postgres for the PostgreSQL store: SQL with `?` placeholders (the form
 * the access policy and the shared queries are written in) renumbered to `$n`, bigint ids and
 * counts as numbers, and transactions on one pooled connection.
 */
export interface Queryable {
  all<T>(sql: Sql, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: Sql, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs a statement; returns how many rows it changed. */
  run(sql: Sql, params?: readonly unknown[]): Promise<number>;
}

/** SQL text, or a statement prepared once per connection (`prepared`). */
export type Sql = string | PreparedSql;

export interface PreparedSql {
  readonly name: string;
  readonly text: string;
}

/**
 * A statement each connection prepares once and then only executes: for the hot, fixed statements
 * (the writer's), where planning would cost more than running. Not for reads whose best plan
 * depends on the values (search terms, LIKE patterns).
 */
export function prepared(sql: string): PreparedSql {
  const text = numbered(sql);
  return Object.freeze({ name: `parallax_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text });
}

export interface TransactionOptions {
  /** Default READ COMMITTED. REPEATABLE READ: every statement sees the same snapshot. */
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  readOnly?: boolean;
}

const INT8 = 20;
// Ids and counts are bigint; every one the store makes is far below 2^53, so a number is exact.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary' ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export class PgDatabase implements Queryable {
  readonly pool: pg.Pool;
  readonly #on: Queryable;

  constructor(config: pg.PoolConfig) {
    this.pool = new pg.Pool({ ...config, types });
    // An idle connection that the server drops must not crash the process; the next query reconnects.
    this.pool.on('error', () => {});
    this.#on = queryable(this.pool);
  }

  all<T>(sql: Sql, params: readonly unknown[] = []): Promise<T[]> {
    return this.#on.all<T>(sql, params);
  }

  get<T>(sql: Sql, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.#on.get<T>(sql, params);
  }

  run(sql: Sql, params: readonly unknown[] = []): Promise<number> {
    return this.#on.run(sql, params);
  }

  /** Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  async transaction<T>(fn: (tx: Queryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${(options.isolation ?? 'read committed').toUpperCase()}${options.readOnly ? ' READ ONLY' : ''}`);
      try {
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw e;
      }
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function queryable(target: pg.Pool | pg.PoolClient): Queryable {
  const query = <T extends pg.QueryResultRow>(sql: Sql, params: readonly unknown[]) =>
    typeof sql === 'string'
      ? target.query<T>(numbered(sql), params as unknown[])
      : target.query<T>({ name: sql.name, text: sql.text, values: params as unknown[] });
  return {
    all: async <T>(sql: Sql, params: readonly unknown[] = []) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: Sql, params: readonly unknown[] = []) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql: Sql, params: readonly unknown[] = []) => (await query(sql, params)).rowCount ?? 0,
  };
}

const renumbered = new Map<string, string>();

/** `?` placeholders as `$1, $2, …`, outside quoted literals; cached by SQL text (bounded). */
export function numbered(sql: string): string {
  let out = renumbered.get(sql);
  if (out !== undefined) return out;
  let n = 0;
  let quoted = false;
  out = '';
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? `$${++n}` : ch;
  }
  if (renumbered.size >= 1024) renumbered.clear();
  renumbered.set(sql, out);
  return out;
}
