import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { hubKey, receiverFor } from './setup.ts';

const NOW = new Date('2026-01-15T01:00:00.000Z'); // 09:00 in Asia/Shanghai
const clock = manualClock(NOW);
let h: TestHerald;
let key: string;

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.1/32' }, { clock });
  key = await hubKey(h);
});
afterAll(() => h?.close());

const trigger = () =>
  h.client(TEST_ADMIN_TOKEN).notifications.trigger.mutate({ notificationType: 'daily_leaderboard' });

describe('daily leaderboard', () => {
  it('with no usage sends nothing and says so in the log', async () => {
    const receiver = await receiverFor(
      h,
      ['daily_leaderboard'],
      {},
      { timezone: 'Asia/Shanghai', dailyLeaderboardTopN: 3 },
    );
    try {
      expect(await trigger()).toEqual([expect.objectContaining({ ran: true, sent: false })]);
      expect(h.logs.lines.some((l) => l.action === 'daily_leaderboard_no_data')).toBe(true);
      expect(await h.db.selectFrom('notification').selectAll().execute()).toEqual([]);

      await h.client(key).hub.syncUsers.mutate({
        users: [
          { id: 'u1', name: 'Alice' },
          { id: 'u2', name: 'Bob' },
        ],
      });
      const rec = (id: string, userId: string, costUsd: number, hours: number) => ({
        requestId: id,
        userId,
        providerId: 'p1',
        costUsd,
        inputTokens: 1000,
        outputTokens: 500,
        createdAt: new Date(NOW.getTime() - hours * 3_600_000).toISOString(),
      });
      await h.client(key).hub.recordUsage.mutate({
        records: [
          rec('a1', 'u1', 2, 1),
          rec('a2', 'u1', 3, 23),
          rec('b1', 'u2', 10, 5),
          rec('c1', 'u3', 1, 2),
          rec('d1', 'u4', 0.5, 3),
          rec('old', 'u1', 100, 25), // older than 24 h
        ],
      });
      expect(await trigger()).toEqual([expect.objectContaining({ ran: true, sent: true })]);
      await receiver.fake.waitForAccepted(1);
      const [m] = receiver.messages();
      expect(m?.date).toBe('2026-01-15');
      expect(m?.entries.map((e) => [e.userName, e.totalCost, e.totalRequests, e.totalTokens])).toEqual([
        ['Bob', 10, 1, 1500],
        ['Alice', 5, 2, 3000],
        ['u3', 1, 1, 1500],
      ]);
      // Totals over every user, not only the top 3.
      expect(m).toMatchObject({ totalRequests: 5, totalCost: 16.5 });
    } finally {
      await receiver.fake.close();
    }
  });
});
