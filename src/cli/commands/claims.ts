import { parseArgs } from 'node:util';
import { LOCAL_ADMIN } from '../../domain/viewer.js';
import type { ClaimQuery, StoredClaim } from '../../store/store.js';
import { UsageError, type Command } from '../command.js';
import { parseIsoDate } from '../dates.js';
import { positiveInt } from '../numbers-option.js';
import { openStoreAt, storeLocation } from '../store-option.js';
import { formatTable, type Column } from '../table.js';
import { terminalWidth } from '../terminal-width.js';

const TABLE_LIMIT = 50;

export const claimsCommand: Command = {
  name: 'claims',
  usage: 'parallax claims [--about TEXT] [--unit U] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--db FILE] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        about: { type: 'string' },
        unit: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const query: ClaimQuery = {};
    if (values.about !== undefined) query.about = values.about;
    if (values.unit !== undefined) query.unit = values.unit;
    if (values.from !== undefined) query.from = parseIsoDate(values.from, '--from');
    if (values.to !== undefined) query.to = parseIsoDate(values.to, '--to');
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw new UsageError(`--from ${query.from} is after --to ${query.to}`);
    }
    if (values.limit !== undefined) query.limit = positiveInt(values.limit, '--limit');
    else if (!values.json) query.limit = TABLE_LIMIT; // a screenful for people; programs get everything
    const store = await openStoreAt(storeLocation(values.db), { mustExist: true });
    try {
      const claims = await store.listClaims(LOCAL_ADMIN, query);
      if (values.json) {
        io.stdout.write(JSON.stringify(claims, null, 2) + '\n');
        return 0;
      }
      io.stdout.write(formatTable(CLAIM_COLUMNS, claims, terminalWidth(io)));
      const { limit: _shown, ...all } = query;
      const total = await store.countClaims(LOCAL_ADMIN, all);
      io.stdout.write(claims.length < total ? `(${claims.length} of ${total} claims; --limit N for more)\n` : `(${total} claims)\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

export const CLAIM_COLUMNS: readonly Column<StoredClaim>[] = [
  { header: 'published', value: (c) => c.published ?? '' },
  { header: 'amount', value: (c) => formatAmount(c), align: 'right' },
  { header: 'of', value: (c) => c.counted ?? c.unit, shrink: true },
  { header: 'when', value: (c) => (c.time ? (c.time.start === c.time.end ? c.time.start : `${c.time.start}…${c.time.end}`) : '') },
  { header: 'where', value: (c) => c.location ?? '', shrink: true },
  { header: 'according to', value: (c) => c.attributedTo ?? '', shrink: true },
  { header: 'report', value: (c) => `#${c.reportId}${c.reportDuplicateOf === null ? '' : `=#${c.reportDuplicateOf}`}` },
];

const QUALIFIER_MARK: Record<string, string> = { exact: '', approximate: '~', at_most: '≤', at_least: '≥' };

/** "~25,000–30,000/day": qualifier, value or range, rate. */
export function formatAmount(c: Pick<StoredClaim, 'value' | 'qualifier' | 'per' | 'unit'>): string {
  const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const value = c.value.low === c.value.high ? n(c.value.low) : `${n(c.value.low)}–${n(c.value.high)}`;
  const unit = c.unit === '%' ? '%' : /^[A-Z]{3}$/.test(c.unit) ? ` ${c.unit}` : '';
  return `${QUALIFIER_MARK[c.qualifier] ?? ''}${value}${unit}${c.per ? `/${c.per}` : ''}`;
}
