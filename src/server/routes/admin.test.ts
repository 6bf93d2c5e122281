import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, startTestServer, type TestServer } from '../server.fixture.js';

describe('admin routes: tokens', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer([
      { id: 'nl-ops', clearance: 'SECRET', communities: [], role: 'admin' },
      { id: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['NATO'], role: 'reader' },
    ]);
  });
  after(() => s.close());
  const as = (partner: string) => bearer(s.tokens.get(partner)!);
  const tokens = async (partner: string, query = '') => {
    const r = await s.app.inject({ url: `/api/v1/tokens${query}`, headers: as(partner) });
    assert.equal(r.statusCode, 200, r.body);
    return JSON.parse(r.body).items as { id: number; partnerId: string; role: string; label: string | null; revokedAt: string | null }[];
  };

  test('an admin issues a token, finds it in the list without the token, and revokes it by its id', async () => {
    const issued = await s.app.inject({ method: 'POST', url: '/api/v1/partners/kr-mnd/tokens', headers: as('nl-ops'), payload: { role: 'reader', label: 'night desk' } });
    assert.equal(issued.statusCode, 201, issued.body);
    const { id, token } = JSON.parse(issued.body) as { id: number; token: string };
    const listed = (await tokens('nl-ops', '?partner=kr-mnd')).find((t) => t.id === id);
    assert.deepEqual({ ...listed, createdAt: undefined }, { id, partnerId: 'kr-mnd', role: 'reader', label: 'night desk', createdAt: undefined, revokedAt: null });
    const all = await s.app.inject({ url: '/api/v1/tokens', headers: as('nl-ops') });
    assert.ok(!all.body.includes(token), 'the token itself is never listed');
    assert.equal((await s.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: as('nl-ops') })).statusCode, 200);
    assert.notEqual((await tokens('nl-ops')).find((t) => t.id === id)?.revokedAt, null);
  });

  test("a partner lists its own tokens and never another's", async () => {
    const own = await tokens('kr-mnd');
    assert.ok(own.length >= 1 && own.every((t) => t.partnerId === 'kr-mnd'));
    assert.deepEqual(await tokens('kr-mnd', '?partner=nl-ops'), []);
    const bad = await s.app.inject({ url: '/api/v1/tokens?partner=no%20such', headers: as('kr-mnd') });
    assert.equal(bad.statusCode, 400);
  });
});
