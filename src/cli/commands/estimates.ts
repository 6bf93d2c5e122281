import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatNumber, type SeriesEntry } from '../../analyse/index.js';
import { UsageError, type Command } from '../command.js';
import { formatTable } from '../table.js';
import { terminalWidth } from '../terminal-width.js';
import { dayRange, findProposition, formatAllowed, shortId, withAnalysis } from './analysed.js';
import { estimateText } from './propositions.js';

const QUALIFIER_MARK: Record<string, string> = { exact: '', approximate: '~', at_most: '≤', at_least: '≥' };

export const estimatesCommand: Command = {
  name: 'estimates',
  usage:
    'parallax estimates PROPOSITION [--chart FILE.svg|FILE.png] [--db FILE] [--json]\n' +
    '  PROPOSITION: an id, an id prefix or words of its label (see `parallax propositions`)',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        chart: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) throw new UsageError('name a PROPOSITION');
    const chart = values.chart;
    if (chart !== undefined && !/\.(?:svg|png)$/i.test(chart)) {
      throw new UsageError(`--chart writes FILE.svg or FILE.png, not "${chart}"`);
    }
    return withAnalysis(values.db, io, async (_store, { analysis }) => {
      const p = findProposition(analysis, positionals.join(' '));
      const conflicts = analysis.conflicts.filter((c) => c.propositionId === p.id);
      if (chart !== undefined) {
        const { estimatesSvg } = await import('../chart/estimates-svg.js');
        const svg = estimatesSvg(p, conflicts);
        if (/\.png$/i.test(chart)) {
          const { svgToPng } = await import('../chart/svg-to-png.js');
          await writeFile(chart, await svgToPng(svg));
        } else await writeFile(chart, svg);
        io.stderr.write(`chart: ${chart}\n`);
      }
      if (values.json) {
        io.stdout.write(JSON.stringify({ proposition: p, conflicts }, null, 2) + '\n');
        return 0;
      }
      io.stdout.write(`${shortId(p.id)}  ${p.label}${p.origin === 'grouped' ? '' : ` (${p.origin})`}\n`);
      io.stdout.write(
        formatTable<SeriesEntry>(
          [
            { header: 'claim', value: (s) => s.claimId },
            { header: 'when', value: (s) => dayRange(s.time) + (s.timeFromPublication ? '*' : '') },
            { header: 'value', value: (s) => statedText(s), align: 'right' },
            { header: 'allows', value: (s) => formatAllowed(s.allowed.low, s.allowed.high), align: 'right' },
            { header: 'source', value: (s) => s.sourceLabel + (s.copyOf === null ? '' : ` =${s.copyOf}`), shrink: true },
            { header: 'via', value: (s) => s.outlet, shrink: true },
            { header: 'grade', value: (s) => `${s.reliability}${s.credibility}` },
            { header: 'report', value: (s) => `#${s.reportId}` },
            { header: 'sentence', value: (s) => truncate(s.sentence, 90), shrink: true },
          ],
          p.series,
          terminalWidth(io),
        ),
      );
      const e = p.estimate;
      io.stdout.write(
        e
          ? `best estimate: ${estimateText(p)} as of ${dayRange(e.asOf)} (${e.why})\n`
          : 'best estimate: none (no dated, precise claim)\n',
      );
      for (const c of conflicts) io.stdout.write(`conflict: ${c.why}\n`);
      io.stdout.write('(* time from publication; =N a copy or relay of claim N, counted once; grade: source reliability A–F, credibility 1–6)\n');
      return 0;
    });
  },
};

/** The value as the report states it: "~10,000", "≥25,000 troops", "1.5 billion USD/year". */
function statedText(s: SeriesEntry): string {
  const n = formatNumber;
  const v = s.stated.low === s.stated.high ? n(s.stated.low) : `${n(s.stated.low)}–${n(s.stated.high)}`;
  return `${QUALIFIER_MARK[s.qualifier] ?? ''}${v}${s.vague ? ' (vague)' : ''}${s.stated.per ? `/${s.stated.per}` : ''}`;
}

const truncate = (s: string, n: number): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};
