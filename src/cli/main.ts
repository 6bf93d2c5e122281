import { EXTRACT_SUMMARY, type Command, type CommandIO } from './command.js';
import { runCommand, runProcess } from './run-command.js';

/** A command as `parallax help` lists it; its module is loaded only when it runs. */
interface CommandEntry {
  readonly name: string;
  /** One line for `parallax help`. */
  readonly summary: string;
  load(): Promise<Command>;
}

/**
 * Every command, in the order `parallax help` lists them. Loading lazily matters: `parallax extract`
 * should not pay for SQLite and the analysis code at start-up, since start-up counts in its speed.
 */
const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'extract',
    summary: EXTRACT_SUMMARY,
    load: async () => (await import('./commands/extract.js')).extractCommand,
  },
  {
    name: 'ingest',
    summary: 'collect, extract and store reports (files, folders, feeds) in the store',
    load: async () => (await import('./commands/ingest.js')).ingestCommand,
  },
  {
    name: 'reports',
    summary: 'list the stored reports',
    load: async () => (await import('./commands/reports.js')).reportsCommand,
  },
  {
    name: 'claims',
    summary: 'list stored quantitative claims, filtered by subject, unit and time',
    load: async () => (await import('./commands/claims.js')).claimsCommand,
  },
  {
    name: 'entities',
    summary: 'list people, organisations, places and equipment named across the stored reports',
    load: async () => (await import('./commands/entities.js')).entitiesCommand,
  },
  {
    name: 'search',
    summary: 'full-text search over the stored reports, best matches first',
    load: async () => (await import('./commands/search.js')).searchCommand,
  },
  {
    name: 'propositions',
    summary: 'list propositions (what claims measure), merge or split them',
    load: async () => (await import('./commands/propositions.js')).propositionsCommand,
  },
  {
    name: 'estimates',
    summary: "a proposition's estimates over time: values, sources, grades (and a chart)",
    load: async () => (await import('./commands/estimates.js')).estimatesCommand,
  },
  {
    name: 'conflicts',
    summary: 'claims of independent sources that cannot both hold for the same time',
    load: async () => (await import('./commands/conflicts.js')).conflictsCommand,
  },
  {
    name: 'source',
    summary: 'list independent sources, or grade one (Admiralty reliability A–F)',
    load: async () => (await import('./commands/source.js')).sourceCommand,
  },
  {
    name: 'alerts',
    summary: 'what changed: best estimates that moved, new conflicts (newest first)',
    load: async () => (await import('./commands/alerts.js')).alertsCommand,
  },
  {
    name: 'export',
    summary: 'write what a partner may see as a STIX 2.1 bundle (streamed), or one report as a MISP event',
    load: async () => (await import('./commands/export.js')).exportCommand,
  },
  {
    name: 'serve',
    summary: 'serve the HTTP API (/api/v1) to partners, each seeing what its marking rights allow',
    load: async () => (await import('./commands/serve.js')).serveCommand,
  },
  {
    name: 'partner',
    summary: 'add partners (organisations) the API shares with, list them, issue API tokens',
    load: async () => (await import('./commands/partner.js')).partnerCommand,
  },
  {
    name: 'peer',
    summary: 'federation: add, list or remove peer instances that get what a partner may see',
    load: async () => (await import('./commands/peer.js')).peerCommand,
  },
  {
    name: 'audit',
    summary: 'check the tamper-evident audit log, or show its latest entries',
    load: async () => (await import('./commands/audit.js')).auditCommand,
  },
  {
    name: 'demo',
    summary: 'ingest the bundled sample reports into a fresh store and show what Parallax finds',
    load: async () => (await import('./commands/demo.js')).demoCommand,
  },
];

function help(io: CommandIO): void {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  io.stdout.write('parallax: collect and exploit open-source reporting\n\nCommands:\n');
  for (const c of COMMANDS) io.stdout.write(`  ${c.name.padEnd(width)}  ${c.summary}\n`);
  io.stdout.write('\nRun `parallax COMMAND --help` for its options.\n');
  io.stdout.write('--db FILE is a SQLite file (default ./parallax.db, or $PARALLAX_DB); --db postgres://USER@HOST/DB is a PostgreSQL database.\n');
}

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`parallax: no command "${name}"; run \`parallax help\`\n`);
    return 2;
  }
  return runCommand(await entry.load(), entry.summary, rest, io);
}

/** Runs `parallax` as a process. */
export function runCli(argv: string[] = process.argv.slice(2)): void {
  runProcess((io) => main(argv, io));
}

// Run directly while developing: `node --import tsx src/cli/main.ts extract …`.
const script = process.argv[1] ?? '';
if (script.endsWith('/cli/main.js') || script.endsWith('/cli/main.ts')) runCli();
