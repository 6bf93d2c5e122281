import type { FastifyReply, FastifyRequest } from 'fastify';
import { credentialToken, hashToken } from '../share/tokens.js';
import type { Store } from '../store/store.js';
import { HttpProblem } from './problem.js';

/**
 * The onRequest hook of every route (the OpenAPI document and unknown paths included): a request
 * without a known `Authorization: Bearer TOKEN` (or HTTP Basic with the token as password, for
 * TAXII clients) gets 401 and learns nothing else.
 */
export function authenticate(store: Store) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization;
    const token = credentialToken(header);
    if (token === undefined) {
      throw new HttpProblem(401, header === undefined ? 'send Authorization: Bearer TOKEN' : 'Authorization must be Bearer TOKEN (or Basic with the token as password)', {
        'www-authenticate': 'Bearer realm="parallax", Basic realm="parallax"',
      });
    }
    const viewer = await store.viewerForToken(hashToken(token));
    if (!viewer) {
      throw new HttpProblem(401, 'the token is not known or was revoked', {
        'www-authenticate': 'Bearer realm="parallax", error="invalid_token"',
      });
    }
    request.viewer = viewer;
  };
}

/** Writing needs an analyst or an admin. */
export function mustWrite(request: FastifyRequest, what: string): void {
  const role = request.viewer?.role;
  if (role !== 'analyst' && role !== 'admin') throw new HttpProblem(403, `${what} needs an analyst or admin token, not a ${role ?? 'missing'} one`);
}
