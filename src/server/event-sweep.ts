import { LOCAL_ADMIN, partnerReader, type Viewer } from '../domain/viewer.js';
import type { StoreEvent } from '../store/store-event.js';
import type { ReportSummary, Store } from '../store/store.js';

export interface EventSweepOptions {
  /** How often the store is read for reports that no event announced (ms). */
  everyMs: number;
  /** How long after its storing time a report's own writer has to publish its events (ms). */
  graceMs: number;
  /** At start, reports stored this long ago are looked at too (ms): a shared bus drops what was sent already. */
  lookBackMs: number;
}

const PAGE = 500;
const FORGET_AFTER_MS = 60_000;

/**
 * The events no process published. A writer publishes its reports' events right after COMMIT, so
 * a process that dies between the two leaves reports nobody streams; and a report written by
 * another program on the same store (`parallax ingest` into the file or database that
 * `parallax serve` uses) has no publisher at all. The sweep reads the reports stored since it last
 * looked (storing times grow in commit order: store/stored-at.ts) and publishes the events of those
 * whose report event has not come by once `graceMs` has passed. It publishes them with the keys
 * their writer would have used, so on a shared bus (JetStream drops a key sent twice within its
 * window) several processes sweeping the same report stream it once.
 *
 * It reads through the one policy like every read, as each viewer an event could reach: the local
 * administrator and every partner. So it finds what the command line writes, what is released to
 * all, and a report restricted to partners whose writer died before announcing it; a report no
 * one but its owner may see is found as the owner. (The stream then filters each event for each
 * subscriber, as it does for events a writer publishes.)
 */
export class EventSweep {
  readonly #store: Store;
  readonly #publish: (event: StoreEvent) => void;
  readonly #options: EventSweepOptions;
  /** Reports whose report event this process has seen or sent, by id, with when (ms; pruned well behind the cursor). */
  readonly #announced = new Map<number, number>();
  /** Every report stored up to this time (ms) has been announced or swept. */
  #cursor: number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(store: Store, publish: (event: StoreEvent) => void, options: EventSweepOptions) {
    this.#store = store;
    this.#publish = publish;
    this.#options = options;
    this.#cursor = Date.now() - options.lookBackMs;
  }

  /** A report event came by (published here or by another process). */
  announced(reportId: number): void {
    this.#announced.set(reportId, Date.now());
  }

  start(): void {
    this.#timer = setInterval(() => void this.sweep(), this.#options.everyMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }

  /** Everyone an event can reach: the local administrator and each partner, as the API reads for them. */
  async #viewers(): Promise<Viewer[]> {
    const partners = await this.#store.listPartners(LOCAL_ADMIN);
    return [LOCAL_ADMIN, ...partners.map(partnerReader)];
  }

  /** One look at the store; overlapping calls share the look in progress. Never throws (warns). */
  sweep(): Promise<void> {
    this.#running ??= this.#sweep()
      .catch((e: Error) => process.emitWarning(`event sweep: ${e.message}`))
      .finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #sweep(): Promise<void> {
    const ripe = Date.now() - this.#options.graceMs;
    // A millisecond back: SQLite lets a later transaction share the cursor's millisecond.
    const since = new Date(this.#cursor - 1).toISOString();
    // Each report once, with a viewer that may see it (to read its claims as).
    const found = new Map<number, { report: ReportSummary; viewer: Viewer }>();
    for (const viewer of await this.#viewers()) {
      for (let afterId = 0; ; ) {
        const page = await this.#store.listReports(viewer, { addedAfter: since, afterId, limit: PAGE });
        for (const report of page) if (!found.has(report.id)) found.set(report.id, { report, viewer });
        if (page.length < PAGE) break;
        afterId = page.at(-1)!.id;
      }
    }
    const stored = [...found.values()];
    stored.sort(({ report: a }, { report: b }) => (a.ingestedAt < b.ingestedAt ? -1 : a.ingestedAt > b.ingestedAt ? 1 : a.id - b.id));
    for (const { report, viewer } of stored) {
      const at = Date.parse(report.ingestedAt);
      if (at > ripe) break;
      if (!this.#announced.has(report.id)) {
        this.#announced.set(report.id, at);
        await this.#announce(report, viewer);
      }
      this.#cursor = Math.max(this.#cursor, at);
    }
    // Kept a while behind the cursor: a report's event may come by before the sweep reads it.
    for (const [id, at] of this.#announced) if (at < this.#cursor - FORGET_AFTER_MS) this.#announced.delete(id);
  }

  /** The report's events as its writer emits them: the report, then its claims, in one turn (one bus message, the same key). */
  async #announce(report: ReportSummary, viewer: Viewer): Promise<void> {
    const claims = await this.#store.listClaims(viewer, { reportId: report.id });
    this.#publish({
      kind: 'report.ingested',
      reportId: report.id,
      origin: report.origin,
      marking: report.marking,
      duplicateOf: report.duplicateOf,
      claims: report.claims,
      entities: report.entities,
    });
    for (const claim of claims) {
      this.#publish({ kind: 'claim.created', claimId: claim.id, reportId: report.id, marking: report.marking });
    }
  }
}

/** Report ids remembered by `RepeatFilter`: far more than a sweep's grace period holds. */
const REMEMBERED_REPORTS = 50_000;

/**
 * Drops a report's events when they come a second time: a sweep announces a report whose own
 * event was merely late (a loaded process on a shared bus), and the bus then carries both. Every
 * process sees the bus in one order, so every process drops the same events and ids stay the
 * same everywhere. A report's claims travel right after it; they go with it.
 */
export class RepeatFilter {
  readonly #seen = new Set<number>();
  readonly #order: number[] = [];
  #dropping: number | undefined;

  /** Whether the event repeats one already passed (then it is to be dropped). */
  repeats(type: string, data: Record<string, unknown>): boolean {
    const reportId = data['reportId'];
    if (typeof reportId !== 'number') return false;
    if (type === 'claim') return reportId === this.#dropping;
    if (type !== 'report') return false;
    if (this.#seen.has(reportId)) {
      this.#dropping = reportId;
      return true;
    }
    this.#dropping = undefined;
    this.#seen.add(reportId);
    this.#order.push(reportId);
    if (this.#order.length > REMEMBERED_REPORTS) this.#seen.delete(this.#order.shift()!);
    return false;
  }
}
