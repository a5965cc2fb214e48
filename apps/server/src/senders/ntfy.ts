import { ntfyRootOf, ntfyTopicOf } from '@herald/core';
import { byStatus, jsonOf } from './judge.ts';
import { type HttpChannelSender, requireField, SenderConfigError } from './sender.ts';

/**
 * ntfy's request limit (42901): a visitor's bucket refills one request every 5 s by default
 * (config.md, "Request limits"); ntfy sends no Retry-After, so that is the wait when none is given.
 */
export const NTFY_REFILL_MS = 5_000;
const REQUEST_LIMIT = 42901;

/** The topic and the root to publish JSON to, from the target's topic URL. */
function addressOf(topicUrl: string): { topic: string; root: string } {
  const topic = ntfyTopicOf(topicUrl);
  if (!topic) throw new SenderConfigError('webhookUrl: must end in an ntfy topic (1–64 letters, digits, _ or -)');
  return { topic, root: ntfyRootOf(topicUrl) };
}

/**
 * ntfy "Publish as JSON": POST `{topic, …}` to the server's root URL, with the access token as
 * `Authorization: Bearer`. Success is the stored message (`event: "message"` with its `id`);
 * errors are `{code, http, error}` (server/errors.go): 429xx limits, 400xx bad requests,
 * 40101/40301 auth, 41301/41303 too large.
 */
export const ntfySender: HttpChannelSender<'ntfy'> = {
  channel: 'ntfy',
  prepare(target, body) {
    const { topic, root } = addressOf(requireField(target.webhookUrl, 'webhookUrl', 'ntfy'));
    const token = target.ntfyToken?.trim();
    return {
      url: root,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ topic, ...body }),
    };
  },
  judge(res) {
    const json = jsonOf(res);
    if (res.status >= 200 && res.status < 300) {
      // A 2xx that is not ntfy's message (a proxy's page) is no proof of delivery.
      if (json?.event === 'message' && typeof json.id === 'string') return { ok: true };
      return { ok: false, class: 'permanent', message: `unexpected answer: ${res.body.slice(0, 200)}` };
    }
    const code = typeof json?.code === 'number' ? json.code : undefined;
    const error = typeof json?.error === 'string' ? json.error : res.body.slice(0, 200);
    const verdict = byStatus(res, code === undefined ? `HTTP ${res.status}: ${error}` : `${code}: ${error}`);
    if (verdict.ok || code === undefined) return verdict;
    if (code === REQUEST_LIMIT && verdict.rateLimited && verdict.retryAfterMs === undefined) {
      return { ...verdict, code, retryAfterMs: NTFY_REFILL_MS };
    }
    return { ...verdict, code };
  },
  secretsOf(t) {
    const url = t.webhookUrl ?? '';
    // On a public server the topic is the password; a short one (`alerts`) would mask common words.
    const topic = ntfyTopicOf(url) ?? '';
    return [url, t.ntfyToken ?? '', topic.length >= 8 ? topic : ''];
  },
};
