import { CircuitBreakerReport } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/database.ts';
import { reportCircuitBreaker } from '../../../src/services/hub-intake.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { hubTestDb, recordingEvents } from './support.ts';

const valid = {
  providerId: 'p1',
  providerName: 'Anthropic Primary',
  failureCount: 5,
  retryAt: '2026-06-01T08:30:00.000Z',
  lastError: 'upstream 529: overloaded_error',
};

describe('reportCircuitBreaker (service)', () => {
  let t: Awaited<ReturnType<typeof hubTestDb>>;
  let db: Db;
  beforeAll(async () => {
    t = await hubTestDb();
    db = t.db;
  });
  afterAll(() => t?.close());

  it('keeps the provider name current and raises the event in the transaction', async () => {
    const ev = recordingEvents();
    await reportCircuitBreaker(db, CircuitBreakerReport.parse(valid), ev.events);
    expect(ev.calls).toEqual([{ data: valid, source: 'hub', inTransaction: true }]);
    await reportCircuitBreaker(db, CircuitBreakerReport.parse({ ...valid, providerName: 'Renamed' }), ev.events);
    const rows = await db.selectFrom('hub_provider').select(['id', 'name']).execute();
    expect(rows).toEqual([{ id: 'p1', name: 'Renamed' }]);
  });

  it('when the event fails, the name change is rolled back with it', async () => {
    const ev = recordingEvents();
    ev.failNext(new Error('boom'));
    await expect(
      reportCircuitBreaker(db, CircuitBreakerReport.parse({ ...valid, providerName: 'Lost' }), ev.events),
    ).rejects.toThrow('boom');
    const row = await db.selectFrom('hub_provider').select('name').where('id', '=', 'p1').executeTakeFirstOrThrow();
    expect(row.name).toBe('Renamed');
  });
});

describe('hub.reportCircuitBreaker', () => {
  let h: TestHerald;
  let key: string;
  beforeAll(async () => {
    h = await startTestHerald();
    key = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'breaker hub' })).key;
  });
  afterAll(() => h?.close());

  it('accepts a report and records the provider', async () => {
    // Notifications are switched off in a fresh install: recorded, not alerted.
    const disabled = { ok: true, outcome: 'disabled', notificationId: null };
    expect(await h.client(key).hub.reportCircuitBreaker.mutate(valid)).toEqual(disabled);
    // A numeric provider id, no last error, a retryAt with an offset.
    const numeric = { ...valid, providerId: 7 as unknown as string, retryAt: '2026-06-01T16:30:00+08:00' };
    delete (numeric as { lastError?: string }).lastError;
    expect(await h.client(key).hub.reportCircuitBreaker.mutate(numeric)).toEqual(disabled);
    const rows = await h.db.selectFrom('hub_provider').select(['id', 'name']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: '7', name: 'Anthropic Primary' },
      { id: 'p1', name: 'Anthropic Primary' },
    ]);
  });

  it.each([
    [{ ...valid, retryAt: 'in 30 minutes' }, 'retryAt'],
    [{ ...valid, retryAt: '2026-06-01' }, 'retryAt'],
    [{ ...valid, failureCount: 0 }, 'failureCount'],
    [{ ...valid, failureCount: 2.5 }, 'failureCount'],
    [{ ...valid, providerId: '' }, 'providerId'],
    [{ ...valid, providerName: '' }, 'providerName'],
    [{ ...valid, lastError: 42 }, 'lastError'],
  ])('rejects %j naming the field', async (input, field) => {
    const r = await h.api('hub.reportCircuitBreaker', input, { token: key });
    expect(r.status).toBe(400);
    expect(r.body.error.data.issues.map((i: { path: string }) => i.path)).toEqual([field]);
  });
});
