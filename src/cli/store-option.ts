import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Store } from '../store/store.js';

/** The store file: `--db FILE`, else $PARALLAX_DB, else ./parallax.db. */
export function storePath(db: string | undefined): string {
  return resolve(db ?? process.env['PARALLAX_DB'] ?? 'parallax.db');
}

/** The store cannot be opened (missing, not a database, newer schema): a plain message, exit 1. */
export class StoreOpenError extends Error {}

/**
 * Opens the SQLite store lazily, so commands that do not touch it never load better-sqlite3.
 * Query commands pass mustExist: a typo in --db should not create an empty store.
 */
export async function openStoreFile(file: string, options: { mustExist?: boolean } = {}): Promise<Store> {
  if (options.mustExist && !existsSync(file)) {
    throw new StoreOpenError(`no store at ${file}: run \`parallax ingest PATH... --db ${file}\` first`);
  }
  const { openSqliteStore } = await import('../store/sqlite/sqlite-store.js');
  try {
    return await openSqliteStore(file);
  } catch (e) {
    throw new StoreOpenError(`cannot open the store ${file}: ${(e as Error).message}`);
  }
}
