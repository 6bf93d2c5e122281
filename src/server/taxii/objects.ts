import { createHash } from 'node:crypto';
import type { Viewer } from '../../domain/viewer.js';
import { EXTENSION_ID, PARALLAX_IDENTITY_ID } from '../../interop/stix/extension.js';
import { reportObjects, type StixObject } from '../../interop/stix/export.js';
import { stixMarking } from '../../interop/stix/markings.js';
import { entityObjectId, gradedObjectId, outletOf, partnerIdentityId } from '../../interop/stix/object-ids.js';
import type { EntitySummary, ReportMatch, ReportRange, ReportSummary, SourceGrade, Store } from '../../store/store.js';
import type { TaxiiCollection } from './collections.js';
import { parseTimestamp, taxiiTimestamp } from './media.js';

/**
 * The objects of a TAXII collection, read page by page without regenerating what came before.
 *
 * A collection is a sequence of groups in the order reports were stored (report id, which grows
 * with the time of storing): each visible report of the collection gives its STIX objects
 * (interop/stix reportObjects: the report, its claims, relationships, grade notes, and the
 * entities, outlet, owner and marking definitions it refers to), then the STIX objects kept
 * verbatim from POSTs (store.keepStixObjects), merged in by the time they were added. Every read
 * goes through the store's viewer-first reads: a partner pulls exactly what the API shows it.
 *
 * date_added: the report's storing time; reports stored in the same millisecond are told apart
 * by microseconds (their rank among the viewer's visible reports of that millisecond, so hidden
 * reports leave no trace). All objects of a report share it.
 *
 * Versions: an object several reports carry (an entity's identity, the outlet, the owner) has
 * one version per report (its `modified` is the report's time). `match[version]=last` (the
 * default) keeps a report's copy only when no later visible report of the collection carries the
 * object, `first` when no earlier one does: the first and last such report of each shared thing
 * come from store.listReportRanges, asked once per chunk of reports for all of them. Marking
 * definitions and Parallax's own identity and extension never change: they come once, with the
 * first report that refers to them.
 *
 * By id: only the reports carrying the ids are listed (store index); with first/last, those that
 * cannot give the version are skipped unread (#mayEmit).
 *
 * Paging: `next` encodes the position (report id, index in its group, kept row) and a hash of the
 * query and the caller, and is refused for another query. A page ends where date_added changes
 * when it can, so a client paging with added_after = X-TAXII-Date-Added-Last misses nothing.
 */

export interface VersionFilter {
  all: boolean;
  first: boolean;
  last: boolean;
  /** Exact versions, as microseconds since the epoch (decimal strings). */
  exact: Set<string>;
}

export interface ObjectQuery {
  /** Microseconds since the epoch; objects added after it only. */
  addedAfter?: number;
  ids?: Set<string>;
  types?: Set<string>;
  versions: VersionFilter;
  specVersions?: Set<string>;
}

export interface Item {
  object: StixObject;
  /** TAXII timestamp (microseconds). */
  dateAdded: string;
  version: string;
}

export interface Page {
  items: Item[];
  more: boolean;
  next?: string;
}

interface Position {
  /** Reports with an id up to r are done, except for group r from index i on (i = 0: r done). */
  r: number;
  i: number;
  /** Kept objects up to this row are done. */
  k: number;
}

export class NextError extends Error {}

/** Report summaries read per query; their contents are read in smaller chunks, as the page needs them. */
const REPORT_BATCH = 64;
const KEPT_BATCH = 256;

/** Types whose objects are one report's own (a single version). */
const OWN_TYPES = new Set(['report', 'x-parallax-claim', 'relationship', 'note']);

