#!/usr/bin/env node
import { statSync } from 'node:fs';
import { applyV8Flags } from '../dist/cli/v8-flags.js';

const command = process.argv[2];
applyV8Flags(command);

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
