/** Enforced rate limits: strict windows on the fake clock, each platform's presets and answers. */
import { describe, expect, it } from 'vitest';
import { customSender } from '../../src/senders/custom.ts';
import { dingtalkSender } from '../../src/senders/dingtalk.ts';
import { feishuSender } from '../../src/senders/feishu.ts';
import { telegramSender } from '../../src/senders/telegram.ts';
import { wechatSender } from '../../src/senders/wechat.ts';
import { startFakeCustom, startFakeDingtalk, startFakeFeishu, startFakeTelegram, startFakeWecom } from './index.ts';
import { asResponse, NOW, post, render, useFakes } from './support.ts';

const fake = useFakes();
const T0 = NOW.getTime();

/** A clock moved by hand: `at(ms)` sets it to T0 + ms. */
function handClock() {
  let t = T0;
  return {
    now: () => t,
    at(ms: number) {
      t = T0 + ms;
    },
  };
}

describe('strict rate limits', () => {
  it('count refused sends against the window, so hammering keeps the sender out', async () => {
    const clock = handClock();
    const wecom = await fake(startFakeWecom({ now: clock.now, rateLimit: { max: 2, windowMs: 1_000 } }));
    const body = render('wechat');
    const codeAt = async (ms: number) => {
      clock.at(ms);
      return (await post(wecom.webhookUrl, body)).json.errcode;
    };
    expect([await codeAt(0), await codeAt(600), await codeAt(900)]).toEqual([0, 0, 45009]);
    // Counting only deliveries, (100, 1100] would hold one and let this through; the refusal at 900 counts.
    expect(await codeAt(1_100)).toBe(45009);
    expect(await codeAt(1_600)).toBe(45009);
    // A send that fails the platform's own checks is not counted, nor answered 45009.
    clock.at(1_700);
    expect((await post(`${wecom.url}/cgi-bin/webhook/send?key=wrong`, body)).json.errcode).toBe(93000);
    expect(await codeAt(2_100)).toBe(0);
    expect(wecom.refused.map((r) => r.at - T0)).toEqual([900, 1_100, 1_600]);
    expect(wecom.accepted.map((r) => r.at - T0)).toEqual([0, 600, 2_100]);
    expect(wecom.received.map((r) => r.rateLimited)).toEqual([false, false, true, true, true, false, false]);
  });

  it('WeCom preset: 20 a minute, then 45009 with no hint of the wait', async () => {
    const clock = handClock();
    const wecom = await fake(startFakeWecom({ now: clock.now, rateLimit: 'platform' }));
    const body = render('wechat');
    for (let i = 0; i < 20; i++) expect((await post(wecom.webhookUrl, body)).json.errcode).toBe(0);
    const over = await post(wecom.webhookUrl, body);
    expect(over.json.errmsg).toMatch(/^api freq out of limit, hint/);
    expect(over.headers['retry-after']).toBeUndefined();
    expect(wechatSender.judge(asResponse(over))).toEqual({
      ok: false,
      class: 'retryable',
      code: 45009,
      message: expect.any(String),
      rateLimited: true,
    });
    clock.at(60_000);
    expect((await post(wecom.webhookUrl, body)).json.errcode).toBe(0);
    expect([wecom.accepted.length, wecom.refused.length]).toEqual([21, 1]);
  });

  it('DingTalk preset: over 20 a minute, everything is refused for 10 minutes', async () => {
    const clock = handClock();
    const ding = await fake(startFakeDingtalk({ now: clock.now, rateLimit: 'platform' }));
    const body = render('dingtalk');
    const codeAt = async (ms: number) => {
      clock.at(ms);
      return (await post(ding.webhookUrl, body)).json.errcode;
    };
    for (let i = 0; i < 20; i++) expect(await codeAt(0)).toBe(0);
    clock.at(1_000);
    const over = await post(ding.webhookUrl, body);
    expect(over.json).toEqual({ errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' });
    expect(dingtalkSender.judge(asResponse(over))).not.toHaveProperty('retryAfterMs');
    // The minute window is long empty, the penalty still holds.
    expect(await codeAt(61_000)).toBe(130101);
    expect(await codeAt(600_999)).toBe(130101);
    expect(await codeAt(601_000)).toBe(0);
    expect(ding.refused.map((r) => r.at - T0)).toEqual([1_000, 61_000, 600_999]);
  });

  it('DingTalk: going over again during the penalty restarts it', async () => {
    const clock = handClock();
    const ding = await fake(startFakeDingtalk({ now: clock.now, rateLimit: 'platform' }));
    const body = render('dingtalk');
    for (let i = 0; i < 21; i++) await post(ding.webhookUrl, body);
    clock.at(120_000);
    for (let i = 0; i < 21; i++) await post(ding.webhookUrl, body); // refused, counted, the 21st over again
    clock.at(600_000);
    expect((await post(ding.webhookUrl, body)).json.errcode).toBe(130101);
    clock.at(720_000);
    expect((await post(ding.webhookUrl, body)).json.errcode).toBe(0);
  });

  it('Feishu preset: 5 a second and 100 a minute, over either 11232 in an HTTP 200', async () => {
    const clock = handClock();
    const feishu = await fake(startFakeFeishu({ now: clock.now, rateLimit: 'platform' }));
    const body = render('feishu');
    const sendAt = async (ms: number) => {
      clock.at(ms);
      return post(feishu.webhookUrl, body);
    };
    for (let i = 0; i < 5; i++) expect((await sendAt(0)).json.code).toBe(0);
    const sixth = await sendAt(999);
    expect([sixth.status, sixth.json]).toEqual([200, { code: 11232, msg: 'frequency limited', data: {} }]);
    expect(feishuSender.judge(asResponse(sixth))).toMatchObject({ class: 'retryable', code: 11232 });
    // The next second is free again (the refusal at 999 takes one of its five).
    for (let i = 0; i < 4; i++) expect((await sendAt(1_000)).json.code).toBe(0);
    expect((await sendAt(1_000)).json.code).toBe(11232);
    expect(feishu.refused.map((r) => r.at - T0)).toEqual([999, 1_000]);

    // Five a second for 20 s is the minute's 100.
    feishu.clear();
    for (let s = 0; s < 20; s++) for (let i = 0; i < 5; i++) expect((await sendAt(s * 1_000)).json.code).toBe(0);
    expect((await sendAt(20_000)).json.code).toBe(11232);
    expect((await sendAt(59_999)).json.code).toBe(11232);
    expect((await sendAt(60_000)).json.code).toBe(0);
    expect([feishu.accepted.length, feishu.refused.length]).toEqual([101, 2]);
  });

  it('Telegram preset: per chat, 20 a minute in a group and 1 a second in a private chat, with retry_after', async () => {
    const clock = handClock();
    const group = '-1001234567890';
    const tg = await fake(
      startFakeTelegram({ now: clock.now, rateLimit: 'platform', chats: { [group]: {}, '42': { type: 'private' } } }),
    );
    const sendAt = async (ms: number, chat: string) => {
      clock.at(ms);
      return post(tg.sendMessageUrl, { chat_id: chat, text: `at ${ms}` });
    };
    for (let i = 0; i < 20; i++) expect((await sendAt(0, group)).status).toBe(200);
    const over = await sendAt(15_500, group);
    // The window frees at 60 s: 44.5 s away, rounded up.
    expect([over.status, over.json]).toEqual([
      429,
      {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 45',
        parameters: { retry_after: 45 },
      },
    ]);
    expect(telegramSender.judge(asResponse(over))).toMatchObject({ class: 'retryable', retryAfterMs: 45_000 });
    // The private chat has its own window.
    expect((await sendAt(15_500, '42')).status).toBe(200);
    const privateOver = await sendAt(15_900, '42');
    expect(privateOver.json.parameters).toEqual({ retry_after: 1 });
    expect((await sendAt(16_900, '42')).status).toBe(200);
    const again = await sendAt(60_500, group);
    expect(again.status).toBe(200);
    // A refused send takes no message id.
    expect((again.json.result as { message_id: number }).message_id).toBe(21);
    expect(tg.refused.map((r) => [r.at - T0, (r.json as { chat_id: string }).chat_id])).toEqual([
      [15_500, group],
      [15_900, '42'],
    ]);
  });

  it('custom: no limit of its own; given ones answer 429 with Retry-After in seconds until free', async () => {
    const clock = handClock();
    const free = await fake(startFakeCustom({ now: clock.now, rateLimit: 'platform' }));
    for (let i = 0; i < 30; i++) expect((await post(free.webhookUrl, { i })).status).toBe(200);
    expect(free.refused).toEqual([]);

    const hook = await fake(startFakeCustom({ now: clock.now, rateLimit: { max: 1, windowMs: 1_500 } }));
    expect((await post(hook.webhookUrl, {})).status).toBe(200);
    clock.at(200);
    const over = await post(hook.webhookUrl, {});
    // Counting this refusal, the window frees at 1.7 s: 1.5 s away, rounded up.
    expect([over.status, over.headers['retry-after']]).toEqual([429, '2']);
    expect(customSender.judge(asResponse(over))).toMatchObject({ class: 'retryable', retryAfterMs: 2_000 });
    clock.at(1_699);
    expect((await post(hook.webhookUrl, {})).status).toBe(429);
    clock.at(3_199);
    expect((await post(hook.webhookUrl, {})).status).toBe(200);
  });

  it('scripted rate limits are not counted as refused; clear() forgets windows and penalties', async () => {
    const clock = handClock();
    const ding = await fake(startFakeDingtalk({ now: clock.now, rateLimit: 'platform' }));
    const body = render('dingtalk');
    ding.failNext({ kind: 'rateLimit' });
    expect((await post(ding.webhookUrl, body)).json.errcode).toBe(130101);
    expect(ding.refused).toEqual([]);
    for (let i = 0; i < 21; i++) await post(ding.webhookUrl, body);
    expect(ding.refused).toHaveLength(1);
    ding.clear();
    expect((await post(ding.webhookUrl, body)).json.errcode).toBe(0);
  });

  it('refuses a bad limit, naming the field', async () => {
    await expect(startFakeWecom({ rateLimit: { max: 0, windowMs: 1_000 } })).rejects.toThrow(
      'rateLimit.max must be a whole number ≥ 1, got 0',
    );
    await expect(
      startFakeFeishu({
        rateLimit: [
          { max: 5, windowMs: 1_000 },
          { max: 1, windowMs: -1 },
        ],
      }),
    ).rejects.toThrow('rateLimit[1].windowMs must be a finite number of ms > 0, got -1');
    await expect(startFakeDingtalk({ rateLimit: { max: 1, windowMs: 1, penaltyMs: Number.NaN } })).rejects.toThrow(
      /^rateLimit\.penaltyMs must be/,
    );
  });
});
