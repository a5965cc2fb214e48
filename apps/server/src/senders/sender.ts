import type { ChannelType, FieldsOf, JsonObject, OpenConfigOf } from '@herald/core';
import type { OpenedSocket, OpenSocketOptions } from '../net/index.ts';

type SendTargetBase<C extends ChannelType> = {
  id?: string;
  channel: C;
  proxyUrl?: string | null;
  proxyFallbackToDirect?: boolean;
};

/** One channel's target as its sender gets it: the channel's fields, secrets opened (they never leave the server). */
export type SendTargetOf<C extends ChannelType> = SendTargetBase<C> & OpenConfigOf<FieldsOf<C>>;
export type SendTarget = { [C in ChannelType]: SendTargetOf<C> }[ChannelType];

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

/** One channel's sending over HTTP: sign and address the request, then judge the platform's answer. */
export type HttpChannelSender<C extends ChannelType = ChannelType> = {
  channel: C;
  prepare(target: SendTargetOf<C>, body: JsonObject, ctx: SendContext): PreparedRequest;
  judge(response: PlatformResponse): Verdict;
  /** Values that must never appear in a log, error or stored excerpt. */
  secretsOf(target: SendTargetOf<C>): string[];
};

/** What one attempt over a channel's own transport (SMTP) came to. */
export type TransportAnswer = {
  verdict: Verdict;
  /** The server's status (an SMTP reply code), when it answered. */
  status: number | null;
  /** The server's last reply, for the log (redacted by the caller). */
  response: string | null;
  via: 'proxy' | 'direct' | null;
  bytes: number;
};

export type TransportContext = SendContext & {
  /** A socket checked against the outbound policy (through the target's SOCKS proxy, if any). */
  openSocket(o: OpenSocketOptions): Promise<OpenedSocket>;
  signal?: AbortSignal | undefined;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
};

/** A channel that does not post JSON over HTTP (email): it makes each attempt itself. */
export type TransportChannelSender<C extends ChannelType = ChannelType> = {
  channel: C;
  transport: 'own';
  attempt(target: SendTargetOf<C>, body: JsonObject, ctx: TransportContext): Promise<TransportAnswer>;
  secretsOf(target: SendTargetOf<C>): string[];
};

export type ChannelSender<C extends ChannelType = ChannelType> = HttpChannelSender<C> | TransportChannelSender<C>;

export class SenderConfigError extends Error {
  override name = 'SenderConfigError';
}

export function requireField(value: string | null | undefined, field: string, channel: ChannelType): string {
  const v = value?.trim();
  if (!v) throw new SenderConfigError(`${field}: required for a ${channel} target`);
  return v;
}
