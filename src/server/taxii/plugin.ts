import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { importBundle } from '../../interop/stix/import.js';
import { markingFor } from '../../share/marking-input.js';
import { viewerOf, type ServerContext } from '../context.js';
import { HttpProblem } from '../problem.js';
import { collectionResource, collectionsFor, findCollection, type TaxiiCollection } from './collections.js';
import { acceptsTaxii, isTaxiiContentType, parseTimestamp, STIX_MEDIA, TAXII_MEDIA, taxiiError, taxiiTimestamp } from './media.js';
import { NextError, readPage, type Item, type ObjectQuery, type VersionFilter } from './objects.js';
import { StatusBoard } from './status.js';

/**
 * TAXII 2.1 under /taxii2/: discovery, one API root (/taxii2/api/), collections (collections.ts),
 * objects with paging and filters (objects.ts), manifest, versions, POST objects with a status.
 * Authentication is the API's (Bearer, or HTTP Basic with the token as password); every object
 * comes through the store's viewer-first reads. Every response, errors included, is
 * application/taxii+json;version=2.1; errors are TAXII error resources.
 */
export const TAXII_PREFIX = '/taxii2';
const API_ROOT = `${TAXII_PREFIX}/api/`;
const MAX_PAGE = 2_000;

interface CollectionParams {
  collection: string;
}
interface ObjectParams extends CollectionParams {
  object: string;
}
type Query = Record<string, string | string[] | undefined>;

