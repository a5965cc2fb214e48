import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

const SIMULATOR = fileURLToPath(new URL('../../../../../scripts/hub-simulator.ts', import.meta.url));
const run = promisify(execFile);

let h: TestHerald;
let key: string;
beforeAll(async () => {
  h = await startTestHerald();
  key = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'simulator' })).key;
});
afterAll(() => h?.close());

const simulate = (...args: string[]) =>
  run(process.execPath, [SIMULATOR, '--url', h.url, '--key', key, ...args], { timeout: 30_000 });

describe('hub simulator (loopback)', () => {
  it('syncs users and providers, streams usage with a failure burst, and stops when told', async () => {
    const { stdout } = await simulate(
      '--users',
      '8',
      '--providers',
      '2',
      '--rate',
      '40',
      '--duration',
      '3',
      '--burst-every',
      '1',
      '--backfill',
      '50',
      '--seed',
      '7',
      '--report-trips',
    );
    expect(stdout).toContain('synced 8 users (8 new, 0 updated)');
    expect(stdout).toContain('synced 2 providers');
    expect(stdout).toMatch(/burst: .+ fails its next \d+ requests/);
    expect(stdout).toMatch(/done: 170 records sent, 170 accepted, 0 duplicates/);

    expect(await h.db.selectFrom('hub_user').select('id').execute()).toHaveLength(8);
    expect(await h.db.selectFrom('hub_provider').select('id').execute()).toHaveLength(2);
    const usage = await h.db.selectFrom('usage_record').select(['success', 'cost_usd', 'created_at']).execute();
    expect(usage).toHaveLength(170);
    expect(usage.some((u) => !u.success)).toBe(true);
    expect(usage.some((u) => Number(u.cost_usd) > 0)).toBe(true);
    // Backfill reaches back up to a day.
    expect(Math.min(...usage.map((u) => u.created_at.getTime()))).toBeLessThan(Date.now() - 3 * 3_600_000);
  });

  it('is bounded by --max-records', async () => {
    const { stdout } = await simulate('--rate', '100', '--duration', '5', '--max-records', '30', '--quiet');
    expect(stdout.trim()).toMatch(/^done: 30 records sent/);
  });

  it('refuses bad options with a message', async () => {
    const err = (await simulate('--rate', 'fast').catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toContain('--rate must be a number');
  });
});
