import { describe, expect, it } from 'vitest';
import { feishuSender, feishuSign } from '../../src/senders/feishu.ts';
import { startFakeFeishu } from './feishu.ts';
import { asResponse, ctx, every, type Json, NOW, post, render, useFakes } from './support.ts';

const fake = useFakes();

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
