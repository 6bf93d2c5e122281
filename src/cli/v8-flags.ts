import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags for a `parallax COMMAND` process, set before any of Parallax's code is compiled.
 *
 * The optimising compiler runs on the same core as the work, so in a command that lasts seconds
 * the time it spends compiling counts as much as the time compiled code saves. A smaller inlining
 * budget pays everywhere (about 10% on `parallax extract`, see `npm run bench:extract`). Short-lived
 * commands also skip loop peeling and inlined array builtins: smaller graphs compile faster (about
 * 4% on extract), while compiled code runs ~1.6% slower, which a server would pay for hours, so
 * `serve` keeps them.
 *
 * Short-lived commands also compile each regex straight to machine code on its first run. By default
 * V8 first compiles a regex to bytecode for its interpreter (and optimises that bytecode), then
 * compiles it again to machine code on its second run; a run of extract meets some 3,000 regexes, most
 * run more than once, so the bytecode is compiled only to be thrown away (4% of the instructions of
 * extract over 171 reports, 7% of one small report; cachegrind). `serve` keeps
 * the interpreter, whose bytecode is smaller than machine code, for the regexes it runs once.
 *
 * They also skip escape analysis, the optimising compiler's costliest phase after inlining: the
 * allocations it would remove cost less than the compiling (-1.6% of the instructions of extract over
 * 171 reports, -0.8% over 1,800; cachegrind). Other phases (load and store elimination, node
 * splitting, control-flow and move optimisation, jump threading) save less than 0.5% each, and Maglev
 * (V8 11's mid tier) costs 1% more.
 *
 * V8's interrupt budget is left at its default on purpose. Raising it (functions run longer before
 * they are optimised) saves 6–10% of the instructions of a batch of ~170 reports, but costs 1.4% (2×)
 * and 3.3% (3×) on the 1,800 reports of `npm run bench:extract`, where the hot functions then run
 * unoptimised for longer (cachegrind, whole process, ninth session).
 */
export function v8FlagsFor(command: string | undefined): string[] {
  const flags = ['--max-inlined-bytecode-size-cumulative=150'];
  if (command !== 'serve') flags.push('--no-turbo-loop-peeling', '--no-turbo-inline-array-builtins', '--no-regexp-tier-up', '--no-turbo-escape');
  return flags;
}

export function applyV8Flags(command: string | undefined): void {
  for (const flag of v8FlagsFor(command)) setFlagsFromString(flag);
}
