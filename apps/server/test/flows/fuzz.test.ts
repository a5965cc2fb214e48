import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { appRouter } from '../../src/api/router.ts';
import { allProcedures, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../herald.ts';
import {
  hostileJson,
  mutated,
  parsedValue,
  storable,
  stringPathsOf,
  toJsonText,
  withValueAt,
} from '../support/hostile.ts';

/** Generated inputs per procedure, against its schema and over HTTP; FUZZ_SCALE=10 runs ten times as many. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SCHEMA_RUNS = 300 * SCALE;
const HTTP_RUNS = 60 * SCALE;

const procedures = allProcedures();
const UUID = '0191d3a4-7c2e-7a3b-9c1d-2e3f4a5b6c7d';

/**
 * A valid input for every procedure that takes one; the fuzz replaces one value at a time so
 * the request gets past the schema into the service and the database. Webhooks (and Telegram's
 * API) point at a loopback port nothing answers, and the address policy refuses it before any packet.
 */
function samples(targetId: string): Record<string, unknown> {
  const template = { text: '{{title}}', nested: { items: ['{{provider_name}}', 1, true, null] } };
  return {
    'auth.login': { token: 'not-the-admin-token' },
    'settings.update': {
      enabled: false,
      timezone: 'UTC',
      dailyLeaderboardTime: '09:00',
      costAlertThreshold: 0.85,
      circuitBreakerGroupWaitSeconds: 30,
      costAlertDigestThreshold: 5,
    },
    // Telegram's API is pointed at the loopback port below: no platform host is ever looked up.
    'settings.testLegacyWebhook': {
      url: 'https://api.telegram.org/bot123456:fuzz-token/sendMessage?chat_id=-100123',
      notificationType: 'cost_alert',
    },
    'targets.get': { id: targetId },
    'targets.create': {
      name: 'fuzz',
      providerType: 'custom',
      webhookUrl: 'http://127.0.0.1:9/hook',
      customTemplate: template,
      customHeaders: { 'x-token': 'abc' },
    },
    'targets.update': { id: targetId, name: 'fuzzed', providerType: 'custom', customTemplate: template },
    'targets.delete': { id: UUID },
    'targets.test': { id: targetId, notificationType: 'circuit_breaker' },
    'bindings.list': { notificationType: 'cost_alert' },
    'bindings.set': {
      notificationType: 'circuit_breaker',
      bindings: [
        {
          targetId,
          isEnabled: false,
          scheduleCron: null,
          templateOverride: template,
          quietHours: { days: [1, 2, 3], from: '22:00', to: '07:00', bypassUrgent: true },
        },
      ],
    },
    'notifications.preview': {
      notificationType: 'circuit_breaker',
      providerType: 'custom',
      template,
      locale: 'en',
      timezone: 'Asia/Shanghai',
    },
    'notifications.trigger': { notificationType: 'cost_alert' },
    'deliveries.list': { limit: 10, status: 'failed', from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
    'deliveries.get': { id: UUID },
    'deliveries.resend': { id: UUID },
    'apiKeys.create': { name: 'fuzz key' },
    'apiKeys.revoke': { id: UUID },
    'audit.list': { limit: 5, entityType: 'target', cursor: 3 },
    'hub.reportCircuitBreaker': {
      providerId: 'p-1',
      providerName: 'Provider',
      failureCount: 3,
      retryAt: '2026-01-15T14:30:00Z',
      lastError: 'upstream 529',
    },
    'hub.reportProviderBalance': {
      providerId: 'p-1',
      providerName: 'Provider',
      balance: -12.5,
      currency: 'usd',
      lowBalanceThreshold: 100,
      reportedAt: '2026-01-15T14:30:00Z',
    },
    'hub.recordUsage': {
      records: [
        {
          requestId: 'r-1',
          userId: 'u-1',
          providerId: 'p-1',
          costUsd: 0.25,
          inputTokens: 100,
          outputTokens: 20,
          success: false,
          errorMessage: 'overloaded',
          createdAt: '2026-01-15T14:30:00Z',
        },
      ],
    },
    'hub.syncUsers': { users: [{ id: 'u-1', name: 'Ann', limit5hUsd: 10, limitMonthlyUsd: null, isEnabled: true }] },
    'hub.syncProviders': { providers: [{ id: 'p-1', name: 'Provider', failureThreshold: 5, openDurationMs: 60_000 }] },
    'silences.list': { includeEnded: true },
    'silences.create': { matcher: { kind: 'provider', providerId: 'p-1' }, durationMinutes: 60, reason: 'maintenance' },
    'silences.end': { id: UUID },
    'cch.connector.set': { enabled: false, baseUrl: 'http://127.0.0.1:9', token: 'fuzz-token', intervalSeconds: 60 },
    'cch.connector.test': { baseUrl: 'http://127.0.0.1:9', token: 'fuzz-token' },
  };
}

/** Inputs passed through unparsed by their schema: login's token is only compared, an update is checked by the service. */
const UNPARSED = new Set(['auth.login', 'targets.update']);

function inputsOf(path: string): ZodType[] {
  const procs = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: ZodType[] } }>;
  return procs[path]?._def.inputs ?? [];
}

