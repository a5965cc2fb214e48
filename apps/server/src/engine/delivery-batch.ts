import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/database.ts';
import type { DatabaseOutage } from '../db/outage.ts';
import { claimDeliveries } from '../db/repos/deliveries.ts';
import { readSettings } from '../db/repos/settings.ts';
import { errorText } from '../error-text.ts';
import { DELIVERY_RETRY_LIMIT } from '../jobs/queues.ts';
import { SYSTEM_TIMEZONE } from '../services/settings.ts';
import { type Outcome, type RunEnv, runDelivery, unfinished } from './delivery-run.ts';
import type { Held, Settlements } from './delivery-settle.ts';
import { loadRecipientContext } from './targets-for.ts';

/** A fetched job while this process holds it: the queue attempt its row was claimed with, and how to abort its send. */
export type Entry = Held & {
  claimedAt: number | null;
  abort: AbortController | null;
  /** Its outcome is handed to the settlements: a later fetch of the job is a new run, not this one. */
  settling?: boolean;
};

export type BatchEnv = {
  db: Db;
  /** Wakes the worker when a job put back until `at` is due. */
  wakeAt?: (at: Date) => void;
  /** Gathers a target's waiting notifications of one type into a digest (see digests.ts). */
  gather?: (group: string, paceDigests: boolean) => Promise<string | null>;
  secretBox: SecretBox;
  run: RunEnv;
  settlements: Settlements;
  /** How long a claim holds a row (the heartbeat renews it). */
  leaseSeconds: number;
  /** A lost database is logged once per outage there, not per batch. */
  outage: DatabaseOutage;
  /** Called as each send starts and ends. */
  sends: { started(): void; ended(): void };
};

/**
 * Starts a fetched batch: claims its rows in one statement, loads what rendering needs once,
 * and runs each claimed delivery on its own. A job whose row another live run holds goes back
 * to the queue until that lease ends; one whose row is final only completes.
 */
export async function runBatch(env: BatchEnv, entries: Entry[]): Promise<void> {
  const { run, settlements } = env;
  const { log } = run;
  const settle = (e: Entry, outcome: Outcome) => {
    e.settling = true;
    settlements.add(e, outcome);
  };
  let claim: Awaited<ReturnType<typeof claimDeliveries>>;
  let ctx: Awaited<ReturnType<typeof loadRecipientContext>>;
  try {
    await gatherWaiting(env, entries);
    claim = await claimDeliveries(
      env.db,
      entries.map((e) => ({ id: e.job.data.deliveryId ?? e.job.id, queueAttempt: e.job.retryCount })),
      env.leaseSeconds,
    );
  } catch (err) {
    if (!env.outage.report('delivery', err)) {
      log.warn({ action: 'delivery_batch_failed', err: errorText(err), jobs: entries.length }, 'could not claim');
    }
    for (const e of entries) settle(e, { result: null, settle: { kind: 'requeue' } });
    return;
  }
  try {
    ctx = await loadRecipientContext(env.db, env.secretBox, claim.claimed);
  } catch (err) {
    if (!env.outage.report('delivery', err)) {
      log.warn({ action: 'delivery_batch_failed', err: errorText(err), jobs: entries.length }, 'could not start');
    }
    const claimed = new Set(claim.claimed.map((d) => d.id));
    for (const e of entries) {
      const result = claimed.has(e.job.id) ? unfinished(e.job.id, errorText(err)) : null;
      settle(e, { result, settle: { kind: 'requeue' } });
    }
    return;
  }
  const byId = new Map(claim.claimed.map((d) => [d.id, d]));
  const held = new Map(claim.held.map((h) => [h.id, h.until]));
  for (const e of entries) {
    const d = byId.get(e.job.data.deliveryId ?? e.job.id);
    if (!d) {
      const until = held.get(e.job.id);
      settle(e, { result: null, settle: until ? { kind: 'requeue', at: until } : { kind: 'complete' } });
      continue;
    }
    e.claimedAt = e.job.retryCount;
    e.abort = new AbortController();
    env.sends.started();
    void runDelivery(run, e.job, d, ctx, e.abort.signal)
      .catch((err: unknown): Outcome => {
        log.error({ action: 'delivery_error', deliveryId: d.id, err: errorText(err) }, 'delivery run failed');
        const at = new Date(Date.now() + run.retryDelaySeconds * 1_000);
        return { result: unfinished(d.id, errorText(err)), settle: { kind: 'retry', at } };
      })
      .then((outcome) => {
        if (outcome.settle.kind === 'requeue' && outcome.settle.at) env.wakeAt?.(outcome.settle.at);
        e.abort = null;
        env.sends.ended();
        settle(e, outcome);
      });
  }
}

/**
 * Before claiming: a job of a type that has digests, which waited (a grouping wait, quiet hours,
 * the pace: its job was put back at least once), gathers its target's waiting ones of that type
 * into one digest first. The gathered rows are no longer pending, so their claims come back empty
 * and their jobs complete; the digest goes out through its own job.
 */
async function gatherWaiting(env: BatchEnv, entries: Entry[]): Promise<void> {
  if (!env.gather) return;
  const groups = new Set<string>();
  for (const e of entries) {
    const { group, waits } = e.job.data;
    if (group && (waits || e.job.retryLimit > DELIVERY_RETRY_LIMIT)) groups.add(group);
  }
  if (groups.size === 0) return;
  const paceDigests = (await readSettings(env.db, SYSTEM_TIMEZONE)).pace_digests;
  for (const group of groups) await env.gather(group, paceDigests);
}
