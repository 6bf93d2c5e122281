import { parseArgs } from 'node:util';
import type { Viewer } from '../../domain/viewer.js';
import { LOCAL_ADMIN } from '../../domain/viewer.js';
import type { Store } from '../../store/store.js';
import { UsageError, type Command } from '../command.js';
import { positiveInt } from '../numbers-option.js';
import { openStoreFile, storePath } from '../store-option.js';

export const exportCommand: Command = {
  name: 'export',
  usage: [
    'parallax export --misp REPORT_ID [--as PARTNER] [--db FILE]',
    '  Prints one report as a MISP event (JSON). --as: only what that partner may see (the export it would get from the API).',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { misp: { type: 'string' }, as: { type: 'string' }, db: { type: 'string' } },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}`);
    if (values.misp === undefined) throw new UsageError('say what to export: --misp REPORT_ID');
    const reportId = positiveInt(values.misp, '--misp');
    const store = await openStoreFile(storePath(values.db), { mustExist: true });
    try {
      const viewer = values.as === undefined ? LOCAL_ADMIN : await partnerViewer(store, values.as);
      const { exportMispEvent } = await import('../../interop/misp/export.js');
      const event = await exportMispEvent(store, viewer, reportId, { claimCredibility: await claimCredibility(store, viewer) });
      if (!event) {
        io.stderr.write(`parallax export: no report ${reportId}${values.as === undefined ? '' : ` that ${values.as} may see`}\n`);
        return 1;
      }
      io.stdout.write(JSON.stringify(event, null, 2) + '\n');
      return 0;
    } finally {
      await store.close();
    }
  },
};

/** The viewer a partner's reader token would be: its clearance and communities. */
async function partnerViewer(store: Store, partnerId: string): Promise<Viewer> {
  const partner = (await store.listPartners(LOCAL_ADMIN)).find((p) => p.id === partnerId);
  if (!partner) throw new UsageError(`--as: no partner "${partnerId}" (parallax partner list)`);
  return { partnerId: partner.id, clearance: partner.clearance, communities: [...partner.communities].sort(), role: 'reader' };
}

/** Each visible claim's information credibility, from an analysis of what the viewer may see (nothing recorded). */
async function claimCredibility(store: Store, viewer: Viewer): Promise<Map<number, number>> {
  const { analyseStore } = await import('../../store/analyse-store.js');
  const { analysis } = await analyseStore(store, viewer, { record: false });
  const out = new Map<number, number>();
  for (const p of analysis.propositions) for (const s of p.series) out.set(Number(s.claimId), s.credibility);
  return out;
}
