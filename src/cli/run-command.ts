import { CommandFailure, UsageError, type Command, type CommandIO } from './command.js';

/** Runs one command: `--help`, usage errors (status 2) and failures the user can act on (status 1). */
export async function runCommand(command: Command, summary: string, argv: string[], io: CommandIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`usage: ${command.usage}\n${summary}\n`);
    return 0;
  }
  try {
    return await command.run(argv, io);
  } catch (e) {
    if (e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`parallax ${command.name}: ${(e as Error).message}\nusage: ${command.usage}\n`);
      return 2;
    }
    if (e instanceof CommandFailure) {
      io.stderr.write(`parallax ${command.name}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** Runs `parallax` as a process: exit status set from the task, a closed pipe is not an error. */
export function runProcess(task: (io: CommandIO) => Promise<number>): void {
  const io: CommandIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
  // `parallax claims | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  task(io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`parallax: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
