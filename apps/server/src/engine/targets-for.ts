import {
  type BindingMentions,
  type ChannelType,
  type NotificationType,
  parseLegacyWebhook,
  type QuietHours,
} from '@herald/core';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db, Executor } from '../db/database.ts';
import { findBindingsByIds, findTargetsByIds } from '../db/repos/deliveries.ts';
import type { BindingRow } from '../db/tables/binding.ts';
import type { SettingsRow } from '../db/tables/settings.ts';
import type { TargetRow } from '../db/tables/target.ts';
import type { SendTarget } from '../senders/sender.ts';
import { readSettingsWithSecrets } from '../services/settings.ts';
import {
  legacyRecipientOf,
  openTarget,
  type PlainTarget,
  renderConfigOf,
  sendTargetOf,
} from '../services/target-record.ts';

/** Each type's switch and legacy URL in the settings row. */
export const TYPE_SETTINGS = {
  circuit_breaker: { enabled: 'circuit_breaker_enabled', webhook: 'circuit_breaker_webhook' },
  cost_alert: { enabled: 'cost_alert_enabled', webhook: 'cost_alert_webhook' },
  daily_leaderboard: { enabled: 'daily_leaderboard_enabled', webhook: 'daily_leaderboard_webhook' },
  cache_hit_rate: { enabled: 'cache_hit_rate_enabled', webhook: 'cache_hit_rate_webhook' },
  provider_balance: { enabled: 'provider_balance_enabled', webhook: 'provider_balance_webhook' },
} as const satisfies Record<NotificationType, { enabled: keyof SettingsRow; webhook: keyof SettingsRow }>;

/** Who gets one notification: a target (and the binding that chose it), or the type's legacy URL. */
export type Recipient = {
  targetId: string | null;
  targetName: string | null;
  bindingId: string | null;
  channel: ChannelType;
  /** The binding's quiet hours and the zone they are in (binding → settings). */
  quietHours?: QuietHours | null;
  timezone?: string | null;
};

export type Recipients = { recipients: Recipient[]; reason: string | null };

/** Why nothing goes out for this type right now, or null when its switches allow sending. */
export function switchedOff(settings: SettingsRow, type: NotificationType): string | null {
  if (!settings.enabled) return 'notifications are switched off';
  if (!settings[TYPE_SETTINGS[type].enabled]) return `${type} notifications are switched off`;
  return null;
}

/**
 * The recipients of a notification of `type` now, read inside the caller's transaction:
 * switches off → none; legacy mode → the type's URL; otherwise every enabled binding of the
 * type whose target is enabled (or only `onlyBindingId`).
 */
export async function recipientsFor(
  db: Executor,
  box: SecretBox,
  settings: SettingsRow,
  type: NotificationType,
  onlyBindingId?: string,
): Promise<Recipients> {
  const off = switchedOff(settings, type);
  if (off) return { recipients: [], reason: off };
  if (settings.use_legacy_mode) {
    if (onlyBindingId) return { recipients: [], reason: 'a binding was asked for, but Herald is in legacy mode' };
    const sealed = settings[TYPE_SETTINGS[type].webhook];
    if (!sealed) return { recipients: [], reason: `legacy mode has no ${type} webhook URL` };
    const parsed = parseLegacyWebhook(box.open(sealed));
    if (!parsed.ok) return { recipients: [], reason: `the legacy ${type} webhook URL is not usable: ${parsed.error}` };
    return {
      recipients: [{ targetId: null, targetName: null, bindingId: null, channel: parsed.value.channel }],
      reason: null,
    };
  }
  let q = db
    .selectFrom('binding')
    .innerJoin('target', 'target.id', 'binding.target_id')
    .select([
      'binding.id as binding_id',
      'target.id as target_id',
      'target.name',
      'target.provider_type',
      'binding.quiet_hours',
      'binding.schedule_timezone',
    ])
    .where('binding.notification_type', '=', type)
    .where('binding.is_enabled', '=', true)
    .where('target.is_enabled', '=', true)
    .orderBy('binding.created_at')
    .orderBy('target.created_at')
    .orderBy('target.id');
  if (onlyBindingId) q = q.where('binding.id', '=', onlyBindingId);
  const rows = await q.execute();
  if (rows.length === 0) {
    return {
      recipients: [],
      reason: onlyBindingId ? 'the binding is gone or disabled' : `no enabled ${type} bindings`,
    };
  }
  return {
    recipients: rows.map((r) => ({
      targetId: r.target_id,
      targetName: r.name,
      bindingId: r.binding_id,
      channel: r.provider_type as ChannelType,
      quietHours: r.quiet_hours,
      timezone: r.schedule_timezone ?? settings.timezone,
    })),
    reason: null,
  };
}

/** What a delivery row says about its recipient (the subset the run-time check needs). */
export type DeliveryRecipient = {
  notification_type: string;
  target_id: string | null;
  binding_id: string | null;
  /** Resent by an admin: goes out whatever the switches and bindings say, as long as the target exists. */
  resend_of: string | null;
};

