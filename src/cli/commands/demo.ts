import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LOCAL_ADMIN } from '../../domain/viewer.js';
import type { Proposition } from '../../analyse/index.js';
import type { EntitySummary, Store } from '../../store/store.js';
import { UsageError, type Command, type CommandIO } from '../command.js';
import { positiveInt } from '../numbers-option.js';
import { expandInputs } from '../read-inputs.js';
import { openStoreAt } from '../store-option.js';
import { formatTable } from '../table.js';
import { terminalWidth } from '../terminal-width.js';
import { CLAIM_COLUMNS } from './claims.js';

/** samples/ at the package root: this file is src/cli/commands/ (or dist/cli/commands/), three levels down. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../samples/', import.meta.url));

export const demoCommand: Command = {
  name: 'demo',
  usage: [
    'parallax demo [--db FILE] [--serve [--port 7340] [--host 127.0.0.1]]   (default ./parallax-demo.db, recreated each run)',
    '  --serve: then serve the store with the analyst workspace, and print a sign-in link for a demo admin',
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, serve: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' } } });
    if (!values.serve && (values.port !== undefined || values.host !== undefined)) throw new UsageError('--port and --host go with --serve');
    const port = values.port === undefined ? 7340 : positiveInt(values.port, '--port');
    if (port > 65535) throw new UsageError(`--port ${port} is not a port`);
    const file = resolve(values.db ?? 'parallax-demo.db');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
    const { ingestFiles } = await import('../ingest-files.js');
    const expanded = await expandInputs([SAMPLES_DIR], io);
    const missing = expanded.missing;
    // The folder's README describes the samples; it is not one of them.
    const files = expanded.files.filter((f) => !/(^|[\\/])README\.md$/i.test(f.origin));
    if (files.length === 0) {
      io.stderr.write(`parallax demo: no sample reports in ${SAMPLES_DIR}\n`);
      return 1;
    }
    const store = await openStoreAt(file);
    let serving = false;
    try {
      const summary = await ingestFiles(store, files, missing, {
        onFailure: (origin, problem) => io.stderr.write(`parallax demo: ${origin}: ${problem}\n`),
      });
      const stats = await store.stats(LOCAL_ADMIN);
      const width = terminalWidth(io);
      const out = (s: string) => io.stdout.write(s);
      out(`Ingested ${summary.documents} sample reports from ${SAMPLES_DIR} in ${summary.seconds.toFixed(2)}s into ${file}\n`);
      out(`${stats.reports} reports (${stats.duplicates} recognised as copies of another), ${stats.claims} claims, ${stats.entities} entities\n\n`);

      const claims = await store.listClaims(LOCAL_ADMIN, {});
      // Firm, attributed claims first: those are what an analyst weighs.
      const top = [...claims]
        .sort((a, b) => score(b) - score(a) || (a.published ?? '').localeCompare(b.published ?? ''))
        .slice(0, 12);
      out('Claims\n');
      out(top.length ? formatTable(CLAIM_COLUMNS, top, width) : '(none found)\n');

      const people = await store.listEntities(LOCAL_ADMIN, { type: 'person', limit: 10 });
      out('\nPeople\n');
      out(
        people.length
          ? formatTable<EntitySummary>(
              [
                { header: 'name', value: (e) => e.name, shrink: true },
                { header: 'stories', value: (e) => e.stories },
                { header: 'mentions', value: (e) => e.mentions },
                { header: 'role', value: (e) => e.roles[0] ?? '', shrink: true },
              ],
              people,
              width,
            )
          : '(none found)\n',
      );

      const copies = await store.listDuplicates(LOCAL_ADMIN, { limit: 5 });
      out('\nDuplicates (one story, not two sources)\n');
      if (copies.length === 0) out('(none found)\n');
      for (const d of copies) {
        out(`#${d.reportId} ${d.source ?? d.origin}  copies  #${d.originalId} ${d.originalSource ?? d.originalOrigin}\n`);
      }
      // What the claims add up to: the analysis every later command reads.
      const { analyse, shortId, sourceCount } = await import('./analysed.js');
      const { estimateText } = await import('./propositions.js');
      const { analysis } = await analyse(store, io);
      const biggest = [...analysis.propositions].sort((a, b) => sourceCount(b) - sourceCount(a) || b.series.length - a.series.length).slice(0, 5);
      out('\nPropositions (what the claims measure; best estimate from the latest independent sources)\n');
      out(
        biggest.length
          ? formatTable<Proposition>(
              [
                { header: 'id', value: (p) => shortId(p.id) },
                { header: 'proposition', value: (p) => p.label, shrink: true },
                { header: 'claims', value: (p) => p.series.length },
                { header: 'sources', value: (p) => sourceCount(p) },
                { header: 'best estimate', value: (p) => estimateText(p), align: 'right' },
                { header: 'conflicts', value: (p) => p.conflictIds.length },
              ],
              biggest,
              width,
            )
          : '(none found)\n',
      );
      out('\nConflicts (independent sources that cannot both be right)\n');
      if (analysis.conflicts.length === 0) out('(none found)\n');
      for (const c of analysis.conflicts.slice(0, 3)) out(`- ${c.why}\n`);
      out(`\nTry: parallax claims --db ${file} --about troops   ·   parallax propositions --db ${file}   ·   parallax estimates ${biggest[0] ? shortId(biggest[0].id) : 'ID'} --db ${file} --chart chart.png\n`);
      if (!values.serve) return summary.failed > 0 ? 1 : 0;
      serving = true;
      return await serveDemo(file, store, { host: values.host ?? '127.0.0.1', port }, io);
    } finally {
      if (!serving) await store.close();
    }
  },
};

/** A demo partner cleared for everything, with an admin token, and the store served with the workspace. */
async function serveDemo(file: string, store: Store, where: { host: string; port: number }, io: CommandIO): Promise<number> {
  const { classificationOrder } = await import('../../share/classifications.js');
  const order = classificationOrder();
  const { hashToken, newToken } = await import('../../share/tokens.js');
  await store.addPartner(LOCAL_ADMIN, { id: 'demo', clearance: order[order.length - 1]!, communities: [] });
  const token = newToken();
  await store.issueToken(LOCAL_ADMIN, { partnerId: 'demo', role: 'admin', tokenHash: hashToken(token), label: 'demo' });
  const { serveStore } = await import('../serve-store.js');
  return serveStore(file, store, { ...where, conflictDelayMs: 5_000, classificationOrder: order }, io, (base) => {
    io.stdout.write(`\nOpen the workspace as the demo admin: ${base}/#token=${token}\n(or sign in at ${base}/ with the token ${token})\nCtrl-C stops.\n`);
  });
}

const score = (c: { vague: boolean; attributedTo: string | null; time: unknown }) =>
  (c.vague ? 0 : 2) + (c.attributedTo ? 1 : 0) + (c.time ? 1 : 0);
