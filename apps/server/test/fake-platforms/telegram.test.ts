import { describe, expect, it } from 'vitest';
import { telegramSender } from '../../src/senders/telegram.ts';
import { asResponse, CHAT, ctx, every, type Json, NOW, post, render, useFakes } from './support.ts';
import { startFakeTelegram, TELEGRAM_MAX_TEXT } from './telegram.ts';

const fake = useFakes();

describe('Telegram', () => {
  const token = '42:secret-token';
  const start = () => startFakeTelegram({ token, chats: { [CHAT]: { topics: [7] }, '555': {} } });
  const send = (t: { url: string }, text: string, extra: Json = {}) =>
    post(`${t.url}/bot${token}/sendMessage`, { chat_id: CHAT, text, parse_mode: 'HTML', ...extra });

  it('accepts every rendered notification, topic included, and answers with the message', async () => {
    const tg = await fake(start());
    for (const [type, locale] of every) {
      const body = render('telegram', type, locale, { config: { telegramChatId: CHAT, telegramTopicId: 7 } });
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
    expect(tg.messages.map((m) => m.message_id)).toEqual(every.map((_, i) => i + 1));
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
