#!/usr/bin/env node
// Scale-out benchmark of the store: SQLite against PostgreSQL on the same data. Not a test: figures only.
//  1. Ingest rate: the same generated reports (src/cli/synthetic-reports.ts, collected and extracted
//     once beforehand) written through Store.ingest, in chunks of 100: reports/s in the store alone;
//     PostgreSQL also with two writers at once (it allows several).
//  2. Query latency at scale: BENCH_REPORTS reports (default 200,000) with BENCH_CLAIMS claims
//     (default 1,000,000) bulk-loaded into each store (one transaction per batch in SQLite,
//     multi-row INSERT … SELECT FROM unnest() in PostgreSQL), marked over six partners, four
//     classifications, communities and TLP labels so the access policy does real work; then
//     p50/p99 of search and claim queries through the Store interface, as partners.
//   BENCH_REPORTS=20000 BENCH_CLAIMS=100000 node scripts/bench-scale-store.mjs   (a quick run)
//   env: BENCH_KEEP=1 keeps both stores to look into, BENCH_INGEST (reports for part 1, default 3000), BENCH_QUERIES (runs per query, default 100),
//        PARALLAX_TEST_PG (the database, default postgres://postgres@127.0.0.1:5432/test)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const REPORTS = Number(process.env.BENCH_REPORTS) || 200_000;
const CLAIMS = Number(process.env.BENCH_CLAIMS) || 1_000_000;
const INGEST = Number(process.env.BENCH_INGEST) || 3000;
const QUERIES = Number(process.env.BENCH_QUERIES) || 100;
const CORES = availableParallelism();

const dist = (p) => import(new URL(`../dist/${p}.js`, import.meta.url).href);
const [{ openStore }, { syntheticReports, mulberry32 }, { collectText }, { prepareReport }, { postgresTestUrl }, { openDatabase }] = await Promise.all([
  dist('store/open-store'),
  dist('cli/synthetic-reports'),
  dist('collect/index'),
  dist('store/prepare-report'),
  dist('store/test-stores.fixture'),
  dist('store/sqlite/open-database'),
]);

const found = await postgresTestUrl();
if ('problem' in found) {
  console.error(`bench-scale-store: PostgreSQL is not reachable: ${found.problem} (set PARALLAX_TEST_PG)`);
  process.exit(1);
}
const run = `parallax_bench_${randomBytes(4).toString('hex')}`;
const pgLocation = (name) => {
  const u = new URL(found.url);
  u.searchParams.set('schema', `${run}_${name}`);
  return u.toString();
};
const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-scale-'));
const admin = new pg.Pool({ connectionString: found.url, max: 1 });
const line = (label, value) => console.log(`  ${label.padEnd(44)} ${value}`);
const fmt = (n) => Math.round(n).toLocaleString('en-US');

// ── 1. ingest rate ───────────────────────────────────────────────────────────────────────────
async function ingestRate() {
  const inputs = syntheticReports(INGEST, { seed: 2024, copyEvery: 20 }).map((r) => prepareReport(collectText(r.name, r.text)[0]));
  const claims = inputs.reduce((n, r) => n + r.extraction.claims.length, 0);
  // What one statement costs here, whatever it does: PostgreSQL's figures are round trips mostly.
  const trips = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await admin.query('SELECT 1');
    trips.push(performance.now() - t);
  }
  trips.sort((a, b) => a - b);
  console.log(`PostgreSQL round trip (SELECT 1): p50 ${trips[100].toFixed(2)} ms, p99 ${trips[197].toFixed(2)} ms; load average ${loadavg()[0].toFixed(1)}`);
  console.log(`\ningest through Store.ingest: ${fmt(INGEST)} generated reports (${fmt(claims)} claims), extracted beforehand, chunks of 100`);
  const timed = async (label, stores) => {
    const halves = stores.length === 1 ? [inputs] : [inputs.filter((_, i) => i % 2 === 0), inputs.filter((_, i) => i % 2 === 1)];
    const t = performance.now();
    await Promise.all(
      stores.map(async (store, w) => {
        const mine = halves[w];
        for (let i = 0; i < mine.length; i += 100) {
          const outcomes = await store.ingest(mine.slice(i, i + 100));
          const failed = outcomes.filter((o) => o.status === 'failed');
          if (failed.length > 0) throw new Error(`${label}: ${failed[0].origin}: ${failed[0].problem}`);
        }
      }),
    );
    const s = (performance.now() - t) / 1000;
    line(label, `${fmt(INGEST / s)} reports/s  (${s.toFixed(1)} s, ${CORES} cores)`);
    await Promise.all(stores.map((st) => st.close()));
  };
  await timed('SQLite, one writer', [await openStore(join(dir, 'ingest.db'))]);
  await timed('PostgreSQL, one writer', [await openStore(pgLocation('ingest1'))]);
  const loc = pgLocation('ingest2');
  await timed('PostgreSQL, two writers at once', [await openStore(loc), await openStore(loc)]);
}

