import { resolve } from 'node:path';
import type { Store } from '../store/store.js';
import { CommandFailure, UsageError } from './command.js';

/**
 * Where the store is: `--db`, else $PARALLAX_DB, else ./parallax.db. A `postgres://` or
 * `postgresql://` URL names a PostgreSQL database; anything else is a SQLite file (made absolute).
 */
export function storeLocation(db: string | undefined): string {
  const location = db ?? process.env['PARALLAX_DB'] ?? 'parallax.db';
  return /^postgres(ql)?:\/\//i.test(location) ? location : resolve(location);
}

/** The store cannot be opened (missing, not a database, newer schema, unreachable): a plain message, exit 1. */
export class StoreOpenError extends CommandFailure {}

/**
 * Opens the store at a location through the one factory (src/store/open-store.ts), loading the
 * dialect only then, so commands that do not touch a store load neither driver. Query commands
 * pass mustExist: a typo in --db should not create an empty store.
 */
export async function openStoreAt(location: string, options: { mustExist?: boolean; classificationOrder?: readonly string[] } = {}): Promise<Store> {
  const { openStore, StoreMissingError } = await import('../store/open-store.js');
  try {
    return await openStore(location, options);
  } catch (e) {
    if (e instanceof StoreMissingError) throw new StoreOpenError(e.message);
    throw new StoreOpenError(`cannot open the store ${displayLocation(location)}: ${(e as Error).message}`);
  }
}

/** A location for messages and output: a URL's password never printed. */
export function displayLocation(location: string): string {
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.protocol.startsWith('postgres') ? url.toString() : location;
  } catch {
    return location;
  }
}

/**
 * Runs an administrative command on the store at `--db` and closes it. A conflict the store
 * refuses (an existing partner or peer, say) is the user's mistake: a usage error, not a crash.
 */
export async function withStore(db: string | undefined, use: (store: Store) => Promise<number>): Promise<number> {
  const store = await openStoreAt(storeLocation(db));
  try {
    return await use(store);
  } catch (e) {
    const { StoreConflictError } = await import('../store/viewer-scope.js');
    if (e instanceof StoreConflictError) throw new UsageError(e.message);
    throw e;
  } finally {
    await store.close();
  }
}
