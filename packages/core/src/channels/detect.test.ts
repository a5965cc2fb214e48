import { describe, expect, it } from 'vitest';
import { detectChannel } from './detect.ts';

describe('detectChannel', () => {
  it('lists every platform host it knows when the host is not one', () => {
    expect(detectChannel('https://Example.COM/x')).toEqual({
      ok: false,
      error:
        'unrecognised platform host example.com: expected one of qyapi.weixin.qq.com, open.feishu.cn, open.larksuite.com, oapi.dingtalk.com, api.telegram.org',
      issue: 'url.unknown_platform',
      params: { host: 'example.com' },
    });
    expect(detectChannel('https://OPEN.FEISHU.CN/x')).toEqual({ ok: true, channel: 'feishu' });
  });

  it('a platform host over http is refused with its code', () => {
    expect(detectChannel('http://oapi.dingtalk.com/robot/send')).toEqual({
      ok: false,
      error: 'a platform webhook URL must use https',
      issue: 'url.https_required',
      params: { host: 'oapi.dingtalk.com' },
    });
  });
});
