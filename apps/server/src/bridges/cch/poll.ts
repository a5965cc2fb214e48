/**
 * One poll of Claude Code Hub's provider breakers, turned into Herald's own breaker incidents:
 * an opening is alerted through the same engine a hub report goes through (5-minute dedup,
 * flapping), and a close sends the recovery CCH itself never sends — to whoever heard of the
 * opening, whether the connector or CCH's webhook (the bridge) told Herald of it.
 *
 * Against the last poll (stored, so a restart changes nothing):
 * - closed → open or half-open: an opening, unless Herald already holds it open (the webhook
 *   was first); half-open → open: opened again (a repeat while open, for the engine);
 * - open → half-open: nothing yet (CCH is trying the provider);
 * - closed while Herald holds the provider open: the recovery;
 * - a provider seen for the first time not closed: alerted only if it failed after the
 *   connector began watching — a breaker that was open before Herald knew is not news;
 * - a provider gone from CCH is forgotten.
 * Repeated polls of the same states change nothing. The poll's decisions and what they queue
 * commit together, on the locked connector row, so overlapping polls cannot both alert.
 */
import type { CircuitBreakerData } from '@herald/core';
import * as repo from '../../db/repos/cch-connector.ts';
import { upsertProviderName } from '../../db/repos/hub-entities.ts';
import type { CchBreakerSeenRow, CchConnectorRow } from '../../db/tables/cch-connector.ts';
import type { AppDeps } from '../../deps.ts';
import { breakerEvents } from '../../engine/circuit-breaker.ts';
import { type CchBreaker, fetchCchHealth } from './health.ts';
import { fetchProviderNames } from './provider-names.ts';

export type PollOutcome =
  | { ran: false; reason: string }
  | { ran: true; ok: false; error: string }
  | { ran: true; ok: true; providers: number; notClosed: number; opened: string[]; closed: string[] };

/** What one breaker's change asks of Herald. */
type Change = { providerId: string; kind: 'open' | 'close'; breaker: CchBreaker };

export async function pollCchHealth(deps: AppDeps): Promise<PollOutcome> {
  const row = await repo.readCchConnector(deps.db);
  const token = usableToken(deps, row);
  if (!row.enabled || !row.base_url || !token) {
    return { ran: false, reason: row.enabled ? 'no base URL or token' : 'the connector is switched off' };
  }
  const fetchedAt = deps.clock.now();
  const answer = await fetchCchHealth(deps.http, { baseUrl: row.base_url, token });
  if (!answer.ok) {
    await repo.recordCchPoll(deps.db, {
      at: fetchedAt,
      ok: false,
      error: answer.error,
      providers: null,
      notClosed: null,
    });
    deps.logger.warn(
      { action: 'cch_health_poll_failed', status: answer.status, error: answer.error },
      'CCH poll failed',
    );
    return { ran: true, ok: false, error: answer.error };
  }
  // Names for the openings this poll may alert (CCH's health answer has none), fetched before the transaction.
  const names = await namesFor(deps, row, token, likelyOpenings(await repo.seenBreakers(deps.db), answer.breakers));

  const result = await deps.db.transaction().execute(async (trx) => {
    const locked = await repo.readCchConnector(trx, true);
    // Switched off, or pointed at another CCH, while this poll was out: its answer is stale.
    if (!locked.enabled || locked.base_url !== row.base_url || !sameTime(locked.watching_since, row.watching_since)) {
      return null;
    }
    const seen = await repo.seenBreakers(trx);
    const heraldOpen = await repo.openHeraldBreakers(
      trx,
      answer.breakers.map((b) => b.providerId),
    );
    const changes = decide(answer.breakers, seen, heraldOpen, locked.watching_since, fetchedAt);
    for (const [id, name] of names) await upsertProviderName(trx, id, name);
    const known = await repo.providerNames(trx, [...new Set(changes.map((c) => c.providerId))]);
    const events = breakerEvents(deps);
    const opened: string[] = [];
    const closed: string[] = [];
    for (const c of changes) {
      if (c.kind === 'open') {
        const d = await events.breakerOpened(trx, openingData(c.breaker, known, fetchedAt), 'hub');
        logChange(deps, c, d?.outcome);
        opened.push(c.providerId);
      } else {
        const d = await events.breakerClosed(trx, { providerId: c.providerId, closedAt: fetchedAt }, 'hub');
        logChange(deps, c, d?.outcome);
        closed.push(c.providerId);
      }
    }
    await repo.replaceSeenBreakers(
      trx,
      answer.breakers.map((b) => ({
        providerId: b.providerId,
        state: b.state,
        failureCount: b.failureCount,
        openUntil: b.openUntil,
      })),
      fetchedAt,
    );
    const notClosed = answer.breakers.filter((b) => b.state !== 'closed').length;
    await repo.recordCchPoll(trx, {
      at: fetchedAt,
      ok: true,
      error: null,
      providers: answer.breakers.length,
      notClosed,
    });
    return { ran: true as const, ok: true as const, providers: answer.breakers.length, notClosed, opened, closed };
  });
  if (!result) return { ran: false, reason: 'the connector changed while polling' };
  deps.logger.info(
    {
      action: 'cch_health_polled',
      providers: result.providers,
      notClosed: result.notClosed,
      opened: result.opened.length,
      closed: result.closed.length,
    },
    'CCH breakers polled',
  );
  return result;
}

