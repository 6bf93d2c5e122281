// Preload for `npm run bench:extract` when GNU /usr/bin/time is not available:
// `node --import ./scripts/bench-extract-maxrss.mjs …` writes, at exit, the process's peak resident
// set size (KiB, as process.resourceUsage().maxRSS reports it on Linux) and its user and system CPU
// seconds to $BENCH_MAXRSS_FILE, as "maxRSS user system" (the same order as `time -f '%M %U %S'`).
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_MAXRSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      writeFileSync(target, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`);
    } catch {
      // The bench reports a missing figure rather than failing the measured process.
    }
  });
}
