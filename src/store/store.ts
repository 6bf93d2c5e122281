import type { Alert, BestEstimate, ClaimRecord, Override, ReliabilityGrade } from '../analyse/index.js';
import type { Claim, Extraction } from '../domain/claim.js';
import type { BoilerplateSpan, CollectedDocument, DocumentFormat } from '../domain/document.js';
import type { EntityType } from '../domain/entity.js';
import type { ReportItem } from '../domain/interop.js';
import type { Span } from '../domain/span.js';
import type { Marking } from '../domain/marking.js';
import type { Viewer } from '../domain/viewer.js';
import type { StoreEvent } from './store-event.js';

/**
 * The store, dialect-neutral and asynchronous so that a PostgreSQL implementation can stand
 * beside the SQLite one. Every read takes the `Viewer` first and filters through the one access
 * policy (src/share/policy.ts) in the database; there is no unfiltered read.
 */
export interface Store {
  readonly capabilities: StoreCapabilities;

  /**
   * Stores reports. Each report (document, extraction, fingerprint, index entry) is written
   * whole or not at all; a batch may share one transaction for speed. Returns one outcome per
   * input, in order. Events are emitted after the commit.
   */
  ingest(reports: readonly ReportInput[]): Promise<IngestOutcome[]>;

  countReports(viewer: Viewer): Promise<number>;
  listReports(viewer: Viewer, query?: ReportQuery): Promise<ReportSummary[]>;
  findReport(viewer: Viewer, id: number): Promise<StoredReport | undefined>;
  listClaims(viewer: Viewer, query?: ClaimQuery): Promise<StoredClaim[]>;
  countClaims(viewer: Viewer, query?: ClaimQuery): Promise<number>;
  listEntities(viewer: Viewer, query?: EntityQuery): Promise<EntitySummary[]>;
  /**
   * Whether the viewer may see a report that matches: for TAXII, to tell whether an object a
   * report carries (an entity, the outlet, a marking) occurs in an earlier or later visible report.
   */
  hasReport(viewer: Viewer, query: ReportMatch): Promise<boolean>;
  /** How many visible reports match (TAXII: the rank of a report among those stored in the same millisecond). */
  countMatchingReports(viewer: Viewer, query: ReportMatch): Promise<number>;
  /**
   * Batch reads for exports and TAXII pages, a few queries for a whole page:
   * `listReportContents` gives, for each id the viewer may see (in id order; hidden and absent ids
   * left out), what findReport, listClaims and listEntities with that reportId give;
   * `listReportRanges` gives, for each match, the first and last visible report that matches
   * (null when none does), so "does an earlier (later) report carry it" is one comparison.
   */
  listReportContents(viewer: Viewer, reportIds: readonly number[]): Promise<ReportContents[]>;
  listReportRanges(viewer: Viewer, matches: readonly ReportMatch[]): Promise<(ReportRange | null)[]>;
  /** What an imported report carries beside its text (observables, kept tags), in order; [] when hidden. */
  listReportItems(viewer: Viewer, reportId: number): Promise<ReportItem[]>;
  /**
   * Full-text search of the visible reports. `order: 'rank'` (default) ranks by relevance, which
   * full-text engines compute from statistics of every indexed report, hidden ones included;
   * `'recent'` (newest first) depends on the matching report alone, for callers that must not let
   * hidden reports show through (the API).
   */
  search(viewer: Viewer, query: string, options?: { limit?: number; offset?: number; order?: 'rank' | 'recent' }): Promise<SearchHit[]>;
  /** How many reports the viewer may see match a search. */
  countSearch(viewer: Viewer, query: string): Promise<number>;
  /** Copies linked to their originals, both visible to the viewer. */
  listDuplicates(viewer: Viewer, options?: { limit?: number }): Promise<DuplicateLink[]>;
  stats(viewer: Viewer): Promise<StoreStats>;
  /** The entities one visible report names, with every mention (offsets into its text); empty when the report is hidden or absent. */
  listReportEntities(viewer: Viewer, reportId: number): Promise<ReportEntity[]>;
  /** Visible reports and their claims by publication day, oldest first (null: undated). */
  countByDay(viewer: Viewer): Promise<DayCount[]>;

