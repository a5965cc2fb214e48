import { describe, expect, it } from 'vitest';
import { failure } from '../support/failure.ts';
import { closeAfterEach, testClient } from '../support/net-helpers.ts';
import { startHttpProxy, startSilentServer, startSocksProxy } from '../support/proxies.ts';
import { closedPort, startTarget } from '../support/targets.ts';

const LOOPBACK = ['127.0.0.0/8'];
const later = closeAfterEach();

describe('proxy fallback to direct', () => {
  it('sends directly once when the proxy is down, and keeps the proxy error', async () => {
    const t = later(await startTarget());
    const proxyUrl = `http://127.0.0.1:${await closedPort()}`;
    const res = await testClient({ allow: LOOPBACK }).postJson({
      url: t.url,
      body: '{}',
      proxyUrl,
      proxyFallbackToDirect: true,
    });
    expect(res).toMatchObject({ status: 200, via: 'direct' });
    expect(res.proxyError).toMatchObject({ kind: 'proxy', stage: 'proxy', delivered: false, via: 'proxy' });
    expect(res.proxyError?.message).toMatch(
      /^proxy http:\/\/127\.0\.0\.1:\d+ failed connecting to the proxy for 127\.0\.0\.1:\d+: ECONNREFUSED$/,
    );
    expect(t.requests).toHaveLength(1);
  });

  it('does not fall back unless asked', async () => {
    const t = later(await startTarget());
    const proxyUrl = `socks5://127.0.0.1:${await closedPort()}`;
    const err = await failure(testClient({ allow: LOOPBACK }).postJson({ url: t.url, body: '{}', proxyUrl }));
    expect(err).toMatchObject({ kind: 'proxy', delivered: false, via: 'proxy', code: 'ECONNREFUSED' });
    expect(t.requests).toHaveLength(0);
  });

  it('falls back when the proxy rejects the credentials', async () => {
    const t = later(await startTarget());
    const socks = later(await startSocksProxy({ username: 'u', password: 'right' }));
    const res = await testClient({ allow: LOOPBACK }).postJson({
      url: t.url,
      body: '{}',
      proxyUrl: socks.url('socks5', 'u:wrong'),
      proxyFallbackToDirect: true,
    });
    expect(res.via).toBe('direct');
    expect(res.proxyError?.message).toContain('rejected the username/password');
  });

  it('falls back when the proxy accepts TCP but never completes its handshake (connect timeout)', async () => {
    const t = later(await startTarget());
    const silent = later(await startSilentServer());
    const res = await testClient({ allow: LOOPBACK }).postJson({
      url: t.url,
      body: '{}',
      proxyUrl: `http://127.0.0.1:${silent.port}`,
      proxyFallbackToDirect: true,
      connectTimeoutMs: 200,
    });
    expect(res.via).toBe('direct');
    expect(res.proxyError).toMatchObject({ kind: 'timeout', stage: 'proxy', delivered: false });
    expect(res.proxyError?.message).toBe(
      `connecting to 127.0.0.1:${t.port} via http://127.0.0.1:${silent.port} timed out after 200 ms (waiting for the proxy to open the tunnel)`,
    );
    expect(t.requests).toHaveLength(1);
  });

  it('never falls back once the platform answered, even with a 500', async () => {
    const t = later(await startTarget(() => ({ status: 500, body: 'platform error' })));
    const proxy = later(await startHttpProxy());
    const res = await testClient({ allow: LOOPBACK }).postJson({
      url: t.url,
      body: '{}',
      proxyUrl: proxy.url,
      proxyFallbackToDirect: true,
    });
    expect(res).toMatchObject({ status: 500, via: 'proxy', body: 'platform error' });
    expect(t.requests).toHaveLength(1);
  });

  it('never falls back once the request may have been delivered (no answer in time)', async () => {
    const t = later(await startTarget(() => 'hang'));
    const proxy = later(await startHttpProxy());
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({
        url: t.url,
        body: '{}',
        proxyUrl: proxy.url,
        proxyFallbackToDirect: true,
        totalTimeoutMs: 500,
      }),
    );
    expect(err).toMatchObject({ kind: 'timeout', delivered: true, via: 'proxy', stage: 'target' });
    expect(err.message).toBe(`no complete answer from 127.0.0.1:${t.port} within 500 ms`);
    expect(t.requests).toHaveLength(1);
  });

  it('does not fall back when the target itself is refused by policy', async () => {
    const proxy = later(await startHttpProxy());
    const err = await failure(
      testClient({ allow: ['127.0.0.1/32'] }).postJson({
        url: 'http://127.0.0.5:9/',
        body: '{}',
        proxyUrl: proxy.url,
        proxyFallbackToDirect: true,
      }),
    );
    expect(err).toMatchObject({ kind: 'policy', stage: 'local', via: 'proxy' });
    expect(err.proxyError).toBeUndefined();
  });

  it('keeps both errors when the direct attempt fails too', async () => {
    const proxyUrl = `http://127.0.0.1:${await closedPort()}`;
    const targetPort = await closedPort();
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({
        url: `http://127.0.0.1:${targetPort}/`,
        body: '{}',
        proxyUrl,
        proxyFallbackToDirect: true,
      }),
    );
    expect(err).toMatchObject({ kind: 'connect', via: 'direct', delivered: false });
    expect(err.proxyError).toMatchObject({ kind: 'proxy', via: 'proxy' });
    expect(err.message).toMatch(
      /^could not connect to 127\.0\.0\.1:\d+: ECONNREFUSED \(direct, after the proxy failed: proxy http:\/\/127\.0\.0\.1:\d+ failed connecting to the proxy for 127\.0\.0\.1:\d+: ECONNREFUSED\)$/,
    );
  });
});
