/**
 * Response schemas: they document the routes in the OpenAPI document. They name the top-level
 * fields only and let the rest through (`additionalProperties`), because the records are typed in
 * TypeScript (src/store/store.ts) and a second, drifting copy here would serialise nulls wrongly.
 */
export function objectOf(description: string) {
  return { description, type: 'object', additionalProperties: true } as const;
}

export function listOf(description: string) {
  return {
    description,
    type: 'object',
    additionalProperties: true,
    properties: {
      items: { type: 'array', items: { type: 'object', additionalProperties: true } },
      total: { type: 'integer' },
      next: { type: ['string', 'null'] },
    },
  } as const;
}

export const PROBLEM_SCHEMA = {
  description: 'RFC 9457 problem details',
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { where: { type: 'string' }, problem: { type: 'string' } } } },
  },
} as const;
