import type { EventAccess, StreamEvent, StreamEventType } from './event-stream.js';

/** An event as its publisher knows it: the bus gives it its id. */
export interface BusEvent {
  type: StreamEventType;
  data: Record<string, unknown>;
  /** The marking (or scope) travels with the event: each receiving process applies the policy itself. */
  access: EventAccess;
}

/** What a bus delivers to: one process's EventStream. */
export interface BusReceiver {
  /** Called once, before the first event: events up to `id` happened before this process listened. */
  startAfter(id: number): void;
  /** Every event of the bus, in the bus's order, each once, with ids that increase. */
  deliver(event: StreamEvent): void;
}

/**
 * How events travel from the process that wrote a report (or recorded an alert) to every process
 * that serves streams. In process (the default) that is one process; on JetStream, every
 * `parallax serve` on the same database. Whoever publishes, every event comes back through
 * `subscribe`, so its id is the bus's and means the same on every process.
 */
export interface EventBus {
  /** What the bus is, for messages ("in process", "nats://host:4222 stream parallax_events"). */
  readonly description: string;
  /** Whether other processes publish on it too (a client may then resume after an id not received here yet). */
  readonly shared: boolean;
  /**
   * Sends an event to every receiver. `key` names it for good (e.g. `report-12-ingested`): a bus
   * that retries drops a second event with the same key. Never throws; a bus that cannot send
   * says so (process warning) rather than drop an event silently.
   */
  publish(event: BusEvent, key: string): void;
  /** Starts delivering to the receiver; resolves once the events published before the call were delivered. */
  subscribe(receiver: BusReceiver): Promise<void>;
  /** Stops delivering, sends what is still being published. */
  close(): Promise<void>;
}

/** Today's behaviour: one process, events delivered synchronously, ids seeded from the clock. */
export class InProcessBus implements EventBus {
  readonly description = 'in process';
  readonly shared = false;
  #receiver: BusReceiver | undefined;
  #next: number;

  constructor(options: { firstId?: number } = {}) {
    this.#next = options.firstId ?? Date.now() * 1000;
  }

  publish(event: BusEvent): void {
    this.#receiver?.deliver({ id: this.#next++, ...event });
  }

  async subscribe(receiver: BusReceiver): Promise<void> {
    if (this.#receiver) throw new Error('InProcessBus: one receiver only');
    receiver.startAfter(this.#next - 1);
    this.#receiver = receiver;
  }

  async close(): Promise<void> {
    this.#receiver = undefined;
  }
}
