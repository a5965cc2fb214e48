import { byStatus, clampHint, jsonOf, retryAfterHeader } from './judge.ts';
import { type HttpChannelSender, requireField, type Verdict } from './sender.ts';

/**
 * Discord's JSON error codes a webhook answers with. Every one is about the target or the
 * body (permanent) except 130000, "API resource is currently overloaded" (retryable).
 */
export const DISCORD_CODES = {
  unknownChannel: 10003,
  unknownWebhook: 10015,
  missingAccess: 50001,
  cannotSendEmpty: 50006,
  missingPermissions: 50013,
  invalidWebhookToken: 50027,
  invalidFormBody: 50035,
  invalidJson: 50109,
  overloaded: 130000,
} as const;

type DiscordError = { code?: unknown; message?: unknown; errors?: unknown; retry_after?: unknown; global?: unknown };

/** The first complaint in Discord's nested `errors` ("embeds.0.title: Must be 256 or fewer in length."). */
export function firstFormError(errors: unknown, path: string[] = []): string | null {
  if (!errors || typeof errors !== 'object') return null;
  const own = (errors as { _errors?: Array<{ message?: unknown }> })._errors;
  const text = own?.[0]?.message;
  if (typeof text === 'string') return path.length > 0 ? `${path.join('.')}: ${text}` : text;
  for (const [key, value] of Object.entries(errors)) {
    if (key === '_errors') continue;
    const found = firstFormError(value, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** A 429: the JSON's `retry_after` (seconds, a fraction) is the precise wait, `Retry-After` the fallback. */
function rateLimited(res: Parameters<HttpChannelSender['judge']>[0], json: DiscordError | null): Verdict {
  const seconds = typeof json?.retry_after === 'number' ? json.retry_after : undefined;
  const hint = clampHint(seconds !== undefined ? Math.ceil(seconds * 1000) : retryAfterHeader(res));
  const global = json?.global === true || res.headers['x-ratelimit-global'] === 'true';
  const message = typeof json?.message === 'string' ? json.message : 'You are being rate limited.';
  return {
    ok: false,
    class: 'retryable',
    code: 429,
    message: global ? `${message} (global)` : message,
    rateLimited: true,
    ...(hint !== undefined ? { retryAfterMs: hint } : {}),
  };
}

/** Discord webhooks: execute with `?wait=true` (200 and the message) and, for a thread, `thread_id`. */
export const discordSender: HttpChannelSender<'discord'> = {
  channel: 'discord',
  prepare(target, body) {
    const url = new URL(requireField(target.webhookUrl, 'webhookUrl', 'discord'));
    // wait=true: Discord confirms the message was saved (or says why not) instead of a blind 204.
    url.searchParams.set('wait', 'true');
    const thread = target.discordThreadId?.trim();
    if (thread) url.searchParams.set('thread_id', thread);
    return { url: url.toString(), headers: {}, body: JSON.stringify(body) };
  },
  judge(res) {
    if (res.status >= 200 && res.status < 300) return { ok: true };
    const json = jsonOf(res) as DiscordError | null;
    if (res.status === 429) return rateLimited(res, json);
    const code = typeof json?.code === 'number' ? json.code : undefined;
    if (code === undefined) return byStatus(res, `HTTP ${res.status}: ${res.body.slice(0, 200)}`);
    const detail = firstFormError(json?.errors);
    const text = `${code}: ${String(json?.message ?? '')}${detail ? ` (${detail})` : ''}`;
    if (code === DISCORD_CODES.overloaded) return { ok: false, class: 'retryable', code, message: text };
    // 5xx stays retryable whatever the code; 4xx with a code is about the target or the body.
    const verdict = byStatus(res, text);
    return verdict.ok ? verdict : { ...verdict, code };
  },
  secretsOf: (t) => {
    const url = t.webhookUrl ?? '';
    // …/webhooks/{id}/{token}: the token alone is enough to post.
    const token = /\/webhooks\/\d+\/([^/?#]+)/.exec(url)?.[1] ?? '';
    return [url, token];
  },
};
