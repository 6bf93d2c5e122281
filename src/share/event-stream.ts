import type { Marking } from '../domain/marking.js';
import type { Viewer } from '../domain/viewer.js';
import { viewerScope } from '../store/viewer-scope.js';
import { canSee } from './policy.js';

export const STREAM_EVENT_TYPES = ['report', 'claim', 'conflict', 'alert'] as const;
export type StreamEventType = (typeof STREAM_EVENT_TYPES)[number];

/**
 * Who may receive an event: the viewers that may see the report behind it (`marking`), or, for
 * what analysis derived for one viewer scope (a conflict among the reports that scope sees), the
 * viewers of that scope only.
 */
export type EventAccess = { marking: Marking } | { scope: string };

export interface StreamEvent {
  /**
   * Increases from event to event: in process, by one, seeded from the clock so ids keep
   * increasing across restarts; on JetStream, the stream sequence, the same on every process.
   */
  id: number;
  type: StreamEventType;
  data: Record<string, unknown>;
  access: EventAccess;
}

export interface Subscriber {
  viewer: Viewer;
  send(event: StreamEvent): void;
}

/**
 * The live stream of one process, without HTTP: a bounded ring of recent events (for resuming
 * after Last-Event-ID) and the subscribers, each receiving only what the access policy lets it
 * see. Subscribers are grouped by viewer scope, so the policy runs once per scope per event, not
 * once per subscriber. Events come from an `EventBus` (`deliver`, with the bus's ids) or, in
 * tests, from `publish`, which numbers them itself.
 */
export class EventStream {
  readonly #ring: (StreamEvent | undefined)[];
  #count = 0;
  /** Every event after `#floor` up to `#last` was delivered here (the oldest may have left the ring since). */
  #floor: number;
  #last: number;
  readonly #scopes = new Map<string, { viewer: Viewer; subscribers: Set<Subscriber> }>();
  readonly #order: readonly string[];
  readonly #aheadWaitMs: number;
  #waiters: { id: number; resolve: () => void }[] = [];

  constructor(options: {
    capacity?: number;
    classificationOrder: readonly string[];
    /** The id `publish` gives first (default: seeded from the clock, so ids keep increasing across restarts). */
    firstId?: number;
    /**
     * How long (ms) a client resuming after an id this process has not received yet waits for it
     * (default 0: such an id is unknown). Set when other processes publish on the same bus: the
     * client may come from one that is a few milliseconds ahead.
     */
    aheadWaitMs?: number;
  }) {
    this.#ring = new Array(Math.max(1, options.capacity ?? 10_000));
    this.#floor = this.#last = (options.firstId ?? Date.now() * 1000) - 1;
    this.#order = options.classificationOrder;
    this.#aheadWaitMs = options.aheadWaitMs ?? 0;
  }

  get subscriberCount(): number {
    let n = 0;
    for (const s of this.#scopes.values()) n += s.subscribers.size;
    return n;
  }

  /** One viewer per scope with subscribers now (what a per-scope analysis runs as). */
  activeScopes(): Viewer[] {
    return [...this.#scopes.values()].map((s) => s.viewer);
  }

  /** Whether a viewer may receive an event: THE policy for report-backed events, scope for derived ones. */
  visibleTo(viewer: Viewer, event: Pick<StreamEvent, 'access'>): boolean {
    const a = event.access;
    return 'marking' in a ? canSee(viewer, a.marking, this.#order) : a.scope === viewerScope(viewer);
  }

  /** Numbers an event itself (the next id after the last) and delivers it. */
  publish(type: StreamEventType, data: Record<string, unknown>, access: EventAccess): StreamEvent {
    const event: StreamEvent = { id: this.#last + 1, type, data, access };
    this.deliver(event);
    return event;
  }

  /**
   * Before the first event: events up to `id` happened before this stream knew of them (a client
   * resuming after `id` has missed nothing; one resuming before it has).
   */
  startAfter(id: number): void {
    if (this.#count > 0) throw new Error('startAfter: events were already delivered');
    this.#floor = this.#last = id;
  }

  /**
   * Keeps an event and sends it to the subscribers that may see it. Ids must increase (gaps are
   * allowed); an id at or below the last one was delivered already and is ignored (false), so a
   * bus that delivers twice repeats nothing.
   */
  deliver(event: StreamEvent): boolean {
    if (event.id <= this.#last) return false;
    const slot = this.#count++ % this.#ring.length;
    const evicted = this.#ring[slot];
    if (evicted !== undefined) this.#floor = evicted.id;
    this.#ring[slot] = event;
    this.#last = event.id;
    for (const scope of this.#scopes.values()) {
      if (!this.visibleTo(scope.viewer, event)) continue;
      for (const s of scope.subscribers) s.send(event);
    }
    if (this.#waiters.length > 0) {
      const still = [];
      for (const w of this.#waiters) if (w.id <= this.#last) w.resolve();
      else still.push(w);
      this.#waiters = still;
    }
    return true;
  }

  /**
   * Events after `lastId` the viewer may see, oldest first. `complete` is false when some events
   * after `lastId` are no longer kept (or the id is not one of this stream's): the client should
   * re-read the lists.
   */
  since(viewer: Viewer, lastId: number): { events: StreamEvent[]; complete: boolean } {
    const complete = lastId >= this.#floor && lastId <= this.#last;
    const kept = Math.min(this.#count, this.#ring.length);
    const events: StreamEvent[] = [];
    // Newest first until the ids reach lastId, then reversed: the cost is what is replayed.
    for (let k = 1; k <= kept; k++) {
      const e = this.#ring[(this.#count - k) % this.#ring.length]!;
      if (e.id <= lastId) break;
      if (this.visibleTo(viewer, e)) events.push(e);
    }
    return { events: events.reverse(), complete };
  }

  /** The id of the last event delivered: where a new subscriber starts. */
  get lastId(): number {
    return this.#last;
  }

  /**
   * Resolves once the event `id` was delivered here, or after `aheadWaitMs` (0: at once): a client
   * of another process on the same bus may resume after an id that has not reached this one yet.
   */
  reached(id: number): Promise<void> {
    if (id <= this.#last || this.#aheadWaitMs <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { id, resolve };
      this.#waiters.push(waiter);
      setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        resolve();
      }, this.#aheadWaitMs);
    });
  }

  subscribe(subscriber: Subscriber): () => void {
    const key = viewerScope(subscriber.viewer);
    let scope = this.#scopes.get(key);
    if (!scope) this.#scopes.set(key, (scope = { viewer: subscriber.viewer, subscribers: new Set() }));
    scope.subscribers.add(subscriber);
    return () => {
      scope.subscribers.delete(subscriber);
      if (scope.subscribers.size === 0 && this.#scopes.get(key) === scope) this.#scopes.delete(key);
    };
  }
}
