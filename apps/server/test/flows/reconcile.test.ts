import type { Insertable } from 'kysely';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { SettingsTable } from '../../src/db/tables/settings.ts';
import { startBoss } from '../../src/jobs/boss.ts';
import { ensureQueues, QUEUE_NAMES } from '../../src/jobs/queues.ts';
import { createLogger } from '../../src/logger.ts';
import { listHeraldSchedules, reconcile } from '../../src/services/reconcile.ts';
import { createTestDatabase } from '../db.ts';
import { captureLogs } from '../herald.ts';

/**
 * Reconcile against a real Postgres and pg-boss: configuration rows are written directly
 * (as the admin API would), and what pg-boss holds afterwards is read back from pg-boss.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let boss: PgBoss;
const logs = captureLogs();
const logger = createLogger('debug', logs.stream);

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, logger).db;
  await migrateToLatest(db);
  boss = await startBoss(database.url, logger);
});
afterAll(async () => {
  await boss?.stop({ graceful: false });
  await db?.destroy();
  await database?.drop();
});
beforeEach(async () => {
  await db.deleteFrom('binding').execute();
  await db.deleteFrom('target').execute();
  await db.deleteFrom('settings').execute();
  for (const s of await boss.getSchedules()) await boss.unschedule(s.name, s.key);
  logs.lines.length = 0;
});

async function saveSettings(patch: Partial<Insertable<SettingsTable>> = {}): Promise<void> {
  const values: Insertable<SettingsTable> = {
    enabled: true,
    use_legacy_mode: true,
    cost_alert_enabled: true,
    daily_leaderboard_enabled: true,
    cost_alert_webhook: 'sealed:cost',
    daily_leaderboard_webhook: 'sealed:board',
    cost_alert_check_interval: 60,
    daily_leaderboard_time: '09:00',
    timezone: 'Asia/Shanghai',
    ...patch,
  };
  await db
    .insertInto('settings')
    .values(values)
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

async function addTarget(isEnabled = true): Promise<string> {
  const row = await db
    .insertInto('target')
    .values({
      name: 'ops',
      provider_type: 'wechat',
      is_enabled: isEnabled,
      hints: '{}',
      proxy_fallback_to_direct: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function addBinding(
  targetId: string,
  notificationType: string,
  patch: { is_enabled?: boolean; schedule_cron?: string | null; schedule_timezone?: string | null } = {},
): Promise<string> {
  const row = await db
    .insertInto('binding')
    .values({ target_id: targetId, notification_type: notificationType, is_enabled: true, ...patch })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What pg-boss holds, every queue, as [queue, key, cron, tz]. */
