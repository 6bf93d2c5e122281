import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Marking } from '../../domain/marking.js';
import { DEFAULT_MARKING } from '../../domain/marking.js';
import { LOCAL_ADMIN, type Viewer } from '../../domain/viewer.js';
import { prepareReport } from '../prepare-report.js';
import type { StoreEvent } from '../store-event.js';
import type { Store } from '../store.js';
import type { TestStores } from '../test-stores.fixture.js';
import { BODY, doc, extractionOf, input } from './report-fixture.js';

/** Writing and reading reports: whole or not at all, duplicates, versions, search, claims, events. */
export function reportTests(stores: TestStores): void {
  describe('reports round trip', () => {
    let store: Store;
    let location: string;
    const events: StoreEvent[] = [];
    before(async () => {
      location = stores.newLocation();
      store = await stores.open(location);
      store.onEvent((e) => events.push(e));
    });
    after(() => store.close());

    test('stores a report whole and reads it back through the viewer', async () => {
      const [o] = await store.ingest([input(doc('a.txt', BODY, { title: 'Troops near Kursk', source: 'Wire A' }))]);
      assert.equal(o?.status, 'ingested');
      assert.equal(o?.claims, 2);
      const report = await store.findReport(LOCAL_ADMIN, o!.reportId!);
      assert.equal(report?.text, BODY);
      assert.equal(report?.title, 'Troops near Kursk');
      assert.deepEqual(report?.marking, DEFAULT_MARKING);
      const claims = await store.listClaims(LOCAL_ADMIN, { reportId: o!.reportId! });
      assert.equal(claims.length, 2);
      assert.equal(claims[1]?.speakerKey, 'per:kim-yong-hyun');
      assert.deepEqual(claims[1]?.time, { start: '2024-06-01', end: '2024-10-31', text: 'since June', span: null });
      assert.deepEqual(claims[0]?.entityKeys, ['loc:north-korea']);
      assert.deepEqual(claims[1]?.entityKeys, ['loc:north-korea', 'per:kim-yong-hyun']);
      assert.equal(claims[0]?.vague, false);
      assert.deepEqual(claims[0]?.value, { low: 12000, high: 12000 });
      assert.equal(BODY.slice(claims[0]!.span.start, claims[0]!.span.end), 'roughly 12,000');
      assert.deepEqual(
        events.map((e) => e.kind),
        ['report.ingested', 'claim.created', 'claim.created'],
      );
      assert.deepEqual(
        events.filter((e) => e.kind === 'claim.created').map((e) => (e as { claimId: number }).claimId),
        claims.map((c) => c.id),
        'claim events name the stored claims, in order',
      );
    });

    test('the same document again is not stored twice', async () => {
      const [o] = await store.ingest([input(doc('a-again.txt', BODY, { title: 'Troops near Kursk', source: 'Wire A' }))]);
      assert.equal(o?.status, 'unchanged');
      assert.equal(await store.countReports(LOCAL_ADMIN), 1);
    });

    test('a syndicated copy is stored as its own report and linked to the original', async () => {
      const wrapped = `Home | World | Asia\n\n${BODY}\n\nRelated: more from our partners`;
      const main = { start: wrapped.indexOf(BODY), end: wrapped.indexOf(BODY) + BODY.length };
      const before = events.length;
      const [o] = await store.ingest([input(doc('b.html', wrapped, { format: 'html', main, source: 'Daily B' }))]);
      assert.equal(o?.status, 'duplicate');
      assert.equal(o?.duplicateOf, 1);
      assert.deepEqual(
        events.slice(before).map((e) => e.kind),
        ['report.ingested', 'claim.created', 'claim.created', 'duplicate.linked'],
      );
      const stats = await store.stats(LOCAL_ADMIN);
      assert.equal(stats.reports, 2);
      assert.equal(stats.duplicates, 1);
      assert.equal(stats.claims, 4);
      assert.equal(stats.entities, 2);
      const [link] = await store.listDuplicates(LOCAL_ADMIN);
      assert.equal(link?.originalSource, 'Wire A');
      assert.equal(link?.source, 'Daily B');
      // The entity counts the copy as the same story.
      const [kim] = await store.listEntities(LOCAL_ADMIN, { type: 'person' });
      assert.equal(kim?.reports, 2);
      assert.equal(kim?.stories, 1);
      assert.equal(kim?.mentions, 2);
      assert.deepEqual(kim?.roles, ['Defence minister']);
      const [nk] = await store.listEntities(LOCAL_ADMIN, { name: 'pyongyang' });
      assert.equal(nk?.key, 'loc:north-korea', 'found by an alias');
      assert.deepEqual(nk?.aliases, ['Pyongyang']);
    });

    test('an earlier-published copy becomes the original', async () => {
      const early = doc('c.txt', `${BODY} `, { published: '2024-11-01', source: 'First Paper' });
      const [o] = await store.ingest([input(early)]);
      assert.equal(o?.status, 'duplicate');
      assert.equal(o?.duplicateOf, null);
      const copies = await store.listDuplicates(LOCAL_ADMIN);
      assert.deepEqual(
        copies.map((c) => c.originalId),
        [o!.reportId, o!.reportId],
      );
    });

    test('claims filter by subject, unit and time overlap', async () => {
      assert.equal((await store.listClaims(LOCAL_ADMIN, { unit: 'troop' })).length, 3);
      assert.equal((await store.listClaims(LOCAL_ADMIN, { about: 'pyongyang' })).length, 6, 'alias of an entity in the sentence');
      assert.equal((await store.listClaims(LOCAL_ADMIN, { about: 'Kim Yong' })).length, 3);
      assert.equal((await store.listClaims(LOCAL_ADMIN, { from: '2024-10-01', to: '2024-10-15' })).length, 3);
      assert.equal((await store.listClaims(LOCAL_ADMIN, { from: '2024-11-02' })).length, 3);
      assert.equal(await store.countClaims(LOCAL_ADMIN, { from: '2024-11-02' }), 3);
      assert.equal((await store.listClaims(LOCAL_ADMIN, { about: '100%_' })).length, 0, 'LIKE wildcards are literal');
      const page = await store.listClaims(LOCAL_ADMIN, { limit: 2, offset: 1 });
      const all = await store.listClaims(LOCAL_ADMIN);
      assert.deepEqual(page.map((c) => c.id), all.slice(1, 3).map((c) => c.id));
      assert.deepEqual(all.map((c) => c.published), [...all.map((c) => c.published)].sort(), 'in publication order');
    });

    test('a new version of the same origin replaces the old', async () => {
      const changed = `${BODY} A correction was appended later.`;
      const before = events.length;
      const [o] = await store.ingest([input(doc('a.txt', changed, { title: 'Troops near Kursk', source: 'Wire A' }))]);
      assert.equal(o?.status, 'updated');
      assert.equal(events.slice(before).at(-1)?.kind, 'report.replaced');
      assert.equal(await store.countReports(LOCAL_ADMIN), 3);
      assert.equal((await store.listReports(LOCAL_ADMIN)).filter((r) => r.origin === 'a.txt').length, 1);
      assert.equal((await store.listClaims(LOCAL_ADMIN)).length, 6);
    });

    test('search ranks by relevance and returns snippets; odd queries are not errors', async () => {
      const hits = await store.search(LOCAL_ADMIN, 'self-propelled guns');
      assert.equal(hits.length, 3);
      assert.match(hits[0]!.snippet, /«self-propelled» «guns»/);
      assert.equal(await store.countSearch(LOCAL_ADMIN, 'self-propelled guns'), 3);
      assert.deepEqual(await store.search(LOCAL_ADMIN, '"unclosed AND ( -'), []);
      assert.equal((await store.search(LOCAL_ADMIN, 'Belgorod OR troops')).length, 3, 'OR offers alternatives');
      assert.equal((await store.search(LOCAL_ADMIN, 'troops Belgorod')).length, 0, 'every term must match');
      assert.equal((await store.search(LOCAL_ADMIN, 'Troops', { limit: 1 })).length, 1);
      assert.equal((await store.search(LOCAL_ADMIN, 'kursk', { order: 'recent' }))[0]?.published, '2024-11-04', 'newest first');
    });

    test('a report that cannot be stored costs only itself; the rest of its batch is stored whole', async () => {
      const texts = ['First of three. ', 'Second of three, which breaks. ', 'Third of three. '].map((p) => `${p}${BODY}`);
      const inputs = texts.map((t, i) => input(doc(`batch-${i}.txt`, t)));
      inputs[1]!.extraction.claims[0]!.value = { low: Number.NaN, high: Number.NaN }; // no value: refused
      const before = events.length;
      const outcomes = await store.ingest(inputs);
      assert.deepEqual(
        outcomes.map((o) => o.status),
        ['duplicate', 'failed', 'duplicate'],
      );
      assert.match(outcomes[1]!.problem ?? '', /could not store it/);
      const origins = (await store.listReports(LOCAL_ADMIN)).map((r) => r.origin);
      assert.ok(!origins.includes('batch-1.txt'));
      assert.ok(origins.includes('batch-0.txt') && origins.includes('batch-2.txt'));
      const [orphans] = await stores.query<{ n: number }>(location, 'SELECT COUNT(*) AS n FROM claims WHERE report_id NOT IN (SELECT id FROM reports)');
      assert.equal(Number(orphans!.n), 0);
      const reported = events.slice(before).filter((e) => e.kind === 'report.ingested').map((e) => (e as { reportId: number }).reportId);
      assert.deepEqual(reported, [outcomes[0]!.reportId, outcomes[2]!.reportId], 'events of stored reports only');
    });

    test('opening again migrates nothing and keeps everything', async () => {
      const again = await stores.open(location);
      assert.equal(await again.countReports(LOCAL_ADMIN), 5);
      await again.close();
      const [m] = await stores.query<{ n: number }>(location, 'SELECT COUNT(*) AS n FROM schema_migrations');
      assert.equal(Number(m!.n), stores.migrations);
    });
  });

  describe('access policy on every read path', () => {
    const partner: Viewer = { partnerId: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['five-eyes'], role: 'analyst' };
    const restricted: Marking = { classification: 'SECRET', releasableTo: ['kr-mnd'], owner: 'local', tlp: 'TLP:AMBER' };
    const redToAll: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['ALL'], owner: 'local', tlp: 'TLP:RED' };
    const community: Marking = { classification: 'RESTRICTED', releasableTo: ['five-eyes'], owner: 'local', tlp: 'TLP:GREEN' };
    let store: Store;

    before(async () => {
      store = await stores.open(stores.newLocation());
      const secretText = `Secret annex: ${BODY}`;
      const redText = `Amber note. ${BODY} Nothing else follows here today at all.`;
      const openText = 'A public bulletin about drone strikes on Belgorod, with no numbers in it worth a claim.';
      const share = `Community digest. ${BODY}`;
      await store.ingest([
        prepareReport(doc('secret.txt', secretText), { extraction: extractionOf(secretText), marking: restricted }),
        prepareReport(doc('red.txt', redText, { published: '2024-12-01' }), { extraction: extractionOf(redText), marking: redToAll }),
        prepareReport(doc('open.txt', openText), { extraction: { entities: [], claims: [], messages: [] } }),
        prepareReport(doc('share.txt', share, { published: '2024-12-02' }), { extraction: extractionOf(share), marking: community }),
      ]);
    });
    after(() => store.close());

    test('the local administrator sees all four reports', async () => {
      assert.equal(await store.countReports(LOCAL_ADMIN), 4);
    });

    test('a partner without clearance or release sees nothing of the restricted reports', async () => {
      const reports = await store.listReports(partner);
      assert.deepEqual(reports.map((r) => r.origin).sort(), ['open.txt', 'share.txt']);
      assert.equal(await store.countReports(partner), 2);
      assert.deepEqual(await store.search(partner, 'annex'), []);
      assert.equal(await store.countSearch(partner, 'annex'), 0);
      assert.deepEqual(await store.search(partner, 'amber'), []);
      const claims = await store.listClaims(partner);
      assert.ok(claims.every((c) => c.reportOrigin === 'share.txt'));
      assert.equal(await store.countClaims(partner), 2);
      assert.equal(await store.countClaims(partner, { about: 'kursk' }), 1);
      assert.equal(await store.findReport(partner, 1), undefined);
      const stats = await store.stats(partner);
      assert.equal(stats.reports, 2);
      assert.equal(stats.claims, 2);
      // The copies' originals are hidden, so no link reveals them.
      assert.deepEqual(await store.listDuplicates(partner), []);
      assert.ok(reports.every((r) => r.duplicateOf === null));
      const [kim] = await store.listEntities(partner, { type: 'person' });
      assert.equal(kim?.reports, 1);
      assert.equal((await store.listClaimRecords(partner)).length, 2);
    });

    test('a viewer whose clearance is unknown sees nothing', async () => {
      const stranger: Viewer = { partnerId: 'x', clearance: 'COSMIC', communities: [], role: 'reader' };
      assert.equal(await store.countReports(stranger), 0);
      assert.deepEqual(await store.listEntities(stranger), []);
      assert.deepEqual(await store.search(stranger, 'troops'), []);
    });
  });

  test('a copy that says it is syndicated stays the copy, even when stored first with the same date', async () => {
    const store = await stores.open(stores.newLocation());
    try {
      const copyText = `Harbour Wire (syndicated from Wire A)\n\n${BODY}`;
      const copy = doc('copy.txt', copyText, { source: 'Harbour Wire', main: { start: copyText.indexOf(BODY), end: copyText.length } });
      const [c] = await store.ingest([input(copy)]);
      const [o] = await store.ingest([input(doc('original.txt', BODY, { source: 'Wire A' }))]);
      assert.equal(o?.duplicateOf, null, 'the original is not a copy of its syndicated copy');
      const [link] = await store.listDuplicates(LOCAL_ADMIN);
      assert.deepEqual([link?.reportId, link?.originalId], [c?.reportId, o?.reportId]);
    } finally {
      await store.close();
    }
  });

  test('the same text from two partners is two reports; from one partner in one marking, unchanged', async () => {
    const store = await stores.open(stores.newLocation());
    try {
      const text = 'A ministry in Vilnius said 14 border posts were reinforced this week.';
      const kr: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['NATO'], owner: 'kr-mnd', tlp: 'TLP:GREEN' };
      const jp: Marking = { ...kr, owner: 'jp-mod' };
      const [a, b, c, d] = await store.ingest([
        prepareReport(doc('same.txt', text), { marking: kr }),
        prepareReport(doc('same.txt', text), { marking: jp }),
        prepareReport(doc('same.txt', text), { marking: kr }),
        prepareReport(doc('same.txt', text + ' Officials added nothing.'), { marking: jp }),
      ]);
      assert.equal(a!.status, 'ingested');
      assert.equal(b!.status, 'ingested', 'another owner: not unchanged, not a copy, not a new version');
      assert.equal(c!.status, 'unchanged');
      assert.equal(c!.reportId, a!.reportId);
      assert.equal(d!.status, 'updated', "a new version replaces the owner's own report only");
      const kept = (await store.listReports({ partnerId: 'x', clearance: 'SECRET', communities: ['NATO'], role: 'reader' })).map((r) => r.marking.owner);
      assert.deepEqual(kept.sort(), ['jp-mod', 'kr-mnd']);
    } finally {
      await store.close();
    }
  });

  test('two stores on one location ingesting the same reports at once store each report once', async () => {
    const location = stores.newLocation();
    const first = await stores.open(location);
    const second = await stores.open(location);
    try {
      const texts = Array.from({ length: 12 }, (_, i) => `Bulletin ${i}: officials said ${i + 3} convoys crossed the border overnight.`);
      const batch = () => texts.map((t, i) => prepareReport(doc(`bulletin-${i}.txt`, t), { extraction: { entities: [], claims: [], messages: [] } }));
      const [a, b] = await Promise.all([first.ingest(batch()), second.ingest(batch())]);
      assert.ok([...a, ...b].every((o) => o.status !== 'failed'), JSON.stringify([...a, ...b].filter((o) => o.status === 'failed')));
      assert.equal(await first.countReports(LOCAL_ADMIN), texts.length);
      texts.forEach((_, i) => assert.equal(a[i]!.reportId, b[i]!.reportId, `bulletin ${i}: one report`));
    } finally {
      await first.close();
      await second.close();
    }
  });
}
