import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Viewer } from '../../domain/viewer.js';
import type { EventStream, StreamEvent } from '../../share/event-stream.js';
import { viewerScope } from '../../store/viewer-scope.js';
import { writeAudit } from '../audit-hook.js';
import { viewerOf, type ServerContext } from '../context.js';

/** A subscriber whose unsent output grows beyond this is too slow to follow: it is dropped (it may resume). */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;
const KEEP_ALIVE_MS = 15_000;
/**
 * Least time between two flushes (ms; $PARALLAX_STREAM_FLUSH_MS, default 0: flush after every
 * round of I/O). A gap trades latency for fewer socket writes when many reports arrive per second.
 */
const FLUSH_GAP_MS = Math.max(0, Number(process.env['PARALLAX_STREAM_FLUSH_MS'] ?? 0) || 0);

const frames = new WeakMap<StreamEvent, string>();

/** The SSE frame of an event, built once however many subscribers receive it. */
export function frameOf(e: StreamEvent): string {
  let f = frames.get(e);
  if (f === undefined) frames.set(e, (f = `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ id: e.id, ...e.data })}\n\n`));
  return f;
}

const EVENT_ID = { type: 'string', pattern: '^[0-9]{1,16}$' } as const;

/**
 * `GET /stream`: Server-Sent Events (report, claim, conflict, alert), each subscriber receiving only
 * what it may see. With Last-Event-ID (header, or `lastEventId` for clients that cannot set
 * headers) the events since are replayed first from the server's ring; when some are no longer
 * kept a `reset` event says so. `follow=false` sends the replay and closes (polling, tests).
 */
export async function streamRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const groups = new ScopeGroups(ctx.stream);
  const keepAlive = setInterval(() => groups.writeAll(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  app.addHook('preClose', async () => {
    clearInterval(keepAlive);
    groups.endAll();
  });

  app.get<{ Querystring: { lastEventId?: string; follow: boolean }; Headers: { 'last-event-id'?: string } }>(
    '/stream',
    {
      schema: {
        summary: 'Live events (report, claim, conflict, alert) the caller may see, as Server-Sent Events; resumable with Last-Event-ID',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { lastEventId: EVENT_ID, follow: { type: 'boolean', default: true } },
        },
        headers: { type: 'object', properties: { 'last-event-id': EVENT_ID } },
        response: { 200: { description: 'text/event-stream: `id`, `event` (report, claim, conflict, alert, reset) and JSON `data` per event', type: 'string' } },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const last = request.headers['last-event-id'] ?? request.query.lastEventId;
      request.audited = true;
      await writeAudit(ctx.store, request, 200, last === undefined ? null : `from event ${last}`);
      // An id from another process on the bus may not have reached this one yet: wait for it a little.
      if (last !== undefined) await ctx.stream.reached(Number(last));
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      // Replay and subscribe in the same tick: no event can fall between the two.
      let head = 'retry: 2000\n\n';
      if (last !== undefined) {
        const { events, complete } = ctx.stream.since(viewer, Number(last));
        if (!complete) head += `event: reset\ndata: ${JSON.stringify({ detail: `events after ${last} are no longer kept; read the lists again` })}\n\n`;
        for (const e of events) head += frameOf(e);
      }
      if (!request.query.follow) {
        res.end(head);
        return;
      }
      res.write(head);
      const leave = groups.join(viewer, res);
      res.on('close', leave);
    },
  );
}

interface Group {
  responses: Set<ServerResponse>;
  /** Frames not yet written, the same for every response of the group. */
  frames: string;
  unsubscribe: () => void;
}

/**
 * Subscribers grouped by viewer scope: the viewers of one scope receive the same events, so the
 * group subscribes to the stream once, its frames are joined and encoded once, and the same
 * bytes are written to each of its sockets. Frames wait until the current round of I/O ends
 * (setImmediate), so the events of one report, or of several reports written in one round under
 * load, leave in one write per socket.
 */
class ScopeGroups {
  readonly #groups = new Map<string, Group>();
  readonly #dirty = new Set<Group>();
  readonly #stream: EventStream;

  constructor(stream: EventStream) {
    this.#stream = stream;
  }

  join(viewer: Viewer, res: ServerResponse): () => void {
    const key = viewerScope(viewer);
    let group = this.#groups.get(key);
    if (!group) {
      const g: Group = { responses: new Set(), frames: '', unsubscribe: () => {} };
      g.unsubscribe = this.#stream.subscribe({
        viewer,
        send: (e) => {
          if (this.#dirty.size === 0) this.#schedule();
          this.#dirty.add(g);
          g.frames += frameOf(e);
        },
      });
      this.#groups.set(key, (group = g));
    }
    // Frames already waiting predate this subscriber (its replay has them): send them without it.
    if (group.frames !== '') this.#flushGroup(group);
    group.responses.add(res);
    const g = group;
    return () => {
      g.responses.delete(res);
      if (g.responses.size === 0 && this.#groups.get(key) === g) {
        g.unsubscribe();
        this.#groups.delete(key);
        this.#dirty.delete(g);
      }
    };
  }

  #lastFlush = 0;

  /** Flush after this round of I/O, but no sooner than FLUSH_GAP_MS after the last flush. */
  #schedule(): void {
    const wait = this.#lastFlush + FLUSH_GAP_MS - performance.now();
    if (wait <= 0) setImmediate(() => this.flush());
    else setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    this.#lastFlush = performance.now();
    for (const g of this.#dirty) this.#flushGroup(g);
    this.#dirty.clear();
  }

  writeAll(text: string): void {
    for (const g of this.#groups.values()) for (const res of g.responses) write(res, text);
  }

  endAll(): void {
    for (const g of this.#groups.values()) for (const res of g.responses) res.end();
  }

  #flushGroup(g: Group): void {
    if (g.frames === '') return;
    const bytes = Buffer.from(g.frames, 'utf8');
    g.frames = '';
    for (const res of g.responses) write(res, bytes);
  }
}

function write(res: ServerResponse, data: string | Buffer): void {
  if (res.destroyed || res.writableEnded) return;
  res.write(data);
  // Too slow to follow: drop it rather than hold its backlog (it resumes with Last-Event-ID).
  if (res.writableLength > MAX_PENDING_BYTES) res.destroy();
}
