import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runParallax } from '../io.fixture.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-peer-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('peer add, list and remove; the token is kept but never printed', async () => {
  const db = join(dir, 'peers.db');
  assert.equal((await runParallax(['partner', 'add', 'jp-mod', '--clearance', 'RESTRICTED', '--db', db])).code, 0);
  const added = await runParallax(['peer', 'add', 'http://10.0.0.2:7340/', '--as', 'jp-mod', '--token', 'plx_fromPeer123', '--db', db]);
  assert.equal(added.code, 0, added.err);
  assert.match(added.out, /^peer 1 added: http:\/\/10\.0\.0\.2:7340 gets what jp-mod may see; this instance is px-/);

  const list = await runParallax(['peer', 'list', '--db', db]);
  assert.match(list.out, /^id\s+peer\s+as\s+instance\s+sent\s+refused/);
  assert.match(list.out, /1\s+http:\/\/10\.0\.0\.2:7340\s+jp-mod\s+\(not reached yet\)\s+0\s+0/);
  assert.ok(!list.out.includes('plx_fromPeer123'));
  const json = JSON.parse((await runParallax(['peer', 'list', '--json', '--db', db])).out) as { instance: string; peers: Record<string, unknown>[] };
  assert.match(json.instance, /^px-/);
  assert.equal(json.peers[0]!['partnerId'], 'jp-mod');
  assert.ok(!('token' in json.peers[0]!));

  const taken = await runParallax(['peer', 'add', 'http://10.0.0.2:7340', '--as', 'jp-mod', '--token', 'plx_x', '--db', db]);
  assert.equal(taken.code, 2);
  assert.match(taken.err, /exists already/);
  const nobody = await runParallax(['peer', 'add', 'http://10.0.0.3:7340', '--as', 'nobody', '--token', 'plx_x', '--db', db]);
  assert.match(nobody.err, /no partner "nobody"/);
  assert.match((await runParallax(['peer', 'add', 'ftp://x', '--as', 'jp-mod', '--token', 'plx_x', '--db', db])).err, /http or https/);
  assert.match((await runParallax(['peer', 'add', 'http://x', '--token', 'plx_x', '--db', db])).err, /--as PARTNER/);
  assert.match((await runParallax(['peer', 'add', 'http://user:pw@x', '--as', 'jp-mod', '--token', 'plx_x', '--db', db])).err, /address only/);

  const removed = await runParallax(['peer', 'remove', 'http://10.0.0.2:7340/', '--db', db]);
  assert.equal(removed.code, 0, removed.err);
  assert.match(removed.out, /peer 1 \(http:\/\/10\.0\.0\.2:7340\) removed/);
  const again = await runParallax(['peer', 'remove', '1', '--db', db]);
  assert.equal(again.code, 1);
  assert.match(again.err, /no peer 1/);
});

test('peer key prints the key this instance signs with; peer trust pins another instance\'s key once', async () => {
  const db = join(dir, 'keys.db');
  const other = join(dir, 'other.db');
  const mine = JSON.parse((await runParallax(['peer', 'key', '--json', '--db', db])).out) as { instance: string; publicKey: string };
  assert.match(mine.instance, /^px-/);
  assert.match((await runParallax(['peer', 'key', '--db', db])).out, new RegExp(`^${mine.instance} signs its reports with the Ed25519 key\\n${mine.publicKey.replace(/[+/]/g, '\\$&')}\\n$`));
  const theirs = JSON.parse((await runParallax(['peer', 'key', '--json', '--db', other])).out) as { instance: string; publicKey: string };
  const trusted = await runParallax(['peer', 'trust', theirs.instance, theirs.publicKey, '--db', db]);
  assert.equal(trusted.code, 0, trusted.err);
  assert.match(trusted.out, /verified with this key from now on/);
  assert.equal((await runParallax(['peer', 'trust', theirs.instance, theirs.publicKey, '--db', db])).code, 0, 'the same key again is fine');
  const another = await runParallax(['peer', 'trust', theirs.instance, mine.publicKey, '--db', db]);
  assert.equal(another.code, 1);
  assert.match(another.err, /has another key pinned already/);
  assert.match((await runParallax(['peer', 'trust', theirs.instance, 'bm90IGEga2V5', '--db', db])).err, /not an Ed25519 public key/);
  assert.match((await runParallax(['peer', 'trust', mine.instance, theirs.publicKey, '--db', db])).err, /is this instance/);

  // An administrator told of a new key (the old one lost) pins it over the old one.
  const replaced = await runParallax(['peer', 'trust', theirs.instance, mine.publicKey, '--replace', '--db', db]);
  assert.equal(replaced.code, 0, replaced.err);
  assert.match((await runParallax(['peer', 'trust', theirs.instance, mine.publicKey, '--db', db])).out, /verified with this key/, 'now the pinned one');

  // Rotating: a new key, the old one named; the statement is kept to go with pushes.
  const rotated = JSON.parse((await runParallax(['peer', 'key', '--rotate', '--json', '--db', db])).out) as { instance: string; publicKey: string; previousKey: string };
  assert.equal(rotated.instance, mine.instance);
  assert.equal(rotated.previousKey, mine.publicKey);
  assert.notEqual(rotated.publicKey, mine.publicKey);
  assert.equal(JSON.parse((await runParallax(['peer', 'key', '--json', '--db', db])).out).publicKey, rotated.publicKey);
  assert.match((await runParallax(['peer', 'key', '--rotate', '--db', db])).out, new RegExp(`it replaces ${rotated.publicKey.replace(/[+/]/g, '\\$&')}`));
  assert.match((await runParallax(['peer', 'list', '--rotate', '--db', db])).err, /--rotate goes with `peer key`/);
});
