import type { ChannelType, JsonObject } from '@herald/core';

/** A target's sending settings, secrets already opened (they never leave the server). */
export type SendTarget = {
  id?: string;
  channel: ChannelType;
  webhookUrl?: string | null;
  telegramBotToken?: string | null;
  dingtalkSecret?: string | null;
  feishuSecret?: string | null;
  /** Standard Webhooks secret (`whsec_…`) for custom targets. */
  signingSecret?: string | null;
  customHeaders?: Record<string, string> | null;
  proxyUrl?: string | null;
  proxyFallbackToDirect?: boolean;
};

export type SendContext = {
  /** Stable across every attempt of one delivery (Standard Webhooks `webhook-id`). */
  messageId: string;
  /** This attempt's time: signatures are computed per attempt. */
  now: Date;
  telegramApiBaseUrl: string;
};

export type PreparedRequest = { url: string; headers: Record<string, string>; body: string };

export type PlatformResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

export type FailureClass = 'retryable' | 'permanent';

export type Verdict =
  | { ok: true }
  | {
      ok: false;
      class: FailureClass;
      /** The platform's own code and message (errcode 93000, "invalid webhook url"). */
      code?: number | string;
      message: string;
      /** The platform's wait hint (Retry-After, Telegram retry_after). */
      retryAfterMs?: number;
      /** The platform's own rate-limit answer: the delivery waits, it does not fail or retry. */
      rateLimited?: boolean;
    };

/** One channel's sending: sign and address the request, then judge the platform's answer. */
export type ChannelSender = {
  channel: ChannelType;
  prepare(target: SendTarget, body: JsonObject, ctx: SendContext): PreparedRequest;
  judge(response: PlatformResponse): Verdict;
  /** Values that must never appear in a log, error or stored excerpt. */
  secretsOf(target: SendTarget): string[];
};

export class SenderConfigError extends Error {
  override name = 'SenderConfigError';
}

export function requireField(value: string | null | undefined, field: string, channel: ChannelType): string {
  const v = value?.trim();
  if (!v) throw new SenderConfigError(`${field}: required for a ${channel} target`);
  return v;
}
