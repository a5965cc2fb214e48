import { createHmac } from 'node:crypto';
import { byBusinessCode, jsonOf } from './judge.ts';
import { type HttpChannelSender, requireField } from './sender.ts';

/** DingTalk: 130101 = sending too fast, -1 = busy; 310000 sign/keyword/IP, 460101 body too large. */
export const DINGTALK_CODES = {
  retryable: [130101, -1],
  permanent: [310000, 460101],
  rateLimited: [130101],
} as const;

/** Base64(HMAC-SHA256(key = secret, message = `${ms}\n${secret}`)). */
export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

export const dingtalkSender: HttpChannelSender<'dingtalk'> = {
  channel: 'dingtalk',
  prepare(target, body, { now }) {
    const url = new URL(requireField(target.webhookUrl, 'webhookUrl', 'dingtalk'));
    const secret = target.dingtalkSecret?.trim();
    if (secret) {
      const ts = now.getTime();
      url.searchParams.set('timestamp', String(ts));
      url.searchParams.set('sign', dingtalkSign(ts, secret));
    }
    return { url: url.toString(), headers: {}, body: JSON.stringify(body) };
  },
  judge(res) {
    const json = jsonOf(res);
    const code = typeof json?.errcode === 'number' ? json.errcode : undefined;
    return byBusinessCode(res, code, String(json?.errmsg ?? ''), DINGTALK_CODES);
  },
  secretsOf: (t) => [
    t.webhookUrl ?? '',
    t.dingtalkSecret ?? '',
    new URL(t.webhookUrl ?? 'http://x').searchParams.get('access_token') ?? '',
  ],
};
