import { parseArgs } from 'node:util';
import { collectBytes, CollectError } from '../../collect/index.js';
import { toExtractV1 } from '../../exploit/contract.js';
import { extract } from '../../exploit/pipeline.js';
import { UsageError, type Command } from '../command.js';
import { expandInputs } from '../read-inputs.js';
import { parseIsoDate } from '../dates.js';

export const extractCommand: Command = {
  name: 'extract',
  usage: 'parallax extract FILE... [--published YYYY-MM-DD] (--json | --jsonl)',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        published: { type: 'string' },
        json: { type: 'boolean', default: false },
        jsonl: { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) throw new UsageError('name at least one FILE (or - for standard input)');
    const published = values.published === undefined ? null : parseIsoDate(values.published, '--published');
    const { files, missing } = await expandInputs(positionals, io);
    let failed = missing.length;
    for (const m of missing) io.stderr.write(`parallax extract: ${m.origin}: ${m.problem}\n`);
    // One JSON object for one report; several (many files, or a feed's items) go one per line.
    let jsonl = values.jsonl || files.length > 1;
    const switchToLines = (why: string): void => {
      if (!jsonl && values.json) io.stderr.write(`parallax extract: ${why}: printing one JSON object per line (--jsonl)\n`);
      jsonl = true;
    };
    if (files.length > 1) switchToLines('several files given');
    const out = new LineWriter(io.stdout);
    for (const file of files) {
      try {
        const bytes = await file.read();
        const docs = collectBytes(file.origin, bytes, { published });
        if (docs.length > 1) switchToLines(`${file.origin} holds ${docs.length} reports`);
        for (const doc of docs) {
          const json = toExtractV1(doc, extract(doc));
          out.line(jsonl ? JSON.stringify(json) : JSON.stringify(json, null, 2));
        }
      } catch (e) {
        failed++;
        const msg = e instanceof CollectError ? e.message : `${file.origin}: ${(e as Error).message}`;
        io.stderr.write(`parallax extract: ${msg}\n`);
      }
    }
    out.flush();
    return failed > 0 ? 1 : 0;
  },
};

/**
 * Gathers output lines as UTF-8 and writes them in chunks of some tens of kilobytes. Few writes keep the system calls
 * down; each line is encoded once, straight into the chunk. Handing the stream a string instead made Node measure its
 * UTF-8 length in a pass of its own before encoding it, and the lines were first joined into one string, which was
 * copied flat before either pass (0.7% of the instructions of the bench's 1,800 reports; cachegrind).
 */
class LineWriter {
  private chunk: Buffer | null = null;
  private used = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  line(text: string): void {
    // A UTF-16 code takes at most 3 bytes of UTF-8 (a surrogate pair, two codes, takes 4), and the newline 1.
    const most = text.length * 3 + 1;
    if (this.chunk !== null && this.used + most > this.chunk.length) this.flush();
    this.chunk ??= Buffer.allocUnsafe(Math.max(CHUNK_BYTES, most));
    this.used += this.chunk.write(text, this.used, 'utf8');
    this.chunk[this.used++] = 10;
  }

  flush(): void {
    if (this.chunk !== null && this.used > 0) this.stream.write(this.chunk.subarray(0, this.used));
    // A pipe may hold on to the bytes until it drains: the next lines go into a new chunk.
    this.chunk = null;
    this.used = 0;
  }
}

/** Below the size the C library serves from fresh pages (128 KiB), whose first touch costs more than the writing. */
const CHUNK_BYTES = 48 * 1024;
