import { newBundleId } from './ids.js';
import type { StixObject } from './objects.js';

/**
 * A STIX bundle as text chunks, one object per chunk: the envelope is written around the
 * objects as they come, so neither the objects nor the text are ever held whole. Feed it to
 * `Readable.from` (CLI file, HTTP reply); backpressure then paces the store reads.
 */
export async function* bundleChunks(objects: AsyncIterable<StixObject>, bundleId: string = newBundleId()): AsyncGenerator<string> {
  let first = true;
  let pending = `{"type":"bundle","id":${JSON.stringify(bundleId)},"objects":[`;
  for await (const o of objects) {
    pending += `${first ? '\n' : ',\n'}${JSON.stringify(o)}`;
    first = false;
    // Small objects are batched into chunks of ~64 KB: one write per object costs more than the JSON.
    if (pending.length >= 65_536) {
      yield pending;
      pending = '';
    }
  }
  yield `${pending}\n]}\n`;
}
