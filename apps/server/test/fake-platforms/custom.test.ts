import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { customSender } from '../../src/senders/custom.ts';
import type { SendTargetOf } from '../../src/senders/sender.ts';
import { startFakeCustom } from './custom.ts';
import { asResponse, ctx, every, post, render, useFakes } from './support.ts';

const fake = useFakes();

describe('custom webhook', () => {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const target = (url: string, extra: Partial<SendTargetOf<'custom'>> = {}): SendTargetOf<'custom'> => ({
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
