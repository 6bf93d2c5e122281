import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CollectedDocument } from '../../domain/document.js';
import type { Marking } from '../../domain/marking.js';
import { LOCAL_ADMIN, type Viewer } from '../../domain/viewer.js';
import { newSigningKey } from '../federation-rows.js';
import { prepareReport } from '../prepare-report.js';
import type { ReportProvenance, Store } from '../store.js';
import type { TestStores } from '../test-stores.fixture.js';
import { StorePermissionError } from '../viewer-scope.js';

// Sentences are our own.
const text = (n: number) => `Officials said on Monday that ${n} artillery shells had arrived by rail at the depot.`;
const doc = (origin: string, body: string): CollectedDocument => ({
  origin,
  format: 'text',
  text: body,
  title: null,
  published: '2025-01-06',
  url: null,
  source: null,
  main: { start: 0, end: body.length },
  boilerplate: [],
});
const MARK: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['jp-mod'], owner: 'kr-mnd', tlp: 'TLP:GREEN' };
const JP: Viewer = { partnerId: 'jp-mod', clearance: 'RESTRICTED', communities: ['QUAD'], role: 'reader' };
const from = (originReportId: number, originInstance = 'px-origin'): ReportProvenance => ({
  originInstance,
  originReportId,
  originIngestedAt: '2025-01-06T10:00:00.000Z',
  receivedFrom: originInstance,
  signature: originReportId % 2 === 0 ? null : `c2lnbmVk${originReportId}`,
  verified: originReportId % 2 === 1,
});