describe('every procedure’s input schema, given generated input', () => {
  const withInput = procedures.filter((p) => inputsOf(p.path).length > 0);

  it('covers every procedure that takes input', () => {
    expect(withInput.map((p) => p.path).sort()).toEqual(Object.keys(samples(UUID)).sort());
  });

  it.each(withInput)('$path never throws, and what it accepts PostgreSQL can store', ({ path }) => {
    const [schema] = inputsOf(path) as [ZodType];
    const sample = samples(UUID)[path];
    fc.assert(
      fc.property(fc.oneof(hostileJson, mutated(sample)), (input) => {
        const r = schema.safeParse(parsedValue(input));
        if (r.success && !UNPARSED.has(path)) expect(storable(r.data)).toBe(true);
      }),
      { numRuns: SCHEMA_RUNS },
    );
  });
});

describe('the API over HTTP, given generated input', () => {
  let h: TestHerald;
  let hubKey: string;
  let targetId: string;
  const tally = { cases: 0, byStatus: {} as Record<number, number> };

  beforeAll(async () => {
    // Behind a trusted proxy, so every wrong login comes from its own address and never limits the rest.
    h = await startTestHerald({ TRUST_PROXY: 'true', TELEGRAM_API_BASE_URL: 'http://127.0.0.1:9' });
    const admin = h.client(TEST_ADMIN_TOKEN);
    hubKey = (await admin.apiKeys.create.mutate({ name: 'fuzz hub' })).key;
    const target = await admin.targets.create.mutate({
      name: 'loopback',
      providerType: 'custom',
      webhookUrl: 'http://127.0.0.1:9/hook',
      customTemplate: { text: '{{title}}' },
    });
    targetId = target.id;
  });
  afterAll(async () => {
    console.log(`fuzz over HTTP: ${tally.cases} requests, by status ${JSON.stringify(tally.byStatus)}`);
    await h?.close();
  });

  async function call(path: string, kind: string, input: unknown): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = {
      'x-forwarded-for': `127.1.${(tally.cases >> 8) & 255}.${tally.cases & 255}`,
    };
    if (path.startsWith('hub.')) headers.authorization = `Bearer ${hubKey}`;
    else if (!path.startsWith('auth.')) headers.authorization = `Bearer ${TEST_ADMIN_TOKEN}`;
    const res =
      kind === 'query'
        ? await fetch(`${h.url}/trpc/${path}?input=${encodeURIComponent(toJsonText(input))}`, { headers })
        : await fetch(`${h.url}/trpc/${path}`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: toJsonText(input),
          });
    const text = await res.text();
    tally.cases++;
    tally.byStatus[res.status] = (tally.byStatus[res.status] ?? 0) + 1;
    return { status: res.status, text };
  }

  it.each(procedures)(
    '$path answers every input below 500',
    async ({ path, kind }) => {
      const sample = samples(targetId)[path];
      const inputs = sample === undefined ? hostileJson : fc.oneof(hostileJson, mutated(sample));
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          const r = await call(path, kind, input);
          expect(r.status, r.text.slice(0, 300)).toBeLessThan(500);
        }),
        { numRuns: HTTP_RUNS },
      );
      // A valid input still works after all that.
      if (sample !== undefined && !path.startsWith('auth.')) {
        expect((await call(path, kind, sample)).status).toBeLessThan(500);
      }
    },
    120_000 * SCALE,
  );

  it('answers below 500 with a NUL or half a surrogate pair in each string field of each procedure', async () => {
    const all = samples(targetId);
    let sent = 0;
    for (const { path, kind } of procedures) {
      const sample = all[path];
      if (sample === undefined) continue;
      for (const field of stringPathsOf(sample)) {
        for (const bad of ['a\u0000b', '\u0000', 'x\ud800', '\udc00y']) {
          const r = await call(path, kind, withValueAt(sample, field, bad));
          sent++;
          expect(r.status, `${path} ${field.join('.')}=${JSON.stringify(bad)}: ${r.text.slice(0, 200)}`).toBeLessThan(
            500,
          );
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
  }, 120_000);

  it('a 5,000-record batch whose one error message holds a NUL is stored whole, and again when re-sent', async () => {
    const records = Array.from({ length: 5_000 }, (_, i) => ({
      requestId: `nul-${i}`,
      userId: 'u-nul',
      providerId: 'p-nul',
      costUsd: 0.001,
      inputTokens: 1,
      outputTokens: 1,
      success: i !== 4_321,
      errorMessage: i === 4_321 ? 'upstream said \u0000 and stopped \ud83d' : null,
    }));
    const first = await call('hub.recordUsage', 'mutation', { records });
    expect(first.status, first.text).toBe(200);
    expect(JSON.parse(first.text).result.data).toEqual({ accepted: 5_000, duplicates: 0 });
    const again = await call('hub.recordUsage', 'mutation', { records });
    expect(JSON.parse(again.text).result.data).toEqual({ accepted: 0, duplicates: 5_000 });
    const stored = await h.db
      .selectFrom('usage_record')
      .select('error_message')
      .where('request_id', '=', 'nul-4321')
      .executeTakeFirstOrThrow();
    expect(stored.error_message).toBe('upstream said  and stopped \ufffd');
  });

  it('refuses an id holding a NUL with a 400 naming the field, and stores nothing', async () => {
    const r = await call('hub.syncUsers', 'mutation', {
      users: [
        { id: 'ok', name: 'A' },
        { id: 'u\u0000', name: 'B' },
      ],
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error.message).toBe('users.1.id: must not contain a NUL character (\\u0000)');
    expect(await h.db.selectFrom('hub_user').select('id').where('id', '=', 'ok').execute()).toEqual([]);
    const id = randomUUID();
    const target = await call('targets.get', 'query', { id });
    expect(target.status).toBe(404);
  });
});
