import { createHash } from 'node:crypto';
import { outletKeyOf } from '../../analyse/sources.js';
import type { Viewer } from '../../domain/viewer.js';
import { EXTENSION_ID, PARALLAX_IDENTITY_ID } from '../../interop/stix/extension.js';
import { entityObjectId, partnerIdentityId, reportObjects, type StixObject } from '../../interop/stix/export.js';
import { stixId } from '../../interop/stix/ids.js';
import { stixMarking } from '../../interop/stix/markings.js';
import type { ReportMatch, ReportSummary, SourceGrade, Store } from '../../store/store.js';
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
 * object, `first` when no earlier one does: one indexed look-up per shared object per page
 * (store.hasReport). Marking definitions and Parallax's own identity and extension never change:
 * they come once, with the first report that refers to them.
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
  const inCollection = collection.releasedTo ? { releasedTo: collection.releasedTo } : {};
  // Reports of the millisecond added_after falls in are read too: their microseconds decide.
  const addedAfterIso = query.addedAfter === undefined ? undefined : new Date(Math.floor(query.addedAfter / 1000) - 1).toISOString();
  const items: (Item & { after: Position })[] = [];
  let doneR = start.r;
  let k = start.k;
  // The group being emitted: its report id, its items, the next index.
  let group: { r: number; items: Item[]; at: number } | undefined;
  if (start.i > 0) {
    doneR = start.r - 1;
    const [summary] = await store.listReports(viewer, { afterId: start.r - 1, limit: 1, ...inCollection });
    if (summary && summary.id === start.r) group = { r: start.r, items: await reader.group(summary), at: start.i };
    else doneR = start.r;
  }
  let reports: ReportSummary[] = [];
  let kept: Awaited<ReturnType<Store['listStixObjects']>> = [];
  let reportsDone = false;
  let keptDone = false;
  while (items.length <= limit) {
    if (group) {
      if (group.at < group.items.length) {
        const at = group.at++;
        const last = group.at === group.items.length;
        items.push({ ...group.items[at]!, after: last ? { r: group.r, i: 0, k } : { r: group.r, i: group.at, k } });
        continue;
      }
      doneR = group.r;
      group = undefined;
    }
    if (reports.length === 0 && !reportsDone) {
      reports = await store.listReports(viewer, { afterId: doneR, limit: REPORT_BATCH, ...inCollection, ...(addedAfterIso ? { addedAfter: addedAfterIso } : {}) });
      reportsDone = reports.length < REPORT_BATCH;
    }
    if (kept.length === 0 && !keptDone) {
      kept = await store.listStixObjects(viewer, { afterRow: k, limit: KEPT_BATCH });
      keptDone = kept.length < KEPT_BATCH;
    }
    const report = reports[0];
    const row = kept[0];
    if (report === undefined && row === undefined) break;
    const reportAdded = report ? await reader.dateAdded(report) : undefined;
    const rowAdded = row ? taxiiTimestamp(row.addedAt) : undefined;
    if (report && (rowAdded === undefined || reportAdded! <= rowAdded)) {
      reports.shift();
      group = { r: report.id, items: await reader.group(report), at: 0 };
      continue;
    }
    kept.shift();
    k = row!.row;
    const inScope = collection.releasedTo === undefined || row!.marking.releasableTo.includes(collection.releasedTo);
    const item = inScope ? reader.keptItem(row!, rowAdded!) : undefined;
    if (item) items.push({ ...item, after: { r: doneR, i: 0, k } });
  }
  if (items.length <= limit) return { items: items.map(strip), more: false };
  // Held back: items[limit] and after. End the page where date_added changes, when it can.
  let cut = limit;
  const held = items[limit]!.dateAdded;
  while (cut > 1 && items[cut - 1]!.dateAdded === held) cut--;
  if (items[cut - 1]!.dateAdded === held) cut = limit;
  return { items: items.slice(0, cut).map(strip), more: true, next: encodeNext(items[cut - 1]!.after, fingerprint) };
}

const strip = ({ object, dateAdded, version }: Item & { after?: Position }): Item => ({ object, dateAdded, version });

/** Reads one collection for one viewer: groups of report objects, with versions decided. */
class CollectionReader {
  readonly #store: Store;
  readonly #viewer: Viewer;
  readonly #collection: TaxiiCollection;
  readonly #query: ObjectQuery;
  #grades: Promise<Map<string, SourceGrade>> | undefined;
  readonly #occurs = new Map<string, Promise<boolean>>();
  readonly #rankOf = new Map<number, number>();

