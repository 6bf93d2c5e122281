import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { collectBytes } from '../../collect/index.js';
import { extract } from '../../exploit/pipeline.js';
import { postgresTestStores, sqliteTestStores, type TestStores } from '../../store/test-stores.fixture.js';
import { syntheticReports } from '../synthetic-reports.js';

// Run the CLI the way this test runs: sources through tsx, or the compiled dist/.
const fromSource = import.meta.url.endsWith('.ts');
const MAIN = fileURLToPath(new URL(fromSource ? '../main.ts' : '../main.js', import.meta.url));
const NODE_ARGS = fromSource ? ['--import', 'tsx', MAIN] : [MAIN];

function parallax(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [...NODE_ARGS, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const GOOD_1 = 'Kyiv said about 3,000 North Korean troops had reached the front in November. More were expected.\n';
const GOOD_2 = 'A Seoul lawmaker said 150 containers of shells left Rason port last month, citing intelligence.\n';

const sqlite = sqliteTestStores();
const postgres = await postgresTestStores();
after(() => Promise.all([sqlite.dispose(), postgres.dispose()]));

/** Read past the policy: every report is whole (claims, entities, marking, search index). */
async function storeIsWhole(stores: TestStores, location: string): Promise<{ reports: number; origins: string[] }> {
  const count = async (sql: string) => Number((await stores.query<{ n: number }>(location, sql))[0]!.n);
  if (stores.dialect === 'sqlite') {
    const db = new Database(location, { readonly: true });
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    db.close();
  }
  const reports = await count('SELECT COUNT(*) AS n FROM reports');
  const indexed = await count(stores.dialect === 'sqlite' ? 'SELECT COUNT(*) AS n FROM reports_fts' : 'SELECT COUNT(*) AS n FROM reports WHERE search IS NOT NULL');
  assert.equal(indexed, reports, 'every report is in the full-text index');
  const partial = await stores.query(
    location,
    `SELECT r.origin FROM reports r WHERE r.claim_count <> (SELECT COUNT(*) FROM claims c WHERE c.report_id = r.id)
     OR r.entity_count <> (SELECT COUNT(*) FROM report_entities e WHERE e.report_id = r.id)
     OR NOT EXISTS (SELECT 1 FROM report_releases rr WHERE rr.report_id = r.id)`,
  );
  assert.deepEqual(partial, [], 'no report misses claims, entities or its marking');
  const origins = (await stores.query<{ origin: string }>(location, 'SELECT origin FROM reports ORDER BY origin')).map((r) => r.origin);
  return { reports, origins };
}

for (const stores of [sqlite, postgres]) {
  test(`bad inputs are named and skipped; the good files of the batch are stored; exit 1 (${stores.dialect})`, { skip: stores.skip ?? false }, async () => {
    await badInputsAreSkipped(stores);
  });
}

async function badInputsAreSkipped(stores: TestStores): Promise<void> {
  const input = join(dir, `batch-${stores.dialect}`);
  mkdirSync(input);
  writeFileSync(join(input, 'good-1.txt'), GOOD_1);
  writeFileSync(join(input, 'good-2.txt'), GOOD_2);
  writeFileSync(join(input, 'empty.txt'), '');
  writeFileSync(join(input, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]));
  writeFileSync(join(input, 'latin1.txt'), Buffer.from('Troupes d\xe9ploy\xe9es pr\xe8s de Koursk\n', 'latin1'));
  writeFileSync(join(input, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'troops '));
  writeFileSync(join(input, 'headless.html'), '<!doctype html><html><head><title>Nothing here</title></head></html>');
  writeFileSync(join(input, 'broken.rss'), '<?xml version="1.0"?><rss><channel><item><title>Shells</title></channel>');
  const db = stores.newLocation();
  const missing = join(dir, 'no-such-report.txt');
  const r = parallax(['ingest', input, missing, '--db', db]);
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stderr.trim().split('\n');
  for (const name of ['empty.txt', 'binary.txt', 'latin1.txt', 'huge.txt', 'headless.html', 'broken.rss', 'no-such-report.txt']) {
    const line = lines.find((l) => l.includes(name));
    assert.ok(line, `a message names ${name}:\n${r.stderr}`);
    assert.match(line, /^parallax ingest: \S.*: \S/, line);
  }
  assert.match(lines.find((l) => l.includes('huge.txt'))!, /50\.0 MB|too large|limit/);
  assert.match(lines.find((l) => l.includes('latin1.txt'))!, /UTF-8/);
  const { origins } = await storeIsWhole(stores, db);
  assert.ok(origins.some((o) => o.endsWith('good-1.txt')));
  assert.ok(origins.some((o) => o.endsWith('good-2.txt')));
  assert.equal(origins.length, 2, 'nothing of the bad files is stored');

  const again = parallax(['ingest', join(input, 'good-1.txt'), join(input, 'good-2.txt'), '--db', db, '--json']);
  assert.equal(again.status, 0, again.stderr);
  const summary = JSON.parse(again.stdout) as { unchanged: number; ingested: number };
  assert.equal(summary.unchanged, 2, 're-ingesting the same documents does not duplicate them');
  assert.equal(summary.ingested, 0);
  assert.equal((await storeIsWhole(stores, db)).reports, origins.length);
}

for (const stores of [sqlite, postgres]) {
  test(`a syndicated copy under another file name is stored once more but linked to its original (${stores.dialect})`, { skip: stores.skip ?? false }, () => {
    syndicatedCopyIsLinked(stores);
  });
}

function syndicatedCopyIsLinked(stores: TestStores): void {
  const input = join(dir, `copies-${stores.dialect}`);
  mkdirSync(input);
  const body = syntheticReports(1, { seed: 3 })[0]!.text.split('\n\n')[1]!;
  writeFileSync(join(input, 'a-original.txt'), `Harbour Times\n\n${body}\n\nSubscribe for more.\n`);
  writeFileSync(join(input, 'b-republished.txt'), `Morning Brief — via Harbour Times\n\n${body}\n\nShare this story.\n`);
  const db = stores.newLocation();
  const r = parallax(['ingest', input, '--db', db, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const reports = JSON.parse(parallax(['reports', '--db', db, '--json']).stdout) as { id: number; duplicateOf: number | null }[];
  assert.equal(reports.length, 2);
  assert.equal(reports[1]?.duplicateOf, reports[0]?.id);
}

test('SIGKILL in the middle of 1,000 reports leaves whole reports only; a second run completes the rest', async () => {
  const input = join(dir, 'thousand');
  mkdirSync(input);
  const reports = syntheticReports(1000, { seed: 11 });
  // Long enough that the run takes a moment; each report has its own number, so none is an exact copy.
  for (const r of reports) writeFileSync(join(input, r.name), r.text.repeat(4));
  const db = join(dir, 'thousand.db');
  const child = spawn(process.execPath, [...NODE_ARGS, 'ingest', input, '--db', db], {
    stdio: 'ignore',
    env: { ...process.env, PARALLAX_INGEST_CHUNK: '10' },
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let killedAt = -1;
  for (let i = 0; i < 3000 && child.exitCode === null; i++) {
    await new Promise((r) => setTimeout(r, 5));
    let n = 0;
    try {
      const probe = new Database(db, { readonly: true, fileMustExist: true });
      try {
        n = (probe.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
      } finally {
        probe.close();
      }
    } catch {
      continue; // not created or not migrated yet
    }
    if (n >= 50) {
      child.kill('SIGKILL');
      killedAt = n;
      break;
    }
  }
  await exited;
  assert.ok(killedAt >= 50, 'the ingest was killed while it ran');

  const first = await storeIsWhole(sqlite, db);
  assert.ok(first.reports >= killedAt && first.reports < 1000, `killed part way: ${first.reports} stored`);
  // Every stored report holds exactly what a fresh extraction of its file finds.
  const check = new Database(db, { readonly: true });
  const rows = check.prepare('SELECT origin, claim_count, entity_count FROM reports').all() as {
    origin: string;
    claim_count: number;
    entity_count: number;
  }[];
  check.close();
  for (const row of rows.slice(0, 200)) {
    const [doc] = collectBytes(row.origin, readFileSync(row.origin));
    const fresh = extract(doc!);
    assert.equal(row.claim_count, fresh.claims.length, row.origin);
    assert.equal(row.entity_count, new Set(fresh.entities.map((e) => e.key)).size, row.origin);
  }

  const second = parallax(['ingest', input, '--db', db, '--json']);
  assert.equal(second.status, 0, second.stderr);
  const summary = JSON.parse(second.stdout) as { unchanged: number; ingested: number; duplicates: number };
  assert.equal(summary.unchanged, first.reports);
  assert.equal(summary.ingested + summary.duplicates, 1000 - first.reports);
  const final = await storeIsWhole(sqlite, db);
  assert.equal(final.reports, 1000);
  assert.equal(new Set(final.origins).size, 1000);
});