  /**
   * Claims as analysis reads them, from the reports the viewer may see only: the analysis of a
   * viewer never rests on a report hidden from it. A copy names its original only when visible.
   */
  listClaimRecords(viewer: Viewer): Promise<ClaimRecord[]>;
  /** Analysts' merges and splits, oldest first (the order analysis applies them). */
  listOverrides(viewer: Viewer): Promise<StoredOverride[]>;
  /** Records a merge or split; analysts and admins only. */
  addOverride(viewer: Viewer, override: Override, madeBy?: string): Promise<StoredOverride>;
  /** Withdraws one; true when it existed. Analysts and admins only. */
  deleteOverride(viewer: Viewer, id: number): Promise<boolean>;
  listSourceGrades(viewer: Viewer): Promise<SourceGrade[]>;
  /** Sets (replaces) a source's Admiralty reliability grade; analysts and admins only. */
  setSourceGrade(viewer: Viewer, grade: SourceGradeInput): Promise<SourceGrade>;
  /** The last analysis recorded for the viewer's scope (who may see what), or undefined. */
  readAnalysisSnapshot(viewer: Viewer): Promise<AnalysisSnapshot | undefined>;
  /**
   * Replaces the scope's snapshot and records the alerts found against the previous one, in one
   * transaction, provided the snapshot is still at `expectedRevision` (0: none yet). Returns the
   * alerts as recorded, or null when another process recorded an analysis first (nothing written).
   */
  recordAnalysis(viewer: Viewer, record: AnalysisRecord): Promise<RecordedAlert[] | null>;
  /** Alerts of the viewer's scope, newest first. */
  listAlerts(viewer: Viewer, query?: { limit?: number; propositionId?: string }): Promise<RecordedAlert[]>;

  /**
   * Partners (organisations) and their clearance and communities. Admins add them; a partner id
   * and a community name never coincide (a grant to one would reach the other).
   */
  addPartner(viewer: Viewer, partner: PartnerInput): Promise<Partner>;
  /** Every partner for an admin; a partner's own record for anyone else. */
  listPartners(viewer: Viewer): Promise<Partner[]>;
  /** Records an API token, by its hash only, acting for a partner with a role; admins only. */
  issueToken(viewer: Viewer, token: TokenInput): Promise<IssuedToken>;
  /** Revokes a token (by the id `issueToken` returned); admins only. False when there is no such live token. */
  revokeToken(viewer: Viewer, tokenId: number): Promise<boolean>;
  /**
   * Tokens as records (never their hashes), oldest first, revoked ones with the time: every
   * partner's for an admin, the caller's own partner's for anyone else; `partnerId` narrows it.
   * An admin finds here the id `revokeToken` wants when the printed one is lost.
   */
  listTokens(viewer: Viewer, query?: { partnerId?: string }): Promise<TokenRecord[]>;
  /**
   * Authentication: the viewer a token hash acts as, or undefined for an unknown or revoked token.
   * The one read without a viewer, since it is how a request gets one.
   */
  viewerForToken(tokenHash: string): Promise<Viewer | undefined>;
  /**
   * Appends to the audit log. Each entry stores the SHA-256 of the previous entry's hash and its
   * own content (src/store/audit-chain.ts), in one transaction with reading that previous hash.
   */
  appendAudit(entry: AuditInput): Promise<AuditEntry>;
  /** Audit entries in order, from `afterId` (exclusive); admins only. */
  listAudit(viewer: Viewer, query?: { afterId?: number; limit?: number }): Promise<AuditEntry[]>;

  // ── Federation with other Parallax instances (migration 8) ──────────────────────────────────
  // Received reports are written by `ingest` (a ReportInput with `provenance`); the rest is here.

