import { existsSync } from 'node:fs';
import type { Store } from './store.js';

/** The location holds no store, and the caller asked not to create one: the message says what to run. */
export class StoreMissingError extends Error {}

/** A store location that names a PostgreSQL database rather than a SQLite file. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export interface OpenStoreOptions {
  /** Classification levels, lowest first, for the access policy. */
  classificationOrder?: readonly string[];
  /** Fail instead of creating an empty store (query commands: a typo should not make one). */
  mustExist?: boolean;
}

/**
 * The one way to open a store: `postgres://…` or `postgresql://…` (optionally `?schema=NAME`)
 * opens the PostgreSQL store, anything else is a SQLite file. Each dialect is loaded only when
 * used, so SQLite users never load pg and the other way round.
 */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  const order = options.classificationOrder === undefined ? {} : { classificationOrder: options.classificationOrder };
  if (isPostgresLocation(location)) {
    const { openPostgresStore } = await import('./postgres/postgres-store.js');
    return openPostgresStore(location, { ...order, mustExist: options.mustExist ?? false });
  }
  if (options.mustExist && !existsSync(location)) {
    throw new StoreMissingError(`no store at ${location}: run \`parallax ingest PATH... --db ${location}\` first`);
  }
  const { openSqliteStore } = await import('./sqlite/sqlite-store.js');
  return openSqliteStore(location, order);
}
