import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { LOCAL_ADMIN, type Viewer } from '../../domain/viewer.js';
import type { Store } from '../../store/store.js';
import { UsageError, type Command } from '../command.js';
import { openStoreFile, storePath } from '../store-option.js';

export const exportCommand: Command = {
  name: 'export',
  usage: 'parallax export --stix [--as PARTNER] [--db FILE] [-o FILE] [--no-propositions]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        stix: { type: 'boolean', default: false },
        as: { type: 'string' },
        db: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'no-propositions': { type: 'boolean', default: false },
      },
    });
    if (!values.stix) throw new UsageError('say which format: --stix (a STIX 2.1 bundle)');
    const store = await openStoreFile(storePath(values.db), { mustExist: true });
    try {
      const viewer = values.as === undefined ? LOCAL_ADMIN : await partnerViewer(store, values.as);
      const { exportObjects } = await import('../../interop/stix/export.js');
      const { bundleChunks } = await import('../../interop/stix/bundle-writer.js');
      let count = 0;
      const counted = (async function* () {
        for await (const o of exportObjects(store, viewer, { propositions: !values['no-propositions'] })) {
          count++;
          yield o;
        }
      })();
      const chunks = Readable.from(bundleChunks(counted));
      // Written as the objects come (stream backpressure paces the reads): the bundle is never held whole.
      if (values.output === undefined) await pipeline(chunks, io.stdout, { end: false });
      else await pipeline(chunks, createWriteStream(values.output));
      if (values.output !== undefined) io.stderr.write(`parallax export: ${count} STIX objects to ${values.output}\n`);
    } finally {
      await store.close();
    }
    return 0;
  },
};

/** What a partner may see: its clearance and communities, read-only. */
async function partnerViewer(store: Store, partnerId: string): Promise<Viewer> {
  const partner = (await store.listPartners(LOCAL_ADMIN)).find((p) => p.id === partnerId);
  if (partner === undefined) throw new UsageError(`--as ${partnerId}: no such partner (parallax partner list)`);
  return { partnerId: partner.id, clearance: partner.clearance, communities: partner.communities, role: 'reader' };
}
