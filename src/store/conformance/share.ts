import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LOCAL_ADMIN, type Viewer } from '../../domain/viewer.js';
import { verifyAuditLog } from '../../share/audit.js';
import { hashToken, newToken } from '../../share/tokens.js';
import type { Store } from '../store.js';
import type { TestStores } from '../test-stores.fixture.js';
import { StoreConflictError, StorePermissionError } from '../viewer-scope.js';

/** Partners, tokens and the audit log. */
export function shareTests(stores: TestStores): void {
  describe('partners, tokens and the audit log', () => {
    let store: Store;
    let location: string;
    const reader: Viewer = { partnerId: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['NATO'], role: 'reader' };
    before(async () => {
      location = stores.newLocation();
      store = await stores.open(location);
    });
    after(() => store.close());

    test('partners are added by admins; names and communities never coincide', async () => {
      const kr = await store.addPartner(LOCAL_ADMIN, { id: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['NATO', 'KOR-UKR', 'NATO'] });
      assert.deepEqual(kr.communities, ['KOR-UKR', 'NATO']);
      await store.addPartner(LOCAL_ADMIN, { id: 'jp-mod', clearance: 'UNCLASSIFIED', communities: [] });
      await assert.rejects(store.addPartner(LOCAL_ADMIN, { id: 'kr-mnd', clearance: 'SECRET', communities: [] }), StoreConflictError);
      await assert.rejects(store.addPartner(LOCAL_ADMIN, { id: 'NATO', clearance: 'SECRET', communities: [] }), /is a community/);
      await assert.rejects(store.addPartner(LOCAL_ADMIN, { id: 'x', clearance: 'SECRET', communities: ['jp-mod'] }), /is a partner/);
      await assert.rejects(store.addPartner(reader, { id: 'y', clearance: 'SECRET', communities: [] }), StorePermissionError);
      assert.deepEqual((await store.listPartners(LOCAL_ADMIN)).map((p) => p.id), ['jp-mod', 'kr-mnd']);
      assert.deepEqual((await store.listPartners(reader)).map((p) => p.id), ['kr-mnd'], 'a partner sees its own record only');
    });

    test('a token authenticates as its partner until it is revoked; only its hash is kept', async () => {
      const token = newToken();
      const issued = await store.issueToken(LOCAL_ADMIN, { partnerId: 'kr-mnd', role: 'analyst', tokenHash: hashToken(token), label: 'ci' });
      assert.equal(issued.role, 'analyst');
      assert.deepEqual(await store.viewerForToken(hashToken(token)), { partnerId: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['KOR-UKR', 'NATO'], role: 'analyst' });
      const kept = await stores.query<{ token_hash: string }>(location, 'SELECT token_hash FROM api_tokens');
      assert.deepEqual(kept, [{ token_hash: hashToken(token) }]);
      await assert.rejects(store.issueToken(LOCAL_ADMIN, { partnerId: 'nobody', role: 'reader', tokenHash: hashToken(newToken()) }), /no partner "nobody"/);
      await assert.rejects(store.revokeToken(reader, issued.id), StorePermissionError);
      assert.equal(await store.revokeToken(LOCAL_ADMIN, issued.id), true);
      assert.equal(await store.revokeToken(LOCAL_ADMIN, issued.id), false, 'once');
      assert.equal(await store.viewerForToken(hashToken(token)), undefined);
    });

    test('tokens are listed without their hashes: all for an admin, its own partner\'s for anyone else', async () => {
      const jp = await store.issueToken(LOCAL_ADMIN, { partnerId: 'jp-mod', role: 'reader', tokenHash: hashToken(newToken()), label: 'liaison desk' });
      const kr = await store.issueToken(LOCAL_ADMIN, { partnerId: 'kr-mnd', role: 'reader', tokenHash: hashToken(newToken()) });
      const all = await store.listTokens(LOCAL_ADMIN);
      // The analyst token of the test before, revoked there, is listed with the time.
      assert.deepEqual(all.map((t) => [t.partnerId, t.role, t.revokedAt === null]), [['kr-mnd', 'analyst', false], ['jp-mod', 'reader', true], ['kr-mnd', 'reader', true]]);
      assert.deepEqual(all[1], { ...jp, revokedAt: null });
      assert.ok(all.every((t) => !JSON.stringify(t).includes('hash')), 'no hash in a record');
      assert.deepEqual((await store.listTokens(LOCAL_ADMIN, { partnerId: 'jp-mod' })).map((t) => t.id), [jp.id]);
      assert.deepEqual((await store.listTokens(reader)).map((t) => t.id), [all[0]!.id, kr.id], 'a partner sees its own tokens');
      assert.deepEqual(await store.listTokens(reader, { partnerId: 'jp-mod' }), [], "and never another's");
    });

    test('audit entries chain, also when appended at once, and the log refuses changes', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.appendAudit({ partnerId: 'kr-mnd', role: 'reader', action: 'GET /api/v1/reports/:id', status: 200, ids: [`r${i}`] })),
      );
      await store.appendAudit({ partnerId: null, role: null, action: 'GET /api/v1/me', status: 401, ids: [], detail: 'unknown token' });
      const log = await store.listAudit(LOCAL_ADMIN);
      assert.deepEqual(log.map((e) => e.id), Array.from({ length: 21 }, (_, i) => i + 1));
      assert.deepEqual(log.at(-1), { ...log.at(-1)!, partnerId: null, role: null, status: 401, ids: [], detail: 'unknown token' });
      assert.deepEqual(await verifyAuditLog(store, 7), { ok: true, entries: 21 });
      assert.equal((await store.listAudit(LOCAL_ADMIN, { afterId: 19 })).length, 2);
      await assert.rejects(store.listAudit(reader), StorePermissionError);
      await assert.rejects(stores.query(location, "UPDATE audit_log SET partner_id = 'jp-mod' WHERE id = 3"), /append-only/);
      await assert.rejects(stores.query(location, 'DELETE FROM audit_log WHERE id = 2'), /append-only/);
    });
  });
}