// ── 2. queries at scale ──────────────────────────────────────────────────────────────────────
async function queriesAtScale() {
  console.log(`\nat scale: ${fmt(REPORTS)} reports, ${fmt(CLAIMS)} claims in each store (bulk-loaded); ${QUERIES} runs per query, as partners`);
  const sqliteFile = join(dir, 'scale.db');
  const t1 = performance.now();
  await loadSqlite(sqliteFile);
  line('SQLite bulk load', `${((performance.now() - t1) / 1000).toFixed(0)} s`);
  const location = pgLocation('scale');
  const t2 = performance.now();
  await loadPostgres(location);
  line('PostgreSQL bulk load', `${((performance.now() - t2) / 1000).toFixed(0)} s`);
  const stores = { SQLite: await openStore(sqliteFile), PostgreSQL: await openStore(location) };
  for (const [name, store] of Object.entries(stores)) {
    const visible = await store.countReports(VIEWERS[0]);
    line(`${name}: reports ${VIEWERS[0].partnerId} may see`, `${fmt(visible)} of ${fmt(REPORTS)}`);
  }
  const cases = [
    ['search, by relevance, first 20', (s, v, i) => s.search(v, SEARCHES[i % SEARCHES.length], { limit: 20 })],
    ['search, newest first, first 20 (API)', (s, v, i) => s.search(v, SEARCHES[i % SEARCHES.length], { limit: 20, order: 'recent' })],
    ['search, count of matches', (s, v, i) => s.countSearch(v, SEARCHES[i % SEARCHES.length])],
    ['claims, first 50', (s, v) => s.listClaims(v, { limit: 50 })],
    ['claims by unit and time, first 50', (s, v, i) => s.listClaims(v, { unit: UNITS[i % UNITS.length], from: '2025-03-01', to: '2025-04-30', limit: 50 })],
    ['claims by unit, count', (s, v, i) => s.countClaims(v, { unit: UNITS[i % UNITS.length] })],
    ['claims about a name, first 50', (s, v, i) => s.listClaims(v, { about: ABOUT[i % ABOUT.length], limit: 50 })],
  ];
  console.log(`\n  ${'query'.padEnd(44)} ${'SQLite p50 / p99'.padStart(22)} ${'PostgreSQL p50 / p99'.padStart(24)}`);
  for (const [label, q] of cases) {
    const cells = [];
    for (const store of Object.values(stores)) {
      for (let i = 0; i < 5; i++) await q(store, VIEWERS[i % VIEWERS.length], i); // warm up
      const ms = [];
      for (let i = 0; i < QUERIES; i++) {
        const t = performance.now();
        await q(store, VIEWERS[i % VIEWERS.length], i);
        ms.push(performance.now() - t);
      }
      ms.sort((a, b) => a - b);
      const p = (x) => ms[Math.min(ms.length - 1, Math.floor(x * ms.length))].toFixed(1);
      cells.push(`${p(0.5)} / ${p(0.99)} ms`);
    }
    console.log(`  ${label.padEnd(44)} ${cells[0].padStart(22)} ${cells[1].padStart(24)}`);
  }
  console.log(`  (${CORES} cores; latencies are one query at a time, through the Store interface with the access policy)`);
  await Promise.all(Object.values(stores).map((s) => s.close()));
}

