#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json): `parallax extract` starts from its bundle without Node's ES module loader
// (src/cli/extract-launch.ts says what that saves). Every other command loads the compiled ES modules.
const { statSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const command = process.argv[2];
const bundle = join(dist, 'extract.bundle.cjs');
const bundleBuiltAt = command === 'extract' ? freshBundleTime() : undefined;
if (bundleBuiltAt !== undefined) {
  const { applyV8Flags, v8FlagsFor, loadBundle } = require(join(dist, 'extract-launch.cjs'));
  applyV8Flags(command);
  loadBundle(bundle, bundleBuiltAt, v8FlagsFor(command)).runExtractCli();
} else if (applyFlagsNow(command)) {
  import('../dist/cli/main.js').then(({ runCli }) => runCli());
} else {
  import('../dist/cli/v8-flags.js')
    .then(({ applyV8Flags }) => {
      applyV8Flags(command);
      return import('../dist/cli/main.js');
    })
    .then(({ runCli }) => runCli());
}

/**
 * Sets the V8 flags from the CommonJS launcher half, before Node's ES module loader has run any code: false when
 * that half is not built (tsc alone). V8 flags changed while code is running can crash it: set after the ES module
 * loader had loaded v8-flags.js, `parallax extract` died in V8's regex interpreter in 4 of 400 runs (segmentation
 * fault), set from here in none of 400 (eighteenth session).
 */
function applyFlagsNow(command) {
  let launch;
  try {
    launch = require(join(dist, 'extract-launch.cjs'));
  } catch {
    return false;
  }
  launch.applyV8Flags(command);
  return true;
}

/**
 * `npm run build` bundles extract's modules into one file that starts faster (and its launcher beside it). A later
 * `tsc` alone rewrites every file under dist/ but not the bundle: then the bundle is stale and is not used.
 * The bundle's time when it is fresh, else undefined.
 */
function freshBundleTime() {
  try {
    const builtAt = statSync(bundle).mtimeMs;
    statSync(join(dist, 'extract-launch.cjs'));
    return builtAt >= statSync(join(dist, 'exploit', 'pipeline.js')).mtimeMs ? builtAt : undefined;
  } catch {
    return undefined;
  }
}
