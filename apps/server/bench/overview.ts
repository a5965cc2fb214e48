/**
 * Overview benchmark (loopback only): `overview.get`'s service over a large log.
 * - BENCH_OVERVIEW_DELIVERIES (default 1,000,000) deliveries spread evenly over 35 days, so
 *   the last 7 days hold about 200,000; 90 % delivered, 5 % failed, 3 % skipped, 2 % pending;
 *   one notification per 5 deliveries (a tenth of them circuit breakers); 50 targets.
 * - BENCH_OVERVIEW_USAGE_ROWS (default 1,000,000) usage rows over 30 days for 5,000 users and
 *   100 providers, all with 5 h / weekly / monthly limits (the quota bars read every one).
 * Prints the first and best of 5 calls, and each part alone; then times retention over the same log.
 * Run alone: `node bench/overview.ts`.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createDb, type Db } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import * as repo from '../src/db/repos/overview.ts';
import { costWindowSpend, leaderboard, rebuildUsageDaily } from '../src/db/repos/usage.ts';
import { runRetention } from '../src/engine/retention.ts';
import { costWindows } from '../src/engine/windows.ts';
import { createLogger } from '../src/logger.ts';
import { getOverview, localDays } from '../src/services/overview.ts';

const DELIVERIES = Number(process.env.BENCH_OVERVIEW_DELIVERIES ?? 1_000_000);
const USAGE_ROWS = Number(process.env.BENCH_OVERVIEW_USAGE_ROWS ?? 1_000_000);
const DAYS = 35;
const TARGETS = 50;
const USERS = 5_000;
const PROVIDERS = 100;
const ZONE = 'Asia/Shanghai';
/** 20:00 in Shanghai: most of the local day has passed. */
const NOW = new Date('2026-12-31T12:00:00Z');

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

async function seed(db: Db) {
  await sql`select setseed(0.42)`.execute(db);
  await sql`update settings set timezone = ${ZONE}`.execute(db);
  await sql`insert into settings (timezone) select ${ZONE} where not exists (select 1 from settings)`.execute(db);
  await sql`
    insert into target (id, name, provider_type, hints, last_test_at, last_test_result)
    select md5('t' || g)::uuid, 'Target ' || g, 'custom', '{}',
      ${NOW}::timestamptz - interval '1 hour',
      jsonb_build_object('success', g % 10 <> 0, 'error', case when g % 10 = 0 then 'connect ECONNREFUSED' end)
    from generate_series(1, ${TARGETS}::int) g`.execute(db);

  const span = DAYS * 86_400_000;
  const notifications = Math.ceil(DELIVERIES / 5);
  await sql`
    insert into notification (id, type, data, source, created_at)
    select md5('n' || g)::uuid,
      case when g % 10 = 0 then 'circuit_breaker' when g % 2 = 0 then 'cost_alert' else 'daily_leaderboard' end,
      case when g % 10 = 0 then jsonb_build_object('providerId', 'prov-' || g % ${PROVIDERS}, 'providerName',
        'Provider ' || g % ${PROVIDERS}, 'failureCount', 5, 'retryAt', ${NOW}::timestamptz) else '{}'::jsonb end,
      'hub', ${NOW}::timestamptz - ${span}::float8 * interval '1 millisecond' + (g * 5) * ${span / DELIVERIES}::float8 * interval '1 millisecond'
    from generate_series(0, ${notifications - 1}::int) g`.execute(db);
  // Without the secondary indexes the load is much faster; they are rebuilt as the migration made them.
  await sql`drop index delivery_status_idx, delivery_type_idx, delivery_target_idx`.execute(db);
  await sql`
    insert into delivery (id, notification_id, notification_type, target_id, target_name, channel, status, error,
      created_at, updated_at, finished_at)
    select (lpad(to_hex((extract(epoch from ts) * 1000)::int8), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 15))::uuid,
      md5('n' || (g / 5))::uuid, n.type, md5('t' || (1 + g % ${TARGETS}))::uuid, 'Target ' || (1 + g % ${TARGETS}), 'custom',
      s.status, case when s.status = 'failed' then 'HTTP 500' end, ts, ts, case when s.status <> 'pending' then ts end
    from generate_series(0, ${DELIVERIES - 1}::int) g
    cross join lateral (select ${NOW}::timestamptz - ${span}::float8 * interval '1 millisecond'
      + g * ${span / DELIVERIES}::float8 * interval '1 millisecond' as ts, md5(g::text) as h, random() as r) x
    cross join lateral (select case when x.r < 0.90 then 'delivered' when x.r < 0.95 then 'failed'
      when x.r < 0.98 then 'skipped' else 'pending' end as status) s
    join notification n on n.id = md5('n' || (g / 5))::uuid`.execute(db);
  await sql`create index delivery_status_idx on delivery (status, id desc) where status <> 'delivered'`.execute(db);
  await sql`create index delivery_type_idx on delivery (notification_type, id desc)`.execute(db);
  await sql`create index delivery_target_idx on delivery (target_id, id desc)`.execute(db);

  await sql`
    insert into hub_user (id, name, limit_5h_usd, limit_weekly_usd, limit_monthly_usd)
    select 'user-' || g, 'User ' || g, 5, 40, 150 from generate_series(0, ${USERS - 1}::int) g`.execute(db);
  await sql`
    insert into hub_provider (id, name, limit_5h_usd, limit_weekly_usd, limit_monthly_usd)
    select 'prov-' || g, 'Provider ' || g, 500, 4000, 15000 from generate_series(0, ${PROVIDERS - 1}::int) g`.execute(
    db,
  );
  const step = (30 * 86_400_000) / USAGE_ROWS;
  await sql`
    insert into usage_record (request_id, user_id, provider_id, cost_usd, input_tokens, output_tokens,
      cache_creation_input_tokens, cache_read_input_tokens, success, error_message, created_at)
    select md5(g::text), 'user-' || floor(power(random(), 2) * ${USERS})::int, 'prov-' || floor(random() * ${PROVIDERS})::int,
      round((random() * 0.2)::numeric, 6), (random() * 20000)::int, (random() * 2000)::int, 0, 0, true, null,
      ${NOW}::timestamptz - interval '30 days' + g * ${step}::float8 * interval '1 millisecond'
    from generate_series(1, ${USAGE_ROWS}::int) g`.execute(db);
  await rebuildUsageDaily(db);
  for (const table of [
    'delivery',
    'notification',
    'target',
    'usage_record',
    'usage_daily',
    'hub_user',
    'hub_provider',
  ]) {
    await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  }
}

