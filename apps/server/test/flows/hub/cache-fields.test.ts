import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { usage } from './support.ts';

let h: TestHerald;
let key: string;
beforeAll(async () => {
  h = await startTestHerald();
  key = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'cache hub' })).key;
});
afterAll(() => h?.close());

const T0 = Date.parse('2026-03-01T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const send = (records: ReturnType<typeof usage>[]) => h.client(key).hub.recordUsage.mutate({ records });
const row = (requestId: string) =>
  h.db.selectFrom('usage_record').selectAll().where('request_id', '=', requestId).executeTakeFirstOrThrow();

describe('usage records for the cache-hit-rate alert', () => {
  it('stores model, session, sequence, TTL split and status; optional, so older hubs are unchanged', async () => {
    await send([
      usage({
        requestId: 'c-1',
        model: 'claude-sonnet-4',
        sessionId: 's-1',
        requestSequence: 1,
        cacheCreation5mInputTokens: 800,
        cacheCreation1hInputTokens: 0,
        statusCode: 200,
        createdAt: at(0),
      }),
      usage({ requestId: 'plain-1', createdAt: at(0) }),
    ]);
    expect(await row('c-1')).toMatchObject({
      model: 'claude-sonnet-4',
      session_id: 's-1',
      request_sequence: 1,
      cache_creation_5m_input_tokens: 800,
      cache_ttl_seconds: 300,
      status_code: 200,
      cache_eligible: false,
    });
    expect(await row('plain-1')).toMatchObject({ model: null, session_id: null, cache_ttl_seconds: null });
  });

  it("a follow-up within its cache's TTL of the request before it is eligible, whichever arrives first", async () => {
    const s = (seq: number, seconds: number, extra: Partial<ReturnType<typeof usage>> = {}) =>
      usage({
        requestId: `e-${seq}`,
        sessionId: 's-2',
        requestSequence: seq,
        model: 'm',
        createdAt: at(seconds),
        ...extra,
      });
    // 2 follows 1 after 200 s with a 5-minute cache: eligible; 3 follows 2 after 400 s: too late.
    await send([s(1, 0), s(2, 200, { cacheTtlApplied: '5m' }), s(3, 600, { cacheTtlApplied: '5m' })]);
    expect((await row('e-2')).cache_eligible).toBe(true);
    expect((await row('e-3')).cache_eligible).toBe(false);
    // 5 arrives before 4 (another batch): it becomes eligible when 4 arrives.
    await send([s(5, 1000, { cacheTtlApplied: '1h' })]);
    expect((await row('e-5')).cache_eligible).toBe(false);
    await send([s(4, 700)]);
    expect((await row('e-5')).cache_eligible).toBe(true);
    // Without hints the TTL is an hour.
    expect((await row('e-4')).cache_ttl_seconds).toBe(3600);
  });

  it('refuses bad values, naming the field', async () => {
    const r = await h.api(
      'hub.recordUsage',
      {
        records: [
          usage({ requestSequence: 0 }),
          usage({ statusCode: 700 }),
          usage({ cacheTtlApplied: 'soon' }),
          usage({ model: '' }),
        ],
      },
      { token: key },
    );
    expect(r.status).toBe(400);
    const text = JSON.stringify(r.body);
    for (const field of [
      'records.0.requestSequence',
      'records.1.statusCode',
      'records.2.cacheTtlApplied',
      'records.3.model',
    ]) {
      expect(text).toContain(field);
    }
  });
});