  /** This instance's id: generated once, on first use, and kept in the store. */
  instanceId(): Promise<string>;
  /**
   * This instance's Ed25519 signing key (PKCS#8 PEM): generated once, on first use, and kept in the
   * store like the id. It signs the provenance of the reports that originate here (migration 11).
   */
  instanceSigningKey(): Promise<string>;
  /**
   * Pins `publicKey` as `instance`'s key unless a key is pinned for it already (trust on first
   * use), and returns the key pinned now. Instance keys are public data about instances, not report
   * data: no viewer reads through them.
   */
  pinInstanceKey(instance: string, publicKey: string, learnedFrom: string): Promise<string>;
  /** The keys pinned for these instances (those with none are absent). */
  instanceKeys(instances: readonly string[]): Promise<Map<string, string>>;
  /** Pins `publicKey` as `instance`'s key whatever was pinned before (an administrator's decision). */
  replaceInstanceKey(instance: string, publicKey: string, learnedFrom: string): Promise<void>;
  /** Replaces this instance's signing key, keeping the statement that says so (signed with the old key), in one transaction. */
  replaceSigningKey(signingKey: string, rotation: KeyRotation): Promise<void>;
  /**
   * Keeps statements of key rotation (checked by the caller: share/key-rotation.ts) and moves each
   * pin they start from, in time order: a pinned key follows its instance's rotations.
   */
  recordKeyRotations(rotations: readonly KeyRotation[], learnedFrom: string): Promise<void>;
  /** The statements kept for these instances, in time order: they go with pushes, as keys do. */
  keyRotations(instances: readonly string[]): Promise<KeyRotation[]>;
  /** Adds a peer this instance pushes to; admins only. The partner must exist. */
  addPeer(viewer: Viewer, peer: PeerInput): Promise<Peer>;
  /** Every peer, with its token (the federation loop presents it) and progress; admins only. */
  listPeers(viewer: Viewer): Promise<Peer[]>;
  /** Removes a peer; false when there is none with that id. Admins only. */
  removePeer(viewer: Viewer, peerId: number): Promise<boolean>;
  /** Records a push to a peer (what `PeerProgress` names, nothing else); admins only. */
  recordPeerProgress(viewer: Viewer, peerId: number, progress: PeerProgress): Promise<void>;
  /**
   * What to send a peer: the reports `viewer` (the peer's partner) may see,
   * whole, with their provenance; none that originate at, or were
   * received from, `exceptInstance` (a report never goes back where it came from), after the
   * cursor `afterId`, in commit order, so the last cursor sent is the peer's: an edit is a new
   * report, later in that order.
   */
  listOutgoingReports(viewer: Viewer, query: OutgoingQuery): Promise<OutgoingReport[]>;
  /**
   * STIX objects kept verbatim from imported bundles (indicators, malware, observables, other
   * producers' custom types: what Parallax does not map), each with the marking it came with.
   * Keeping the same object version (id, modified) again under the same marking changes nothing.
   */
  keepStixObjects(viewer: Viewer, objects: readonly StixObjectInput[]): Promise<KeepOutcome[]>;
  /** Kept STIX objects the viewer may see, in the order they were kept (page with `afterRow`). */
  listStixObjects(viewer: Viewer, query?: StixObjectQuery): Promise<KeptStixObject[]>;

  /** Subscribes to events emitted after each commit; returns the unsubscribe function. */
  onEvent(listener: (event: StoreEvent) => void): () => void;
  close(): Promise<void>;
}

/** What a dialect can do, so callers ask about features instead of dialects. */
export interface StoreCapabilities {
  readonly dialect: string;
  /** Ranked full-text search with snippets. */
  readonly fullTextSearch: boolean;
  /** Several processes may write at once (PostgreSQL), or writers queue on one file lock (SQLite). */
  readonly concurrentWriters: boolean;
}

/** One report ready to store: collected, extracted and fingerprinted (see prepare-report.ts). */
export interface ReportInput {
  doc: CollectedDocument;
  extraction: Extraction;
  /** Hash of the collected text and metadata: same hash = the same document again. */
  contentHash: string;
  fingerprint: { exact: string; bands: string[]; sketch: number[] };
  marking: Marking;
  /**
   * Set for a report received from a peer. It then replaces only an older version of the same
   * origin instance (same origin and marking), never a report ingested here, and is `unchanged`
   * when that version is held, `superseded` when a newer one is.
   */
  provenance?: ReportProvenance;
  /** Observables and tags an import carries beside the text (a MISP event's), kept to export again. */
  items?: readonly ReportItem[];
}

