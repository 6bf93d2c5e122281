import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The browser may load scripts and styles from this server only and talk to this server only:
 * whatever a report's text holds, it is shown as text and cannot run or call elsewhere.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** The paths that answer with data (the API, TAXII): each wants a token, whatever the method. */
const DATA_PATHS = ['/api', '/taxii2'];

/** True for a request the workspace's files answer: a GET or HEAD outside every data path. */
export function isWebRequest(request: Pick<FastifyRequest, 'method' | 'url'>): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0]!;
  return !DATA_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * Serves the built workspace (web/, built into `root`) at `/`: files by path, and the page itself
 * for any other path (the workspace routes in the browser). The files hold no data, so they need no
 * token (the auth hook lets them through, see app.ts); every datum comes from /api/v1 with the
 * signed-in partner's token. Files are read once and kept: the build does not change while serving.
 */
export async function webStatic(app: FastifyInstance, options: { root: string }): Promise<void> {
  const root = resolve(options.root);
  const index = join(root, 'index.html');
  if (!existsSync(index)) throw new Error(`the workspace is not built: ${index} is missing (run npm run build)`);
  const cache = new Map<string, Buffer>();
  const read = (file: string): Buffer => {
    let b = cache.get(file);
    if (!b) cache.set(file, (b = readFileSync(file)));
    return b;
  };

  app.get('/*', { schema: { hide: true } as Record<string, unknown> }, async (request, reply) => {
    const raw = (request.params as { '*': string })['*'] ?? '';
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      return sendProblem(reply, 400, 'the path is not valid percent-encoding');
    }
    if (path === 'api' || path.startsWith('api/')) return sendProblem(reply, 404, `no route ${request.method} ${request.url.split('?')[0]}`);
    request.audited = true; // the files carry no data: nothing to audit
    const file = normalize(join(root, path));
    const inside = file.startsWith(root + sep);
    const isFile = inside && existsSync(file) && statSync(file).isFile();
    reply.headers(SECURITY_HEADERS);
    if (isFile) {
      // Built assets carry a content hash in their names: they never change under one name.
      reply.header('cache-control', path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.type(TYPES[extname(file)] ?? 'application/octet-stream').send(read(file));
    }
    if (extname(path) !== '' && !path.endsWith('.html')) return reply.code(404).type('text/plain; charset=utf-8').send('not found');
    return reply.header('cache-control', 'no-cache').type(TYPES['.html']!).send(read(index));
  });
}
