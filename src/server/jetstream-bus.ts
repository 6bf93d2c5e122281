import { hostname } from 'node:os';
import {
  AckPolicy,
  connect,
  DeliverPolicy,
  DiscardPolicy,
  nanos,
  RetentionPolicy,
  StorageType,
  type ConsumerInfo,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
  type NatsError,
} from 'nats';
import type { BusEvent, BusReceiver, EventBus } from '../share/event-bus.js';
import { InOrderDelivery } from './in-order.js';
import { STREAM_EVENT_TYPES, type StreamEvent } from '../share/event-stream.js';

export interface JetStreamBusOptions {
  /** The NATS server, `nats://host:port`. */
  url: string;
  /** Names of the stream (`PREFIX_events`), its subject (`PREFIX.events`) and consumers start with it (default `parallax`). */
  prefix?: string;
  /** Names this process's durable consumer: a process started again with the same id resumes where it stopped. */
  nodeId: string;
  /**
   * Recent messages read back at start even if this process received them before (default 1,000:
   * a message holds a report and its claims, so more events than the ring keeps), so a client may
   * resume here after an id it got from another process.
   */
  replay?: number;
  /** How long the stream keeps events (ms; default 7 days): a process down longer misses the older ones. */
  maxAgeMs?: number;
}

/** A prefix or node id JetStream cannot take as part of a name. */
export class BusConfigError extends Error {}
/** The NATS server cannot be reached, or has no JetStream. */
export class BusUnreachableError extends Error {}

const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const DUPLICATE_WINDOW_MS = 120_000;
/** Unacknowledged events a consumer may have at once; bounds what a crash leaves to redeliver. */
const MAX_ACK_PENDING = 1000;
const PUBLISH_ATTEMPTS = 5;
/** More messages than this are never read back at start: their events would leave the ring before anyone reads them. */
const MAX_READ_BACK = 100_000;
/**
 * Events per message at most. An event's id is its message's stream sequence × this plus its
 * place in the message: the same on every process, increasing, and Last-Event-ID-safe (< 2^53).
 */
export const EVENTS_PER_MESSAGE = 1000;
const idOf = (seq: number, place: number) => seq * EVENTS_PER_MESSAGE + place;

/** This host and port, as a name JetStream takes: what a node is called unless told. */
export function defaultNodeId(port: number): string {
  return `${hostname().replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 50)}-${port}`;
}

export function checkBusName(value: string, what: string): string {
  if (!NAME.test(value)) throw new BusConfigError(`${what} "${value}": only letters, digits, _ and - (1 to 64 of them)`);
  return value;
}

