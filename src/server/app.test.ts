import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixtureReport, troopsInRussia } from '../store/analysis.fixture.js';
import type { RegisteredRoute } from './openapi.js';
import { openApiPath } from './openapi.js';
import { bearer, startTestServer, type TestServer } from './server.fixture.js';

// Sentences are our own.
const KYIV = 'Officials in Kyiv said 40 drones were shot down overnight over the capital region.';

describe('the HTTP API', () => {
  let s: TestServer;
  const routes: RegisteredRoute[] = [];
  before(async () => {
    s = await startTestServer(
      [
        { id: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['NATO'], role: 'analyst' },
        { id: 'jp-mod', clearance: 'UNCLASSIFIED', communities: [], role: 'reader' },
      ],
      { onRoute: (r) => routes.push(r), bodyLimit: 64 * 1024 },
    );
  });
  after(() => s.close());
  const as = (partner: string) => bearer(s.tokens.get(partner)!);

  test('every route wants a known bearer token and answers 401 as problem+json otherwise', async () => {
    for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer plx_not-a-token' }]) {
      for (const url of ['/api/v1/reports', '/api/openapi.json', '/api/v1/nowhere']) {
        const r = await s.app.inject({ url, headers });
        assert.equal(r.statusCode, 401, `${url} ${JSON.stringify(headers)}`);
        assert.match(r.headers['content-type'] as string, /^application\/problem\+json/);
        assert.match(r.headers['www-authenticate'] as string, /^Bearer/);
        assert.equal(JSON.parse(r.body).status, 401);
      }
    }
  });

  test('an analyst submits a report: it is collected and extracted, and comes back with its claims', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: as('kr-mnd'),
      payload: { text: KYIV, published: '2025-02-01', title: 'Night raid', marking: { releasableTo: ['NATO'], tlp: 'TLP:GREEN' } },
    });
    assert.equal(r.statusCode, 201, r.body);
    const body = JSON.parse(r.body);
    assert.equal(body.status, 'ingested');
    assert.deepEqual(body.marking, { classification: 'UNCLASSIFIED', releasableTo: ['NATO'], owner: 'kr-mnd', tlp: 'TLP:GREEN' });
    assert.ok(body.claims.some((c: { value: { low: number } }) => c.value.low === 40), 'the 40 drones are a claim');
    const again = await s.app.inject({ method: 'POST', url: '/api/v1/reports', headers: as('kr-mnd'), payload: { text: KYIV, published: '2025-02-01', title: 'Night raid', marking: { releasableTo: ['NATO'], tlp: 'TLP:GREEN' } } });
    assert.equal(again.statusCode, 200);
    assert.equal(JSON.parse(again.body).status, 'unchanged');
    const got = await s.app.inject({ url: `/api/v1/reports/${body.id}`, headers: as('kr-mnd') });
    assert.equal(JSON.parse(got.body).title, 'Night raid');
  });

  test('an HTML report is collected as HTML: its text, not its markup, is stored', async () => {
    const html = `<html><head><title>Border watch</title></head><body><nav>Home | World</nav><article><p>${KYIV.replace('40', '55')}</p></article></body></html>`;
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/reports', headers: as('kr-mnd'), payload: { html, url: 'https://example.org/border-watch' } });
    assert.equal(r.statusCode, 201, r.body);
    const report = JSON.parse((await s.app.inject({ url: `/api/v1/reports/${JSON.parse(r.body).id}`, headers: as('kr-mnd') })).body);
    assert.equal(report.format, 'html');
    assert.equal(report.origin, 'https://example.org/border-watch');
    assert.ok(!report.text.includes('<p>'));
    assert.ok(report.claims.some((c: { value: { low: number } }) => c.value.low === 55));
  });

  test('submitting is refused to readers, and above the submitter\'s clearance', async () => {
    const reader = await s.app.inject({ method: 'POST', url: '/api/v1/reports', headers: as('jp-mod'), payload: { text: KYIV } });
    assert.equal(reader.statusCode, 403);
    assert.match(JSON.parse(reader.body).detail, /analyst or admin/);
    const secret = await s.app.inject({ method: 'POST', url: '/api/v1/reports', headers: as('kr-mnd'), payload: { text: KYIV, marking: { classification: 'SECRET' } } });
    assert.equal(secret.statusCode, 403);
    assert.match(JSON.parse(secret.body).detail, /above your clearance/);
  });

  test('malformed requests get a 4xx problem that says what is wrong', async () => {
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ method: 'POST', url: '/api/v1/reports', payload: { title: 'no text' } }, 400, /"text" or "html"/],
      [{ method: 'POST', url: '/api/v1/reports', payload: { text: KYIV, html: '<p>x</p>' } }, 400, /both/],
      [{ method: 'POST', url: '/api/v1/reports', payload: { text: KYIV, colour: 'red' } }, 400, /unknown field "colour"/],
      [{ method: 'POST', url: '/api/v1/reports', payload: { text: KYIV, published: '2025-02-30' } }, 400, /not a date/],
      [{ method: 'POST', url: '/api/v1/reports', payload: { text: KYIV, marking: { tlp: 'TLP:PURPLE' } } }, 400, /marking\.tlp/],
      [{ method: 'POST', url: '/api/v1/reports', payload: { text: 'x'.repeat(70 * 1024) } }, 413, /too large/],
      [{ method: 'POST', url: '/api/v1/reports', payload: '{"text":', headers: { 'content-type': 'application/json' } }, 400, /not valid JSON/],
      [{ method: 'POST', url: '/api/v1/reports', payload: 'plain', headers: { 'content-type': 'text/plain' } }, 415, /application\/json/],
      [{ url: '/api/v1/reports?limit=0' }, 400, /querystring\.limit must be >= 1/],
      [{ url: '/api/v1/reports?cursor=bogus' }, 400, /cursor/],
      [{ url: '/api/v1/reports/abc' }, 400, /params\.id must be integer/],
      [{ url: '/api/v1/claims?from=2025-03-01&to=2025-01-01' }, 400, /after/],
      [{ url: '/api/v1/entities?type=planet' }, 400, /querystring\.type must be equal to one of/],
      [{ url: '/api/v1/stream', headers: { 'last-event-id': 'yesterday' } }, 400, /last-event-id/],
      [{ url: '/api/v1/nowhere' }, 404, /no route GET \/api\/v1\/nowhere/],
    ];
    for (const [req, status, detail] of cases) {
      const headers = { ...as('kr-mnd'), ...((req['headers'] as Record<string, string>) ?? {}) };
      const r = await s.app.inject({ ...req, headers } as never);
      assert.equal(r.statusCode, status, `${JSON.stringify(req).slice(0, 80)}: ${r.body}`);
      assert.match(r.headers['content-type'] as string, /^application\/problem\+json/);
      assert.match(JSON.parse(r.body).detail, detail);
    }
  });

  test('paging by cursor walks every visible report once', async () => {
    await s.store.ingest(
      [1, 2, 3, 4].map((i) =>
        fixtureReport(`paging-${i}.txt`, { source: `Paging Post ${i}`, published: `2025-01-0${i}` }, [
          troopsInRussia(`Paging Post ${i} said ${i},000 North Korean troops were in Russia.`, `${i},000`, i * 1000),
        ]),
      ),
    );
    const all = JSON.parse((await s.app.inject({ url: '/api/v1/reports?limit=500', headers: as('jp-mod') })).body);
    const seen: number[] = [];
    let url = '/api/v1/reports?limit=2';
    for (;;) {
      const page = JSON.parse((await s.app.inject({ url, headers: as('jp-mod') })).body);
      assert.equal(page.total, all.total);
      seen.push(...page.items.map((r: { id: number }) => r.id));
      if (page.next === null) break;
      url = `/api/v1/reports?limit=2&cursor=${page.next}`;
    }
    assert.deepEqual(seen, all.items.map((r: { id: number }) => r.id));
    assert.ok(seen.length >= 4);
    const claimsCursor = JSON.parse((await s.app.inject({ url: '/api/v1/claims?limit=1', headers: as('jp-mod') })).body).next;
    const refused = await s.app.inject({ url: `/api/v1/reports?cursor=${claimsCursor}`, headers: as('jp-mod') });
    assert.equal(refused.statusCode, 400, 'a cursor of another list is refused');
  });

  test('the OpenAPI document lists exactly the registered routes, with their parameters', async () => {
    const r = await s.app.inject({ url: '/api/openapi.json', headers: as('jp-mod') });
    const doc = JSON.parse(r.body) as { openapi: string; paths: Record<string, Record<string, { parameters: { name: string }[] }>> };
    assert.equal(doc.openapi, '3.1.0');
    const inDoc = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const registered = routes.map((x) => `${x.method} ${openApiPath(x.url)}`);
    assert.deepEqual([...inDoc].sort(), [...registered].sort());
    for (const op of inDoc) {
      const [method, path] = op.split(' ') as [string, string];
      assert.ok(s.app.hasRoute({ method, url: path.replace(/\{(\w+)\}/g, ':$1') }), `${op} is served`);
    }
    assert.ok(doc.paths['/api/v1/reports/{id}']!['get']!.parameters.some((p) => p.name === 'id'));
    assert.ok(doc.paths['/api/v1/claims']!['get']!.parameters.some((p) => p.name === 'about'));
  });

  test('every request is audited with partner, role, route, status and ids', async () => {
    await s.app.inject({ url: '/api/v1/reports/1', headers: as('kr-mnd') });
    const { LOCAL_ADMIN } = await import('../domain/viewer.js');
    const log = await s.store.listAudit(LOCAL_ADMIN);
    const last = log[log.length - 1]!;
    assert.equal(last.partnerId, 'kr-mnd');
    assert.equal(last.role, 'analyst');
    assert.equal(last.action, 'GET /api/v1/reports/:id');
    assert.equal(last.status, 200);
    assert.deepEqual(last.ids, ['r1']);
    assert.ok(log.some((e) => e.partnerId === null && e.status === 401), 'refused requests are audited too');
  });
});