// ── generated data ───────────────────────────────────────────────────────────────────────────
const PARTNERS = ['local', 'kr-mnd', 'jp-mod', 'ua-gur', 'de-bnd', 'us-dia'];
const COMMUNITIES = ['NATO', 'KOR-UKR', 'EU'];
const LEVELS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'];
const TLPS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'];
const VIEWERS = [
  { partnerId: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['KOR-UKR', 'NATO'], role: 'reader' },
  { partnerId: 'jp-mod', clearance: 'RESTRICTED', communities: [], role: 'reader' },
  { partnerId: 'ua-gur', clearance: 'SECRET', communities: ['KOR-UKR'], role: 'analyst' },
  { partnerId: 'de-bnd', clearance: 'SECRET', communities: ['EU', 'NATO'], role: 'reader' },
];
const SPEAKERS = [
  ['org:ukraine-hur', "Ukraine's defence intelligence directorate"],
  ['org:south-korea-nis', "South Korea's National Intelligence Service"],
  ['org:pentagon', 'a Pentagon spokesperson'],
  ['per:oleksandr-syrskyi', 'General Oleksandr Syrskyi'],
  ['per:shin-won-sik', 'Defence Minister Shin Won-sik'],
  ['org:seoul-institute', 'analysts at a Seoul research institute'],
  ['org:japan-mod', 'the Japanese defence ministry'],
  ['org:nato', 'a NATO official'],
];
const THINGS = [
  ['soldiers', 'North Korean soldiers'],
  ['shells', 'artillery shells'],
  ['missiles', 'KN-23 ballistic missiles'],
  ['guns', 'Koksan self-propelled guns'],
  ['launchers', 'multiple rocket launchers'],
  ['containers', 'shipping containers of munitions'],
  ['engineers', 'military engineers'],
  ['drones', 'attack drones'],
];
const PLACES = [
  ['loc:kursk', 'the Kursk region'],
  ['loc:donetsk', 'Donetsk'],
  ['loc:kharkiv', 'Kharkiv'],
  ['loc:vladivostok', 'the port of Vladivostok'],
  ['loc:rason', 'Rason'],
  ['loc:belgorod', 'Belgorod'],
];
const FILLERS = [
  'The claim could not be independently verified.',
  'Satellite images showed new activity at a rail terminal near the border.',
  'Neither government responded to requests for comment.',
];
const SEARCHES = ['artillery shells', 'Kursk', 'ballistic missiles', '"rocket launchers" Kharkiv', 'Donetsk OR Belgorod', 'engineers', 'satellite images', 'Vladivostok drones'];
const UNITS = ['drones', 'shells', 'soldiers', 'guns'];
const ABOUT = ['Syrskyi', 'Pentagon', 'Rason'];
const ENTITIES = [...SPEAKERS.map(([k]) => [k, k.startsWith('per:') ? 'person' : 'organization']), ...PLACES.map(([k]) => [k, 'location'])];
const ENTITY_ID = new Map(ENTITIES.map(([k], i) => [k, i + 1]));

