import { parseArgs } from 'node:util';
import type { RecordedAlert } from '../../store/store.js';
import type { Command } from '../command.js';
import { positiveInt } from '../numbers-option.js';
import { VIEWER, withAnalysis } from './analysed.js';

export const alertsCommand: Command = {
  name: 'alerts',
  usage: 'parallax alerts [--limit N] [--db FILE] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const limit = values.limit !== undefined ? positiveInt(values.limit, '--limit') : values.json ? undefined : 20;
    // Analyse first: alerts of anything ingested or decided since the last analysis are recorded now.
    return withAnalysis(values.db, io, async (store) => {
      const alerts = await store.listAlerts(VIEWER, limit === undefined ? {} : { limit });
      if (values.json) {
        io.stdout.write(JSON.stringify(alerts, null, 2) + '\n');
        return 0;
      }
      if (alerts.length === 0) io.stdout.write('no alerts\n');
      for (const a of alerts) io.stdout.write(formatAlert(a));
      return 0;
    });
  },
};

function formatAlert(a: RecordedAlert): string {
  const kind = a.kind === 'new-conflict' ? 'conflict' : 'estimate';
  return `#${a.id} ${a.recordedAt.slice(0, 16).replace('T', ' ')} ${kind}: ${a.what}\n    why: ${a.why}\n`;
}