export async function taxiiRoutes(app: FastifyInstance, ctx: ServerContext & { bodyLimit: number }): Promise<void> {
  const statuses = new StatusBoard();

  app.addContentTypeParser(/^application\/(taxii|stix)\+json/, { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (e) {
      done(new HttpProblem(400, `the body is not valid JSON: ${(e as Error).message}`), undefined);
    }
  });
  // Exactly the TAXII media type on every response (fastify would add a charset to JSON). As
  // bytes: a page of objects is a megabyte or so, and fastify would measure a string's UTF-8
  // length for content-length, then encode it again to write it.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-type', TAXII_MEDIA);
    return typeof payload === 'string' ? Buffer.from(payload) : payload;
  });
  app.addHook('onRequest', async (request) => {
    const manifest = /\/manifest\/?(\?|$)/.test(request.url);
    if (!acceptsTaxii(request.headers.accept, manifest)) {
      throw new HttpProblem(406, `Accept must admit ${TAXII_MEDIA}${manifest ? ` or ${STIX_MEDIA}` : ''}`);
    }
  });
  app.setErrorHandler(taxiiErrorHandler);
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'Not found', `no TAXII resource ${request.method} ${request.url.split('?')[0]}`));

  app.get('/', async () => ({
    title: 'Parallax',
    description: 'Reports, claims and entities of a Parallax instance as STIX 2.1, each partner seeing what its marking rights allow',
    default: API_ROOT,
    api_roots: [API_ROOT],
  }));

  app.get('/api/', async () => ({
    title: 'Parallax',
    description: 'The one API root of this instance',
    versions: [TAXII_MEDIA],
    max_content_length: ctx.bodyLimit,
  }));

  app.get<{ Params: { status: string } }>('/api/status/:status/', async (request) => {
    const status = statuses.get(request.params.status, viewerOf(request).partnerId);
    if (!status) throw new HttpProblem(404, 'no status has that id');
    return status;
  });

  app.get('/api/collections/', async (request) => {
    const list = collectionsFor(viewerOf(request)).map(collectionResource);
    return list.length > 0 ? { collections: list } : {};
  });

  app.get<{ Params: CollectionParams }>('/api/collections/:collection/', async (request) => collectionResource(collectionOf(request)));

  app.get<{ Params: CollectionParams; Querystring: Query }>('/api/collections/:collection/objects/', async (request, reply) => {
    const page = await page_(ctx, request, collectionOf(request), objectQuery(request.query, { id: true, type: true, version: true }));
    dateHeaders(reply, page.items);
    return envelope(page);
  });

  app.get<{ Params: CollectionParams; Querystring: Query }>('/api/collections/:collection/manifest/', async (request, reply) => {
    const page = await page_(ctx, request, collectionOf(request), objectQuery(request.query, { id: true, type: true, version: true }));
    dateHeaders(reply, page.items);
    const objects = page.items.map((i) => ({ id: i.object.id, date_added: i.dateAdded, version: i.version, media_type: STIX_MEDIA }));
    return { more: page.more, ...(objects.length > 0 ? { objects } : {}) };
  });

  app.get<{ Params: ObjectParams; Querystring: Query }>('/api/collections/:collection/objects/:object/', async (request, reply) => {
    const query = objectQuery(request.query, { version: true });
    query.ids = new Set([request.params.object]);
    const page = await page_(ctx, request, collectionOf(request), query);
    if (page.items.length === 0 && request.query['next'] === undefined) throw new HttpProblem(404, 'no object has that id in this collection');
    dateHeaders(reply, page.items);
    return envelope(page);
  });

  app.get<{ Params: ObjectParams; Querystring: Query }>('/api/collections/:collection/objects/:object/versions/', async (request, reply) => {
    const query = objectQuery(request.query, {});
    query.ids = new Set([request.params.object]);
    query.versions = { all: true, first: false, last: false, exact: new Set() };
    const page = await page_(ctx, request, collectionOf(request), query);
    if (page.items.length === 0 && request.query['next'] === undefined) throw new HttpProblem(404, 'no object has that id in this collection');
    dateHeaders(reply, page.items);
    const versions = [...new Set(page.items.map((i) => i.version))];
    return { more: page.more, ...(page.next ? { next: page.next } : {}), ...(versions.length > 0 ? { versions } : {}) };
  });

  app.post<{ Params: CollectionParams; Body: unknown }>('/api/collections/:collection/objects/', async (request, reply) => {
    const viewer = viewerOf(request);
    const collection = collectionOf(request);
    if (!isTaxiiContentType(request.headers['content-type'])) throw new HttpProblem(415, `send the envelope as ${TAXII_MEDIA}`);
    if (!collection.canWrite) throw new HttpProblem(403, 'this collection does not take objects from this caller (its own partner collection does, with an analyst or admin token)');
    const body = request.body as { objects?: unknown } | null;
    if (typeof body !== 'object' || body === null || Array.isArray(body) || !Array.isArray(body.objects)) {
      throw new HttpProblem(422, 'the body must be a TAXII envelope: {"objects": [STIX objects]}');
    }
    const requestTimestamp = taxiiTimestamp(new Date().toISOString());
    const failures: { id: string; version: string; message: string }[] = [];
    const accepted: { object: Record<string, unknown>; version: string }[] = [];
    body.objects.forEach((o, i) => {
      const problem = objectProblem(o);
      const rec = (o ?? {}) as Record<string, unknown>;
      const id = typeof rec['id'] === 'string' ? rec['id'] : `objects[${i}]`;
      const version = versionOf(rec);
      if (problem) failures.push({ id, version, message: problem });
      else accepted.push({ object: rec, version });
    });
    // The STIX import of POST /api/v1/stix/bundle: reports become reports, other objects are kept
    // verbatim; what the envelope leaves unsaid gets the submitter's default marking.
    const marking = markingFor(viewer, undefined, ctx.classificationOrder);
    const statusId = randomUUID();
    const bundle = { type: 'bundle', id: `bundle--${statusId}`, objects: accepted.map((a) => a.object) };
    const result = accepted.length === 0 ? undefined : await importBundle(ctx.store, `taxii:${viewer.partnerId}:${statusId}`, bundle, { viewer, marking, classificationOrder: ctx.classificationOrder });
    const problems = new Map((result?.problems ?? []).map((p) => [p.object, p.problem]));
    const unchanged = new Set((result?.kept ?? []).filter((k) => k.status === 'unchanged').map((k) => k.id));
    const successes: { id: string; version: string; message?: string }[] = [];
    for (const a of accepted) {
      const id = a.object['id'] as string;
      const problem = problems.get(id);
      if (problem !== undefined) failures.push({ id, version: a.version, message: problem });
      else successes.push({ id, version: a.version, ...(unchanged.has(id) ? { message: 'already kept: nothing changed' } : {}) });
    }
    const status = statuses.add(viewer.partnerId, {
      id: statusId,
      status: 'complete',
      request_timestamp: requestTimestamp,
      total_count: body.objects.length,
      success_count: successes.length,
      ...(successes.length > 0 ? { successes } : {}),
      failure_count: failures.length,
      ...(failures.length > 0 ? { failures } : {}),
      pending_count: 0,
    });
    request.auditIds = [
      ...(result?.outcomes ?? []).flatMap((o) => (o.reportId === null ? [] : [`r${o.reportId}`])),
      ...successes.map((s) => `stix:${s.id}`),
    ];
    return reply.code(202).send(status);
  });
}

function collectionOf(request: FastifyRequest<{ Params: CollectionParams }>): TaxiiCollection {
  const c = findCollection(viewerOf(request), request.params.collection);
  if (!c) throw new HttpProblem(404, 'no collection has that id');
  return c;
}

async function page_(ctx: ServerContext, request: FastifyRequest<{ Querystring: Query }>, collection: TaxiiCollection, query: ObjectQuery) {
  const limit = limitOf(request.query['limit']);
  const next = single(request.query, 'next');
  try {
    return await readPage(ctx.store, viewerOf(request), collection, query, limit, next);
  } catch (e) {
    if (e instanceof NextError) throw new HttpProblem(400, e.message);
    throw e;
  }
}

function envelope(page: { items: Item[]; more: boolean; next?: string }) {
  return { more: page.more, ...(page.next ? { next: page.next } : {}), ...(page.items.length > 0 ? { objects: page.items.map((i) => i.object) } : {}) };
}

