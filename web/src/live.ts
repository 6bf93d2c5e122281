import { API, authHeaders } from './api.js';

export interface LiveEvent {
  id: string;
  type: 'report' | 'claim' | 'conflict' | 'alert' | 'reset';
  data: Record<string, unknown>;
}

type Listener = (e: LiveEvent) => void;

/**
 * The live stream (`GET /api/v1/stream`, Server-Sent Events) read with fetch rather than
 * EventSource, which cannot send headers: the token goes in the Authorization header as on
 * every other call, never in a URL (where logs and history would keep it). Reconnects after a
 * drop and resumes with Last-Event-ID, so no event the partner may see is lost.
 */
export class LiveStream {
  readonly #listeners = new Set<Listener>();
  #abort: AbortController | null = null;
  #lastId: string | null = null;
  #retryMs = 2000;
  connected = false;
  onState: (connected: boolean) => void = () => {};

  on(f: Listener): () => void {
    this.#listeners.add(f);
    return () => this.#listeners.delete(f);
  }

  start(): void {
    if (this.#abort) return;
    const abort = new AbortController();
    this.#abort = abort;
    void this.#run(abort.signal);
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#setConnected(false);
  }

  async #run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const headers: Record<string, string> = { ...authHeaders(), accept: 'text/event-stream' };
        if (this.#lastId !== null) headers['last-event-id'] = this.#lastId;
        const r = await fetch(`${API}/stream`, { headers, signal, cache: 'no-store' });
        if (r.status === 401) return this.#setConnected(false);
        if (!r.ok || !r.body) throw new Error(`stream answered ${r.status}`);
        this.#setConnected(true);
        await this.#read(r.body, signal);
      } catch {
        if (signal.aborted) return;
      }
      this.#setConnected(false);
      await new Promise((resolve) => setTimeout(resolve, this.#retryMs));
    }
  }

  async #read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const reader = body.pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
    signal.addEventListener('abort', () => void reader.cancel(), { once: true });
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        this.#frame(frame);
      }
    }
  }

  #frame(frame: string): void {
    let id: string | null = null;
    let type = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'retry' && /^\d+$/.test(value)) this.#retryMs = Number(value);
    }
    if (data.length === 0) return;
    if (id !== null) this.#lastId = id;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(data.join('\n')) as Record<string, unknown>;
    } catch {
      return;
    }
    const e = { id: id ?? '', type: type as LiveEvent['type'], data: parsed };
    for (const f of this.#listeners) f(e);
  }

  #setConnected(c: boolean): void {
    if (this.connected === c) return;
    this.connected = c;
    this.onState(c);
  }
}