/** An instance's statement that its signing key `from` is replaced by `to`, signed with `from` (share/key-rotation.ts). */
export interface KeyRotation {
  instance: string;
  /** Public keys, base64 SPKI DER. */
  from: string;
  to: string;
  /** When the instance rotated (ISO time). */
  at: string;
  /** Ed25519 signature by `from` (base64). */
  signature: string;
}

/** Where a report received from a peer comes from. */
export interface ReportProvenance {
  /** The instance it was first ingested on: its owner. */
  originInstance: string;
  /** Its id there. Each version has its own (an edit is a new report replacing the old one). */
  originReportId: number;
  originIngestedAt: string;
  /** The instance that sent it here: the origin, or a peer that relayed it. */
  receivedFrom: string;
  /** The origin's signature of the report and its provenance (kept to relay it); null when it came unsigned. */
  signature: string | null;
  /** Whether the signature was checked against the origin's pinned key when received. */
  verified: boolean;
}

export const INGEST_STATUSES = ['ingested', 'duplicate', 'unchanged', 'updated', 'superseded', 'failed'] as const;
/**
 * ingested: a new report. duplicate: stored, and recognised as the same story as a stored report
 * (near-duplicate or syndicated copy) and linked to it: duplicateOf names the original, or is null
 * when this one was published first and the stored ones became its copies. unchanged: this exact
 * document is already stored; nothing written. updated: the same origin with new content; the old
 * version was replaced. superseded (received reports only): a newer version from the same origin
 * instance is held; nothing written. failed: nothing of it was written (see problem).
 */
export type IngestStatus = (typeof INGEST_STATUSES)[number];

export interface IngestOutcome {
  origin: string;
  status: IngestStatus;
  /** Why it failed, for status failed; otherwise null. */
  problem: string | null;
  /** The stored report (for unchanged: the one already there); null when it failed. */
  reportId: number | null;
  duplicateOf: number | null;
  claims: number;
  entities: number;
}

export interface ReportQuery {
  limit?: number;
  offset?: number;
  /** Reports with a greater id only (keyset paging: stable while reports are added). */
  afterId?: number;
  /** Reports released to this grantee (a partner, a community, or ALL) by name, besides being visible. */
  releasedTo?: string;
  /** Reports stored after this ISO time only (ingestedAt, exclusive). */
  addedAfter?: string;
  /** Order of the list (default `id`); `-` before a key reverses it. Ties go by id. */
  sort?: ReportSort;
  /** Reports whose STIX export carries one of these object ids (indexed at ingest; grade notes are not). */
  carrying?: readonly string[];
}

/** A report to look for (hasReport): all given conditions hold. */
export interface ReportMatch {
  afterId?: number;
  beforeId?: number;
  releasedTo?: string;
  /** It names this entity. */
  entityKey?: string;
  owner?: string;
  source?: string;
  tlp?: string;
  classification?: string;
  /** Exactly this release list (in stored order). */
  releasableTo?: readonly string[];
  /** Stored at exactly this ISO time. */
  ingestedAt?: string;
}

