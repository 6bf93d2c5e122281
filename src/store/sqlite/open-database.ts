import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

/**
 * Opens (creating if needed) one SQLite file and brings its schema up to date.
 * WAL: readers never block the writer and a killed writer leaves the last commit intact.
 * synchronous=NORMAL: in WAL mode a crash of the process loses nothing committed; only a power
 * cut may lose the last transactions, never corrupt the file.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    // Ingest inserts into several b-trees at random keys (hashes, bands, the FTS index): a page
    // cache of 64 MB keeps their inner pages in memory instead of re-reading them from the file.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    if (!options.readonly) migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
