import { parseArgs } from 'node:util';
import { LOCAL_ADMIN } from '../../domain/viewer.js';
import type { AuditEntry } from '../../store/store.js';
import { UsageError, type Command } from '../command.js';
import { positiveInt } from '../numbers-option.js';
import { openStoreAt, storeLocation } from '../store-option.js';
import { formatTable } from '../table.js';
import { terminalWidth } from '../terminal-width.js';

export const auditCommand: Command = {
  name: 'audit',
  usage: ['parallax audit verify [--db FILE]    exit 0 and "ok N entries", or exit 1 naming the first broken entry', '       parallax audit list [--limit N] [--db FILE] [--json]'].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { db: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const [action, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError(`unexpected ${rest.join(' ')}`);
    if (action !== 'verify' && action !== 'list') throw new UsageError(action === undefined ? 'name an action: verify or list' : `no action "${action}" (verify, list)`);
    const limit = values.limit === undefined ? 50 : positiveInt(values.limit, '--limit');
    const store = await openStoreAt(storeLocation(values.db), { mustExist: true });
    try {
      if (action === 'verify') {
        const { verifyAuditLog } = await import('../../share/audit.js');
        const verdict = await verifyAuditLog(store);
        if (verdict.ok) {
          io.stdout.write(`ok ${verdict.entries} entries\n`);
          return 0;
        }
        io.stdout.write(`broken at entry ${verdict.brokenAt}: ${verdict.problem} (${verdict.entries} entries before it check out)\n`);
        return 1;
      }
      const all: AuditEntry[] = [];
      for (let afterId = 0; ; ) {
        const page = await store.listAudit(LOCAL_ADMIN, { afterId, limit: 10_000 });
        all.push(...page);
        if (page.length < 10_000) break;
        afterId = page[page.length - 1]!.id;
      }
      const shown = all.slice(-limit);
      if (values.json) {
        io.stdout.write(JSON.stringify(shown, null, 2) + '\n');
        return 0;
      }
      io.stdout.write(
        formatTable<AuditEntry>(
          [
            { header: 'id', value: (e) => e.id },
            { header: 'at', value: (e) => e.at.replace('T', ' ').slice(0, 19) },
            { header: 'partner', value: (e) => e.partnerId ?? '?' },
            { header: 'role', value: (e) => e.role ?? '' },
            { header: 'action', value: (e) => e.action },
            { header: 'status', value: (e) => e.status },
            { header: 'ids', value: (e) => e.ids.join(' '), shrink: true },
          ],
          shown,
          terminalWidth(io),
        ),
      );
      io.stdout.write(`(${shown.length} of ${all.length} entries)\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
