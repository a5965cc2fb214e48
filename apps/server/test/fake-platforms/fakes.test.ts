import { randomBytes } from 'node:crypto';
import {
  type ChannelType,
  type JsonObject,
  LOCALES,
  type Locale,
  NOTIFICATION_TYPES,
  type NotificationType,
  renderNotification,
  sampleData,
} from '@herald/core';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { customSender } from '../../src/senders/custom.ts';
import { dingtalkSender, dingtalkSign } from '../../src/senders/dingtalk.ts';
import { feishuSender, feishuSign } from '../../src/senders/feishu.ts';
import type { PlatformResponse, SendContext, SendTarget } from '../../src/senders/sender.ts';
import { telegramSender } from '../../src/senders/telegram.ts';
import { wechatSender } from '../../src/senders/wechat.ts';
import {
  startFakeCustom,
  startFakeDingtalk,
  startFakeFeishu,
  startFakeTelegram,
  startFakeWecom,
  TELEGRAM_MAX_TEXT,
} from './index.ts';

const NOW = new Date('2026-03-01T08:00:00Z');
const CHAT = '-1001234567890';

const open: { close(): Promise<void> }[] = [];
/** Starts a fake and closes it after the test. */
async function fake<T extends { close(): Promise<void> }>(started: Promise<T>): Promise<T> {
  const f = await started;
  open.push(f);
  return f;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

type Json = Record<string, unknown>;
type Posted = { status: number; headers: PlatformResponse['headers']; text: string; json: Json };

async function post(
  url: string,
  body: unknown,
  opts: { headers?: Record<string, string>; method?: 'POST' | 'GET' | 'PUT' } = {},
): Promise<Posted> {
  const method = opts.method ?? 'POST';
  const res = await request(url, {
    method,
    headers: { 'content-type': 'application/json', ...opts.headers },
    ...(method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.body.text();
  let json: Json = {};
  try {
    json = JSON.parse(text) as Json;
  } catch {}
  return { status: res.statusCode, headers: res.headers, text, json };
}

const asResponse = (p: Posted): PlatformResponse => ({ status: p.status, headers: p.headers, body: p.text });

function render(
  channel: ChannelType,
  type: NotificationType = 'circuit_breaker',
  locale: Locale = 'zh-CN',
  extra: { telegram?: { chatId: string; topicId?: number } } = {},
): JsonObject {
  return renderNotification({
    type,
    data: sampleData(type, NOW),
    channel,
    locale,
    timezone: 'Asia/Shanghai',
    now: NOW,
    ...extra,
  }).body;
}

const every = NOTIFICATION_TYPES.flatMap((type) => LOCALES.map((locale) => [type, locale] as const));
const ctx = (now = new Date(), telegramApiBaseUrl = ''): SendContext => ({
  messageId: 'msg_0001',
  now,
  telegramApiBaseUrl,
});

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

describe('Feishu', () => {
  const secret = 'feishu-secret';

  it('accepts every rendered card signed by the sender', async () => {
    const feishu = await fake(startFakeFeishu({ hookId: 'hook-1', secret }));
    for (const [type, locale] of every) {
      const body = render('feishu', type, locale);
      const req = feishuSender.prepare(
        { channel: 'feishu', webhookUrl: feishu.webhookUrl, feishuSecret: secret },
        body,
        ctx(),
      );
      const r = await post(req.url, req.body);
      expect(r.status).toBe(200);
      expect(r.json, `${type} ${locale}`).toEqual({ code: 0, msg: 'success', data: {} });
      expect(feishuSender.judge(asResponse(r))).toEqual({ ok: true });
    }
    expect(feishu.accepted).toHaveLength(every.length);
  });

  it('answers an unknown hook with 19001', async () => {
    const feishu = await fake(startFakeFeishu({ hookId: 'hook-1' }));
    const r = await post(`${feishu.url}/open-apis/bot/v2/hook/other`, render('feishu'));
    expect(r.json).toEqual({ code: 19001, msg: 'param invalid: incoming webhook access token invalid', data: {} });
  });

  it('refuses a wrong signature and a stale timestamp with 19021', async () => {
    let clock = NOW.getTime();
    const feishu = await fake(startFakeFeishu({ secret, now: () => clock }));
    const send = (seconds: number, key = secret) =>
      post(feishu.webhookUrl, { timestamp: String(seconds), sign: feishuSign(seconds, key), ...render('feishu') });
    const at = Math.floor(clock / 1000);
    expect((await send(at, 'other')).json).toMatchObject({
      code: 19021,
      msg: expect.stringMatching(/^sign match fail/),
    });
    expect((await send(at - 3601)).json.code).toBe(19021);
    expect((await post(feishu.webhookUrl, render('feishu'))).json.code).toBe(19021);
    expect((await send(at - 3599)).json.code).toBe(0);
    clock += 3600_000;
    expect((await send(at - 3599)).json.code).toBe(19021);
  });

  it('refuses a body over 20 KB, non-JSON (HTTP 400, 9499) and a missing msg_type', async () => {
    const feishu = await fake(startFakeFeishu());
    const big = render('feishu') as { card: { body: { elements: unknown[] } } };
    big.card.body.elements.push({ tag: 'markdown', content: 'x'.repeat(20 * 1024) });
    expect((await post(feishu.webhookUrl, big)).json.code).toBe(19036);
    const notJson = await post(feishu.webhookUrl, '{"msg_type":');
    expect([notJson.status, notJson.json.code, notJson.json.msg]).toEqual([400, 9499, 'Bad Request']);
    expect((await post(feishu.webhookUrl, { content: { text: 'hi' } })).json).toMatchObject({ code: 19002 });
    expect((await post(feishu.webhookUrl, { msg_type: 'text', content: { text: 'hi' } })).json.code).toBe(0);
  });

  const badCards: [string, (card: Json & { header: Json; body: { elements: Json[] } }) => void, RegExp][] = [
    ['1.0 elements at the top', (c) => Object.assign(c, { elements: [] }), /200621.*unknown property: elements/],
    ['no schema', (c) => delete c.schema, /200621.*schema must be "2.0"/],
    ['unknown header colour', (c) => Object.assign(c.header, { template: 'pink' }), /invalid header template: pink/],
    [
      'lark_md title',
      (c) => Object.assign(c.header, { title: { tag: 'lark_md', content: 'x' } }),
      /title tag must be plain_text/,
    ],
    [
      'unknown element property',
      (c) => Object.assign(c.body.elements[0] ?? {}, { colour: 'red' }),
      /unknown property: colour, path: body -> elements -> \[0\]/,
    ],
    [
      '1.0-only note tag',
      (c) => c.body.elements.push({ tag: 'note', elements: [] }),
      /ErrCode: 200861;.*unsupported tag note/,
    ],
    [
      'unknown tag',
      (c) => c.body.elements.push({ tag: 'divider' }),
      /ErrCode: 11310; ErrMsg: unsupported type of block; ErrorValue: divider/,
    ],
    [
      'bad flex_mode',
      (c) => c.body.elements.push({ tag: 'column_set', flex_mode: 'quad', columns: [] }),
      /invalid flex_mode: quad/,
    ],
    [
      'non-column in a column_set',
      (c) => c.body.elements.push({ tag: 'column_set', columns: [{ tag: 'markdown', content: 'x' }] }),
      /holds only column/,
    ],
    [
      'column weight 9',
      (c) => c.body.elements.push({ tag: 'column_set', columns: [{ tag: 'column', weight: 9 }] }),
      /weight must be an integer from 1 to 5/,
    ],
  ];

  it.each(badCards)('refuses a bad card (%s) with 11246', async (_name, spoil, message) => {
    const feishu = await fake(startFakeFeishu());
    const body = structuredClone(render('feishu')) as { card: Parameters<typeof spoil>[0] };
    spoil(body.card);
    const r = await post(feishu.webhookUrl, body);
    expect(r.status).toBe(200);
    expect(r.json.code).toBe(11246);
    expect(r.json.msg).toMatch(message);
    expect(feishuSender.judge(asResponse(r))).toMatchObject({ ok: false, code: 11246 });
  });
});

describe('Telegram', () => {
  const token = '42:secret-token';
  const start = () => startFakeTelegram({ token, chats: { [CHAT]: { topics: [7] }, '555': {} } });
  const send = (t: { url: string }, text: string, extra: Json = {}) =>
    post(`${t.url}/bot${token}/sendMessage`, { chat_id: CHAT, text, parse_mode: 'HTML', ...extra });

  it('accepts every rendered notification, topic included, and answers with the message', async () => {
    const tg = await fake(start());
    for (const [type, locale] of every) {
      const body = render('telegram', type, locale, { telegram: { chatId: CHAT, topicId: 7 } });
      const req = telegramSender.prepare(
        { channel: 'telegram', telegramBotToken: token },
        body,
        ctx(NOW, tg.apiBaseUrl),
      );
      expect(req.url).toBe(tg.sendMessageUrl);
      const r = await post(req.url, req.body);
      expect(r.status, `${type} ${locale}`).toBe(200);
      expect(r.json).toMatchObject({
        ok: true,
        result: { chat: { id: Number(CHAT), type: 'supergroup' }, message_thread_id: 7 },
      });
      expect(telegramSender.judge(asResponse(r))).toEqual({ ok: true });
    }
    expect(tg.messages.map((m) => m.message_id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(tg.messages[0]?.text).not.toContain('<b>');
    expect(tg.messages[0]?.entities?.[0]).toMatchObject({ type: 'bold', offset: 0 });
  });

  it('answers an unknown token with 401 and an unknown chat or topic with 400', async () => {
    const tg = await fake(start());
    const badToken = await post(`${tg.url}/bot42:wrong/sendMessage`, { chat_id: CHAT, text: 'hi' });
    expect([badToken.status, badToken.json]).toEqual([
      401,
      { ok: false, error_code: 401, description: 'Unauthorized' },
    ]);
    const noChat = await send(tg, 'hi', { chat_id: '-100999' });
    expect([noChat.status, noChat.json.description]).toEqual([400, 'Bad Request: chat not found']);
    const noTopic = await send(tg, 'hi', { message_thread_id: 8 });
    expect(noTopic.json.description).toBe('Bad Request: message thread not found');
    expect((await send(tg, 'hi', { chat_id: 555, message_thread_id: 8 })).status).toBe(200);
    expect(telegramSender.judge(asResponse(noChat))).toMatchObject({ ok: false, class: 'permanent', code: 400 });
  });

  it.each([
    ['告警 <br> x', 'Unsupported start tag "br" at byte offset 7'],
    ['a < b', 'Unsupported start tag "" at byte offset 2'],
    ['<b>bold', "Can't find end tag corresponding to start tag b"],
    ['<b><i>x</b></i>', 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
    ['<b>x</b></i>', 'Unexpected end tag at byte offset 8'],
    ['<span>x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ['<a href=x>y</a', 'Unclosed end tag at byte offset 11'],
    ['x <b', 'Unclosed start tag at byte offset 2'],
  ])('refuses bad HTML %j', async (text, error) => {
    const tg = await fake(start());
    const r = await send(tg, text);
    expect(r.status).toBe(400);
    expect(r.json.description).toBe(`Bad Request: can't parse entities: ${error}`);
  });

  it('takes every tag and entity Telegram HTML knows, and shows the decoded text', async () => {
    const tg = await fake(start());
    const html = [
      '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>',
      '<span class="tg-spoiler">sp</span><tg-spoiler>t</tg-spoiler><a href="https://example.com/?a=1&amp;b=2">link</a>',
      '<code>c</code><pre><code class="language-ts">let x</code></pre><blockquote expandable>q</blockquote>',
      '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> &lt;b&gt; &amp; &quot;x&quot; &#128512; &#x1F600; &nbsp; AT&T',
    ].join('\n');
    const r = await send(tg, html);
    expect(r.status).toBe(200);
    const result = r.json.result as { text: string; entities: { type: string; url?: string }[] };
    expect(result.text.split('\n').at(-1)).toBe('👍 <b> & "x" 😀 😀 &nbsp; AT&T');
    expect(result.entities.find((e) => e.type === 'text_link')?.url).toBe('https://example.com/?a=1&b=2');
    expect(result.entities.map((e) => e.type)).toContain('expandable_blockquote');
  });

  it('counts 1–4096 UTF-16 units of visible text', async () => {
    const tg = await fake(start());
    expect((await send(tg, `<b>${'a'.repeat(TELEGRAM_MAX_TEXT)}</b>`)).status).toBe(200);
    expect((await send(tg, 'a'.repeat(TELEGRAM_MAX_TEXT + 1))).json.description).toBe(
      'Bad Request: message is too long',
    );
    expect((await send(tg, '😀'.repeat(2048))).status).toBe(200);
    expect((await send(tg, '😀'.repeat(2049))).json.description).toBe('Bad Request: message is too long');
    expect((await send(tg, '<b> </b>\n')).json.description).toBe('Bad Request: message text is empty');
  });
});

describe('custom webhook', () => {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const target = (url: string, extra: Partial<SendTarget> = {}): SendTarget => ({
    channel: 'custom',
    webhookUrl: url,
    signingSecret: secret,
    ...extra,
  });

  it('accepts every rendered notification signed the Standard Webhooks way', async () => {
    const hook = await fake(
      startFakeCustom({ signingSecret: secret, requiredHeaders: { Authorization: 'Bearer t0ken' } }),
    );
    for (const [type, locale] of every) {
      const body = render('custom', type, locale);
      const t = target(hook.webhookUrl, { customHeaders: { Authorization: 'Bearer t0ken' } });
      const req = customSender.prepare(t, body, ctx());
      const r = await post(req.url, req.body, { headers: req.headers });
      expect(r.status, `${type} ${locale}`).toBe(200);
      expect(customSender.judge(asResponse(r))).toEqual({ ok: true });
    }
    expect(hook.accepted).toHaveLength(every.length);
    expect(hook.received[0]?.headers).toMatchObject({ 'webhook-id': 'msg_0001', authorization: 'Bearer t0ken' });
  });

  it('refuses bad Standard Webhooks signatures and missing headers with 401', async () => {
    const hook = await fake(
      startFakeCustom({ signingSecret: secret, requiredHeaders: { Authorization: 'Bearer t0ken' } }),
    );
    const auth = { Authorization: 'Bearer t0ken' };
    const body = render('custom');
    const other = customSender.prepare(
      target(hook.webhookUrl, { signingSecret: `whsec_${randomBytes(32).toString('base64')}` }),
      body,
      ctx(),
    );
    const wrongKey = await post(other.url, other.body, { headers: { ...other.headers, ...auth } });
    expect([wrongKey.status, wrongKey.json.error]).toEqual([401, 'invalid signature: No matching signature found']);
    const good = customSender.prepare(target(hook.webhookUrl), body, ctx());
    const tampered = await post(good.url, good.body.replace('}', ',"x":1}'), { headers: { ...good.headers, ...auth } });
    expect(tampered.status).toBe(401);
    const old = customSender.prepare(target(hook.webhookUrl), body, ctx(new Date(Date.now() - 10 * 60_000)));
    const stale = await post(old.url, old.body, { headers: { ...old.headers, ...auth } });
    expect(stale.json.error).toBe('invalid signature: Message timestamp too old');
    const unsigned = await post(good.url, good.body, { headers: auth });
    expect(unsigned.json.error).toBe('invalid signature: Missing required headers');
    const noAuth = await post(good.url, good.body, { headers: good.headers });
    expect([noAuth.status, noAuth.json.error]).toEqual([401, 'missing or wrong header: authorization']);
    expect(customSender.judge(asResponse(noAuth))).toMatchObject({ ok: false, class: 'permanent', code: 401 });
    expect(hook.accepted).toEqual([]);
  });

  it('answers on any path with the configured success status', async () => {
    const hook = await fake(startFakeCustom({ successStatus: 204, path: '/in/herald' }));
    const r = await post(`${hook.url}/somewhere/else?x=1`, { hello: 'world' });
    expect([r.status, r.text]).toEqual([204, '']);
    expect(hook.received[0]).toMatchObject({ path: '/somewhere/else', query: { x: '1' }, accepted: true });
    expect(hook.webhookUrl).toBe(`${hook.url}/in/herald`);
    expect((await post(hook.webhookUrl, 'oops')).status).toBe(400);
  });
});

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
