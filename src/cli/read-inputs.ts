import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkSize, DEFAULT_MAX_BYTES } from '../collect/size-limit.js';
import type { CommandIO } from './command.js';

/** One input named on the command line, expanded: folders become the files inside them. */
export interface InputFile {
  origin: string;
  /**
   * Reads the bytes; stdin is read once. The bytes of a file are valid until the next file is read
   * (one buffer serves every read): decode them first.
   */
  read(): Promise<Uint8Array>;
}

export interface MissingInput {
  origin: string;
  problem: string;
}

/** Reports a folder may hold: text (subtitle files among it, SRT and WebVTT; Markdown notes), HTML, feeds, JSON (STIX, MISP). */
const INPUT_EXTENSIONS = /\.(txt|text|md|markdown|srt|vtt|html?|xml|rss|atom|json)$/i;

/** Files that sit beside reports in a folder but are not reports: gold annotations, READMEs, notes, licences. */
const isSidecar = (name: string): boolean => name.endsWith('.gold.json') || /^(readme|license|licence|changelog|notes)([.-]|$)/i.test(name);

/**
 * Expands paths (files, folders, `-`) into input files in a stable order; reports missing ones. The file system is
 * asked synchronously, as the reads are (readLimited): `node:fs/promises` is a module Node loads only when asked for,
 * some 17 M instructions of every extract process (1.5 % of extracting one report; cachegrind).
 */
export async function expandInputs(
  paths: string[],
  io: CommandIO,
): Promise<{ files: InputFile[]; missing: MissingInput[] }> {
  const files: InputFile[] = [];
  const missing: MissingInput[] = [];
  for (const p of paths) {
    if (p === '-') {
      files.push({ origin: '-', read: () => readStream(io.stdin) });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      missing.push({ origin: p, problem: code === 'ENOENT' ? 'no such file or folder' : `cannot read it (${code})` });
      continue;
    }
    if (st.isDirectory()) {
      for (const f of walk(p)) files.push({ origin: f, read: async () => readLimited(f, true) });
    } else {
      const regular = st.isFile();
      files.push({ origin: p, read: async () => readLimited(p, regular) });
    }
  }
  return { files, missing };
}

/** The buffer every file is read into: allocating one per file costs more than reading it. */
let scratch = Buffer.allocUnsafe(1 << 20);

/**
 * Reads a file into the shared buffer, refusing one too large (throws CollectError naming it).
 * Synchronous on purpose: a batch reads thousands of small files one after another, and the
 * thread-pool round trips of the promise API cost more than the reads themselves. No stat call
 * either: a regular file is read in full once a read returns less than asked (it does so only at
 * the end); other files (pipes) are read until a read returns nothing.
 */
function readLimited(path: string, regular: boolean): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    let off = 0;
    for (;;) {
      if (off === scratch.length) growScratch(path, fd, off);
      const n = readSync(fd, scratch, off, scratch.length - off, null);
      if (n === 0) break;
      off += n;
      if (regular && off < scratch.length) break;
    }
    return scratch.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/**
 * Doubles the shared buffer for a file of a megabyte or more, once its size (or, for a pipe, what
 * has come so far) is known to be within the limit: an oversize file is refused before it is read on.
 */
function growScratch(path: string, fd: number, read: number): void {
  checkSize(path, Math.max(fstatSync(fd).size, read));
  const bigger = Buffer.allocUnsafe(Math.min(scratch.length * 2, DEFAULT_MAX_BYTES + 1));
  scratch.copy(bigger);
  scratch = bigger;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    else if (e.isFile() && INPUT_EXTENSIONS.test(e.name) && !isSidecar(e.name)) out.push(full);
  }
  return out;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    checkSize('-', size, DEFAULT_MAX_BYTES); // stop reading a runaway stream early
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