function dateHeaders(reply: FastifyReply, items: readonly Item[]): void {
  if (items.length === 0) return;
  reply.header('X-TAXII-Date-Added-First', items[0]!.dateAdded);
  reply.header('X-TAXII-Date-Added-Last', items[items.length - 1]!.dateAdded);
}

/** One value of a query parameter: 400 when it is given twice. */
function single(q: Query, name: string): string | undefined {
  const v = q[name];
  if (Array.isArray(v)) throw new HttpProblem(400, `${name} may be given once`);
  return v;
}

function limitOf(raw: string | string[] | undefined): number {
  if (Array.isArray(raw)) throw new HttpProblem(400, 'limit may be given once');
  if (raw === undefined) return 1_000;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new HttpProblem(400, `limit must be an integer > 0, not "${raw}"`);
  return Math.min(Number(raw), MAX_PAGE);
}

function list(q: Query, field: string): Set<string> | undefined {
  const raw = single(q, `match[${field}]`);
  if (raw === undefined) return undefined;
  const values = raw.split(',');
  if (values.some((v) => v === '')) throw new HttpProblem(400, `match[${field}] has an empty value: separate values by commas, no spaces`);
  return new Set(values);
}

/** The filters of a request (each endpoint accepts some of the match fields; the others are ignored). */
function objectQuery(q: Query, accepts: { id?: boolean; type?: boolean; version?: boolean }): ObjectQuery {
  const query: ObjectQuery = { versions: { all: false, first: false, last: true, exact: new Set() } };
  const addedAfter = single(q, 'added_after');
  if (addedAfter !== undefined) {
    const t = parseTimestamp(addedAfter);
    if (t === undefined) throw new HttpProblem(400, `added_after must be a timestamp like 2024-01-01T00:00:00.000000Z, not "${addedAfter}"`);
    query.addedAfter = t;
  }
  if (accepts.id) {
    const ids = list(q, 'id');
    if (ids) query.ids = ids;
  }
  if (accepts.type) {
    const types = list(q, 'type');
    if (types) query.types = types;
  }
  const spec = list(q, 'spec_version');
  if (spec) query.specVersions = spec;
  if (accepts.version) {
    const raw = single(q, 'match[version]');
    if (raw !== undefined) query.versions = versionFilter(raw);
  }
  return query;
}

function versionFilter(raw: string): VersionFilter {
  const values = raw.split(',');
  if (new Set(values).size !== values.length) throw new HttpProblem(400, 'match[version] names a value twice');
  if (values.includes('all') && values.length > 1) throw new HttpProblem(400, 'match[version]=all stands alone');
  const v: VersionFilter = { all: false, first: false, last: false, exact: new Set() };
  for (const value of values) {
    if (value === 'all') v.all = true;
    else if (value === 'first') v.first = true;
    else if (value === 'last') v.last = true;
    else {
      const t = parseTimestamp(value);
      if (t === undefined) throw new HttpProblem(400, `match[version]: "${value}" is not first, last, all or a timestamp`);
      v.exact.add(String(t));
    }
  }
  return v;
}

const STIX_ID = /^([a-z0-9][a-z0-9-]*[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Why a POSTed object cannot be kept, or undefined. */
function objectProblem(o: unknown): string | undefined {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return 'not a STIX object';
  const r = o as Record<string, unknown>;
  if (typeof r['type'] !== 'string' || typeof r['id'] !== 'string') return 'a STIX object needs "type" and "id"';
  const m = STIX_ID.exec(r['id']);
  if (!m || m[1] !== r['type']) return `id "${r['id']}" is not TYPE--UUID for type ${r['type']}`;
  if (r['type'] !== 'marking-definition' && r['spec_version'] !== '2.1' && !isObservable(r)) return 'only STIX 2.1 objects (spec_version "2.1")';
  return undefined;
}

/** Cyber observables may leave spec_version out (it defaults to 2.1 there). */
const isObservable = (r: Record<string, unknown>): boolean => r['spec_version'] === undefined && !('created' in r);

function versionOf(r: Record<string, unknown>): string {
  const v = r['modified'] ?? r['created'];
  return typeof v === 'string' ? v : '';
}

function sendError(reply: FastifyReply, status: number, title: string, description?: string): FastifyReply {
  return reply.code(status).header('content-type', TAXII_MEDIA).send(taxiiError(status, title, description));
}

/** Every failure under /taxii2 as a TAXII error resource, saying no more than the API's problems do. */
function taxiiErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpProblem) {
    for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
    if (error.status === 401) reply.header('www-authenticate', 'Basic realm="parallax", Bearer realm="parallax"');
    return sendError(reply, error.status, TITLES[error.status] ?? 'Error', error.detail);
  }
  const status = error.statusCode ?? 500;
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(reply, 415, TITLES[415]!, `send the envelope as ${TAXII_MEDIA}`);
  if (status >= 400 && status < 500) return sendError(reply, status, TITLES[status] ?? 'Error', error.message);
  request.log.error(error);
  return sendError(reply, 500, 'Server error', 'the server failed on this request; it has been logged');
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  406: 'Not acceptable',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable entity',
};
