import { describe, expect, it } from 'vitest';
import { HttpUrl } from '../schemas/common.ts';
import { LegacyWebhookUrl } from '../schemas/settings.ts';
import { detectChannel, HTTPS_ONLY_HOSTS, LEGACY_HOSTS, webhookUrlProblem } from './detect.ts';

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

describe('one webhook URL rule for legacy URLs and targets', () => {
  const codes = (schema: { safeParse: (v: unknown) => { error?: { issues: { message: string }[] } } }, url: string) =>
    schema.safeParse(url).error?.issues.map((i) => i.message) ?? [];

  it.each([
    ['http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', 'url.https_required'],
    ['http://OAPI.DingTalk.com/robot/send?access_token=t', 'url.https_required'],
    ['https://u:p@open.feishu.cn/open-apis/bot/v2/hook/x', 'url.credentials'],
    ['ftp://open.feishu.cn/x', 'url.scheme'],
    ['open.feishu.cn/x', 'url.invalid'],
  ])('%s is refused by both, with the same reason (%s)', (url, issue) => {
    const problem = webhookUrlProblem(url);
    expect(problem?.issue).toBe(issue);
    expect(detectChannel(url)).toEqual(problem);
    expect(codes(HttpUrl, url)).toEqual([problem?.error]);
    expect(codes(LegacyWebhookUrl, url)).toEqual([problem?.error]);
  });

  it.each([
    'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
    'https://api.telegram.org/bot1:abc/sendMessage?chat_id=1',
  ])('%s is accepted by both', (url) => {
    expect(webhookUrlProblem(url)).toBeNull();
    expect(HttpUrl.safeParse(url).success).toBe(true);
    expect(LegacyWebhookUrl.safeParse(url).success).toBe(true);
  });

  it('http is refused only on a platform’s own host: a custom webhook on this machine may use it', () => {
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook')).toBeNull();
    expect(HttpUrl.safeParse('http://127.0.0.1:8080/hook').success).toBe(true);
    expect(HTTPS_ONLY_HOSTS).toEqual(Object.keys(LEGACY_HOSTS));
  });
});
