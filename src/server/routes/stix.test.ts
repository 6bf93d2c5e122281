import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, startTestServer, type TestServer } from '../server.fixture.js';
import { loadStixValidator, STIX_SCHEMAS_MISSING } from '../../interop/stix/stix-schemas.fixture.js';
import type { StixObject } from '../../interop/stix/objects.js';

describe('GET and POST /api/v1/stix/bundle', { skip: STIX_SCHEMAS_MISSING }, () => {
  let s: TestServer;
  const validator = STIX_SCHEMAS_MISSING ? null : loadStixValidator();
  before(async () => {
    s = await startTestServer([
      { id: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['NATO'], role: 'analyst' },
      { id: 'jp-mod', clearance: 'UNCLASSIFIED', communities: [], role: 'reader' },
    ]);
    const post = (text: string, marking: object) =>
      s.app.inject({ method: 'POST', url: '/api/v1/reports', headers: bearer(s.tokens.get('kr-mnd')!), payload: { text, published: '2025-03-04', marking } });
    assert.equal((await post('Officials in Seoul said 1,500 more North Korean soldiers crossed into Russia.', { classification: 'CONFIDENTIAL', releasableTo: ['NATO'] })).statusCode, 201);
    assert.equal((await post('The ministry said 300 shells were delivered to Kursk in March.', { classification: 'UNCLASSIFIED', releasableTo: ['ALL'], tlp: 'TLP:GREEN' })).statusCode, 201);
  });
  after(() => s.close());

  const get = async (partner: string) => {
    const r = await s.app.inject({ method: 'GET', url: '/api/v1/stix/bundle', headers: bearer(s.tokens.get(partner)!) });
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /^application\/stix\+json;version=2\.1/);
    return r.json() as { type: string; id: string; objects: StixObject[] };
  };

  test('each caller gets a valid bundle of what it may see, and nothing else', async () => {
    const kr = await get('kr-mnd');
    const jp = await get('jp-mod');
    assert.deepEqual(validator!.bundle(kr), []);
    assert.deepEqual(validator!.bundle(jp), []);
    const values = (b: typeof kr) => b.objects.filter((o) => o.type === 'x-parallax-claim').map((o) => (o.value as { low: number }).low).sort((a, b) => a - b);
    assert.deepEqual(values(kr), [300, 1500]);
    assert.deepEqual(values(jp), [300]);
    assert.ok(!JSON.stringify(jp).includes('CONFIDENTIAL'));
  });

  test('POST imports a bundle for an analyst, names bad objects, and refuses readers', async () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--6ba7b810-9dad-41d1-80b4-00c04fd430c8',
      objects: [
        { type: 'indicator', spec_version: '2.1', id: 'indicator--6ba7b810-9dad-41d1-80b4-00c04fd43011', created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z',
          pattern: "[ipv4-addr:value = '198.51.100.7']", pattern_type: 'stix', valid_from: '2025-01-01T00:00:00Z' },
        { type: 'malware', id: 'bad' },
      ],
    };
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/stix/bundle', headers: { ...bearer(s.tokens.get('kr-mnd')!), 'content-type': 'application/stix+json;version=2.1' }, payload: JSON.stringify(bundle) });
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json() as { kept: number; problems: { object: string }[] };
    assert.equal(body.kept, 1);
    assert.deepEqual(body.problems.map((p) => p.object), ['bad']);
    // Kept with the submitter's default marking (TLP:AMBER, owner kr-mnd): kr-mnd sees it again, jp-mod does not.
    assert.ok((await get('kr-mnd')).objects.some((o) => o.id === bundle.objects[0]!.id));
    assert.ok(!(await get('jp-mod')).objects.some((o) => o.id === bundle.objects[0]!.id));
    const refused = await s.app.inject({ method: 'POST', url: '/api/v1/stix/bundle', headers: bearer(s.tokens.get('jp-mod')!), payload: bundle });
    assert.equal(refused.statusCode, 403);
    const notBundle = await s.app.inject({ method: 'POST', url: '/api/v1/stix/bundle', headers: bearer(s.tokens.get('kr-mnd')!), payload: { type: 'report' } });
    assert.equal(notBundle.statusCode, 400);
  });
});
