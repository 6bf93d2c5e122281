import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { collectText, CollectError } from '../../collect/index.js';
import { TLP_LABELS } from '../../domain/marking.js';
import { markingFor, type MarkingRequest } from '../../share/marking-input.js';
import { RELEASE_TO_ALL } from '../../share/policy.js';
import { prepareReport } from '../../store/prepare-report.js';
import { REPORT_SORTS, type ReportInput, type ReportSort } from '../../store/store.js';
import { mustWrite } from '../auth.js';
import { CURSOR_SCHEMA, LIMIT_SCHEMA, viewerOf, type ServerContext } from '../context.js';
import { afterIdOf, decodeCursor, encodeCursor, offsetOf } from '../cursor.js';
import { HttpProblem } from '../problem.js';
import { listOf, objectOf } from '../schemas.js';
import { NAME } from '../../share/classifications.js';

/** Largest text or HTML accepted in one report, in characters (the body limit bounds the bytes). */
export const MAX_REPORT_CHARS = 2_000_000;

interface PostReportBody {
  text?: string;
  html?: string;
  title?: string;
  url?: string;
  published?: string;
  source?: string;
  marking?: MarkingRequest;
}

const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } },
} as const;

export const MARKING_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'classification (default the lowest level), releasable-to (partners, communities or ALL; default none but the owner), TLP (default TLP:AMBER). The owner is always the submitting partner.',
  properties: {
    classification: { type: 'string', maxLength: 64 },
    releasableTo: { type: 'array', maxItems: 64, items: { type: 'string', pattern: NAME.source } },
    tlp: { type: 'string', enum: [...TLP_LABELS] },
  },
} as const;

