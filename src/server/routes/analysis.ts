import type { FastifyInstance } from 'fastify';
import type { Proposition } from '../../analyse/index.js';
import { CURSOR_SCHEMA, LIMIT_SCHEMA, viewerOf, type ServerContext } from '../context.js';
import { decodeCursor, encodeCursor, offsetOf } from '../cursor.js';
import { listOf } from '../schemas.js';

/**
 * Propositions, best estimates and conflicts, from the analysis of the caller's viewer scope:
 * computed from the reports the caller may see only, never from the others. Analysis notes are
 * not served: they may name analysts' decisions about claims the caller cannot see.
 */
export async function analysisRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get<{ Querystring: { about?: string; limit: number; cursor?: string } }>(
    '/propositions',
    {
      schema: {
        summary: 'Propositions (what claims measure) with their best estimates, from the reports the caller may see',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { about: { type: 'string', minLength: 1, maxLength: 200 }, limit: LIMIT_SCHEMA, cursor: CURSOR_SCHEMA },
        },
        response: { 200: listOf('propositions (without their series), the total, and the cursor of the next page') },
      },
    },
    async (request) => {
      const analysis = await ctx.analyses.get(viewerOf(request));
      const about = request.query.about?.toLowerCase();
      const all = about === undefined ? analysis.propositions : analysis.propositions.filter((p) => p.label.toLowerCase().includes(about));
      const offset = offsetOf(decodeCursor(request.query.cursor, 'propositions'));
      const items = all.slice(offset, offset + request.query.limit).map(propositionSummary);
      request.auditIds = items.map((p) => p.id);
      return {
        items,
        total: all.length,
        next: offset + items.length < all.length ? encodeCursor({ list: 'propositions', offset: offset + items.length }) : null,
      };
    },
  );

  app.get<{ Querystring: { limit: number; cursor?: string } }>(
    '/conflicts',
    {
      schema: {
        summary: 'Claims of independent sources that cannot both hold, among the reports the caller may see; widest first',
        querystring: { type: 'object', additionalProperties: false, properties: { limit: LIMIT_SCHEMA, cursor: CURSOR_SCHEMA } },
        response: { 200: listOf('conflicts with their proposition label, the total, and the cursor of the next page') },
      },
    },
    async (request) => {
      const analysis = await ctx.analyses.get(viewerOf(request));
      const labels = new Map(analysis.propositions.map((p) => [p.id, p.label]));
      const all = [...analysis.conflicts].sort((a, b) => (b.ratio ?? Infinity) - (a.ratio ?? Infinity) || b.gap - a.gap || (a.id < b.id ? -1 : 1));
      const offset = offsetOf(decodeCursor(request.query.cursor, 'conflicts'));
      const items = all.slice(offset, offset + request.query.limit).map((c) => ({ ...c, propositionLabel: labels.get(c.propositionId) ?? null }));
      request.auditIds = items.map((c) => c.id);
      return {
        items,
        total: all.length,
        next: offset + items.length < all.length ? encodeCursor({ list: 'conflicts', offset: offset + items.length }) : null,
      };
    },
  );
}

/** A proposition in a list: everything but the series, with its claim count and sources. */
export function propositionSummary(p: Proposition) {
  const { series, ...rest } = p;
  return { ...rest, claims: series.length, sources: [...new Set(series.map((s) => s.sourceKey))].sort() };
}
