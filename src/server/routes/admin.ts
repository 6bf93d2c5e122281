import type { FastifyInstance } from 'fastify';
import { RELIABILITY_GRADES, type ReliabilityGrade } from '../../analyse/index.js';
import { hashToken, newToken } from '../../share/tokens.js';
import { ROLES, type Role } from '../../store/store.js';
import { viewerOf, type ServerContext } from '../context.js';
import { HttpProblem } from '../problem.js';
import { listOf, objectOf } from '../schemas.js';
import { NAME as NAME_PATTERN } from '../../share/classifications.js';

const NAME = { type: 'string', pattern: NAME_PATTERN.source } as const;

/**
 * Partners, tokens and source grades, as `parallax partner` and `parallax source grade` manage
 * them. The store decides who may (admins for partners and tokens, analysts for grades) and
 * refuses the others (403); these routes only carry requests to it.
 */
export async function adminRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const { store } = ctx;

  app.get(
    '/partners',
    { schema: { summary: 'Partners with their clearance and communities: every partner for an admin, its own for anyone else', response: { 200: listOf('partners') } } },
    async (request) => {
      const items = await store.listPartners(viewerOf(request));
      request.auditIds = items.map((p) => `p:${p.id}`);
      return { items };
    },
  );

  app.post<{ Body: { id: string; clearance: string; communities?: string[] } }>(
    '/partners',
    {
      schema: {
        summary: 'Adds a partner (admins only)',
        body: {
          type: 'object',
          required: ['id', 'clearance'],
          additionalProperties: false,
          properties: { id: NAME, clearance: { type: 'string', minLength: 1, maxLength: 64 }, communities: { type: 'array', maxItems: 64, items: NAME } },
        },
        response: { 201: objectOf('the partner added') },
      },
    },
    async (request, reply) => {
      const { id, clearance, communities = [] } = request.body;
      if (!ctx.classificationOrder.includes(clearance)) {
        throw new HttpProblem(400, `body.clearance ${clearance} is not one of ${ctx.classificationOrder.join(', ')}`);
      }
      const partner = await store.addPartner(viewerOf(request), { id, clearance, communities });
      request.auditIds = [`p:${id}`];
      return reply.code(201).send(partner);
    },
  );

  app.post<{ Params: { id: string }; Body: { role: Role; label?: string } }>(
    '/partners/:id/tokens',
    {
      schema: {
        summary: 'Issues a token acting for a partner (admins only); the token is in this answer only, the store keeps its hash',
        params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: NAME } },
        body: {
          type: 'object',
          required: ['role'],
          additionalProperties: false,
          properties: { role: { type: 'string', enum: [...ROLES] }, label: { type: 'string', maxLength: 200 } },
        },
        response: { 201: objectOf('the token record and, once, the token itself') },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const partnerId = request.params.id;
      if (!(await store.listPartners(viewer)).some((p) => p.id === partnerId)) throw new HttpProblem(404, 'no partner has that id');
      const token = newToken();
      const issued = await store.issueToken(viewer, { partnerId, role: request.body.role, tokenHash: hashToken(token), label: request.body.label ?? null });
      request.auditIds = [`p:${partnerId}`, `t${issued.id}`];
      return reply.code(201).send({ ...issued, token });
    },
  );

  app.get<{ Querystring: { partner?: string } }>(
    '/tokens',
    {
      schema: {
        summary: "Tokens as records (id, partner, role, label, issued, revoked; never the token or its hash): every partner's for an admin, the caller's partner's otherwise",
        querystring: { type: 'object', additionalProperties: false, properties: { partner: NAME } },
        response: { 200: listOf('tokens') },
      },
    },
    async (request) => {
      const items = await store.listTokens(viewerOf(request), request.query.partner === undefined ? {} : { partnerId: request.query.partner });
      request.auditIds = items.map((t) => `t${t.id}`);
      return { items };
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/tokens/:id',
    {
      schema: {
        summary: 'Revokes a token (admins only)',
        params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } } },
        response: { 200: objectOf('{ revoked: true }') },
      },
    },
    async (request) => {
      const revoked = await store.revokeToken(viewerOf(request), request.params.id);
      if (!revoked) throw new HttpProblem(404, 'no live token has that id');
      request.auditIds = [`t${request.params.id}`];
      return { revoked: true };
    },
  );

  app.get(
    '/sources',
    {
      schema: {
        summary: 'Sources as analysis counts them among the reports the caller may see, with their reliability grades',
        response: { 200: listOf('sources: key, label, reliability, whether an analyst graded it, claims, outlets') },
      },
    },
    async (request) => {
      const analysis = await ctx.analyses.get(viewerOf(request));
      return { items: analysis.sources };
    },
  );

  app.post<{ Body: { sourceKey: string; grade: ReliabilityGrade; label?: string } }>(
    '/sources/grades',
    {
      schema: {
        summary: "Sets a source's Admiralty reliability grade (analysts and admins)",
        body: {
          type: 'object',
          required: ['sourceKey', 'grade'],
          additionalProperties: false,
          properties: {
            sourceKey: { type: 'string', minLength: 1, maxLength: 300 },
            grade: { type: 'string', enum: [...RELIABILITY_GRADES] },
            label: { type: 'string', maxLength: 300 },
          },
        },
        response: { 200: objectOf('the grade as stored') },
      },
    },
    async (request) => {
      const { sourceKey, grade, label } = request.body;
      const stored = await store.setSourceGrade(viewerOf(request), { sourceKey, grade, ...(label === undefined ? {} : { label }) });
      // Grades weigh every estimate: the analyses computed before are stale.
      ctx.analyses.invalidate();
      request.auditIds = [`s:${sourceKey}`];
      return stored;
    },
  );
}
