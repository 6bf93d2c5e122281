#!/usr/bin/env node
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

const command = process.argv[2];

// The optimising compiler runs on the same core as the work, so in a command that lasts seconds the
// time it spends compiling counts as much as the time compiled code saves. A smaller inlining
// budget pays everywhere (about 10% on `parallax extract`, see `npm run bench:extract`). Short-lived
// commands also skip loop peeling and inlined array builtins: smaller graphs compile faster (a few
// per cent on extract and ingest), while compiled code runs ~1.6% slower, which a server would pay
// for hours, so `serve` keeps them.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');
if (command !== 'serve') {
  setFlagsFromString('--no-turbo-loop-peeling');
  setFlagsFromString('--no-turbo-inline-array-builtins');
}

if (command === 'extract' && bundleIsFresh()) {
  const { runExtractCli } = await import('../dist/extract.bundle.js');
  runExtractCli();
} else {
  const { runCli } = await import('../dist/cli/main.js');
  runCli();
}

/**
 * `npm run build` bundles extract's modules into one file that starts faster. A later `tsc` alone
 * rewrites every file under dist/ but not the bundle: then the bundle is stale and is not used.
 */
function bundleIsFresh() {
  try {
    const bundle = statSync(new URL('../dist/extract.bundle.js', import.meta.url)).mtimeMs;
    return bundle >= statSync(new URL('../dist/exploit/pipeline.js', import.meta.url)).mtimeMs;
  } catch {
    return false;
  }
}
