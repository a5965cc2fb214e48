import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/database.ts';
import { upsertHubProviders, upsertHubUsers } from '../../../src/db/repos/hub-entities.ts';
import { costWindowSpend, leaderboard, planWindow, rebuildUsageDaily } from '../../../src/db/repos/usage.ts';
import { costWindows } from '../../../src/engine/windows.ts';
import { recordUsage } from '../../../src/services/hub-intake.ts';
import { hubTestDb, parsed, rollupMatchesRaw, usage } from './support.ts';

let t: Awaited<ReturnType<typeof hubTestDb>>;
let db: Db;
beforeAll(async () => {
  t = await hubTestDb();
  db = t.db;
});
afterAll(() => t?.close());

const store = (records: ReturnType<typeof usage>[]) => recordUsage(db, parsed(records), undefined);
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta).toISOString();

describe('costWindowSpend', () => {
  // Tuesday 2026-12-01 10:00 local: the week began Monday 30 November, the month this very day.
  it.each(['America/New_York', 'Asia/Shanghai', 'Asia/Kolkata', 'Pacific/Chatham', 'Europe/Berlin', 'UTC'])(
    'counts rows on the right side of the Monday and month boundaries in %s',
    async (zone) => {
      const now = new Date(
        Temporal.ZonedDateTime.from({ timeZone: zone, year: 2026, month: 12, day: 1, hour: 10 }).epochMilliseconds,
      );
      const w = costWindows(now, zone);
      const user = `u-${zone}`;
      const provider = `p-${zone}`;
      await upsertHubUsers(db, [{ id: user, name: `User ${zone}`, limitWeeklyUsd: 1000 }]);
      await upsertHubProviders(db, [{ id: provider, name: `Provider ${zone}`, limit5hUsd: 1 }]);
      const at = (createdAt: string, costUsd: number) =>
        usage({ userId: user, providerId: provider, costUsd, createdAt });
      await store([
        at(ms(w.weekStart, -1), 1), // last week
        at(ms(w.weekStart, 0), 2), // week
        at(ms(w.monthStart, -1), 4), // week, last month
        at(ms(w.monthStart, 0), 8), // week, month
        at(ms(w.since5h, -1000), 256), // week, month, not 5 h
        at(ms(w.since5h, 0), 16), // all three
        at(ms(now, 0), 32), // all three: now is inside
        at(ms(now, 1), 64), // after now: none
        at(ms(now, 15 * 3_600_000), 128), // tomorrow: none
      ]);
      const rows = await costWindowSpend(db, { ...w, now });
      const expected = { spend5h: 48, spendWeekly: 318, spendMonthly: 312 };
      expect(rows.find((r) => r.entityId === user)).toEqual({
        entityType: 'user',
        entityId: user,
        name: `User ${zone}`,
        limit5hUsd: null,
        limitWeeklyUsd: 1000,
        limitMonthlyUsd: null,
        ...expected,
      });
      expect(rows.find((r) => r.entityId === provider)).toMatchObject({
        entityType: 'provider',
        limit5hUsd: 1,
        ...expected,
      });
    },
  );

  it('lists every user and provider with a positive limit, not disabled users, zeros when idle', async () => {
    await upsertHubUsers(db, [
      { id: 'idle', name: 'Idle', limitMonthlyUsd: 5 },
      { id: 'off', name: 'Off', limitMonthlyUsd: 5, isEnabled: false },
      { id: 'nolimit', name: 'No limit' },
      { id: 'zero', name: 'Zero', limit5hUsd: 0 },
    ]);
    const now = new Date('2026-12-01T12:00:00Z');
    const rows = await costWindowSpend(db, { ...costWindows(now, 'UTC'), now });
    const ids = rows.map((r) => r.entityId);
    expect(ids).toContain('idle');
    expect(ids).not.toContain('off');
    expect(ids).not.toContain('nolimit');
    expect(ids).not.toContain('zero');
    expect(rows.find((r) => r.entityId === 'idle')).toMatchObject({ spend5h: 0, spendWeekly: 0, spendMonthly: 0 });
    // Users first, then providers, each by id.
    const types = rows.map((r) => r.entityType);
    expect(types).toEqual([...types].sort().reverse());
  });

  it('agrees with a brute-force sum over random usage, zones and times (re-sends included)', async () => {
    const rand = mulberry32(20261128);
    const users = ['r1', 'r2', 'r3', 'r4'];
    const providers = ['rp1', 'rp2'];
    await upsertHubUsers(
      db,
      users.map((id) => ({ id, name: id, limit5hUsd: 1, limitWeeklyUsd: 1, limitMonthlyUsd: 1 })),
    );
    await upsertHubProviders(
      db,
      providers.map((id) => ({ id, name: id, limitMonthlyUsd: 1 })),
    );
    const start = Date.parse('2027-02-20T00:00:00Z');
    const span = 45 * 86_400_000;
    const all = Array.from({ length: 3_000 }, (_, i) =>
      usage({
        requestId: `rand-${i}`,
        userId: users[Math.floor(rand() * users.length)] as string,
        providerId: providers[Math.floor(rand() * providers.length)] as string,
        costUsd: Math.round(rand() * 1e6) / 1e6,
        // Some rows on exact 15-minute marks, where zone midnights fall.
        createdAt: new Date(
          start + (rand() < 0.2 ? Math.floor(rand() * 4320) * 900_000 : Math.floor(rand() * span)),
        ).toISOString(),
      }),
    );
    for (let i = 0; i < all.length; i += 700) await store(all.slice(i, i + 700));
    await store(all.slice(100, 1_500)); // re-sent: must change nothing

    const zones = ['America/New_York', 'Asia/Shanghai', 'Asia/Kolkata', 'Pacific/Chatham', 'Europe/London', 'UTC'];
    for (let k = 0; k < 24; k++) {
      const zone = zones[k % zones.length] as string;
      const now = new Date(start + 10 * 86_400_000 + Math.floor(rand() * 30 * 86_400_000));
      const w = costWindows(now, zone);
      const rows = await costWindowSpend(db, { ...w, now });
      for (const [type, ids, key] of [
        ['user', users, 'userId'],
        ['provider', providers, 'providerId'],
      ] as const) {
        for (const id of ids) {
          const mine = all
            .filter((r) => r[key] === id)
            .map((r) => ({ t: Date.parse(r.createdAt as string), c: r.costUsd }));
          const sum = (from: Date) =>
            mine.filter((r) => r.t >= from.getTime() && r.t <= now.getTime()).reduce((s, r) => s + r.c, 0);
          const got = rows.find((r) => r.entityType === type && r.entityId === id);
          expect(got?.spend5h, `${type} ${id} 5h ${zone} ${now.toISOString()}`).toBeCloseTo(sum(w.since5h), 6);
          expect(got?.spendWeekly, `${type} ${id} week ${zone} ${now.toISOString()}`).toBeCloseTo(sum(w.weekStart), 6);
          expect(got?.spendMonthly, `${type} ${id} month ${zone} ${now.toISOString()}`).toBeCloseTo(
            sum(w.monthStart),
            6,
          );
        }
      }
    }
    const { rollup, raw } = await rollupMatchesRaw(db);
    expect(rollup).toEqual(raw);
  });

  it('rebuilding the rollup from raw rows gives the same rollup', async () => {
    const before = await rollupMatchesRaw(db);
    await rebuildUsageDaily(db);
    const after = await rollupMatchesRaw(db);
    expect(after.rollup).toEqual(before.rollup);
    expect(after.rollup).toEqual(after.raw);
  });
});

