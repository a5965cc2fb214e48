/** Failure scripts, waiting and rate limits, across the fakes (one test file per fake sits beside it). */
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { customSender } from '../../src/senders/custom.ts';
import { dingtalkSender } from '../../src/senders/dingtalk.ts';
import { feishuSender } from '../../src/senders/feishu.ts';
import { telegramSender } from '../../src/senders/telegram.ts';
import { wechatSender } from '../../src/senders/wechat.ts';
import { startFakeCustom, startFakeDingtalk, startFakeFeishu, startFakeTelegram, startFakeWecom } from './index.ts';
import { asResponse, CHAT, NOW, post, render, useFakes } from './support.ts';

const fake = useFakes();

describe('failure scripts', () => {
  it('are consumed in order, one per request, then the platform answers again', async () => {
    const wecom = await fake(startFakeWecom());
    wecom.failNext({ kind: 'status', status: 503, retryAfterSeconds: 2 });
    wecom.failNext({ kind: 'errcode', code: 45009 });
    wecom.failNext({ kind: 'rateLimit' }, 2);
    expect(wecom.pendingFailures).toBe(4);
    const body = render('wechat');
    const first = await post(wecom.webhookUrl, body);
    expect([first.status, first.headers['retry-after'], first.text]).toEqual([503, '2', 'Service Unavailable']);
    const second = await post(wecom.webhookUrl, body);
    expect([second.status, second.json.errcode]).toEqual([200, 45009]);
    expect(second.json.errmsg).toMatch(/^api freq out of limit, hint/);
    expect((await post(wecom.webhookUrl, body)).json.errcode).toBe(45009);
    expect((await post(wecom.webhookUrl, body)).json.errcode).toBe(45009);
    expect((await post(wecom.webhookUrl, body)).json.errcode).toBe(0);
    expect(wecom.received.map((r) => [r.scripted, r.accepted])).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [true, false],
      [false, true],
    ]);
    wecom.failNext({ kind: 'status', status: 500 });
    wecom.clearFailures();
    expect((await post(wecom.webhookUrl, body)).json.errcode).toBe(0);
  });

  it('timeout: the request is read and never answered, so the client gives up on its own', async () => {
    const wecom = await fake(startFakeWecom());
    wecom.failNext({ kind: 'timeout' });
    const err = await request(wecom.webhookUrl, {
      method: 'POST',
      body: '{}',
      headersTimeout: 150,
      bodyTimeout: 150,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
    expect(wecom.received[0]).toMatchObject({ answer: 'timeout', accepted: false, rawBody: '{}' });
  });

  it('timeout: a hung request ends when the fake closes', async () => {
    const wecom = await startFakeWecom();
    wecom.failNext({ kind: 'timeout' });
    const pending = request(wecom.webhookUrl, { method: 'POST', body: '{}' });
    await wecom.waitForRequests(1);
    await wecom.close();
    await expect(pending).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
  });

  it('reset: the socket is destroyed before any answer', async () => {
    const tg = await fake(startFakeTelegram());
    tg.failNext({ kind: 'reset' });
    const err = await post(`${tg.apiBaseUrl}/bot${tg.token}/sendMessage`, { chat_id: CHAT, text: 'x' }).then(
      () => null,
      (e: unknown) => e as { code?: string },
    );
    expect(['UND_ERR_SOCKET', 'ECONNRESET']).toContain(err?.code);
    expect(tg.received[0]?.answer).toBe('reset');
  });

  it("rate limits come in each platform's own shape, with the wait hint where the platform gives one", async () => {
    const [wecom, ding, feishu, tg, hook] = await Promise.all([
      fake(startFakeWecom()),
      fake(startFakeDingtalk()),
      fake(startFakeFeishu()),
      fake(startFakeTelegram()),
      fake(startFakeCustom()),
    ]);
    for (const f of [wecom, ding, feishu, tg, hook]) f.failNext({ kind: 'rateLimit', retryAfterSeconds: 3 });
    feishu.failNext({ kind: 'rateLimit', code: 11232 });
    hook.failNext({ kind: 'status', status: 503, retryAfterSeconds: 7 });

    const w = await post(wecom.webhookUrl, {});
    expect(w.json.errcode).toBe(45009);
    expect(wechatSender.judge(asResponse(w))).toMatchObject({ ok: false, class: 'retryable', code: 45009 });

    const d = await post(ding.webhookUrl, {});
    expect(d.json).toEqual({ errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' });
    expect(dingtalkSender.judge(asResponse(d))).toMatchObject({ class: 'retryable', code: 130101 });

    const f1 = await post(feishu.webhookUrl, {});
    expect([f1.status, f1.json]).toEqual([400, { code: 9499, msg: 'too many request', data: {} }]);
    expect(feishuSender.judge(asResponse(f1))).toMatchObject({ class: 'retryable', code: 9499 });
    const f2 = await post(feishu.webhookUrl, {});
    expect(f2.json).toMatchObject({ code: 11232, msg: 'frequency limited' });
    expect(feishuSender.judge(asResponse(f2))).toMatchObject({ class: 'retryable', code: 11232 });

    const t = await post(tg.sendMessageUrl, {});
    expect([t.status, t.json]).toEqual([
      429,
      { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
    ]);
    expect(telegramSender.judge(asResponse(t))).toMatchObject({ class: 'retryable', code: 429, retryAfterMs: 3000 });

    const c1 = await post(hook.webhookUrl, {});
    expect([c1.status, c1.headers['retry-after']]).toEqual([429, '3']);
    expect(customSender.judge(asResponse(c1))).toMatchObject({ class: 'retryable', retryAfterMs: 3000 });
    const c2 = await post(hook.webhookUrl, {});
    expect([c2.status, c2.headers['retry-after']]).toEqual([503, '7']);
  });

  it('business codes come in each platform answer shape', async () => {
    const [ding, feishu, tg] = await Promise.all([
      fake(startFakeDingtalk()),
      fake(startFakeFeishu()),
      fake(startFakeTelegram()),
    ]);
    ding.failNext({ kind: 'errcode', code: -1 });
    feishu.failNext({ kind: 'errcode', code: 2200 });
    tg.failNext({ kind: 'errcode', code: 502 });
    expect((await post(ding.webhookUrl, {})).json).toEqual({ errcode: -1, errmsg: '系统繁忙' });
    expect((await post(feishu.webhookUrl, {})).json).toEqual({ code: 2200, msg: 'internal error', data: {} });
    const t = await post(tg.sendMessageUrl, {});
    expect([t.status, t.json]).toEqual([502, { ok: false, error_code: 502, description: 'Bad Gateway' }]);
  });

  it('waitForRequests resolves on arrival; it rejects with a count when they do not come', async () => {
    const ding = await fake(startFakeDingtalk());
    const pending = post(ding.webhookUrl, { msgtype: 'text', text: { content: 'hi' } });
    const [first] = await ding.waitForRequests(1);
    expect(first?.json).toEqual({ msgtype: 'text', text: { content: 'hi' } });
    await pending;
    expect((await ding.waitForAccepted(1)).length).toBe(1);
    await expect(ding.waitForRequests(2, { timeoutMs: 20 })).rejects.toThrow(/for 2 received requests .* got 1/);
  });

  it('enforces a real rate limit on the fake clock when asked', async () => {
    let clock = NOW.getTime();
    const wecom = await fake(startFakeWecom({ now: () => clock, rateLimit: { max: 2, windowMs: 60_000 } }));
    const body = render('wechat');
    const codes = async () => (await post(wecom.webhookUrl, body)).json.errcode;
    expect([await codes(), await codes(), await codes()]).toEqual([0, 0, 45009]);
    clock += 60_000;
    expect(await codes()).toBe(0);
    expect(wecom.received.map((r) => r.at - NOW.getTime())).toEqual([0, 0, 0, 60_000]);
  });
});