export async function reportRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const { store } = ctx;

  app.post<{ Body: PostReportBody }>(
    '/reports',
    {
      schema: {
        summary: 'Submit a report (text or HTML); it is collected and extracted as `parallax ingest` does',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            text: { type: 'string', minLength: 1, maxLength: MAX_REPORT_CHARS },
            html: { type: 'string', minLength: 1, maxLength: MAX_REPORT_CHARS },
            title: { type: 'string', maxLength: 1000 },
            url: { type: 'string', maxLength: 2000, pattern: '^https?://\\S+$' },
            published: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            source: { type: 'string', maxLength: 500 },
            marking: MARKING_SCHEMA,
          },
        },
        response: {
          201: objectOf('the stored report: id, status (ingested, duplicate, updated), the original it copies, its claims and related stories stored with it'),
          200: objectOf('the same report was stored before with the same marking: nothing written'),
        },
      },
    },
    async (request, reply) => {
      mustWrite(request, 'submitting a report');
      const viewer = viewerOf(request);
      const body = request.body;
      if ((body.text === undefined) === (body.html === undefined)) {
        throw new HttpProblem(400, body.text === undefined ? 'body needs "text" or "html"' : 'body has both "text" and "html"; send one');
      }
      if (body.published !== undefined && !isCalendarDate(body.published)) throw new HttpProblem(400, `body.published ${body.published} is not a date`);
      if (body.marking?.releasableTo?.some((g) => g !== RELEASE_TO_ALL && g.toUpperCase() === RELEASE_TO_ALL)) {
        throw new HttpProblem(400, 'body.marking.releasableTo: write ALL in capitals to release to everyone');
      }
      const marking = markingFor(viewer, body.marking, ctx.classificationOrder);
      const content = body.text ?? body.html!;
      const origin = body.url ?? `api:${viewer.partnerId}:${createHash('sha256').update(content).digest('hex').slice(0, 20)}`;
      let inputs: ReportInput[];
      try {
        const docs = collectText(origin, content, { format: body.text !== undefined ? 'text' : 'html', published: body.published ?? null, related: true });
        const [main] = docs;
        if (main) {
          if (body.title !== undefined) main.title = body.title;
          if (body.url !== undefined) main.url = body.url;
          if (body.source !== undefined) main.source = body.source;
        }
        inputs = docs.map((d) => prepareReport(d, { marking }));
      } catch (e) {
        if (e instanceof CollectError) throw new HttpProblem(422, `the report could not be collected: ${(e as { problem?: string }).problem ?? e.message}`);
        throw e;
      }
      if (inputs.length === 0) throw new HttpProblem(422, 'the report has no text to store');
      const outcomes = await store.ingest(inputs);
      const main = outcomes[0]!;
      if (main.status === 'failed' || main.reportId === null) throw new HttpProblem(422, main.problem ?? 'the report could not be stored');
      const claims = await store.listClaims(viewer, { reportId: main.reportId });
      const related = outcomes.slice(1).flatMap((o) => (o.reportId === null ? [] : [o.reportId]));
      request.auditIds = [main.reportId, ...related].map((id) => `r${id}`);
      return reply.code(main.status === 'unchanged' ? 200 : 201).send({
        id: main.reportId,
        status: main.status,
        duplicateOf: main.duplicateOf,
        marking,
        claims,
        related,
      });
    },
  );

  app.get<{ Querystring: { q?: string; sort?: ReportSort; limit: number; cursor?: string } }>(
    '/reports',
    {
      schema: {
        summary:
          'Reports the caller may see, oldest first; with q, a full-text search, newest first (relevance ranks would rest on statistics of reports the caller may not see)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            q: { type: 'string', minLength: 1, maxLength: 500 },
            sort: { type: 'string', enum: [...REPORT_SORTS], description: 'order of the list without q (default id); `-` reverses' },
            limit: LIMIT_SCHEMA,
            cursor: CURSOR_SCHEMA,
          },
        },
        response: { 200: listOf('reports (with q: search hits with a snippet), the total the caller may see, and the cursor of the next page') },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const { q, limit } = request.query;
      if (q !== undefined) {
        const cursor = decodeCursor(request.query.cursor, 'search');
        const offset = offsetOf(cursor);
        const hits = await store.search(viewer, q, { limit: limit + 1, offset, order: 'recent' });
        const items = hits.slice(0, limit).map(({ rank: _rank, ...hit }) => hit);
        request.auditIds = items.map((h) => `r${h.reportId}`);
        return {
          items,
          total: await store.countSearch(viewer, q),
          next: hits.length > limit ? encodeCursor({ list: 'search', offset: offset + limit }) : null,
        };
      }
      const sort = request.query.sort ?? 'id';
      if (sort !== 'id') {
        // Another order pages by offset (keyset paging follows the id only).
        const offset = offsetOf(decodeCursor(request.query.cursor, `reports${sort}`));
        const rows = await store.listReports(viewer, { sort, offset, limit: limit + 1 });
        const items = rows.slice(0, limit);
        request.auditIds = items.map((r) => `r${r.id}`);
        return {
          items,
          total: await store.countReports(viewer),
          next: rows.length > limit ? encodeCursor({ list: `reports${sort}`, offset: offset + limit }) : null,
        };
      }
      const cursor = decodeCursor(request.query.cursor, 'reports');
      const rows = await store.listReports(viewer, { afterId: afterIdOf(cursor), limit: limit + 1 });
      const items = rows.slice(0, limit);
      request.auditIds = items.map((r) => `r${r.id}`);
      return {
        items,
        total: await store.countReports(viewer),
        next: rows.length > limit ? encodeCursor({ list: 'reports', afterId: items[items.length - 1]!.id }) : null,
      };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/reports/:id',
    {
      schema: {
        summary: 'One report with its text, marking and claims',
        params: ID_PARAMS,
        response: { 200: objectOf('the report, its text, marking and claims') },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const { id } = request.params;
      // Hidden and absent answer alike: the same status, the same body.
      const report = await store.findReport(viewer, id);
      if (!report) throw new HttpProblem(404, 'no report has that id');
      request.auditIds = [`r${id}`];
      return { ...report, claims: await store.listClaims(viewer, { reportId: id }) };
    },
  );
}

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
