import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { syntheticReports } from '../../cli/synthetic-reports.js';
import { collectText } from '../../collect/index.js';
import type { Marking } from '../../domain/marking.js';
import { prepareReport } from '../../store/prepare-report.js';
import { startTestServer, type TestServer } from '../server.fixture.js';
import { TAXII_MEDIA } from './media.js';

/**
 * A TAXII client walking the whole protocol against a store of synthetic reports under five
 * markings, for two partners that see different parts of it.
 */
let server: TestServer;
const REPORTS = 800;
const MARKINGS: Marking[] = [
  { classification: 'UNCLASSIFIED', releasableTo: ['ALL'], owner: 'local', tlp: 'TLP:CLEAR' },
  { classification: 'CONFIDENTIAL', releasableTo: ['NATO'], owner: 'kr-mnd', tlp: 'TLP:AMBER' },
  { classification: 'UNCLASSIFIED', releasableTo: ['NATO'], owner: 'local', tlp: 'TLP:GREEN' },
  { classification: 'UNCLASSIFIED', releasableTo: ['jp-mod'], owner: 'local', tlp: 'TLP:RED' },
  { classification: 'UNCLASSIFIED', releasableTo: ['KOR-UKR'], owner: 'local', tlp: 'TLP:AMBER' },
];

before(async () => {
  server = await startTestServer([
    { id: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['NATO', 'KOR-UKR'], role: 'analyst' },
    { id: 'jp-mod', clearance: 'UNCLASSIFIED', communities: ['NATO'], role: 'reader' },
  ]);
  // Bulk: prepared in memory, written 100 per transaction, as `parallax ingest` does.
  const reports = syntheticReports(REPORTS, { seed: 11 });
  for (let i = 0; i < reports.length; i += 100) {
    const batch = reports.slice(i, i + 100).map((r, j) => {
      const [doc] = collectText(`synthetic/${r.name}`, r.text, { published: `2024-${String(((i + j) % 12) + 1).padStart(2, '0')}-15` });
      return prepareReport(doc!, { marking: MARKINGS[(i + j) % MARKINGS.length]! });
    });
    await server.store.ingest(batch);
  }
});
after(() => server.close());

const basic = (who: string) => `Basic ${Buffer.from(`${who}:${server.tokens.get(who)!}`).toString('base64')}`;
const headers = (who: string, extra: Record<string, string> = {}) => ({ authorization: basic(who), accept: TAXII_MEDIA, ...extra });

async function get(who: string, url: string, extra: Record<string, string> = {}) {
  const r = await server.app.inject({ method: 'GET', url, headers: headers(who, extra) });
  assert.equal(r.headers['content-type'], TAXII_MEDIA, `${url}: the TAXII media type, errors included`);
  return r;
}

interface Envelope {
  more?: boolean;
  next?: string;
  objects?: { id: string; type: string; modified?: string; created?: string; [k: string]: unknown }[];
}

