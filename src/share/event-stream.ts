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
  /** Increases by one per event; seeded from the clock so ids keep increasing across restarts. */
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
 * The live stream, without HTTP: a bounded ring of recent events (for resuming after
 * Last-Event-ID) and the subscribers, each receiving only what the access policy lets it see.
 * Subscribers are grouped by viewer scope, so the policy runs once per scope per event, not once
 * per subscriber.
 */
export class EventStream {
  readonly #ring: (StreamEvent | undefined)[];
  #next: number;
  #count = 0;
  readonly #scopes = new Map<string, { viewer: Viewer; subscribers: Set<Subscriber> }>();
  readonly #order: readonly string[];

  constructor(options: { capacity?: number; classificationOrder: readonly string[]; firstId?: number }) {
    this.#ring = new Array(Math.max(1, options.capacity ?? 10_000));
    this.#next = options.firstId ?? Date.now() * 1000;
    this.#order = options.classificationOrder;
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

  publish(type: StreamEventType, data: Record<string, unknown>, access: EventAccess): StreamEvent {
    const event: StreamEvent = { id: this.#next++, type, data, access };
    this.#ring[this.#count++ % this.#ring.length] = event;
    for (const scope of this.#scopes.values()) {
      if (!this.visibleTo(scope.viewer, event)) continue;
      for (const s of scope.subscribers) s.send(event);
    }
    return event;
  }

  /**
   * Events after `lastId` the viewer may see, oldest first. `complete` is false when some events
   * after `lastId` are no longer kept (or the id is not one of this stream's): the client should
   * re-read the lists.
   */
  since(viewer: Viewer, lastId: number): { events: StreamEvent[]; complete: boolean } {
    const kept = Math.min(this.#count, this.#ring.length);
    const oldest = this.#next - kept;
    const complete = lastId >= oldest - 1 && lastId < this.#next;
    const events: StreamEvent[] = [];
    for (let id = Math.max(lastId + 1, oldest); id < this.#next; id++) {
      const e = this.#ring[(this.#count - (this.#next - id)) % this.#ring.length]!;
      if (this.visibleTo(viewer, e)) events.push(e);
    }
    return { events, complete };
  }

  /** The id the next event will get, less one: where a new subscriber starts. */
  get lastId(): number {
    return this.#next - 1;
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
