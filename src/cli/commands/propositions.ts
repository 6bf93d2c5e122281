import { parseArgs } from 'node:util';
import type { Override, Proposition } from '../../analyse/index.js';
import type { StoredOverride } from '../../store/store.js';
import { UsageError, type Command, type CommandIO } from '../command.js';
import { positiveInt } from '../numbers-option.js';
import { formatTable } from '../table.js';
import { terminalWidth } from '../terminal-width.js';
import { VIEWER, analyse, findProposition, formatAllowed, shortId, sourceCount, withAnalysis } from './analysed.js';

const TABLE_LIMIT = 50;

export const propositionsCommand: Command = {
  name: 'propositions',
  usage: [
    'parallax propositions [--about TEXT] [--limit N] [--db FILE] [--json]',
    '       parallax propositions merge A B...              B… join A (A keeps its id and label)',
    '       parallax propositions split P CLAIM_ID... --label L   the claims leave P for a new proposition L',
    '       parallax propositions overrides [--json]        merges and splits made so far',
    '       parallax propositions withdraw OVERRIDE_ID      undo one merge or split',
    '  A, B, P: an id, an id prefix or words of the label; merges and splits persist and outlive re-analysis.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        about: { type: 'string' },
        label: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const [action = 'list', ...args] = positionals;
    switch (action) {
      case 'list':
        if (args.length > 0) throw new UsageError(`unexpected ${args.join(' ')}`);
        return list(io, values);
      case 'merge':
        return merge(io, values.db, args, values.json);
      case 'split':
        return split(io, values.db, args, values.label, values.json);
      case 'overrides':
        return overrides(io, values.db, values.json);
      case 'withdraw':
        return withdraw(io, values.db, args);
      default:
        throw new UsageError(`no action "${action}" (list, merge, split, overrides, withdraw)`);
    }
  },
};

interface ListOptions {
  db?: string | undefined;
  about?: string | undefined;
  limit?: string | undefined;
  json?: boolean | undefined;
}

async function list(io: CommandIO, values: ListOptions): Promise<number> {
  const limit = values.limit !== undefined ? positiveInt(values.limit, '--limit') : values.json ? Infinity : TABLE_LIMIT;
  return withAnalysis(values.db, io, async (_store, { analysis }) => {
    const about = values.about?.toLowerCase();
    const all = about === undefined ? analysis.propositions : analysis.propositions.filter((p) => p.label.toLowerCase().includes(about));
    const shown = all.slice(0, limit);
    if (values.json) {
      io.stdout.write(JSON.stringify(shown.map(summary), null, 2) + '\n');
      return 0;
    }
    io.stdout.write(
      formatTable<Proposition>(
        [
          { header: 'id', value: (p) => shortId(p.id) },
          { header: 'proposition', value: (p) => p.label + (p.origin === 'grouped' ? '' : ` (${p.origin})`), shrink: true },
          { header: 'claims', value: (p) => p.series.length },
          { header: 'sources', value: (p) => sourceCount(p) },
          { header: 'best estimate', value: (p) => estimateText(p), align: 'right' },
          { header: 'as of', value: (p) => p.estimate?.asOf.end ?? '' },
          { header: 'conflicts', value: (p) => p.conflictIds.length },
        ],
        shown,
        terminalWidth(io),
      ),
    );
    io.stdout.write(
      `(${shown.length < all.length ? `${shown.length} of ${all.length}` : all.length} propositions, ${analysis.conflicts.length} conflicts` +
        `${shown.length < all.length ? '; --limit N for more' : ''}; \`parallax estimates ID\` for a series)\n`,
    );
    for (const note of analysis.notes) io.stderr.write(`note: ${note}\n`);
    return 0;
  });
}

/** The JSON of a proposition in a list: everything but the series (see `parallax estimates`). */
function summary(p: Proposition) {
  const { series, ...rest } = p;
  return { ...rest, claims: series.length, sources: [...new Set(series.map((s) => s.sourceKey))].sort() };
}

export function estimateText(p: Proposition): string {
  if (!p.estimate) return '';
  return `${p.estimate.contested ? 'contested ' : ''}${formatAllowed(p.estimate.low, p.estimate.high)}`;
}

