import { describe, expect, it } from 'vitest';
import { wechatSender } from '../../src/senders/wechat.ts';
import { asResponse, every, post, render, useFakes } from './support.ts';
import { startFakeWecom } from './wechat.ts';

const fake = useFakes();

describe('WeCom', () => {
  it('accepts every rendered notification and records it', async () => {
    const wecom = await fake(startFakeWecom({ key: 'good-key' }));
    expect(wecom.webhookUrl).toBe(`${wecom.url}/cgi-bin/webhook/send?key=good-key`);
    for (const [type, locale] of every) {
      const body = render('wechat', type, locale);
      const r = await post(wecom.webhookUrl, body);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ errcode: 0, errmsg: 'ok' });
      expect(wechatSender.judge(asResponse(r))).toEqual({ ok: true });
      expect(wecom.received.at(-1)).toMatchObject({
        method: 'POST',
        query: { key: 'good-key' },
        json: body,
        accepted: true,
      });
    }
    expect(wecom.accepted).toHaveLength(every.length);
  });

  it('answers an unknown key with 93000 in a 200', async () => {
    const wecom = await fake(startFakeWecom());
    const r = await post(`${wecom.url}/cgi-bin/webhook/send?key=wrong`, render('wechat'));
    expect(r.status).toBe(200);
    expect(r.json.errcode).toBe(93000);
    expect(r.json.errmsg).toMatch(/^invalid webhook url, hint: \[\d+\], from ip: .*devtool\/query\?e=93000$/);
    expect(wecom.received[0]?.accepted).toBe(false);
    expect(wecom.accepted).toEqual([]);
  });

  it('counts markdown.content in UTF-8 bytes: 4096 fits, 4098 is 40058', async () => {
    const wecom = await fake(startFakeWecom());
    const fits = await post(wecom.webhookUrl, { msgtype: 'markdown', markdown: { content: `${'中'.repeat(1365)}a` } });
    expect(fits.json.errcode).toBe(0);
    const over = await post(wecom.webhookUrl, { msgtype: 'markdown', markdown: { content: '中'.repeat(1366) } });
    expect(over.json.errcode).toBe(40058);
    expect(over.json.errmsg).toMatch(/^markdown\.content exceed max length 4096\. invalid Request Parameter, hint/);
  });

  it('refuses bad bodies with WeCom codes, and non-POST with 405', async () => {
    const wecom = await fake(startFakeWecom());
    expect((await post(wecom.webhookUrl, '{"msgtype":')).json.errcode).toBe(40035);
    expect((await post(wecom.webhookUrl, '')).json.errcode).toBe(44004);
    expect((await post(wecom.webhookUrl, { msgtype: 'MARKDOWN', MARKDOWN: { content: 'x' } })).json.errcode).toBe(
      40008,
    );
    expect((await post(wecom.webhookUrl, { msgtype: 'markdown', markdown: {} })).json.errcode).toBe(44004);
    expect((await post(wecom.webhookUrl, { msgtype: 'text', text: { content: 'a'.repeat(2049) } })).json.errcode).toBe(
      40058,
    );
    const get = await post(wecom.webhookUrl, null, { method: 'GET' });
    expect(get.status).toBe(405);
    expect(wecom.received.map((r) => r.accepted)).toEqual([false, false, false, false, false, false]);
    expect(wecom.received[0]).toMatchObject({ rawBody: '{"msgtype":', json: undefined });
  });
});