/** Federation (the writer rule for received reports, the outgoing feed, peers), as every dialect must do it. */
export function federationTests(stores: TestStores): void {
  describe('federation: instance id, received versions, outgoing reports, peers', () => {
    let store: Store;
    let location: string;
    before(async () => {
      location = stores.newLocation();
      store = await stores.open(location);
      await store.addPartner(LOCAL_ADMIN, { id: 'jp-mod', clearance: 'RESTRICTED', communities: ['QUAD'] });
    });
    after(() => store.close());

    test('the instance id is generated once and survives reopening', async () => {
      const id = await store.instanceId();
      assert.match(id, /^px-[0-9a-f-]{36}$/);
      const again = await stores.open(location);
      assert.equal(await again.instanceId(), id);
      await again.close();
    });

    test('the signing key is generated once and survives reopening; the first key pinned for an instance stays', async () => {
      const key = await store.instanceSigningKey();
      assert.match(key, /^-----BEGIN PRIVATE KEY-----/);
      const again = await stores.open(location);
      assert.equal(await again.instanceSigningKey(), key);
      assert.equal(await again.pinInstanceKey('px-pinned', 'a2V5MQ==', 'px-relay'), 'a2V5MQ==');
      await again.close();
      // Trust on first use: a second key offered later does not replace the first.
      assert.equal(await store.pinInstanceKey('px-pinned', 'a2V5Mg==', 'px-other'), 'a2V5MQ==');
      const keys = await store.instanceKeys(['px-pinned', 'px-unknown', 'px-pinned']);
      assert.deepEqual([...keys], [['px-pinned', 'a2V5MQ==']]);
      assert.equal((await store.instanceKeys([])).size, 0);
    });

    test('key rotations: the signing key is replaced with its statement kept; pins follow statements from the key they hold; an administrator may replace a pin', async () => {
      const own = await store.instanceId();
      const rotation = (instance: string, from: string, to: string, at: string) => ({ instance, from, to, at, signature: 'c2ln' });
      const mine = rotation(own, 'b2xk', 'bmV3', '2025-03-01T00:00:00.000Z');
      const next = newSigningKey();
      await store.replaceSigningKey(next, mine);
      assert.equal(await store.instanceSigningKey(), next);
      assert.deepEqual(await store.keyRotations([own]), [mine]);
      // Statements arrive out of order; the pin moves along them from the key it holds, in time order.
      await store.pinInstanceKey('px-rotating', 'azE=', 'px-relay');
      const later = rotation('px-rotating', 'azI=', 'azM=', '2025-05-01T00:00:00.000Z');
      const earlier = rotation('px-rotating', 'azE=', 'azI=', '2025-04-01T00:00:00.000Z');
      const elsewhere = rotation('px-rotating', 'eDE=', 'eDI=', '2025-06-01T00:00:00.000Z');
      await store.recordKeyRotations([later, elsewhere, earlier], 'px-relay');
      assert.equal((await store.instanceKeys(['px-rotating'])).get('px-rotating'), 'azM=');
      assert.deepEqual(await store.keyRotations(['px-rotating', 'px-unknown']), [earlier, later, elsewhere], 'all kept, to relay, in time order');
      await store.recordKeyRotations([earlier], 'px-relay');
      assert.equal((await store.keyRotations(['px-rotating'])).length, 3, 'a statement kept twice is kept once');
      await store.replaceInstanceKey('px-rotating', 'cmVwaW5uZWQ=', 'local');
      assert.equal((await store.instanceKeys(['px-rotating'])).get('px-rotating'), 'cmVwaW5uZWQ=');
      assert.deepEqual(await store.keyRotations([]), []);
    });

    test('a received version is stored once; a newer one replaces it; an older one is superseded', async () => {
      const v1 = { ...prepareReport(doc('https://example.org/depot', text(100)), { marking: MARK }), provenance: from(7) };
      const [first] = await store.ingest([v1]);
      assert.equal(first!.status, 'ingested');
      const [again] = await store.ingest([{ ...v1 }]);
      assert.deepEqual([again!.status, again!.reportId], ['unchanged', first!.reportId]);
      const v2 = { ...prepareReport(doc('https://example.org/depot', text(200)), { marking: MARK }), provenance: from(9) };
      const [second] = await store.ingest([v2]);
      assert.equal(second!.status, 'updated');
      const [late] = await store.ingest([{ ...prepareReport(doc('https://example.org/depot', text(150)), { marking: MARK }), provenance: from(8) }]);
      assert.deepEqual([late!.status, late!.reportId], ['superseded', second!.reportId]);
      const held = await store.findReport(JP, second!.reportId!);
      assert.ok(held!.text.includes('200'));
      assert.deepEqual({ ...held!.provenance, receivedAt: 'x' }, { ...from(9), receivedAt: 'x' });
      assert.equal(await store.findReport(JP, first!.reportId!), undefined, 'the first version is gone');
    });

    test('received reports read from standard input are never versions of each other', async () => {
      const [one] = await store.ingest([{ ...prepareReport(doc('-', text(600)), { marking: MARK }), provenance: from(30) }]);
      const [two] = await store.ingest([{ ...prepareReport(doc('-', text(700)), { marking: MARK }), provenance: from(31) }]);
      assert.deepEqual([one!.status, two!.status], ['ingested', 'ingested']);
      assert.ok(await store.findReport(JP, one!.reportId!), 'the first stays');
    });

    test('a local write never replaces a received report, nor a received one a local report', async () => {
      const received = await store.listReports(JP);
      const receivedId = received.find((r) => r.origin === 'https://example.org/depot')!.id;
      // The same origin and marking, ingested here: a report of this instance's own.
      const [local] = await store.ingest([prepareReport(doc('https://example.org/depot', text(300)), { marking: MARK })]);
      assert.notEqual(local!.status, 'updated');
      assert.ok(await store.findReport(JP, receivedId), 'the received report stays');
      // A version from another origin instance does not replace either.
      const [other] = await store.ingest([{ ...prepareReport(doc('https://example.org/depot', text(400)), { marking: MARK }), provenance: from(99, 'px-other') }]);
      assert.notEqual(other!.status, 'updated');
      assert.ok(await store.findReport(JP, receivedId));
      assert.ok(await store.findReport(JP, local!.reportId!));
      assert.equal((await store.findReport(JP, local!.reportId!))!.provenance, null);
    });

    test('outgoing reports: what the viewer may see, after the cursor, never back to where they came from', async () => {
      const hidden = { ...MARK, releasableTo: ['NATO'] };
      const [secret] = await store.ingest([prepareReport(doc('notes/hidden.txt', text(500)), { marking: hidden })]);
      const all = await store.listOutgoingReports(JP, { afterId: 0, limit: 100, exceptInstance: 'px-nowhere' });
      assert.ok(!all.some((r) => r.id === secret!.reportId), 'not releasable to jp-mod');
      assert.deepEqual(
        all.map((r) => r.provenance?.originInstance ?? 'here').sort(),
        ['here', 'px-origin', 'px-origin', 'px-origin', 'px-other'],
      );
      const notBack = await store.listOutgoingReports(JP, { afterId: 0, limit: 100, exceptInstance: 'px-origin' });
      assert.deepEqual(notBack.map((r) => r.provenance?.originInstance ?? 'here').sort(), ['here', 'px-other']);
      assert.ok(all.every((r, i) => i === 0 || r.cursor > all[i - 1]!.cursor), 'in commit order');
      const after = await store.listOutgoingReports(JP, { afterId: all[0]!.cursor, limit: 100, exceptInstance: 'px-nowhere' });
      assert.equal(after.length, all.length - 1);
      const small = await store.listOutgoingReports(JP, { afterId: 0, limit: 100, maxChars: 10, exceptInstance: 'px-nowhere' });
      assert.equal(small.length, 1, 'one report at least, however long');
    });

    test('peers: admins add, list and remove them; the cursor and counts are recorded', async () => {
      await assert.rejects(store.addPeer(JP, { url: 'http://b:7340', partnerId: 'jp-mod', token: 't' }), StorePermissionError);
      await assert.rejects(store.addPeer(LOCAL_ADMIN, { url: 'http://b:7340', partnerId: 'nobody', token: 't' }), /no partner "nobody"/);
      const peer = await store.addPeer(LOCAL_ADMIN, { url: 'http://b:7340', partnerId: 'jp-mod', token: 'plx_abc' });
      await assert.rejects(store.addPeer(LOCAL_ADMIN, { url: 'http://b:7340', partnerId: 'jp-mod', token: 't' }), /exists already/);
      await store.recordPeerProgress(LOCAL_ADMIN, peer.id, { peerInstance: 'px-b', cursor: 12, sent: 3, refused: 1, error: null });
      await store.recordPeerProgress(LOCAL_ADMIN, peer.id, { error: 'connection refused' });
      const [p] = await store.listPeers(LOCAL_ADMIN);
      assert.deepEqual(
        { instance: p!.peerInstance, cursor: p!.cursor, sent: p!.sent, refused: p!.refused, error: p!.lastError, token: p!.token },
        { instance: 'px-b', cursor: 12, sent: 3, refused: 1, error: 'connection refused', token: 'plx_abc' },
      );
      assert.ok(p!.lastOkAt !== null && p!.lastErrorAt !== null);
      await store.recordPeerProgress(LOCAL_ADMIN, peer.id, { cursor: 20, sent: 2, error: null });
      const [q] = await store.listPeers(LOCAL_ADMIN);
      assert.deepEqual([q!.cursor, q!.sent, q!.lastError], [20, 5, null]);
      assert.equal(await store.removePeer(LOCAL_ADMIN, peer.id), true);
      assert.equal(await store.removePeer(LOCAL_ADMIN, peer.id), false);
      assert.deepEqual(await store.listPeers(LOCAL_ADMIN), []);
    });
  });
}
