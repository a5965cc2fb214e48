import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheSamples } from '../../../src/db/repos/cache-metrics.ts';
import {
  CACHE_ALERT_DEFAULTS,
  type CacheCheckSettings,
  checkCacheHitRate,
  claimCooldowns,
} from '../../../src/engine/cache-hit-rate.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

// Monday 2026-03-02 10:00 UTC; a 30-minute window: current [09:30, 10:00), today [00:00, 09:30),
// historical the 7 whole days before today.
const NOW = new Date('2026-03-02T10:00:00.000Z');
const SETTINGS: CacheCheckSettings = { ...CACHE_ALERT_DEFAULTS, windowMode: '30m' };
let h: TestHerald;
let key: string;
let seq = 0;

beforeAll(async () => {
  h = await startTestHerald();
  key = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'cache hub' })).key;
});
afterAll(() => h?.close());

/**
 * `n` requests of one provider × model from `start`, 10 s apart, each with the given hit rate
 * (100 tokens: rate × 100 read from the cache). In one session (all but the first eligible) or,
 * with `session: false`, each on its own.
 */
async function traffic(providerId: string, model: string, start: string, n: number, rate: number, session = true) {
  const sessionId = `s-${++seq}`;
  const t0 = Date.parse(start);
  const records = Array.from({ length: n }, (_, i) => ({
    requestId: `r-${seq}-${i}`,
    userId: 'u1',
    providerId,
    model,
    costUsd: 0.01,
    inputTokens: 100 - Math.round(rate * 100),
    outputTokens: 10,
    cacheReadInputTokens: Math.round(rate * 100),
    statusCode: 200,
    createdAt: new Date(t0 + i * 10_000).toISOString(),
    ...(session ? { sessionId, requestSequence: i + 1, cacheTtlApplied: '5m' } : {}),
  }));
  await h.client(key).hub.recordUsage.mutate({ records });
}

describe('cache-hit-rate check over the usage log', () => {
  it('finds the reference rule’s anomalies from usage the hub reported, most severe first', async () => {
    // A: yesterday 50 %, now 20 %: a drop from the historical baseline.
    await traffic('1', 'claude-a', '2026-03-01T12:00:00Z', 30, 0.5);
    await traffic('1', 'claude-a', '2026-03-02T09:40:00Z', 30, 0.2);
    // B: new, 1 %, no baseline: under the floor.
    await traffic('2', 'claude-b', '2026-03-02T09:40:00Z', 30, 0.01);
    // C: 37.5 % against 50 %: the relative drop is too small (AND).
    await traffic('3', 'claude-c', '2026-02-28T12:00:00Z', 30, 0.5);
    await traffic('3', 'claude-c', '2026-03-02T09:40:00Z', 30, 0.375);
    // D: no sessions (nothing eligible): judged on all requests, 10 % against today's 50 %.
    await traffic('4', 'claude-d', '2026-03-02T08:00:00Z', 30, 0.5, false);
    await traffic('4', 'claude-d', '2026-03-02T09:40:00Z', 30, 0.1, false);
    // A failed upstream answer does not count.
    await h.client(key).hub.recordUsage.mutate({
      records: [
        {
          requestId: 'failed-1',
          userId: 'u1',
          providerId: '3',
          model: 'claude-c',
          costUsd: 0,
          inputTokens: 100,
          outputTokens: 0,
          statusCode: 529,
          createdAt: '2026-03-02T09:50:00Z',
        },
      ],
    });

    const check = await checkCacheHitRate(h.db, SETTINGS, NOW, 'UTC');
    expect(check.mode).toBe('30m');
    expect(check.anomalies.map((a) => `${a.providerId}/${a.model}`)).toEqual([
      '4/claude-d',
      '1/claude-a',
      '2/claude-b',
    ]);
    const [d, a, b] = check.anomalies;
    expect(d?.reasonCodes).toEqual([
      'use_overall',
      'eligible_insufficient',
      'baseline_overall',
      'baseline_today',
      'drop_abs_rel',
    ]);
    expect(a?.reasonCodes).toEqual(['use_eligible', 'baseline_eligible', 'baseline_historical', 'drop_abs_rel']);
    expect(a?.current).toMatchObject({ kind: 'eligible', requests: 29, denominatorTokens: 2900 });
    expect(a?.current.hitRateTokens).toBeCloseTo(0.2);
    expect(a?.dropAbs).toBeCloseTo(0.3);
    expect(b?.reasonCodes).toEqual(['use_eligible', 'baseline_missing', 'abs_min']);
    expect(check.signal).toEqual({ total: 121, withModel: 121, withSession: 90 });
  });

  it('the cooldown is claimed per recipient, provider, model and window: a second check is suppressed', async () => {
    const { anomalies, mode } = await checkCacheHitRate(h.db, SETTINGS, NOW, 'UTC');
    const first = await claimCooldowns(h.db, 'binding:b1', anomalies, mode, NOW, 30);
    expect(first).toEqual({ claimed: anomalies, suppressed: 0 });
    const again = await claimCooldowns(h.db, 'binding:b1', anomalies, mode, new Date(NOW.getTime() + 29 * 60_000), 30);
    expect(again).toEqual({ claimed: [], suppressed: anomalies.length });
    // Another binding has its own; after the cooldown it alerts again; 0 minutes: none.
    expect((await claimCooldowns(h.db, 'binding:b2', anomalies, mode, NOW, 30)).suppressed).toBe(0);
    expect(
      (await claimCooldowns(h.db, 'binding:b1', anomalies, mode, new Date(NOW.getTime() + 30 * 60_000), 30)).suppressed,
    ).toBe(0);
    expect(await claimCooldowns(h.db, 'binding:b1', anomalies, mode, NOW, 0)).toEqual({
      claimed: anomalies,
      suppressed: 0,
    });
  });
});