/** Runs the overview benchmark and prints its figures. */
export async function runOverviewBench(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-bench-overview-'));
  await chmod(dataDir, 0o755); // run as root, the embedded cluster's own user must enter it
  const pg = await startEmbeddedPostgres(path.join(dataDir, 'pg'), createLogger('silent'));
  let db: Db | undefined;
  try {
    await pg.createDatabase('herald');
    db = createDb(pg.urlFor('herald'), createLogger('silent'), 8).db;
    await migrateToLatest(db);
    console.log(
      `overview: ${fmt(DELIVERIES)} deliveries over ${DAYS} days (~${fmt((DELIVERIES * 7) / DAYS)} in the last 7), ` +
        `${fmt(USAGE_ROWS)} usage rows over 30 days, ${fmt(USERS)} users and ${PROVIDERS} providers with limits, ${TARGETS} targets`,
    );
    const [, loadMs] = await timed(() => seed(db as Db));
    console.log(`  loaded, indexed and analysed in ${(loadMs / 1000).toFixed(1)} s`);

    const d = db;
    const clock = { now: () => NOW, sleep: async () => {} };
    const runs: number[] = [];
    let summary = '';
    for (let i = 0; i < 5; i++) {
      const [o, ms] = await timed(() => getOverview({ db: d, clock }));
      runs.push(ms);
      const week = o.days.reduce((n, x) => n + x.delivered + x.failed + x.pending + x.skipped, 0);
      summary =
        `${fmt(week)} deliveries in the 7 days, ${o.failingTargets.length} failing targets, ` +
        `${o.topSpenders.users.length} spenders, ${o.quotas.users.length}+${o.quotas.providers.length} quota rows, ` +
        `${o.circuitBreakers.length} breaker alerts`;
    }
    console.log(
      `  overview.get (service, all parts in parallel): first ${runs[0]?.toFixed(0)} ms, best ${Math.min(...runs).toFixed(0)} ms (goal ≤ 500 ms)`,
    );
    console.log(`    answer: ${summary}`);

    const { bounds } = localDays(NOW, ZONE);
    const since24h = new Date(NOW.getTime() - 86_400_000);
    const parts: Array<[string, () => Promise<unknown>]> = [
      ['deliveries per day (7 days)', () => repo.deliveryCountsByBucket(d, bounds)],
      ['targets with their last finished delivery', () => repo.enabledTargetHealth(d)],
      ['failures per target (24 h)', () => repo.failuresByTarget(d, since24h)],
      ['top spenders today', () => leaderboard(d, { since: bounds[6] as Date, until: NOW, topN: 5 })],
      [
        'quota windows (every limited user and provider)',
        () => costWindowSpend(d, { ...costWindows(NOW, ZONE), now: NOW }),
      ],
      [
        'breaker alerts (24 h) and their deliveries',
        async () => {
          const rows = await repo.recentNotifications(d, 'circuit_breaker', since24h, 20);
          return repo.deliveryStatusByNotification(
            d,
            'circuit_breaker',
            rows.map((r) => r.id),
            rows.at(-1)?.created_at ?? since24h,
          );
        },
      ],
    ];
    for (const [name, fn] of parts) {
      const xs: number[] = [];
      for (let i = 0; i < 3; i++) xs.push((await timed(fn))[1]);
      console.log(`    ${name}: best ${Math.min(...xs).toFixed(1)} ms`);
    }

    // Retention over the same log: keep 28 of the 35 days (a fifth of it goes).
    const config = { deliveryRetentionDays: 28, usageRetentionDays: 35 };
    const [pruned, pruneMs] = await timed(() => runRetention({ db: d, clock, logger: createLogger('silent'), config }));
    console.log(
      `  retention (keep 28 days): ${fmt(pruned.deliveries)} deliveries and ${fmt(pruned.notifications)} notifications ` +
        `deleted in ${(pruneMs / 1000).toFixed(1)} s = ${fmt((pruned.deliveries / pruneMs) * 1000)} deliveries/s, in batches of 5,000`,
    );
  } finally {
    await db?.destroy();
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runOverviewBench();
