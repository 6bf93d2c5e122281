import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runParallax } from '../io.fixture.js';

test('demo ingests the samples and shows claims, people, copies, propositions and conflicts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-demo-'));
  try {
    const { code, out, err } = await runParallax(['demo', '--db', join(dir, 'demo.db')]);
    assert.equal(code, 0, err);
    for (const section of ['Claims', 'People', 'Duplicates', 'Propositions', 'Conflicts']) assert.match(out, new RegExp(`^${section}`, 'm'));
    assert.match(out, /#\d+ Gyeongbu News Service\s+copies\s+#\d+ Northern Star Monitor/, 'the syndicated copy points at its original, both named by their outlets');
    assert.match(out, /North Korea: personnel in Russia\s+\d+\s+\d+/);
    assert.match(out, /Kim Jong Un/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('demo --port without --serve is a usage error, before anything is written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-demo-'));
  try {
    const { code, err } = await runParallax(['demo', '--db', join(dir, 'demo.db'), '--port', '7999']);
    assert.notEqual(code, 0);
    assert.match(err, /--port and --host go with --serve/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
