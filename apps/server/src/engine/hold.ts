import { hasDigest, type NotificationType } from '@herald/core';
import type { WaitReason } from '../db/tables/delivery.ts';
import type { SilenceRow } from '../db/tables/incidents.ts';
import type { SettingsRow } from '../db/tables/settings.ts';
import { isUrgent, quietUntil } from './quiet-hours.ts';
import type { Recipient } from './targets-for.ts';

/** Seconds a type's notifications wait to be grouped (0: they go at once). */
export function groupWaitSeconds(settings: SettingsRow, type: NotificationType): number {
  if (type === 'circuit_breaker') return settings.circuit_breaker_group_wait;
  if (type === 'cost_alert') return settings.cost_alert_group_wait;
  return 0;
}

export type Hold = { reason: WaitReason; until: Date };

/**
 * Whether a new delivery waits before its first run, and why: quiet hours on its binding
 * (urgent ones pass unless the binding says otherwise), or the type's grouping wait, or a
 * cost check's digest (`group`: at once, to be gathered with the check's others).
 */
export function holdFor(
  r: Recipient,
  type: NotificationType,
  data: unknown,
  settings: SettingsRow,
  now: Date,
  opts: { group?: boolean; source: string },
): Hold | null {
  if (r.quietHours && r.targetId !== null) {
    const urgentPasses = r.quietHours.bypassUrgent && isUrgent(type, data);
    const until = urgentPasses ? null : quietUntil(r.quietHours, r.timezone ?? settings.timezone, now);
    if (until) return { reason: 'quiet_hours', until };
  }
  if (!hasDigest(type) || opts.source === 'test' || opts.source === 'manual') return null;
  if (opts.group) return { reason: 'grouping', until: now };
  const wait = groupWaitSeconds(settings, type);
  return wait > 0 ? { reason: 'grouping', until: new Date(now.getTime() + wait * 1000) } : null;
}

/**
 * Feishu asks bots to stay off :00 and :30: a scheduled run in the first seconds of those
 * minutes is spread over 5–24 s, the same for one target every time (a hash of its id).
 */
export function topOfHourSpreadMs(targetKey: string, now: Date): number {
  const m = now.getUTCMinutes() % 30;
  if (m !== 0 || now.getUTCSeconds() >= 5) return 0;
  let h = 0;
  for (const ch of targetKey) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return (5 + (h % 20)) * 1000;
}

/** Why a silenced delivery was skipped, as the log shows it. */
export function silenceReason(s: Pick<SilenceRow, 'matcher_kind' | 'matcher_value' | 'reason' | 'ends_at'>): string {
  const why = s.reason ? `: ${s.reason}` : '';
  return `silenced (${s.matcher_kind} ${s.matcher_value}) until ${s.ends_at.toISOString()}${why}`;
}
