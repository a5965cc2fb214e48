/**
 * A hub reporting to Herald with @herald/client. Run it:
 *   HERALD_URL=http://127.0.0.1:3000 HERALD_API_KEY=hrld_... node herald-hub.ts
 * It syncs two users and a provider, records usage in batches and reports the provider's breaker
 * opening and closing again; every call is retried while Herald says the error is retryable.
 * See docs/hub-guide.md for every field.
 */
import {
  createHeraldClient,
  type HeraldClient,
  type HubInputs,
  heraldErrorOf,
  isRetryable,
  retryAfterSeconds,
} from '@herald/client';

type UsageRecord = HubInputs['recordUsage']['records'][number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries while the error is retryable: full-jitter backoff from `baseMs`, capped at 30 s; Retry-After first. */
export async function withRetry<T>(call: () => Promise<T>, attempts = 6, baseMs = 500): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!isRetryable(err) || attempt >= attempts) throw err;
      const jitter = Math.random() * Math.min(30_000, baseMs * 2 ** (attempt - 1));
      await sleep(Math.max(jitter, Math.min(30, retryAfterSeconds(err) ?? 0) * 1000));
    }
  }
}

/** Records in batches; a batch over Herald's body limit (PAYLOAD_TOO_LARGE) is split in half. */
export async function recordUsage(herald: HeraldClient, records: UsageRecord[], batchSize = 1000) {
  const totals = { accepted: 0, duplicates: 0 };
  const batches: UsageRecord[][] = [];
  for (let i = 0; i < records.length; i += batchSize) batches.push(records.slice(i, i + batchSize));
  while (batches.length > 0) {
    const batch = batches.shift() as UsageRecord[];
    try {
      const r = await withRetry(() => herald.hub.recordUsage.mutate({ records: batch }));
      totals.accepted += r.accepted;
      totals.duplicates += r.duplicates;
    } catch (err) {
      if (heraldErrorOf(err)?.code !== 'PAYLOAD_TOO_LARGE' || batch.length < 2) throw err;
      const half = Math.ceil(batch.length / 2);
      batches.unshift(batch.slice(0, half), batch.slice(half));
    }
  }
  return totals;
}

export async function main(url: string, apiKey: string): Promise<void> {
  // One call per request, so a retry repeats exactly one procedure.
  const herald = createHeraldClient({ url, apiKey, batch: false });
  console.log(await herald.hub.ping.query()); // { ok: true, apiKeyName: '…' }

  await withRetry(() =>
    herald.hub.syncUsers.mutate({
      users: [
        { id: 'u-alice', name: 'Alice', limit5hUsd: 10, limitWeeklyUsd: 50, limitMonthlyUsd: null },
        { id: 42, name: 'Bob', limitMonthlyUsd: 200 },
      ],
    }),
  );
  await withRetry(() =>
    herald.hub.syncProviders.mutate({
      providers: [{ id: 'anthropic-1', name: 'Anthropic Primary', failureThreshold: 3, openDurationMs: 1_800_000 }],
    }),
  );

  const now = Date.now();
  console.log(
    await recordUsage(herald, [
      {
        requestId: 'ts-req-1', // the idempotency key: sending it again is counted as a duplicate
        userId: 'u-alice',
        providerId: 'anthropic-1',
        costUsd: 0.0125, // US dollars
        inputTokens: 1200,
        outputTokens: 300,
        cacheReadInputTokens: 800,
        createdAt: new Date(now - 60_000).toISOString(),
      },
    ]),
  ); // { accepted: 1, duplicates: 0 }

  const opened = await withRetry(() =>
    herald.hub.reportCircuitBreaker.mutate({
      providerId: 'anthropic-1',
      providerName: 'Anthropic Primary',
      failureCount: 3,
      retryAt: new Date(now + 30 * 60_000).toISOString(),
      lastError: 'upstream 529: overloaded_error',
    }),
  );
  // 'alerted' means a message is on its way; 'suppressed' says why not in `reason`.
  console.log(opened.outcome, opened.reason ?? '');
  const closed = await withRetry(() =>
    herald.hub.reportCircuitBreaker.mutate({ state: 'closed', providerId: 'anthropic-1' }),
  );
  console.log(closed.outcome); // 'recovered'
}

if (import.meta.main) {
  const { HERALD_URL = 'http://127.0.0.1:3000', HERALD_API_KEY = '' } = process.env;
  await main(HERALD_URL, HERALD_API_KEY);
}
