import {
  CHANNEL_FIELDS,
  type ChannelType,
  channelOf,
  isSecretKind,
  type LegacyWebhook,
  type SecretState,
  type TargetConfig,
  type TargetView,
  type TestResult,
} from '@herald/core';
import type { Insertable } from 'kysely';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { TargetHints, TargetRow, TargetTable } from '../db/tables/target.ts';
import type { SendTarget } from '../senders/sender.ts';
import { proxyHint, secretHint, urlHint } from './secret-hints.ts';

/** A target's settings in the clear: the common ones and its channel's fields, absent when unset. */
export type PlainTarget = Partial<{
  name: string;
  providerType: ChannelType;
  proxyUrl: string;
  proxyFallbackToDirect: boolean;
  isEnabled: boolean;
  pacePerMinute: number;
}> &
  Record<string, unknown>;

const HINT = { url: urlHint, secret: secretHint } as const;

export function openTarget(row: TargetRow, box: SecretBox): PlainTarget {
  const t: PlainTarget = {
    name: row.name,
    providerType: row.provider_type as ChannelType,
    isEnabled: row.is_enabled,
    proxyFallbackToDirect: row.proxy_fallback_to_direct,
  };
  if (row.pace_per_minute !== null) t.pacePerMinute = row.pace_per_minute;
  if (row.proxy_url !== null) t.proxyUrl = box.open(row.proxy_url);
  Object.assign(t, row.config);
  for (const [field, sealed] of Object.entries(row.secrets)) {
    const open = box.open(sealed);
    t[field] = CHANNEL_FIELDS.get(field as never)?.kind === 'headers' ? JSON.parse(open) : open;
  }
  return t;
}

/** A validated config as columns: its channel's secrets sealed one by one with their hints, the rest plain. */
export function sealTarget(c: TargetConfig, box: SecretBox): Insertable<TargetTable> {
  const values = c as unknown as Record<string, unknown>;
  const hints: TargetHints = {};
  const secrets: Record<string, string> = {};
  const config: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(channelOf(c.providerType).fields)) {
    const v = values[field];
    if (v === undefined || v === null || v === '') continue;
    if (spec.kind === 'headers') {
      const headers = v as Record<string, string>;
      if (Object.keys(headers).length === 0) continue;
      hints.customHeaders = Object.fromEntries(Object.entries(headers).map(([k, h]) => [k, secretHint(h)]));
      secrets[field] = box.seal(JSON.stringify(headers));
    } else if (spec.kind === 'url' || spec.kind === 'secret') {
      (hints as Record<string, string>)[field] = HINT[spec.kind](v as string);
      secrets[field] = box.seal(v as string);
    } else config[field] = v;
  }
  if (c.proxyUrl) hints.proxyUrl = proxyHint(c.proxyUrl);
  return {
    name: c.name,
    provider_type: c.providerType,
    is_enabled: c.isEnabled ?? true,
    secrets: JSON.stringify(secrets),
    config: JSON.stringify(config),
    proxy_url: c.proxyUrl ? box.seal(c.proxyUrl) : null,
    proxy_fallback_to_direct: c.proxyFallbackToDirect ?? false,
    pace_per_minute: c.pacePerMinute ?? null,
    hints: JSON.stringify(hints),
    updated_at: new Date(),
  };
}

export function targetView(row: TargetRow): TargetView {
  const secretState = (set: boolean, hint: string | undefined): SecretState => ({
    set,
    hint: set ? (hint ?? null) : null,
  });
  const fields: Record<string, unknown> = {};
  for (const [field, spec] of CHANNEL_FIELDS) {
    const sealed = row.secrets[field] !== undefined;
    if (spec.kind === 'headers') {
      const hints = row.hints.customHeaders;
      fields[field] =
        sealed && hints ? Object.fromEntries(Object.entries(hints).map(([k, hint]) => [k, { set: true, hint }])) : null;
    } else if (spec.kind === 'url' || spec.kind === 'secret') {
      fields[field] = secretState(sealed, row.hints[field] as string | undefined);
    } else fields[field] = row.config[field] ?? null;
  }
  return {
    ...fields,
    id: row.id,
    name: row.name,
    providerType: row.provider_type as ChannelType,
    isEnabled: row.is_enabled,
    proxyUrl: secretState(row.proxy_url !== null, row.hints.proxyUrl),
    proxyFallbackToDirect: row.proxy_fallback_to_direct,
    pacePerMinute: row.pace_per_minute,
    lastTestAt: row.last_test_at?.toISOString() ?? null,
    lastTestResult: (row.last_test_result as TestResult | null) ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  } as TargetView;
}

/** What a sender needs from a stored target: its channel's fields, secrets opened. */
export function sendTargetOf(id: string, t: PlainTarget): SendTarget {
  const channel = t.providerType as ChannelType;
  const fields = Object.fromEntries(Object.keys(channelOf(channel).fields).map((f) => [f, t[f] ?? null]));
  return {
    ...fields,
    id,
    channel,
    proxyUrl: t.proxyUrl ?? null,
    proxyFallbackToDirect: t.proxyFallbackToDirect ?? false,
  } as SendTarget;
}

/** The target's settings a renderer may see: its channel's fields that are not secret. */
export function renderConfigOf(t: PlainTarget): Record<string, unknown> {
  const fields = channelOf(t.providerType as ChannelType).fields;
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([f, spec]) => !isSecretKind(spec.kind) && t[f] !== undefined)
      .map(([f]) => [f, t[f]]),
  );
}

/** Where a legacy URL sends: the URL itself, or Telegram's bot token with the chat (and topic) from its query. */
export function legacyRecipientOf(v: LegacyWebhook): { target: SendTarget; config: Record<string, unknown> } {
  if (v.channel === 'telegram') {
    return {
      target: { channel: 'telegram', telegramBotToken: v.botToken },
      config: { telegramChatId: v.chatId, telegramTopicId: v.topicId },
    };
  }
  return { target: { channel: v.channel, webhookUrl: v.url }, config: {} };
}
