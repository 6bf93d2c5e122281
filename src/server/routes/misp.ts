import type { FastifyInstance } from 'fastify';
import { exportMispEvent } from '../../interop/misp/export.js';
import { viewerOf, type ServerContext } from '../context.js';
import { HttpProblem } from '../problem.js';
import { objectOf } from '../schemas.js';

/** Exchange formats of one report, for the caller: what it may see, nothing else. */
export async function mispRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get<{ Params: { id: number } }>(
    '/reports/:id/misp',
    {
      schema: {
        summary: 'One report as a MISP event (MISP core format): text, link, entities, claims, tags for TLP, marking and grades',
        params: {
          type: 'object',
          required: ['id'],
          additionalProperties: false,
          properties: { id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } },
        },
        response: { 200: objectOf('{"Event": …} as MISP imports it') },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const { id } = request.params;
      if (!(await ctx.store.findReport(viewer, id))) throw new HttpProblem(404, 'no report has that id');
      // Claims' credibility comes from the analysis of the caller's scope (cached until the store changes).
      const analysis = await ctx.analyses.get(viewer);
      const claimCredibility = new Map<number, number>();
      for (const p of analysis.propositions) for (const s of p.series) claimCredibility.set(Number(s.claimId), s.credibility);
      const event = await exportMispEvent(ctx.store, viewer, id, { claimCredibility });
      if (!event) throw new HttpProblem(404, 'no report has that id');
      request.auditIds = [`r${id}`];
      return event;
    },
  );
}
