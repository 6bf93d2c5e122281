import { EXTRACT_SUMMARY } from './command.js';
import { extractCommand } from './commands/extract.js';
import { runCommand, runProcess } from './run-command.js';

/**
 * The process entry of `parallax extract` alone. `npm run build` bundles it with everything it
 * imports into one file (dist/extract.bundle.cjs, see scripts/bundle-extract.mjs), because loading
 * ~120 ES modules one by one costs about 0.1 s, and start-up counts in extraction speed; bin/parallax.js
 * runs that file with V8's code cache (code-cache.ts).
 */
export function runExtractCli(argv: string[] = process.argv.slice(3)): void {
  runProcess((io) => runCommand(extractCommand, EXTRACT_SUMMARY, argv, io));
}
