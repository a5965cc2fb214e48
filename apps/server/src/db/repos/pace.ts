import { sql } from 'kysely';
import type { Executor } from '../database.ts';

export type SlotAnswer =
  /** Send now. */
  | { go: true }
  /** Not before `at`; `booked`: the delivery now holds a promised slot. */
  | { go: false; at: Date; booked: boolean };

/**
 * GCRA without burst, one row per target, locked for the decision so every process shares it.
 * A delivery conforms when the theoretical arrival time has come; one that arrives while others
 * wait (and holds no slot) books the slot after the last booked one, so waiting ones go in order.
 * A booking is outstanding while `booked` is not before `tat` (the booked send moves `tat` past
 * it): newcomers queue behind it even when its job runs late, so an alert's recovery never
 * overtakes the alert.
 * A send up to `lateMs` after its time keeps the schedule (the next slot counts from when it
 * should have gone), so a slow fetch does not push every later slot back.
 */
export async function takeSlot(
  db: Executor,
  key: string,
  intervalMs: number,
  now: Date,
  hasBooking: boolean,
  lateMs = 0,
): Promise<SlotAnswer> {
  const { rows } = await sql<{ go: boolean; at: Date; booked: boolean }>`
    with seed as (
      insert into target_pace (key, tat, booked) values (${key}, ${now}, ${now}::timestamptz - interval '1 millisecond')
      on conflict (key) do nothing
    ), cur as (
      select key, tat, booked,
             case when slowed_until > ${now} then slow_factor else 1 end as factor
        from target_pace where key = ${key} for update
    ), decided as (
      select cur.*,
             greatest(cur.tat, ${now}::timestamptz - make_interval(secs => ${lateMs} / 1000.0)) as start,
             (cur.tat <= ${now} and (cur.booked < cur.tat or ${hasBooking})) as go,
             make_interval(secs => ${intervalMs} * cur.factor / 1000.0) as step
        from cur
    ), updated as (
      update target_pace p set
        tat = case when d.go then d.start + d.step else p.tat end,
        booked = case when d.go or ${hasBooking} then p.booked else greatest(p.booked + d.step, p.tat) end,
        slow_factor = case when p.slowed_until <= ${now} then 1 else p.slow_factor end
        from decided d where p.key = d.key
      returning d.go, p.tat, p.booked
    )
    select go,
           case when go then null when ${hasBooking} then tat else booked end as at,
           not go as booked
      from updated`.execute(db);
  const r = rows[0];
  // No row: the seed insert is not visible to this statement's snapshot (first use of the key).
  if (!r) return takeSlot(db, key, intervalMs, now, hasBooking, lateMs);
  return r.go ? { go: true } : { go: false, at: new Date(r.at), booked: r.booked };
}

/**
 * The platform refused for its rate limit: nothing goes to it before `until`, and its pace is
 * slowed (halved again on each refusal, down to an eighth) for the next `slowForMs`.
 */
export async function paceRefused(db: Executor, key: string, now: Date, until: Date, slowForMs: number) {
  await sql`
    insert into target_pace as p (key, tat, booked, slowed_until, slow_factor, refusals, last_refusal_at)
    values (${key}, ${until}, ${until}, ${new Date(now.getTime() + slowForMs)}, 2, 1, ${now})
    on conflict (key) do update set
      tat = greatest(p.tat, ${until}::timestamptz),
      booked = greatest(p.booked, ${until}::timestamptz),
      slowed_until = ${new Date(now.getTime() + slowForMs)},
      slow_factor = least(case when p.slowed_until > ${now} then p.slow_factor * 2 else 2 end, 8),
      refusals = p.refusals + 1,
      last_refusal_at = ${now}`.execute(db);
}

/** Everyone who waited has been carried by one digest: the next arrival need not queue behind them. */
export async function releaseBookings(db: Executor, key: string) {
  await sql`update target_pace set booked = tat - interval '1 millisecond' where key = ${key} and booked >= tat`.execute(
    db,
  );
}

export function readPaces(db: Executor) {
  return db.selectFrom('target_pace').selectAll().execute();
}

/** Deliveries waiting on purpose, per target (or legacy type), with when the next goes. */
export async function waitingByTarget(db: Executor) {
  const { rows } = await sql<{ target_id: string | null; type: string | null; n: number; next_at: Date | null }>`
    select target_id, case when target_id is null then notification_type end as type,
           count(*)::int as n, min(next_attempt_at) as next_at
      from delivery
     where status = 'pending' and wait_reason is not null
     group by 1, 2`.execute(db);
  return rows;
}
