import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Viewer } from '../domain/viewer.js';
import type { AnalyseScope } from './analysis-cache.js';

/**
 * Analysis off the request thread. A scope's analysis reads every claim it may see (a few hundred
 * ms per 10,000 claims): run on the server's thread it would stall every request and stream for
 * that long. The worker opens its own connection to the same store (a SQLite file, where WAL lets
 * it read while the server writes, or a PostgreSQL database) and records snapshots and alerts
 * there, one scope at a time.
 */
export function analysisWorker(location: string, classificationOrder: readonly string[]): { analyse: AnalyseScope; close(): Promise<void> } {
  const worker = new Worker(new URL(import.meta.url), { workerData: { location, classificationOrder } });
  worker.unref();
  let next = 0;
  const waiting = new Map<number, { resolve: (v: Awaited<ReturnType<AnalyseScope>>) => void; reject: (e: Error) => void }>();
  worker.on('message', (m: { id: number; error?: string } & Partial<Awaited<ReturnType<AnalyseScope>>>) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (!w) return;
    if (m.error !== undefined) w.reject(new Error(m.error));
    else w.resolve({ analysis: m.analysis!, alerts: m.alerts! });
  });
  worker.on('error', (e) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  });
  return {
    analyse: (viewer: Viewer) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, viewer });
      }),
    async close() {
      await worker.terminate();
    },
  };
}

if (parentPort && workerData?.location) {
  const port = parentPort;
  const { openStore } = await import('../store/open-store.js');
  const { analyseStore } = await import('../store/analyse-store.js');
  const store = await openStore(workerData.location as string, { classificationOrder: workerData.classificationOrder as string[] });
  // One at a time, in order: analyses are CPU work, running two at once only slows both.
  let queue = Promise.resolve();
  port.on('message', (m: { id: number; viewer: Viewer }) => {
    queue = queue.then(async () => {
      try {
        const run = await analyseStore(store, m.viewer);
        port.postMessage({ id: m.id, analysis: run.analysis, alerts: run.alerts });
      } catch (e) {
        port.postMessage({ id: m.id, error: (e as Error).message });
      }
    });
  });
}
