/**
 * What the hub reports: usage (idempotent, with Herald's own circuit breaker), its users and
 * providers, and breaker trips it detected itself.
 *
 * Bad input policy: validation happens before any of this (the procedure's schema), over the
 * whole batch. One bad record answers BAD_REQUEST naming every `records.<index>.<field>` and
 * stores nothing; the hub fixes and re-sends, and idempotency by requestId makes re-sending
 * the good records safe. What is accepted is committed before the answer.
 */
import type {
  CircuitBreakerData,
  CircuitBreakerReport,
  CircuitBreakerReportResult,
  HubProvider,
  HubUser,
  UsageRecord,
} from '@herald/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { findOpenBreakers } from '../db/repos/breaker-state.ts';
import * as entities from '../db/repos/hub-entities.ts';
import { addToRollup, dailyDeltas, insertUsage, type NewUsage } from '../db/repos/usage.ts';

/** Who noticed the trip: the hub (reportCircuitBreaker) or Herald, counting failed usage. */
export type BreakerSource = 'hub' | 'usage';

/** A breaker closed: reported by the hub, or Herald's own after a success past its open duration. */
export type BreakerClosed = {
  providerId: string;
  providerName?: string | undefined;
  /** An endpoint's breaker (the hub's report only); absent: the provider's own. */
  incidentSource?: 'provider' | 'endpoint' | undefined;
  endpointId?: string | undefined;
  endpointUrl?: string | undefined;
  /** When it closed (null: now). */
  closedAt: Date | null;
};

/** What the engine made of a breaker event (the answer to `hub.reportCircuitBreaker`). */
export type BreakerDecision = Omit<CircuitBreakerReportResult, 'ok'>;

/**
 * Events the intake raises, called inside its transaction so whatever they write (an alert,
 * a queued job) commits with the data that caused it, or not at all.
 */
export type HubEvents = {
  breakerOpened(
    trx: Transaction<Database>,
    data: CircuitBreakerData,
    source: BreakerSource,
  ): Promise<BreakerDecision | undefined>;
  breakerClosed(
    trx: Transaction<Database>,
    closed: BreakerClosed,
    source: BreakerSource,
  ): Promise<BreakerDecision | undefined>;
};

export type IntakeOptions = {
  /** The time used for records without createdAt and for retryAt (tests drive it). */
  now?: () => Date;
};

export type RecordUsageOutcome = {
  accepted: number;
  duplicates: number;
  /** Herald's own breaker openings this batch caused. */
  breakersOpened: CircuitBreakerData[];
  /** Providers whose open breaker this batch's successes closed. */
  breakersClosed: string[];
};

const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const RETRYABLE = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure

/** A transaction, tried again (up to 3 times) when Postgres picked it as a deadlock victim. */
async function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (err) {
      if (attempt >= 3 || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
    }
  }
}

/**
 * Stores a batch of usage: new request ids are inserted and added to the daily rollup, known
 * ones are counted as duplicates and change nothing (not the breaker either). Then, per
 * provider in record time order, a failure counts towards Herald's breaker and a success
 * resets it; reaching the provider's threshold opens it (events.breakerOpened, in the same
 * transaction) and starts the count again. Usage of users and providers the hub has not
 * synced is stored all the same.
 */
export async function recordUsage(
  db: Db,
  records: UsageRecord[],
  events: HubEvents | undefined,
  opts: IntakeOptions = {},
): Promise<RecordUsageOutcome> {
  const now = opts.now?.() ?? new Date();
  const unique = new Map<string, NewUsage & { at: number; index: number }>();
  records.forEach((r, index) => {
    if (unique.has(r.requestId)) return;
    // Normalised to UTC milliseconds (…Z), so the rollup's day is the day Postgres stores.
    const at = r.createdAt ? Date.parse(r.createdAt) : now.getTime();
    const createdAt = r.createdAt && CANONICAL_UTC.test(r.createdAt) ? r.createdAt : new Date(at).toISOString();
    unique.set(r.requestId, { ...r, createdAt, at, index });
  });
  const rows = [...unique.values()].sort((a, b) =>
    a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0,
  );

  return inTransaction(db, async (trx) => {
    const known = await insertUsage(trx, rows);
    const fresh = rows.filter((r) => !known.has(r.requestId));
    // The rollup and the breaker update rows every batch shares (busy users, every provider),
    // locked until commit: they come last, so those locks are held for as short as possible.
    await addToRollup(trx, dailyDeltas(fresh));
    const breakersClosed = await closeBreakers(trx, fresh, events);
    const breakersOpened = await advanceBreakers(trx, fresh, now, events);
    return { accepted: fresh.length, duplicates: records.length - fresh.length, breakersOpened, breakersClosed };
  });
}

type Outcome = { success: boolean; errorMessage: string | null; at: number; index: number };

/**
 * An open breaker closes at the provider's first success at or after its retry time (the open
 * duration has passed). Before the batch's openings, which come after any success they follow.
 */
async function closeBreakers(
  trx: Transaction<Database>,
  fresh: Array<{ providerId: string } & Outcome>,
  events: HubEvents | undefined,
): Promise<string[]> {
  if (!events) return [];
  const succeeded = [...new Set(fresh.filter((r) => r.success).map((r) => r.providerId))].sort();
  if (succeeded.length === 0) return [];
  const open = await findOpenBreakers(trx, succeeded);
  const closed: string[] = [];
  // In id order, like every other lock the intake takes.
  for (const b of open.sort((x, y) => (x.providerId < y.providerId ? -1 : 1))) {
    const retryAt = b.retryAt?.getTime() ?? 0;
    // The first success at or after the retry time closes it.
    const at = fresh
      .filter((r) => r.providerId === b.providerId && r.success && r.at >= retryAt)
      .reduce((min, r) => Math.min(min, r.at), Number.POSITIVE_INFINITY);
    if (!Number.isFinite(at)) continue;
    const d = await events.breakerClosed(trx, { providerId: b.providerId, closedAt: new Date(at) }, 'usage');
    if (d?.outcome !== 'ignored') closed.push(b.providerId);
  }
  return closed;
}