  constructor(store: Store, viewer: Viewer, collection: TaxiiCollection, query: ObjectQuery) {
    this.#store = store;
    this.#viewer = viewer;
    this.#collection = collection;
    this.#query = query;
  }

  /** The report's date_added: its storing time, microseconds = its rank among visible reports of that millisecond. */
  async dateAdded(report: ReportSummary): Promise<string> {
    let rank = this.#rankOf.get(report.id);
    if (rank === undefined) {
      rank = await this.#store.countMatchingReports(this.#viewer, { ...this.#inCollection(), ingestedAt: report.ingestedAt, beforeId: report.id });
      this.#rankOf.set(report.id, rank);
    }
    return taxiiTimestamp(report.ingestedAt, Math.min(rank, 999));
  }

  /** The objects of one report this query returns, in reportObjects order. */
  async group(summary: ReportSummary): Promise<Item[]> {
    const q = this.#query;
    const report = await this.#store.findReport(this.#viewer, summary.id);
    if (!report) return [];
    const [claims, entities, grades] = await Promise.all([
      this.#store.listClaims(this.#viewer, { reportId: report.id }),
      this.#store.listEntities(this.#viewer, { reportId: report.id }),
      (this.#grades ??= this.#store.listSourceGrades(this.#viewer).then((gs) => new Map(gs.map((g) => [g.sourceKey, g])))),
    ]);
    const dateAdded = await this.dateAdded(summary);
    if (q.addedAfter !== undefined && parseTimestamp(dateAdded)! <= q.addedAfter) return [];
    const marking = stixMarking(report.marking);
    const byId = new Map<string, ReportMatch>();
    marking.definitions.forEach((d, i) => {
      const m = report.marking;
      byId.set(d.id, i === 0 ? { tlp: m.tlp } : i === 1 ? { classification: m.classification } : { owner: m.owner, releasableTo: m.releasableTo });
    });
    const shared = new Map<string, ReportMatch>();
    shared.set(partnerIdentityId(report.marking.owner), { owner: report.marking.owner });
    if (report.source !== null && report.source.trim() !== '') shared.set(stixId('identity', outletKeyOf(report.source.trim())), { source: report.source });
    for (const e of entities) shared.set(entityObjectId(e), { entityKey: e.key });
    const out: Item[] = [];
    for (const object of reportObjects({ report, claims, entities, grades })) {
      if (q.types && !q.types.has(object.type)) continue;
      if (q.ids && !q.ids.has(object.id)) continue;
      if (q.specVersions && !q.specVersions.has(object.spec_version ?? '2.1')) continue;
      const version = object.modified ?? object.created ?? dateAdded;
      const fixed = byId.get(object.id) ?? (object.id === PARALLAX_IDENTITY_ID || object.id === EXTENSION_ID ? {} : undefined);
      if (fixed !== undefined) {
        // Never changes: one version, added with the first report that refers to it.
        if (!this.#wanted(version, true, true) || (await this.#occurs_(fixed, 'before', report.id))) continue;
      } else if (!OWN_TYPES.has(object.type) && shared.has(object.id)) {
        const key = shared.get(object.id)!;
        if (!(await this.#sharedWanted(version, key, summary))) continue;
      } else if (!this.#wanted(version, true, true)) continue;
      out.push({ object, dateAdded, version });
    }
    return out;
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

  async #sharedWanted(version: string, key: ReportMatch, report: ReportSummary): Promise<boolean> {
    const v = this.#query.versions;
    const reportId = report.id;
    // Reports stored in one batch share a time, so their copies are one version: the first stands for it.
    if ((v.all || v.exact.has(exactKey(version))) && !(await this.#occurs_({ ...key, ingestedAt: report.ingestedAt }, 'before', reportId))) return true;
    if (v.last && !(await this.#occurs_(key, 'after', reportId))) return true;
    if (v.first && !(await this.#occurs_(key, 'before', reportId))) return true;
    return false;
  }

  /** Whether a visible report of the collection before (or after) this one matches. */
  #occurs_(key: ReportMatch, side: 'before' | 'after', reportId: number): Promise<boolean> {
    const memo = `${side}|${reportId}|${JSON.stringify(key)}`;
    let p = this.#occurs.get(memo);
    if (!p) {
      p = this.#store.hasReport(this.#viewer, { ...key, ...this.#inCollection(), ...(side === 'before' ? { beforeId: reportId } : { afterId: reportId }) });
      this.#occurs.set(memo, p);
    }
    return p;
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
