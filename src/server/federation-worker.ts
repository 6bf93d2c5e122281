import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Store } from '../store/store.js';

type ToWorker = 'wake' | 'stop';
type FromWorker = { log: string } | { started: number } | 'stopped';

/**
 * The federation loop off the request thread, as `parallax serve` runs it. Pushing is I/O and a
 * little work per report, but on the server's thread each of its steps would wait behind every
 * request being answered (each submitted report is extracted there), so a busy server would send
 * late. The worker opens its own connection to the same store (SQLite in WAL reads while the
 * server writes; PostgreSQL: its own pool); the server tells it of each write, since store events
 * do not cross connections.
 */
export async function startFederationWorker(
  store: Store,
  location: string,
  classificationOrder: readonly string[],
  log: (line: string) => void,
): Promise<{ peers: number; close(): Promise<void> }> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { federationFile: location, classificationOrder } });
  const stopped = new Promise<void>((resolve) => {
    worker.on('message', (m: FromWorker) => (m === 'stopped' ? resolve() : typeof m === 'object' && 'log' in m ? log(m.log) : undefined));
    worker.on('exit', () => resolve());
  });
  worker.on('error', (e) => log(`parallax federation: the federation thread failed: ${e.message}`));
  const peers = await new Promise<number>((resolve, reject) => {
    const on = (m: FromWorker) => {
      if (typeof m === 'object' && 'started' in m) {
        worker.off('message', on);
        resolve(m.started);
      }
    };
    worker.on('message', on);
    worker.once('error', reject);
  });
  const unsubscribe = store.onEvent((e) => {
    if (e.kind === 'report.ingested' || e.kind === 'report.replaced') worker.postMessage('wake' satisfies ToWorker);
  });
  return {
    peers,
    async close() {
      unsubscribe();
      worker.postMessage('stop' satisfies ToWorker);
      await stopped;
      await worker.terminate();
    },
  };
}

if (parentPort && workerData?.federationFile) {
  const port = parentPort;
  const { openStore } = await import('../store/open-store.js');
  const { Federation } = await import('./federation-loop.js');
  const store = await openStore(workerData.federationFile as string, { classificationOrder: workerData.classificationOrder as string[] });
  const federation = new Federation({ store, log: (line) => port.postMessage({ log: line } satisfies FromWorker) });
  await federation.start();
  port.postMessage({ started: federation.peers } satisfies FromWorker);
  port.on('message', async (m: ToWorker) => {
    if (m === 'wake') federation.wake();
    else if (m === 'stop') {
      await federation.stop();
      await store.close();
      port.postMessage('stopped' satisfies FromWorker);
    }
  });
}
