import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { StreamEvent } from '../../share/event-stream.js';
import { writeAudit } from '../audit-hook.js';
import { viewerOf, type ServerContext } from '../context.js';

/** A subscriber whose unsent output grows beyond this is too slow to follow: it is dropped (it may resume). */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;
const KEEP_ALIVE_MS = 15_000;

const frames = new WeakMap<StreamEvent, string>();

/** The SSE frame of an event, built once however many subscribers receive it. */
export function frameOf(e: StreamEvent): string {
  let f = frames.get(e);
  if (f === undefined) frames.set(e, (f = `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ id: e.id, ...e.data })}\n\n`));
  return f;
}

const EVENT_ID = { type: 'string', pattern: '^[0-9]{1,16}$' } as const;

/**
 * `GET /stream`: Server-Sent Events (report, claim, conflict), each subscriber receiving only
 * what it may see. With Last-Event-ID (header, or `lastEventId` for clients that cannot set
 * headers) the events since are replayed first from the server's ring; when some are no longer
 * kept a `reset` event says so. `follow=false` sends the replay and closes (polling, tests).
 */
export async function streamRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const open = new Set<ServerResponse>();
  const keepAlive = setInterval(() => {
    for (const res of open) res.write(': keep-alive\n\n');
  }, KEEP_ALIVE_MS);
  keepAlive.unref();
  app.addHook('preClose', async () => {
    clearInterval(keepAlive);
    for (const res of open) res.end();
  });

  app.get<{ Querystring: { lastEventId?: string; follow: boolean }; Headers: { 'last-event-id'?: string } }>(
    '/stream',
    {
      schema: {
        summary: 'Live events (report, claim, conflict) the caller may see, as Server-Sent Events; resumable with Last-Event-ID',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { lastEventId: EVENT_ID, follow: { type: 'boolean', default: true } },
        },
        headers: { type: 'object', properties: { 'last-event-id': EVENT_ID } },
        response: { 200: { description: 'text/event-stream: `id`, `event` (report, claim, conflict, reset) and JSON `data` per event', type: 'string' } },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const last = request.headers['last-event-id'] ?? request.query.lastEventId;
      request.audited = true;
      await writeAudit(ctx.store, request, 200, last === undefined ? null : `from event ${last}`);
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
      open.add(res);
      const unsubscribe = ctx.stream.subscribe({
        viewer,
        send(e) {
          res.write(frameOf(e));
          if (res.writableLength > MAX_PENDING_BYTES) res.destroy();
        },
      });
      res.on('close', () => {
        unsubscribe();
        open.delete(res);
      });
    },
  );
}
