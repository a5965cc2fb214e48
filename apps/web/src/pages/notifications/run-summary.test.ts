import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { runSummary } from './run-summary.ts';

const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

describe('the run-now summary', () => {
  it('says why nothing ran', () => {
    const off = (reason: string) => runSummary('cost_alert', [{ ran: false, scope: '*', reason }], t);
    expect(off('notifications are switched off')).toEqual({
      ok: false,
      message: 'notificationsPage.run.switchedOff',
    });
    expect(off('cost_alert is switched off').message).toBe('notificationsPage.run.typeOff');
    expect(off('no enabled binding').message).toBe('notificationsPage.run.noBinding');
    expect(off('something new').message).toBe('notificationsPage.run.other {"reason":"something new"}');
  });

  it('counts leaderboards sent, and says when there was no usage', () => {
    const runs = [
      { ran: true as const, scope: 'binding:a', timezone: 'UTC', sent: true },
      { ran: true as const, scope: 'binding:b', timezone: 'UTC', sent: true },
    ];
    expect(runSummary('daily_leaderboard', runs, t)).toEqual({
      ok: true,
      message: 'notificationsPage.run.leaderboardSent {"count":2}',
    });
    expect(runSummary('daily_leaderboard', [{ ran: true, scope: 'legacy', timezone: 'UTC', sent: false }], t)).toEqual({
      ok: false,
      message: 'notificationsPage.run.noUsage',
    });
  });

  it('adds up the new cost alerts over every run', () => {
    const runs = [
      { ran: true as const, scope: 'binding:a', timezone: 'UTC', alerts: 2 },
      { ran: true as const, scope: 'binding:b', timezone: 'UTC', alerts: 0 },
    ];
    expect(runSummary('cost_alert', runs, t).message).toBe('notificationsPage.run.costChecked {"runs":2,"alerts":2}');
  });
});
