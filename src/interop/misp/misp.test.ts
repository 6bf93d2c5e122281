import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { outletKeyOf } from '../../analyse/sources.js';
import { collectText } from '../../collect/index.js';
import { collectMisp } from '../../collect/misp/collect-misp.js';
import { LIKELIHOOD_WORDS, likelihoodTagOf } from '../../collect/misp/taxonomies.js';
import { runParallax } from '../../cli/io.fixture.js';
import { ingestFiles } from '../../cli/ingest-files.js';
import type { Marking } from '../../domain/marking.js';
import { LOCAL_ADMIN, type Viewer } from '../../domain/viewer.js';
import { bearer, startTestServer } from '../../server/server.fixture.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { exportMispEvent, type MispEvent } from './export.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-misp-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string): { origin: string; read: () => Promise<Uint8Array> } => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return { origin: path, read: async () => readFileSync(path) };
};

/** An event written for this test (no corpus text), with one of each thing the importer maps. */
function sampleEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uuid: '5e0f6a3c-1d2b-4c8e-9f00-a1b2c3d4e5f6',
    info: 'Harbour monitors count more freighters at Rason',
    date: '2024-11-12',
    distribution: '4',
    SharingGroup: { name: 'KOR-UKR' },
    threat_level_id: '2',
    analysis: '1',
    Orgc: { name: 'Harbour Watch' },
    Tag: [
      { name: 'tlp:amber' },
      { name: 'admiralty-scale:source-reliability="b"' },
      { name: 'admiralty-scale:information-credibility="2"' },
      { name: 'PAP:AMBER' },
    ],
    EventReport: [{ name: 'summary', content: 'Harbour monitors said on Tuesday that 14 freighters had docked at Rason port in the past week.' }],
    Attribute: [
      { type: 'link', category: 'External analysis', value: 'https://example.org/harbour/rason' },
      { type: 'text', category: 'Other', value: 'The monitors expect more ships before the ice sets in.' },
      { type: 'threat-actor', category: 'Attribution', value: 'Blue Ferry Group' },
      { type: 'ip-dst', category: 'Network activity', value: '203.0.113.7', to_ids: true, uuid: 'aaaaaaaa-1111-4222-8333-444444444444', id: '991' },
      { type: 'domain', category: 'Network activity', value: 'ferry-tracker.example' },
      { type: 'sha256', category: 'Payload delivery', value: 'a'.repeat(64) },
      { type: 'url', category: 'Network activity', value: 'http://ferry-tracker.example/c2' },
      { type: 'counter', category: 'Other', value: '9', comment: 'freighters seen leaving' },
      { type: 'counter', category: 'Other', value: '3' },
      { type: 'domain', category: 'Network activity', value: 'old.example', deleted: true },
    ],
    Object: [
      {
        name: 'file',
        uuid: 'bbbbbbbb-1111-4222-8333-444444444444',
        Attribute: [
          { object_relation: 'filename', type: 'filename', value: 'manifest.xls' },
          { object_relation: 'md5', type: 'md5', value: 'b'.repeat(32) },
        ],
      },
      { name: 'report', Attribute: [{ object_relation: 'summary', type: 'text', value: 'Satellite pictures show two more cranes at the pier.' }] },
    ],
    ...overrides,
  };
}

test('a MISP event becomes a report: title, date, source, text, URL, entities, marking facts, kept observables', () => {
  const [doc, ...rest] = collectText('events.json', JSON.stringify({ Event: sampleEvent() }));
  assert.equal(rest.length, 0);
  assert.equal(doc!.format, 'misp');
  assert.equal(doc!.origin, 'events.json#5e0f6a3c-1d2b-4c8e-9f00-a1b2c3d4e5f6');
  assert.equal(doc!.title, 'Harbour monitors count more freighters at Rason');
  assert.equal(doc!.published, '2024-11-12');
  assert.equal(doc!.source, 'Harbour Watch');
  assert.equal(doc!.url, 'https://example.org/harbour/rason');
  for (const part of ['14 freighters had docked', 'two more cranes', 'before the ice sets in', 'freighters seen leaving: 9.']) {
    assert.ok(doc!.text.includes(part), `the text has "${part}"`);
  }
  const facts = doc!.imported!;
  assert.equal(facts.tlp, 'TLP:AMBER');
  assert.equal(facts.reliability, 'B');
  assert.deepEqual(facts.releasableTo, ['KOR-UKR'], 'a sharing group releases to the community of its name');
  assert.deepEqual(facts.entities, [{ name: 'Blue Ferry Group', type: 'organization', role: 'threat actor' }]);
  const kept = facts.items.map((i) => [i.kind, i.type, ...(i.value === null ? [] : [i.value])].join(':'));
  assert.deepEqual(kept.sort(), [
    'attribute:counter:3',
    'attribute:domain:ferry-tracker.example',
    `attribute:ip-dst:203.0.113.7`,
    `attribute:sha256:${'a'.repeat(64)}`,
    'attribute:url:http://ferry-tracker.example/c2',
    'object:file',
    'tag:PAP:AMBER',
    'tag:admiralty-scale:information-credibility="2"',
  ]);
  assert.ok(facts.notes.some((n) => n.includes('old.example') && n.includes('deleted')), 'a deleted attribute is named, not dropped silently');
});

