import { Writable } from 'node:stream';
import type { CommandIO } from './command.js';
import { main } from './main.js';

/** Runs `parallax ARGV…` in-process for a test, capturing what it prints. */
export async function runParallax(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (write: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        write(String(chunk));
        done();
      },
    });
  const io: CommandIO = { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)), stdin: process.stdin };
  const code = await main(argv, io);
  return { code, out, err };
}