export async function readPage(
  store: Store,
  viewer: Viewer,
  collection: TaxiiCollection,
  query: ObjectQuery,
  limit: number,
  next: string | undefined,
): Promise<Page> {
  const fingerprint = queryFingerprint(viewer, collection, query);
  const start: Position = next === undefined ? { r: 0, i: 0, k: 0 } : decodeNext(next, fingerprint);
  const reader = new CollectionReader(store, viewer, collection, query);
  // By id: only the reports whose objects carry one of the ids (the store's index), not the whole collection.
  const carrying = query.ids === undefined ? {} : { carrying: await reader.carrying(query.ids) };
  const inCollection = { ...(collection.releasedTo ? { releasedTo: collection.releasedTo } : {}), ...carrying };
  const keptIds = query.ids === undefined ? {} : { ids: [...query.ids] };
  // By id, most listed reports are skipped unread (CollectionReader.#mayEmit): list more at a time.
  const batch = query.ids === undefined ? REPORT_BATCH : 4 * REPORT_BATCH;
  // Reports of the millisecond added_after falls in are read too: their microseconds decide.
  const addedAfterIso = query.addedAfter === undefined ? undefined : new Date(Math.floor(query.addedAfter / 1000) - 1).toISOString();
  const items: Item[] = [];
  /** The position after each item (what `next` says when the page ends there). */
  const afters: Position[] = [];
  let doneR = start.r;
  let k = start.k;
  // The group being emitted: its report id, its items, the next index.
  let group: { r: number; items: Item[]; at: number } | undefined;
  if (start.i > 0) {
    doneR = start.r - 1;
    const [summary] = await store.listReports(viewer, { afterId: start.r - 1, limit: 1, ...inCollection });
    if (summary && summary.id === start.r) {
      await reader.rank([summary]);
      group = { r: start.r, items: await reader.group([summary], 0, 1), at: start.i };
    } else doneR = start.r;
  }
  let reports: ReportSummary[] = [];
  let at = 0;
  let kept: Awaited<ReturnType<Store['listStixObjects']>> = [];
  let reportsDone = false;
  let keptDone = false;
  while (items.length <= limit) {
    if (group) {
      if (group.at < group.items.length) {
        const i = group.at++;
        const last = group.at === group.items.length;
        items.push(group.items[i]!);
        afters.push(last ? { r: group.r, i: 0, k } : { r: group.r, i: group.at, k });
        continue;
      }
      doneR = group.r;
      group = undefined;
    }
    if (at === reports.length && !reportsDone) {
      reports = await store.listReports(viewer, { afterId: doneR, limit: batch, ...inCollection, ...(addedAfterIso ? { addedAfter: addedAfterIso } : {}) });
      at = 0;
      reportsDone = reports.length < batch;
      await reader.rank(reports);
    }
    if (kept.length === 0 && !keptDone) {
      kept = await store.listStixObjects(viewer, { afterRow: k, limit: KEPT_BATCH, ...keptIds });
      keptDone = kept.length < KEPT_BATCH;
    }
    const report = reports[at];
    const row = kept[0];
    if (report === undefined && row === undefined) break;
    const rowAdded = row ? taxiiTimestamp(row.addedAt) : undefined;
    if (report && (rowAdded === undefined || (await reader.dateAdded(report)) <= rowAdded)) {
      // Contents for this report and, in the same reads, for as many following ones as the page probably needs.
      group = { r: report.id, items: await reader.group(reports, at, limit + 1 - items.length), at: 0 };
      at++;
      continue;
    }
    kept.shift();
    k = row!.row;
    const inScope = collection.releasedTo === undefined || row!.marking.releasableTo.includes(collection.releasedTo);
    const item = inScope ? reader.keptItem(row!, rowAdded!) : undefined;
    if (item) {
      items.push(item);
      afters.push({ r: doneR, i: 0, k });
    }
  }
  if (items.length <= limit) return { items, more: false };
  // Held back: items[limit] and after. End the page where date_added changes, when it can.
  let cut = limit;
  const held = items[limit]!.dateAdded;
  while (cut > 1 && items[cut - 1]!.dateAdded === held) cut--;
  if (items[cut - 1]!.dateAdded === held) cut = limit;
  return { items: items.slice(0, cut), more: true, next: encodeNext(afters[cut - 1]!, fingerprint) };
}

/** Which reports carry an object (a match), with a key that names the match. */
interface Question {
  key: string;
  match: ReportMatch;
}

