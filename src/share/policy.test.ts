import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { Marking } from '../domain/marking.js';
import { LOCAL_ADMIN, type Viewer } from '../domain/viewer.js';
import { MARKINGS, VIEWERS } from './policy.fixture.js';
import { canSee, visibleReportsSql } from './policy.js';

test('canSee and its SQL form agree on every marking and viewer', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE reports (id INTEGER PRIMARY KEY, classification TEXT, owner TEXT, tlp TEXT);
           CREATE TABLE report_releases (report_id INTEGER, grantee TEXT)`);
  MARKINGS.forEach((m, i) => {
    db.prepare('INSERT INTO reports VALUES (?, ?, ?, ?)').run(i, m.classification, m.owner, m.tlp);
    for (const g of m.releasableTo) db.prepare('INSERT INTO report_releases VALUES (?, ?)').run(i, g);
  });
  for (const viewer of VIEWERS) {
    const { sql, params } = visibleReportsSql(viewer, 'r');
    const inSql = (db.prepare(`SELECT id FROM reports r WHERE ${sql} ORDER BY id`).all(...params) as { id: number }[]).map(
      (r) => r.id,
    );
    const inMemory = MARKINGS.flatMap((m, i) => (canSee(viewer, m) ? [i] : []));
    assert.deepEqual(inSql, inMemory, viewer.partnerId);
  }
  db.close();
});

test('release rules: owner, named partner, community, ALL, and TLP limits', () => {
  const kr: Viewer = { partnerId: 'kr-mnd', clearance: 'SECRET', communities: ['five-eyes'], role: 'analyst' };
  const m = (releasableTo: string[], tlp: Marking['tlp'] = 'TLP:GREEN', owner = 'local'): Marking => ({
    classification: 'UNCLASSIFIED',
    releasableTo,
    owner,
    tlp,
  });
  assert.equal(canSee(kr, m(['ALL'])), true);
  assert.equal(canSee(kr, m(['five-eyes'])), true);
  assert.equal(canSee(kr, m(['jp-mod'])), false);
  assert.equal(canSee(kr, m([], 'TLP:GREEN', 'kr-mnd')), true, 'the owner always sees its own');
  assert.equal(canSee(kr, m(['ALL'], 'TLP:RED')), false, 'RED never goes out through ALL');
  assert.equal(canSee(kr, m(['five-eyes'], 'TLP:AMBER+STRICT')), false);
  assert.equal(canSee(kr, m(['kr-mnd'], 'TLP:RED')), true);
  assert.equal(canSee(kr, { ...m(['ALL']), classification: 'TOP-LEVEL' }), false, 'unknown classification is hidden');
});

test('the SQL fragment refuses an alias that is not an identifier', () => {
  assert.throws(() => visibleReportsSql(LOCAL_ADMIN, 'r; DROP TABLE reports'));
});