/** Connects and makes sure the stream exists (the first process on a prefix creates it). */
export async function connectJetStreamBus(options: JetStreamBusOptions): Promise<JetStreamBus> {
  const prefix = checkBusName(options.prefix ?? 'parallax', 'bus prefix');
  checkBusName(options.nodeId, 'node id');
  let nc: NatsConnection;
  try {
    nc = await connect({ servers: options.url, name: `parallax ${options.nodeId}`, maxReconnectAttempts: -1, timeout: 5000 });
  } catch (e) {
    throw new BusUnreachableError(`cannot reach the bus ${options.url}: ${(e as Error).message}`);
  }
  let jsm: JetStreamManager;
  try {
    jsm = await nc.jetstreamManager({ timeout: 5000 });
  } catch (e) {
    await nc.close();
    throw new BusUnreachableError(`the bus ${options.url} has no JetStream: ${(e as Error).message}`);
  }
  const stream = `${prefix}_events`;
  try {
    await jsm.streams.info(stream);
  } catch (e) {
    if (!isNotFound(e)) throw e;
    await jsm.streams.add({
      name: stream,
      subjects: [`${prefix}.events`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      max_age: nanos(options.maxAgeMs ?? 7 * 24 * 3600_000),
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      num_replicas: 1,
    });
  }
  return new JetStreamBus(nc, jsm, { ...options, prefix, stream });
}

/**
 * Events through a JetStream stream. Every process publishes what it wrote (with the event's key
 * as `Nats-Msg-Id`, so a retried publish is stored once) and reads the whole stream through its
 * own durable consumer, delivering each event to its EventStream with an id made of the stream
 * sequence, then acknowledging it (in order and once each: `InOrderDelivery`). Ids therefore mean the same
 * on every process. At start it reads back from the stream what it has not acknowledged and the
 * last `replay` events, so its ring holds what clients of other processes may resume after.
 */
export class JetStreamBus implements EventBus {
  readonly description: string;
  readonly shared = true;
  readonly #nc: NatsConnection;
  readonly #js: JetStreamClient;
  readonly #jsm: JetStreamManager;
  readonly #stream: string;
  readonly #prefix: string;
  readonly #durable: string;
  readonly #replay: number;
  readonly #sending = new Set<Promise<void>>();
  /** Events published in this turn of the event loop: one message (one commit's report and claims). */
  #batch: { event: BusEvent; key: string }[] = [];
  readonly #batchKeys = new Set<string>();
  #receiver: BusReceiver | undefined;
  #messages: ConsumerMessages | undefined;
  #order: InOrderDelivery | undefined;
  #closed = false;

  constructor(nc: NatsConnection, jsm: JetStreamManager, o: JetStreamBusOptions & { prefix: string; stream: string }) {
    this.#nc = nc;
    this.#jsm = jsm;
    this.#js = nc.jetstream();
    this.#stream = o.stream;
    this.#prefix = o.prefix;
    this.#durable = `${o.prefix}_${o.nodeId}`;
    this.#replay = Math.max(0, o.replay ?? 1000);
    this.description = `${o.url} stream ${o.stream}, consumer ${this.#durable}`;
  }

  /** The stream's name (tests delete it). */
  get streamName(): string {
    return this.#stream;
  }

  publish(event: BusEvent, key: string): void {
    if (this.#closed) {
      process.emitWarning(`event ${key} not published: the bus ${this.description} is closed`);
      return;
    }
    if (this.#batchKeys.has(key)) return;
    this.#batchKeys.add(key);
    this.#batch.push({ event, key });
    if (this.#batch.length === 1) queueMicrotask(() => this.#flush());
    else if (this.#batch.length >= EVENTS_PER_MESSAGE) this.#flush();
  }

  /**
   * One message for the events of this turn: a report and its claims (written in one commit, and
   * emitted together) travel as one, which costs the publisher and every consumer one message
   * instead of one per claim. Its key names the first event and the count.
   */
  #flush(): void {
    if (this.#batch.length === 0) return;
    const batch = this.#batch;
    this.#batch = [];
    this.#batchKeys.clear();
    const payload = JSON.stringify({ events: batch.map((b) => b.event) });
    const sending = this.#send(`${this.#prefix}.events`, payload, `${batch[0]!.key}+${batch.length}`);
    this.#sending.add(sending);
    void sending.finally(() => this.#sending.delete(sending));
  }

  async #send(subject: string, payload: string, key: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#js.publish(subject, payload, { msgID: key, timeout: 5000 });
        return;
      } catch (e) {
        if (attempt >= PUBLISH_ATTEMPTS || this.#nc.isClosed()) {
          process.emitWarning(`event ${key} not published on ${this.description} after ${attempt} attempt(s): ${(e as Error).message}`);
          return;
        }
        // The same Nats-Msg-Id: if the first attempt was stored after all, the stream drops this one.
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
  }

  async subscribe(receiver: BusReceiver): Promise<void> {
    if (this.#receiver) throw new Error('JetStreamBus: one receiver only');
    this.#receiver = receiver;
    const { state } = await this.#jsm.streams.info(this.#stream);
    const consumer = await this.#durableConsumer(state.last_seq);
    // Where this node stopped (everything up to the ack floor reached its EventStream), or, to
    // fill the ring, the last `replay` messages, whichever is older; never before the stream's
    // first, nor so far back that the ring could not hold what is read.
    const resume = consumer.ack_floor.stream_seq + 1;
    const from = Math.max(1, state.first_seq, Math.min(resume, state.last_seq - this.#replay + 1), state.last_seq - MAX_READ_BACK + 1);
    receiver.startAfter(idOf(from - 1, EVENTS_PER_MESSAGE - 1));
    const order = (this.#order = new InOrderDelivery({
      last: from - 1,
      pass: (seq, data) => this.#deliver(seq, data),
      read: (seq) => this.#readOne(seq),
      warn: (message) => process.emitWarning(`${this.#stream}: ${message}`),
    }));
    if (state.messages > 0 && from <= state.last_seq) await this.#readBack(from, state.last_seq);
    // From here on the durable consumer: what it delivers up to last_seq was read back already
    // and is acknowledged without delivering it twice.
    const durable = await this.#js.consumers.get(this.#stream, this.#durable);
    this.#messages = await durable.consume({ max_messages: 1000, callback: (m) => order.offer(m) });
    void this.#watch(this.#messages);
  }

  async #durableConsumer(lastSeq: number): Promise<ConsumerInfo> {
    try {
      return await this.#jsm.consumers.info(this.#stream, this.#durable);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    // A new node starts with what comes next (its ring is filled by the read-back).
    const info = await this.#jsm.consumers.add(this.#stream, {
      durable_name: this.#durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: lastSeq + 1,
      ack_wait: nanos(30_000),
      max_ack_pending: MAX_ACK_PENDING,
    });
    return { ...info, ack_floor: { ...info.ack_floor, stream_seq: Math.max(info.ack_floor.stream_seq, lastSeq) } };
  }

  /** Delivers the stream's events from..to through an ordered (ephemeral) consumer. */
  async #readBack(from: number, to: number): Promise<void> {
    const reader = await this.#js.consumers.get(this.#stream, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from });
    const messages = await reader.consume({ max_messages: 1000 });
    for await (const m of messages) {
      this.#order!.passed(m.seq, m.data);
      // pending 0: nothing after this one (the events up to `to` that are left were discarded).
      if (m.seq >= to || m.info.pending === 0) break;
    }
    await messages.close();
  }

  async #readOne(seq: number): Promise<Uint8Array | undefined> {
    try {
      return (await this.#jsm.streams.getMessage(this.#stream, { seq })).data;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** Hands the events of one message to the receiver; one that is not an event is named and skipped. */
  #deliver(seq: number, data: Uint8Array): void {
    let events: unknown[];
    try {
      const message = JSON.parse(new TextDecoder().decode(data)) as { events?: unknown };
      if (!Array.isArray(message?.events)) throw new Error('no list of events');
      events = message.events;
    } catch (e) {
      process.emitWarning(`message ${seq} of ${this.#stream} skipped: ${(e as Error).message}`);
      return;
    }
    events.slice(0, EVENTS_PER_MESSAGE).forEach((raw, place) => {
      let event: StreamEvent;
      try {
        event = { id: idOf(seq, place), ...parseBusEvent(raw) };
      } catch (e) {
        process.emitWarning(`event ${place} of message ${seq} of ${this.#stream} skipped: ${(e as Error).message}`);
        return;
      }
      this.#receiver?.deliver(event);
    });
  }

  async #watch(messages: ConsumerMessages): Promise<void> {
    for await (const s of await messages.status()) {
      if (s.type === 'consumer_deleted' || s.type === 'consumer_not_found' || s.type === 'stream_not_found') {
        process.emitWarning(`bus ${this.description}: ${s.type}; events wait until it is back`);
      }
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#flush();
    this.#closed = true;
    this.#order?.stop();
    this.#messages?.stop();
    await Promise.race([Promise.allSettled([...this.#sending]), new Promise((r) => setTimeout(r, 5000).unref())]);
    // drain: the acknowledgements and publications still buffered go out before the connection closes.
    await this.#nc.drain().catch(() => undefined);
  }
}

/** One event of a message as an event without its id; throws naming what is wrong. */
export function parseBusEvent(value: unknown): BusEvent {
  const v = value as Partial<BusEvent> | null;
  if (v === null || typeof v !== 'object') throw new Error('not a JSON object');
  if (!STREAM_EVENT_TYPES.includes(v.type as never)) throw new Error(`unknown type ${JSON.stringify(v.type)}`);
  if (v.data === null || typeof v.data !== 'object') throw new Error('no data object');
  const a = v.access as Record<string, unknown> | undefined;
  const marking = a?.['marking'] as Record<string, unknown> | undefined;
  // A marking the policy can read whole, or a scope: an event missing either reaches nobody.
  const wholeMarking =
    marking !== null &&
    typeof marking === 'object' &&
    ['classification', 'owner', 'tlp'].every((k) => typeof marking[k] === 'string') &&
    Array.isArray(marking['releasableTo']) &&
    (marking['releasableTo'] as unknown[]).every((r) => typeof r === 'string');
  if (!wholeMarking && typeof a?.['scope'] !== 'string') throw new Error('no access (a whole marking, or a scope)');
  return v as BusEvent;
}

function isNotFound(e: unknown): boolean {
  return (e as NatsError).api_error?.code === 404;
}
