import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../../apps/server/test/herald.ts';
import { type AppRouter, createHeraldClient } from '../src/index.ts';

let h: TestHerald;
let apiKey: string;
beforeAll(async () => {
  h = await startTestHerald();
  apiKey = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'client test hub' })).key;
});
afterAll(() => h?.close());

describe('createHeraldClient', () => {
  it('calls hub procedures with the API key (trailing slash in the URL is fine)', async () => {
    const herald = createHeraldClient({ url: `${h.url}/`, apiKey });
    expect(await herald.hub.ping.query()).toEqual({ ok: true, apiKeyName: 'client test hub' });
  });

  it('batches calls made together into one request', async () => {
    let requests = 0;
    const herald = createHeraldClient({
      url: h.url,
      apiKey,
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    const results = await Promise.all([herald.hub.ping.query(), herald.hub.ping.query(), herald.hub.ping.query()]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(requests).toBe(1);
  });

  it('surfaces a wrong key as UNAUTHORIZED', async () => {
    const herald = createHeraldClient({ url: h.url, apiKey: 'hrld_wrong' });
    const err = await herald.hub.ping.query().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    expect((err as TRPCClientError<AppRouter>).data?.code).toBe('UNAUTHORIZED');
  });
});
