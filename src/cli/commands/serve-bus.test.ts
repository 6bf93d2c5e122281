import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { deleteTestStream, requireNats, skipNats, TEST_NATS_URL, uniquePrefix } from '../../server/nats.fixture.js';

const fromSource = import.meta.url.endsWith('.ts');
const MAIN = fileURLToPath(new URL(fromSource ? '../main.ts' : '../main.js', import.meta.url));
const NODE_ARGS = fromSource ? ['--import', 'tsx', MAIN] : [MAIN];
const ENV = { ...process.env, PARALLAX_BUS: '', PARALLAX_NODE_ID: '' };

function parallax(args: string[]) {
  const r = spawnSync(process.execPath, [...NODE_ARGS, ...args], { encoding: 'utf8', env: ENV, timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-serve-bus-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('serve refuses bus options it cannot use, naming them', () => {
  const db = join(dir, 'refused.db');
  const noBus = parallax(['serve', '--db', db, '--node-id', 'a']);
  assert.equal(noBus.status, 2);
  assert.match(noBus.stderr, /--bus-prefix and --node-id need --bus nats:\/\/HOST:PORT/);
  const notNats = parallax(['serve', '--db', db, '--bus', 'http://127.0.0.1:4222']);
  assert.equal(notNats.status, 2);
  assert.match(notNats.stderr, /--bus wants nats:\/\/HOST:PORT, not "http:\/\/127.0.0.1:4222"/);
  const badId = parallax(['serve', '--db', db, '--bus', 'nats://127.0.0.1:4222', '--node-id', 'a.b']);
  assert.equal(badId.status, 2);
  assert.match(badId.stderr, /node id "a\.b": only letters, digits, _ and -/);
});

test('serve says so when the bus cannot be reached', () => {
  // Port 1: nothing listens there.
  const r = parallax(['serve', '--db', join(dir, 'unreachable.db'), '--bus', 'nats://127.0.0.1:1']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /parallax serve: cannot reach the bus nats:\/\/127\.0\.0\.1:1/);
});

test('serve --bus streams through JetStream and stops cleanly', { skip: skipNats }, async () => {
  await requireNats();
  const prefix = uniquePrefix();
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [...NODE_ARGS, 'serve', '--db', join(dir, 'bus.db'), '--port', String(port), '--bus', TEST_NATS_URL, '--bus-prefix', prefix], {
    env: ENV,
  });
  try {
    let out = '';
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: string) => {
        out += d;
        if (out.includes('live events through')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    assert.match(out, new RegExp(`live events through ${TEST_NATS_URL} stream ${prefix}_events, consumer ${prefix}_\\S+-${port}\\n`), 'the node id defaults to host and port');
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  } finally {
    child.kill();
    await deleteTestStream(prefix);
  }
});