test('distribution maps to releasability; parallax tags override it', () => {
  const rel = (ev: Record<string, unknown>) => collectMisp('x.json', JSON.stringify({ Event: ev })).docs[0]!.imported!.releasableTo;
  assert.deepEqual(rel(sampleEvent({ distribution: '0', SharingGroup: undefined })), []);
  assert.deepEqual(rel(sampleEvent({ distribution: 1 })), []);
  assert.deepEqual(rel(sampleEvent({ distribution: '3' })), ['ALL']);
  assert.equal(rel(sampleEvent({ distribution: undefined })), null);
  assert.deepEqual(rel(sampleEvent({ distribution: '3', Tag: [{ name: 'parallax:releasable-to="NATO"' }, { name: 'parallax:releasable-to="jp-mod"' }] })), ['NATO', 'jp-mod']);
});

test('lists and REST responses of events; a bad event is named with its file, the good ones still come', () => {
  const good = sampleEvent();
  const noInfo = sampleEvent({ uuid: '11111111-2222-4333-8444-555555555555', info: '  ' });
  const badDate = sampleEvent({ uuid: '66666666-2222-4333-8444-555555555555', date: '2024-13-40' });
  const { docs, errors } = collectMisp('feed.json', JSON.stringify({ response: [{ Event: good }, { Event: noInfo }, { Event: badDate }, { Attribute: [] }] }));
  assert.equal(docs.length, 1);
  assert.deepEqual(
    errors.map((e) => e.message),
    [
      'feed.json#11111111-2222-4333-8444-555555555555: the event has no "info" (its title)',
      'feed.json#66666666-2222-4333-8444-555555555555: the event\'s date "2024-13-40" is not a date YYYY-MM-DD',
      'feed.json#event-4: item 4 is not a MISP event (no "Event" object)',
    ],
  );
  assert.equal(collectMisp('list.json', JSON.stringify([{ Event: good }])).docs.length, 1);
  assert.throws(() => collectText('broken.json', '{"Event": {"info": '), /broken\.json: not valid JSON/);
  // Without an error callback, an input with no good event fails as a whole.
  assert.throws(() => collectText('bad.json', JSON.stringify({ Event: noInfo })), /bad\.json#11111111.*no "info"/);
});

test('ingest: marking from tags, the outlet graded, observables stored and visible only through the report', async () => {
  const store = await openSqliteStore(join(dir, 'ingest.db'));
  const failures: string[] = [];
  const notes: string[] = [];
  const bad = sampleEvent({ uuid: '77777777-2222-4333-8444-555555555555', date: 'yesterday' });
  const input = file('two.json', JSON.stringify([{ Event: sampleEvent() }, { Event: bad }]));
  const summary = await ingestFiles(store, [input], [], {
    onFailure: (o, p) => failures.push(`${o}: ${p}`),
    onNote: (o, n) => notes.push(`${o}: ${n}`),
  });
  assert.equal(summary.ingested, 1);
  assert.equal(summary.failed, 1);
  assert.match(failures[0]!, /two\.json#77777777-2222-4333-8444-555555555555: the event's date "yesterday" is not a date/);
  const [report] = await store.listReports(LOCAL_ADMIN);
  assert.deepEqual(report!.marking, { classification: 'UNCLASSIFIED', releasableTo: ['KOR-UKR'], owner: 'local', tlp: 'TLP:AMBER' });
  const grades = await store.listSourceGrades(LOCAL_ADMIN);
  assert.deepEqual(grades.map((g) => [g.sourceKey, g.grade]), [[outletKeyOf('Harbour Watch'), 'B']]);
  const items = await store.listReportItems(LOCAL_ADMIN, report!.id);
  assert.equal(items.find((i) => i.type === 'ip-dst')!.data['uuid'], 'aaaaaaaa-1111-4222-8333-444444444444', 'kept verbatim');
  const entities = await store.listEntities(LOCAL_ADMIN, { reportId: report!.id });
  assert.ok(entities.some((e) => e.name === 'Blue Ferry Group' && e.roles[0] === 'threat actor'));
  const claims = await store.listClaims(LOCAL_ADMIN, { reportId: report!.id });
  assert.ok(claims.some((c) => c.value.low === 14), 'the claim in the event report is extracted');
  // A partner outside KOR-UKR sees neither the report nor its observables.
  const outsider: Viewer = { partnerId: 'jp-mod', clearance: 'SECRET', communities: ['NATO'], role: 'reader' };
  const member: Viewer = { partnerId: 'kr-mnd', clearance: 'SECRET', communities: ['KOR-UKR'], role: 'reader' };
  assert.deepEqual(await store.listReportItems(outsider, report!.id), []);
  assert.equal(await exportMispEvent(store, outsider, report!.id), undefined);
  assert.equal((await store.listReportItems(member, report!.id)).length, items.length);

  // An analyst's grade is kept over an imported one, and the difference said.
  await store.setSourceGrade(LOCAL_ADMIN, { sourceKey: outletKeyOf('Harbour Watch'), grade: 'D' });
  const again = file('again.json', JSON.stringify({ Event: sampleEvent({ uuid: '88888888-2222-4333-8444-555555555555', info: 'Another count' }) }));
  await ingestFiles(store, [again], [], { onNote: (o, n) => notes.push(`${o}: ${n}`) });
  assert.equal((await store.listSourceGrades(LOCAL_ADMIN))[0]!.grade, 'D');
  assert.ok(notes.some((n) => n.includes('kept the grade D')));
  await store.close();
});

const MISP_TEXT_CATEGORIES = new Set(['Internal reference', 'Antivirus detection', 'Payload delivery', 'Artifacts dropped', 'Payload installation', 'Persistence mechanism', 'Network activity', 'Payload type', 'Attribution', 'External analysis', 'Financial fraud', 'Support Tool', 'Social network', 'Person', 'Other']);

test('export → import gives the same text, marking and grade; the export is deterministic and in the MISP core format', async () => {
  const a = await openSqliteStore(join(dir, 'a.db'));
  const marking: Marking = { classification: 'CONFIDENTIAL', releasableTo: ['NATO', 'kr-mnd'], owner: 'local', tlp: 'TLP:AMBER' };
  const text =
    'Freighters crowd Rason\nBy Ana Lopes, Harbour Watch, Rason | Tuesday 12 November 2024\n\nPort officials said on Monday that 14 freighters had very likely docked at Rason in the past week, ' +
    'up from 9 the week before. Kim Jong Un visited the pier, state media said.\n';
  const summary = await ingestFiles(a, [file('rason.txt', text)], [], { marking, published: '2024-11-12' });
  assert.equal(summary.ingested, 1);
  const [r] = await a.listReports(LOCAL_ADMIN);
  assert.equal(r!.source, 'Harbour Watch');
  await a.setSourceGrade(LOCAL_ADMIN, { sourceKey: outletKeyOf(r!.source!), grade: 'B' });
  const first = (await exportMispEvent(a, LOCAL_ADMIN, r!.id))!;
  assert.deepEqual(await exportMispEvent(a, LOCAL_ADMIN, r!.id), first, 'deterministic');

  const ev = first.Event;
  for (const key of ['uuid', 'info', 'date', 'threat_level_id', 'analysis', 'distribution', 'timestamp', 'Attribute', 'Object', 'Tag']) assert.ok(key in ev, key);
  assert.match(ev.uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(ev.distribution, '0');
  assert.deepEqual(ev.Tag.map((t) => t.name).sort(), [
    'admiralty-scale:source-reliability="b"',
    'parallax:classification="CONFIDENTIAL"',
    'parallax:releasable-to="NATO"',
    'parallax:releasable-to="kr-mnd"',
    'tlp:amber',
  ]);
  const attrs = ev.Attribute as { type: string; category: string; value: string; uuid: string }[];
  assert.equal(attrs[0]!.value, text);
  for (const at of attrs) if (at.type === 'text') assert.ok(MISP_TEXT_CATEGORIES.has(at.category), `text may stand in ${at.category}`);
  assert.ok(attrs.some((at) => at.type === 'text' && at.category === 'Person' && at.value === 'Kim Jong Un'));
  assert.equal(new Set([...attrs.map((x) => x.uuid), ...ev.Object.map((o) => o['uuid'])]).size, attrs.length + ev.Object.length, 'uuids are unique');
  const claim = ev.Object.find((o) => JSON.stringify(o).includes('14 freighters'))!;
  assert.equal(claim['name'], 'annotation');
  const quoted = (claim['Attribute'] as { object_relation: string; value: string; Tag?: { name: string }[] }[]).find((x) => x.object_relation === 'text')!;
  assert.ok(text.includes(quoted.value), 'the claim quotes its sentence');
  assert.deepEqual(quoted.Tag, [{ name: 'estimative-language:likelihood-probability="very-likely"' }]);

  const b = await openSqliteStore(join(dir, 'b.db'));
  const back = await ingestFiles(b, [file('event.json', JSON.stringify(first))], [], { marking: { ...marking, classification: 'UNCLASSIFIED', releasableTo: ['ALL'] } });
  assert.equal(back.ingested, 1);
  const [r2] = await b.listReports(LOCAL_ADMIN);
  const full = (await b.findReport(LOCAL_ADMIN, r2!.id))!;
  assert.equal(full.text, text);
  assert.equal(full.title, r!.title);
  assert.equal(full.published, '2024-11-12');
  assert.deepEqual(full.marking, marking);
  assert.deepEqual((await b.listSourceGrades(LOCAL_ADMIN)).map((g) => [g.sourceKey, g.grade]), [[outletKeyOf('Harbour Watch'), 'B']]);
  const second = (await exportMispEvent(b, LOCAL_ADMIN, r2!.id))!;
  assert.equal(second.Event.uuid, ev.uuid, 'an imported event keeps its uuid');
  const withoutTimes = (e: MispEvent) => JSON.parse(JSON.stringify(e).replace(/"timestamp":"\d+"/g, '"timestamp":"0"'));
  assert.deepEqual(withoutTimes(second), withoutTimes(first), 'exported again, the same event');
  await a.close();
  await b.close();
});

test('the CLI exports as a partner; the API exports to the caller only what it may see', async () => {
  const server = await startTestServer([
    { id: 'kr-mnd', clearance: 'SECRET', communities: ['KOR-UKR'], role: 'analyst' },
    { id: 'jp-mod', clearance: 'SECRET', communities: ['NATO'], role: 'reader' },
  ]);
  try {
    await ingestFiles(server.store, [file('api.json', JSON.stringify({ Event: sampleEvent() }))], []);
    const [r] = await server.store.listReports(LOCAL_ADMIN);
    const get = (who: string) => server.app.inject({ method: 'GET', url: `/api/v1/reports/${r!.id}/misp`, headers: bearer(server.tokens.get(who)!) });
    const kr = await get('kr-mnd');
    assert.equal(kr.statusCode, 200);
    const ev = (kr.json() as MispEvent).Event;
    assert.equal(ev.uuid, '5e0f6a3c-1d2b-4c8e-9f00-a1b2c3d4e5f6');
    assert.ok(ev.Attribute.some((a) => a['type'] === 'ip-dst' && a['value'] === '203.0.113.7' && !('id' in a)), 'kept observables, without the sender\'s ids');
    assert.ok(ev.Object.some((o) => o['name'] === 'file'));
    assert.ok(ev.Tag.some((t) => t.name === 'PAP:AMBER'));
    const jp = await get('jp-mod');
    assert.equal(jp.statusCode, 404);
    assert.deepEqual(jp.json(), (await server.app.inject({ method: 'GET', url: '/api/v1/reports/999/misp', headers: bearer(server.tokens.get('jp-mod')!) })).json());

    const asKr = await runParallax(['export', '--misp', String(r!.id), '--as', 'kr-mnd', '--db', server.location]);
    assert.equal(asKr.code, 0, asKr.err);
    assert.equal((JSON.parse(asKr.out) as MispEvent).Event.uuid, ev.uuid);
    const asJp = await runParallax(['export', '--misp', String(r!.id), '--as', 'jp-mod', '--db', server.location]);
    assert.equal(asJp.code, 1);
    assert.match(asJp.err, /no report \d+ that jp-mod may see/);
    assert.equal((await runParallax(['export', '--misp', '1', '--as', 'nobody', '--db', server.location])).code, 2);
  } finally {
    await server.close();
  }
});

const standards = fileURLToPath(new URL('../../../../shared/standards/misp-taxonomies/', import.meta.url));
test('tags written are values of the MISP taxonomies', { skip: !existsSync(standards) && 'taxonomies not present' }, () => {
  const values = (name: string, predicate: string) =>
    (JSON.parse(readFileSync(join(standards, name, 'machinetag.json'), 'utf8')) as { values: { predicate: string; entry: { value: string }[] }[] }).values
      .find((v) => v.predicate === predicate)!
      .entry.map((e) => e.value);
  const likelihood = values('estimative-language', 'likelihood-probability');
  for (const w of LIKELIHOOD_WORDS) assert.ok(likelihood.includes(w.value), w.value);
  assert.equal(likelihoodTagOf('Officials said it was almost certainly a freighter.'), 'estimative-language:likelihood-probability="almost-certain"');
  assert.equal(likelihoodTagOf('Officials said 14 freighters docked.'), undefined);
  const tlp = (JSON.parse(readFileSync(join(standards, 'tlp', 'machinetag.json'), 'utf8')) as { predicates: { value: string }[] }).predicates.map((p) => p.value);
  for (const label of ['clear', 'green', 'amber', 'amber+strict', 'red']) assert.ok(tlp.includes(label), label);
});
