import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { DEFAULT_CLASSIFICATIONS } from '../domain/marking.js';
import { EventSweep, RepeatFilter } from './event-sweep.js';
import { InProcessBus, type BusEvent, type EventBus } from '../share/event-bus.js';
import { EventStream } from '../share/event-stream.js';
import type { StoreEvent } from '../store/store-event.js';
import type { Store } from '../store/store.js';
import { viewerScope } from '../store/viewer-scope.js';
import { analyseInProcess, AnalysisCache } from './analysis-cache.js';
import { analysisWorker } from './analysis-worker.js';
import { auditRequests } from './audit-hook.js';
import { authenticate } from './auth.js';
import { ConflictWatch } from './conflict-watch.js';
import type { ServerContext } from './context.js';
import { openApiDocument, routeRecorder, type RegisteredRoute } from './openapi.js';
import { handleError, sendProblem } from './problem.js';
import { analysisRoutes } from './routes/analysis.js';
import { claimRoutes } from './routes/claims.js';
import { federationRoutes } from './routes/federation.js';
import { meRoutes } from './routes/me.js';
import { mispRoutes } from './routes/misp.js';
import { reportRoutes } from './routes/reports.js';
import { streamRoutes } from './routes/stream.js';
import { adminRoutes } from './routes/admin.js';
import { workspaceRoutes } from './routes/workspace.js';
import { isWebRequest, webStatic } from './web-static.js';
import { stixRoutes } from './routes/stix.js';
import { objectOf } from './schemas.js';
import { TAXII_PREFIX, taxiiRoutes } from './taxii/plugin.js';

export interface ServerOptions {
  store: Store;
  classificationOrder?: readonly string[];
  /** Largest request body in bytes (default 4 MiB). */
  bodyLimit?: number;
  /** Recent events kept for resuming streams (default 10,000). */
  streamCapacity?: number;
  /** After a report is written, wait this long (ms) before looking for new conflicts (default 30,000; negative: never). */
  conflictDelayMs?: number;
  /**
   * Where the store is (a SQLite file or a postgres:// URL): analyses then run in a worker thread
   * with its own connection, off the thread that answers requests and streams (`parallax serve`
   * gives it). Without it they run in process (tests, small stores).
   */
  analysisWorkerStore?: string;
  /**
   * How events reach the streams (default in process). The server subscribes its EventStream to
   * it and closes it when it closes. A shared bus (JetStream) carries every event of every
   * process on the same database, numbered the same everywhere.
   */
  bus?: EventBus;
  /** With a shared bus: how long a client resuming after an id not received here yet waits for it (ms, default 2,000). */
  aheadWaitMs?: number;
  /**
   * How often the store is read for reports no event announced (written by another program, or by
   * a process that died before publishing): ms, default 2,000; 0 turns it off. `sweepGraceMs`
   * is how long a report's own writer has to publish first (default 2,000; 15,000 on a shared bus).
   */
  sweepEveryMs?: number;
  sweepGraceMs?: number;
  logger?: boolean;
  /** The built workspace (dist/web): served at `/` without a token, since its files hold no data. */
  webRoot?: string;
  /** Called for every route as it is registered (tests compare them with the OpenAPI document). */
  onRoute?: (route: RegisteredRoute) => void;
}

export const API_PREFIX = '/api/v1';

