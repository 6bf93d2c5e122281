import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store.js';

/**
 * The onResponse hook: one audit entry per request, with who asked (partner and role), the route
 * (not the raw URL: the template, so entries group), the status and the ids read or written.
 * An unknown path is logged with its raw path in `detail`, cut short.
 */
export function auditRequests(store: Store) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (request.audited) return;
    await writeAudit(store, request, reply.statusCode);
  };
}

export async function writeAudit(store: Store, request: FastifyRequest, status: number, detail: string | null = null): Promise<void> {
  const route = request.routeOptions.url;
  try {
    await store.appendAudit({
      partnerId: request.viewer?.partnerId ?? null,
      role: request.viewer?.role ?? null,
      action: `${request.method} ${route ?? '(no route)'}`,
      status,
      ids: request.auditIds,
      detail: detail ?? (route === undefined ? request.url.slice(0, 200) : null),
    });
  } catch (e) {
    // The response is gone already; an audit that cannot be written must at least be loud.
    request.log.error({ err: e }, 'audit entry not written');
    process.emitWarning(`audit entry not written: ${(e as Error).message}`);
  }
}
