import { FEDERATION_SPEC, type WirePush, type WirePushResult } from '../share/federation.js';

/** A peer answered with an error status, or not as a Parallax peer: the message says which. */
export class PeerError extends Error {
  constructor(
    message: string,
    /** The HTTP status, when the peer answered at all. */
    readonly status: number | null = null,
    /** The problem document's itemised errors (`where`: `body.reports.3.document.title`), if any. */
    readonly errors: readonly { where: string; problem: string }[] = [],
  ) {
    super(message);
  }
}

/**
 * The calls one instance makes to a peer's API (Node's own fetch): learn its instance id, push
 * reports. Every call has a time limit and can be aborted (the federation loop stopping).
 */
export class PeerClient {
  readonly #base: string;
  readonly #token: string;
  readonly #timeoutMs: number;

  constructor(url: string, token: string, options: { timeoutMs?: number } = {}) {
    this.#base = url.endsWith('/') ? url : `${url}/`;
    this.#token = token;
    this.#timeoutMs = options.timeoutMs ?? 60_000;
  }

  async instance(signal?: AbortSignal): Promise<string> {
    const body = (await this.#call('GET', 'api/v1/federation/instance', undefined, signal)) as { instance?: unknown };
    if (typeof body.instance !== 'string') throw new PeerError(`${this.#base} answered without an instance id: is it a Parallax instance?`);
    return body.instance;
  }

  async push(push: WirePush, signal?: AbortSignal): Promise<WirePushResult> {
    const body = (await this.#call('POST', 'api/v1/federation/reports', push, signal)) as Partial<WirePushResult>;
    if (body.spec !== FEDERATION_SPEC || typeof body.instance !== 'string' || !Array.isArray(body.receipts) || body.receipts.length !== push.reports.length) {
      throw new PeerError(`${this.#base} answered the push without one receipt per report (${FEDERATION_SPEC})`);
    }
    return body as WirePushResult;
  }

  async #call(method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    const url = new URL(path, this.#base);
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${this.#token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new PeerError(`${method} ${url.href}: ${cause?.code ?? cause?.message ?? (e as Error).message}`);
    }
    const text = await response.text();
    if (!response.ok) {
      let detail = text.slice(0, 300);
      let errors: { where: string; problem: string }[] = [];
      try {
        const problem = JSON.parse(text) as { detail?: string; errors?: { where: string; problem: string }[] };
        detail = problem.detail ?? detail;
        errors = Array.isArray(problem.errors) ? problem.errors : [];
      } catch {
        // not a problem document: the start of the body says enough
      }
      throw new PeerError(`${method} ${url.href}: ${response.status} ${detail}`, response.status, errors);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new PeerError(`${method} ${url.href}: the answer is not JSON`);
    }
  }
}
