import { describe, expect, it } from 'vitest';
import { USER_AGENT } from '../../src/net/http-client.ts';
import { failure } from '../support/failure.ts';
import { closeAfterEach, testClient } from '../support/net-helpers.ts';
import { startTarget } from '../support/targets.ts';

const LOOPBACK = ['127.0.0.0/8'];
const later = closeAfterEach();

describe('getJson (a health endpoint)', () => {
  it('GETs without a body, asking for JSON, with the caller headers', async () => {
    const t = later(await startTarget(() => ({ status: 200, body: '{"1":{}}' })));
    const res = await testClient({ allow: LOOPBACK }).getJson({
      url: `${t.url}/api/v1/providers/health`,
      headers: { authorization: 'Bearer secret-token' },
    });
    expect(res).toMatchObject({ status: 200, body: '{"1":{}}', truncated: false, via: 'direct' });
    const [seen] = t.requests;
    expect(seen).toMatchObject({ method: 'GET', url: '/api/v1/providers/health', body: '' });
    expect(seen?.headers).toMatchObject({
      accept: 'application/json',
      'user-agent': USER_AGENT,
      authorization: 'Bearer secret-token',
    });
    expect(seen?.headers).not.toHaveProperty('content-type');
    expect(seen?.headers).not.toHaveProperty('content-length');
  });

  it('meets the same address policy, redirect refusal and answer limit as a POST', async () => {
    const t = later(await startTarget(() => ({ status: 302, headers: { location: 'http://169.254.169.254/' } })));
    expect(await failure(testClient({ allow: [] }).getJson({ url: t.url }))).toMatchObject({
      kind: 'policy',
      delivered: false,
    });
    expect(await failure(testClient({ allow: LOOPBACK }).getJson({ url: t.url }))).toMatchObject({ kind: 'redirect' });
    const big = later(await startTarget(() => ({ body: 'x'.repeat(5_000) })));
    const cut = await testClient({ allow: LOOPBACK }).getJson({ url: big.url, maxResponseBytes: 100 });
    expect(cut).toMatchObject({ truncated: true, body: 'x'.repeat(100) });
  });
});
