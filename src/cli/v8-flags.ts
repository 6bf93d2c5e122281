import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags for a `parallax COMMAND` process, set before any of Parallax's code is compiled.
 *
 * The optimising compiler runs on the same core as the work, so in a command that lasts seconds
 * the time it spends compiling counts as much as the time compiled code saves. A smaller inlining
 * budget pays everywhere (about 10% on `parallax extract`, see `npm run bench:extract`). Short-lived
 * commands also skip loop peeling and inlined array builtins: smaller graphs compile faster (about
 * 4% on extract), while compiled code runs ~1.6% slower, which a server would pay for hours, so
 * `serve` keeps them. They also wait three times as long before optimising a function: a batch runs
 * many functions only a few hundred times, and compiling each of them costs more than the interpreter
 * and the baseline code spend running them (about 8% fewer instructions on a batch of 171 reports,
 * the same time on a batch of a thousand).
 */
/** V8's own interrupt budget (66 KB of bytecode run before a function is considered for optimisation). */
const DEFAULT_INTERRUPT_BUDGET = 67584;

export function v8FlagsFor(command: string | undefined): string[] {
  const flags = ['--max-inlined-bytecode-size-cumulative=150'];
  if (command !== 'serve') flags.push('--no-turbo-loop-peeling', '--no-turbo-inline-array-builtins', `--interrupt-budget=${3 * DEFAULT_INTERRUPT_BUDGET}`);
  return flags;
}

export function applyV8Flags(command: string | undefined): void {
  for (const flag of v8FlagsFor(command)) setFlagsFromString(flag);
}
