import { describe, expect, it } from 'vitest';
import { dingtalkSender, dingtalkSign } from '../../src/senders/dingtalk.ts';
import { startFakeDingtalk } from './dingtalk.ts';
import { asResponse, ctx, every, NOW, post, render, useFakes } from './support.ts';

const fake = useFakes();

describe('DingTalk', () => {
  const secret = 'SECgood-secret';

  it('accepts every rendered notification signed by the sender', async () => {
    // Every message ends with its time line, so the year serves as the robot's keyword.
    const ding = await fake(startFakeDingtalk({ accessToken: 'tok', secret, keywords: ['2026'] }));
    for (const [type, locale] of every) {
      const body = render('dingtalk', type, locale);
      const req = dingtalkSender.prepare(
        { channel: 'dingtalk', webhookUrl: ding.webhookUrl, dingtalkSecret: secret },
        body,
        ctx(),
      );
      const r = await post(req.url, req.body);
      expect(r.json, `${type} ${locale}`).toEqual({ errcode: 0, errmsg: 'ok' });
      expect(dingtalkSender.judge(asResponse(r))).toEqual({ ok: true });
    }
    expect(ding.accepted).toHaveLength(every.length);
    // The sign travels percent-encoded and is compared decoded.
    expect(ding.received[0]?.url).toMatch(/&sign=[^&]*%/);
  });

  it('answers an unknown token with 300005 "token is not exist"', async () => {
    const ding = await fake(startFakeDingtalk({ accessToken: 'tok' }));
    const r = await post(`${ding.url}/robot/send?access_token=nope`, render('dingtalk'));
    expect(r.json).toEqual({ errcode: 300005, errmsg: 'token is not exist' });
  });

  it('checks sign and a one-hour timestamp window on the fake clock', async () => {
    let clock = NOW.getTime();
    const ding = await fake(startFakeDingtalk({ accessToken: 'tok', secret, now: () => clock }));
    const send = (ts: number, key = secret) =>
      post(`${ding.webhookUrl}&timestamp=${ts}&sign=${encodeURIComponent(dingtalkSign(ts, key))}`, render('dingtalk'));

    const wrongKey = await send(clock, 'SECother');
    expect(wrongKey.json.errcode).toBe(310000);
    expect(wrongKey.json.errmsg).toMatch(/^sign not match, more: /);
    expect((await send(clock - 61 * 60_000)).json.errmsg).toMatch(/^invalid timestamp/);
    expect((await send(clock + 61 * 60_000)).json.errmsg).toMatch(/^invalid timestamp/);
    expect((await post(ding.webhookUrl, render('dingtalk'))).json.errmsg).toMatch(/^invalid timestamp/);
    expect((await send(clock - 59 * 60_000)).json.errcode).toBe(0);
    clock += 2 * 60 * 60_000; // the same signed URL goes stale as the clock moves
    expect((await send(NOW.getTime())).json.errmsg).toMatch(/^invalid timestamp/);
  });

  it('refuses a message without a required keyword, an oversized body and incomplete markdown', async () => {
    const ding = await fake(startFakeDingtalk({ accessToken: 'tok', keywords: ['部署'] }));
    const noKeyword = await post(ding.webhookUrl, render('dingtalk'));
    expect(noKeyword.json.errcode).toBe(310000);
    expect(noKeyword.json.errmsg).toMatch(/^keywords not in content/);
    const big = await post(ding.webhookUrl, {
      msgtype: 'markdown',
      markdown: { title: '部署', text: 'x'.repeat(20_000) },
    });
    expect(big.json.errcode).toBe(460101);
    expect((await post(ding.webhookUrl, { msgtype: 'markdown', markdown: { text: '部署' } })).json.errcode).toBe(
      300001,
    );
    expect((await post(ding.webhookUrl, { msgtype: 'image', image: {} })).json.errcode).toBe(400105);
    expect((await post(ding.webhookUrl, 'not json')).json.errcode).toBe(40035);
    expect((await post(ding.webhookUrl, { msgtype: 'text', text: { content: '部署 ok' } })).json.errcode).toBe(0);
  });
});
