#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// A smaller inlining budget: the optimising compiler runs on the same core as the work in a short
// command, and measured whole-process, less inlining costs less compile time than it saves
// (about 10% on `parallax extract`, see `npm run bench:extract`).
setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');

const { runCli } = await import('../dist/cli/main.js');
runCli();
