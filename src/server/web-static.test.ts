import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { bearer, startTestServer, type TestServer } from './server.fixture.js';

let s: TestServer;
let web: string;
before(async () => {
  web = mkdtempSync(join(tmpdir(), 'parallax-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>workspace</title>');
  writeFileSync(join(web, 'assets', 'app-123.js'), 'console.log(1)');
  s = await startTestServer([{ id: 'kr-mnd', clearance: 'SECRET', communities: [], role: 'analyst' }], { webRoot: web });
});
after(async () => {
  await s.close();
  rmSync(web, { recursive: true, force: true });
});

test('the workspace files need no token, and come with a strict content security policy', async () => {
  for (const url of ['/', '/reports/12', '/propositions/p-1?x=1']) {
    const r = await s.app.inject({ url });
    assert.equal(r.statusCode, 200, url);
    assert.match(r.headers['content-type'] as string, /^text\/html/);
    assert.match(r.body, /<title>workspace/);
    assert.match(r.headers['content-security-policy'] as string, /script-src 'self'/);
  }
  const js = await s.app.inject({ url: '/assets/app-123.js' });
  assert.equal(js.statusCode, 200);
  assert.match(js.headers['content-type'] as string, /^text\/javascript/);
  assert.match(js.headers['cache-control'] as string, /immutable/);
  assert.equal((await s.app.inject({ url: '/assets/gone.js' })).statusCode, 404);
  assert.equal((await s.app.inject({ url: '/..%2f..%2fetc/passwd' })).body.includes('root:'), false, 'nothing outside the build folder');
});

test('the API behind it still wants a token, unknown API paths included', async () => {
  for (const url of ['/api/v1/reports', '/api/v1/nowhere', '/api/openapi.json', '/api']) {
    const r = await s.app.inject({ url });
    assert.equal(r.statusCode, 401, url);
  }
  const r = await s.app.inject({ url: '/api/v1/nowhere', headers: bearer(s.tokens.get('kr-mnd')!) });
  assert.equal(r.statusCode, 404, 'an unknown API path is a problem, not the page');
  assert.match(r.headers['content-type'] as string, /problem\+json/);
  const post = await s.app.inject({ method: 'POST', url: '/reports' });
  assert.equal(post.statusCode, 401, 'only GET and HEAD reach the files');
});

test('TAXII behind the workspace still wants a token, and answers with one', async () => {
  const accept = { accept: 'application/taxii+json;version=2.1' };
  for (const url of ['/taxii2/', '/taxii2/api/collections/', '/taxii2']) {
    const r = await s.app.inject({ url, headers: accept });
    assert.equal(r.statusCode, 401, url);
  }
  const basic = `Basic ${Buffer.from(`kr-mnd:${s.tokens.get('kr-mnd')!}`).toString('base64')}`;
  const r = await s.app.inject({ url: '/taxii2/api/collections/', headers: { ...accept, authorization: basic } });
  assert.equal(r.statusCode, 200, r.body);
  assert.ok(Array.isArray(JSON.parse(r.body).collections));
});

test('the OpenAPI document lists the API, not the files', async () => {
  const r = await s.app.inject({ url: '/api/openapi.json', headers: bearer(s.tokens.get('kr-mnd')!) });
  const paths = Object.keys(JSON.parse(r.body).paths as object);
  assert.ok(paths.includes('/api/v1/reports/{id}/entities'));
  // The API and TAXII are documented; the workspace's files (`/`, `/assets/…`) are not.
  assert.ok(!paths.some((p) => !p.startsWith('/api/') && !p.startsWith('/taxii2')), paths.join(' '));
});
