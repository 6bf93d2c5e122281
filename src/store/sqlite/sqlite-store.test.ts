import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Claim, Extraction } from '../../domain/claim.js';
import type { CollectedDocument } from '../../domain/document.js';
import type { Entity } from '../../domain/entity.js';
import { DEFAULT_MARKING, type Marking } from '../../domain/marking.js';
import { LOCAL_ADMIN, type Viewer } from '../../domain/viewer.js';
import { prepareReport } from '../prepare-report.js';
import type { StoreEvent } from '../store-event.js';
import { MIGRATIONS } from './migrations.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-store-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const BODY =
  'Seoul said on Monday that roughly 12,000 North Korean troops were fighting near Kursk. ' +
  'Defence minister Kim Yong-hyun told lawmakers that Pyongyang had sent 20 self-propelled guns as well. ' +
  'The ministry expects further shipments of shells through the winter, officials in Seoul added.';

function doc(origin: string, text: string, extra: Partial<CollectedDocument> = {}): CollectedDocument {
  return {
    origin,
    format: 'text',
    text,
    title: null,
    published: '2024-11-04',
    url: null,
    source: null,
    main: { start: 0, end: text.length },
    boilerplate: [],
    ...extra,
  };
}

/** A hand-made extraction of BODY placed at `offset` in a text (what the stages would find). */
function extractionOf(text: string): Extraction {
  const at = (s: string) => {
    const start = text.indexOf(s);
    assert.ok(start >= 0, s);
    return { start, end: start + s.length };
  };
  const sentence1 = at('Seoul said on Monday that roughly 12,000 North Korean troops were fighting near Kursk.');
  const sentence2 = at('Defence minister Kim Yong-hyun told lawmakers that Pyongyang had sent 20 self-propelled guns as well.');
  const kim: Entity = {
    key: 'per:kim-yong-hyun',
    name: 'Kim Yong-hyun',
    type: 'person',
    aliases: [],
    role: 'Defence minister',
    mentions: [{ ...at('Kim Yong-hyun'), text: 'Kim Yong-hyun' }],
  };
  const nk: Entity = {
    key: 'loc:north-korea',
    name: 'North Korea',
    type: 'location',
    aliases: ['Pyongyang'],
    role: null,
    mentions: [
      { ...at('North Korean'), text: 'North Korean' },
      { ...at('Pyongyang'), text: 'Pyongyang' },
    ],
  };
  const base = { countedSpan: null, per: null, vague: false, speakerSpan: null, locationSpan: null } as const;
  const claims: Claim[] = [
    {
      ...base,
      span: at('roughly 12,000'),
      sentence: sentence1,
      value: { low: 12000, high: 12000 },
      unit: 'troops',
      counted: 'North Korean troops',
      qualifier: 'approximate',
      attributedTo: 'Seoul',
      speakerKey: null,
      time: { start: '2024-11-04', end: '2024-11-04', text: null, span: null },
      location: 'Kursk',
    },
    {
      ...base,
      span: at('20'),
      sentence: sentence2,
      value: { low: 20, high: 20 },
      unit: 'guns',
      counted: 'self-propelled guns',
      qualifier: 'exact',
      attributedTo: 'Kim Yong-hyun',
      speakerKey: 'per:kim-yong-hyun',
      time: { start: '2024-06-01', end: '2024-10-31', text: 'since June', span: null },
      location: null,
    },
  ];
  return { entities: [kim, nk], claims, messages: [] };
}

function input(d: CollectedDocument, marking: Marking = DEFAULT_MARKING) {
  return prepareReport(d, { extraction: extractionOf(d.text), marking });
}