const day = (d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

/** Reports `from`..`to` (ids 1-based), each with its claims and entities, the same for both stores. */
function* generate(batch) {
  const perReport = CLAIMS / REPORTS;
  for (let from = 0; from < REPORTS; from += batch) {
    const reports = [];
    const to = Math.min(REPORTS, from + batch);
    for (let i = from; i < to; i++) {
      const rnd = mulberry32(i + 1);
      const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
      const id = i + 1;
      const n = Math.floor(perReport) + (rnd() < perReport % 1 ? 1 : 0);
      const published = day(Math.floor((i / REPORTS) * 700));
      let text = '';
      const claims = [];
      const mentioned = new Map();
      for (let c = 0; c < n; c++) {
        if (rnd() < 0.3) text += `${pick(FILLERS)} `;
        const [speakerKey, speaker] = pick(SPEAKERS);
        const [unit, counted] = pick(THINGS);
        const [placeKey, place] = pick(PLACES);
        const value = Math.round(10 ** (1 + rnd() * 4));
        const startDay = Math.floor(rnd() * 720);
        const start = day(startDay);
        const sentence = `${speaker[0].toUpperCase()}${speaker.slice(1)} said that ${value.toLocaleString('en-US')} ${counted} had been moved to ${place} since ${start}.`;
        const at = text.length;
        text += `${sentence} `;
        const numberAt = at + sentence.indexOf(value.toLocaleString('en-US'));
        claims.push({ ordinal: c, at, sentence, numberAt, value, unit, counted, speaker, speakerKey, place, placeKey, start, end: day(Math.min(729, startDay + Math.floor(rnd() * 30))) });
        for (const [k, name, offset] of [[speakerKey, speaker, at], [placeKey, place, at + sentence.indexOf(place)]]) {
          const m = mentioned.get(k) ?? { name, mentions: [] };
          m.mentions.push([offset, offset + name.length]);
          mentioned.set(k, m);
        }
      }
      text += `Dispatch ${id} of the series.`;
      const releasableTo = [...new Set([pick(['ALL', ...COMMUNITIES, ...PARTNERS.slice(1)]), ...(rnd() < 0.3 ? [pick([...COMMUNITIES, ...PARTNERS.slice(1)])] : [])])].sort();
      reports.push({
        id,
        origin: `bench/report-${id}.txt`,
        title: `${claims[0]?.counted ?? 'Report'} near ${claims[0]?.place ?? 'the front'}, report ${id}`,
        source: pick(['Korea Wire', 'Eastern Front Daily', 'Harbour Times', 'Capital Ledger']),
        published,
        text,
        classification: pick(LEVELS),
        owner: pick(PARTNERS),
        releasableTo,
        tlp: pick(TLPS),
        claims,
        entities: [...mentioned].map(([key, m]) => ({ key, ...m })),
      });
    }
    yield reports;
  }
}

const claimId = (r, c) => (r.id - 1) * 10 + c.ordinal + 1; // unique; at most 10 claims a report

async function loadSqlite(file) {
  const db = openDatabase(file);
  const p = (sql) => db.prepare(sql);
  const s = {
    report: p(`INSERT INTO reports (id, origin, format, title, url, source, published, text, main_start, main_end, boilerplate,
      content_hash, fingerprint_exact, sketch, bands, classification, releasable_to, owner, tlp, ingested_at, duplicate_of, resemblance,
      claim_count, entity_count) VALUES (?, ?, 'text', ?, NULL, ?, ?, ?, 0, ?, '[]', ?, ?, ?, '[]', ?, ?, ?, ?, ?, NULL, NULL, ?, ?)`),
    release: p('INSERT INTO report_releases (report_id, grantee) VALUES (?, ?)'),
    fts: p('INSERT INTO reports_fts (rowid, title, body) VALUES (?, ?, ?)'),
    entity: p('INSERT INTO entities (id, key, type) VALUES (?, ?, ?)'),
    reportEntity: p('INSERT INTO report_entities (report_id, entity_id, name, role, aliases, mention_count, mentions) VALUES (?, ?, ?, NULL, ?, ?, ?)'),
    claim: p(`INSERT INTO claims (id, report_id, ordinal, span_start, span_end, sentence_start, sentence_end, sentence_text, value_low, value_high,
      unit, counted, qualifier, vague, attributed_to, speaker_key, time_start, time_end, location) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'exact', 0, ?, ?, ?, ?, ?)`),
    claimEntity: p('INSERT INTO claim_entities (claim_id, entity_id) VALUES (?, ?)'),
  };
  const sketch = Buffer.alloc(0);
  const now = new Date().toISOString();
  db.transaction(() => ENTITIES.forEach(([k, t]) => s.entity.run(ENTITY_ID.get(k), k, t)))();
  const write = db.transaction((reports) => {
    for (const r of reports) {
      s.report.run(r.id, r.origin, r.title, r.source, r.published, r.text, r.text.length, `h${r.id}`, `f${r.id}`, sketch, r.classification, JSON.stringify(r.releasableTo), r.owner, r.tlp, now, r.claims.length, r.entities.length);
      for (const g of r.releasableTo) s.release.run(r.id, g);
      s.fts.run(r.id, r.title, r.text);
      for (const e of r.entities) s.reportEntity.run(r.id, ENTITY_ID.get(e.key), e.name, '[]', e.mentions.length, JSON.stringify(e.mentions));
      for (const c of r.claims) {
        const id = claimId(r, c);
        s.claim.run(id, r.id, c.ordinal, c.numberAt, c.numberAt + String(c.value).length, c.at, c.at + c.sentence.length, c.sentence, c.value, c.value, c.unit, c.counted, c.speaker, c.speakerKey, c.start, c.end, c.place);
        s.claimEntity.run(id, ENTITY_ID.get(c.speakerKey));
        s.claimEntity.run(id, ENTITY_ID.get(c.placeKey));
      }
    }
  });
  for (const reports of generate(5000)) write.immediate(reports);
  // No ANALYZE: a SQLite store never runs it, and its queries are written for the plans it gets without.
  db.close();
}

async function loadPostgres(location) {
  await (await openStore(location)).close(); // creates the schema and migrates it
  const client = new pg.Client({ connectionString: found.url, options: `-c search_path=${new URL(location).searchParams.get('schema')}` });
  await client.connect();
  try {
    await client.query('INSERT INTO entities (id, key, type) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])', [
      ENTITIES.map(([k]) => ENTITY_ID.get(k)),
      ENTITIES.map(([k]) => k),
      ENTITIES.map(([, t]) => t),
    ]);
    const now = new Date().toISOString();
    for (const reports of generate(2000)) {
      await client.query('BEGIN');
      const col = (f) => reports.map(f);
      await client.query(
        `INSERT INTO reports (id, origin, format, title, source, published, text, main_start, main_end, boilerplate, content_hash,
           fingerprint_exact, sketch, bands, classification, releasable_to, owner, tlp, ingested_at, claim_count, entity_count, search)
         SELECT id, origin, 'text', title, source, published, text, 0, length(text), '[]', 'h' || id, 'f' || id, '', '[]',
           classification, releasable_to, owner, tlp, $11, claims, entities,
           setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'B')
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[], $12::int[], $13::int[])
           AS t(id, origin, title, source, published, text, classification, releasable_to, owner, tlp, claims, entities)`,
        [
          col((r) => r.id), col((r) => r.origin), col((r) => r.title), col((r) => r.source), col((r) => r.published), col((r) => r.text),
          col((r) => r.classification), col((r) => JSON.stringify(r.releasableTo)), col((r) => r.owner), col((r) => r.tlp), now,
          col((r) => r.claims.length), col((r) => r.entities.length),
        ],
      );
      const releases = reports.flatMap((r) => r.releasableTo.map((g) => [r.id, g]));
      await client.query('INSERT INTO report_releases SELECT * FROM unnest($1::bigint[], $2::text[])', [releases.map((x) => x[0]), releases.map((x) => x[1])]);
      const re = reports.flatMap((r) => r.entities.map((e) => [r.id, ENTITY_ID.get(e.key), e.name, e.mentions.length, JSON.stringify(e.mentions)]));
      await client.query(
        `INSERT INTO report_entities (report_id, entity_id, name, aliases, mention_count, mentions)
         SELECT r, e, n, '[]', c, m FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::int[], $5::jsonb[]) AS t(r, e, n, c, m)`,
        [0, 1, 2, 3, 4].map((k) => re.map((x) => x[k])),
      );
      const cs = reports.flatMap((r) => r.claims.map((c) => ({ r, c, id: claimId(r, c) })));
      await client.query(
        `INSERT INTO claims (id, report_id, ordinal, span_start, span_end, sentence_start, sentence_end, sentence_text, value_low, value_high,
           unit, counted, qualifier, vague, attributed_to, speaker_key, time_start, time_end, location)
         SELECT id, r, o, ss, se, ts, te, st, v, v, u, ct, 'exact', false, sp, sk, t0, t1, loc
         FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::text[], $9::float8[], $10::text[],
           $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
           AS t(id, r, o, ss, se, ts, te, st, v, u, ct, sp, sk, t0, t1, loc)`,
        [
          cs.map((x) => x.id), cs.map((x) => x.r.id), cs.map((x) => x.c.ordinal), cs.map((x) => x.c.numberAt),
          cs.map((x) => x.c.numberAt + String(x.c.value).length), cs.map((x) => x.c.at), cs.map((x) => x.c.at + x.c.sentence.length),
          cs.map((x) => x.c.sentence), cs.map((x) => x.c.value), cs.map((x) => x.c.unit), cs.map((x) => x.c.counted),
          cs.map((x) => x.c.speaker), cs.map((x) => x.c.speakerKey), cs.map((x) => x.c.start), cs.map((x) => x.c.end), cs.map((x) => x.c.place),
        ],
      );
      const ce = cs.flatMap((x) => [[x.id, ENTITY_ID.get(x.c.speakerKey)], [x.id, ENTITY_ID.get(x.c.placeKey)]]);
      await client.query('INSERT INTO claim_entities SELECT * FROM unnest($1::bigint[], $2::bigint[])', [ce.map((x) => x[0]), ce.map((x) => x[1])]);
      await client.query('COMMIT');
    }
    for (const table of ['reports', 'entities', 'claims']) {
      await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}))`);
    }
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

// ── run ─────────────────────────────────────────────────────────────────────────────────────
console.log(`parallax store scale benchmark, node ${process.version}, ${CORES} cores (os.availableParallelism)`);
try {
  await ingestRate();
  await queriesAtScale();
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept: ${pgLocation('scale')} and ${join(dir, 'scale.db')}`);
  else await admin.query(`DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE '${run}%' LOOP EXECUTE 'DROP SCHEMA ' || s || ' CASCADE'; END LOOP; END $$`);
  await admin.end();
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}
