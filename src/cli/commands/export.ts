import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { LOCAL_ADMIN, partnerReader, type Viewer } from '../../domain/viewer.js';
import type { Store } from '../../store/store.js';
import { UsageError, type Command, type CommandIO } from '../command.js';
import { positiveInt } from '../numbers-option.js';
import { openStoreAt, storeLocation } from '../store-option.js';

export const exportCommand: Command = {
  name: 'export',
  usage: [
    'parallax export --stix [--as PARTNER] [--db FILE] [-o FILE] [--no-propositions]',
    '       parallax export --misp REPORT_ID [--as PARTNER] [--db FILE] [-o FILE]',
    '  --stix: a STIX 2.1 bundle of everything; --misp: one report as a MISP event (JSON).',
    '  --as: only what that partner may see (what it would get from the API).',
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        stix: { type: 'boolean', default: false },
        misp: { type: 'string' },
        as: { type: 'string' },
        db: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'no-propositions': { type: 'boolean', default: false },
      },
    });
    if (values.stix === (values.misp !== undefined)) {
      throw new UsageError(values.stix ? 'say one format: --stix or --misp REPORT_ID' : 'say which format: --stix (a STIX 2.1 bundle) or --misp REPORT_ID (a MISP event)');
    }
    const reportId = values.misp === undefined ? undefined : positiveInt(values.misp, '--misp');
    const store = await openStoreAt(storeLocation(values.db), { mustExist: true });
    try {
      const viewer = values.as === undefined ? LOCAL_ADMIN : await partnerViewer(store, values.as);
      if (reportId !== undefined) return await exportMisp(store, viewer, reportId, values.as, values.output, io);
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

/** One report as a MISP event, with its claims' credibility from an analysis of what the viewer may see (nothing recorded). */
async function exportMisp(store: Store, viewer: Viewer, reportId: number, as: string | undefined, output: string | undefined, io: CommandIO): Promise<number> {
  const [{ exportMispEvent }, { analyseStore }] = await Promise.all([import('../../interop/misp/export.js'), import('../../store/analyse-store.js')]);
  const { analysis } = await analyseStore(store, viewer, { record: false });
  const claimCredibility = new Map<number, number>();
  for (const p of analysis.propositions) for (const s of p.series) claimCredibility.set(Number(s.claimId), s.credibility);
  const event = await exportMispEvent(store, viewer, reportId, { claimCredibility });
  if (!event) {
    io.stderr.write(`parallax export: no report ${reportId}${as === undefined ? '' : ` that ${as} may see`}\n`);
    return 1;
  }
  const json = JSON.stringify(event, null, 2) + '\n';
  if (output === undefined) io.stdout.write(json);
  else await pipeline(Readable.from([json]), createWriteStream(output));
  return 0;
}

/** What a partner may see: its clearance and communities, read-only. */
async function partnerViewer(store: Store, partnerId: string): Promise<Viewer> {
  const partner = (await store.listPartners(LOCAL_ADMIN)).find((p) => p.id === partnerId);
  if (partner === undefined) throw new UsageError(`--as ${partnerId}: no such partner (parallax partner list)`);
  return partnerReader(partner);
}
