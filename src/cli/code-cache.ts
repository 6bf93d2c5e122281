import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/**
 * Runs a CommonJS bundle (`parallax extract`'s, dist/extract.bundle.cjs) with V8's code cache.
 *
 * Compiling the bundle's functions to bytecode (parsing 1.2 MB, then each function again when it is
 * first called) is about a tenth of a short extract run's instructions. A code cache holds the
 * bytecode of every function the run that wrote it compiled, so a later run only deserialises it.
 * Node 20 has no compile cache of its own for modules (22 has), hence `vm.Script`, the one API that
 * can write a cache after the code has run, and a CommonJS bundle, which it can load.
 *
 * The cache lives beside the bundle, one file per setting V8 checks it against (Node's version, its
 * flags), so runs with other flags (`node --single-threaded …`) neither refuse nor overwrite each
 * other's; the build empties the folder. A run that finds no cache for its setting, or one V8
 * refuses, writes one as it exits; a folder it cannot write leaves it uncached, no worse than before.
 */
export function loadBundle(path: string, builtAt: number, v8Flags: readonly string[]): Record<string, unknown> {
  const cacheFile = join(dirname(path), CACHE_FOLDER, `${settingKey(builtAt, v8Flags)}.bin`);
  const cachedData = readIfPresent(cacheFile);
  // The wrapper CommonJS gives a module, on the bundle's first line so that line numbers stay as they are.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(path, 'utf8')}\n})`, {
    filename: path,
    ...(cachedData ? { cachedData } : {}),
  });
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCache(script, cacheFile));
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  withoutOptimisingCompiler(() => wrapper(module.exports, createRequire(path), module, path, dirname(path)));
  return module.exports;
}

/**
 * Runs `load` (the bundle's module initialisation: the entity lexicon's trie, the word tables, the HTML entity
 * table) with TurboFan off. Loading runs once, but its loops (the lexicon files some 3,500 names) run long enough for
 * V8 to optimise ten functions, most of which no report runs again: 22 M instructions fewer, 1.9 % of extracting one
 * report and 0.3 % of 171 (cachegrind). Sparkplug stays on: baseline code for the same loops saves more than it costs
 * (turning it off too cost 4.8 % on one report). The flag is set after the code cache is read and set back before any
 * report, so the cache's check of V8's flags and the cache written at exit see the flags as they always are.
 */
function withoutOptimisingCompiler(load: () => void): void {
  // Node started with flags of its own for V8's tiers (`--jitless`, `--no-opt`): those stay as given.
  if (/--(?:no-)?(?:turbofan|opt|jitless|max-opt)\b/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`)) return load();
  setFlagsFromString('--no-turbofan');
  try {
    load();
  } finally {
    setFlagsFromString('--turbofan');
  }
}

/** The folder beside the bundle that holds its caches (scripts/bundle-extract.mjs empties it). */
export const CACHE_FOLDER = 'extract-cache';

/** What a cache is valid for: this build of the bundle, this Node, these flags (V8 refuses a cache made under others). */
function settingKey(builtAt: number, v8Flags: readonly string[]): string {
  const setting = [builtAt, process.version, process.arch, process.env.NODE_OPTIONS ?? '', ...process.execArgv, ...v8Flags].join('\n');
  return fnv1a(setting).toString(16).padStart(8, '0');
}

/** 32-bit FNV-1a: enough to tell settings apart, and no crypto module to load at start-up. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written to a file of its own, then renamed: a run starting meanwhile reads a whole cache or none. */
function writeCache(script: Script, file: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}