/**
 * The HTTP API as one fastify instance of encapsulated plugins: the auth hook (every request
 * gets `request.viewer`, or 401) and the audit hook apply to the whole server; one plugin per
 * resource under /api/v1; schema-first routes, the OpenAPI document generated from the schemas;
 * every error a problem document. The server opens no socket: `listen` is the caller's (serve),
 * and tests use `inject`.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const classificationOrder = options.classificationOrder ?? DEFAULT_CLASSIFICATIONS;
  const bus = options.bus ?? new InProcessBus();
  const stream = new EventStream({
    classificationOrder,
    capacity: options.streamCapacity ?? 10_000,
    aheadWaitMs: bus.shared ? (options.aheadWaitMs ?? 2000) : 0,
  });
  const worker = options.analysisWorkerStore === undefined ? undefined : analysisWorker(options.analysisWorkerStore, classificationOrder);
  const analyses = new AnalysisCache(worker?.analyse ?? analyseInProcess(store), {
    onAlerts(viewer, alerts) {
      // Every alert of analysis goes out to the scope it was computed for: a new conflict as a
      // `conflict` event, a best estimate that moved as an `alert` event. The store records an
      // alert once whichever process analyses (a revision check), so it is published once; its
      // id is its key.
      for (const a of alerts) {
        const access = { scope: viewerScope(viewer) };
        if (a.kind === 'new-conflict') {
          bus.publish(
            { type: 'conflict', data: { alertId: a.id, conflictId: a.conflictId, propositionId: a.propositionId, what: a.what, why: a.why }, access },
            `alert-${a.id}`,
          );
        } else {
          bus.publish({ type: 'alert', data: { alertId: a.id, kind: a.kind, propositionId: a.propositionId, what: a.what, why: a.why }, access }, `alert-${a.id}`);
        }
      }
    },
  });
  const ctx: ServerContext = { store, classificationOrder, stream, analyses };

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 4 * 1024 * 1024,
    exposeHeadRoutes: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true, useDefaults: true } },
  });
  const recorder = routeRecorder();
  app.addHook('onRoute', (r) => {
    if ((r.schema as { hide?: boolean } | undefined)?.hide) return; // the workspace's files are not API
    const before = recorder.routes.length;
    recorder.onRoute(r);
    for (const route of recorder.routes.slice(before)) options.onRoute?.(route);
  });
  app.decorateRequest('viewer', null);
  app.decorateRequest('auditIds', null as unknown as string[]);
  app.decorateRequest('audited', false);
  app.addHook('onRequest', async (request) => {
    request.auditIds = [];
  });
  const auth = authenticate(store);
  app.addHook('onRequest', async (request, reply) => {
    if (options.webRoot !== undefined && isWebRequest(request)) return;
    await auth(request, reply);
  });
  app.addHook('onResponse', auditRequests(store));
  // JSON bodies only: anything else is refused as 415 rather than half-understood.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, `no route ${request.method} ${request.url.split('?')[0]}`));

  const conflicts = new ConflictWatch(stream, analyses, options.conflictDelayMs ?? 30_000);
  // What this process writes goes on the bus; what the bus delivers (this process's events and
  // other processes') goes to the stream. A report from elsewhere also makes the analyses stale.
  const publish = (e: StoreEvent) => {
    const published = busEventOf(e);
    if (published) bus.publish(published.event, published.key);
  };
  // On a shared bus another process hears of a report only when the bus delivers it, which under
  // load can take seconds: its sweep waits longer before speaking for the writer.
  const sweepEveryMs = options.sweepEveryMs ?? 2000;
  const sweep =
    sweepEveryMs > 0
      ? new EventSweep(store, publish, {
          everyMs: sweepEveryMs,
          graceMs: options.sweepGraceMs ?? (bus.shared ? 15_000 : 2000),
          lookBackMs: bus.shared ? 60_000 : 0,
        })
      : undefined;
  const repeats = new RepeatFilter();
  const unsubscribe = store.onEvent((e) => {
    analyses.invalidate();
    if (e.kind === 'report.ingested' || e.kind === 'report.replaced') sweep?.announced(e.reportId);
    publish(e);
  });
  try {
    await bus.subscribe({
      startAfter: (id) => stream.startAfter(id),
      deliver(e) {
        if (repeats.repeats(e.type, e.data)) return;
        if (e.type === 'report' && typeof e.data['reportId'] === 'number') sweep?.announced(e.data['reportId']);
        if (!stream.deliver(e) || (e.type !== 'report' && e.type !== 'claim')) return;
        if (e.type === 'report') analyses.invalidate();
        conflicts.written();
      },
    });
  } catch (e) {
    unsubscribe();
    await bus.close();
    await worker?.close();
    throw e;
  }
  sweep?.start();
  app.addHook('onClose', async () => {
    unsubscribe();
    await sweep?.stop();
    conflicts.stop();
    await bus.close();
    await worker?.close();
  });

  await app.register(
    async (api) => {
      await api.register(reportRoutes, ctx);
      await api.register(claimRoutes, ctx);
      await api.register(analysisRoutes, ctx);
      await api.register(streamRoutes, ctx);
      await api.register(stixRoutes, ctx);
      await api.register(meRoutes);
      await api.register(federationRoutes, ctx);
      await api.register(mispRoutes, ctx);
      await api.register(workspaceRoutes, ctx);
      await api.register(adminRoutes, ctx);
    },
    { prefix: API_PREFIX },
  );
  if (options.webRoot !== undefined) await app.register(webStatic, { root: options.webRoot });

  // TAXII 2.1 (its own media type and error resources; the same tokens and the same reads).
  await app.register(taxiiRoutes, { prefix: TAXII_PREFIX, ...ctx, bodyLimit: options.bodyLimit ?? 4 * 1024 * 1024 });

  let document: Record<string, unknown> | undefined;
  app.get('/api/openapi.json', { schema: { summary: 'This OpenAPI document', response: { 200: objectOf('OpenAPI 3.1') } } }, async () => {
    document ??= openApiDocument(recorder.routes, { version: packageVersion() });
    return document;
  });
  return app;
}

/** A store event as a bus event (with the report's marking) and its key; undefined for those the stream does not carry. */
function busEventOf(e: StoreEvent): { event: BusEvent; key: string } | undefined {
  switch (e.kind) {
    case 'report.ingested':
      return {
        event: { type: 'report', data: { reportId: e.reportId, origin: e.origin, claims: e.claims, entities: e.entities, marking: e.marking }, access: { marking: e.marking } },
        key: `report-${e.reportId}-ingested`,
      };
    case 'report.replaced':
      return {
        event: { type: 'report', data: { reportId: e.reportId, replaces: e.replacedId, origin: e.origin, marking: e.marking }, access: { marking: e.marking } },
        key: `report-${e.reportId}-replaces-${e.replacedId}`,
      };
    case 'claim.created':
      return { event: { type: 'claim', data: { claimId: e.claimId, reportId: e.reportId }, access: { marking: e.marking } }, key: `claim-${e.claimId}` };
    default:
      return undefined;
  }
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
