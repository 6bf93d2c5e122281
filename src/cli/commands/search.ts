import { parseArgs } from 'node:util';
import { LOCAL_ADMIN } from '../../domain/viewer.js';
import { UsageError, type Command } from '../command.js';
import { positiveInt } from '../numbers-option.js';
import { openStoreAt, storeLocation } from '../store-option.js';

export const searchCommand: Command = {
  name: 'search',
  usage: 'parallax search QUERY... [--limit N] [--db FILE] [--json]   (words must all match; "a phrase"; a OR b)',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { db: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const query = positionals.join(' ').trim();
    if (query === '') throw new UsageError('give the words to search for');
    const limit = values.limit === undefined ? 20 : positiveInt(values.limit, '--limit');
    const store = await openStoreAt(storeLocation(values.db), { mustExist: true });
    try {
      const hits = await store.search(LOCAL_ADMIN, query, { limit });
      if (values.json) {
        io.stdout.write(JSON.stringify(hits, null, 2) + '\n');
        return 0;
      }
      if (hits.length === 0) {
        io.stdout.write(`no report matches ${JSON.stringify(query)}\n`);
        return 0;
      }
      const bold = io.stdout.isTTY ? (s: string) => `\x1b[1m${s}\x1b[22m` : (s: string) => `«${s}»`;
      for (const h of hits) {
        const copy = h.duplicateOf === null ? '' : ` (copy of #${h.duplicateOf})`;
        io.stdout.write(`#${h.reportId}  ${h.published ?? '????-??-??'}  ${h.title ?? h.origin}${copy}\n`);
        io.stdout.write(`    ${h.snippet.replace(/«([^»]*)»/g, (_, m: string) => bold(m))}\n`);
        io.stdout.write(`    ${h.origin}\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
