import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { LOCAL_ADMIN } from '../../domain/viewer.js';
import { storeConformance } from '../conformance/index.js';
import { BODY, doc, input } from '../conformance/report-fixture.js';
import { sqliteTestStores } from '../test-stores.fixture.js';
import { openSqliteStore } from './sqlite-store.js';

storeConformance(sqliteTestStores());

// SQLite alone: one file in WAL mode, folded back into one file on close.
test('a SQLite store is one file in WAL mode while open, and one file when closed', async () => {
  const stores = sqliteTestStores();
  try {
    const file = stores.newLocation();
    const store = await openSqliteStore(file);
    await store.ingest([input(doc('a.txt', BODY))]);
    const db = new Database(file, { readonly: true });
    assert.equal((db.pragma('journal_mode', { simple: true }) as string).toLowerCase(), 'wal');
    db.close();
    await store.close();
    const again = await openSqliteStore(file);
    assert.equal(await again.countReports(LOCAL_ADMIN), 1);
    await again.close();
  } finally {
    await stores.dispose();
  }
});