async function held(): Promise<string[][]> {
  const all = await boss.getSchedules();
  return all.map((s) => [s.name, s.key, s.cron, s.timezone]).sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

describe('reconcile', () => {
  it('registers the legacy schedules in the settings time zone', async () => {
    await saveSettings({ daily_leaderboard_time: '17:30' });
    const r = await reconcile(db, boss, logger);
    expect(r).toMatchObject({ added: 2, changed: 0, removed: 0, kept: 0, invalid: [] });
    expect(await held()).toEqual([
      ['cost-alert', 'legacy', '0 * * * *', 'Asia/Shanghai'],
      ['daily-leaderboard', 'legacy', '30 17 * * *', 'Asia/Shanghai'],
    ]);
    const [cost] = await boss.getSchedules(QUEUE_NAMES.costAlert);
    expect(cost?.data).toEqual({ legacy: true });
    expect(await listHeraldSchedules(boss)).toEqual(r.schedules);
  });

  it('drops the legacy schedules when the configuration switches to new mode', async () => {
    await saveSettings();
    await reconcile(db, boss, logger);
    const target = await addTarget();
    const b = await addBinding(target, 'daily_leaderboard');
    await saveSettings({ use_legacy_mode: false });
    const r = await reconcile(db, boss, logger);
    expect(r).toMatchObject({ added: 1, removed: 2, kept: 0 });
    expect(await held()).toEqual([['daily-leaderboard', `binding/${b}`, '0 9 * * *', 'Asia/Shanghai']]);
  });

  it("registers a binding's own cron and time zone exactly, and defaults in the settings zone otherwise", async () => {
    await saveSettings({ use_legacy_mode: false, cost_alert_check_interval: 30, daily_leaderboard_time: '08:15' });
    const t = await addTarget();
    const own = await addBinding(t, 'daily_leaderboard', {
      schedule_cron: '45 18 * * 1-5',
      schedule_timezone: 'Europe/Berlin',
    });
    const t2 = await addTarget();
    const dflt = await addBinding(t2, 'daily_leaderboard');
    const cost = await addBinding(t2, 'cost_alert');
    const cb = await addBinding(t2, 'circuit_breaker');
    await reconcile(db, boss, logger);
    expect(await held()).toEqual(
      [
        ['cost-alert', `binding/${cost}`, '*/30 * * * *', 'Asia/Shanghai'],
        ['daily-leaderboard', `binding/${own}`, '45 18 * * 1-5', 'Europe/Berlin'],
        ['daily-leaderboard', `binding/${dflt}`, '15 8 * * *', 'Asia/Shanghai'],
      ].sort((a, b) => (a.join() < b.join() ? -1 : 1)),
    );
    const [row] = await boss.getSchedules(QUEUE_NAMES.dailyLeaderboard, `binding/${own}`);
    expect(row?.data).toEqual({ bindingId: own, targetId: t });
    expect(JSON.stringify(await held())).not.toContain(cb);
  });

  it('removes the schedule of a disabled binding, a disabled target, a switched-off type', async () => {
    await saveSettings({ use_legacy_mode: false });
    const t1 = await addTarget();
    const t2 = await addTarget();
    const b1 = await addBinding(t1, 'cost_alert');
    const b2 = await addBinding(t2, 'cost_alert');
    const b3 = await addBinding(t2, 'daily_leaderboard');
    await reconcile(db, boss, logger);
    expect((await held()).map((s) => s[1])).toHaveLength(3);

    await db.updateTable('binding').set({ is_enabled: false }).where('id', '=', b1).execute();
    expect(await reconcile(db, boss, logger)).toMatchObject({ removed: 1, kept: 2, added: 0 });
    expect((await held()).map((s) => s[1]).sort()).toEqual([`binding/${b2}`, `binding/${b3}`].sort());

    await saveSettings({ use_legacy_mode: false, daily_leaderboard_enabled: false });
    await reconcile(db, boss, logger);
    expect((await held()).map((s) => s[1])).toEqual([`binding/${b2}`]);

    await db.updateTable('target').set({ is_enabled: false }).where('id', '=', t2).execute();
    await reconcile(db, boss, logger);
    expect(await held()).toEqual([]);

    await db.updateTable('target').set({ is_enabled: true }).where('id', '=', t2).execute();
    await db.updateTable('binding').set({ is_enabled: true }).where('id', '=', b1).execute();
    await saveSettings({ use_legacy_mode: false });
    expect(await reconcile(db, boss, logger)).toMatchObject({ added: 3, kept: 0, removed: 0 });
  });

  it('removes the schedule of a deleted target (its bindings cascade)', async () => {
    await saveSettings({ use_legacy_mode: false });
    const keep = await addTarget();
    const gone = await addTarget();
    const kb = await addBinding(keep, 'daily_leaderboard');
    await addBinding(gone, 'daily_leaderboard');
    await addBinding(gone, 'cost_alert');
    await reconcile(db, boss, logger);
    await db.deleteFrom('target').where('id', '=', gone).execute();
    expect(await reconcile(db, boss, logger)).toMatchObject({ removed: 2, kept: 1 });
    expect((await held()).map((s) => s[1])).toEqual([`binding/${kb}`]);
  });

  it('holds no schedule at all while notifications are off, and all of them again when back on', async () => {
    await saveSettings({ use_legacy_mode: false });
    const t = await addTarget();
    await addBinding(t, 'cost_alert');
    await addBinding(t, 'daily_leaderboard', { schedule_cron: '0 7 * * *' });
    await reconcile(db, boss, logger);
    const before = await held();
    expect(before).toHaveLength(2);

    await saveSettings({ use_legacy_mode: false, enabled: false });
    expect(await reconcile(db, boss, logger)).toMatchObject({ removed: 2, schedules: [] });
    expect(await held()).toEqual([]);

    await saveSettings({ use_legacy_mode: false, enabled: true });
    expect(await reconcile(db, boss, logger)).toMatchObject({ added: 2 });
    expect(await held()).toEqual(before);
  });

  it('treats a missing settings row as the defaults (off) and removes stray schedules', async () => {
    await ensureQueues(boss);
    await boss.schedule(QUEUE_NAMES.dailyLeaderboard, '* * * * *', { legacy: true }, { key: 'stray' });
    await boss.schedule(QUEUE_NAMES.costAlert, '0 * * * *', { legacy: true });
    const r = await reconcile(db, boss, logger);
    expect(r).toMatchObject({ added: 0, removed: 2, schedules: [] });
    expect(await held()).toEqual([]);
  });

  it('changes nothing when run again', async () => {
    await saveSettings({ use_legacy_mode: false, cost_alert_check_interval: 90 });
    const t = await addTarget();
    await addBinding(t, 'cost_alert');
    await addBinding(t, 'daily_leaderboard', { schedule_timezone: 'America/New_York' });
    const first = await reconcile(db, boss, logger);
    const rows = await boss.getSchedules();
    const second = await reconcile(db, boss, logger);
    expect(second).toMatchObject({ added: 0, changed: 0, removed: 0, kept: 3 });
    expect(second.schedules).toEqual(first.schedules);
    // Not even rewritten in place.
    expect(await boss.getSchedules()).toEqual(rows);
  });

  it('rewrites a schedule whose cron or zone changed under the same key', async () => {
    await saveSettings({ use_legacy_mode: false });
    const t = await addTarget();
    const b = await addBinding(t, 'daily_leaderboard', { schedule_cron: '0 9 * * *' });
    await reconcile(db, boss, logger);
    await db.updateTable('binding').set({ schedule_cron: '0 10 * * *', schedule_timezone: 'UTC' }).execute();
    expect(await reconcile(db, boss, logger)).toMatchObject({ added: 0, changed: 1, removed: 0 });
    expect(await held()).toEqual([['daily-leaderboard', `binding/${b}`, '0 10 * * *', 'UTC']]);
  });

  it('replaces one schedule with two when the interval goes from 60 to 90 minutes', async () => {
    await saveSettings({ daily_leaderboard_enabled: false });
    await reconcile(db, boss, logger);
    expect(await held()).toEqual([['cost-alert', 'legacy', '0 * * * *', 'Asia/Shanghai']]);
    await saveSettings({ daily_leaderboard_enabled: false, cost_alert_check_interval: 90 });
    expect(await reconcile(db, boss, logger)).toMatchObject({ added: 2, removed: 1 });
    expect(await held()).toEqual([
      ['cost-alert', 'legacy/1', '0 0,3,6,9,12,15,18,21 * * *', 'Asia/Shanghai'],
      ['cost-alert', 'legacy/2', '30 1,4,7,10,13,16,19,22 * * *', 'Asia/Shanghai'],
    ]);
  });

  it('skips a binding with an invalid stored cron or zone, logs it, and schedules the rest', async () => {
    await saveSettings({ use_legacy_mode: false });
    const t = await addTarget();
    const badCron = await addBinding(t, 'daily_leaderboard', { schedule_cron: '0 25 * * *' });
    const badZone = await addBinding(t, 'cost_alert', { schedule_timezone: 'Mars/Olympus_Mons' });
    const t2 = await addTarget();
    const ok = await addBinding(t2, 'cost_alert');
    const r = await reconcile(db, boss, logger);
    expect(r.invalid.map((i) => i.bindingId).sort()).toEqual([badCron, badZone].sort());
    expect((await held()).map((s) => s[1])).toEqual([`binding/${ok}`]);
    const invalid = logs.lines.filter((l) => l.action === 'schedule_invalid');
    expect(invalid.map((l) => l.bindingId).sort()).toEqual([badCron, badZone].sort());
    expect(invalid.every((l) => l.level === 'warn' && typeof l.reason === 'string')).toBe(true);
  });

  it('logs schedules_reconciled with the counts', async () => {
    await saveSettings();
    await reconcile(db, boss, logger);
    const line = logs.lines.find((l) => l.action === 'schedules_reconciled');
    expect(line).toMatchObject({ added: 2, changed: 0, removed: 0, kept: 0, invalid: 0, total: 2 });
  });
});

describe('reconcile from several processes at once', () => {
  it('ends with exactly the desired set, no duplicates', async () => {
    const others = [1, 2].map(() => createDb(database.url, logger).db);
    const otherBosses = await Promise.all([1, 2].map(() => startBoss(database.url, logger)));
    try {
      // Stale legacy schedules to remove, bindings to add, in one go from three processes.
      await saveSettings({ cost_alert_check_interval: 90 });
      await reconcile(db, boss, logger);
      const targets = await Promise.all([1, 2, 3].map(() => addTarget()));
      for (const t of targets) {
        await addBinding(t, 'cost_alert');
        await addBinding(t, 'daily_leaderboard', { schedule_timezone: 'Asia/Tokyo' });
      }
      await saveSettings({ use_legacy_mode: false, cost_alert_check_interval: 90 });

      const pairs: Array<[Db, PgBoss]> = [
        [db, boss],
        [others[0] as Db, otherBosses[0] as PgBoss],
        [others[1] as Db, otherBosses[1] as PgBoss],
      ];
      const results = await Promise.all(pairs.flatMap(([d, b]) => [reconcile(d, b, logger), reconcile(d, b, logger)]));

      const rows = await boss.getSchedules();
      expect(rows).toHaveLength(9); // 3 × (2 interval crons + 1 daily)
      expect(new Set(rows.map((s) => `${s.name}|${s.key}`)).size).toBe(rows.length);
      expect(rows.some((s) => s.key.startsWith('legacy'))).toBe(false);
      expect(await listHeraldSchedules(boss)).toEqual(results[0]?.schedules);
      // Serialised: exactly one run did the work, the others found it done.
      expect(results.reduce((n, r) => n + r.added, 0)).toBe(9);
      expect(results.reduce((n, r) => n + r.removed, 0)).toBe(3); // legacy/1, legacy/2, leaderboard legacy
      expect(results.filter((r) => r.added === 0 && r.removed === 0 && r.kept === 9)).toHaveLength(5);
    } finally {
      await Promise.all(otherBosses.map((b) => b.stop({ graceful: false })));
      await Promise.all(others.map((d) => d.destroy()));
    }
  });
});
