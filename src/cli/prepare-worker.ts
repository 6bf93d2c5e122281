// Worker thread of `parallax ingest` (prepared-files.ts): prepares each file it is sent and answers
// with the result, in the order sent, while the main thread stores the ones before.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareFile, type PrepareOptions } from './prepare-file.js';

const options = workerData as PrepareOptions;
parentPort!.on('message', ({ seq, origin, bytes }: { seq: number; origin: string; bytes: Uint8Array }) => {
  const prepared = prepareFile(origin, bytes, options);
  try {
    parentPort!.postMessage({ seq, prepared });
  } catch {
    // Not cloneable (should not happen: prepared files are plain data): the main thread redoes it.
    parentPort!.postMessage({ seq });
  }
});
