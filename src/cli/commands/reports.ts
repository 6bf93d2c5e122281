import { parseArgs } from 'node:util';
import { LOCAL_ADMIN } from '../../domain/viewer.js';
import type { ReportSummary } from '../../store/store.js';
import type { Command } from '../command.js';
import { positiveInt } from '../numbers-option.js';
import { openStoreAt, storeLocation } from '../store-option.js';
import { formatTable } from '../table.js';
import { terminalWidth } from '../terminal-width.js';

const TABLE_LIMIT = 50;

export const reportsCommand: Command = {
  name: 'reports',
  usage: 'parallax reports [--db FILE] [--limit N] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const limit = values.limit === undefined ? undefined : positiveInt(values.limit, '--limit');
    const store = await openStoreAt(storeLocation(values.db), { mustExist: true });
    try {
      // People get a screenful unless they ask for more; programs get everything.
      const shown = limit ?? (values.json ? undefined : TABLE_LIMIT);
      const reports = await store.listReports(LOCAL_ADMIN, shown === undefined ? {} : { limit: shown });
      if (values.json) {
        io.stdout.write(JSON.stringify(reports, null, 2) + '\n');
        return 0;
      }
      const total = await store.countReports(LOCAL_ADMIN);
      io.stdout.write(
        formatTable<ReportSummary>(
          [
            { header: 'id', value: (r) => r.id },
            { header: 'published', value: (r) => r.published ?? '' },
            { header: 'title', value: (r) => r.title ?? '', shrink: true },
            { header: 'source', value: (r) => r.source ?? '', shrink: true },
            { header: 'claims', value: (r) => r.claims },
            { header: 'copy of', value: (r) => (r.duplicateOf === null ? '' : `#${r.duplicateOf}`) },
            { header: 'origin', value: (r) => r.origin, shrink: true },
          ],
          reports,
          terminalWidth(io),
        ),
      );
      io.stdout.write(reports.length < total ? `(${reports.length} of ${total} reports; --limit N for more)\n` : `(${total} reports)\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
