/**
 * docs/examples/curl/herald-hub.sh, the hub guide's curl example, run with bash and curl against
 * a real Herald, through a proxy that makes the first usage call fail as Herald does when it
 * is unavailable: curl's --retry must send it again.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { bindOnly, closeAll, customReceiver, type Receiver, switchOn } from '../incidents/support.ts';
import { type FrontProxy, runExample, startFrontProxy } from './examples-support.ts';

const EXAMPLE = 'docs/examples/curl/herald-hub.sh';

let h: TestHerald;
let key: string;
let rx: Receiver;
let proxy: FrontProxy;

beforeAll(async () => {
  try {
    execFileSync('curl', ['--version']);
  } catch {
    throw new Error("the hub guide's curl example needs curl (7.76 or later) on PATH");
  }
  h = await startTestHerald(
    { OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' },
    { clock: manualClock(new Date('2026-05-04T09:00:00.000Z')) },
  );
  key = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'curl hub' })).key;
  rx = await customReceiver(h, 'ops');
  await switchOn(h);
  await bindOnly(h, 'circuit_breaker', [rx.target.id]);
  proxy = await startFrontProxy(h.url);
});
afterAll(async () => {
  await proxy?.close();
  await h?.close();
  await closeAll(rx?.fake);
});

describe("the hub guide's curl example", () => {
  it('makes every call, retrying the one Herald could not take, and each lands', async () => {
    // curl waits Retry-After (0 here) before its retry.
    proxy.script('hub.recordUsage', [
      {
        status: 503,
        headers: { 'retry-after': '0' },
        body: JSON.stringify({
          error: {
            message: 'unavailable',
            code: -32603,
            data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503, herald: { code: 'UNAVAILABLE', retryable: true } },
          },
        }),
      },
    ]);
    const run = await runExample('bash', [EXAMPLE], { HERALD_URL: proxy.url, HERALD_API_KEY: key });
    expect(run.code).toBe(0);
    expect(run.lines.map((l) => (l.result as { data: unknown }).data)).toEqual([
      { ok: true, apiKeyName: 'curl hub' },
      { created: 2, updated: 0 },
      { created: 1, updated: 0 },
      { accepted: 2, duplicates: 0 },
      { ok: true, outcome: 'alerted', notificationId: expect.any(String) },
      { ok: true, outcome: 'recovered', notificationId: expect.any(String) },
    ]);
    expect(proxy.seen.filter((p) => p === 'hub.recordUsage')).toHaveLength(2);

    const usage = await h.db
      .selectFrom('usage_record')
      .select(['request_id', 'user_id', 'success'])
      .orderBy('request_id')
      .execute();
    expect(usage).toEqual([
      { request_id: 'curl-req-1', user_id: 'u-alice', success: true },
      { request_id: 'curl-req-2', user_id: '42', success: false },
    ]);
    await rx.fake.waitForAccepted(2);
    // Two deliveries, each on its own: either may arrive first.
    expect(
      rx
        .messages()
        .map((m) => `${m.provider} ${m.event}`)
        .sort(),
    ).toEqual(['Anthropic Primary opened', 'Anthropic Primary recovered']);
  });

  it('stops at an error Herald does not mark retryable, printing its answer', async () => {
    const run = await runExample('bash', [EXAMPLE], { HERALD_URL: proxy.url, HERALD_API_KEY: 'hrld_not-a-key' });
    expect(run.code).not.toBe(0);
    const [answer] = run.lines as Array<{ error: { data: { httpStatus: number; herald: unknown } } }>;
    expect(answer?.error.data.httpStatus).toBe(401);
    expect(answer?.error.data.herald).toEqual({
      code: 'UNAUTHENTICATED',
      retryable: false,
      reason: 'auth.hub_key_required',
      params: {},
    });
  });
});
