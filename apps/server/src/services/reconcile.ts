import { fromKysely, type PgBoss, type Schedule } from 'pg-boss';
import type { Db } from '../db/database.ts';
import { lockSchedules, readScheduleConfig } from '../db/repos/schedules.ts';
import { errorText } from '../error-text.ts';
import { ensureQueues, SCHEDULED_QUEUE_NAMES, type ScheduledQueueName } from '../jobs/queues.ts';
import { type HeraldSchedule, type InvalidSchedule, planSchedules, type ScheduleData } from '../jobs/schedules.ts';
import type { Logger } from '../logger.ts';

export type ReconcileSummary = {
  /** Schedules created (a key pg-boss did not hold). */
  added: number;
  /** Schedules whose cron, time zone or data were rewritten in place (same key). */
  changed: number;
  /** Stale schedules deleted. */
  removed: number;
  /** Schedules already exactly as desired. */
  kept: number;
  /** Schedules the configuration asks for but that cannot run (logged as `schedule_invalid`). */
  invalid: InvalidSchedule[];
  /** What pg-boss holds afterwards: exactly the desired set, sorted like `listHeraldSchedules`. */
  schedules: HeraldSchedule[];
};

/**
 * Makes pg-boss hold exactly the schedules the stored configuration asks for: deletes
 * stale ones, rewrites changed ones, adds missing ones, leaves the rest alone.
 * Idempotent; call it after any change to settings, targets or bindings, and at start.
 *
 * Concurrency: everything runs in one transaction holding a Postgres advisory lock, so
 * reconciles from any number of processes run one after the other; each reads the
 * configuration and the schedules only after the previous one committed, and all of its
 * schedule writes commit together (or none do). Any interleaving ends at the desired set.
 *
 * Invalid crons / time zones are checked before anything is written; an invalid one is
 * left out (so its old schedule goes) and never stops the others.
 */
export async function reconcile(db: Db, boss: PgBoss, logger: Logger): Promise<ReconcileSummary> {
  await ensureQueues(boss);

  const summary = await withDeadlockRetry(() =>
    db.transaction().execute(async (trx) => {
      await lockSchedules(trx);
      const plan = planSchedules(await readScheduleConfig(trx));

      // The check pg-boss's schedule() itself applies, so no write below can be refused.
      const desired: HeraldSchedule[] = [];
      for (const s of plan.schedules) {
        try {
          boss.previewSchedule(s.cron, { tz: s.tz, count: 1, from: new Date() });
          desired.push(s);
        } catch (err) {
          plan.invalid.push({ queue: s.queue, key: s.key, ...bindingIdOf(s.data), tz: s.tz, reason: errorText(err) });
        }
      }

      const existing = new Map((await listHeraldSchedules(boss)).map((s) => [id(s), s]));
      const wanted = new Map(desired.map((s) => [id(s), s]));
      const conn = fromKysely(trx);
      const counts = { added: 0, changed: 0, removed: 0, kept: 0 };

      for (const [sid, s] of existing) {
        if (wanted.has(sid)) continue;
        await boss.unschedule(s.queue, s.key, { db: conn });
        counts.removed++;
      }
      for (const [sid, s] of wanted) {
        const current = existing.get(sid);
        if (current && sameSchedule(current, s)) {
          counts.kept++;
          continue;
        }
        await boss.schedule(s.queue, s.cron, s.data, { tz: s.tz, key: s.key, db: conn });
        if (current) counts.changed++;
        else counts.added++;
      }
      return { ...counts, invalid: plan.invalid, schedules: desired.sort(byQueueAndKey) };
    }),
  );

  for (const inv of summary.invalid) {
    logger.warn(
      { action: 'schedule_invalid', ...inv },
      `schedule ${inv.queue} ${inv.key} not registered: ${inv.reason}`,
    );
  }
  const { added, changed, removed, kept } = summary;
  logger.info(
    {
      action: 'schedules_reconciled',
      added,
      changed,
      removed,
      kept,
      invalid: summary.invalid.length,
      total: summary.schedules.length,
    },
    'schedules reconciled',
  );
  return summary;
}

/**
 * Every schedule pg-boss holds on Herald's scheduled queues, sorted by queue then key:
 * `{ queue, key, cron, tz, data }` (the shape `desiredSchedules()` returns).
 */
export async function listHeraldSchedules(boss: PgBoss): Promise<HeraldSchedule[]> {
  const out: HeraldSchedule[] = [];
  for (const queue of [...SCHEDULED_QUEUE_NAMES].sort()) {
    const rows: Schedule[] = [];
    for (;;) {
      const page = await boss.getSchedules(queue, undefined, {
        limit: PAGE,
        ...(rows.length ? { after: rows[rows.length - 1] } : {}),
      });
      rows.push(...page);
      if (page.length < PAGE) break;
    }
    for (const r of rows) out.push(toHeraldSchedule(queue, r));
  }
  return out.sort(byQueueAndKey);
}

const PAGE = 1000;

function toHeraldSchedule(queue: ScheduledQueueName, r: Schedule): HeraldSchedule {
  return { queue, key: r.key ?? '', cron: r.cron, tz: r.timezone, data: (r.data ?? {}) as ScheduleData };
}

function id(s: { queue: string; key: string }): string {
  return `${s.queue}\u0000${s.key}`;
}

function sameSchedule(a: HeraldSchedule, b: HeraldSchedule): boolean {
  return a.cron === b.cron && a.tz === b.tz && canonicalJson(a.data) === canonicalJson(b.data);
}

/** JSON with object keys sorted, so jsonb's key order does not count as a change. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compare(a, b));
    return `{${entries.map(([k, val]) => `${JSON.stringify(k)}:${canonicalJson(val)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/**
 * pg-boss's cron pass updates schedule rows too; should Postgres pick this transaction as
 * a deadlock victim, nothing was written, so running it again is safe.
 */
async function withDeadlockRetry<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (i >= attempts || (code !== DEADLOCK && code !== SERIALIZATION_FAILURE)) throw err;
    }
  }
}
const DEADLOCK = '40P01';
const SERIALIZATION_FAILURE = '40001';

function bindingIdOf(data: ScheduleData): { bindingId?: string } {
  return 'bindingId' in data ? { bindingId: data.bindingId } : {};
}

function byQueueAndKey(a: HeraldSchedule, b: HeraldSchedule): number {
  return compare(a.queue, b.queue) || compare(a.key, b.key);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
