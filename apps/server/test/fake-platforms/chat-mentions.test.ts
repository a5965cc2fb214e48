import type { BindingMentions } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { startFakeDingtalk } from './dingtalk.ts';
import { startFakeFeishu } from './feishu.ts';
import { CHAT, post, render, useFakes } from './support.ts';
import { startFakeTelegram } from './telegram.ts';
import { startFakeWecom, WECOM_TEXT_MAX_BYTES } from './wechat.ts';

const fake = useFakes();
const mentions = (...people: string[]): { mentions: BindingMentions } => ({ mentions: { people, levels: null } });

describe('WeCom mentions', () => {
  it('a rendered message with mentions is text with both lists: the fake records who was notified', async () => {
    const wecom = await fake(startFakeWecom());
    const body = render('wechat', 'circuit_breaker', 'zh-CN', mentions('zhangsan', '13800138000', 'all'));
    expect(body.msgtype).toBe('text');
    expect((await post(wecom.webhookUrl, body)).json.errcode).toBe(0);
    expect(wecom.accepted[0]?.mentioned).toEqual(['zhangsan', 'all', '13800138000']);
  });

  it('markdown carries no mention lists: nobody is notified', async () => {
    const wecom = await fake(startFakeWecom());
    const r = await post(wecom.webhookUrl, {
      msgtype: 'markdown',
      markdown: { content: 'hi', mentioned_mobile_list: ['13800138000'] },
    });
    expect(r.json.errcode).toBe(0);
    expect(wecom.accepted[0]?.mentioned).toEqual([]);
  });

  it('text content is limited to 2048 bytes; the lists must be string arrays', async () => {
    const wecom = await fake(startFakeWecom());
    const text = (content: string, more: Record<string, unknown> = {}) =>
      post(wecom.webhookUrl, { msgtype: 'text', text: { content, ...more } });
    expect((await text(`${'中'.repeat(682)}aa`)).json.errcode).toBe(0);
    const over = await text('中'.repeat(683));
    expect(over.json.errcode).toBe(40058);
    expect(over.json.errmsg).toMatch(new RegExp(`^text\\.content exceed max length ${WECOM_TEXT_MAX_BYTES}\\.`));
    expect((await text('hi', { mentioned_list: '@all' })).json.errcode).toBe(40035);
    expect(wecom.accepted).toHaveLength(1);
  });
});

describe('DingTalk mentions', () => {
  it('a rendered message pings a mobile written in both places', async () => {
    const ding = await fake(startFakeDingtalk());
    const body = render('dingtalk', 'circuit_breaker', 'zh-CN', mentions('13800138000', 'manager4521'));
    expect((await post(ding.webhookUrl, body)).json.errcode).toBe(0);
    expect(ding.accepted[0]?.mentioned).toEqual(['13800138000', 'manager4521']);
  });

  it('a mobile in atMobiles but not written as @mobile in the text pings nobody', async () => {
    const ding = await fake(startFakeDingtalk());
    const send = (text: string, at: unknown) =>
      post(ding.webhookUrl, { msgtype: 'markdown', markdown: { title: 't', text }, at });
    await send('### alert', { atMobiles: ['13800138000'] });
    await send('### alert @138001380001', { atMobiles: ['13800138000'] }); // another number
    await send('### alert @13800138000', {}); // written, not listed
    await send('### alert', { isAtAll: true });
    expect(ding.accepted.map((r) => r.mentioned)).toEqual([[], [], [], ['all']]);
  });

  it('a malformed `at` is a param error', async () => {
    const ding = await fake(startFakeDingtalk());
    const r = await post(ding.webhookUrl, {
      msgtype: 'text',
      text: { content: 'x' },
      at: { atMobiles: '13800138000' },
    });
    expect(r.json).toEqual({ errcode: 300001, errmsg: 'param error' });
    expect(ding.accepted).toEqual([]);
  });
});

describe('Feishu mentions', () => {
  it('<at id=…> in card markdown pings; in the plain-text header it does not', async () => {
    const feishu = await fake(startFakeFeishu());
    const body = render('feishu', 'circuit_breaker', 'en', mentions('ou_abc123', 'all'));
    expect((await post(feishu.webhookUrl, body)).json.code).toBe(0);
    expect(feishu.accepted[0]?.mentioned).toEqual(['ou_abc123', 'all']);

    const card = (body as { card: { header: { title: { content: string } } } }).card;
    card.header.title.content = '<at id=ou_header></at>';
    (card as unknown as { body: { elements: unknown[] } }).body.elements = [
      { tag: 'markdown', content: 'by mail <at email=a@example.com></at>' },
    ];
    expect((await post(feishu.webhookUrl, body)).json.code).toBe(0);
    expect(feishu.accepted[1]?.mentioned).toEqual([]);
  });
});

describe('Telegram mentions', () => {
  it('@username becomes a mention entity, a tg://user link a text mention', async () => {
    const tg = await fake(startFakeTelegram());
    const body = render('telegram', 'circuit_breaker', 'en', {
      config: { telegramChatId: CHAT },
      mentions: { people: ['@oncall_alice', '123456789 Bob'], levels: null },
    });
    const r = await post(tg.sendMessageUrl, body);
    expect(r.json.ok).toBe(true);
    expect(tg.accepted[0]?.mentioned).toEqual(['@oncall_alice', '123456789']);
    const msg = tg.messages[0];
    const text = msg?.text ?? '';
    const byType = (t: string) => msg?.entities?.find((e) => e.type === t);
    const mention = byType('mention');
    expect(text.slice(mention?.offset, (mention?.offset ?? 0) + (mention?.length ?? 0))).toBe('@oncall_alice');
    expect(byType('text_mention')).toMatchObject({ user: { id: 123456789, first_name: 'Bob' } });
  });

  it('no mention inside code or a word', async () => {
    const tg = await fake(startFakeTelegram());
    await post(tg.sendMessageUrl, {
      chat_id: CHAT,
      text: '<code>@oncall_alice</code> me@oncall_bob',
      parse_mode: 'HTML',
    });
    expect(tg.accepted[0]?.mentioned).toEqual([]);
  });
});