/** Every page of a query, by next; checks the page rules on the way. */
async function walk(who: string, collection: string, query: string, limit: number) {
  const objects: NonNullable<Envelope['objects']> = [];
  let next: string | undefined;
  let pages = 0;
  let lastAdded = '';
  do {
    const r = await get(who, `/taxii2/api/collections/${collection}/objects/?limit=${limit}${query}${next ? `&next=${next}` : ''}`);
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json() as Envelope;
    const page = body.objects ?? [];
    assert.ok(page.length <= limit, 'never more than limit');
    if (page.length > 0) {
      const first = r.headers['x-taxii-date-added-first'] as string;
      const last = r.headers['x-taxii-date-added-last'] as string;
      assert.match(first, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
      assert.ok(first <= last && lastAdded <= first, 'pages ascend by date_added');
      lastAdded = last;
    }
    objects.push(...page);
    assert.equal(body.more === true, body.next !== undefined, 'next when and only when more');
    next = body.next;
    pages++;
  } while (next !== undefined);
  return { objects, pages };
}

const versionOf = (o: { modified?: string; created?: string }) => o.modified ?? o.created ?? '';

async function restReports(who: string): Promise<Set<string>> {
  const origins = new Set<string>();
  let cursor: string | null = null;
  do {
    const r = await server.app.inject({ method: 'GET', url: `/api/v1/reports?limit=500${cursor ? `&cursor=${cursor}` : ''}`, headers: { authorization: basic(who) } });
    const body = r.json() as { items: { origin: string }[]; next: string | null };
    for (const item of body.items) origins.add(item.origin);
    cursor = body.next;
  } while (cursor !== null);
  return origins;
}

test('discovery, API root and collections', async () => {
  const d = (await get('jp-mod', '/taxii2/')).json() as { api_roots: string[]; default: string; title: string };
  assert.deepEqual(d.api_roots, ['/taxii2/api/']);
  assert.equal(d.default, '/taxii2/api/');
  const root = (await get('jp-mod', d.api_roots[0]!)).json() as { versions: string[]; max_content_length: number };
  assert.deepEqual(root.versions, [TAXII_MEDIA]);
  assert.ok(root.max_content_length > 0);
  const aliases = async (who: string) => ((await get(who, '/taxii2/api/collections/')).json() as { collections: { alias: string; id: string; can_write: boolean }[] }).collections;
  const kr = await aliases('kr-mnd');
  const jp = await aliases('jp-mod');
  assert.deepEqual(kr.map((c) => c.alias), ['kr-mnd', 'KOR-UKR', 'NATO', 'ALL']);
  assert.deepEqual(jp.map((c) => c.alias), ['jp-mod', 'NATO', 'ALL']);
  assert.equal(kr.find((c) => c.alias === 'NATO')!.id, jp.find((c) => c.alias === 'NATO')!.id, 'a community collection is one collection');
  assert.deepEqual(kr.map((c) => c.can_write), [true, false, false, false]);
  for (const c of kr) assert.match(c.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const one = (await get('kr-mnd', `/taxii2/api/collections/${kr[0]!.id}/`)).json() as { alias: string; media_types: string[] };
  assert.equal(one.alias, 'kr-mnd');
  assert.deepEqual(one.media_types, ['application/stix+json;version=2.1']);
  // Another partner's collection answers as one that does not exist.
  assert.equal((await get('jp-mod', `/taxii2/api/collections/${kr[0]!.id}/`)).statusCode, 404);
  assert.equal((await get('jp-mod', '/taxii2/api/collections/KOR-UKR/objects/')).statusCode, 404);
});

test('paging through more than 10,000 objects with limit and next: each once, ascending, what the API shows each partner', async () => {
  const kr = await walk('kr-mnd', 'kr-mnd', '', 500);
  assert.ok(kr.objects.length > 10_000, `${kr.objects.length} objects`);
  assert.ok(kr.pages > 20);
  const keys = kr.objects.map((o) => `${o.id}|${versionOf(o)}`);
  assert.equal(new Set(keys).size, keys.length, 'no object version twice');

  for (const who of ['kr-mnd', 'jp-mod']) {
    const { objects } = who === 'kr-mnd' ? kr : await walk(who, who, '', 1_000);
    const taxiiOrigins = new Set(objects.filter((o) => o.type === 'report').map((o) => JSON.stringify(o).match(/"origin":"([^"]+)"/)![1]!));
    assert.deepEqual([...taxiiOrigins].sort(), [...(await restReports(who))].sort(), `${who}: the reports the API shows it, no other`);
    const claims = objects.filter((o) => o.type === 'x-parallax-claim').length;
    const rest = (await server.app.inject({ method: 'GET', url: '/api/v1/claims?limit=1', headers: { authorization: basic(who) } })).json() as { total: number };
    assert.equal(claims, rest.total, `${who}: the claims the API counts`);
  }
  const jp = await walk('jp-mod', 'jp-mod', '', 1_000);
  const jpSmall = await walk('jp-mod', 'jp-mod', '', 300);
  assert.deepEqual(jpSmall.objects.map((o) => o.id), jp.objects.map((o) => o.id), 'the same sequence whatever the page size');
  assert.ok(jp.objects.length < kr.objects.length);
  assert.ok(!JSON.stringify(jp.objects).includes('"classification":"CONFIDENTIAL"'), 'nothing above its clearance');
  // A community collection holds what is released to the community, as seen by the caller.
  const nato = await walk('jp-mod', 'NATO', '&match[type]=report', 1_000);
  assert.equal(nato.objects.length, REPORTS / MARKINGS.length, 'jp-mod sees the NATO reports at its clearance only');
  assert.equal((await walk('kr-mnd', 'NATO', '&match[type]=report', 1_000)).objects.length, (2 * REPORTS) / MARKINGS.length);
});

test('added_after, match filters, versions', async () => {
  const first = await get('jp-mod', '/taxii2/api/collections/NATO/objects/?limit=300');
  const lastAdded = first.headers['x-taxii-date-added-last'] as string;
  const rest = await walk('jp-mod', 'NATO', `&added_after=${lastAdded}`, 1_000);
  const whole = await walk('jp-mod', 'NATO', '', 2_000);
  const firstPage = (first.json() as Envelope).objects!;
  assert.deepEqual(
    [...firstPage, ...rest.objects].map((o) => o.id),
    whole.objects.map((o) => o.id),
    'a page, then added_after its X-TAXII-Date-Added-Last, is the whole collection',
  );

  const reports = await walk('jp-mod', 'NATO', '&match[type]=report,note', 1_000);
  assert.ok(reports.objects.every((o) => o.type === 'report' || o.type === 'note'));
  const someReport = reports.objects.find((o) => o.type === 'report')!;
  const byId = (await walk('jp-mod', 'NATO', `&match[id]=${someReport.id}`, 10)).objects;
  assert.deepEqual(byId.map((o) => o.id), [someReport.id]);
  const spec20 = await get('jp-mod', '/taxii2/api/collections/NATO/objects/?match[spec_version]=2.0');
  assert.deepEqual(spec20.json(), { more: false }, 'nothing: an envelope without objects');

  // Versions of the objects reports share (identities), and of those they own (reports).
  const types = '&match[type]=identity,report';
  const all = await walk('jp-mod', 'NATO', types, 2_000);
  const everyVersion = await walk('jp-mod', 'NATO', `${types}&match[version]=all`, 2_000);
  const firsts = await walk('jp-mod', 'NATO', `${types}&match[version]=first`, 2_000);
  const distinct = new Set(everyVersion.objects.map((o) => o.id)).size;
  assert.ok(everyVersion.objects.length > all.objects.length, 'shared objects have one version per report');
  assert.equal(new Set(all.objects.map((o) => o.id)).size, all.objects.length, 'last: one version of each object');
  assert.equal(all.objects.length, distinct);
  assert.equal(firsts.objects.length, distinct);
  const both = await walk('jp-mod', 'NATO', `${types}&match[version]=first,last`, 2_000);
  assert.ok(both.objects.length >= distinct && both.objects.length <= everyVersion.objects.length);

  // A shared entity: its versions, the last of them by id, and one by its exact version.
  const counts = new Map<string, number>();
  for (const o of everyVersion.objects) counts.set(o.id, (counts.get(o.id) ?? 0) + 1);
  const shared = [...counts].find(([id, n]) => id.startsWith('identity--') && n >= 3)![0];
  const versions = (await get('jp-mod', `/taxii2/api/collections/NATO/objects/${shared}/versions/`)).json() as { versions: string[]; more: boolean };
  assert.equal(versions.versions.length, counts.get(shared));
  assert.deepEqual([...versions.versions].sort(), versions.versions, 'oldest first');
  const latest = await get('jp-mod', `/taxii2/api/collections/NATO/objects/${shared}/`);
  assert.ok(latest.headers['x-taxii-date-added-first']);
  const latestObjects = (latest.json() as Envelope).objects!;
  assert.equal(latestObjects.length, 1);
  assert.equal(versionOf(latestObjects[0]!), versions.versions[versions.versions.length - 1]);
  const exact = (await get('jp-mod', `/taxii2/api/collections/NATO/objects/${shared}/?match[version]=${versions.versions[0]}`)).json() as Envelope;
  assert.deepEqual(exact.objects!.map(versionOf), [versions.versions[0]]);
  const paged = await get('jp-mod', `/taxii2/api/collections/NATO/objects/${shared}/versions/?limit=1`);
  assert.equal((paged.json() as { more: boolean; next?: string }).more, true);

  const manifest = await get('jp-mod', '/taxii2/api/collections/NATO/manifest/?limit=50', { accept: 'application/stix+json;version=2.1' });
  assert.equal(manifest.statusCode, 200);
  const records = (manifest.json() as { objects: { id: string; date_added: string; version: string; media_type: string }[]; more: boolean }).objects;
  assert.deepEqual(records.map((r) => r.id), whole.objects.slice(0, records.length).map((o) => o.id));
  assert.ok(records.every((r) => r.media_type === 'application/stix+json;version=2.1' && /\.\d{6}Z$/.test(r.date_added)));
  assert.ok(manifest.headers['x-taxii-date-added-last']);
});

test('POST objects gives a status; kept objects are served to their partner only', async () => {
  const indicator = {
    type: 'indicator',
    spec_version: '2.1',
    id: 'indicator--0b2b7a22-6a1f-4b7e-9d5e-2f3c4a5b6c7d',
    created: '2024-11-12T08:00:00.000Z',
    modified: '2024-11-12T08:00:00.000Z',
    name: 'Freighter tracker C2',
    pattern: "[ipv4-addr:value = '203.0.113.7']",
    pattern_type: 'stix',
    valid_from: '2024-11-12T08:00:00Z',
  };
  const post = (who: string, collection: string, body: unknown, contentType = TAXII_MEDIA) =>
    server.app.inject({ method: 'POST', url: `/taxii2/api/collections/${collection}/objects/`, headers: headers(who, { 'content-type': contentType }), payload: JSON.stringify(body) });
  const r = await post('kr-mnd', 'kr-mnd', { objects: [indicator, { type: 'indicator', id: 'not-an-id' }] });
  assert.equal(r.statusCode, 202, r.body);
  assert.equal(r.headers['content-type'], TAXII_MEDIA);
  const status = r.json() as { id: string; status: string; total_count: number; success_count: number; failure_count: number; pending_count: number; failures: { id: string; message: string }[] };
  assert.deepEqual([status.status, status.total_count, status.success_count, status.failure_count, status.pending_count], ['complete', 2, 1, 1, 0]);
  assert.match(status.failures[0]!.message, /TYPE--UUID/);
  assert.deepEqual((await get('kr-mnd', `/taxii2/api/status/${status.id}/`)).json(), status);
  assert.equal((await get('jp-mod', `/taxii2/api/status/${status.id}/`)).statusCode, 404, 'a status is its requester\'s');
  const again = (await post('kr-mnd', 'kr-mnd', { objects: [indicator] })).json() as { success_count: number; failure_count: number };
  assert.deepEqual([again.success_count, again.failure_count], [1, 0], 'an exact duplicate is no error');

  const kept = (await get('kr-mnd', '/taxii2/api/collections/kr-mnd/objects/?match[type]=indicator')).json() as Envelope;
  assert.deepEqual(kept.objects, [indicator]);
  assert.equal((await get('kr-mnd', `/taxii2/api/collections/kr-mnd/objects/${indicator.id}/`)).statusCode, 200);
  assert.equal((await get('jp-mod', `/taxii2/api/collections/jp-mod/objects/${indicator.id}/`)).statusCode, 404, 'kept under kr-mnd only');
  const latest = await walk('kr-mnd', 'kr-mnd', '&match[type]=indicator,report', 2_000);
  assert.equal(latest.objects[latest.objects.length - 1]!.id, indicator.id, 'added last, so it comes last');

  assert.equal((await post('kr-mnd', 'kr-mnd', { objects: [] }, 'application/json')).statusCode, 415);
  assert.equal((await post('kr-mnd', 'NATO', { objects: [indicator] })).statusCode, 403, 'community collections are read-only');
  assert.equal((await post('jp-mod', 'jp-mod', { objects: [indicator] })).statusCode, 403, 'a reader may not write');
  assert.equal((await post('kr-mnd', 'kr-mnd', { nothing: true })).statusCode, 422);
});

test('errors: 401, 404, 406, 400, as TAXII error resources', async () => {
  const anonymous = await server.app.inject({ method: 'GET', url: '/taxii2/api/collections/', headers: { accept: TAXII_MEDIA } });
  assert.equal(anonymous.statusCode, 401);
  assert.match(anonymous.headers['www-authenticate'] as string, /Basic realm/);
  assert.deepEqual(Object.keys(anonymous.json() as object).sort(), ['description', 'http_status', 'title']);
  assert.equal((anonymous.json() as { http_status: string }).http_status, '401');
  const wrongPassword = await server.app.inject({ method: 'GET', url: '/taxii2/', headers: { accept: TAXII_MEDIA, authorization: `Basic ${Buffer.from('kr-mnd:plx_nope').toString('base64')}` } });
  assert.equal(wrongPassword.statusCode, 401);
  const bearer = await server.app.inject({ method: 'GET', url: '/taxii2/', headers: { accept: TAXII_MEDIA, authorization: `Bearer ${server.tokens.get('jp-mod')}` } });
  assert.equal(bearer.statusCode, 200, 'Bearer works as well');

  assert.equal((await get('jp-mod', '/taxii2/api/', { accept: 'application/json' })).statusCode, 406);
  assert.equal((await get('jp-mod', '/taxii2/api/', { accept: 'application/taxii+json;version=2.0' })).statusCode, 406);
  assert.equal((await get('jp-mod', '/taxii2/api/', { accept: 'application/taxii+json' })).statusCode, 200, 'the bare type means the latest');
  assert.equal((await get('jp-mod', '/taxii2/api/collections/jp-mod/objects/', { accept: 'application/stix+json;version=2.1' })).statusCode, 406);
  for (const url of ['/taxii2/api/collections/nope/', '/taxii2/api/collections/jp-mod/objects/indicator--00000000-0000-4000-8000-000000000000/', '/taxii2/api/status/nope/', '/taxii2/api/nothing/']) {
    const r = await get('jp-mod', url);
    assert.equal(r.statusCode, 404, url);
    assert.equal((r.json() as { http_status: string }).http_status, '404');
  }
  for (const q of ['limit=0', 'limit=x', 'added_after=yesterday', 'match[version]=all,last', 'match[version]=soon', 'next=garbage', 'limit=1&limit=2']) {
    assert.equal((await get('jp-mod', `/taxii2/api/collections/jp-mod/objects/?${q}`)).statusCode, 400, q);
  }
  // A next from one query is refused for another (and for another caller).
  const page = (await get('kr-mnd', '/taxii2/api/collections/NATO/objects/?limit=5')).json() as Envelope;
  assert.equal((await get('kr-mnd', `/taxii2/api/collections/NATO/objects/?limit=5&match[type]=report&next=${page.next}`)).statusCode, 400);
  assert.equal((await get('jp-mod', `/taxii2/api/collections/NATO/objects/?limit=5&next=${page.next}`)).statusCode, 400);
});

test('by id: the versions the collection holds, read from the reports that carry the id only; a hidden object answers as an absent one', async () => {
  // A graded outlet, so reports carry grade notes (found through the graded source's reports).
  const outlet = (await walk('jp-mod', 'NATO', '&match[type]=identity', 2_000)).objects.find((o) => JSON.stringify(o).includes('"outlet"'))!;
  const sourceKey = JSON.stringify(outlet).match(/"source_key":"([^"]+)"/)![1]!;
  await server.store.setSourceGrade(server.viewers.get('kr-mnd')!, { sourceKey, grade: 'B', label: outlet['name'] as string });
  const whole = await walk('jp-mod', 'NATO', '&match[version]=all', 2_000);
  const byType = new Map<string, string[]>();
  for (const o of whole.objects) byType.set(o.type, [...new Set([...(byType.get(o.type) ?? []), o.id])]);
  assert.ok(byType.get('note')!.length > 0, 'grade notes');
  const sample = [...byType.values()].flatMap((ids) => [ids[0]!, ids[Math.floor(ids.length / 2)]!, ids[ids.length - 1]!]);

  const store = server.store;
  const read = store.listReportContents.bind(store);
  const reportsRead: number[] = [];
  store.listReportContents = async (viewer, ids) => {
    reportsRead.push(...ids);
    return read(viewer, ids);
  };
  try {
    for (const id of new Set(sample)) {
      const versions = whole.objects.filter((o) => o.id === id);
      reportsRead.length = 0;
      const all = await walk('jp-mod', 'NATO', `&match[version]=all&match[id]=${id}`, 2);
      assert.deepEqual(all.objects, versions, `${id}: every version, in order, paged`);
      const carriers = new Set(whole.objects.filter((o) => o.type === 'report' && ((o['object_refs'] as string[]).includes(id) || o['created_by_ref'] === id)).map((o) => o.id));
      if (id.startsWith('report--') || id.startsWith('x-parallax-claim--')) assert.ok(new Set(reportsRead).size <= 1, `${id}: read ${reportsRead.length} reports`);
      else if (!id.startsWith('note--') && !id.startsWith('marking-definition--')) assert.ok(new Set(reportsRead).size <= carriers.size, `${id}: read the reports that carry it`);
      if (carriers.size > 20) {
        // One version per storing time: the first carrier of each gives it, the others are not read.
        reportsRead.length = 0;
        const page = (await get('jp-mod', `/taxii2/api/collections/NATO/objects/${id}/?match[version]=all`)).json() as Envelope;
        assert.deepEqual(page.objects, versions);
        assert.ok(new Set(reportsRead).size <= versions.length + 4, `${id}: ${versions.length} versions from ${new Set(reportsRead).size} of ${carriers.size} reports`);
      }

      reportsRead.length = 0;
      const latest = (await get('jp-mod', `/taxii2/api/collections/NATO/objects/${id}/`)).json() as Envelope;
      assert.deepEqual(latest.objects, [versions[versions.length - 1]], `${id}: the last version`);
      if (carriers.size > 20) assert.ok(new Set(reportsRead).size < 10, `${id}: the last of ${carriers.size} versions, read from ${new Set(reportsRead).size} reports`);
      const listed = (await get('jp-mod', `/taxii2/api/collections/NATO/objects/${id}/versions/`)).json() as { versions: string[] };
      assert.deepEqual(listed.versions, [...new Set(versions.map(versionOf))]);
    }
  } finally {
    store.listReportContents = read;
  }

  // kr-mnd's CONFIDENTIAL reports: jp-mod may not see them; their objects answer as ids nobody has.
  const types = '&match[type]=x-parallax-claim,report';
  const jpSees = new Set((await walk('jp-mod', 'jp-mod', types, 2_000)).objects.map((o) => o.id));
  const hidden = (await walk('kr-mnd', 'kr-mnd', types, 2_000)).objects.find((o) => !jpSees.has(o.id))!;
  assert.ok(hidden, 'a claim or report jp-mod may not see');
  const absent = `${hidden.type}--00000000-0000-4000-8000-000000000000`;
  for (const suffix of ['/', '/versions/']) {
    for (const collection of ['jp-mod', 'NATO']) {
      const a = await get('jp-mod', `/taxii2/api/collections/${collection}/objects/${hidden.id}${suffix}`);
      const b = await get('jp-mod', `/taxii2/api/collections/${collection}/objects/${absent}${suffix}`);
      assert.equal(a.statusCode, 404);
      assert.equal(a.body, b.body, 'the same body');
    }
    assert.equal((await get('kr-mnd', `/taxii2/api/collections/kr-mnd/objects/${hidden.id}${suffix}`)).statusCode, 200, 'its owner sees it');
  }
});