/**
 * The changes this answer makes against the last poll and Herald's own open breakers.
 * Pure, so every case of the rules above is tested on its own.
 */
export function decide(
  now: CchBreaker[],
  seen: Map<string, Pick<CchBreakerSeenRow, 'state'>>,
  heraldOpen: Map<string, Date | null>,
  watchingSince: Date | null,
  fetchedAt: Date,
): Change[] {
  const changes: Change[] = [];
  for (const b of now) {
    const before = seen.get(b.providerId)?.state;
    const held = heraldOpen.has(b.providerId);
    if (b.state === 'closed') {
      // Opened in Herald after this answer was fetched (the webhook overtook the poll): not this close.
      const openedAt = heraldOpen.get(b.providerId);
      if (held && (!openedAt || openedAt.getTime() < fetchedAt.getTime())) {
        changes.push({ providerId: b.providerId, kind: 'close', breaker: b });
      }
      continue;
    }
    const opening =
      before === undefined
        ? b.lastFailureAt !== null && watchingSince !== null && b.lastFailureAt.getTime() >= watchingSince.getTime()
        : before === 'closed' || (before === 'half-open' && b.state === 'open');
    // A fresh opening Herald already holds open came by the webhook; a re-opening is the engine's to judge.
    if (opening && (!held || before === 'half-open'))
      changes.push({ providerId: b.providerId, kind: 'open', breaker: b });
  }
  return changes;
}

/** Providers this answer may alert, to look their names up before the transaction. */
function likelyOpenings(seen: Map<string, CchBreakerSeenRow>, now: CchBreaker[]): string[] {
  return now.filter((b) => b.state !== 'closed' && seen.get(b.providerId)?.state !== b.state).map((b) => b.providerId);
}

/** Names CCH has for providers Herald knows no name of (an empty map when it cannot say). */
async function namesFor(deps: AppDeps, row: CchConnectorRow, token: string, ids: string[]) {
  if (ids.length === 0 || !row.base_url) return new Map<string, string>();
  const known = await repo.providerNames(deps.db, ids);
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length === 0) return new Map<string, string>();
  const all = await fetchProviderNames(deps.http, { baseUrl: row.base_url, token });
  if (!all.ok) {
    deps.logger.warn({ action: 'cch_provider_names_failed', error: all.error }, 'CCH provider names unavailable');
    return new Map<string, string>();
  }
  return new Map(missing.flatMap((id) => (all.names.has(id) ? [[id, all.names.get(id) as string] as const] : [])));
}

function openingData(b: CchBreaker, names: Map<string, string>, now: Date): CircuitBreakerData {
  return {
    providerId: b.providerId,
    providerName: names.get(b.providerId) ?? `Provider #${b.providerId}`,
    // CCH reads 0 only when a probe opened it half-open; an opening counts at least one failure.
    failureCount: Math.max(1, b.failureCount),
    retryAt: (b.openUntil && b.openUntil > now ? b.openUntil : now).toISOString(),
  };
}

function usableToken(deps: AppDeps, row: CchConnectorRow): string | null {
  if (!row.token) return null;
  try {
    return deps.secretBox.open(row.token);
  } catch (err) {
    deps.logger.error({ action: 'cch_token_unreadable', err: (err as Error).message }, 'CCH token cannot be opened');
    return null;
  }
}

function logChange(deps: AppDeps, c: Change, outcome: string | undefined) {
  deps.logger.info(
    {
      action: c.kind === 'open' ? 'cch_breaker_opened' : 'cch_breaker_closed',
      providerId: c.providerId,
      state: c.breaker.state,
      outcome: outcome ?? 'ignored',
    },
    `CCH breaker ${c.kind === 'open' ? 'opened' : 'closed'}`,
  );
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
