/** A message of a JetStream consumer as far as ordering is concerned. */
export interface SequencedMessage {
  seq: number;
  data: Uint8Array;
  ack(): void;
}

/**
 * Turns what a durable consumer delivers into the stream's order, each sequence once. A message
 * already passed on (a redelivery) is acknowledged and dropped. A message after a gap (an event
 * delivered but not acknowledged before a crash comes again only after the ack wait) waits while
 * the missing sequences are read from the stream (`read`; undefined: no longer in the stream,
 * skipped with a warning). A message is acknowledged once it was passed on.
 */
export class InOrderDelivery {
  /** The last sequence passed on. */
  last: number;
  readonly #pass: (seq: number, data: Uint8Array) => void;
  readonly #read: (seq: number) => Promise<Uint8Array | undefined>;
  readonly #warn: (message: string) => void;
  #queue: SequencedMessage[] = [];
  #filling: Promise<void> | undefined;
  #stopped = false;

  constructor(options: {
    last: number;
    pass: (seq: number, data: Uint8Array) => void;
    read: (seq: number) => Promise<Uint8Array | undefined>;
    warn: (message: string) => void;
  }) {
    this.last = options.last;
    this.#pass = options.pass;
    this.#read = options.read;
    this.#warn = options.warn;
  }

  /** Passes on (or records as passed) what was read some other way, e.g. read back at start. */
  passed(seq: number, data: Uint8Array): void {
    if (seq <= this.last) return;
    this.last = seq;
    this.#pass(seq, data);
  }

  offer(m: SequencedMessage): void {
    if (this.#filling !== undefined || m.seq > this.last + 1) {
      this.#queue.push(m);
      this.#filling ??= this.#fill();
      return;
    }
    this.passed(m.seq, m.data);
    m.ack();
  }

  /** Resolves once no gap is being filled (tests). */
  async settled(): Promise<void> {
    while (this.#filling !== undefined) await this.#filling;
  }

  stop(): void {
    this.#stopped = true;
  }

  async #fill(): Promise<void> {
    try {
      while (this.#queue.length > 0 && !this.#stopped) {
        this.#queue.sort((a, b) => a.seq - b.seq);
        const m = this.#queue[0]!;
        if (m.seq <= this.last + 1) {
          this.#queue.shift();
          this.passed(m.seq, m.data);
          m.ack();
          continue;
        }
        const seq = this.last + 1;
        const data = await this.#read(seq);
        if (data === undefined) {
          // Gone from the stream (older than its limits, or deleted): no process can have it.
          this.#warn(`event ${seq} is no longer in the stream: skipped`);
          this.last = seq;
        } else this.passed(seq, data);
      }
    } catch (e) {
      if (!this.#stopped) this.#warn(`events wait for the stream: ${(e as Error).message}`);
      // Not acknowledged: the consumer delivers them again after its ack wait.
      this.#queue = [];
    } finally {
      this.#filling = undefined;
    }
  }
}
