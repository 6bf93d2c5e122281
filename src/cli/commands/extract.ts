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
 * Gathers output lines and writes them in chunks of some thousands of characters. Few writes keep
 * the system calls down; small chunks keep each string (and the bytes it is encoded to) in memory
 * that is reused: a chunk of megabytes lands in fresh pages on every write, and touching them costs
 * more than the writing itself.
 */
class LineWriter {
  private pending = '';

  constructor(private readonly stream: NodeJS.WritableStream) {}

  line(text: string): void {
    this.pending += text + '\n';
    if (this.pending.length >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.pending) this.stream.write(this.pending);
    this.pending = '';
  }
}

/** Below the size V8 moves into its large-object space, where every string gets fresh pages. */
const CHUNK_CHARS = 16 * 1024;
