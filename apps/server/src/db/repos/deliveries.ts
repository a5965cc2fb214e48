import { sql } from 'kysely';
import type { Executor } from '../database.ts';
import type { BindingRow } from '../tables/binding.ts';
import type { CarriedDelivery, DeliveryAttempt, DeliveryRow, DeliveryStatus, WaitReason } from '../tables/delivery.ts';
import type { NotificationKind, NotificationRow } from '../tables/notification.ts';
import type { TargetRow } from '../tables/target.ts';
import { ID_SLACK_MS, uuidv7Floor } from '../uuidv7-range.ts';

export type NewNotificationRow = { id: string; type: string; data: unknown; source: string; kind?: NotificationKind };
export type NewDeliveryRow = {
  id: string;
  notification_id: string;
  notification_type: string;
  target_id: string | null;
  target_name: string | null;
  binding_id: string | null;
  resend_of: string | null;
  channel: string;
  status?: DeliveryStatus;
  wait_reason?: WaitReason | null;
  next_attempt_at?: string | null;
  silence_id?: string | null;
  error?: string | null;
  carried?: CarriedDelivery[] | null;
  slot_booked?: boolean;
};

/** Many rows as one JSON parameter (no per-value parameters, whatever the batch size). */
export async function insertNotifications(db: Executor, rows: NewNotificationRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into notification (id, type, data, source, kind)
    select id, type, data, source, coalesce(kind, 'alert')
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, type text, data jsonb, source text, kind text)`.execute(
    db,
  );
}

export async function insertDeliveries(db: Executor, rows: NewDeliveryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into delivery (id, notification_id, notification_type, target_id, target_name, binding_id, resend_of, channel,
                          status, wait_reason, next_attempt_at, silence_id, error, carried, slot_booked, finished_at)
    select id, notification_id, notification_type, target_id, target_name, binding_id, resend_of, channel,
           coalesce(status, 'pending'), wait_reason, next_attempt_at, silence_id, error, carried,
           coalesce(slot_booked, false),
           case when coalesce(status, 'pending') in ('pending', 'sending') then null else now() end
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        id uuid, notification_id uuid, notification_type text, target_id uuid, target_name text,
        binding_id uuid, resend_of uuid, channel text, status text, wait_reason text,
        next_attempt_at timestamptz, silence_id uuid, error text, carried jsonb, slot_booked boolean
      )`.execute(db);
}

/** A claimed delivery with what rendering needs from its notification. */
export type ClaimedDelivery = DeliveryRow & { data: unknown; source: string; kind: NotificationKind };

/** What a claim found: rows now this run's to send, and rows another live run still holds. */
export type Claim = {
  claimed: ClaimedDelivery[];
  /** `sending` under another run's lease (or within a lease of the database starting): not before `until`. */
  held: Array<{ id: string; until: Date }>;
};

/**
 * A lease runs on the database's clock, and nobody could renew one while the database was down:
 * for one lease after it (re)starts, every `sending` row counts as held, so a run whose send
 * went out during the outage has that long to come back and write its result.
 */
const leaseLive = (leaseSeconds: number) => sql<boolean>`(
  coalesce(d.lease_until > now(), false)
  or pg_postmaster_start_time() > now() - make_interval(secs => ${leaseSeconds})
)`;

/**
 * Marks deliveries `sending` for this queue run, atomically, leased for `leaseSeconds`: only
 * those still pending, or left `sending` by a run whose lease has run out (it died), and never
 * to a run older than one that already claimed. A delivered, failed or skipped one is never
 * claimed again, so a redelivered job cannot send twice after a recorded success; one that
 * another run still holds comes back in `held`, so its job waits instead of sending it again.
 */
export async function claimDeliveries(
  db: Executor,
  claims: Array<{ id: string; queueAttempt: number }>,
  leaseSeconds: number,
): Promise<Claim> {
  if (claims.length === 0) return { claimed: [], held: [] };
  const { rows } = await sql<ClaimedDelivery>`
    with claim as (
      select * from unnest(${claims.map((c) => c.id)}::uuid[], ${claims.map((c) => c.queueAttempt)}::int[]) as c(id, attempt)
    ), updated as (
      update delivery d
         set status = 'sending', queue_attempt = claim.attempt, next_attempt_at = null,
             lease_until = now() + make_interval(secs => ${leaseSeconds}), updated_at = now()
        from claim
       where d.id = claim.id and d.queue_attempt <= claim.attempt
         and (d.status = 'pending' or (d.status = 'sending' and not ${leaseLive(leaseSeconds)}))
      returning d.*
    )
    select updated.*, n.data, n.source, n.kind
      from updated join notification n on n.id = updated.notification_id`.execute(db);
  if (rows.length === claims.length) return { claimed: rows, held: [] };
  const got = new Set(rows.map((r) => r.id));
  const rest = claims.filter((c) => !got.has(c.id)).map((c) => c.id);
  const { rows: held } = await sql<{ id: string; until: Date }>`
    select d.id, greatest(coalesce(d.lease_until, now()), pg_postmaster_start_time() + make_interval(secs => ${leaseSeconds})) as until
      from delivery d
     where d.id = any(${rest}::uuid[]) and d.status = 'sending' and ${leaseLive(leaseSeconds)}`.execute(db);
  return { claimed: rows, held };
}

