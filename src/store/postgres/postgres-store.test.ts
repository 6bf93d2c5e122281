import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { LOCAL_ADMIN } from '../../domain/viewer.js';
import { BODY, doc, input } from '../conformance/report-fixture.js';
import { prepareReport } from '../prepare-report.js';
import { MARKINGS, VIEWERS } from '../../share/policy.fixture.js';
import { canSee, POSTGRES_SQL, visibleReportsSql } from '../../share/policy.js';
import { storeConformance } from '../conformance/index.js';
import { postgresTestStores } from '../test-stores.fixture.js';
import { numbered } from './database.js';
import { parsePostgresLocation } from './postgres-store.js';
import { joinMarkedParts, tsQuery } from './search.js';

storeConformance(await postgresTestStores());

const stores = await postgresTestStores();

// PostgreSQL alone.
describe('PostgreSQL store', { skip: stores.skip ?? false }, () => {
  const own = stores.skip ? undefined : stores;
  after(() => own?.dispose());

  test('canSee and its PostgreSQL form agree on every marking and viewer', async () => {
    const location = own!.newLocation();
    const store = await own!.open(location);
    await store.close();
    await own!.query(location, 'CREATE TABLE policy_reports (id integer PRIMARY KEY, classification text, owner text, tlp text)');
    await own!.query(location, 'CREATE TABLE report_releases_copy (report_id integer, grantee text)');
    for (const [i, m] of MARKINGS.entries()) {
      await own!.query(location, 'INSERT INTO policy_reports VALUES (?, ?, ?, ?)', [i, m.classification, m.owner, m.tlp]);
      for (const g of m.releasableTo) await own!.query(location, 'INSERT INTO report_releases_copy VALUES (?, ?)', [i, g]);
    }
    for (const viewer of VIEWERS) {
      const { sql, params } = visibleReportsSql(viewer, 'r', undefined, POSTGRES_SQL);
      const rows = await own!.query<{ id: number }>(
        location,
        `SELECT id FROM policy_reports r WHERE ${sql.replaceAll('report_releases', 'report_releases_copy')} ORDER BY id`,
        params,
      );
      assert.deepEqual(
        rows.map((r) => r.id),
        MARKINGS.flatMap((m, i) => (canSee(viewer, m) ? [i] : [])),
        viewer.partnerId,
      );
    }
  });

  test('placeholders are numbered outside quoted literals only', () => {
    assert.equal(numbered("SELECT ? WHERE a = '?' AND b IN (?, ?)"), "SELECT $1 WHERE a = '?' AND b IN ($2, $3)");
  });

  test('search terms become phraseto_tsquery calls, AND within an alternative, OR between them', () => {
    assert.deepEqual(tsQuery('KN-23 launchers OR "Kursk region"'), {
      sql: "((phraseto_tsquery('english', ?) && phraseto_tsquery('english', ?)) || (phraseto_tsquery('english', ?)))",
      params: ['KN 23', 'launchers', 'Kursk region'],
    });
    assert.equal(tsQuery('( - OR )'), undefined);
    assert.equal(joinMarkedParts('the «self»-«propelled» «guns»'), 'the «self-propelled» «guns»');
  });

  test('a location names its schema; a name that is not plain is refused', () => {
    assert.deepEqual(parsePostgresLocation('postgres://u@h:5432/db?schema=intel_2'), { connectionString: 'postgres://u@h:5432/db', schema: 'intel_2' });
    assert.throws(() => parsePostgresLocation('postgres://u@h/db?schema=a;drop'), /not a plain lower-case name/);
  });

  test('query commands do not create a store where there is none', async () => {
    const { openStore } = await import('../open-store.js');
    await assert.rejects(openStore(own!.newLocation(), { mustExist: true }), /no store in/);
  });

  test('the peers\' feed and storing times are in commit order: a report whose id is lower but which commits later is not skipped', async () => {
    const location = own!.newLocation();
    const [a, b] = [await own!.open(location), await own!.open(location)];
    const { connectionString, schema } = parsePostgresLocation(location);
    const blocker = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
    await blocker.connect();
    try {
      const [v1] = await a.ingest([input(doc('wire/depot', BODY))]);
      // Hold the first version's row: its replacement gets its id, then waits to delete it.
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM reports WHERE id = $1 FOR UPDATE', [v1!.reportId]);
      const replacing = a.ingest([input(doc('wire/depot', `Updated. ${BODY}`))]);
      for (let waiting = 0, tries = 0; waiting === 0; tries++) {
        assert.ok(tries < 500, 'the replacement never waited for the held row');
        await new Promise((resolve) => setTimeout(resolve, 20));
        const { rows } = await blocker.query<{ n: string }>(
          `SELECT COUNT(*) AS n FROM pg_locks l JOIN pg_locks mine ON mine.pid = pg_backend_pid() AND mine.locktype = l.locktype
             AND mine.transactionid IS NOT DISTINCT FROM l.transactionid AND mine.granted
           WHERE NOT l.granted AND l.locktype = 'transactionid'`,
        );
        waiting = Number(rows[0]!.n);
      }
      // Not a copy of the held report (a copy would wait on it too, to link to it).
      const [other] = await b.ingest([prepareReport(doc('wire/other', 'Officials said on Monday that 300 artillery shells had arrived by rail.'))]);
      const first = await a.listOutgoingReports(LOCAL_ADMIN, { afterId: 0, limit: 100, exceptInstance: 'px-none' });
      assert.deepEqual(first.map((r) => r.id), [v1!.reportId, other!.reportId]);
      await blocker.query('ROLLBACK');
      const [v2] = await replacing;
      assert.equal(v2!.status, 'updated');
      assert.ok(v2!.reportId! < other!.reportId!, 'the replacement drew its id first and committed last');
      const next = await a.listOutgoingReports(LOCAL_ADMIN, { afterId: first.at(-1)!.cursor, limit: 100, exceptInstance: 'px-none' });
      assert.deepEqual(next.map((r) => r.id), [v2!.reportId], 'a cursor of ids would have skipped it');
      // TAXII's added_after: the replacement began before the other report but committed after it,
      // so it must be stored after it, or a client paging from the other's date_added misses it.
      const storedAt = new Map((await a.listReports(LOCAL_ADMIN)).map((r) => [r.id, r.ingestedAt]));
      assert.ok(storedAt.get(v2!.reportId!)! > storedAt.get(other!.reportId!)!, 'storing times follow commit order');
      const added = await a.listReports(LOCAL_ADMIN, { addedAfter: storedAt.get(other!.reportId!)! });
      assert.deepEqual(added.map((r) => r.id), [v2!.reportId]);
    } finally {
      await blocker.end();
      await a.close();
      await b.close();
    }
  });

  describe('two processes', () => {
    let location: string;
    before(() => {
      location = own!.newLocation();
    });

    test('migrating the same schema at once: one migrates, the other finds it done', async () => {
      const opened = await Promise.all([own!.open(location), own!.open(location), own!.open(location)]);
      for (const s of opened) assert.equal(await s.countReports(LOCAL_ADMIN), 0);
      await Promise.all(opened.map((s) => s.close()));
      const [m] = await own!.query<{ n: number }>(location, 'SELECT COUNT(*) AS n FROM schema_migrations');
      assert.equal(Number(m!.n), own!.migrations);
    });
  });
});
