import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.js';
import { positiveInt } from '../numbers-option.js';
import { displayLocation, openStoreAt, storeLocation } from '../store-option.js';

export const serveCommand: Command = {
  name: 'serve',
  usage: [
    'parallax serve [--db FILE] [--port 7340] [--host 127.0.0.1] [--conflicts-every SECONDS]',
    '  --conflicts-every: while reports arrive, look for new conflicts of subscribed partners at most this often (default 30; 0: never)',
    '  Pushes to the peers of `parallax peer add` what their partner may see, and keeps doing so as reports arrive.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'conflicts-every': { type: 'string' } },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}`);
    const port = values.port === undefined ? 7340 : positiveInt(values.port, '--port');
    if (port > 65535) throw new UsageError(`--port ${port} is not a port`);
    const host = values.host ?? '127.0.0.1';
    const every = values['conflicts-every'];
    if (every !== undefined && !/^\d+$/.test(every)) throw new UsageError(`--conflicts-every wants whole seconds, not "${every}"`);
    const conflictDelayMs = every === undefined ? 30_000 : Number(every) === 0 ? -1 : Number(every) * 1000;
    const location = storeLocation(values.db);
    const { classificationOrder } = await import('../../share/classifications.js');
    const order = classificationOrder();
    const store = await openStoreAt(location, { classificationOrder: order });
    const { LOCAL_ADMIN } = await import('../../domain/viewer.js');
    const partners = await store.listPartners(LOCAL_ADMIN);
    const { serveStore } = await import('../serve-store.js');
    return serveStore(location, store, { host, port, conflictDelayMs, classificationOrder: order }, io, () => {
      io.stdout.write(
        partners.length === 0
          ? 'no partners yet: add one with `parallax partner add NAME --clearance LEVEL --db ' + displayLocation(location) + '`\n'
          : `${partners.length} partner${partners.length === 1 ? '' : 's'}: ${partners.map((p) => p.id).join(', ')}\n`,
      );
    });
  },
};
