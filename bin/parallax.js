#!/usr/bin/env node
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyV8Flags, v8FlagsFor } from '../dist/cli/v8-flags.js';

const command = process.argv[2];
applyV8Flags(command);

const bundle = fileURLToPath(new URL('../dist/extract.bundle.cjs', import.meta.url));
const bundleBuiltAt = command === 'extract' ? freshBundleTime() : undefined;
if (bundleBuiltAt !== undefined) {
  const { loadBundle } = await import('../dist/cli/code-cache.js');
  loadBundle(bundle, bundleBuiltAt, v8FlagsFor(command)).runExtractCli();
} else {
  const { runCli } = await import('../dist/cli/main.js');
  runCli();
}

/**
 * `npm run build` bundles extract's modules into one file that starts faster. A later `tsc` alone
 * rewrites every file under dist/ but not the bundle: then the bundle is stale and is not used.
 * The bundle's time when it is fresh, else undefined.
 */
function freshBundleTime() {
  try {
    const builtAt = statSync(bundle).mtimeMs;
    return builtAt >= statSync(new URL('../dist/exploit/pipeline.js', import.meta.url)).mtimeMs ? builtAt : undefined;
  } catch {
    return undefined;
  }
}
