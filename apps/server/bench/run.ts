/**
 * `pnpm bench`: every benchmark, each in its own process (so one's memory does not count in
 * the next one's peak), printing its figures beside its goal and the measured ceiling of the
 * part it stands on (../shared/PERFORMANCE.md). Loopback only.
 *   BENCH_ONLY=api,guessing,delivery,storm,usage,overview picks some; the storm benchmark's BENCH_STORM_ALERTS and BENCH_STORM_SPEED; the usage benchmark's size is BENCH_USAGE_ROWS;
 *   the delivery benchmark's BENCH_NOTIFICATIONS, BENCH_STEADY_SECONDS, BENCH_HANGING (part 6) and
 *   BENCH_PER_TARGET (a target's share of the worker's slots) change its sizes.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `.js` when run compiled (`pnpm bench`), `.ts` when run from the sources.
const EXT = path.extname(fileURLToPath(import.meta.url));

const BENCHES = ['api', 'guessing', 'delivery', 'storm', 'usage', 'overview'];
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
let failed = 0;
for (const name of BENCHES) {
  if (only && !only.includes(name)) continue;
  console.log(`\n== ${name}`);
  const file = fileURLToPath(new URL(`./${name}${EXT}`, import.meta.url));
  const r = spawnSync(process.execPath, [...process.execArgv, file], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
