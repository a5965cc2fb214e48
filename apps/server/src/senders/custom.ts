import { Webhook } from 'standardwebhooks';
import { byStatus } from './judge.ts';
import { type HttpChannelSender, requireField } from './sender.ts';

/**
 * Custom webhook: any 2xx is success. With a `whsec_` secret the request is signed the
 * Standard Webhooks way: `webhook-id` (stable across retries), `webhook-timestamp`, `webhook-signature`.
 */
export const customSender: HttpChannelSender<'custom'> = {
  channel: 'custom',
  prepare(target, body, { messageId, now }) {
    const url = requireField(target.webhookUrl, 'webhookUrl', 'custom');
    const payload = JSON.stringify(body);
    const headers: Record<string, string> = { ...(target.customHeaders ?? {}) };
    if (target.signingSecret) {
      headers['webhook-id'] = messageId;
      headers['webhook-timestamp'] = String(Math.floor(now.getTime() / 1000));
      headers['webhook-signature'] = new Webhook(target.signingSecret).sign(messageId, now, payload);
    }
    return { url, headers, body: payload };
  },
  judge: (res) => byStatus(res, res.status >= 300 ? `HTTP ${res.status}: ${res.body.slice(0, 200)}` : undefined),
  secretsOf: (t) => [t.webhookUrl ?? '', t.signingSecret ?? '', ...Object.values(t.customHeaders ?? {})],
};