describe('SqliteStore', () => {
  let store: SqliteStore;
  let file: string;
  const events: StoreEvent[] = [];
  before(async () => {
    file = join(dir, 'round-trip.db');
    store = await openSqliteStore(file);
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
    assert.equal(BODY.slice(claims[0]!.span.start, claims[0]!.span.end), 'roughly 12,000');
    assert.deepEqual(
      events.map((e) => e.kind),
      ['report.ingested', 'claim.created', 'claim.created'],
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
    const [o] = await store.ingest([input(doc('b.html', wrapped, { format: 'html', main, source: 'Daily B' }))]);
    assert.equal(o?.status, 'duplicate');
    assert.equal(o?.duplicateOf, 1);
    const stats = await store.stats(LOCAL_ADMIN);
    assert.equal(stats.reports, 2);
    assert.equal(stats.duplicates, 1);
    const [link] = await store.listDuplicates(LOCAL_ADMIN);
    assert.equal(link?.originalSource, 'Wire A');
    assert.equal(link?.source, 'Daily B');
    // The entity counts the copy as the same story.
    const [kim] = await store.listEntities(LOCAL_ADMIN, { type: 'person' });
    assert.equal(kim?.reports, 2);
    assert.equal(kim?.stories, 1);
    assert.deepEqual(kim?.roles, ['Defence minister']);
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
    assert.equal((await store.listClaims(LOCAL_ADMIN, { about: '100%_' })).length, 0, 'LIKE wildcards are literal');
  });

  test('a new version of the same origin replaces the old', async () => {
    const changed = `${BODY} A correction was appended later.`;
    const [o] = await store.ingest([input(doc('a.txt', changed, { title: 'Troops near Kursk', source: 'Wire A' }))]);
    assert.equal(o?.status, 'updated');
    assert.equal(await store.countReports(LOCAL_ADMIN), 3);
    assert.equal((await store.listReports(LOCAL_ADMIN)).filter((r) => r.origin === 'a.txt').length, 1);
    assert.equal((await store.listClaims(LOCAL_ADMIN)).length, 6);
  });

  test('search ranks by relevance and returns snippets; odd queries are not errors', async () => {
    const hits = await store.search(LOCAL_ADMIN, 'self-propelled guns');
    assert.equal(hits.length, 3);
    assert.match(hits[0]!.snippet, /«self-propelled» «guns»/);
    assert.deepEqual(await store.search(LOCAL_ADMIN, '"unclosed AND ( -'), []);
  });

  test('a report that cannot be stored costs only itself; the rest of its batch is stored whole', async () => {
    const texts = ['First of three. ', 'Second of three, which breaks. ', 'Third of three. '].map((p) => `${p}${BODY}`);
    const inputs = texts.map((t, i) => input(doc(`batch-${i}.txt`, t)));
    inputs[1]!.extraction.claims[0]!.value = { low: Number.NaN, high: Number.NaN }; // NOT NULL fails
    const outcomes = await store.ingest(inputs);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['duplicate', 'failed', 'duplicate'],
    );
    assert.match(outcomes[1]!.problem ?? '', /could not store it/);
    const origins = (await store.listReports(LOCAL_ADMIN)).map((r) => r.origin);
    assert.ok(!origins.includes('batch-1.txt'));
    assert.ok(origins.includes('batch-0.txt') && origins.includes('batch-2.txt'));
    const db = new Database(file, { readonly: true });
    const orphans = db.prepare('SELECT COUNT(*) AS n FROM claims WHERE report_id NOT IN (SELECT id FROM reports)').get() as { n: number };
    db.close();
    assert.equal(orphans.n, 0);
  });

  test('opening again migrates nothing and keeps everything', async () => {
    const again = await openSqliteStore(file);
    assert.equal(await again.countReports(LOCAL_ADMIN), 5);
    await again.close();
    const db = new Database(file, { readonly: true });
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n, MIGRATIONS.length);
    assert.equal((db.pragma('journal_mode', { simple: true }) as string).toLowerCase(), 'wal');
    db.close();
  });
});

describe('access policy on every read path', () => {
  const partner: Viewer = { partnerId: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['five-eyes'], role: 'analyst' };
  const restricted: Marking = { classification: 'SECRET', releasableTo: ['kr-mnd'], owner: 'local', tlp: 'TLP:AMBER' };
  const redToAll: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['ALL'], owner: 'local', tlp: 'TLP:RED' };
  const community: Marking = { classification: 'RESTRICTED', releasableTo: ['five-eyes'], owner: 'local', tlp: 'TLP:GREEN' };
  let store: SqliteStore;

  before(async () => {
    store = await openSqliteStore(join(dir, 'policy.db'));
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
    assert.deepEqual(await store.search(partner, 'amber'), []);
    const claims = await store.listClaims(partner);
    assert.ok(claims.every((c) => c.reportOrigin === 'share.txt'));
    assert.equal(await store.countClaims(partner), 2);
    assert.equal(await store.findReport(partner, 1), undefined);
    const stats = await store.stats(partner);
    assert.equal(stats.reports, 2);
    assert.equal(stats.claims, 2);
    // The copies' originals are hidden, so no link reveals them.
    assert.deepEqual(await store.listDuplicates(partner), []);
    assert.ok(reports.every((r) => r.duplicateOf === null));
    const [kim] = await store.listEntities(partner, { type: 'person' });
    assert.equal(kim?.reports, 1);
  });

  test('a viewer whose clearance is unknown sees nothing', async () => {
    const stranger: Viewer = { partnerId: 'x', clearance: 'COSMIC', communities: [], role: 'reader' };
    assert.equal(await store.countReports(stranger), 0);
    assert.deepEqual(await store.listEntities(stranger), []);
  });
});

test('a copy that says it is syndicated stays the copy, even when stored first with the same date', async () => {
  const store = await openSqliteStore(join(dir, 'syndication.db'));
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

describe('reports of different markings stay apart', () => {
  test('the same text from two partners is two reports; from one partner in one marking, unchanged', async () => {
    const store = await openSqliteStore(join(dir, 'markings.db'));
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
});
