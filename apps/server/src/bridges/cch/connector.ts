/**
 * The Claude Code Hub health connector's settings: read, change (audited, schedule reconciled)
 * and test. The admin token is sealed at rest, answered only as set + hint, never logged.
 */
import type { CchConnector, CchConnectorTestResult, SetCchConnectorInput, TestCchConnectorInput } from '@herald/core';
import * as repo from '../../db/repos/cch-connector.ts';
import type { CchConnectorRow } from '../../db/tables/cch-connector.ts';
import type { AppDeps } from '../../deps.ts';
import { recordAudit } from '../../services/audit.ts';
import { FieldIssuesError } from '../../services/errors.ts';
import { secretHint } from '../../services/secret-hints.ts';
import { fetchCchHealth } from './health.ts';
import { reconcileCchSchedule } from './schedule.ts';

export function connectorView(row: CchConnectorRow): CchConnector {
  return {
    enabled: row.enabled,
    baseUrl: row.base_url,
    token: { set: row.token !== null, hint: row.token !== null ? row.token_hint : null },
    intervalSeconds: row.interval_seconds,
    lastPoll:
      row.last_poll_at && row.last_poll_ok !== null
        ? {
            at: row.last_poll_at.toISOString(),
            ok: row.last_poll_ok,
            error: row.last_poll_error,
            providers: row.last_poll_providers,
            notClosed: row.last_poll_not_closed,
          }
        : null,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function getCchConnector(deps: Pick<AppDeps, 'db'>): Promise<CchConnector> {
  return connectorView(await repo.readCchConnector(deps.db));
}

/**
 * Changes what is sent. Switching on needs a base URL and a token (stored or sent now). Switching
 * on, or pointing at another CCH, starts watching afresh: the states seen so far are forgotten
 * and a breaker already open is not alerted (see poll.ts).
 */
export async function setCchConnector(
  deps: AppDeps,
  input: SetCchConnectorInput,
  actor: string,
): Promise<CchConnector> {
  const now = deps.clock.now();
  const after = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.readCchConnector(trx, true);
    const enabled = input.enabled ?? row.enabled;
    const baseUrl = input.baseUrl ?? row.base_url;
    const hasToken = input.token !== undefined || row.token !== null;
    if (enabled) {
      const missing = [
        ...(baseUrl ? [] : [{ path: ['baseUrl'], message: 'is required to switch the connector on' }]),
        ...(hasToken ? [] : [{ path: ['token'], message: 'is required to switch the connector on' }]),
      ];
      if (missing.length > 0) throw new FieldIssuesError(missing);
    }
    const afresh = enabled && (!row.enabled || baseUrl !== row.base_url);
    if (afresh || !enabled) await repo.forgetSeenBreakers(trx);
    const updated = await repo.writeCchConnector(
      trx,
      {
        enabled,
        base_url: baseUrl,
        ...(input.token !== undefined
          ? { token: deps.secretBox.seal(input.token), token_hint: secretHint(input.token) }
          : {}),
        ...(input.intervalSeconds !== undefined ? { interval_seconds: input.intervalSeconds } : {}),
        ...(afresh ? { watching_since: now } : enabled ? {} : { watching_since: null }),
      },
      now,
    );
    await recordAudit(trx, {
      actor,
      action: 'cch_connector.update',
      entityType: 'cch_connector',
      entityId: null,
      before: connectorView(row),
      after: connectorView(updated),
    });
    return updated;
  });
  await reconcileCchSchedule(deps);
  deps.logger.info(
    { action: 'cch_connector_updated', enabled: after.enabled, intervalSeconds: after.interval_seconds },
    'CCH connector updated',
  );
  return connectorView(after);
}

/** One poll with the values typed (else the stored ones); nothing is recorded, nothing is alerted. */
export async function testCchConnector(deps: AppDeps, input: TestCchConnectorInput): Promise<CchConnectorTestResult> {
  const row = await repo.readCchConnector(deps.db);
  const baseUrl = input.baseUrl ?? row.base_url;
  const token = input.token ?? (row.token ? deps.secretBox.open(row.token) : null);
  const missing = [
    ...(baseUrl ? [] : [{ path: ['baseUrl'], message: 'is required: type it, or save one first' }]),
    ...(token ? [] : [{ path: ['token'], message: 'is required: type it, or save one first' }]),
  ];
  if (!baseUrl || !token) throw new FieldIssuesError(missing);
  const answer = await fetchCchHealth(deps.http, { baseUrl, token });
  deps.logger.info({ action: 'cch_connector_tested', ok: answer.ok, status: answer.status }, 'CCH connector tested');
  if (!answer.ok) {
    return {
      ok: false,
      status: answer.status,
      providers: null,
      notClosed: null,
      error: answer.error,
      latencyMs: answer.latencyMs,
    };
  }
  return {
    ok: true,
    status: answer.status,
    providers: answer.breakers.length,
    notClosed: answer.breakers.filter((b) => b.state !== 'closed').length,
    error: null,
    latencyMs: answer.latencyMs,
  };
}
