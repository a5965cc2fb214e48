import type { JsonObject } from '@herald/core';
import type { Attempt } from '../domain/attempt.ts';
import type { Logger } from '../logger.ts';
import { redactText } from '../logger.ts';
import { type HttpClient, TransportError } from '../net/index.ts';
import type { Clock } from './clock.ts';
import { senderOf } from './index.ts';
import {
  type ChannelSender,
  type FailureClass,
  type HttpChannelSender,
  SenderConfigError,
  type SendTarget,
  type TransportAnswer,
  type TransportContext,
  type Verdict,
} from './sender.ts';

/** The spec's sender retries: 3 after the first try, waiting 1 s, 2 s, 4 s. */
export const SENDER_RETRY_DELAYS_MS = [1_000, 2_000, 4_000] as const;
/** A platform asking for a longer wait than this is left to the queue's retry instead. */
export const MAX_IN_JOB_WAIT_MS = 60_000;
const EXCERPT_CHARS = 1_000;

export type SendResult = {
  ok: boolean;
  failureClass: FailureClass | null;
  error: string | null;
  statusCode: number | null;
  /** Time of the last attempt. */
  latencyMs: number;
  responseExcerpt: string | null;
  attempts: Attempt[];
  /** Set when the platform asked for a wait longer than a job should hold. */
  retryAfterMs: number | null;
  /** The platform refused for its rate limit: wait and slow down, no retry used. */
  rateLimited: boolean;
};

export type SendDeps = {
  http: HttpClient;
  clock: Clock;
  logger: Logger;
  telegramApiBaseUrl: string;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
};

function transportVerdict(err: TransportError): Verdict {
  // Refused by policy, a redirect, a bad request or certificate: trying again changes nothing.
  const permanent = ['policy', 'redirect', 'request', 'tls'].includes(err.kind);
  return { ok: false, class: permanent ? 'permanent' : 'retryable', code: err.kind, message: err.message };
}

/**
 * Sends one rendered body to one target: sign (per attempt), post, judge, and retry retryable
 * failures after 1 s, 2 s and 4 s (or the platform's longer hint, within a bound).
 */
export async function sendToTarget(
  deps: SendDeps,
  target: SendTarget,
  body: JsonObject,
  opts: { messageId: string; signal?: AbortSignal },
): Promise<SendResult> {
  const sender = senderOf(target.channel);
  const secrets = safeSecrets(() => sender.secretsOf(target as never));
  const redact = (s: string) => redactText(s, secrets);
  // Fields on each line, not a child logger: a pino child costs redaction setup on every send.
  const where = { channel: target.channel, targetId: target.id };
  const log = deps.logger;
  const attempts: Attempt[] = [];
  let last: { verdict: Verdict; status: number | null; latencyMs: number; excerpt: string | null } | null = null;

  for (let i = 0; i <= SENDER_RETRY_DELAYS_MS.length; i++) {
    const now = deps.clock.now();
    const started = performance.now();
    let answer: TransportAnswer;
    try {
      answer = await attemptOnce(deps, sender, target, body, {
        messageId: opts.messageId,
        now,
        telegramApiBaseUrl: deps.telegramApiBaseUrl,
        openSocket: deps.http.openSocket,
        signal: opts.signal,
        connectTimeoutMs: deps.connectTimeoutMs,
        totalTimeoutMs: deps.totalTimeoutMs,
      });
    } catch (err) {
      if (!(err instanceof SenderConfigError)) throw err;
      last = {
        verdict: { ok: false, class: 'permanent', message: err.message },
        status: null,
        latencyMs: 0,
        excerpt: null,
      };
      break;
    }
    const { verdict, status, via } = answer;
    const excerpt = answer.response === null ? null : redact(answer.response.slice(0, EXCERPT_CHARS));
    const latencyMs = Math.round(performance.now() - started);
    const error = verdict.ok ? null : redact(verdict.message);
    attempts.push({
      at: now.toISOString(),
      outcome: verdict.ok ? 'success' : verdict.class,
      statusCode: status,
      latencyMs,
      via,
      error,
    });
    log.info(
      {
        ...where,
        action: 'webhook_send',
        attempt: i + 1,
        outcome: verdict.ok ? 'success' : verdict.class,
        status,
        latencyMs,
        via,
        bytes: answer.bytes,
        ...(error ? { error } : {}),
      },
      verdict.ok ? 'webhook sent' : 'webhook attempt failed',
    );
    last = { verdict, status, latencyMs, excerpt };
    // A rate-limit answer ends the run: trying again soon only counts against the platform's window.
    if (verdict.ok || verdict.class === 'permanent' || verdict.rateLimited || i === SENDER_RETRY_DELAYS_MS.length)
      break;
    const wait = Math.max(SENDER_RETRY_DELAYS_MS[i] as number, verdict.retryAfterMs ?? 0);
    if (wait > MAX_IN_JOB_WAIT_MS || opts.signal?.aborted) break;
    await abortable(deps.clock.sleep(wait), opts.signal);
    if (opts.signal?.aborted) break;
  }

  const final = last as NonNullable<typeof last>;
  const v = final.verdict;
  const result: SendResult = {
    ok: v.ok,
    failureClass: v.ok ? null : v.class,
    error: v.ok ? null : redact(v.message),
    statusCode: final.status,
    latencyMs: final.latencyMs,
    responseExcerpt: final.excerpt,
    attempts,
    retryAfterMs: !v.ok && v.retryAfterMs !== undefined ? v.retryAfterMs : null,
    rateLimited: !v.ok && v.rateLimited === true,
  };
  if (!v.ok) {
    log.warn(
      {
        ...where,
        action: 'webhook_send_failed',
        attempts: attempts.length,
        failureClass: v.class,
        error: result.error,
      },
      'webhook send failed',
    );
  }
  return result;
}

/** One attempt: a JSON POST judged by the channel, or the channel's own transport (SMTP). */
async function attemptOnce(
  deps: SendDeps,
  sender: ChannelSender,
  target: SendTarget,
  body: JsonObject,
  ctx: TransportContext,
): Promise<TransportAnswer> {
  if ('transport' in sender) return sender.attempt(target as never, body, ctx);
  const http = sender as HttpChannelSender;
  const request = http.prepare(target as never, body, ctx);
  const bytes = Buffer.byteLength(request.body);
  try {
    const res = await deps.http.postJson({
      url: request.url,
      body: request.body,
      headers: request.headers,
      proxyUrl: target.proxyUrl ?? null,
      proxyFallbackToDirect: target.proxyFallbackToDirect ?? false,
      connectTimeoutMs: ctx.connectTimeoutMs,
      totalTimeoutMs: ctx.totalTimeoutMs,
      signal: ctx.signal,
    });
    const verdict = http.judge({ status: res.status, headers: res.headers, body: res.body });
    return { verdict, status: res.status, response: res.body, via: res.via, bytes };
  } catch (err) {
    if (!(err instanceof TransportError)) throw err;
    return { verdict: transportVerdict(err), status: null, response: null, via: err.via, bytes };
  }
}

/** `p`, or sooner when `signal` aborts. */
function abortable(p: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return p;
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
    p.then(resolve, resolve);
  });
}

function safeSecrets(fn: () => string[]): string[] {
  try {
    return fn().filter((s) => s.length >= 4);
  } catch {
    return [];
  }
}
