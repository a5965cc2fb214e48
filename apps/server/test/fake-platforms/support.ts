import {
  type BindingMentions,
  type ChannelType,
  type JsonObject,
  LOCALES,
  type Locale,
  NOTIFICATION_TYPES,
  type NotificationType,
  renderNotification,
  sampleData,
} from '@herald/core';
import { request } from 'undici';
import { afterEach } from 'vitest';
import type { PlatformResponse, SendContext } from '../../src/senders/sender.ts';

/** Helpers the fakes' own tests share. */

export const NOW = new Date('2026-03-01T08:00:00Z');
export const CHAT = '-1001234567890';

/** Call in a test file: returns `fake(start…())`, which closes the fake after each test. */
export function useFakes() {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((f) => f.close()));
  });
  return async function fake<T extends { close(): Promise<void> }>(started: Promise<T>): Promise<T> {
    const f = await started;
    open.push(f);
    return f;
  };
}

export type Json = Record<string, unknown>;
export type Posted = { status: number; headers: PlatformResponse['headers']; text: string; json: Json };

/** POSTs with undici (JSON content type unless overridden); `json` is {} when the answer is not JSON. */
export async function post(
  url: string,
  body: unknown,
  opts: { headers?: Record<string, string>; method?: 'POST' | 'GET' | 'PUT' } = {},
): Promise<Posted> {
  const method = opts.method ?? 'POST';
  const res = await request(url, {
    method,
    headers: { 'content-type': 'application/json', ...opts.headers },
    ...(method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.body.text();
  let json: Json = {};
  try {
    json = JSON.parse(text) as Json;
  } catch {}
  return { status: res.statusCode, headers: res.headers, text, json };
}

/** The answer as Herald's senders judge it. */
export const asResponse = (p: Posted): PlatformResponse => ({ status: p.status, headers: p.headers, body: p.text });

/** The exact body Herald sends for a notification. */
export function render(
  channel: ChannelType,
  type: NotificationType = 'circuit_breaker',
  locale: Locale = 'zh-CN',
  extra: { config?: Record<string, unknown>; mentions?: BindingMentions | null } = {},
): JsonObject {
  return renderNotification({
    type,
    data: sampleData(type, NOW),
    channel,
    locale,
    timezone: 'Asia/Shanghai',
    now: NOW,
    ...extra,
  }).body;
}

/** Every notification type in every locale. */
export const every = NOTIFICATION_TYPES.flatMap((type) => LOCALES.map((locale) => [type, locale] as const));

export const ctx = (now = new Date(), telegramApiBaseUrl = ''): SendContext => ({
  messageId: 'msg_0001',
  now,
  telegramApiBaseUrl,
});
