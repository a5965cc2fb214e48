/**
 * docs/examples/typescript/herald-hub.ts, the hub guide's TypeScript example: type-checked as a
 * hub would compile it, and run against a real Herald with @herald/client from this workspace.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { bindOnly, closeAll, customReceiver, type Receiver, switchOn } from '../incidents/support.ts';
import { REPO_ROOT } from './examples-support.ts';

const EXAMPLE_DIR = path.join(REPO_ROOT, 'docs/examples/typescript');

// The example lives outside any package; its '@herald/client' is this workspace's.
vi.mock('@herald/client', () => import('../../../../../packages/client/src/index.ts'));
// By a computed path: the server's own type-check leaves the example to its tsconfig (below).
const example: { main(url: string, apiKey: string): Promise<void> } = await import(
  path.join(EXAMPLE_DIR, 'herald-hub.ts')
);

let h: TestHerald;
let key: string;
let rx: Receiver;

beforeAll(async () => {
  h = await startTestHerald(
    { OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' },
    { clock: manualClock(new Date('2026-05-04T09:00:00.000Z')) },
  );
  key = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'ts hub' })).key;
  rx = await customReceiver(h, 'ops');
  await switchOn(h);
  await bindOnly(h, 'circuit_breaker', [rx.target.id]);
});
afterAll(async () => {
  await h?.close();
  await closeAll(rx?.fake);
});

describe("the hub guide's TypeScript example", () => {
  it('type-checks with the client as a hub compiles it (strict)', async () => {
    const tsc = path.join(REPO_ROOT, 'apps/server/node_modules/.bin/tsc');
    const out = await new Promise<string>((resolve) => {
      execFile(tsc, ['-p', path.join(EXAMPLE_DIR, 'tsconfig.json')], { timeout: 110_000 }, (error, stdout, stderr) =>
        resolve(error ? `${stdout}${stderr}` || String(error) : ''),
      );
    });
    expect(out).toBe('');
  }, 120_000);

  it('syncs, records usage and reports the breaker opening and closing', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await example.main(h.url, key);
    expect(log.mock.calls).toEqual([
      [{ ok: true, apiKeyName: 'ts hub' }],
      [{ accepted: 1, duplicates: 0 }],
      ['alerted', ''],
      ['recovered'],
    ]);
    log.mockRestore();
    const users = await h.db.selectFrom('hub_user').select('id').orderBy('id').execute();
    expect(users.map((u) => u.id)).toEqual(['42', 'u-alice']);
    await rx.fake.waitForAccepted(2);
    // Two deliveries, each on its own: either may arrive first.
    expect(
      rx
        .messages()
        .map((m) => m.event)
        .sort(),
    ).toEqual(['opened', 'recovered']);
  });
});
