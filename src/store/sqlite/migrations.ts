import type Database from 'better-sqlite3';
import { indexStoredReports } from './stix-index.js';

/**
 * Numbered schema migrations, applied in order, each in its own transaction, recorded in
 * `schema_migrations`. Never edit one that has shipped: add the next number.
 * The tables other than the FTS5 index are plain SQL that PostgreSQL runs as well
 * (INTEGER keys, TEXT, ON CONFLICT), so its migrations can follow the same shape.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Fills what SQL cannot compute (after `sql`, in the same transaction). */
  fill?: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'reports, claims, entities, full-text index',
    sql: `
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  origin TEXT NOT NULL,
  format TEXT NOT NULL,
  title TEXT,
  url TEXT,
  source TEXT,
  published TEXT,
  text TEXT NOT NULL,
  main_start INTEGER NOT NULL,
  main_end INTEGER NOT NULL,
  boilerplate TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  fingerprint_exact TEXT NOT NULL,
  sketch BLOB NOT NULL,
  bands TEXT NOT NULL,
  classification TEXT NOT NULL,
  releasable_to TEXT NOT NULL,
  owner TEXT NOT NULL,
  tlp TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  duplicate_of INTEGER REFERENCES reports(id) ON DELETE SET NULL,
  resemblance REAL,
  claim_count INTEGER NOT NULL,
  entity_count INTEGER NOT NULL
);
CREATE INDEX reports_content_hash ON reports(content_hash);
CREATE INDEX reports_origin ON reports(origin);
CREATE INDEX reports_fingerprint_exact ON reports(fingerprint_exact);
CREATE INDEX reports_duplicate_of ON reports(duplicate_of);
CREATE INDEX reports_published ON reports(published);

-- Who a report is releasable to, one row per partner id or community (or ALL): the access policy joins it.
-- (The policy looks rows up by report, so the primary key is the only index needed.)
CREATE TABLE report_releases (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  grantee TEXT NOT NULL,
  PRIMARY KEY (report_id, grantee)
) WITHOUT ROWID;

-- Locality-sensitive bands of each report's fingerprint: reports sharing a band are near-duplicate
-- candidates. The hottest table of ingest (one row per band), so one b-tree only: no foreign key
-- and no index by report; removing a report deletes its bands by value (reports.bands lists them).
CREATE TABLE report_bands (
  band TEXT NOT NULL,
  report_id INTEGER NOT NULL,
  PRIMARY KEY (band, report_id)
) WITHOUT ROWID;

-- Things named across reports, by the key the extractor gives (stable across reports for lexicon
-- entries). Names live per report (report_entities): a name is shown only through a visible report.
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL
);
CREATE INDEX entities_type ON entities(type);

-- An entity as one report names it: with its role there, its aliases there and every mention.
CREATE TABLE report_entities (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  name TEXT NOT NULL,
  role TEXT,
  aliases TEXT NOT NULL,
  mention_count INTEGER NOT NULL,
  mentions TEXT NOT NULL,
  PRIMARY KEY (report_id, entity_id)
);
CREATE INDEX report_entities_entity ON report_entities(entity_id);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  sentence_text TEXT NOT NULL,
  value_low REAL NOT NULL,
  value_high REAL NOT NULL,
  unit TEXT NOT NULL,
  counted TEXT,
  counted_start INTEGER,
  counted_end INTEGER,
  per TEXT,
  qualifier TEXT NOT NULL,
  vague INTEGER NOT NULL,
  attributed_to TEXT,
  speaker_key TEXT,
  speaker_start INTEGER,
  speaker_end INTEGER,
  time_start TEXT,
  time_end TEXT,
  time_text TEXT,
  time_span_start INTEGER,
  time_span_end INTEGER,
  location TEXT,
  location_start INTEGER,
  location_end INTEGER
);
CREATE INDEX claims_report ON claims(report_id);
CREATE INDEX claims_unit ON claims(unit);
CREATE INDEX claims_time ON claims(time_start, time_end);

-- Entities named in a claim's sentence (and its speaker): how analysis groups claims by subject.
CREATE TABLE claim_entities (
  claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  PRIMARY KEY (claim_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX claim_entities_entity ON claim_entities(entity_id);

-- SQLite only: the full-text index over each report's title and main body (PostgreSQL: tsvector).
CREATE VIRTUAL TABLE reports_fts USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
`,
  },
  {
    version: 2,
    name: 'analysts\' overrides and source grades, recorded alerts, last analysis per viewer scope',
    sql: `
-- Merges and splits of propositions, applied in id order at every analysis (see src/analyse/overrides.ts).
-- They name propositions and claims by their stable ids, so they outlive re-ingest and re-analysis.
CREATE TABLE analysis_overrides (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
  -- merge: from_id is merged into into_id. split: from_id is the proposition split, claim_ids and label the new one.
  from_id TEXT NOT NULL,
  into_id TEXT,
  claim_ids TEXT,
  label TEXT,
  made_by TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  made_at TEXT NOT NULL
);

-- Admiralty (STANAG 2511) reliability A-F analysts give a source (key as analysis forms it); others are F.
CREATE TABLE source_grades (
  source_key TEXT PRIMARY KEY,
  grade TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'E', 'F')),
  label TEXT,
  graded_by TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  graded_at TEXT NOT NULL
);

-- What changed between two analyses for one viewer scope: only viewers of that scope read them,
-- since an alert may come from reports other scopes may not see.
CREATE TABLE analysis_alerts (
  id INTEGER PRIMARY KEY,
  scope TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  proposition_id TEXT NOT NULL,
  conflict_id TEXT,
  what TEXT NOT NULL,
  why TEXT NOT NULL
);
CREATE INDEX analysis_alerts_scope ON analysis_alerts(scope, id);

-- The last analysis of a viewer scope, as much as the next one needs to tell what changed
-- (best estimates by proposition, conflict ids), as JSON; revision guards against two writers.
CREATE TABLE analysis_snapshots (
  scope TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  analysed_at TEXT NOT NULL,
  summary TEXT NOT NULL
);
`,
  },
  {
    version: 3,
    name: 'partners, API tokens, tamper-evident audit log',
    sql: `
-- Organisations the instance shares with: what they are cleared for and the communities they belong to.
CREATE TABLE partners (
  id TEXT PRIMARY KEY,
  clearance TEXT NOT NULL,
  communities TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- API tokens by SHA-256 only: a stolen database gives no token.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  partner_id TEXT NOT NULL REFERENCES partners(id),
  role TEXT NOT NULL CHECK (role IN ('reader', 'analyst', 'admin')),
  label TEXT,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

-- Who read and wrote what. Each row's hash chains it to the one before (src/store/audit-chain.ts),
-- so an edit or a deletion shows in \`parallax audit verify\`; the triggers refuse both to the
-- application itself (someone editing the file directly is what the chain is for).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  partner_id TEXT,
  role TEXT,
  action TEXT NOT NULL,
  status INTEGER NOT NULL,
  ids TEXT NOT NULL,
  detail TEXT,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`,
  },
  {
    version: 4,
    name: 'claims by report in order',
    sql: `
-- Claims are read report by report in order (src/store/sqlite/sqlite-store.ts): this index gives a
-- report's claims in ordinal order, and serves every lookup by report the old one did.
CREATE INDEX claims_report_ordinal ON claims(report_id, ordinal);
DROP INDEX claims_report;
`,
  },
  {
    version: 5,
    name: 'reports by publication with the columns the access policy reads',
    sql: `
-- Every read filters reports through the access policy (classification, owner, TLP, then releases
-- by id). With those columns in the index, counts and the first pages of lists read the index
-- alone and skip the reports whose rows (text included) they do not return.
CREATE INDEX reports_visibility ON reports(published, classification, owner, tlp, duplicate_of, claim_count);
DROP INDEX reports_published;
`,
  },
  {
    version: 6,
    name: 'the policy index in listing order',
    sql: `
-- Claims are listed by (published, report id): with the id second the index gives that order, so a
-- first page stops early instead of sorting every visible claim (version 5 put it last).
DROP INDEX reports_visibility;
CREATE INDEX reports_by_date_visibility ON reports(published, id, classification, owner, tlp, duplicate_of, claim_count);
`,
  },
  {
    version: 7,
    name: 'STIX objects kept verbatim from imported bundles',
    sql: `
-- What an imported STIX bundle holds that Parallax does not map (indicators, malware, observables,
-- unknown types): kept as sent and exported again unchanged. One row per object version and
-- marking, so two partners keeping the same object keep one copy each (markings are identity).
-- The access policy reads classification, owner, tlp and releasable_to (src/share/policy.ts canSee).
CREATE TABLE stix_objects (
  row INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  spec_version TEXT NOT NULL,
  modified TEXT NOT NULL,
  json TEXT NOT NULL,
  classification TEXT NOT NULL,
  releasable_to TEXT NOT NULL,
  owner TEXT NOT NULL,
  tlp TEXT NOT NULL,
  added_at TEXT NOT NULL,
  UNIQUE (id, modified, classification, releasable_to, owner, tlp)
);
CREATE INDEX stix_objects_type ON stix_objects(type, row);
`,
  },
  {
    version: 8,
    name: 'federation: instance id, provenance of received reports, peers',
    sql: `
-- Single values of this instance; instance_id is generated once by the store, on first use.
CREATE TABLE instance_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Where a report received from a peer comes from. A report without a row here was ingested on this
-- instance. Each version of a report has its own id on its origin instance (an edit is stored as a
-- new report replacing the old), so (origin_instance, origin_report_id) names one version: a
-- version that arrives twice is stored once, and an older one never replaces a newer one.
CREATE TABLE report_provenance (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  origin_instance TEXT NOT NULL,
  origin_report_id INTEGER NOT NULL,
  origin_ingested_at TEXT NOT NULL,
  received_from TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (origin_instance, origin_report_id)
);

-- Instances this one pushes reports to: what the partner may see goes to the peer, with the token
-- the peer issued (kept as given: it must be presented), and the id of the last report sent.
CREATE TABLE peers (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  partner_id TEXT NOT NULL REFERENCES partners(id),
  token TEXT NOT NULL,
  peer_instance TEXT,
  cursor INTEGER NOT NULL DEFAULT 0,
  sent INTEGER NOT NULL DEFAULT 0,
  refused INTEGER NOT NULL DEFAULT 0,
  last_ok_at TEXT,
  last_error TEXT,
  last_error_at TEXT,
  created_at TEXT NOT NULL
);
`,
  },
  {
    version: 9,
    name: 'what imported reports carry beside their text; reports in the order they were added',
    sql: `
-- A MISP event's observables (ip-dst, domain, url, hashes…), objects and tags that map to no report
-- field, kept verbatim (data: the MISP JSON) so an export gives them back. Read only through a
-- visible report. Most reports have none.
CREATE TABLE report_items (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('attribute', 'object', 'tag')),
  type TEXT NOT NULL,
  value TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (report_id, ordinal)
) WITHOUT ROWID;

-- TAXII's added_after finds the first report stored after a time by seeking this index.
CREATE INDEX reports_by_added ON reports(ingested_at, id);
-- TAXII asks whether an entity occurs in a later (or earlier) report than one: by entity, then
-- report, that is one seek. It serves every lookup by entity the index it replaces did.
DROP INDEX report_entities_entity;
CREATE INDEX report_entities_entity ON report_entities(entity_id, report_id);
`,
  },
  {
    version: 10,
    name: 'the STIX ids of each report\'s objects; reports by outlet',
    sql: `
-- Which reports export an object with this STIX id (src/store/sqlite/stix-index.ts): TAXII's
-- objects/{id}/ reads those reports instead of walking the collection. Keyed by the first 64 bits
-- of the id's UUID (a hash of type and key, so another id sharing them is a one in 2^64 chance,
-- and readers keep only objects whose whole id matches). Written at ingest; the reports stored
-- before are indexed by the migration. Like report_bands, one b-tree: no foreign key and no index
-- by report; a replaced report's rows are deleted by value (its ids are computed again).
CREATE TABLE report_stix_ids (
  id_key INTEGER NOT NULL,
  report_id INTEGER NOT NULL,
  PRIMARY KEY (id_key, report_id)
) WITHOUT ROWID;
-- TAXII asks for the first and last visible report of an outlet: one seek at each end of this
-- index instead of a scan of the reports when the outlet is rare.
CREATE INDEX reports_source ON reports(source);
`,
    fill: indexStoredReports,
  },
  {
    version: 11,
    name: 'federation: signed provenance, pinned instance keys',
    sql: `
-- The origin's signature travels with a received report, so that it can be relayed and checked
-- again further on; verified says whether it was checked against the origin's pinned key here.
ALTER TABLE report_provenance ADD COLUMN signature TEXT;
ALTER TABLE report_provenance ADD COLUMN verified INTEGER NOT NULL DEFAULT 0;
-- Public keys of other instances, pinned the first time one verified a report (trust on first use).
CREATE TABLE instance_keys (
  instance TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  learned_from TEXT NOT NULL,
  learned_at TEXT NOT NULL
);
`,
  },
  {
    version: 12,
    name: 'federation: key rotations',
    sql: `
-- Statements that an instance's signing key was replaced, signed with the key replaced
-- (share/key-rotation.ts): this instance's own and those received, which go on with pushes.
CREATE TABLE key_rotations (
  instance TEXT NOT NULL,
  from_key TEXT NOT NULL,
  to_key TEXT NOT NULL,
  at TEXT NOT NULL,
  signature TEXT NOT NULL,
  learned_from TEXT NOT NULL,
  PRIMARY KEY (instance, from_key)
);
`,
  },
]);

/** Brings the schema up to date; safe to run on every open (applied versions are skipped). */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const current = Math.max(0, ...applied);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new Error(`the store has schema version ${current}, newer than this parallax knows (${latest}): upgrade parallax`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  // Every version not yet applied runs, not only those above the highest applied one: branches
  // developed side by side may land a lower number after a higher one.
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    // IMMEDIATE: two processes opening a fresh file at once do not both migrate it.
    db.transaction(() => {
      const again = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version);
      if (again) return;
      db.exec(m.sql);
      m.fill?.(db);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
  return latest;
}
