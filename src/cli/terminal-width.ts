import type { CommandIO } from './command.js';

/** The terminal's width for tables, or undefined (no truncation) when output goes to a file or pipe. */
export function terminalWidth(io: CommandIO): number | undefined {
  const out = io.stdout as CommandIO['stdout'] & { columns?: number };
  return out.isTTY ? out.columns ?? 100 : undefined;
}
