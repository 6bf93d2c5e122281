import type { FastifyInstance } from 'fastify';
import { ENTITY_TYPES, type EntityType } from '../../domain/entity.js';
import type { ClaimQuery } from '../../store/store.js';
import { CURSOR_SCHEMA, LIMIT_SCHEMA, viewerOf, type ServerContext } from '../context.js';
import { decodeCursor, encodeCursor, offsetOf } from '../cursor.js';
import { HttpProblem } from '../problem.js';
import { listOf } from '../schemas.js';

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

interface ClaimsQuerystring {
  about?: string;
  unit?: string;
  from?: string;
  to?: string;
  reportId?: number;
  limit: number;
  cursor?: string;
}

/** Claims and entities: visible only through the reports behind them (the store filters by the policy). */
export async function claimRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const { store } = ctx;

  app.get<{ Querystring: ClaimsQuerystring }>(
    '/claims',
    {
      schema: {
        summary: 'Quantitative claims of the reports the caller may see, by publication date',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            about: { type: 'string', minLength: 1, maxLength: 200 },
            unit: { type: 'string', minLength: 1, maxLength: 100 },
            from: DATE,
            to: DATE,
            reportId: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
            limit: LIMIT_SCHEMA,
            cursor: CURSOR_SCHEMA,
          },
        },
        response: { 200: listOf('claims, the total matching, and the cursor of the next page') },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const { limit, cursor: text, ...filters } = request.query;
      if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
        throw new HttpProblem(400, `from ${filters.from} is after to ${filters.to}`);
      }
      const query: ClaimQuery = {};
      for (const [k, v] of Object.entries(filters)) if (v !== undefined) (query as Record<string, unknown>)[k] = v;
      const offset = offsetOf(decodeCursor(text, 'claims'));
      const rows = await store.listClaims(viewer, { ...query, limit: limit + 1, offset });
      const items = rows.slice(0, limit);
      request.auditIds = items.map((c) => `c${c.id}`);
      return {
        items,
        total: await store.countClaims(viewer, query),
        next: rows.length > limit ? encodeCursor({ list: 'claims', offset: offset + limit }) : null,
      };
    },
  );

  app.get<{ Querystring: { type?: EntityType; name?: string; limit: number } }>(
    '/entities',
    {
      schema: {
        summary: 'Entities named in the reports the caller may see, most reported first; names and counts from those reports only',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            type: { type: 'string', enum: [...ENTITY_TYPES] },
            name: { type: 'string', minLength: 1, maxLength: 200 },
            limit: LIMIT_SCHEMA,
          },
        },
        response: { 200: listOf('entities with their report, story and mention counts') },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const { type, name, limit } = request.query;
      const items = await store.listEntities(viewer, { limit, ...(type ? { type } : {}), ...(name ? { name } : {}) });
      request.auditIds = items.map((e) => `e:${e.key}`);
      return { items };
    },
  );
}