describe('planWindow', () => {
  const plan = (start: string, now: string) => {
    const p = planWindow(new Date(start), new Date(now));
    return {
      days: [p.dayFrom.toISOString().slice(0, 10), p.dayTo.toISOString().slice(0, 10)],
      lead: p.lead && [p.lead.from.toISOString(), p.lead.to.toISOString(), p.lead.sign],
    };
  };
  it('reads whole days, and corrects the first one from the shorter side', () => {
    // UTC midnight: no correction.
    expect(plan('2026-12-01T00:00:00Z', '2026-12-03T05:00:00Z')).toEqual({
      days: ['2026-12-01', '2026-12-04'],
      lead: null,
    });
    // New York midnight = 05:00 UTC: take the whole day, subtract 5 h.
    expect(plan('2026-12-01T05:00:00Z', '2026-12-03T05:00:00Z')).toEqual({
      days: ['2026-12-01', '2026-12-04'],
      lead: ['2026-12-01T00:00:00.000Z', '2026-12-01T05:00:00.000Z', -1],
    });
    // Shanghai midnight = 16:00 UTC the day before: skip that day, add 8 h.
    expect(plan('2026-11-30T16:00:00Z', '2026-12-03T05:00:00Z')).toEqual({
      days: ['2026-12-01', '2026-12-04'],
      lead: ['2026-11-30T16:00:00.000Z', '2026-12-01T00:00:00.000Z', 1],
    });
  });
});

