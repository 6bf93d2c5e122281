import type { FastifyInstance } from 'fastify';
import { coordinatesOf } from '../../analyse/coordinates.js';
import type { Analysis, Proposition, SeriesEntry } from '../../analyse/index.js';
import { viewerOf, type ServerContext } from '../context.js';
import { HttpProblem } from '../problem.js';
import { listOf, objectOf } from '../schemas.js';

const REPORT_ID = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } },
} as const;

/**
 * Reads the analyst workspace needs beyond the lists: a report's entities and the assessment of
 * its claims, one proposition with its series, counts by day, and the graph of claims, entities
 * and sources. Each is composed of the store's viewer-first reads and the viewer scope's analysis,
 * so it shows what the caller may see and nothing else; a hidden report answers as an absent one.
 */
export async function workspaceRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const { store } = ctx;

  app.get<{ Params: { id: number } }>(
    '/reports/:id/entities',
    {
      schema: {
        summary: 'The entities one report names, with every mention (offsets into its text)',
        params: REPORT_ID,
        response: { 200: listOf('entities with name, type, role, aliases and mentions') },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const { id } = request.params;
      if (!(await store.findReport(viewer, id))) throw new HttpProblem(404, 'no report has that id');
      request.auditIds = [`r${id}`];
      return { items: await store.listReportEntities(viewer, id) };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/reports/:id/assessments',
    {
      schema: {
        summary: "How analysis weighs each claim of one report: its proposition, its source's reliability and its credibility",
        params: REPORT_ID,
        response: { 200: listOf('one assessment per claim that analysis placed in a proposition') },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const { id } = request.params;
      if (!(await store.findReport(viewer, id))) throw new HttpProblem(404, 'no report has that id');
      const index = claimIndex(await ctx.analyses.get(viewer));
      const claims = await store.listClaims(viewer, { reportId: id });
      const items = claims.flatMap((c) => {
        const found = index.get(String(c.id));
        if (!found) return [];
        const { p, e } = found;
        return [
          {
            claimId: c.id,
            propositionId: p.id,
            propositionLabel: p.label,
            sourceKey: e.sourceKey,
            sourceLabel: e.sourceLabel,
            reliability: e.reliability,
            credibility: e.credibility,
            credibilityLabel: e.credibilityLabel,
            reasons: e.reasons,
            inBestEstimate: p.estimate?.claimIds.includes(e.claimId) ?? false,
          },
        ];
      });
      request.auditIds = [`r${id}`];
      return { items };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/propositions/:id',
    {
      schema: {
        summary: 'One proposition with its estimate series, best estimate and conflicts, from the reports the caller may see',
        params: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string', pattern: '^[A-Za-z0-9:_-]{1,100}$' } } },
        response: { 200: objectOf('the proposition, its series (one entry per claim) and its conflicts') },
      },
    },
    async (request) => {
      const analysis = await ctx.analyses.get(viewerOf(request));
      const p = analysis.propositions.find((x) => x.id === request.params.id);
      if (!p) throw new HttpProblem(404, 'no proposition has that id');
      request.auditIds = [p.id];
      return { ...p, conflicts: analysis.conflicts.filter((c) => c.propositionId === p.id) };
    },
  );

  app.get(
    '/timeline',
    {
      schema: {
        summary: 'Reports and claims the caller may see, counted by publication day',
        response: { 200: listOf('one item per day: day (null for undated), reports, claims') },
      },
    },
    async (request) => ({ items: await store.countByDay(viewerOf(request)) }),
  );

  app.get(
    '/places',
    {
      schema: {
        summary: 'Places the reports the caller may see name, with their coordinates from the offline gazetteer when it knows them',
        response: { 200: listOf('places: key, name, reports, stories, mentions, latitude and longitude (null when unknown)') },
      },
    },
    async (request) => {
      const places = await store.listEntities(viewerOf(request), { type: 'location', limit: 5000 });
      const items = places.map((p) => {
        const at = coordinatesOf(p.key.replace(/^loc:/, ''));
        return { key: p.key, name: p.name, reports: p.reports, stories: p.stories, mentions: p.mentions, latitude: at?.latitude ?? null, longitude: at?.longitude ?? null };
      });
      request.auditIds = items.map((p) => `e:${p.key}`);
      return { items };
    },
  );

  app.get<{ Querystring: { nodes: number } }>(
    '/graph',
    {
      schema: {
        summary: 'The latest claims the caller may see with the entities their sentences name and the sources that carry them, as nodes and edges',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { nodes: { type: 'integer', minimum: 10, maximum: 5000, default: 2000, description: 'most nodes to return' } },
        },
        response: { 200: objectOf('nodes (claim, person, organization, location, equipment, source) and edges (names, says, carries)') },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const budget = request.query.nodes;
      const total = await store.countClaims(viewer);
      const nodes = new Map<string, { id: string; kind: string; label: string; weight: number; reportId?: number }>();
      const edges: { source: string; target: string; kind: string }[] = [];
      const node = (id: string, kind: string, label: string) => {
        const n = nodes.get(id);
        if (n) n.weight++;
        else nodes.set(id, { id, kind, label, weight: 1 });
      };
      // The newest reports first, each read by its id (claims and entities by index), until the budget is met.
      let offset = 0;
      for (;;) {
        const reports = await store.listReports(viewer, { sort: '-published', offset, limit: 50 });
        offset += reports.length;
        for (const r of reports) {
          if (nodes.size >= budget) break;
          const names = new Map((await store.listReportEntities(viewer, r.id)).map((e) => [e.key, e] as const));
          for (const c of await store.listClaims(viewer, { reportId: r.id })) {
            if (nodes.size >= budget) break;
            const cid = `c${c.id}`;
            node(cid, 'claim', `${formatValue(c.value)} ${c.unit}`);
            nodes.get(cid)!.reportId = c.reportId;
            if (c.reportSource) {
              node(`s:${c.reportSource}`, 'source', c.reportSource);
              edges.push({ source: `s:${c.reportSource}`, target: cid, kind: 'carries' });
            }
            for (const key of c.entityKeys) {
              const e = names.get(key);
              node(`e:${key}`, e?.type ?? 'entity', e?.name ?? key.replace(/^[a-z]+:/, '').replace(/-/g, ' '));
              edges.push({ source: `e:${key}`, target: cid, kind: key === c.speakerKey ? 'says' : 'names' });
            }
          }
        }
        if (reports.length < 50 || nodes.size >= budget) break;
      }
      request.auditIds = [...nodes.keys()].filter((k) => k.startsWith('c'));
      return { nodes: [...nodes.values()], edges, claims: total };
    },
  );
}

/** Claim id → its proposition and series entry, built once per analysis. */
const indexes = new WeakMap<Analysis, Map<string, { p: Proposition; e: SeriesEntry }>>();

function claimIndex(analysis: Analysis): Map<string, { p: Proposition; e: SeriesEntry }> {
  let index = indexes.get(analysis);
  if (!index) {
    index = new Map();
    for (const p of analysis.propositions) for (const e of p.series) index.set(e.claimId, { p, e });
    indexes.set(analysis, index);
  }
  return index;
}

function formatValue(v: { low: number; high: number }): string {
  const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return v.low === v.high ? f(v.low) : `${f(v.low)}–${f(v.high)}`;
}
