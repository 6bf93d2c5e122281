/**
 * What bin/parallax.js needs to start `parallax extract` from its bundle: the V8 flags and the code-cache loader.
 * `npm run build` bundles this module as CommonJS (dist/extract-launch.cjs, scripts/bundle-extract.mjs), so that the
 * launcher, itself CommonJS (bin/package.json), reaches the bundle without Node's ES module loader: loading that
 * loader and the modules it reads files with is some 25 M instructions of each extract process (2 % of extracting one
 * report; cachegrind).
 */
export { applyV8Flags, v8FlagsFor } from './v8-flags.js';
export { loadBundle } from './code-cache.js';
