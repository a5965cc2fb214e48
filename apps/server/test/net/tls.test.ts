import { describe, expect, it } from 'vitest';
import { failure } from '../support/failure.ts';
import { closeAfterEach, fakeLookup, makeCert, testClient } from '../support/net-helpers.ts';
import { startHttpProxy, startSocksProxy } from '../support/proxies.ts';
import { startTarget } from '../support/targets.ts';

// Made at test time with openssl; the suite is skipped where there is none.
const cert = makeCert();
const LOOPBACK = ['127.0.0.0/8'];
const later = closeAfterEach();

describe.skipIf(!cert)('https targets', () => {
  const tls = { key: cert?.key ?? '', cert: cert?.cert ?? '' };
  const trust = { ca: tls.cert };
  const lookup = fakeLookup({ 'webhook.test': ['127.0.0.1'], 'other.test': ['127.0.0.1'] });

  it('connects to the checked IP but keeps the name for SNI, certificate check and Host', async () => {
    const t = later(await startTarget(undefined, { tls }));
    const res = await testClient({ allow: LOOPBACK, lookup, tls: trust }).postJson({
      url: `https://webhook.test:${t.port}/send?key=k`,
      body: '{}',
    });
    expect(res).toMatchObject({ status: 200, via: 'direct' });
    expect(t.requests[0]).toMatchObject({ url: '/send?key=k', servername: 'webhook.test' });
    expect(t.requests[0]?.headers.host).toBe(`webhook.test:${t.port}`);
  });

  it('sends no SNI for an IP literal and checks the certificate against the IP', async () => {
    const t = later(await startTarget(undefined, { tls }));
    const res = await testClient({ allow: LOOPBACK, tls: trust }).postJson({ url: `${t.url}/`, body: '{}' });
    expect(res.status).toBe(200);
    expect(t.requests[0]?.servername).toBe(false);
  });

  it('refuses a certificate for another name: tls, not delivered', async () => {
    const t = later(await startTarget(undefined, { tls }));
    const err = await failure(
      testClient({ allow: LOOPBACK, lookup, tls: trust }).postJson({
        url: `https://other.test:${t.port}/`,
        body: '{}',
      }),
    );
    expect(err).toMatchObject({ kind: 'tls', stage: 'target', delivered: false, code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(err.message).toContain(`TLS handshake with other.test:${t.port} failed: `);
    expect(t.requests).toHaveLength(0);
  });

  it('refuses an untrusted certificate', async () => {
    const t = later(await startTarget(undefined, { tls }));
    const err = await failure(
      testClient({ allow: LOOPBACK, lookup }).postJson({ url: `https://webhook.test:${t.port}/`, body: '{}' }),
    );
    expect(err).toMatchObject({ kind: 'tls', delivered: false });
    expect(t.requests).toHaveLength(0);
  });

  it('works through an HTTP CONNECT tunnel, with SNI for the platform', async () => {
    const t = later(await startTarget(undefined, { tls }));
    const proxy = later(await startHttpProxy());
    const res = await testClient({ allow: LOOPBACK, tls: trust }).postJson({
      url: `https://localhost:${t.port}/`,
      body: '{}',
      proxyUrl: proxy.url,
    });
    expect(res).toMatchObject({ status: 200, via: 'proxy' });
    expect(proxy.connects).toEqual([`localhost:${t.port}`]);
    expect(t.requests[0]?.servername).toBe('localhost');
  });

  it('works through an https:// proxy (TLS to the proxy, then TLS to the platform inside it)', async () => {
    const t = later(await startTarget(undefined, { tls }));
    const proxy = later(await startHttpProxy({ tls }));
    const res = await testClient({ allow: LOOPBACK, tls: trust }).postJson({
      url: `https://localhost:${t.port}/`,
      body: '{}',
      proxyUrl: proxy.url,
    });
    expect(res).toMatchObject({ status: 200, via: 'proxy' });
    expect(proxy.url).toMatch(/^https:/);
    expect(t.requests[0]?.servername).toBe('localhost');
  });

  it('works through socks5h://', async () => {
    const t = later(await startTarget(undefined, { tls }));
    const socks = later(await startSocksProxy());
    const res = await testClient({ allow: ['127.0.0.0/8', '::1/128'], tls: trust }).postJson({
      url: `https://localhost:${t.port}/`,
      body: '{}',
      proxyUrl: socks.url('socks5h'),
    });
    expect(res).toMatchObject({ status: 200, via: 'proxy' });
    expect(socks.destinations).toEqual([`localhost:${t.port}`]);
    expect(t.requests[0]?.servername).toBe('localhost');
  });
});
