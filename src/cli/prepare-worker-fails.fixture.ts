// A prepare worker with a bug: it dies on the first file it is sent (prepared-files.test.ts).
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', () => {
  throw new Error('a fault in the worker itself');
});
