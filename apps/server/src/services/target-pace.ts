import {
  CHANNEL_PACE,
  type ChannelType,
  NOTIFICATION_TYPES,
  type NotificationType,
  paceIntervalMs,
  parseLegacyWebhook,
  perMinuteOf,
  type TargetPaceView,
} from '@herald/core';
import { readPaces, waitingByTarget } from '../db/repos/pace.ts';
import type { AppDeps } from '../deps.ts';
import { readSettingsWithSecrets } from './settings.ts';
import { legacyRecipientOf } from './target-record.ts';

const LEGACY_FIELD = {
  circuit_breaker: 'circuitBreakerWebhook',
  cost_alert: 'costAlertWebhook',
  daily_leaderboard: 'dailyLeaderboardWebhook',
  cache_hit_rate: 'cacheHitRateWebhook',
  provider_balance: 'providerBalanceWebhook',
} as const satisfies Record<NotificationType, string>;

/**
 * Each target's pace (its platform's, its own, slowed after a refusal) and what waits for it;
 * in legacy mode, each type's URL. For the dashboard: read-only, no secrets.
 */
export async function targetPaces(deps: Pick<AppDeps, 'db' | 'secretBox' | 'clock'>): Promise<TargetPaceView[]> {
  const now = deps.clock.now();
  const [targets, paces, waiting, { legacy }] = await Promise.all([
    deps.db.selectFrom('target').select(['id', 'provider_type', 'config', 'pace_per_minute']).execute(),
    readPaces(deps.db),
    waitingByTarget(deps.db),
    readSettingsWithSecrets(deps.db, deps.secretBox),
  ]);
  const paceOf = new Map(paces.map((p) => [p.key, p]));
  const waitOf = new Map(waiting.map((w) => [w.target_id ?? `legacy:${w.type}`, w]));
  const view = (
    key: string,
    targetId: string | null,
    type: NotificationType | null,
    channel: ChannelType,
    config: Record<string, unknown>,
    own: number | null,
  ): TargetPaceView => {
    const platform = CHANNEL_PACE[channel](config);
    const interval = paceIntervalMs(platform, own);
    const row = paceOf.get(key);
    const slowed = row?.slowed_until && row.slowed_until > now ? row.slowed_until : null;
    const w = waitOf.get(key);
    return {
      targetId,
      type,
      platformPerMinute: perMinuteOf(paceIntervalMs(platform)),
      effectivePerMinute: perMinuteOf(
        interval === null ? null : interval * (slowed ? Number(row?.slow_factor ?? 1) : 1),
      ),
      slowedUntil: slowed?.toISOString() ?? null,
      waiting: w?.n ?? 0,
      nextAt: w?.next_at?.toISOString() ?? null,
      refusals: row?.refusals ?? 0,
      lastRefusalAt: row?.last_refusal_at?.toISOString() ?? null,
    };
  };
  const out = targets.map((t) => view(t.id, t.id, null, t.provider_type as ChannelType, t.config, t.pace_per_minute));
  for (const type of NOTIFICATION_TYPES) {
    const url = legacy[LEGACY_FIELD[type]];
    const parsed = url ? parseLegacyWebhook(url) : null;
    if (!parsed?.ok) continue;
    out.push(view(`legacy:${type}`, null, type, parsed.value.channel, legacyRecipientOf(parsed.value).config, null));
  }
  return out;
}
