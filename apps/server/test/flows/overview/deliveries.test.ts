import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { hoursBefore, seedDelivery, seedNotification } from './seed.ts';

// 18:00 on Thursday 15 January in Asia/Shanghai (UTC+8): the local day began at 2026-01-14T16:00Z.
const NOW = new Date('2026-01-15T10:00:00.000Z');
const clock = manualClock(NOW);
let h: TestHerald;

beforeAll(async () => {
  h = await startTestHerald({}, { clock });
  await h.client(TEST_ADMIN_TOKEN).settings.update.mutate({ timezone: 'Asia/Shanghai' });
});
afterAll(() => h?.close());

const overview = () => h.client(TEST_ADMIN_TOKEN).overview.get.query();
const DATES = ['2026-01-09', '2026-01-10', '2026-01-11', '2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15'];
const zeros = { delivered: 0, failed: 0, pending: 0, skipped: 0 };

describe('overview: deliveries today and over 7 days', () => {
  it('with nothing stored: 7 zero days ending today in the system zone, and empty lists', async () => {
    const o = await overview();
    expect(o.timezone).toBe('Asia/Shanghai');
    expect(o.generatedAt).toBe(NOW.toISOString());
    expect(o.today).toEqual(zeros);
    expect(o.days).toEqual(DATES.map((date) => ({ date, ...zeros })));
    expect(o.failingTargets).toEqual([]);
    expect(o.topSpenders).toEqual({ users: [], totalCost: 0 });
    expect(o.quotas).toEqual({ users: [], providers: [] });
    expect(o.circuitBreakers).toEqual([]);
  });

  it('counts by outcome per local day (pending includes sending), zero-filling quiet days', async () => {
    const n = await seedNotification(h.db, hoursBefore(NOW, 200));
    const at = (iso: string) => new Date(iso);
    const today = [
      ['2026-01-15T09:00:00Z', 'delivered'],
      ['2026-01-15T08:00:00Z', 'delivered'],
      ['2026-01-15T01:00:00Z', 'delivered'],
      ['2026-01-15T07:00:00Z', 'failed'],
      ['2026-01-15T06:00:00Z', 'failed'],
      ['2026-01-15T09:59:00Z', 'pending'],
      ['2026-01-15T09:59:30Z', 'sending'],
      ['2026-01-15T05:00:00Z', 'skipped'],
      // 00:30 on the 15th in Shanghai, though still the 14th in UTC.
      ['2026-01-14T16:30:00Z', 'delivered'],
    ] as const;
    for (const [iso, status] of today) await seedDelivery(h.db, { notificationId: n, at: at(iso), status });
    // 23:30 on the 14th in Shanghai.
    await seedDelivery(h.db, { notificationId: n, at: at('2026-01-14T15:30:00Z'), status: 'failed' });
    // The 12th (local), and the first of the 7 days (the 9th from 00:00 local = 2026-01-08T16:00Z).
    await seedDelivery(h.db, { notificationId: n, at: at('2026-01-12T03:00:00Z'), status: 'delivered' });
    await seedDelivery(h.db, { notificationId: n, at: at('2026-01-12T04:00:00Z'), status: 'skipped' });
    await seedDelivery(h.db, { notificationId: n, at: at('2026-01-08T16:00:00Z'), status: 'delivered' });
    // Just before the 7 days, and (clock skew) after today: neither counts.
    await seedDelivery(h.db, { notificationId: n, at: at('2026-01-08T15:59:59Z'), status: 'delivered' });
    await seedDelivery(h.db, { notificationId: n, at: at('2026-01-15T16:00:00Z'), status: 'delivered' });

    const o = await overview();
    expect(o.today).toEqual({ delivered: 4, failed: 2, pending: 2, skipped: 1 });
    expect(o.days).toEqual([
      { date: '2026-01-09', ...zeros, delivered: 1 },
      { date: '2026-01-10', ...zeros },
      { date: '2026-01-11', ...zeros },
      { date: '2026-01-12', ...zeros, delivered: 1, skipped: 1 },
      { date: '2026-01-13', ...zeros },
      { date: '2026-01-14', ...zeros, failed: 1 },
      { date: '2026-01-15', delivered: 4, failed: 2, pending: 2, skipped: 1 },
    ]);
  });

  it('follows the system zone: in UTC the 16:30 delivery is back on the 14th', async () => {
    await h.client(TEST_ADMIN_TOKEN).settings.update.mutate({ timezone: 'UTC' });
    try {
      const o = await overview();
      expect(o.timezone).toBe('UTC');
      // The 16:30Z one leaves today; the 16:00Z one (tomorrow in Shanghai) is still today in UTC.
      expect(o.today).toEqual({ delivered: 4, failed: 2, pending: 2, skipped: 1 });
      expect(o.days.at(-2)).toEqual({ date: '2026-01-14', ...zeros, delivered: 1, failed: 1 });
    } finally {
      await h.client(TEST_ADMIN_TOKEN).settings.update.mutate({ timezone: 'Asia/Shanghai' });
    }
  });

  it('is for admins only: a hub API key and no credentials are refused', async () => {
    const key = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'overview hub' })).key;
    const asHub = await h.api('overview.get', undefined, { token: key });
    expect(asHub.status).toBe(401);
    expect(asHub.body.error.data.code).toBe('UNAUTHORIZED');
    expect((await h.api('overview.get')).status).toBe(401);
    await expect(h.client(key).overview.get.query()).rejects.toThrow(/admin/);
  });
});