/** Herald's own breaker over the newly stored records; returns the openings it raised. */
async function advanceBreakers(
  trx: Transaction<Database>,
  fresh: Array<{ providerId: string } & Outcome>,
  now: Date,
  events: HubEvents | undefined,
): Promise<CircuitBreakerData[]> {
  const byProvider = new Map<string, Outcome[]>();
  for (const r of fresh) {
    const list = byProvider.get(r.providerId);
    if (list) list.push(r);
    else byProvider.set(r.providerId, [r]);
  }
  const summaries: entities.BreakerSummary[] = [];
  for (const [id, list] of byProvider) {
    list.sort((a, b) => a.at - b.at || a.index - b.index);
    summaries.push(summarise(id, list));
  }
  if (summaries.length === 0) return [];

  const advanced = await entities.advanceBreakers(trx, summaries);
  // A provider failing before the hub ever synced it gets a row, then its count.
  const seen = new Set(advanced.map((a) => a.id));
  const missing = summaries.filter((s) => !seen.has(s.id) && s.failures > 0);
  if (missing.length > 0) {
    await entities.insertProviderPlaceholders(
      trx,
      missing.map((s) => s.id),
    );
    advanced.push(...(await entities.advanceBreakers(trx, missing)));
  }

  const opened: CircuitBreakerData[] = [];
  for (const a of advanced) {
    const run = runBreaker(
      { failureThreshold: a.failureThreshold, consecutiveFailures: a.before },
      byProvider.get(a.id) ?? [],
    );
    for (const o of run.openings) {
      opened.push({
        providerId: a.id,
        providerName: a.name,
        failureCount: o.failureCount,
        retryAt: new Date(now.getTime() + a.openDurationMs).toISOString(),
        ...(o.lastError ? { lastError: o.lastError } : {}),
      });
    }
  }
  if (opened.length === 0) return [];
  await entities.markBreakersOpened(trx, [...new Set(opened.map((o) => o.providerId))], now);
  for (const data of opened) await events?.breakerOpened(trx, data, 'usage');
  return opened;
}

/** What of a provider's outcomes (in time order) decides its new breaker count. */
export function summarise(id: string, outcomes: Array<{ success: boolean }>): entities.BreakerSummary {
  const failures = outcomes.filter((o) => !o.success).length;
  const first = outcomes.findIndex((o) => o.success);
  if (first === -1) return { id, failures, lead: outcomes.length, hasSuccess: false, tail: 0 };
  let last = outcomes.length - 1;
  while (!outcomes[last]?.success) last--;
  return { id, failures, lead: first, hasSuccess: true, tail: outcomes.length - 1 - last };
}

/**
 * One provider's breaker over outcomes in time order, from its stored count: a success resets
 * it; a failure adds one, and at the threshold the breaker opens and the count starts again.
 */
export function runBreaker(
  state: { failureThreshold: number; consecutiveFailures: number },
  outcomes: Array<{ success: boolean; errorMessage: string | null }>,
): { count: number; openings: Array<{ failureCount: number; lastError: string | null }> } {
  let count = state.consecutiveFailures;
  let lastError: string | null = null;
  const openings: Array<{ failureCount: number; lastError: string | null }> = [];
  for (const o of outcomes) {
    if (o.success) {
      count = 0;
      lastError = null;
      continue;
    }
    count++;
    lastError = o.errorMessage ?? lastError;
    if (count >= state.failureThreshold) {
      openings.push({ failureCount: count, lastError });
      count = 0;
      lastError = null;
    }
  }
  return { count, openings };
}

/** Upserts the hub's users by id (null clears a limit, an omitted field keeps its value). */
export function syncUsers(db: Db, users: HubUser[]) {
  return db.transaction().execute((trx) => entities.upsertHubUsers(trx, users));
}

/** Upserts the hub's providers by id; Herald's breaker count is kept. */
export function syncProviders(db: Db, providers: HubProvider[]) {
  return db.transaction().execute((trx) => entities.upsertHubProviders(trx, providers));
}

/**
 * The hub's own breaker opened or closed (the provider's or, with `incidentSource: "endpoint"`,
 * one endpoint's): keep the provider's name current and raise the event.
 * Answers what became of it (nothing handled it: ignored).
 */
export async function reportCircuitBreaker(
  db: Db,
  report: CircuitBreakerReport,
  events: HubEvents | undefined,
): Promise<BreakerDecision> {
  return inTransaction(db, async (trx) => {
    if (report.providerName !== undefined) {
      await entities.upsertProviderName(trx, report.providerId, report.providerName);
    }
    let decision: BreakerDecision | undefined;
    if (report.state === 'closed') {
      const { state: _, closedAt, ...rest } = report;
      const closed: BreakerClosed = { ...rest, closedAt: closedAt ? new Date(closedAt) : null };
      decision = await events?.breakerClosed(trx, closed, 'hub');
    } else {
      const { state: _, ...data } = report;
      decision = await events?.breakerOpened(trx, data, 'hub');
    }
    return decision ?? { outcome: 'ignored', notificationId: null };
  });
}
