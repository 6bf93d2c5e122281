import { parseArgs } from 'node:util';
import { UsageError, type Command, type CommandIO } from '../command.js';
import { parseIsoDate } from '../dates.js';
import type { IngestSummary } from '../ingest-files.js';
import { ProgressBar, formatDuration } from '../progress.js';
import { expandInputs } from '../read-inputs.js';
import { displayLocation, openStoreAt, storeLocation } from '../store-option.js';
import { formatTable } from '../table.js';

export const ingestCommand: Command = {
  name: 'ingest',
  usage: 'parallax ingest PATH... [--db FILE] [--published YYYY-MM-DD] [--no-analyse] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        published: { type: 'string' },
        json: { type: 'boolean', default: false },
        'no-analyse': { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) throw new UsageError('name at least one PATH (file, folder, or - for standard input)');
    const published = values.published === undefined ? null : parseIsoDate(values.published, '--published');
    const location = storeLocation(values.db);
    // Loaded here, not at startup: the query commands need neither the collectors nor the extractors.
    const { ingestFiles } = await import('../ingest-files.js');
    const { files, missing } = await expandInputs(positionals, io);
    const store = await openStoreAt(location);
    const bar = new ProgressBar(io.stderr, files.length);
    let summary: IngestSummary;
    try {
      summary = await ingestFiles(store, files, missing, {
        published,
        chunkSize: chunkSize(),
        onProgress: (done) => bar.update(done),
        onFailure: (origin, problem) => {
          bar.clear();
          io.stderr.write(`parallax ingest: ${origin}: ${problem}\n`);
        },
        onNote: (origin, note) => {
          bar.clear();
          io.stderr.write(`parallax ingest: ${origin}: note: ${note}\n`);
        },
      });
      // Re-analyse once per command, not per report: propositions, conflicts and alerts follow
      // the new claims (about 5 s per 100,000 claims).
      if (!values['no-analyse'] && summary.ingested + summary.duplicates + summary.updated > 0) {
        const { analyseStore } = await import('../../store/analyse-store.js');
        const { LOCAL_ADMIN } = await import('../../domain/viewer.js');
        const run = await analyseStore(store, LOCAL_ADMIN);
        if (run.alerts.length > 0) io.stderr.write(`parallax ingest: ${run.alerts.length} new alerts (parallax alerts)\n`);
      }
    } finally {
      bar.clear();
      await store.close();
    }
    printSummary(io, summary, displayLocation(location), values.json);
    return summary.failed > 0 ? 1 : 0;
  },
};

/** Reports per transaction; PARALLAX_INGEST_CHUNK tunes it (larger: faster; smaller: commits sooner). */
function chunkSize(): number {
  const n = Number(process.env['PARALLAX_INGEST_CHUNK'] ?? '');
  return Number.isInteger(n) && n > 0 ? n : 100;
}

function printSummary(io: CommandIO, s: IngestSummary, store: string, json: boolean): void {
  const rate = s.seconds > 0 ? s.documents / s.seconds : 0;
  if (json) {
    const { outcomes, ...totals } = s;
    io.stdout.write(JSON.stringify({ store, ...totals, reportsPerSecond: Math.round(rate), outcomes }, null, 2) + '\n');
    return;
  }
  const rows: [string, number | string, string][] = [
    ['ingested', s.ingested, 'new reports'],
    ['duplicates', s.duplicates, 'stored and linked to their original'],
    ['unchanged', s.unchanged, 'already stored, skipped'],
    ['updated', s.updated, 'new version replaced the old'],
    ['failed', s.failed, 'see the messages above'],
    ['claims', s.claims, 'in the reports stored now'],
    ['entities', s.entities, 'in the reports stored now'],
  ];
  if (s.stixKept > 0) rows.push(['stix kept', s.stixKept, 'STIX objects kept as sent (exported again unchanged)']);
  io.stdout.write(
    formatTable(
      [
        { header: `${s.documents} reports`, value: (r: (typeof rows)[number]) => r[0] },
        { header: '', value: (r) => r[1], align: 'right' },
        { header: '', value: (r) => r[2] },
      ],
      rows,
    ),
  );
  io.stdout.write(`${s.files} inputs in ${formatDuration(s.seconds)} (${rate.toFixed(0)} reports/s)\n`);
  io.stdout.write(`store: ${store}\n`);
}