async function merge(io: CommandIO, db: string | undefined, args: string[], json: boolean | undefined): Promise<number> {
  if (args.length < 2) throw new UsageError('merge wants two propositions or more: A B...');
  return withAnalysis(db, io, async (store, { analysis }) => {
    const into = findProposition(analysis, args[0]!);
    const from = args.slice(1).map((ref) => findProposition(analysis, ref));
    if (from.some((p) => p.id === into.id)) throw new UsageError('a proposition cannot be merged into itself');
    const made: StoredOverride[] = [];
    for (const p of from) made.push(await store.addOverride(VIEWER, { kind: 'merge', from: p.id, into: into.id }, analystName()));
    const after = await analyse(store, io);
    const merged = after.analysis.propositions.find((p) => p.id === into.id);
    if (json) {
      io.stdout.write(JSON.stringify({ overrides: made, proposition: merged ? summary(merged) : null }, null, 2) + '\n');
      return 0;
    }
    for (const p of from) io.stdout.write(`merged ${shortId(p.id)} "${p.label}" (${p.series.length} claims) into ${shortId(into.id)}\n`);
    if (merged) io.stdout.write(`${shortId(merged.id)} "${merged.label}": ${merged.series.length} claims, best estimate ${estimateText(merged) || 'none'}\n`);
    return 0;
  });
}

async function split(
  io: CommandIO,
  db: string | undefined,
  args: string[],
  label: string | undefined,
  json: boolean | undefined,
): Promise<number> {
  if (args.length < 2) throw new UsageError('split wants a proposition and the claim ids to take out: P CLAIM_ID...');
  if (label === undefined || label.trim() === '') throw new UsageError('split wants --label L for the new proposition');
  return withAnalysis(db, io, async (store, { analysis }) => {
    const parent = findProposition(analysis, args[0]!);
    const claimIds = [...new Set(args.slice(1))];
    const inIt = new Set(parent.series.map((s) => s.claimId));
    const strangers = claimIds.filter((id) => !inIt.has(id));
    if (strangers.length > 0) throw new UsageError(`claim${strangers.length === 1 ? '' : 's'} ${strangers.join(', ')} not in ${shortId(parent.id)}`);
    if (claimIds.length === inIt.size) throw new UsageError('that takes every claim: nothing would be left to split from');
    const override: Override = { kind: 'split', propositionId: parent.id, claimIds, newLabel: label.trim() };
    const made = await store.addOverride(VIEWER, override, analystName());
    const after = await analyse(store, io);
    const { splitId } = await import('../../analyse/index.js');
    const created = after.analysis.propositions.find((p) => p.id === splitId(parent.id, label.trim()));
    if (json) {
      io.stdout.write(JSON.stringify({ override: made, proposition: created ? summary(created) : null }, null, 2) + '\n');
      return 0;
    }
    io.stdout.write(`split ${claimIds.length} claim${claimIds.length === 1 ? '' : 's'} out of ${shortId(parent.id)} "${parent.label}"\n`);
    if (created) io.stdout.write(`${shortId(created.id)} "${created.label}": ${created.series.length} claims, best estimate ${estimateText(created) || 'none'}\n`);
    return 0;
  });
}

async function overrides(io: CommandIO, db: string | undefined, json: boolean | undefined): Promise<number> {
  const { openStoreAt, storeLocation } = await import('../store-option.js');
  const store = await openStoreAt(storeLocation(db), { mustExist: true });
  try {
    const all = await store.listOverrides(VIEWER);
    if (json) {
      io.stdout.write(JSON.stringify(all, null, 2) + '\n');
      return 0;
    }
    io.stdout.write(
      formatTable<StoredOverride>(
        [
          { header: 'id', value: (o) => o.id },
          { header: 'made', value: (o) => o.madeAt.slice(0, 16).replace('T', ' ') },
          { header: 'by', value: (o) => o.madeBy },
          {
            header: 'decision',
            value: (o) =>
              o.override.kind === 'merge'
                ? `merge ${shortId(o.override.from)} into ${shortId(o.override.into)}`
                : `split ${o.override.claimIds.length} claims out of ${shortId(o.override.propositionId)} as "${o.override.newLabel}"`,
          },
        ],
        all,
        terminalWidth(io),
      ),
    );
    return 0;
  } finally {
    await store.close();
  }
}

async function withdraw(io: CommandIO, db: string | undefined, args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError('withdraw wants one OVERRIDE_ID (see `parallax propositions overrides`)');
  const id = positiveInt(args[0]!, 'OVERRIDE_ID');
  const { openStoreAt, storeLocation } = await import('../store-option.js');
  const store = await openStoreAt(storeLocation(db), { mustExist: true });
  try {
    if (!(await store.deleteOverride(VIEWER, id))) {
      io.stderr.write(`parallax propositions: no override ${id}\n`);
      return 1;
    }
    await analyse(store, io);
    io.stdout.write(`withdrew override ${id}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** Who made a decision: the operating-system user, as the local command line knows no other. */
export function analystName(): string {
  return process.env['PARALLAX_ANALYST'] ?? process.env['USER'] ?? process.env['USERNAME'] ?? 'local';
}
