import { parseArgs } from 'node:util';
import type { Conflict } from '../../analyse/index.js';
import type { Command } from '../command.js';
import { positiveInt } from '../numbers-option.js';
import { formatTable } from '../table.js';
import { terminalWidth } from '../terminal-width.js';
import { dayRange, formatAllowed, shortId, withAnalysis } from './analysed.js';

export const conflictsCommand: Command = {
  name: 'conflicts',
  usage: 'parallax conflicts [--limit N] [--db FILE] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const limit = values.limit !== undefined ? positiveInt(values.limit, '--limit') : values.json ? Infinity : 50;
    return withAnalysis(values.db, io, async (_store, { analysis }) => {
      const labels = new Map(analysis.propositions.map((p) => [p.id, p.label]));
      // Widest gaps relative to the values first: those are the ones to look at.
      const all = [...analysis.conflicts].sort((a, b) => (b.ratio ?? Infinity) - (a.ratio ?? Infinity) || b.gap - a.gap);
      const shown = all.slice(0, limit);
      if (values.json) {
        io.stdout.write(JSON.stringify(shown.map((c) => ({ ...c, propositionLabel: labels.get(c.propositionId) ?? null })), null, 2) + '\n');
        return 0;
      }
      io.stdout.write(
        formatTable<Conflict>(
          [
            { header: 'proposition', value: (c) => `${shortId(c.propositionId)} ${labels.get(c.propositionId) ?? ''}`, shrink: true },
            { header: 'claim', value: (c) => c.a.claimId },
            { header: 'says', value: (c) => formatAllowed(c.a.allowed.low, c.a.allowed.high), align: 'right' },
            { header: 'source', value: (c) => `${c.a.sourceLabel} (${c.a.reliability})`, shrink: true },
            { header: 'claim', value: (c) => c.b.claimId },
            { header: 'says', value: (c) => formatAllowed(c.b.allowed.low, c.b.allowed.high), align: 'right' },
            { header: 'source', value: (c) => `${c.b.sourceLabel} (${c.b.reliability})`, shrink: true },
            { header: 'when', value: (c) => dayRange(c.a.time) },
            { header: 'gap', value: (c) => c.gap },
            { header: '×', value: (c) => (c.ratio === null ? '' : c.ratio.toFixed(2)), align: 'right' },
          ],
          shown,
          terminalWidth(io),
        ),
      );
      io.stdout.write(`(${shown.length < all.length ? `${shown.length} of ${all.length}` : all.length} conflicts; \`parallax estimates ID\` for the series)\n`);
      return 0;
    });
  },
};
