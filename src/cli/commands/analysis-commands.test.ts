import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { fixtureReport, troopsInRussia } from '../../store/analysis.fixture.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { runParallax } from '../io.fixture.js';

let dir: string;
let db: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-analysis-cli-'));
  db = join(dir, 'cli.db');
  const store = await openSqliteStore(db);
  await store.ingest([
    fixtureReport('one.txt', { source: 'Harbour Times', published: '2024-11-04' }, [
      troopsInRussia('About 3,000 North Korean troops are in Russia at present.', 'About 3,000', 3000, { qualifier: 'approximate' }),
    ]),
    fixtureReport('two.txt', { source: 'Dnipro Daily', published: '2024-11-04' }, [
      troopsInRussia("Ukraine's military intelligence said 12,000 North Korean troops are in Russia at present.", '12,000', 12000, {
        attributedTo: "Ukraine's military intelligence",
      }),
    ]),
    fixtureReport('three.txt', { source: 'Steppe Monitor', published: '2024-12-01' }, [
      { ...troopsInRussia('Kim sent 5,000 North Korean engineers to Russia as well.', '5,000', 5000), unit: 'engineers', counted: 'North Korean engineers' },
    ]),
  ]);
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runParallax([...argv, '--db', db]);

test('propositions, estimates, conflicts, sources and alerts, as tables and as JSON', async () => {
  const props = await run('propositions', '--json');
  assert.equal(props.code, 0, props.err);
  const list = JSON.parse(props.out) as { id: string; label: string; claims: number; conflictIds: string[] }[];
  assert.equal(list.length, 2);
  const troops = list.find((p) => p.claims === 2)!;
  assert.equal(troops.conflictIds.length, 1);
  assert.match(props.err, /1 new alert/);

  const table = await run('propositions');
  assert.match(table.out, new RegExp(`${troops.id.slice(0, 10)}\\s+${troops.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+2\\s+2`));

  const conflicts = JSON.parse((await run('conflicts', '--json')).out) as { gap: number; propositionLabel: string }[];
  assert.equal(conflicts.length, 1);
  assert.equal(conflicts[0]!.gap, 12000 - 3150);

  const chart = join(dir, 'troops.svg');
  const est = await run('estimates', troops.id.slice(0, 7), '--chart', chart);
  assert.equal(est.code, 0, est.err);
  assert.match(est.out, /~3,000\s+2,850–3,150\s+Harbour Times/);
  assert.match(est.out, /contested/);
  const svg = readFileSync(chart, 'utf8');
  assert.equal(XMLValidator.validate(svg), true);
  assert.equal(svg.match(/<circle class="claim/g)?.length, 2);
  assert.equal((await run('estimates', 'no such thing')).code, 2);
  const png = join(dir, 'troops.png');
  assert.equal((await run('estimates', troops.id, '--chart', png)).code, 0);
  const bytes = readFileSync(png);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(bytes.length > 2000, 'with something drawn in it');
  assert.equal((await run('estimates', troops.id, '--chart', join(dir, 'x.gif'))).code, 2, 'GIF is not offered');

  const grade = await run('source', 'grade', "Ukraine's military intelligence", 'b');
  assert.equal(grade.code, 0, grade.err);
  assert.match(grade.out, /: B, usually reliable/);
  assert.match(grade.out, /alert: .*best estimate moved/);
  const sources = JSON.parse((await run('source', 'list', '--json')).out) as { label: string; reliability: string; graded: boolean }[];
  assert.deepEqual(
    sources.map((s) => [s.label, s.reliability, s.graded]).sort(),
    [["Harbour Times", 'F', false], ["Steppe Monitor", 'F', false], ["Ukraine's military intelligence", 'B', true]],
  );
  assert.equal((await run('source', 'grade', 'Harbour Times', 'G')).code, 2, 'G is not a grade analysts give');

  const alerts = JSON.parse((await run('alerts', '--json')).out) as { kind: string }[];
  assert.deepEqual(alerts.map((a) => a.kind), ['estimate-moved', 'new-conflict'], 'newest first');
});

test('merge and split through the command line persist as overrides and can be withdrawn', async () => {
  const before = JSON.parse((await run('propositions', '--json')).out) as { id: string; label: string; claims: number }[];
  const troops = before.find((p) => p.claims === 2)!;
  const engineers = before.find((p) => p.claims === 1)!;
  const merged = await run('propositions', 'merge', troops.id, engineers.id.slice(2, 10));
  assert.equal(merged.code, 0, merged.err);
  assert.match(merged.out, /3 claims/);
  const after = JSON.parse((await run('propositions', '--json')).out) as { id: string; claims: number; origin: string }[];
  assert.deepEqual(after.map((p) => [p.id, p.claims, p.origin]), [[troops.id, 3, 'merged']]);

  const { proposition } = JSON.parse((await run('estimates', troops.id, '--json')).out) as {
    proposition: { series: { claimId: string; sentence: string }[] };
  };
  const engineerClaim = proposition.series.find((s) => s.sentence.includes('engineers'))!.claimId;
  const split = await run('propositions', 'split', troops.id, engineerClaim, '--label', 'Engineers sent in December');
  assert.equal(split.code, 0, split.err);
  const labels = (JSON.parse((await run('propositions', '--json')).out) as { label: string; origin: string }[]).map((p) => `${p.label}/${p.origin}`);
  assert.ok(labels.includes('Engineers sent in December/split'), labels.join(', '));

  const overrides = JSON.parse((await run('propositions', 'overrides', '--json')).out) as { id: number; override: { kind: string } }[];
  assert.deepEqual(overrides.map((o) => o.override.kind), ['merge', 'split']);
  for (const o of overrides) assert.equal((await run('propositions', 'withdraw', String(o.id))).code, 0);
  assert.equal((JSON.parse((await run('propositions', '--json')).out) as unknown[]).length, 2, 'back as grouped');
});
