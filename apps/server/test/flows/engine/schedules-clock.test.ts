import { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

// The queue's own clock, moved by hand: cron schedules fire when the test says, never by wall time.
const clock = new TestClock(new Date('2026-01-15T00:55:00.000Z'));
let h: TestHerald;
let second: TestHerald;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startTestHerald({}, { bossClock: clock });
  // A second server process on the same database and the same (test) clock.
  second = await startTestHerald({}, { bossClock: clock, shareWith: h });
  const admin = h.client(TEST_ADMIN_TOKEN);
  for (const name of ['shanghai', 'new-york', 'default']) {
    ids[name] = (
      await admin.targets.create.mutate({
        name,
        providerType: 'wechat',
        webhookUrl: `https://qyapi.weixin.qq.com/x?key=${name}`,
      })
    ).id;
  }
  await admin.bindings.set.mutate({
    notificationType: 'daily_leaderboard',
    bindings: [
      {
        targetId: ids.shanghai as string,
        isEnabled: true,
        scheduleCron: '0 9 * * *',
        scheduleTimezone: 'Asia/Shanghai',
      },
      {
        targetId: ids['new-york'] as string,
        isEnabled: true,
        scheduleCron: '0 9 * * *',
        scheduleTimezone: 'America/New_York',
      },
      // No cron: dailyLeaderboardTime (09:30) in the settings zone (Europe/Berlin).
      { targetId: ids.default as string, isEnabled: true },
    ],
  });
  await admin.settings.update.mutate({
    enabled: true,
    dailyLeaderboardEnabled: true,
    dailyLeaderboardTime: '09:30',
    timezone: 'Europe/Berlin',
  });
});
afterAll(async () => {
  await second?.close();
  await h?.close();
});

/** The targets whose leaderboard job the queue has created so far. */
async function fired(): Promise<string[]> {
  const jobs = await h.herald.deps.boss.findJobs<{ targetId: string }>('daily-leaderboard');
  const byTarget = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  return jobs.map((j) => byTarget[j.data.targetId] ?? '?').sort();
}

/** Jumps (firing nothing), then lets a minute pass so the queue's cron pass runs once. */
async function moveTo(iso: string) {
  await clock.setTime(new Date(new Date(iso).getTime() - 60_000));
  await clock.tick(60_000);
}

describe('schedules in several time zones, on a controlled clock, with two server processes', () => {
  it('fire once each, at 09:00 Shanghai, 09:30 Berlin and 09:00 New York', async () => {
    expect(await fired()).toEqual([]);
    await moveTo('2026-01-15T01:01:00.000Z'); // 09:01 in Shanghai
    expect(await fired()).toEqual(['shanghai']);
    await moveTo('2026-01-15T08:29:00.000Z'); // 09:29 in Berlin
    expect(await fired()).toEqual(['shanghai']);
    await moveTo('2026-01-15T08:31:00.000Z'); // 09:31 in Berlin
    expect(await fired()).toEqual(['default', 'shanghai']);
    await moveTo('2026-01-15T14:01:00.000Z'); // 09:01 in New York (EST)
    expect(await fired()).toEqual(['default', 'new-york', 'shanghai']);
  });
});
