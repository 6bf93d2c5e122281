import { parseArgs } from 'node:util';
import { RELIABILITY, RELIABILITY_GRADES, isReliabilityGrade } from '../../analyse/admiralty.js';
import type { SourceSummary } from '../../analyse/index.js';
import { UsageError, type Command, type CommandIO } from '../command.js';
import { positiveInt } from '../numbers-option.js';
import { formatTable } from '../table.js';
import { terminalWidth } from '../terminal-width.js';
import { VIEWER, analyse, findSource, withAnalysis } from './analysed.js';
import { analystName } from './propositions.js';

export const sourceCommand: Command = {
  name: 'source',
  usage: [
    'parallax source list [--limit N] [--db FILE] [--json]',
    '       parallax source grade SOURCE A-F [--db FILE] [--json]',
    `  SOURCE: a key (outlet:…, speaker:…) or its label; ${RELIABILITY_GRADES.map((g) => `${g} ${RELIABILITY[g].label.toLowerCase()}`).join(', ')}.`,
    '  Ungraded sources are F.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { db: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const [action = 'list', ...args] = positionals;
    if (action === 'list') {
      if (args.length > 0) throw new UsageError(`unexpected ${args.join(' ')}`);
      const limit = values.limit !== undefined ? positiveInt(values.limit, '--limit') : values.json ? Infinity : 50;
      return list(io, values.db, limit, values.json);
    }
    if (action === 'grade') {
      if (args.length < 2) throw new UsageError('grade wants SOURCE and a grade A-F');
      const grade = args[args.length - 1]!.toUpperCase();
      if (!isReliabilityGrade(grade)) throw new UsageError(`the grade is one of ${RELIABILITY_GRADES.join(', ')}, not "${args[args.length - 1]}"`);
      return withAnalysis(values.db, io, async (store, { analysis }) => {
        const source = findSource(analysis, args.slice(0, -1).join(' '));
        const set = await store.setSourceGrade(VIEWER, { sourceKey: source.key, grade, label: source.label, gradedBy: analystName() });
        // Grades change credibility and best estimates: analyse again so the alerts say so.
        const after = await analyse(store, io);
        if (values.json) {
          io.stdout.write(JSON.stringify({ grade: set, alerts: after.alerts }, null, 2) + '\n');
          return 0;
        }
        io.stdout.write(`${source.label ?? source.key} (${source.key}): ${grade}, ${RELIABILITY[grade].label.toLowerCase()}\n`);
        for (const a of after.alerts) io.stdout.write(`alert: ${a.what}\n`);
        return 0;
      });
    }
    throw new UsageError(`no action "${action}" (list, grade)`);
  },
};

async function list(io: CommandIO, db: string | undefined, limit: number, json: boolean | undefined): Promise<number> {
  return withAnalysis(db, io, async (_store, { analysis, grades }) => {
    const by = new Map(grades.map((g) => [g.sourceKey, g]));
    const shown = analysis.sources.slice(0, limit);
    if (json) {
      io.stdout.write(JSON.stringify(shown.map((s) => ({ ...s, gradedBy: by.get(s.key)?.gradedBy ?? null, gradedAt: by.get(s.key)?.gradedAt ?? null })), null, 2) + '\n');
      return 0;
    }
    io.stdout.write(
      formatTable<SourceSummary>(
        [
          { header: 'source', value: (s) => s.label, shrink: true },
          { header: 'key', value: (s) => s.key, shrink: true },
          { header: 'grade', value: (s) => `${s.reliability}${s.graded ? '' : ' (default)'}` },
          { header: 'claims', value: (s) => s.claims },
          { header: 'outlets', value: (s) => s.outlets.join(', '), shrink: true },
        ],
        shown,
        terminalWidth(io),
      ),
    );
    io.stdout.write(`(${shown.length < analysis.sources.length ? `${shown.length} of ` : ''}${analysis.sources.length} sources; \`parallax source grade SOURCE A-F\`)\n`);
    return 0;
  });
}