/** An object of a report group before its version is decided: what to ask the store, if anything. */
interface Candidate {
  object: StixObject;
  version: string;
  /** Marking definitions and the like: one version, kept when no earlier report carries it. */
  fixed?: Question;
  /** Entities, outlet, owner: one version per storing time (`at`: the reports stored at this one's time). */
  shared?: { any: Question; at: Question };
}

const question = (kind: string, value: unknown, match: ReportMatch): Question => ({ key: kind + JSON.stringify(value), match });
/** The same question about the reports stored at one time (one version of a shared object). */
const atTime = (x: Question, ingestedAt: string): Question => ({ key: `${x.key}@${ingestedAt}`, match: { ...x.match, ingestedAt } });
const ANY_REPORT: Question = { key: 'any', match: {} };

/**
 * What an asked-for id is: a marking definition ('fixed'), the owner's identity ('o'), the
 * outlet's ('s'), an entity (its question: the entity key), or a report's own object ('own').
 */
type IdKind = 'fixed' | 'o' | 's' | 'own' | Question;

/**
 * The questions that decide the versions of a report's marking definitions (fixedOf: is there an
 * earlier report so marked?) and of what it shares with other reports (sharedOf: owner, outlet,
 * the entities given), by object id.
 */
function questionsOf(report: Pick<ReportSummary, 'marking' | 'source'>, entities: readonly EntitySummary[]): { fixedOf: Map<string, Question>; sharedOf: Map<string, Question> } {
  const m = report.marking;
  const markingIds = stixMarking(m).refs;
  const fixedOf = new Map<string, Question>([
    [markingIds[0]!, question('t', m.tlp, { tlp: m.tlp })],
    [markingIds[1]!, question('c', m.classification, { classification: m.classification })],
    [markingIds[2]!, question('m', [m.owner, m.releasableTo], { owner: m.owner, releasableTo: m.releasableTo })],
  ]);
  const sharedOf = new Map<string, Question>([[partnerIdentityId(m.owner), question('o', m.owner, { owner: m.owner })]]);
  const outlet = outletOf(report.source);
  if (outlet) sharedOf.set(outlet.id, question('s', report.source, { source: report.source! }));
  for (const e of entities) sharedOf.set(entityObjectId(e), question('e', e.key, { entityKey: e.key }));
  return { fixedOf, sharedOf };
}

/**
 * Reads one collection for one viewer: groups of report objects, with versions decided. Reports
 * are read a chunk at a time (store.listReportContents), and whether an earlier or later visible
 * report of the collection carries an object is answered for the whole chunk at once
 * (store.listReportRanges: the first and last such report), then by comparing ids.
 */
class CollectionReader {
  readonly #store: Store;
  readonly #viewer: Viewer;
  readonly #collection: TaxiiCollection;
  readonly #query: ObjectQuery;
  #grades: Promise<Map<string, SourceGrade>> | undefined;
  readonly #rankOf = new Map<number, number>();
  /** Groups read ahead, by report id, until emitted. */
  readonly #groups = new Map<number, Item[]>();
  readonly #ranges = new Map<string, ReportRange | null>();
  readonly #kinds = new Map<string, IdKind>();
  /** Items per report so far, to size the next chunk. */
  #seen = { reports: 0, items: 0 };

  constructor(store: Store, viewer: Viewer, collection: TaxiiCollection, query: ObjectQuery) {
    this.#store = store;
    this.#viewer = viewer;
    this.#collection = collection;
    this.#query = query;
  }

