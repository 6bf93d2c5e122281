import type { RouteOptions } from 'fastify';
import { PROBLEM_SCHEMA } from './schemas.js';

export interface RouteSchema {
  summary?: string;
  params?: JsonSchema;
  querystring?: JsonSchema;
  headers?: JsonSchema;
  body?: JsonSchema;
  response?: Record<string, JsonSchema>;
}

type JsonSchema = { properties?: Record<string, JsonSchema>; required?: readonly string[]; description?: string; [k: string]: unknown };

export interface RegisteredRoute {
  method: string;
  url: string;
  schema: RouteSchema;
}

/** Collects every route as fastify registers it (an onRoute hook), for the OpenAPI document. */
export function routeRecorder(): { routes: RegisteredRoute[]; onRoute: (r: RouteOptions) => void } {
  const routes: RegisteredRoute[] = [];
  return {
    routes,
    onRoute(r) {
      for (const method of [r.method].flat()) routes.push({ method: String(method), url: r.url, schema: (r.schema ?? {}) as RouteSchema });
    },
  };
}

/** `/api/v1/reports/:id` → `/api/v1/reports/{id}`. */
export const openApiPath = (url: string): string => url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

/**
 * The OpenAPI 3.1 document, generated from the routes' own JSON schemas (the ones fastify
 * validates requests with), so the document cannot drift from what the server accepts.
 */
export function openApiDocument(routes: readonly RegisteredRoute[], info: { version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const op: Record<string, unknown> = {
      operationId: `${r.method.toLowerCase()}${openApiPath(r.url).replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: r.schema.summary ?? '',
      parameters: [
        ...parametersOf(r.schema.params, 'path'),
        ...parametersOf(r.schema.querystring, 'query'),
        ...parametersOf(r.schema.headers, 'header'),
      ],
      responses: responsesOf(r.schema.response),
    };
    if (r.schema.body) op['requestBody'] = { required: true, content: { 'application/json': { schema: r.schema.body } } };
    (paths[openApiPath(r.url)] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parallax API',
      version: info.version,
      description:
        'Reports, claims, entities, propositions, conflicts and a live stream, each filtered by the access policy: a caller sees what its partner is cleared and released for, and derived figures from those reports only. A record the caller may not see answers as one that does not exist.',
    },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token from `parallax partner add` or `parallax partner token`' } },
      schemas: { Problem: PROBLEM_SCHEMA },
    },
    paths,
  };
}

function parametersOf(schema: JsonSchema | undefined, where: 'path' | 'query' | 'header'): Record<string, unknown>[] {
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, s]) => ({
    name: where === 'header' ? name.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase()) : name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

function responsesOf(response: Record<string, JsonSchema> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(response ?? {})) {
    const { description, ...rest } = schema;
    const type = rest['type'] === 'string' ? 'text/event-stream' : 'application/json';
    out[status] = { description: description ?? '', content: { [type]: { schema: rest } } };
  }
  out['default'] = { description: 'a problem (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  return out;
}
