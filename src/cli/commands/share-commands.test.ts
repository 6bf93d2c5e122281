import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { hashToken } from '../../share/tokens.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';

const fromSource = import.meta.url.endsWith('.ts');
const MAIN = fileURLToPath(new URL(fromSource ? '../main.ts' : '../main.js', import.meta.url));
const NODE_ARGS = fromSource ? ['--import', 'tsx', MAIN] : [MAIN];

function parallax(args: string[]) {
  const r = spawnSync(process.execPath, [...NODE_ARGS, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-share-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('partner add prints a token once; the store keeps only its hash, and it authenticates as the partner', async () => {
  const db = join(dir, 'partners.db');
  const r = parallax(['partner', 'add', 'kr-mnd', '--clearance', 'CONFIDENTIAL', '--community', 'NATO', '--community', 'KOR-UKR', '--role', 'analyst', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /partner kr-mnd added: clearance CONFIDENTIAL, communities KOR-UKR, NATO/);
  const token = /^(plx_\S+)$/m.exec(r.stdout)?.[1];
  assert.ok(token, r.stdout);
  const raw = new Database(db, { readonly: true });
  const hashes = raw.prepare('SELECT token_hash FROM api_tokens').all() as { token_hash: string }[];
  raw.close();
  assert.deepEqual(hashes, [{ token_hash: hashToken(token) }]);
  const store = await openSqliteStore(db);
  assert.deepEqual(await store.viewerForToken(hashToken(token)), { partnerId: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['KOR-UKR', 'NATO'], role: 'analyst' });
  await store.close();

  const second = parallax(['partner', 'token', 'kr-mnd', '--db', db]);
  assert.equal(second.status, 0);
  assert.match(second.stdout, /reader token 2 for kr-mnd/);
  assert.notEqual(/^(plx_\S+)$/m.exec(second.stdout)?.[1], token);
  assert.match(parallax(['partner', 'list', '--db', db]).stdout, /kr-mnd\s+CONFIDENTIAL\s+KOR-UKR, NATO/);

  assert.equal(parallax(['partner', 'add', 'kr-mnd', '--clearance', 'SECRET', '--db', db]).status, 2, 'a name is taken once');
  assert.equal(parallax(['partner', 'add', 'NATO', '--clearance', 'SECRET', '--db', db]).status, 2, 'a community is not a partner');
  assert.match(parallax(['partner', 'add', 'x', '--clearance', 'TOP', '--db', db]).stderr, /--clearance TOP is not one of/);
  assert.match(parallax(['partner', 'token', 'nobody', '--db', db]).stderr, /no partner "nobody"/);

  assert.equal(parallax(['partner', 'revoke', '1', '--db', db]).stdout, 'token 1 revoked\n');
  assert.equal(parallax(['partner', 'revoke', '1', '--db', db]).status, 1, 'once');
  // The ids to revoke are listed, never the tokens.
  const listed = parallax(['partner', 'tokens', 'kr-mnd', '--db', db]).stdout;
  assert.match(listed, /^\s*1\s+kr-mnd\s+analyst\s+first token\s+\S+ \S+\s+\d{4}-\d\d-\d\d \d\d:\d\d$/m, listed);
  assert.match(listed, /^\s*2\s+kr-mnd\s+reader\s+\S+ \S+\s+live$/m);
  assert.match(listed, /\(2 tokens, 1 live\)/);
  assert.ok(!listed.includes(token));
  const json = JSON.parse(parallax(['partner', 'tokens', '--json', '--db', db]).stdout) as { id: number; revokedAt: string | null }[];
  assert.deepEqual(json.map((t) => [t.id, t.revokedAt === null]), [[1, false], [2, true]]);
  const after = await openSqliteStore(db);
  assert.equal(await after.viewerForToken(hashToken(token)), undefined, 'a revoked token no longer authenticates');
  await after.close();
});

test('audit verify passes an untouched log and names the first entry someone changed or removed', async () => {
  const db = join(dir, 'audit.db');
  const store = await openSqliteStore(db);
  for (let i = 0; i < 5; i++) await store.appendAudit({ partnerId: 'kr-mnd', role: 'reader', action: 'GET /api/v1/reports/:id', status: 200, ids: [`r${i}`] });
  await store.close();
  const ok = parallax(['audit', 'verify', '--db', db]);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.equal(ok.stdout, 'ok 5 entries\n');

  const raw = new Database(db);
  assert.throws(() => raw.prepare("UPDATE audit_log SET status = 404 WHERE id = 3").run(), /append-only/, 'the application cannot change it');
  // Someone with the file drops the guard and rewrites who read report 2.
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
  raw.prepare("UPDATE audit_log SET partner_id = 'jp-mod' WHERE id = 3").run();
  raw.close();
  const broken = parallax(['audit', 'verify', '--db', db]);
  assert.equal(broken.status, 1);
  assert.match(broken.stdout, /broken at entry 3/);

  const raw2 = new Database(db);
  raw2.prepare("UPDATE audit_log SET partner_id = 'kr-mnd' WHERE id = 3").run();
  raw2.prepare('DELETE FROM audit_log WHERE id = 2').run();
  raw2.close();
  const gap = parallax(['audit', 'verify', '--db', db]);
  assert.equal(gap.status, 1);
  assert.match(gap.stdout, /broken at entry 3: entry 2 is missing/);
});