  /**
   * The object ids to find reports by: the ids asked for, and for a grade note (not indexed: its
   * id follows the grades) the objects of the graded sources, which the reports it belongs to carry.
   */
  async carrying(ids: ReadonlySet<string>): Promise<string[]> {
    const out = new Set(ids);
    if ([...ids].some((id) => id.startsWith('note--'))) for (const key of (await this.#gradesBySource()).keys()) out.add(gradedObjectId(key));
    return [...out];
  }

  /**
   * Ranks of reports (in id order, as listReports gives them) among the visible reports of the
   * collection stored in the same millisecond: counted for the first of each millisecond, and one
   * more for each next one, since no visible report of the collection lies between two of a batch.
   * By id, a batch holds only the reports carrying the ids, most of them skipped unread: each is
   * counted when its date_added is needed (dateAdded).
   */
  async rank(reports: readonly ReportSummary[]): Promise<void> {
    if (this.#query.ids !== undefined) return;
    const previous = new Map<string, number>();
    for (const r of reports) {
      const known = this.#rankOf.get(r.id);
      if (known !== undefined) {
        previous.set(r.ingestedAt, known);
        continue;
      }
      const before = previous.get(r.ingestedAt);
      const rank = before !== undefined ? before + 1 : await this.#countBefore(r);
      this.#rankOf.set(r.id, rank);
      previous.set(r.ingestedAt, rank);
    }
  }

  /** The report's date_added: its storing time, microseconds = its rank among visible reports of that millisecond. */
  async dateAdded(report: ReportSummary): Promise<string> {
    let rank = this.#rankOf.get(report.id);
    if (rank === undefined) this.#rankOf.set(report.id, (rank = await this.#countBefore(report)));
    return taxiiTimestamp(report.ingestedAt, Math.min(rank, 999));
  }

  #countBefore(r: ReportSummary): Promise<number> {
    return this.#store.countMatchingReports(this.#viewer, { ...this.#inCollection(), ingestedAt: r.ingestedAt, beforeId: r.id });
  }

  /**
   * The objects of reports[at] this query returns, in reportObjects order. Reads it with the next
   * reports, as many as `wanted` more items probably take, unless read already.
   */
  async group(reports: readonly ReportSummary[], at: number, wanted: number): Promise<Item[]> {
    const summary = reports[at]!;
    let items = this.#groups.get(summary.id);
    if (items === undefined) {
      const perReport = this.#seen.reports === 0 ? 16 : Math.max(this.#seen.items / this.#seen.reports, 1);
      // By id, a few reports first: what they teach about the ids lets most of the others be skipped unread.
      const size = this.#query.ids !== undefined && this.#kinds.size === 0 ? 4 : Math.max(4, Math.ceil(wanted / perReport) + 1);
      const chunk = reports.slice(at, at + size);
      await this.#read(chunk);
      items = this.#groups.get(summary.id) ?? [];
    }
    this.#groups.delete(summary.id);
    this.#seen.reports++;
    this.#seen.items += items.length;
    return items;
  }

  async #read(chunk: readonly ReportSummary[]): Promise<void> {
    const q = this.#query;
    for (const s of chunk) this.#groups.set(s.id, []);
    const wanted: ReportSummary[] = [];
    for (const s of await this.#mayEmit(chunk)) {
      // Reports of added_after's millisecond that it leaves out are not read.
      if (q.addedAfter === undefined || parseTimestamp(await this.dateAdded(s))! > q.addedAfter) wanted.push(s);
    }
    if (wanted.length === 0) return;
    const [contents, grades] = await Promise.all([this.#store.listReportContents(this.#viewer, wanted.map((s) => s.id)), this.#gradesBySource()]);
    const summaries = new Map(wanted.map((s) => [s.id, s]));
    const candidates = new Map<number, Candidate[]>();
    const questions = new Map<string, ReportMatch>();
    const ask = (x: Question) => questions.set(x.key, x.match);
    const v = q.versions;
    for (const { report, claims, entities } of contents) {
      const summary = summaries.get(report.id)!;
      const dateAdded = await this.dateAdded(summary);
      const { fixedOf, sharedOf } = questionsOf(report, entities);
      const list: Candidate[] = [];
      for (const object of reportObjects({ report, claims, entities, grades })) {
        if (q.types && !q.types.has(object.type)) continue;
        if (q.ids && !q.ids.has(object.id)) continue;
        if (q.specVersions && !q.specVersions.has(object.spec_version ?? '2.1')) continue;
        const version = object.modified ?? object.created ?? dateAdded;
        const fixed = fixedOf.get(object.id) ?? (object.id === PARALLAX_IDENTITY_ID || object.id === EXTENSION_ID ? ANY_REPORT : undefined);
        const shared = fixed === undefined && !OWN_TYPES.has(object.type) ? sharedOf.get(object.id) : undefined;
        if (q.ids) this.#learn(object.id, fixed !== undefined ? 'fixed' : shared === undefined ? 'own' : shared.key.startsWith('e') ? shared : (shared.key[0] as 'o' | 's'));
        if (fixed !== undefined) {
          if (!this.#wanted(version, true, true)) continue;
          ask(fixed);
          list.push({ object, version, fixed });
        } else if (shared !== undefined) {
          const any = shared;
          const at = atTime(any, report.ingestedAt);
          if (v.all || v.exact.has(exactKey(version))) ask(at);
          if (v.first || v.last) ask(any);
          list.push({ object, version, shared: { any, at } });
        } else if (this.#wanted(version, true, true)) list.push({ object, version });
      }
      candidates.set(report.id, list);
    }
    await this.#askRanges(questions);
    for (const [reportId, list] of candidates) {
      const summary = summaries.get(reportId)!;
      const dateAdded = await this.dateAdded(summary);
      const items: Item[] = [];
      for (const c of list) {
        // Never changes: one version, added with the first report that refers to it.
        if (c.fixed !== undefined && this.#occurs(c.fixed, 'before', reportId)) continue;
        if (c.shared !== undefined && !this.#sharedWanted(c.version, c.shared, summary)) continue;
        items.push({ object: c.object, dateAdded, version: c.version });
      }
      this.#groups.set(reportId, items);
    }
  }

  /** What an asked-for id is, learned from the first report read that carries it (a fact of the id, not of the report). */
  #learn(id: string, kind: IdKind): void {
    if (!this.#kinds.has(id)) this.#kinds.set(id, kind);
  }

  /**
   * By id: the reports of the chunk that may give a version of an asked-for id, decided from
   * their summaries and the ranges (the same decisions as #read, without the contents), so that
   * the thousands of reports carrying a shared object (an entity named everywhere) are not read
   * for the few that give its versions (first, last, or the first of each storing time). An id
   * not yet met in a report read, a report's own object, or exact versions: always read.
   */
  async #mayEmit(chunk: readonly ReportSummary[]): Promise<readonly ReportSummary[]> {
    const q = this.#query;
    const v = q.versions;
    if (q.ids === undefined || v.exact.size > 0) return chunk;
    const kinds = [...q.ids].map((id) => [id, this.#kinds.get(id)] as const);
    if (kinds.some(([, kind]) => kind === undefined || kind === 'own')) return chunk;
    // The questions deciding each id's version in each report (none: the report cannot carry it so).
    const asked = chunk.map((s) => {
      const { fixedOf, sharedOf } = questionsOf(s, []);
      return kinds.map(([id, kind]) => {
        if (kind === 'fixed') return { fixed: fixedOf.get(id) };
        const any = typeof kind === 'object' ? kind : sharedOf.get(id);
        return { shared: any && { any, at: atTime(any, s.ingestedAt) } };
      });
    });
    const questions = new Map<string, ReportMatch>();
    const ask = (x: Question) => questions.set(x.key, x.match);
    for (const x of asked.flat()) {
      if (x.fixed) ask(x.fixed);
      if (x.shared && v.all) ask(x.shared.at);
      if (x.shared && (v.first || v.last)) ask(x.shared.any);
    }
    await this.#askRanges(questions);
    return chunk.filter((s, i) =>
      asked[i]!.some((x) => (x.fixed ? !this.#occurs(x.fixed, 'before', s.id) : x.shared ? this.#sharedWanted('', x.shared, s) : false)),
    );
  }

  keptItem(row: Awaited<ReturnType<Store['listStixObjects']>>[number], dateAdded: string): Item | undefined {
    const q = this.#query;
    if (q.addedAfter !== undefined && parseTimestamp(dateAdded)! <= q.addedAfter) return undefined;
    if (q.types && !q.types.has(row.type)) return undefined;
    if (q.ids && !q.ids.has(row.id)) return undefined;
    if (q.specVersions && !q.specVersions.has(row.specVersion)) return undefined;
    const version = row.modified ?? dateAdded;
    // Each kept row is one version as POSTed; first and last are taken per row.
    if (!this.#wanted(version, true, true)) return undefined;
    return { object: row.object as StixObject, dateAdded, version };
  }

  /** Whether the version filter admits a version that is (or is not) the first and last of its object. */
  #wanted(version: string, isFirst: boolean, isLast: boolean): boolean {
    const v = this.#query.versions;
    return v.all || (v.first && isFirst) || (v.last && isLast) || v.exact.has(exactKey(version));
  }

  #sharedWanted(version: string, shared: { any: Question; at: Question }, report: ReportSummary): boolean {
    const v = this.#query.versions;
    const reportId = report.id;
    // Reports stored in one batch share a time, so their copies are one version: the first stands for it.
    if ((v.all || v.exact.has(exactKey(version))) && !this.#occurs(shared.at, 'before', reportId)) return true;
    if (v.last && !this.#occurs(shared.any, 'after', reportId)) return true;
    if (v.first && !this.#occurs(shared.any, 'before', reportId)) return true;
    return false;
  }

  /** Whether a visible report of the collection before (or after) this one matches (its range, asked for already). */
  #occurs(x: Question, side: 'before' | 'after', reportId: number): boolean {
    const range = this.#ranges.get(x.key);
    if (range === undefined) throw new Error(`no range asked for ${x.key}`);
    if (range === null) return false;
    return side === 'before' ? range.first < reportId : range.last > reportId;
  }

  async #askRanges(questions: ReadonlyMap<string, ReportMatch>): Promise<void> {
    const missing = [...questions].filter(([key]) => !this.#ranges.has(key));
    if (missing.length === 0) return;
    const ranges = await this.#store.listReportRanges(this.#viewer, missing.map(([, m]) => ({ ...m, ...this.#inCollection() })));
    missing.forEach(([key], i) => this.#ranges.set(key, ranges[i]!));
  }

  #gradesBySource(): Promise<Map<string, SourceGrade>> {
    return (this.#grades ??= this.#store.listSourceGrades(this.#viewer).then((gs) => new Map(gs.map((g) => [g.sourceKey, g]))));
  }

  #inCollection(): ReportMatch {
    return this.#collection.releasedTo === undefined ? {} : { releasedTo: this.#collection.releasedTo };
  }
}

/** A version as the key of VersionFilter.exact. */
const exactKey = (version: string): string => String(parseTimestamp(version.endsWith('Z') ? version : `${version}Z`) ?? version);

function queryFingerprint(viewer: Viewer, collection: TaxiiCollection, q: ObjectQuery): string {
  const sorted = (s: Set<string> | undefined) => (s ? [...s].sort() : null);
  const v = q.versions;
  return createHash('sha256')
    .update(
      JSON.stringify([
        viewer.partnerId,
        viewer.clearance,
        viewer.communities,
        collection.id,
        q.addedAfter ?? null,
        sorted(q.ids),
        sorted(q.types),
        sorted(q.specVersions),
        [v.all, v.first, v.last, sorted(v.exact)],
      ]),
    )
    .digest('base64url')
    .slice(0, 16);
}

function encodeNext(p: Position, fingerprint: string): string {
  return Buffer.from(JSON.stringify([p.r, p.i, p.k, fingerprint])).toString('base64url');
}

function decodeNext(next: string, fingerprint: string): Position {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(next, 'base64url').toString('utf8'));
  } catch {
    throw new NextError('next is not a value this server gave');
  }
  if (!Array.isArray(parsed) || parsed.length !== 4 || !parsed.slice(0, 3).every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw new NextError('next is not a value this server gave');
  }
  if (parsed[3] !== fingerprint) throw new NextError('next belongs to another query: send the same filters as the page it came from');
  return { r: parsed[0] as number, i: parsed[1] as number, k: parsed[2] as number };
}
