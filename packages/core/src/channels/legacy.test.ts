import { describe, expect, it } from 'vitest';
import { parseLegacyWebhook } from './legacy.ts';

describe('parseLegacyWebhook', () => {
  it.each([
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', 'wechat'],
    ['https://open.feishu.cn/open-apis/bot/v2/hook/xyz', 'feishu'],
    ['https://oapi.dingtalk.com/robot/send?access_token=t', 'dingtalk'],
  ])('%s is a %s webhook kept as it is', (url, channel) => {
    expect(parseLegacyWebhook(url)).toEqual({ ok: true, value: { channel, url } });
  });

  it('Telegram: the token from the path, the chat and topic from the query', () => {
    const url = 'https://api.telegram.org/bot123456:AA-bb_CC/sendMessage?chat_id=-100123&message_thread_id=7';
    expect(parseLegacyWebhook(url)).toEqual({
      ok: true,
      value: { channel: 'telegram', url, botToken: '123456:AA-bb_CC', chatId: '-100123', topicId: 7 },
    });
  });

  it.each([
    ['', null],
    ['&message_thread_id=', null],
    ['&message_thread_id=abc', null],
    ['&message_thread_id=-7', null],
    ['&message_thread_id=7x', null],
    ['&message_thread_id=x7', null],
    ['&message_thread_id=0', 0],
    ['&message_thread_id=42', 42],
  ])('topic %j → %j', (query, topicId) => {
    const r = parseLegacyWebhook(`https://api.telegram.org/bot1:a/sendMessage?chat_id=@ops${query}`);
    expect(r).toMatchObject({ ok: true, value: { chatId: '@ops', topicId } });
  });

  it.each([
    'https://api.telegram.org/sendMessage?chat_id=1',
    'https://api.telegram.org/bot1:a?chat_id=1',
    'https://api.telegram.org/botabc:a/sendMessage?chat_id=1',
    'https://api.telegram.org/bot1:/sendMessage?chat_id=1',
    'https://api.telegram.org/bot1a/sendMessage?chat_id=1',
    'https://api.telegram.org/x/bot1:a/sendMessage?chat_id=1',
    'https://api.telegram.org/bot1:a/sendMessage',
    'https://api.telegram.org/bot1:a/sendMessage?chat_id=',
  ])('%s lacks the token or the chat: a clear error', (url) => {
    expect(parseLegacyWebhook(url)).toEqual({
      ok: false,
      error: 'a Telegram URL needs /bot<token>/sendMessage and ?chat_id=<chat>',
      issue: 'url.telegram_chat',
      params: {},
    });
  });

  it('an unknown host or a bad URL is the detector’s error', () => {
    expect(parseLegacyWebhook('https://example.com/x')).toMatchObject({
      ok: false,
      error: /unrecognised platform host/,
    });
    expect(parseLegacyWebhook('nope')).toEqual({
      ok: false,
      error: 'must be a full URL such as https://example.com/hook',
      issue: 'url.invalid',
      params: {},
    });
  });
});
