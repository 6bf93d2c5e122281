/** A CLI command: parses its own arguments and returns the process exit status. */
export interface Command {
  readonly name: string;
  /** Usage line(s) shown with `--help` and on a usage error. */
  readonly usage: string;
  run(argv: string[], io: CommandIO): Promise<number>;
}

export interface CommandIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
}

/** A usage mistake: printed with the command's usage, exit status 2. */
export class UsageError extends Error {}

/** A failure the user can act on (a store that will not open, say): its message alone, exit status 1. */
export class CommandFailure extends Error {}

/** `parallax extract`'s line in `parallax help`; also its own entry's `--help` (src/cli/extract-main.ts). */
export const EXTRACT_SUMMARY = 'print what Parallax finds in reports (entities, claims) without storing anything';
