import type { FastifyInstance } from 'fastify';
import { viewerOf } from '../context.js';
import { objectOf } from '../schemas.js';

/** `GET /me`: who the token acts as (partner, role, clearance, communities). */
export async function meRoutes(app: FastifyInstance): Promise<void> {
  app.get('/me', { schema: { summary: 'The partner and role the token acts for', response: { 200: objectOf('partnerId, role, clearance, communities') } } }, async (request) => {
    const v = viewerOf(request);
    return { partnerId: v.partnerId, role: v.role, clearance: v.clearance, communities: v.communities };
  });
}
