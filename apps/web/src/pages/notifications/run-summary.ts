import type { TFunction } from 'i18next';

/** What `notifications.trigger` answers: one outcome per run (a binding, or legacy mode). */
export type RunOutcome =
  | { ran: true; scope: string; timezone: string; alerts?: number; sent?: boolean }
  | { ran: false; scope: string; reason: string };

/** One sentence for the toast, and whether it is good news. */
export function runSummary(
  type: 'cost_alert' | 'daily_leaderboard' | 'cache_hit_rate',
  outcomes: RunOutcome[],
  t: TFunction,
): { ok: boolean; message: string } {
  const ran = outcomes.filter((o) => o.ran);
  if (ran.length === 0) {
    const reason = outcomes.find((o) => !o.ran)?.reason ?? '';
    if (reason === 'notifications are switched off')
      return { ok: false, message: t('notificationsPage.run.switchedOff') };
    if (reason.endsWith('is switched off')) return { ok: false, message: t('notificationsPage.run.typeOff') };
    if (reason === 'no enabled binding') return { ok: false, message: t('notificationsPage.run.noBinding') };
    return { ok: false, message: t('notificationsPage.run.other', { reason }) };
  }
  if (type === 'cost_alert') {
    const alerts = ran.reduce((sum, o) => sum + (o.alerts ?? 0), 0);
    return { ok: true, message: t('notificationsPage.run.costChecked', { runs: ran.length, alerts }) };
  }
  if (type === 'cache_hit_rate') {
    const alerts = ran.reduce((sum, o) => sum + (o.alerts ?? 0), 0);
    return { ok: true, message: t('notificationsPage.run.cacheChecked', { runs: ran.length, alerts }) };
  }
  const sent = ran.filter((o) => o.sent).length;
  return sent === 0
    ? { ok: false, message: t('notificationsPage.run.noUsage') }
    : { ok: true, message: t('notificationsPage.run.leaderboardSent', { count: sent }) };
}