/** Keeps this process's claims: `sending` rows of these runs stay leased for another `leaseSeconds`. */
export async function renewLeases(
  db: Executor,
  runs: Array<{ id: string; queueAttempt: number }>,
  leaseSeconds: number,
): Promise<void> {
  if (runs.length === 0) return;
  await sql`
    update delivery d set lease_until = now() + make_interval(secs => ${leaseSeconds})
      from unnest(${runs.map((r) => r.id)}::uuid[], ${runs.map((r) => r.queueAttempt)}::int[]) as r(id, attempt)
     where d.id = r.id and d.queue_attempt = r.attempt and d.status = 'sending'`.execute(db);
}

export async function findTargetsByIds(db: Executor, ids: string[]): Promise<TargetRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('target').selectAll().where('id', 'in', ids).execute();
}

export async function findBindingsByIds(db: Executor, ids: string[]): Promise<BindingRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('binding').selectAll().where('id', 'in', ids).execute();
}

/** The outcome of one run, to be written onto its delivery row. */
export type DeliveryResult = {
  id: string;
  status: DeliveryStatus;
  /** Appended to the row's attempts. */
  attempts: DeliveryAttempt[];
  renderedBody: Record<string, unknown> | null;
  /** The language of renderedBody. */
  renderedLocale: string | null;
  statusCode: number | null;
  error: string | null;
  failureClass: string | null;
  latencyMs: number | null;
  nextAttemptAt: Date | null;
  finished: boolean;
  /** Pending on purpose (the pace, the platform's limit). */
  waitReason?: WaitReason | null;
  /** Holds a promised slot of its target's pace. */
  slotBooked?: boolean;
};

/**
 * Writes many runs' outcomes in one statement. A row that is already `delivered` (another
 * run won after this one was presumed dead) is left as it is: a success is never overwritten.
 */
export async function recordResults(db: Executor, results: DeliveryResult[]): Promise<void> {
  if (results.length === 0) return;
  const payload = JSON.stringify(
    results.map((r) => ({
      id: r.id,
      status: r.status,
      attempts: r.attempts,
      rendered_body: r.renderedBody,
      rendered_locale: r.renderedLocale,
      status_code: r.statusCode,
      error: r.error,
      failure_class: r.failureClass,
      latency_ms: r.latencyMs,
      next_attempt_at: r.nextAttemptAt?.toISOString() ?? null,
      finished: r.finished,
      wait_reason: r.waitReason ?? null,
      slot_booked: r.slotBooked ?? null,
    })),
  );
  await sql`
    update delivery d set
      status = r.status,
      attempts = d.attempts || coalesce(r.attempts, '[]'::jsonb),
      rendered_body = coalesce(r.rendered_body, d.rendered_body),
      rendered_locale = case when r.rendered_body is null then d.rendered_locale else r.rendered_locale end,
      status_code = coalesce(r.status_code, d.status_code),
      error = r.error,
      failure_class = r.failure_class,
      latency_ms = coalesce(r.latency_ms, d.latency_ms),
      next_attempt_at = r.next_attempt_at,
      wait_reason = r.wait_reason,
      slot_booked = coalesce(r.slot_booked, d.slot_booked),
      lease_until = null,
      finished_at = case when r.finished then now() else null end,
      updated_at = now()
    from jsonb_to_recordset(${payload}::jsonb) as r(
      id uuid, status text, attempts jsonb, rendered_body jsonb, rendered_locale text, status_code int, error text,
      failure_class text, latency_ms int, next_attempt_at timestamptz, finished boolean,
      wait_reason text, slot_booked boolean
    )
    where d.id = r.id and d.status <> 'delivered'`.execute(db);
}

