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
 *
 * Measured again with the code cache (cachegrind --predictable, whole process; 171 reports / 1,800 reports), none
 * kept: the 1,800 reports favour better code over less compiling, the 171 the opposite, and no setting wins both.
 * Cumulative inlining budget 75: -1.3% / +0.5%; 100: -1.0% / +0.3%; 175: -0.3% on 1,800; 200: +1.4% / -0.6%;
 * 250 and 300: +0.3% on 1,800 (a rugged curve: 200 is a local dip, not a trend). Interrupt budget 1.5×:
 * -4.1% / +0.5%; 0.75×: +5.9% / -0.3%; 0.75× with budget 200: -0.8% on 1,800. The six cheaper TurboFan phases off
 * together (splitting, move optimisation, jump threading, control flow, load and store elimination):
 * -2.2% / +1.2%. Never optimising the largest hot function costs (--turbo-filter=-readSentence: +2.2% on 1,800,
 * -speakerOf: +0.2%) and a start-up-only one saves nothing (-fileName: 0.0%), so splitting hot functions to
 * compile them faster has little to win. No OSR: -0.1% on 171 (a run makes two OSR compiles); eager feedback
 * vectors: +0.4% and an always-inlined size of 40: 0.0% on 1,800; no polymorphic inlining, an always-inlined size
 * of 15, a single-inline size of 200, the mid-tier register allocator: within ±0.2% on 171; no Sparkplug: +10%.
 */
export function v8FlagsFor(command: string | undefined): string[] {
  const flags = ['--max-inlined-bytecode-size-cumulative=150'];
  if (command !== 'serve') flags.push('--no-turbo-loop-peeling', '--no-turbo-inline-array-builtins', '--no-regexp-tier-up', '--no-turbo-escape');
  return flags;
}

export function applyV8Flags(command: string | undefined): void {
  for (const flag of v8FlagsFor(command)) setFlagsFromString(flag);
}
