import { createHmac } from 'node:crypto';
import { byBusinessCode, jsonOf } from './judge.ts';
import { type HttpChannelSender, requireField } from './sender.ts';

/** Feishu: 9499 too many requests, 11232 flow control, 2200 internal; 19021 signature/timestamp. */
export const FEISHU_CODES = {
  retryable: [9499, 11232, 2200],
  permanent: [19021],
  rateLimited: [9499, 11232],
} as const;

/** Base64(HMAC-SHA256(key = `${seconds}\n${secret}`, message = empty)). */
export function feishuSign(timestampSeconds: number, secret: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

export const feishuSender: HttpChannelSender<'feishu'> = {
  channel: 'feishu',
  prepare(target, body, { now }) {
    const url = requireField(target.webhookUrl, 'webhookUrl', 'feishu');
    const secret = target.feishuSecret?.trim();
    if (!secret) return { url, headers: {}, body: JSON.stringify(body) };
    const ts = Math.floor(now.getTime() / 1000);
    return { url, headers: {}, body: JSON.stringify({ timestamp: String(ts), sign: feishuSign(ts, secret), ...body }) };
  },
  judge(res) {
    const json = jsonOf(res);
    // Older answers carry StatusCode/StatusMessage instead of code/msg.
    const raw = json?.code ?? json?.StatusCode;
    const code = typeof raw === 'number' ? raw : undefined;
    const msg = String(json?.msg ?? json?.StatusMessage ?? '');
    // 9499 also answers a malformed request ("Bad Request"): only "too many request" is worth a retry.
    if (code === 9499 && !/too many/i.test(msg))
      return { ok: false, class: 'permanent', code, message: `${code}: ${msg}` };
    return byBusinessCode(res, code, msg, FEISHU_CODES);
  },
  secretsOf: (t) => [t.webhookUrl ?? '', t.feishuSecret ?? '', (t.webhookUrl ?? '').split('/').pop() ?? ''],
};
