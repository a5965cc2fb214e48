import {
  issueCodeOf,
  LEGACY_WEBHOOK_FIELDS,
  LEGACY_WEBHOOK_TYPE,
  type LegacyChannel,
  type LegacyWebhookField,
  type MigrateLegacyResult,
  type NotificationType,
  parseLegacyWebhook,
  TargetConfig,
  type TargetView,
} from '@herald/core';
import { readSettings, writeSettings } from '../db/repos/settings.ts';
import * as targets from '../db/repos/targets.ts';
import type { AppDeps } from '../deps.ts';
import { recordAudit } from './audit.ts';
import { reconcileSchedules } from './reconcile-after-change.ts';
import { refusal } from './refusal.ts';
import { SYSTEM_TIMEZONE, settingsView } from './settings.ts';
import { sealTarget, targetView } from './target-record.ts';

const COLUMN = {
  circuitBreakerWebhook: 'circuit_breaker_webhook',
  costAlertWebhook: 'cost_alert_webhook',
  dailyLeaderboardWebhook: 'daily_leaderboard_webhook',
  cacheHitRateWebhook: 'cache_hit_rate_webhook',
  providerBalanceWebhook: 'provider_balance_webhook',
} as const satisfies Record<LegacyWebhookField, string>;

/** Legacy URLs point at one of the four platforms it detects. */
const PLATFORM: Record<LegacyChannel, string> = {
  wechat: 'WeCom',
  feishu: 'Feishu',
  dingtalk: 'DingTalk',
  telegram: 'Telegram',
};

const TYPE_NAME: Record<NotificationType, string> = {
  circuit_breaker: 'circuit breaker',
  cost_alert: 'cost alert',
  daily_leaderboard: 'daily leaderboard',
  cache_hit_rate: 'cache hit-rate alert',
  provider_balance: 'provider balance alert',
};

/** A target's config for a legacy URL: the platform from its host, Telegram's chat and topic from its query. */
function configOf(url: string, types: NotificationType[]): TargetConfig {
  const parsed = parseLegacyWebhook(url);
  if (!parsed.ok) {
    throw refusal(
      'legacy.not_migratable',
      { types: types.join(','), issue: parsed.issue, ...parsed.params },
      `the legacy ${types.join(' and ')} webhook URL cannot be migrated: ${parsed.error}`,
    );
  }
  const v = parsed.value;
  const name = `${PLATFORM[v.channel]} (legacy): ${types.map((t) => TYPE_NAME[t]).join(', ')}`;
  const raw =
    v.channel === 'telegram'
      ? {
          name,
          providerType: 'telegram',
          telegramBotToken: v.botToken,
          telegramChatId: v.chatId,
          telegramTopicId: v.topicId,
        }
      : { name, providerType: v.channel, webhookUrl: v.url };
  const config = TargetConfig.safeParse(raw);
  if (!config.success) {
    const first = issueCodeOf(config.error.issues[0] ?? {});
    throw refusal(
      'legacy.not_migratable',
      { types: types.join(','), issue: first.code, ...first.params },
      `the legacy ${types.join(' and ')} webhook URL cannot be migrated: ${config.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return config.data;
}

/**
 * Turns the legacy single-URL settings into targets in one transaction: one target per distinct
 * stored URL (secrets stay sealed), bound to each type that used it; the legacy URLs are cleared
 * and legacy mode switched off, then schedules are reconciled. Nothing stored: nothing changes.
 */
export async function migrateLegacyWebhooks(deps: AppDeps, actor: string): Promise<MigrateLegacyResult> {
  const result = await deps.db.transaction().execute(async (trx) => {
    const before = await readSettings(trx, SYSTEM_TIMEZONE, true);
    const byUrl = new Map<string, { fields: LegacyWebhookField[]; types: NotificationType[] }>();
    for (const field of LEGACY_WEBHOOK_FIELDS) {
      const sealed = before[COLUMN[field]];
      if (sealed === null) continue;
      const url = deps.secretBox.open(sealed);
      const group = byUrl.get(url) ?? { fields: [], types: [] };
      group.fields.push(field);
      group.types.push(LEGACY_WEBHOOK_TYPE[field]);
      byUrl.set(url, group);
    }
    if (byUrl.size === 0) return null;

    const created: MigrateLegacyResult['created'] = [];
    for (const [url, { types }] of byUrl) {
      const config = configOf(url, types);
      const row = await targets.insertTarget(trx, sealTarget(config, deps.secretBox));
      const view: TargetView = targetView(row);
      await recordAudit(trx, {
        actor,
        action: 'target.create',
        entityType: 'target',
        entityId: row.id,
        before: null,
        after: view,
      });
      await trx
        .insertInto('binding')
        .values(types.map((type) => ({ notification_type: type, target_id: row.id, is_enabled: true })))
        .execute();
      await recordAudit(trx, {
        actor,
        action: 'bindings.add',
        entityType: 'bindings',
        entityId: row.id,
        before: null,
        after: types.map((type) => ({ notificationType: type, targetId: row.id, targetName: row.name })),
      });
      created.push({ targetId: row.id, name: row.name, channel: config.providerType as LegacyChannel, types });
    }

    const hints = { ...before.hints };
    for (const field of LEGACY_WEBHOOK_FIELDS) delete hints[field];
    const after = await writeSettings(trx, {
      use_legacy_mode: false,
      circuit_breaker_webhook: null,
      cost_alert_webhook: null,
      daily_leaderboard_webhook: null,
      cache_hit_rate_webhook: null,
      provider_balance_webhook: null,
      hints: JSON.stringify(hints),
    });
    await recordAudit(trx, {
      actor,
      action: 'settings.legacy_migrated',
      entityType: 'settings',
      entityId: null,
      before: settingsView(before),
      after: settingsView(after),
    });
    return created;
  });

  if (result === null) {
    const settings = await readSettings(deps.db, SYSTEM_TIMEZONE);
    return {
      created: [],
      useLegacyMode: settings.use_legacy_mode,
      message: 'nothing to migrate: no legacy webhook URL is stored',
    };
  }
  await reconcileSchedules(deps);
  return {
    created: result,
    useLegacyMode: false,
    message: `migrated ${byCount(result.length)} to targets and switched legacy mode off`,
  };
}

const byCount = (n: number) => (n === 1 ? '1 legacy webhook URL' : `${n} legacy webhook URLs`);
