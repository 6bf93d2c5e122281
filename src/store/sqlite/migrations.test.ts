import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { migrate, type Migration } from './migrations.js';

test('the migration runner applies a version the store lacks even below its highest (numbers taken on parallel branches)', () => {
  const db = new Database(':memory:');
  const m = (version: number): Migration => ({ version, name: `t${version}`, sql: `CREATE TABLE t${version} (x INTEGER);` });
  migrate(db, [m(1), m(3)]);
  migrate(db, [m(1), m(2), m(3)]);
  const versions = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
  assert.deepEqual(versions, [1, 2, 3]);
  assert.ok(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 't2'").get());
  assert.throws(() => migrate(db, [m(1), m(2)]), /newer than this parallax knows/);
  db.close();
});