export const REPORT_SORTS = ['id', '-id', 'published', '-published', 'source', '-source', 'classification', '-classification', 'title', '-title'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

/** An entity as one report names it, with its mentions there. */
export interface ReportEntity {
  key: string;
  name: string;
  type: EntityType;
  role: string | null;
  aliases: string[];
  /** Where the report names it (offsets into the report's text). */
  mentions: Span[];
}

export interface DayCount {
  day: string | null;
  reports: number;
  claims: number;
}

/** The first and last visible report (ids) that match (listReportRanges). */
export interface ReportRange {
  first: number;
  last: number;
}

/** One report with what was extracted from it, as the viewer may see it (listReportContents). */
export interface ReportContents {
  report: StoredReport;
  /** Its claims in order, as listClaims with reportId gives them. */
  claims: StoredClaim[];
  /** The entities it names, as listEntities with reportId gives them. */
  entities: EntitySummary[];
}

export interface ReportSummary {
  id: number;
  origin: string;
  format: DocumentFormat;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  ingestedAt: string;
  /** The original this report copies, when the viewer may see it; null otherwise. */
  duplicateOf: number | null;
  claims: number;
  entities: number;
  marking: Marking;
}

export interface StoredReport extends ReportSummary {
  text: string;
  main: { start: number; end: number };
  /** Parts of the text cut away as boilerplate (navigation, promos, related stories…), kept so a reader can show them greyed. */
  boilerplate: BoilerplateSpan[];
  contentHash: string;
  /** Null for a report ingested here; where it came from for one received from a peer. */
  provenance: StoredProvenance | null;
}

export interface StoredProvenance extends ReportProvenance {
  receivedAt: string;
}

export interface ClaimQuery {
  /** Matches what is counted, the unit, names of entities in the claim's sentence, speaker, place, sentence text. */
  about?: string;
  unit?: string;
  /** The claim's time interval must overlap [from, to] (ISO dates, inclusive). */
  from?: string;
  to?: string;
  reportId?: number;
  limit?: number;
  offset?: number;
}

export interface StoredClaim extends Claim {
  id: number;
  reportId: number;
  /** The report's original when the report is a copy: count the pair as one source. */
  reportDuplicateOf: number | null;
  reportOrigin: string;
  reportTitle: string | null;
  reportSource: string | null;
  published: string | null;
  sentenceText: string;
  /** Keys of the entities named in the claim's sentence (speaker included), for analysis. */
  entityKeys: string[];
}

export interface EntityQuery {
  type?: EntityType;
  /** Only the entities this report names (as it names them). */
  reportId?: number;
  /** Matches the name or any alias. */
  name?: string;
  limit?: number;
}

export interface EntitySummary {
  key: string;
  name: string;
  type: EntityType;
  /** Reports that mention it. */
  reports: number;
  /** Distinct stories: a syndicated copy and its original count once. */
  stories: number;
  mentions: number;
  /** Roles reports give it, most frequent first. */
  roles: string[];
  aliases: string[];
}

export interface SearchHit {
  reportId: number;
  origin: string;
  title: string | null;
  published: string | null;
  duplicateOf: number | null;
  source: string | null;
  marking: Marking;
  /** An extract of the text with matches between « and ». */
  snippet: string;
  /** Lower is better. */
  rank: number;
}

export interface DuplicateLink {
  reportId: number;
  origin: string;
  source: string | null;
  originalId: number;
  originalOrigin: string;
  originalSource: string | null;
  title: string | null;
}

export interface StoreStats {
  reports: number;
  /** Reports that are copies of another. */
  duplicates: number;
  claims: number;
  entities: number;
}

/** A merge or split as stored: the decision, who made it and when. */
export interface StoredOverride {
  id: number;
  override: Override;
  madeBy: string;
  /** The partner (instance) whose analyst made it. */
  partnerId: string;
  madeAt: string;
}

export interface SourceGradeInput {
  /** The source key analysis gives (`outlet:…`, `speaker:…`). */
  sourceKey: string;
  grade: ReliabilityGrade;
  /** The source's label when graded, for people reading the list. */
  label?: string | null;
  gradedBy?: string;
}

export interface SourceGrade {
  sourceKey: string;
  grade: ReliabilityGrade;
  label: string | null;
  gradedBy: string;
  partnerId: string;
  gradedAt: string;
}

/** What the next analysis of a scope needs to tell what changed: best estimates and conflicts. */
export interface AnalysisSummary {
  /** Best estimate by proposition id (null: the proposition had none). */
  estimates: Record<string, BestEstimate | null>;
  conflictIds: string[];
}

export interface AnalysisSnapshot extends AnalysisSummary {
  revision: number;
  analysedAt: string;
}

export interface AnalysisRecord {
  expectedRevision: number;
  summary: AnalysisSummary;
  alerts: readonly Alert[];
}

export interface RecordedAlert extends Alert {
  id: number;
  recordedAt: string;
}

export const ROLES = ['reader', 'analyst', 'admin'] as const;
export type Role = Viewer['role'];

export interface PartnerInput {
  /** Short name people type: `kr-mnd`. */
  id: string;
  /** Highest classification it may see. */
  clearance: string;
  communities: string[];
}

export interface Partner extends PartnerInput {
  createdAt: string;
}

export interface TokenInput {
  partnerId: string;
  role: Role;
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  tokenHash: string;
  label?: string | null;
}

export interface IssuedToken {
  id: number;
  partnerId: string;
  role: Role;
  label: string | null;
  createdAt: string;
}

/** A token as `listTokens` gives it: what was issued, and when it was revoked (null: live). */
export interface TokenRecord extends IssuedToken {
  revokedAt: string | null;
}

/** Who did what: one request or command. */
export interface AuditInput {
  /** Null when the caller could not be identified (a refused token). */
  partnerId: string | null;
  role: Role | null;
  /** `GET /api/v1/reports/:id`, `partner add`: the route or command, not the raw URL. */
  action: string;
  /** The HTTP status, or the command's exit status. */
  status: number;
  /** Ids of the records read or written (reports `r12`, claims `c7`, partners `p:kr-mnd`, …). */
  ids: string[];
  detail?: string | null;
}

export interface AuditEntry extends Required<AuditInput> {
  id: number;
  at: string;
  /** SHA-256 of the previous entry's hash and this entry's content. */
  hash: string;
}

/** A peer: another Parallax instance this one pushes to. */
export interface PeerInput {
  /** Its API root, `http://host:port` (the routes are under /api/v1). */
  url: string;
  /** The local partner whose view is sent: the peer gets what that partner may see. */
  partnerId: string;
  /** A token the peer issued to this instance, presented as Bearer. */
  token: string;
}

export interface Peer extends PeerInput {
  id: number;
  /** The peer's instance id, once it has answered. */
  peerInstance: string | null;
  /** Outgoing position (`OutgoingReport.cursor`) of the last report sent (or skipped for good); the next push starts after it. */
  cursor: number;
  /** Reports the peer accepted (stored, or held already). */
  sent: number;
  /** Reports the peer refused for good (each was logged with the peer's reason). */
  refused: number;
  lastOkAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  createdAt: string;
}

/** One push's effect on a peer's record: absent fields are left as they are. */
export interface PeerProgress {
  peerInstance?: string;
  cursor?: number;
  /** Added to the totals. */
  sent?: number;
  refused?: number;
  /** A push that failed: the reason (the time is recorded). Null: it succeeded (lastOkAt set). */
  error?: string | null;
}

export interface OutgoingQuery {
  /** The peer's cursor: reports after this position in the outgoing order (`OutgoingReport.cursor`). */
  afterId: number;
  limit: number;
  /** Stop before the text of the reports would pass this many characters (at least one report is returned). */
  maxChars?: number;
  exceptInstance: string;
}

export interface OutgoingReport {
  /** The id here. */
  id: number;
  /**
   * Its position in the outgoing order, which is commit order: the id in SQLite (one writer), a
   * feed position drawn at commit in PostgreSQL (several writers commit ids out of order).
   */
  cursor: number;
  doc: CollectedDocument;
  marking: Marking;
  ingestedAt: string;
  /** Null for a report ingested here (this instance is its origin). */
  provenance: StoredProvenance | null;
}

/** A STIX object as JSON: `type` and `id` always (the store does not interpret the rest). */
export interface StixJson {
  type: string;
  id: string;
  [property: string]: unknown;
}

export interface StixObjectInput {
  object: StixJson;
  marking: Marking;
}

export interface KeepOutcome {
  id: string;
  status: 'kept' | 'unchanged' | 'failed';
  problem: string | null;
}

export interface StixObjectQuery {
  /** Rows after this one (keyset paging). */
  afterRow?: number;
  limit?: number;
  type?: string;
  /** Objects with one of these ids only. */
  ids?: readonly string[];
}

export interface KeptStixObject {
  /** Position in the table: increases as objects are kept. */
  row: number;
  id: string;
  type: string;
  specVersion: string;
  /** The object's `modified` (or `created`), null for objects without one (cyber observables). */
  modified: string | null;
  object: StixJson;
  marking: Marking;
  addedAt: string;
}
