import type { Viewer } from '../domain/viewer.js';
import type { EventStream } from '../share/event-stream.js';
import type { Store } from '../store/store.js';
import type { AnalysisCache } from './analysis-cache.js';

/** What every route plugin is given: the store and the shared state of one server. */
export interface ServerContext {
  store: Store;
  classificationOrder: readonly string[];
  stream: EventStream;
  analyses: AnalysisCache;
}

declare module 'fastify' {
  interface FastifySchema {
    /** One line for the OpenAPI document. */
    summary?: string;
  }
  interface FastifyRequest {
    /** Who is asking: set by the auth hook before any handler runs (null only on a refused request). */
    viewer: Viewer | null;
    /** Ids of the records this request read or wrote, for the audit log. */
    auditIds: string[];
    /** Set by handlers that write their own audit entry (the stream, at connect). */
    audited: boolean;
  }
}

/** The viewer of an authenticated request (the auth hook refused every other). */
export function viewerOf(request: { viewer: Viewer | null }): Viewer {
  if (request.viewer === null) throw new Error('no viewer: the auth hook did not run');
  return request.viewer;
}

/** Paging of lists: `limit` 1–500, 50 unless asked. */
export const LIMIT_SCHEMA = { type: 'integer', minimum: 1, maximum: 500, default: 50 } as const;
export const CURSOR_SCHEMA = { type: 'string', maxLength: 200, description: 'the `next` of the previous page, unchanged' } as const;
