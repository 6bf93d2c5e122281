import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EventBus } from '../share/event-bus.js';
import type { Store } from '../store/store.js';
import type { CommandIO } from './command.js';
import { displayLocation } from './store-option.js';

/** dist/web beside dist/cli: the workspace `npm run build` made (absent when running from sources). */
export const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

export interface ServeOptions {
  host: string;
  port: number;
  conflictDelayMs: number;
  classificationOrder: readonly string[];
  /** Live events through this bus (serve --bus) rather than in process; closed with the server. */
  bus?: EventBus;
}

/**
 * Serves a store until SIGINT or SIGTERM: the API under /api/v1 and, when built, the analyst
 * workspace at `/`. Returns the exit status; closes the store.
 */
export async function serveStore(location: string, store: Store, options: ServeOptions, io: CommandIO, onListening?: (base: string) => void): Promise<number> {
  const { buildServer } = await import('../server/app.js');
  const web = existsSync(`${WEB_ROOT}index.html`) ? WEB_ROOT : undefined;
  const app = await buildServer({
    store,
    classificationOrder: options.classificationOrder,
    analysisWorkerStore: location,
    conflictDelayMs: options.conflictDelayMs,
    ...(web ? { webRoot: web } : {}),
    ...(options.bus ? { bus: options.bus } : {}),
  });
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (e) {
    await app.close();
    await store.close();
    io.stderr.write(`parallax serve: cannot listen on ${options.host}:${options.port}: ${(e as Error).message}\n`);
    return 1;
  }
  // Listened for from here on: a signal while the rest starts up still stops the server cleanly.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const base = `http://${options.host}:${port}`;
  io.stdout.write(`parallax: serving ${displayLocation(location)} on ${base}/api/v1 (OpenAPI: /api/openapi.json)\n`);
  io.stdout.write(web ? `workspace: ${base}/\n` : 'workspace: not built (npm run build), API only\n');
  if (options.bus) io.stdout.write(`live events through ${options.bus.description}\n`);
  onListening?.(base);
  // Pushes to the peers of `parallax peer add` run beside the requests, in a worker thread.
  const { startFederationWorker } = await import('../server/federation-worker.js');
  const federation = await startFederationWorker(store, location, options.classificationOrder, (line) => io.stderr.write(`${line}\n`));
  if (federation.peers > 0) {
    io.stdout.write(`federating as ${await store.instanceId()} with ${federation.peers} peer${federation.peers === 1 ? '' : 's'} (parallax peer list)\n`);
  }
  await stopped;
  io.stderr.write('parallax serve: stopping\n');
  await federation.close();
  await app.close();
  await store.close();
  return 0;
}