/** Closes a delivery whose job failed for good without its worker recording it (a crash on the last try). */
export async function failUnfinished(db: Executor, id: string, error: string): Promise<DeliveryRow | undefined> {
  return db
    .updateTable('delivery')
    .set({ status: 'failed', error, failure_class: 'retryable', finished_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'sending'])
    .returningAll()
    .executeTakeFirst();
}

export type DeliveryFilter = {
  /** The last id of the previous page. */
  cursor?: string | undefined;
  limit: number;
  status?: DeliveryStatus | undefined;
  notificationType?: string | undefined;
  targetId?: string | undefined;
  silenceId?: string | undefined;
  digestId?: string | undefined;
  notificationId?: string | undefined;
  /** Notifications about this hub provider (its id in their data). */
  providerId?: string | undefined;
  /** This hub user's cost alerts. */
  userId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** Newest first; `limit + 1` rows so the caller can tell whether there is a next page. */
/** A delivery with what the log shows of its notification. */
export type LoggedDelivery = DeliveryRow & { kind: NotificationKind; data: unknown };

export function listDeliveries(db: Executor, f: DeliveryFilter): Promise<LoggedDelivery[]> {
  let q = db
    .selectFrom('delivery')
    .innerJoin('notification as n', 'n.id', 'delivery.notification_id')
    .selectAll('delivery')
    .select(['n.kind', 'n.data'])
    .orderBy('delivery.id', 'desc')
    .limit(f.limit + 1);
  if (f.cursor !== undefined) q = q.where('delivery.id', '<', f.cursor);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.notificationType) q = q.where('notification_type', '=', f.notificationType);
  if (f.targetId) q = q.where('target_id', '=', f.targetId);
  if (f.silenceId) q = q.where('silence_id', '=', f.silenceId);
  if (f.digestId) q = q.where('digest_id', '=', f.digestId);
  if (f.notificationId) q = q.where('delivery.notification_id', '=', f.notificationId);
  if (f.providerId) q = q.where(aboutProvider(f.providerId));
  if (f.userId) q = q.where(aboutUser(f.userId));
  // created_at decides; the id range (UUIDv7 ~ creation time) lets the primary key find the stretch.
  if (f.from) {
    const from = new Date(f.from);
    q = q
      .where('delivery.created_at', '>=', from)
      .where('delivery.id', '>=', uuidv7Floor(from.getTime() - ID_SLACK_MS));
  }
  if (f.to) {
    const to = new Date(f.to);
    q = q.where('delivery.created_at', '<', to).where('delivery.id', '<', uuidv7Floor(to.getTime() + ID_SLACK_MS));
  }
  return q.execute();
}

/**
 * A notification about a provider names it in its data: a breaker or balance as `providerId`, a
 * provider's cost alert as its target, a cache-hit-rate check in one of its anomalies.
 */
const aboutProvider = (id: string) => sql<boolean>`(
  n.data->>'providerId' = ${id}
  or (n.type = 'cost_alert' and n.data->>'targetType' = 'provider' and n.data->>'targetId' = ${id})
  or (n.type = 'cache_hit_rate' and n.data->'anomalies' @> jsonb_build_array(jsonb_build_object('providerId', ${id}::text)))
)`;

/** A user's alerts: the cost alerts that name it as their target. */
const aboutUser = (id: string) =>
  sql<boolean>`(n.type = 'cost_alert' and n.data->>'targetType' = 'user' and n.data->>'targetId' = ${id})`;

export function findDelivery(db: Executor, id: string): Promise<DeliveryRow | undefined> {
  return db.selectFrom('delivery').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findLoggedDelivery(db: Executor, id: string): Promise<LoggedDelivery | undefined> {
  return db
    .selectFrom('delivery')
    .innerJoin('notification as n', 'n.id', 'delivery.notification_id')
    .selectAll('delivery')
    .select(['n.kind', 'n.data'])
    .where('delivery.id', '=', id)
    .executeTakeFirst();
}

/** The subjects of the given deliveries' notifications, for a digest's list of what it carried. */
export function findCarriedNotifications(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('notification').select(['id', 'type', 'kind', 'data']).where('id', 'in', ids).execute();
}

export function findNotification(db: Executor, id: string): Promise<NotificationRow | undefined> {
  return db.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deliveries not finished yet, by status (for the metrics gauge). */
export async function countUnfinished(db: Executor): Promise<Array<{ status: string; n: number }>> {
  return db
    .selectFrom('delivery')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['pending', 'sending'])
    .groupBy('status')
    .execute();
}
