import { parseArgs } from 'node:util';
import { collectBytes, CollectError } from '../../collect/index.js';
import { toExtractV1 } from '../../exploit/contract.js';
import { extract } from '../../exploit/pipeline.js';
import { UsageError, type Command } from '../command.js';
import { expandInputs } from '../read-inputs.js';
import { parseIsoDate } from '../dates.js';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'print what Parallax finds in reports (entities, claims) without storing anything',
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
    const jsonl = values.jsonl || files.length > 1;
    if (values.json && files.length > 1 && !values.jsonl) {
      io.stderr.write('parallax extract: several files given: printing one JSON object per line (--jsonl)\n');
    }
    const out: string[] = [];
    for (const file of files) {
      try {
        const bytes = await file.read();
        for (const doc of collectBytes(file.origin, bytes, { published })) {
          const extraction = extract(doc);
          const json = toExtractV1(doc, extraction);
          out.push(jsonl ? JSON.stringify(json) : JSON.stringify(json, null, 2));
          if (out.length >= 256) {
            io.stdout.write(out.join('\n') + '\n');
            out.length = 0;
          }
        }
      } catch (e) {
        failed++;
        const msg = e instanceof CollectError ? e.message : `${file.origin}: ${(e as Error).message}`;
        io.stderr.write(`parallax extract: ${msg}\n`);
      }
    }
    if (out.length) io.stdout.write(out.join('\n') + '\n');
    return failed > 0 ? 1 : 0;
  },
};
