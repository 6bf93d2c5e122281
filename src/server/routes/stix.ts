import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { bundleChunks } from '../../interop/stix/bundle-writer.js';
import { exportObjects } from '../../interop/stix/export.js';
import { BundleError, importBundle } from '../../interop/stix/import.js';
import { markingFor, MarkingError } from '../../share/marking-input.js';
import { mustWrite } from '../auth.js';
import { viewerOf, type ServerContext } from '../context.js';
import { HttpProblem } from '../problem.js';
import { objectOf } from '../schemas.js';

const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/**
 * STIX 2.1 bundles: GET streams everything the caller may see (the store reads go through the
 * access policy with the caller's viewer); POST imports one bundle as `parallax ingest` does,
 * the caller owning what it imports.
 */
export async function stixRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const { store } = ctx;
  // STIX's own media type carries JSON.
  app.addContentTypeParser('application/stix+json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (e) {
      done(new HttpProblem(400, `body is not JSON: ${(e as Error).message}`), undefined);
    }
  });

  app.get<{ Querystring: { propositions: boolean } }>(
    '/stix/bundle',
    {
      schema: {
        summary: 'Everything the caller may see as one STIX 2.1 bundle, streamed (reports, entities, claims, propositions, kept objects)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { propositions: { type: 'boolean', default: true, description: 'include propositions with best estimates (runs the analysis)' } },
        },
        response: { 200: objectOf('a STIX 2.1 bundle (application/stix+json;version=2.1)') },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const objects = exportObjects(store, viewer, { propositions: request.query.propositions, classificationOrder: ctx.classificationOrder });
      reply.type(STIX_MEDIA_TYPE);
      // A stream: fastify writes chunks as the export yields them and skips response serialisation.
      return reply.send(Readable.from(bundleChunks(objects)));
    },
  );

  app.post<{ Body: { type: string; id?: string; objects?: unknown[] } }>(
    '/stix/bundle',
    {
      schema: {
        summary: 'Import a STIX 2.1 bundle: reports become reports (with their claims), other objects are kept verbatim; per-object problems are listed',
        body: {
          type: 'object',
          required: ['type'],
          properties: { type: { const: 'bundle' }, id: { type: 'string', maxLength: 200 }, objects: { type: 'array' } },
        },
        response: { 200: objectOf('what was stored: reports (with status), objects kept verbatim, and the objects that could not be imported') },
      },
    },
    async (request) => {
      mustWrite(request, 'importing a bundle');
      const viewer = viewerOf(request);
      let marking;
      try {
        // What the bundle leaves unsaid: the submitter's defaults (owner: the submitter, TLP:AMBER, lowest classification).
        marking = markingFor(viewer, undefined, ctx.classificationOrder);
      } catch (e) {
        if (e instanceof MarkingError) throw new HttpProblem(e.kind === 'forbidden' ? 403 : 400, e.message);
        throw e;
      }
      const origin = `api:${viewer.partnerId}:${request.body.id ?? 'bundle'}`;
      let result;
      try {
        result = await importBundle(store, origin, request.body, { viewer, marking, classificationOrder: ctx.classificationOrder });
      } catch (e) {
        if (e instanceof BundleError) throw new HttpProblem(400, `body: ${e.message}`);
        throw e;
      }
      request.auditIds.push(...result.outcomes.filter((o) => o.reportId !== null).map((o) => `r${o.reportId}`));
      return {
        objects: result.objects,
        reports: result.outcomes.map((o) => ({ object: o.origin.slice(o.origin.lastIndexOf('#') + 1), id: o.reportId, status: o.status, claims: o.claims })),
        kept: result.kept.filter((k) => k.status === 'kept').length,
        unchanged: result.kept.filter((k) => k.status === 'unchanged').length,
        problems: result.problems.map((p) => ({ object: p.object, problem: p.problem })),
      };
    },
  );
}
