import { byBusinessCode, jsonOf } from './judge.ts';
import { type HttpChannelSender, requireField } from './sender.ts';

/** WeCom: errcode 0 is success. 45009 = rate limited, -1 = system busy; 93000 bad key, 40058 too long. */
export const WECHAT_CODES = { retryable: [45009, -1], permanent: [93000, 40058], rateLimited: [45009] } as const;

export const wechatSender: HttpChannelSender<'wechat'> = {
  channel: 'wechat',
  prepare: (target, body) => ({
    url: requireField(target.webhookUrl, 'webhookUrl', 'wechat'),
    headers: {},
    body: JSON.stringify(body),
  }),
  judge(res) {
    const json = jsonOf(res);
    const code = typeof json?.errcode === 'number' ? json.errcode : undefined;
    return byBusinessCode(res, code, String(json?.errmsg ?? ''), WECHAT_CODES);
  },
  secretsOf: (t) => [t.webhookUrl ?? '', new URL(t.webhookUrl ?? 'http://x').searchParams.get('key') ?? ''],
};
