#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`parallax: ${e?.stack ?? e}\n`);
    process.exitCode = 70;
  },
);
