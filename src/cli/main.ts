import type { Command, CommandIO } from './command.js';
import { UsageError } from './command.js';
import { alertsCommand } from './commands/alerts.js';
import { auditCommand } from './commands/audit.js';
import { claimsCommand } from './commands/claims.js';
import { conflictsCommand } from './commands/conflicts.js';
import { demoCommand } from './commands/demo.js';
import { entitiesCommand } from './commands/entities.js';
import { estimatesCommand } from './commands/estimates.js';
import { extractCommand } from './commands/extract.js';
import { ingestCommand } from './commands/ingest.js';
import { partnerCommand } from './commands/partner.js';
import { propositionsCommand } from './commands/propositions.js';
import { reportsCommand } from './commands/reports.js';
import { searchCommand } from './commands/search.js';
import { serveCommand } from './commands/serve.js';
import { sourceCommand } from './commands/source.js';
import { StoreOpenError } from './store-option.js';

/** Every command, in the order `parallax help` lists them. */
const COMMANDS: readonly Command[] = [
  extractCommand,
  ingestCommand,
  reportsCommand,
  claimsCommand,
  entitiesCommand,
  searchCommand,
  propositionsCommand,
  estimatesCommand,
  conflictsCommand,
  sourceCommand,
  alertsCommand,
  serveCommand,
  partnerCommand,
  auditCommand,
  demoCommand,
];

function help(io: CommandIO): void {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  io.stdout.write('parallax: collect and exploit open-source reporting\n\nCommands:\n');
  for (const c of COMMANDS) io.stdout.write(`  ${c.name.padEnd(width)}  ${c.summary}\n`);
  io.stdout.write('\nRun `parallax COMMAND --help` for its options.\n');
}

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`parallax: no command "${name}"; run \`parallax help\`\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`usage: ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`parallax ${name}: ${(e as Error).message}\nusage: ${command.usage}\n`);
      return 2;
    }
    if (e instanceof StoreOpenError) {
      io.stderr.write(`parallax ${name}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** Runs `parallax` as a process: exit status set from the command, a closed pipe is not an error. */
export function runCli(argv: string[] = process.argv.slice(2)): void {
  const io: CommandIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
  // `parallax claims | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`parallax: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
}

// Run directly while developing: `node --import tsx src/cli/main.ts extract …`.
const entry = process.argv[1] ?? '';
if (entry.endsWith('/cli/main.js') || entry.endsWith('/cli/main.ts')) runCli();