/** Where to send now, or why not. */
export type RunTimeRecipient =
  | {
      ok: true;
      target: SendTarget;
      /** The target's settings a renderer may see (a chat id, a thread, recipients). */
      config: Record<string, unknown>;
      /** The binding's mentions (its target's channel decides how they are written). */
      mentions: BindingMentions | null;
      /** The binding's override, else the target's own template (custom targets). */
      customTemplate: Record<string, unknown> | null;
      bindingTimezone: string | null;
    }
  | { ok: false; reason: string };

/**
 * The check a delivery job makes when it runs: the switches, the mode, the binding and the
 * target as they are now (they may have changed since the notification was queued).
 */
export function recipientNow(
  d: DeliveryRecipient,
  settings: SettingsRow,
  legacyUrl: string | null,
  target: TargetRow | undefined,
  binding: BindingRow | undefined,
  /** Opens the target's secrets (the caller may cache it per batch). */
  open: (t: TargetRow) => PlainTarget,
): RunTimeRecipient {
  const type = d.notification_type as NotificationType;
  const manual = d.resend_of !== null;
  if (!manual) {
    const off = switchedOff(settings, type);
    if (off) return { ok: false, reason: off };
  }

  if (d.target_id === null) {
    if (!manual && !settings.use_legacy_mode) return { ok: false, reason: 'legacy mode was turned off' };
    if (!legacyUrl) return { ok: false, reason: `the legacy ${type} webhook URL was removed` };
    const parsed = parseLegacyWebhook(legacyUrl);
    if (!parsed.ok) return { ok: false, reason: `the legacy ${type} webhook URL is not usable: ${parsed.error}` };
    return {
      ok: true,
      ...legacyRecipientOf(parsed.value),
      customTemplate: null,
      bindingTimezone: null,
      mentions: null,
    };
  }

  if (!target) return { ok: false, reason: 'the target was deleted' };
  if (!manual) {
    if (settings.use_legacy_mode) return { ok: false, reason: 'Herald was switched to legacy mode' };
    if (!target.is_enabled) return { ok: false, reason: 'the target is disabled' };
    if (d.binding_id !== null) {
      if (!binding || binding.target_id !== target.id) return { ok: false, reason: 'the binding was removed' };
      if (!binding.is_enabled) return { ok: false, reason: 'the binding is disabled' };
    }
  }
  const plain = open(target);
  const useBinding = binding && binding.target_id === target.id ? binding : undefined;
  return {
    ok: true,
    target: sendTargetOf(target.id, plain),
    config: renderConfigOf(plain),
    mentions: useBinding?.mentions ?? null,
    customTemplate:
      useBinding?.template_override ?? (plain.customTemplate as Record<string, unknown> | undefined) ?? null,
    bindingTimezone: useBinding?.schedule_timezone ?? null,
  };
}

/** What a batch of deliveries is checked against when it runs: read once per fetched batch. */
export type RecipientContext = {
  settings: SettingsRow;
  /** Each type's legacy URL, opened. */
  legacy: Record<NotificationType, string | null>;
  targets: Map<string, TargetRow>;
  bindings: Map<string, BindingRow>;
  /** A target's secrets, opened once per batch. */
  open: (t: TargetRow) => PlainTarget;
};

const LEGACY_FIELD = {
  circuit_breaker: 'circuitBreakerWebhook',
  cost_alert: 'costAlertWebhook',
  daily_leaderboard: 'dailyLeaderboardWebhook',
  cache_hit_rate: 'cacheHitRateWebhook',
  provider_balance: 'providerBalanceWebhook',
} as const satisfies Record<NotificationType, string>;

export async function loadRecipientContext(
  db: Db,
  box: SecretBox,
  deliveries: Array<{ target_id: string | null; binding_id: string | null }>,
): Promise<RecipientContext> {
  const targetIds = [...new Set(deliveries.flatMap((d) => (d.target_id ? [d.target_id] : [])))];
  const bindingIds = [...new Set(deliveries.flatMap((d) => (d.binding_id ? [d.binding_id] : [])))];
  const [{ row: settings, legacy }, targets, bindings] = await Promise.all([
    readSettingsWithSecrets(db, box),
    findTargetsByIds(db, targetIds),
    findBindingsByIds(db, bindingIds),
  ]);
  const opened = new Map<string, PlainTarget>();
  return {
    settings,
    legacy: Object.fromEntries(
      (Object.keys(LEGACY_FIELD) as NotificationType[]).map((t) => [t, legacy[LEGACY_FIELD[t]]]),
    ) as Record<NotificationType, string | null>,
    targets: new Map(targets.map((t) => [t.id, t])),
    bindings: new Map(bindings.map((b) => [b.id, b])),
    open(t) {
      let plain = opened.get(t.id);
      if (!plain) {
        plain = openTarget(t, box);
        opened.set(t.id, plain);
      }
      return plain;
    },
  };
}