describe('leaderboard', () => {
  const since = new Date('2027-06-01T00:00:00Z');
  const until = new Date('2027-06-02T00:00:00Z');
  beforeAll(async () => {
    await upsertHubUsers(db, [
      { id: 'lb-a', name: 'Alice' },
      { id: 'lb-b', name: 'Bob' },
    ]);
    const at = (userId: string, costUsd: number, iso: string, tokens = 100) =>
      usage({
        userId,
        costUsd,
        createdAt: iso,
        inputTokens: tokens,
        outputTokens: 10,
        cacheCreationInputTokens: 1,
        cacheReadInputTokens: 2,
      });
    await store([
      at('lb-a', 1.5, '2027-06-01T00:00:00Z'), // first instant: in
      at('lb-a', 2, '2027-06-01T12:00:00Z'),
      at('lb-b', 5, '2027-06-01T13:00:00Z'),
      at('lb-c', 0.25, '2027-06-01T14:00:00Z', 1000), // never synced: shown by id
      at('lb-d', 0.1, '2027-06-01T15:00:00Z'),
      at('lb-e', 0.1, '2027-06-01T15:00:00Z'),
      at('lb-e', 0, '2027-06-01T15:30:00Z'),
      at('lb-a', 100, '2027-06-02T00:00:00Z'), // the end is outside
      at('lb-b', 100, '2027-05-31T23:59:59.999Z'), // before: outside
    ]);
  });

  it('ranks the top N by cost with requests and tokens, and totals over every user', async () => {
    const board = await leaderboard(db, { since, until, topN: 3 });
    expect(board).toEqual({
      entries: [
        { userId: 'lb-b', userName: 'Bob', totalRequests: 1, totalCost: 5, totalTokens: 113 },
        { userId: 'lb-a', userName: 'Alice', totalRequests: 2, totalCost: 3.5, totalTokens: 226 },
        { userId: 'lb-c', userName: 'lb-c', totalRequests: 1, totalCost: 0.25, totalTokens: 1013 },
      ],
      totalRequests: 7,
      totalCost: 8.95,
      totalTokens: 226 + 113 + 1013 + 3 * 113,
    });
  });

  it('breaks cost ties by requests, then id', async () => {
    const board = await leaderboard(db, { since, until, topN: 5 });
    expect(board.entries.slice(3).map((e) => e.userId)).toEqual(['lb-e', 'lb-d']);
  });

  it('agrees with a brute-force count over raw rows for random windows (rollup days + raw edges)', async () => {
    const rand = mulberry32(77);
    const start = Date.parse('2027-07-01T00:00:00Z');
    const all = Array.from({ length: 2_000 }, (_, i) =>
      usage({
        requestId: `lbr-${i}`,
        userId: `lbr-u${Math.floor(rand() * 30)}`,
        costUsd: Math.round(rand() * 1e6) / 1e6,
        inputTokens: Math.floor(rand() * 5_000),
        outputTokens: Math.floor(rand() * 500),
        cacheReadInputTokens: Math.floor(rand() * 9_000),
        createdAt: new Date(start + Math.floor(rand() * 6 * 86_400_000)).toISOString(),
      }),
    );
    for (let i = 0; i < all.length; i += 500) await store(all.slice(i, i + 500));
    for (let k = 0; k < 20; k++) {
      const until = new Date(start + Math.floor(rand() * 6 * 86_400_000));
      const since = new Date(until.getTime() - (k % 3 === 0 ? 86_400_000 : Math.floor(rand() * 3 * 86_400_000)));
      const board = await leaderboard(db, { since, until, topN: 50 });
      const raw = await db
        .selectFrom('usage_record')
        .select(['user_id', 'cost_usd', 'input_tokens', 'output_tokens', 'cache_creation_input_tokens'])
        .select('cache_read_input_tokens')
        .where('created_at', '>=', since)
        .where('created_at', '<', until)
        .execute();
      const byUser = new Map<string, { requests: number; cost: number; tokens: number }>();
      for (const r of raw) {
        const u = byUser.get(r.user_id) ?? { requests: 0, cost: 0, tokens: 0 };
        u.requests++;
        u.cost += Number(r.cost_usd);
        u.tokens += r.input_tokens + r.output_tokens + r.cache_creation_input_tokens + r.cache_read_input_tokens;
        byUser.set(r.user_id, u);
      }
      const label = `${since.toISOString()} → ${until.toISOString()}`;
      expect(board.totalRequests, label).toBe(raw.length);
      expect(board.totalTokens, label).toBe([...byUser.values()].reduce((s, u) => s + u.tokens, 0));
      expect(board.totalCost, label).toBeCloseTo(
        [...byUser.values()].reduce((s, u) => s + u.cost, 0),
        6,
      );
      expect(board.entries.length, label).toBe(Math.min(50, byUser.size));
      for (const e of board.entries) {
        const u = byUser.get(e.userId);
        expect([e.totalRequests, e.totalTokens], `${label} ${e.userId}`).toEqual([u?.requests, u?.tokens]);
        expect(e.totalCost, `${label} ${e.userId}`).toBeCloseTo(u?.cost ?? -1, 6);
      }
    }
  });

  it('is empty with zero totals when nothing happened', async () => {
    expect(await leaderboard(db, { since: new Date('2030-01-01'), until: new Date('2030-01-02'), topN: 5 })).toEqual({
      entries: [],
      totalRequests: 0,
      totalCost: 0,
      totalTokens: 0,
    });
  });
});

/** A small seeded PRNG, so a failure can be replayed. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
