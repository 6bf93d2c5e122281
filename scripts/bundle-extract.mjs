#!/usr/bin/env node
// Part of `npm run build`: bundles the `parallax extract` entry (dist/cli/extract-main.js) and all
// it imports, htmlparser2 included, into one CommonJS file, dist/extract.bundle.cjs. Start-up counts
// in extraction speed: one file loads about 0.1 s faster than ~120 modules, and bin/parallax.js runs
// it with V8's code cache (src/cli/code-cache.ts), which only a script, not an ES module, can use in
// Node 20. bin/parallax.js uses the bundle only while it is newer than tsc's output (see there).
//
// The build then empties the bundle's cache folder and runs extract once over samples/, which writes
// the cache for plain `node` with the bytecode of what those reports (text, HTML, feeds) need.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CACHE_FOLDER } from '../dist/cli/code-cache.js';
import { planLexicon, prepareLexicon, saveLexicon } from '../dist/exploit/entities/lexicon/plan.js';
import { LEXICON_FIRST, VOCAB } from '../dist/exploit/entities/vocab.js';
import { savedArrays } from '../dist/exploit/text/prepared.js';
import { savedTables } from '../dist/exploit/text/word-table.js';

// The entities vocabulary as the bundle's modules leave it once loaded (they fill it as they load: extract-main.js
// loads them all), saved into the bundle, which restores it instead (src/exploit/entities/vocab.ts); likewise the
// lexicon, prepared as the compiled modules prepare it (src/exploit/entities/lexicon/index.ts), its words' ids those
// of the saved vocabulary (which holds them all already: adding them again changes nothing).
await import('../dist/cli/extract-main.js');
const lexicon = saveLexicon(prepareLexicon(planLexicon(), (word, first) => VOCAB.add(word, first ? LEXICON_FIRST : 0)));
const vocab = VOCAB.save();
// The other word tables the modules fill as they load (preparedTable in src/exploit/text/word-table.ts).
const wordTables = savedTables();
// And the typed arrays they compute as they load (preparedArray in src/exploit/text/prepared.ts).
const preparedArrays = savedArrays();

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/extract-main.js'],
  outfile: 'dist/extract.bundle.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // A CommonJS file has no import.meta: the feed collector's `createRequire(import.meta.url)` gets the bundle's URL.
  inject: ['scripts/bundle-import-meta.mjs'],
  // The entity lexicon, prepared here from the lists tsc just compiled, and the saved vocabulary: the bundle restores
  // them rather than making them at each start (src/exploit/entities/lexicon/plan.ts). An object of strings and a
  // string, which esbuild's define takes as JSON and writes as literals (nothing to parse at start-up).
  define: {
    'import.meta.url': 'bundleUrl',
    PARALLAX_LEXICON: JSON.stringify(lexicon),
    PARALLAX_VOCAB: JSON.stringify(vocab),
    PARALLAX_WORD_TABLES: JSON.stringify(wordTables),
    PARALLAX_PREPARED_ARRAYS: JSON.stringify(preparedArrays),
  },
  plugins: [htmlDecodeTreeAtBuild()],
  sourcemap: 'linked',
  logLevel: 'warning',
});
// The launcher's half (V8 flags, code-cache loader) as CommonJS too: bin/parallax.js requires it (see extract-launch.ts).
await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/extract-launch.js'],
  outfile: 'dist/extract-launch.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});
// Paths from the root, as esbuild's are: the script may be run from another folder.
const bundle = join(root, 'dist', 'extract.bundle.cjs');
writeFileSync(bundle, asciiOnly(readFileSync(bundle, 'utf8')));
// The ES module bundle of earlier builds.
for (const old of ['extract.bundle.js', 'extract.bundle.js.map']) rmSync(join(root, 'dist', old), { force: true });
rmSync(join(root, 'dist', CACHE_FOLDER), { recursive: true, force: true });
spawnSync(process.execPath, ['bin/parallax.js', 'extract', 'samples', '--jsonl'], { cwd: root, stdio: 'ignore' });

/**
 * The bundle with its non-ASCII characters written as \u escapes, so that Node reads it as one-byte text
 * rather than decoding UTF-8 and V8 scans one-byte source (-2% of the instructions of a one-file extract).
 * esbuild escapes them in strings but leaves them in regex literals, comments and String.raw templates.
 * An escape means the same character in all of these; a String.raw template with one is only ever a regex's
 * source in Parallax, where it does too. A character escaped with a backslash ("\’") loses the backslash,
 * which it did not need. Columns after an escaped character move in the source map; lines stay.
 */
function asciiOnly(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, ch) => {
    const escape = `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escape;
  });
}

/**
 * htmlparser2's table of HTML entities (the `entities` package's htmlDecodeTree) as the bundle's own bytes: the package
 * unpacks it from a compressed string as it loads, some 12.6 M instructions of every extract process (1.2 % of
 * extracting one report; cachegrind), where decoding base64 is a copy. The same numbers (read here from the package
 * itself), in this machine's byte order, which the bundle is built on.
 */
function htmlDecodeTreeAtBuild() {
  return {
    name: 'html-decode-tree',
    setup(b) {
      b.onLoad({ filter: /[\\/]entities[\\/]dist[\\/]generated[\\/]decode-data-html\.js$/ }, async (args) => {
        const { htmlDecodeTree: tree } = await import(pathToFileURL(args.path).href);
        const bytes = Buffer.from(tree.buffer, tree.byteOffset, tree.byteLength).toString('base64');
        const contents =
          `export const htmlDecodeTree = /* @__PURE__ */ (() => {\n` +
          `  const tree = new Uint16Array(${tree.length});\n` +
          `  new Uint8Array(tree.buffer).set(Buffer.from(${JSON.stringify(bytes)}, "base64"));\n` +
          `  return tree;\n})();\n`;
        return { contents, loader: 'js' };
      });
    },
  };
}
