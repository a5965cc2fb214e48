import { describe, expect, it } from 'vitest';
import { ntfySender } from '../../src/senders/ntfy.ts';
import type { SendTargetOf } from '../../src/senders/sender.ts';
import { NTFY_MESSAGE_MAX_BYTES, startFakeNtfy } from './ntfy.ts';
import { asResponse, ctx, every, post, render, useFakes } from './support.ts';

const fake = useFakes();
const TOKEN = 'tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2';
const bearer = { authorization: `Bearer ${TOKEN}` };
const msg = (over: Record<string, unknown> = {}) => ({ topic: 'herald-alerts', message: 'hello', ...over });

describe('ntfy', () => {
  it('accepts every rendered notification as Herald sends it, and answers with the stored message', async () => {
    const ntfy = await fake(startFakeNtfy({ token: TOKEN, now: () => 1_768_458_600_000 }));
    const target: SendTargetOf<'ntfy'> = { channel: 'ntfy', webhookUrl: ntfy.topicUrl, ntfyToken: TOKEN };
    for (const [type, locale] of every) {
      const body = render('ntfy', type, locale);
      const req = ntfySender.prepare(target, body, ctx());
      const r = await post(req.url, JSON.parse(req.body), { headers: req.headers });
      expect(r.status, `${type} ${locale}`).toBe(200);
      expect(ntfySender.judge(asResponse(r))).toEqual({ ok: true });
      expect(r.json).toMatchObject({
        event: 'message',
        topic: 'herald-alerts',
        title: body.title,
        message: body.message,
        priority: body.priority,
        content_type: 'text/markdown',
        time: 1_768_458_600,
        expires: 1_768_458_600 + 12 * 3600,
      });
      expect(r.json.id).toMatch(/^[A-Za-z0-9]{12}$/);
    }
    expect(ntfy.accepted).toHaveLength(every.length);
    expect(new Set(ntfy.messages.map((m) => m.id)).size).toBe(every.length);
    expect(ntfy.received.every((r) => r.path === '/')).toBe(true);
  });

  it('a protected topic: no token is 40301, another token 40101, another topic 40301', async () => {
    const ntfy = await fake(startFakeNtfy({ token: TOKEN }));
    const none = await post(`${ntfy.url}/`, msg());
    expect([none.status, none.json.code, none.json.error]).toEqual([403, 40301, 'forbidden']);
    const wrong = await post(`${ntfy.url}/`, msg(), { headers: { authorization: 'Bearer tk_wrong' } });
    expect([wrong.status, wrong.json]).toMatchObject([401, { code: 40101, http: 401, error: 'unauthorized' }]);
    const basic = await post(`${ntfy.url}/`, msg(), { headers: { authorization: 'Basic cGhpbDpwYXNz' } });
    expect(basic.json.code).toBe(40101);
    const other = await post(`${ntfy.url}/`, msg({ topic: 'someone-else' }), { headers: bearer });
    expect(other.json.code).toBe(40301);
    expect(ntfySender.judge(asResponse(wrong))).toMatchObject({ class: 'permanent', code: 40101 });
    expect(ntfy.accepted).toEqual([]);
  });

  it.each([
    ['a topic with a dot', msg({ topic: 'bad.topic' }), 40009],
    ['a 65-character topic', msg({ topic: 'a'.repeat(65) }), 40009],
    ['no topic', { message: 'x' }, 40009],
    ['a reserved topic', msg({ topic: 'v1' }), 40010],
    ['priority 0', msg({ priority: 0 }), 40007],
    ['priority 6', msg({ priority: 6 }), 40007],
    ['priority as text', msg({ priority: 'urgent' }), 40007],
    ['tags as a string', msg({ tags: 'warning,skull' }), 40017],
    ['an empty tag', msg({ tags: ['warning', ''] }), 40017],
    ['a numeric title', msg({ title: 5 }), 40017],
    ['markdown as text', msg({ markdown: 'yes' }), 40017],
    ['an unknown field', msg({ body: 'x' }), 40017],
    ['a JSON array', [msg()], 40017],
    ['a click that is no string', msg({ click: 5 }), 40017],
    ['actions that are no list', msg({ actions: { action: 'view' } }), 40018],
    ['four actions', msg({ actions: Array(4).fill({ action: 'view', label: 'x', url: 'https://a.test' }) }), 40018],
    ['an unknown action', msg({ actions: [{ action: 'open', label: 'x', url: 'https://a.test' }] }), 40018],
    ['an action without a label', msg({ actions: [{ action: 'view', url: 'https://a.test' }] }), 40018],
    ['a view without a URL', msg({ actions: [{ action: 'view', label: 'x' }] }), 40018],
  ])('refuses %s with ntfy’s code', async (_what, body, code) => {
    const ntfy = await fake(startFakeNtfy());
    const r = await post(`${ntfy.url}/`, body);
    expect(r.json.code).toBe(code);
    expect(r.status).toBe(Math.floor(code / 100));
    expect(ntfy.accepted).toEqual([]);
  });

  it('keeps a click URL and up to three view buttons, as ntfy stores them', async () => {
    const ntfy = await fake(startFakeNtfy());
    const actions = [
      { action: 'view', label: 'Alerts', url: 'https://herald.test/deliveries?provider=7' },
      { action: 'VIEW', label: 'Log', url: 'https://herald.test/deliveries?notification=1', clear: true },
    ];
    const r = await post(`${ntfy.url}/`, msg({ click: 'https://herald.test/x', actions }));
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      click: 'https://herald.test/x',
      actions: [
        { action: 'view', label: 'Alerts', url: 'https://herald.test/deliveries?provider=7', clear: false },
        { action: 'view', label: 'Log', url: 'https://herald.test/deliveries?notification=1', clear: true },
      ],
    });
  });

  it('counts the message in UTF-8 bytes: 4,096 fits, 4,097 would become an attachment (40014)', async () => {
    const ntfy = await fake(startFakeNtfy());
    const fits = await post(`${ntfy.url}/`, msg({ message: `${'中'.repeat(1365)}a` }));
    expect([fits.status, fits.json.event]).toEqual([200, 'message']);
    const over = await post(`${ntfy.url}/`, msg({ message: `${'中'.repeat(1365)}ab` }));
    expect([over.status, over.json.code]).toEqual([400, 40014]);
    expect(over.json.error).toBe(
      'invalid request: attachments not allowed, attachment-cache-dir must be configured for this feature',
    );
    expect(NTFY_MESSAGE_MAX_BYTES).toBe(4096);
    const huge = await post(`${ntfy.url}/`, msg({ title: 'x'.repeat(9000) }));
    expect([huge.status, huge.json.code, huge.json.error]).toEqual([413, 41303, 'JSON body too large']);
    expect(await post(`${ntfy.url}/`, 'not json')).toMatchObject({ status: 400, json: { code: 40017 } });
  });

  it('JSON posted to the topic URL is not a delivery: ntfy would show the raw JSON as text', async () => {
    const ntfy = await fake(startFakeNtfy());
    const r = await post(ntfy.topicUrl, msg());
    expect(r.status).toBe(200);
    expect(r.json.message).toBe(JSON.stringify(msg()));
    expect(ntfy.received[0]?.accepted).toBe(false);
    expect((await post(`${ntfy.url}/a/b`, msg())).json.code).toBe(40401);
  });

  it('scripted failures come in ntfy’s shape', async () => {
    const ntfy = await fake(startFakeNtfy());
    ntfy.failNext({ kind: 'rateLimit' });
    ntfy.failNext({ kind: 'errcode', code: 50001 });
    ntfy.failNext({ kind: 'errcode', code: 42908 });
    const limited = await post(`${ntfy.url}/`, msg());
    expect([limited.status, limited.json.code]).toEqual([429, 42901]);
    expect(ntfySender.judge(asResponse(limited))).toMatchObject({ rateLimited: true, retryAfterMs: 5_000 });
    const broken = await post(`${ntfy.url}/`, msg());
    expect(ntfySender.judge(asResponse(broken))).toMatchObject({ class: 'retryable', code: 50001 });
    expect((await post(`${ntfy.url}/`, msg())).json).toMatchObject({ code: 42908, http: 429 });
    expect((await post(`${ntfy.url}/`, msg())).status).toBe(200);
    expect(ntfy.refused).toEqual([]);
  });

  it("rateLimit 'platform': a bucket of 60, then one request per 5 s; a refused one takes no token", async () => {
    let now = 0;
    const ntfy = await fake(startFakeNtfy({ rateLimit: 'platform', now: () => now }));
    for (let i = 0; i < 60; i++) expect((await post(`${ntfy.url}/`, msg())).status).toBe(200);
    const refused = await post(`${ntfy.url}/`, msg());
    expect([refused.status, refused.json.code]).toEqual([429, 42901]);
    expect(refused.json.error).toBe('limit reached: too many requests, please be nice');
    now = 4_999;
    expect((await post(`${ntfy.url}/`, msg())).status).toBe(429);
    now = 5_000;
    expect((await post(`${ntfy.url}/`, msg())).status).toBe(200);
    expect((await post(`${ntfy.url}/`, msg())).status).toBe(429);
    now = 10_000;
    expect((await post(`${ntfy.url}/`, msg())).status).toBe(200);
    expect(ntfy.accepted).toHaveLength(62);
    expect(ntfy.refused).toHaveLength(3);
    // Bad requests spend tokens too: the limit comes before ntfy reads the body.
    now = 10_000 + 5_000;
    expect((await post(`${ntfy.url}/`, msg({ priority: 9 }))).json.code).toBe(40007);
    expect((await post(`${ntfy.url}/`, msg())).status).toBe(429);
  });
});