describe('the cache rollup', () => {
  it('gives the same samples as the raw rows, late eligibility included', async () => {
    // A session whose second request arrives before its first, across a UTC midnight.
    const rec = (seq: number, at: string) => ({
      requestId: `late-${seq}`,
      userId: 'u1',
      providerId: '9',
      model: 'claude-late',
      sessionId: 'late-session',
      requestSequence: seq,
      cacheTtlApplied: '1h',
      costUsd: 0.01,
      inputTokens: 60,
      outputTokens: 1,
      cacheReadInputTokens: 40,
      createdAt: at,
    });
    await h.client(key).hub.recordUsage.mutate({ records: [rec(2, '2026-02-27T00:10:00Z')] });
    await h.client(key).hub.recordUsage.mutate({ records: [rec(1, '2026-02-26T23:50:00Z')] });
    const range = { start: new Date('2026-02-23T16:00:00Z'), end: new Date('2026-03-02T16:00:00Z') };
    const fromRollup = await cacheSamples(h.db, range);
    const { rows: raw } = await sql<{
      provider_id: string;
      model: string;
      requests: number;
      e_requests: number;
      hit: number;
      e_hit: number;
    }>`
      select provider_id, model, count(*)::int as requests, (count(*) filter (where cache_eligible))::int as e_requests,
             sum(cache_read_input_tokens)::int as hit, coalesce(sum(cache_read_input_tokens) filter (where cache_eligible), 0)::int as e_hit
        from usage_record
       where created_at >= ${range.start} and created_at < ${range.end} and model is not null
         and case when status_code is null then success else status_code between 200 and 299 end
       group by 1, 2`.execute(h.db);
    const key2 = (p: string, m: string) => `${p}/${m}`;
    const got = new Map(fromRollup.map((s) => [key2(s.providerId, s.model), s]));
    expect(got.size).toBe(raw.length);
    for (const r of raw) {
      const s = got.get(key2(r.provider_id, r.model));
      expect([s?.overall.requests, s?.eligible.requests]).toEqual([r.requests, r.e_requests]);
    }
    // The late pair: both counted, the second eligible once its predecessor arrived.
    expect(got.get('9/claude-late')).toMatchObject({
      overall: { requests: 2, denominatorTokens: 200 },
      eligible: { requests: 1, denominatorTokens: 100 },
    });
  });
});
