import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkSize, DEFAULT_MAX_BYTES } from '../collect/size-limit.js';
import type { CommandIO } from './command.js';

/** One input named on the command line, expanded: folders become the files inside them. */
export interface InputFile {
  origin: string;
  /** Reads the bytes; stdin is read once. */
  read(): Promise<Uint8Array>;
}

export interface MissingInput {
  origin: string;
  problem: string;
}

const INPUT_EXTENSIONS = /\.(txt|text|md|html?|xml|rss|atom|json)$/i;

/** Files that sit beside reports in a folder but are not reports: gold annotations, READMEs, licences. */
const isSidecar = (name: string): boolean => name.endsWith('.gold.json') || /^(readme|license|licence|changelog)(\.|$)/i.test(name);

/** Expands paths (files, folders, `-`) into input files in a stable order; reports missing ones. */
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
      st = await stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      missing.push({ origin: p, problem: code === 'ENOENT' ? 'no such file or folder' : `cannot read it (${code})` });
      continue;
    }
    if (st.isDirectory()) {
      for (const f of await walk(p)) files.push({ origin: f, read: () => readLimited(f) });
    } else {
      files.push({ origin: p, read: () => readLimited(p) });
    }
  }
  return { files, missing };
}

/**
 * Reads a file, refusing one too large before reading it (throws CollectError naming it).
 * Synchronous on purpose: a batch reads thousands of small files one after another, and the
 * thread-pool round trips of the promise API cost more than the reads themselves.
 */
async function readLimited(path: string): Promise<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    checkSize(path, size);
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === size ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
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
