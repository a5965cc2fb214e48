import { describe, expect, it } from 'vitest';
import { detectChannel } from './detect.ts';

describe('detectChannel', () => {
  it('lists every platform host it knows when the host is not one', () => {
    expect(detectChannel('https://Example.COM/x')).toEqual({
      ok: false,
      error:
        'unrecognised platform host example.com: expected one of qyapi.weixin.qq.com, open.feishu.cn, open.larksuite.com, oapi.dingtalk.com, api.telegram.org',
    });
    expect(detectChannel('https://OPEN.FEISHU.CN/x')).toEqual({ ok: true, channel: 'feishu' });
  });
});
