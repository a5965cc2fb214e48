import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { hubKey, receiverFor } from './setup.ts';

// Thursday 2026-01-15 14:00 in Asia/Shanghai: the week began Monday 12th 00:00 local (11th 16:00 UTC).
const NOW = new Date('2026-01-15T06:00:00.000Z');
const clock = manualClock(NOW);
let h: TestHerald;
let key: string;
let receiver: Awaited<ReturnType<typeof receiverFor>>;
let seq = 0;

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });
  receiver = await receiverFor(h, ['cost_alert'], {}, { timezone: 'Asia/Shanghai', costAlertThreshold: 0.8 });
  key = await hubKey(h);
  await h.client(key).hub.syncUsers.mutate({
    users: [
      { id: 'u1', name: 'Alice', limitWeeklyUsd: 100 },
      { id: 'u2', name: 'Bob', limit5hUsd: 10, limitMonthlyUsd: 50 },
      { id: 'u3', name: 'Carol', limitWeeklyUsd: 100 },
    ],
  });
  await h.client(key).hub.syncProviders.mutate({ providers: [{ id: 'p1', name: 'Primary', limitWeeklyUsd: 1000 }] });
});
afterAll(async () => {
  await h?.close();
  await receiver?.fake.close();
});

const spend = (userId: string, costUsd: number, at: Date) =>
  h.client(key).hub.recordUsage.mutate({
    records: [
      {
        requestId: `r${++seq}`,
        userId,
        providerId: 'p1',
        costUsd,
        inputTokens: 100,
        outputTokens: 50,
        createdAt: at.toISOString(),
      },
    ],
  });
const trigger = () => h.client(TEST_ADMIN_TOKEN).notifications.trigger.mutate({ notificationType: 'cost_alert' });
const hoursAgo = (n: number) => new Date(NOW.getTime() - n * 3_600_000);

describe('cost alerts', () => {
  it('alert every (entity, window) at or over the threshold, not only the first', async () => {
    await spend('u1', 85, hoursAgo(24)); // this week: 85 %
    await spend('u1', 50, hoursAgo(90)); // before Monday 00:00 local (86 h ago): last week, not counted
    await spend('u2', 9, hoursAgo(1)); // 5 h: 90 %
    await spend('u2', 36, hoursAgo(48)); // month: 45 of 50 = 90 %
    await spend('u3', 10, hoursAgo(2)); // 10 %
    const r = await trigger();
    expect(r).toEqual([expect.objectContaining({ ran: true, alerts: 3 })]);
    await receiver.fake.waitForAccepted(3);
    const got = receiver
      .messages()
      .map((m) => `${m.targetName} ${m.period} ${m.level} ${m.usage}`)
      .sort();
    expect(got).toEqual(['Alice weekly 0.8 85', 'Bob 5h 0.9 90', 'Bob monthly 0.9 90']);
  });

  it('does not repeat an alert in the same period at the same level', async () => {
    expect(await trigger()).toEqual([expect.objectContaining({ alerts: 0 })]);
  });

  it('alerts again when a higher level is crossed: 90 %, then 100 %', async () => {
    await spend('u1', 6, hoursAgo(3)); // 91 %
    expect(await trigger()).toEqual([expect.objectContaining({ alerts: 1 })]);
    await receiver.fake.waitForAccepted(4); // received before the next one is sent: the order below is theirs
    await spend('u1', 10, hoursAgo(3)); // 101 %
    expect(await trigger()).toEqual([expect.objectContaining({ alerts: 1 })]);
    await receiver.fake.waitForAccepted(5);
    expect(
      receiver
        .messages()
        .slice(-2)
        .map((m) => [m.targetName, m.level]),
    ).toEqual([
      ['Alice', 0.9],
      ['Alice', 1],
    ]);
  });

  it('a new week is a new period', async () => {
    clock.set(new Date('2026-01-18T16:30:00.000Z')); // Monday 00:30 local
    await spend('u1', 95, new Date('2026-01-18T16:10:00.000Z'));
    const r = await trigger();
    expect(r[0]).toMatchObject({ alerts: 1 });
    await receiver.fake.waitForAccepted(6);
    expect(receiver.messages().at(-1)).toMatchObject({ targetName: 'Alice', period: 'weekly', level: 0.9 });
  });

  it('runs for nothing when switched off', async () => {
    await h.client(TEST_ADMIN_TOKEN).settings.update.mutate({ costAlertEnabled: false });
    expect(await trigger()).toEqual([{ ran: false, scope: '*', reason: 'cost_alert is switched off' }]);
  });
});
