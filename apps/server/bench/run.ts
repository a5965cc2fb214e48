/**
 * `pnpm bench`: every benchmark, one after another, each printing its figures beside its goal
 * and the measured ceiling of the part it stands on (../shared/PERFORMANCE.md). Loopback only.
 *   BENCH_ONLY=api,delivery,usage picks some; the usage benchmark's size is BENCH_USAGE_ROWS.
 */
import { runApiBench } from './api.ts';
import { runDeliveryBench } from './delivery.ts';
import { runUsageBench } from './usage.ts';

const BENCHES: Record<string, () => Promise<unknown>> = {
  api: runApiBench,
  delivery: () => runDeliveryBench(),
  usage: runUsageBench,
};

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
for (const [name, run] of Object.entries(BENCHES)) {
  if (only && !only.includes(name)) continue;
  console.log(`\n== ${name}`);
  await run();
}
