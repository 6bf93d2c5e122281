import { LOCAL_ADMIN, partnerReader, type Viewer } from '../domain/viewer.js';
import { backoffDelay, FEDERATION_SPEC, isDelivered, publicKeyOf, toWire, type WireReceipt, type WireReport } from '../share/federation.js';
import type { KeyRotation, Peer, Store } from '../store/store.js';
import { PeerClient, PeerError } from './peer-client.js';

export interface FederationOptions {
  store: Store;
  /** How often peers are re-read and pushed to without a local event (writes of other processes), ms. Default 2,000. */
  pollMs?: number;
  /** Reports per push (default 100) and their text at most (default 4,000,000 characters; one report at least). */
  batchSize?: number;
  maxBatchChars?: number;
  /** Backoff against a peer that fails: from retryMinMs (default 500) doubling to retryMaxMs (default 60,000). */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** A report the peer fails to store (not refuses) this many pushes in a row is skipped, and logged (default 5). */
  maxFailedAttempts?: number;
  /** Per-request time limit, ms (default 60,000). */
  timeoutMs?: number;
  /** Where failures, recoveries and refusals are told (a line each). */
  log?: (line: string) => void;
}

/**
 * The sending side of federation, run by `parallax serve`: one pusher per peer, each sending the
 * reports its peer's partner may see, oldest first after the peer's persisted cursor. A pusher
 * wakes on every local write (and every `pollMs`); a peer that is down is retried with backoff
 * and catches up from its cursor when it returns. The peer stores each version once, so a push
 * repeated after a lost answer duplicates nothing.
 */
