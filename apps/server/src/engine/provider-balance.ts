/**
 * Upstream balance alerts. Each report is judged against the provider's threshold (its own,
 * else the settings' default) and the lower levels: a new, lower level in the current crossing
 * alerts once; back at or above the threshold, whoever got the crossing's first alert hears it
 * was topped up. All of it runs in one transaction on the provider's locked
 * `provider_balance_state` row, so concurrent reports and server processes agree, and the
 * state changes only if the alert is queued with it.
 */
import {
  decideBalance,
  type ProviderBalanceData,
  type ProviderBalanceReport,
  type ProviderBalanceReportResult,
  type ProviderBalanceView,
} from '@herald/core';
import type { Transaction } from 'kysely';
import type { Database, Executor } from '../db/database.ts';
import { upsertProviderName } from '../db/repos/hub-entities.ts';
import * as states from '../db/repos/provider-balance.ts';
import { readSettings } from '../db/repos/settings.ts';
import type { SettingsRow } from '../db/tables/settings.ts';
import type { AppDeps } from '../deps.ts';
import { balanceLevelsOf, balanceThresholdOf, SYSTEM_TIMEZONE } from '../services/settings.ts';
import { enqueueNotification } from './enqueue.ts';
import { enqueueFollowUp } from './follow-up.ts';

type Trx = Transaction<Database>;
export type BalanceAnswer = Omit<ProviderBalanceReportResult, 'ok'>;
type Deps = Pick<AppDeps, 'db' | 'clock' | 'logger' | 'boss' | 'secretBox' | 'config'>;

const num = (v: string | null): number | null => (v === null ? null : Number(v));

/** A hub's balance report: recorded, and alerted or recovered as the rule says. */
export function reportProviderBalance(deps: Deps, report: ProviderBalanceReport): Promise<BalanceAnswer> {
  return deps.db.transaction().execute(async (trx) => {
    if (report.providerName !== undefined) await upsertProviderName(trx, report.providerId, report.providerName);
    return judge(deps, trx, report);
  });
}

async function judge(deps: Deps, trx: Trx, report: ProviderBalanceReport): Promise<BalanceAnswer> {
  const now = deps.clock.now();
  const log = deps.logger.child({ providerId: report.providerId });
  const row = await states.lockBalance(trx, report.providerId, now);
  const settings = await readSettings(trx, SYSTEM_TIMEZONE);
  const fractions = balanceLevelsOf(settings);
  const reportedAt = report.reportedAt ? new Date(report.reportedAt) : now;
  if (row.reported_at && reportedAt < row.reported_at) {
    log.info({ action: 'provider_balance_stale', reportedAt }, 'balance report older than the last one: ignored');
    const last = decideBalance({
      balance: Number(row.balance),
      threshold: num(row.threshold),
      fractions,
      alertedFraction: null,
    });
    return { outcome: 'unchanged', ...(last.level ? { level: last.level.name } : {}), notificationId: null };
  }

  const threshold = report.lowBalanceThreshold ?? balanceThresholdOf(settings);
  // Another currency is another account: its crossing starts afresh.
  const same = row.balance !== null && row.currency === report.currency;
  const alerted = same ? row.alerted_fraction : null;
  const alertId = same ? row.alert_notification_id : null;
  const decision = decideBalance({ balance: report.balance, threshold, fractions, alertedFraction: alerted });
  // The crossing's first alert, kept while the crossing lasts.
  const keptAlert = decision.alertedFraction === null ? null : alertId;
  const providerName = report.providerName ?? row.provider_name ?? (await states.providerName(trx, report.providerId));
  const on = settings.enabled && settings.provider_balance_enabled;
  const level = decision.level ? { level: decision.level.name } : {};
  const save = (alertedFraction: number | null, alertNotificationId: string | null) =>
    states.updateBalance(
      trx,
      report.providerId,
      {
        providerName,
        balance: report.balance,
        currency: report.currency,
        threshold,
        alertedFraction,
        alertNotificationId,
        reportedAt,
      },
      now,
    );
  const data = (event: ProviderBalanceData['event'], levelFraction: number): ProviderBalanceData => ({
    event,
    providerId: report.providerId,
    ...(providerName ? { providerName } : {}),
    balance: report.balance,
    currency: report.currency,
    threshold: threshold ?? 0,
    levelFraction,
  });

  if (!on) {
    // Nothing is told while off: a level reached now is alerted once the type is on again.
    await save(decision.kind === 'alert' ? alerted : decision.alertedFraction, keptAlert);
    log.info({ action: 'provider_balance_alert_disabled', decision: decision.kind }, 'balance alerts are switched off');
    return { outcome: 'disabled', ...level, notificationId: null };
  }
  if (decision.kind === 'alert' && decision.level) {
    const queued = await enqueueNotification(deps, trx, {
      type: 'provider_balance',
      data: data('low', decision.level.fraction),
      source: 'hub',
    });
    const { notificationId, deliveryIds } = queued;
    await save(decision.alertedFraction, alertId ?? notificationId);
    log.info(
      { action: 'provider_balance_alert_sent', level: decision.level.name, deliveries: deliveryIds.length },
      'low-balance alert queued',
    );
    return told('alerted', queued, level);
  }
  if (decision.kind === 'recover' && alerted !== null) {
    // Only whoever heard of the low balance hears of the top-up.
    const r = alertId
      ? await enqueueFollowUp(deps, trx, { type: 'provider_balance', data: data('recovered', alerted), to: alertId })
      : { notificationId: null, deliveryIds: [] };
    await save(null, null);
    log.info(
      { action: 'provider_balance_recovery_sent', deliveries: r.deliveryIds.length },
      'provider balance recovery queued',
    );
    return told('recovered', {
      notificationId: r.notificationId,
      silenceId: 'silencedBy' in r ? r.silencedBy?.id : null,
    });
  }
  await save(decision.alertedFraction, keptAlert);
  return { outcome: 'unchanged', ...level, notificationId: null };
}

/** A queued message's answer, unless it reaches nobody (a silence, no recipients): then "suppressed". */
function told(
  outcome: 'alerted' | 'recovered',
  r: { notificationId: string | null; silenceId?: string | null | undefined },
  level: { level?: string } = {},
): BalanceAnswer {
  if (r.notificationId === null)
    return { outcome: 'suppressed', reason: 'no_recipients', ...level, notificationId: null };
  if (r.silenceId) return { outcome: 'suppressed', reason: 'silenced', ...level, notificationId: r.notificationId };
  return { outcome, ...level, notificationId: r.notificationId };
}

/** The most balances the Overview lists. */
export const OVERVIEW_BALANCES = 50;

/** The Overview's balances, the lowest relative to its threshold first, each with the level it is at now. */
export async function balanceViews(db: Executor, settings: SettingsRow): Promise<ProviderBalanceView[]> {
  const fractions = balanceLevelsOf(settings);
  const rows = await states.lowestBalances(db, OVERVIEW_BALANCES);
  return rows.map((r) => ({
    providerId: r.providerId,
    providerName: r.providerName,
    balance: r.balance,
    currency: r.currency,
    threshold: r.threshold,
    level:
      decideBalance({ balance: r.balance, threshold: r.threshold, fractions, alertedFraction: null }).level?.name ??
      null,
    updatedAt: r.updatedAt.toISOString(),
  }));
}
