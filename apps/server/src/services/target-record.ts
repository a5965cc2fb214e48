import type { ChannelType, LegacyWebhook, SecretState, TargetConfig, TargetView, TestResult } from '@herald/core';
import type { Insertable } from 'kysely';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { TargetHints, TargetRow, TargetTable } from '../db/tables/target.ts';
import type { SendTarget } from '../senders/sender.ts';
import { proxyHint, secretHint, urlHint } from './secret-hints.ts';

/** A target's settings in the clear: every field any type has, absent when unset. */
export type PlainTarget = Partial<{
  name: string;
  providerType: ChannelType;
  webhookUrl: string;
  telegramBotToken: string;
  telegramChatId: string;
  telegramTopicId: number;
  dingtalkSecret: string;
  feishuSecret: string;
  signingSecret: string;
  customTemplate: Record<string, unknown>;
  customHeaders: Record<string, string>;
  proxyUrl: string;
  proxyFallbackToDirect: boolean;
  isEnabled: boolean;
  pacePerMinute: number;
}>;

const SEALED = {
  webhookUrl: 'webhook_url',
  telegramBotToken: 'telegram_bot_token',
  dingtalkSecret: 'dingtalk_secret',
  feishuSecret: 'feishu_secret',
  signingSecret: 'signing_secret',
  proxyUrl: 'proxy_url',
} as const;

const HINT: Record<keyof typeof SEALED, (v: string) => string> = {
  webhookUrl: urlHint,
  telegramBotToken: secretHint,
  dingtalkSecret: secretHint,
  feishuSecret: secretHint,
  signingSecret: secretHint,
  proxyUrl: proxyHint,
};

export function openTarget(row: TargetRow, box: SecretBox): PlainTarget {
  const t: PlainTarget = {
    name: row.name,
    providerType: row.provider_type as ChannelType,
    isEnabled: row.is_enabled,
    proxyFallbackToDirect: row.proxy_fallback_to_direct,
  };
  if (row.pace_per_minute !== null) t.pacePerMinute = row.pace_per_minute;
  for (const [field, column] of Object.entries(SEALED) as Array<[keyof typeof SEALED, keyof TargetRow]>) {
    const sealed = row[column] as string | null;
    if (sealed !== null) t[field] = box.open(sealed);
  }
  if (row.custom_headers !== null) t.customHeaders = JSON.parse(box.open(row.custom_headers)) as Record<string, string>;
  if (row.telegram_chat_id !== null) t.telegramChatId = row.telegram_chat_id;
  if (row.telegram_topic_id !== null) t.telegramTopicId = row.telegram_topic_id;
  if (row.custom_template !== null) t.customTemplate = row.custom_template;
  return t;
}

/** A validated config as columns: secrets sealed, hints computed, other types' fields empty. */
export function sealTarget(c: TargetConfig, box: SecretBox): Insertable<TargetTable> {
  const fields = c as Partial<Record<keyof typeof SEALED, string | null>>;
  const hints: TargetHints = {};
  const seal = (field: keyof typeof SEALED): string | null => {
    const v = fields[field];
    if (typeof v !== 'string' || v === '') return null;
    hints[field] = HINT[field](v);
    return box.seal(v);
  };
  const headers =
    c.providerType === 'custom' && c.customHeaders && Object.keys(c.customHeaders).length > 0 ? c.customHeaders : null;
  if (headers) hints.customHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, secretHint(v)]));
  return {
    name: c.name,
    provider_type: c.providerType,
    is_enabled: c.isEnabled ?? true,
    webhook_url: seal('webhookUrl'),
    telegram_bot_token: seal('telegramBotToken'),
    dingtalk_secret: seal('dingtalkSecret'),
    feishu_secret: seal('feishuSecret'),
    signing_secret: seal('signingSecret'),
    proxy_url: seal('proxyUrl'),
    custom_headers: headers ? box.seal(JSON.stringify(headers)) : null,
    telegram_chat_id: c.providerType === 'telegram' ? c.telegramChatId : null,
    telegram_topic_id: c.providerType === 'telegram' ? (c.telegramTopicId ?? null) : null,
    custom_template: c.providerType === 'custom' ? JSON.stringify(c.customTemplate) : null,
    proxy_fallback_to_direct: c.proxyFallbackToDirect ?? false,
    pace_per_minute: c.pacePerMinute ?? null,
    hints: JSON.stringify(hints),
    updated_at: new Date(),
  };
}

export function targetView(row: TargetRow): TargetView {
  const state = (field: keyof typeof SEALED): SecretState => {
    const set = row[SEALED[field]] !== null;
    return { set, hint: set ? (row.hints[field] ?? null) : null };
  };
  const headerHints = row.hints.customHeaders;
  return {
    id: row.id,
    name: row.name,
    providerType: row.provider_type as ChannelType,
    isEnabled: row.is_enabled,
    webhookUrl: state('webhookUrl'),
    telegramBotToken: state('telegramBotToken'),
    telegramChatId: row.telegram_chat_id,
    telegramTopicId: row.telegram_topic_id,
    dingtalkSecret: state('dingtalkSecret'),
    feishuSecret: state('feishuSecret'),
    signingSecret: state('signingSecret'),
    customTemplate: row.custom_template,
    customHeaders:
      row.custom_headers !== null && headerHints
        ? Object.fromEntries(Object.entries(headerHints).map(([k, hint]) => [k, { set: true, hint }]))
        : null,
    proxyUrl: state('proxyUrl'),
    proxyFallbackToDirect: row.proxy_fallback_to_direct,
    pacePerMinute: row.pace_per_minute,
    lastTestAt: row.last_test_at?.toISOString() ?? null,
    lastTestResult: (row.last_test_result as TestResult | null) ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What a sender needs from a stored target. */
export function sendTargetOf(id: string, t: PlainTarget): SendTarget {
  return {
    id,
    channel: t.providerType as ChannelType,
    webhookUrl: t.webhookUrl ?? null,
    telegramBotToken: t.telegramBotToken ?? null,
    dingtalkSecret: t.dingtalkSecret ?? null,
    feishuSecret: t.feishuSecret ?? null,
    signingSecret: t.signingSecret ?? null,
    customHeaders: t.customHeaders ?? null,
    proxyUrl: t.proxyUrl ?? null,
    proxyFallbackToDirect: t.proxyFallbackToDirect ?? false,
  };
}

/** Where a legacy URL sends: the URL itself, or Telegram's bot token with the chat (and topic) from its query. */
export function legacyRecipientOf(v: LegacyWebhook): {
  target: SendTarget;
  telegram: { chatId: string; topicId: number | null } | null;
} {
  if (v.channel === 'telegram') {
    return {
      target: { channel: 'telegram', telegramBotToken: v.botToken },
      telegram: { chatId: v.chatId, topicId: v.topicId },
    };
  }
  return { target: { channel: v.channel, webhookUrl: v.url }, telegram: null };
}