export class Federation {
  readonly #options: FederationOptions;
  readonly #pushers = new Map<number, PeerPusher>();
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;
  #syncing: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(options: FederationOptions) {
    this.#options = options;
  }

  /** Starts pushing to the peers in the store, and to peers added later. */
  async start(): Promise<void> {
    this.#unsubscribe = this.#options.store.onEvent((e) => {
      if (e.kind === 'report.ingested' || e.kind === 'report.replaced') this.wake();
    });
    await this.#sync();
    this.#timer = setInterval(() => void this.#sync(), this.#options.pollMs ?? 2000);
    this.#timer.unref();
  }

  /** Something was written (by another connection to the store): every pusher looks again. */
  wake(): void {
    for (const p of this.#pushers.values()) p.wake();
  }

  /** Peers pushed to now. */
  get peers(): number {
    return this.#pushers.size;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#unsubscribe?.();
    await this.#syncing;
    await Promise.all([...this.#pushers.values()].map((p) => p.stop()));
    this.#pushers.clear();
  }

  /** Peers added start, peers removed stop, the others are nudged (writes of other processes). */
  #sync(): Promise<void> {
    this.#syncing = this.#syncing.then(async () => {
      if (this.#stopped) return;
      let peers: Peer[];
      try {
        peers = await this.#options.store.listPeers(LOCAL_ADMIN);
      } catch (e) {
        this.#options.log?.(`parallax federation: cannot read the peers: ${(e as Error).message}`);
        return;
      }
      const ids = new Set(peers.map((p) => p.id));
      for (const [id, pusher] of this.#pushers) {
        if (!ids.has(id)) {
          this.#pushers.delete(id);
          await pusher.stop();
        }
      }
      for (const peer of peers) {
        const known = this.#pushers.get(peer.id);
        if (known) known.wake();
        else {
          const pusher = new PeerPusher(peer, this.#options);
          this.#pushers.set(peer.id, pusher);
          pusher.start();
        }
      }
    });
    return this.#syncing;
  }
}

/** Pushes to one peer until stopped. */
class PeerPusher {
  readonly #peerId: number;
  readonly #label: string;
  readonly #o: FederationOptions;
  readonly #abort = new AbortController();
  #done: Promise<void> = Promise.resolve();
  #stopped = false;
  /** Set by wake(): there may be something new to send. */
  #dirty = true;
  #waiter: (() => void) | undefined;
  #failures = 0;
  /** After a push too large for the peer: one report at a time until one goes through. */
  #singly = false;
  /** The report the peer last failed to store, and how many pushes in a row it failed. */
  #stuck = { id: 0, attempts: 0 };

  constructor(peer: Peer, options: FederationOptions) {
    this.#peerId = peer.id;
    this.#label = `peer ${peer.id} (${peer.url})`;
    this.#o = options;
  }

  start(): void {
    this.#done = this.#run();
  }

  wake(): void {
    this.#dirty = true;
    this.#waiter?.();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#abort.abort();
    this.#waiter?.();
    await this.#done;
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      let more: boolean;
      try {
        more = await this.#pushOnce();
      } catch (e) {
        if (this.#stopped) break;
        this.#failures++;
        const message = (e as Error).message;
        if (this.#failures === 1) this.#o.log?.(`parallax federation: ${this.#label}: ${message}; retrying with backoff`);
        await this.#o.store.recordPeerProgress(LOCAL_ADMIN, this.#peerId, { error: message }).catch(() => undefined);
        // Not cut short by local writes: the peer is what is failing.
        await this.#sleep(backoffDelay(this.#failures, this.#o.retryMinMs ?? 500, this.#o.retryMaxMs ?? 60_000, Math.random()), false);
        continue;
      }
      if (this.#failures > 0) this.#o.log?.(`parallax federation: ${this.#label}: reachable again after ${this.#failures} failed attempt(s)`);
      this.#failures = 0;
      if (!more) await this.#sleep(this.#o.pollMs ?? 2000, true);
    }
  }

  /** One push; true when there may be more to send right away. */
  async #pushOnce(): Promise<boolean> {
    this.#dirty = false;
    const { store } = this.#o;
    const peer = (await store.listPeers(LOCAL_ADMIN)).find((p) => p.id === this.#peerId);
    if (!peer) {
      this.#stopped = true;
      return false;
    }
    const client = new PeerClient(peer.url, peer.token, this.#o.timeoutMs === undefined ? {} : { timeoutMs: this.#o.timeoutMs });
    const signal = this.#abort.signal;
    const own = await store.instanceId();
    let peerInstance = peer.peerInstance;
    if (peerInstance === null) {
      peerInstance = await client.instance(signal);
      if (peerInstance === own) throw new Error('the peer URL leads back to this instance');
      await store.recordPeerProgress(LOCAL_ADMIN, peer.id, { peerInstance });
    }
    const viewer = await this.#viewerOf(peer);
    const batch = await store.listOutgoingReports(viewer, {
      afterId: peer.cursor,
      limit: this.#singly ? 1 : this.#o.batchSize ?? 100,
      maxChars: this.#o.maxBatchChars ?? 4_000_000,
      exceptInstance: peerInstance,
    });
    if (batch.length === 0) {
      if (this.#failures > 0 || peer.lastOkAt === null || peer.lastError !== null) await store.recordPeerProgress(LOCAL_ADMIN, peer.id, { error: null });
      return false;
    }
    const signingKey = await store.instanceSigningKey();
    const reports = batch.map((r) => toWire(r, own, signingKey));
    // This instance's key, and the keys pinned here for the origins of what is relayed.
    const keys = Object.fromEntries(await store.instanceKeys(reports.map((r) => r.provenance.instance)));
    keys[own] = publicKeyOf(signingKey);
    // And the statements of key rotation kept for them, so that peers' pins follow.
    const rotations = await store.keyRotations([own, ...Object.keys(keys)]);
    const receipts = await this.#push(client, reports, keys, rotations, own, peerInstance, peer.url);
    let cursor = peer.cursor;
    let sent = 0;
    let refused = 0;
    let failure: string | null = null;
    for (const [i, report] of batch.entries()) {
      const receipt = receipts[i]!;
      if (isDelivered(receipt.status)) {
        sent++;
      } else if (receipt.status === 'refused' || this.#failedTooOften(report.id)) {
        // Refused for good (or failing every time): logged, counted, and the push goes on.
        refused++;
        this.#o.log?.(`parallax federation: ${this.#label} ${receipt.status === 'refused' ? 'refused' : 'keeps failing to store'} report #${report.id}: ${receipt.problem ?? 'no reason given'}`);
      } else {
        failure = `the peer could not store report #${report.id}: ${receipt.problem ?? 'no reason given'}`;
        break;
      }
      cursor = report.cursor;
    }
    await store.recordPeerProgress(LOCAL_ADMIN, peer.id, { cursor, sent, refused, ...(failure === null ? { error: null } : {}) });
    if (failure !== null) throw new Error(failure);
    this.#singly = false;
    return true;
  }

  /**
   * Pushes reports; one receipt each. One report the peer's validation refuses must not hold the
   * others back: a 400 naming reports (`body.reports.N…`) refuses those and sends the rest again;
   * a body too large is sent one report at a time, and a single report too large is refused.
   * Anything else (the peer down, a token refused, an answer of another shape) is thrown: retried.
   */
  async #push(
    client: PeerClient,
    reports: WireReport[],
    keys: Record<string, string>,
    rotations: KeyRotation[],
    own: string,
    peerInstance: string,
    url: string,
  ): Promise<WireReceipt[]> {
    const receipts: (WireReceipt | undefined)[] = new Array(reports.length);
    let pending = reports.map((_, i) => i);
    for (let attempt = 0; pending.length > 0; attempt++) {
      try {
        const result = await client.push(
          { spec: FEDERATION_SPEC, from: own, reports: pending.map((i) => reports[i]!), keys, ...(rotations.length > 0 ? { rotations } : {}) },
          this.#abort.signal,
        );
        if (result.instance !== peerInstance) {
          throw new Error(`${url} is now instance ${result.instance}, not ${peerInstance}: remove the peer and add it again`);
        }
        pending.forEach((i, k) => (receipts[i] = result.receipts[k]!));
        pending = [];
      } catch (e) {
        if (!(e instanceof PeerError)) throw e;
        const refuse = (i: number, problem: string) => {
          const r = reports[i]!;
          receipts[i] = { instance: r.provenance.instance, reportId: r.provenance.reportId, status: 'refused', localId: null, problem };
        };
        if (e.status === 413) {
          if (pending.length > 1) {
            this.#singly = true;
            throw e;
          }
          refuse(pending[0]!, 'too large for the peer');
          pending = [];
          continue;
        }
        const named = e.status === 400 && attempt === 0 ? problemsByReport(e.errors, pending) : undefined;
        if (named === undefined) throw e;
        for (const [i, problem] of named) refuse(i, problem);
        pending = pending.filter((i) => !named.has(i));
      }
    }
    return receipts as WireReceipt[];
  }

  /** The viewer the peer reads as: its partner, with the clearance and communities it has here. */
  async #viewerOf(peer: Peer): Promise<Viewer> {
    const partner = (await this.#o.store.listPartners(LOCAL_ADMIN)).find((p) => p.id === peer.partnerId);
    if (!partner) throw new Error(`partner ${peer.partnerId} is not known here any more`);
    return partnerReader(partner);
  }

  #failedTooOften(reportId: number): boolean {
    this.#stuck = this.#stuck.id === reportId ? { id: reportId, attempts: this.#stuck.attempts + 1 } : { id: reportId, attempts: 1 };
    return this.#stuck.attempts >= (this.#o.maxFailedAttempts ?? 5);
  }

  /** Waits `ms`, or less when stopped (or, if `wakeable`, when woken). */
  #sleep(ms: number, wakeable: boolean): Promise<void> {
    if (this.#stopped || (wakeable && this.#dirty)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiter = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#waiter = wakeable ? done : () => (this.#stopped ? done() : undefined);
    });
  }
}

/**
 * The problems of a 400 by report (index into `sent`, the indices of the reports in the push), when
 * every problem names one (`body.reports.N…`); undefined when any concerns the push as a whole.
 */
function problemsByReport(errors: readonly { where: string; problem: string }[], sent: readonly number[]): Map<number, string> | undefined {
  const out = new Map<number, string>();
  for (const e of errors) {
    const m = /^body\.reports\.(\d+)(\.(.*))?$/.exec(e.where);
    const i = m ? sent[Number(m[1])] : undefined;
    if (i === undefined) return undefined;
    const problem = `${m![3] ?? 'report'} ${e.problem}`;
    out.set(i, out.has(i) ? `${out.get(i)}; ${problem}` : problem);
  }
  return out.size > 0 ? out : undefined;
}
