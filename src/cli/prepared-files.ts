import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { prepareFile, problemOf, unreadableFile, type PrepareOptions, type PreparedFile } from './prepare-file.js';
import type { InputFile } from './read-inputs.js';

/**
 * Where files are prepared (collected and extracted): on this thread, or on a worker thread that
 * works ahead while this one stores. 'auto' takes the worker for batches large enough to repay
 * its start-up on a machine with a second core.
 */
export type PrepareThread = 'auto' | 'worker' | 'inline';

/** Below this many files a worker's start-up (loading the extractors, ~0.3 s) costs more than it saves. */
const WORKER_MIN_FILES = 200;
/** Files handed to the worker ahead of the one being stored: enough to keep it busy through a commit. */
const AHEAD_FILES = 400;
/** …and no more bytes than this waiting, however many files that is. */
const AHEAD_BYTES = 64 * 1024 * 1024;

/**
 * The files prepared, in their order, whichever thread prepared them: the store sees the same
 * sequence either way, so duplicates link to the same originals and progress counts the same.
 */
export async function* preparedFiles(
  files: readonly InputFile[],
  options: PrepareOptions,
  thread: PrepareThread = 'auto',
  /** The worker script (tests give one that fails). */
  entry: URL | null = workerEntry(),
): AsyncGenerator<PreparedFile> {
  const useWorker =
    entry !== null && (thread === 'worker' || (thread === 'auto' && files.length >= WORKER_MIN_FILES && availableParallelism() > 1));
  if (!useWorker) {
    for (const file of files) yield await prepareHere(file, options);
    return;
  }
  const worker = new PrepareWorker(entry, options);
  try {
    let sent = 0;
    for (let i = 0; i < files.length; i++) {
      while (sent < files.length && sent - i < AHEAD_FILES && worker.bytesAhead < AHEAD_BYTES) {
        await worker.send(sent, files[sent]!);
        sent++;
      }
      yield await worker.take(i);
    }
  } finally {
    await worker.close();
  }
}

async function prepareHere(file: InputFile, options: PrepareOptions): Promise<PreparedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await file.read();
  } catch (e) {
    return unreadableFile(file.origin, problemOf(e));
  }
  return prepareFile(file.origin, bytes, options);
}

/** The compiled worker script; null when running from TypeScript sources (tsx), which a worker cannot load as is. */
function workerEntry(): URL | null {
  const url = new URL('./prepare-worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') ? url : null;
}

type Slot = { done: PreparedFile } | { waiting: Uint8Array; origin: string };

/**
 * One worker thread preparing files in the order sent. If it dies (a bug, not a bad file: those
 * are failures in its answers), the files it had not answered are prepared on this thread from
 * the bytes kept here, so nothing sent is lost.
 */
class PrepareWorker {
  private readonly worker: Worker;
  private readonly options: PrepareOptions;
  private readonly slots = new Map<number, Slot>();
  private wake: (() => void) | null = null;
  private broken = false;
  bytesAhead = 0;

  constructor(entry: URL, options: PrepareOptions) {
    this.options = options;
    this.worker = new Worker(entry, { workerData: options });
    this.worker.on('message', (m: { seq: number; prepared?: PreparedFile }) => {
      const slot = this.slots.get(m.seq);
      if (!slot || 'done' in slot) return;
      // An answer the worker could not send whole (no `prepared`) is redone here.
      if (m.prepared) {
        this.bytesAhead -= slot.waiting.length;
        this.slots.set(m.seq, { done: m.prepared });
      }
      this.notify();
    });
    const stop = () => {
      this.broken = true;
      this.notify();
    };
    this.worker.on('error', stop);
    this.worker.on('exit', stop);
  }

  async send(seq: number, file: InputFile): Promise<void> {
    let bytes: Uint8Array;
    try {
      // A copy of its own (a Buffer's slice() would be a view): the reader's buffer is reused for
      // the next file, and a view would also send the whole 1 MiB buffer to the worker.
      bytes = new Uint8Array(await file.read());
    } catch (e) {
      this.slots.set(seq, { done: unreadableFile(file.origin, problemOf(e)) });
      return;
    }
    this.slots.set(seq, { waiting: bytes, origin: file.origin });
    this.bytesAhead += bytes.length;
    if (!this.broken) this.worker.postMessage({ seq, origin: file.origin, bytes });
  }

  async take(seq: number): Promise<PreparedFile> {
    for (;;) {
      const slot = this.slots.get(seq);
      if (!slot) throw new Error(`file ${seq} was never sent to the prepare worker`);
      if ('done' in slot) {
        this.slots.delete(seq);
        return slot.done;
      }
      if (this.broken) {
        this.slots.delete(seq);
        this.bytesAhead -= slot.waiting.length;
        return prepareFile(slot.origin, slot.waiting, this.options);
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async close(): Promise<void> {
    this.broken = true;
    await this.worker.terminate();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
