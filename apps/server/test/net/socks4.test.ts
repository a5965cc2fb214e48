import { describe, expect, it } from 'vitest';
import { failure } from '../support/failure.ts';
import { closeAfterEach, fakeLookup, makeCert, testClient } from '../support/net-helpers.ts';
import { startSilentServer, startSocks4Proxy } from '../support/proxies.ts';
import { closedPort, startTarget } from '../support/targets.ts';

const LOOPBACK = ['127.0.0.0/8'];
const BOTH_LOOPBACKS = ['127.0.0.0/8', '::1/128'];
const cert = makeCert();
const later = closeAfterEach();

describe('through a SOCKS4 proxy', () => {
  it('socks4:// resolves locally and hands the proxy the checked IPv4 and the user id', async () => {
    const t = later(await startTarget());
    const socks = later(await startSocks4Proxy({ userId: 'herald' }));
    // IPv6 first, as a resolver may order it: SOCKS4 can only carry the IPv4 one.
    const lookup = fakeLookup({ 'hook.test': ['::1', '127.0.0.1'] });
    const res = await testClient({ allow: BOTH_LOOPBACKS, lookup }).postJson({
      url: `http://hook.test:${t.port}/hook`,
      body: '{"a":1}',
      proxyUrl: socks.url('socks4', 'herald'),
    });
    expect(res).toMatchObject({ status: 200, via: 'proxy' });
    expect(socks.destinations).toEqual([`127.0.0.1:${t.port}`]);
    expect(socks.userIds).toEqual(['herald']);
    expect(t.requests[0]).toMatchObject({ url: '/hook', body: '{"a":1}' });
    expect(t.requests[0]?.headers.host).toBe(`hook.test:${t.port}`);
  });

  it('socks4:// applies the address policy to the destination before asking the proxy', async () => {
    const socks = later(await startSocks4Proxy());
    const lookup = fakeLookup({ 'other.test': ['127.0.0.2'], 'meta.test': ['169.254.169.254'] });
    const client = testClient({ allow: ['127.0.0.1/32'], lookup });
    const other = await failure(
      client.postJson({ url: 'http://other.test:8080/', body: '{}', proxyUrl: socks.url('socks4') }),
    );
    expect(other).toMatchObject({ kind: 'policy', stage: 'local', delivered: false, via: 'proxy' });
    expect(other.message).toBe(
      'refused: 127.0.0.2 is loopback — allowed only inside OUTBOUND_ALLOW_CIDRS (other.test resolves to 127.0.0.2)',
    );
    const meta = await failure(
      client.postJson({ url: 'http://meta.test/', body: '{}', proxyUrl: socks.url('socks4') }),
    );
    expect(meta.message).toContain('169.254.169.254 is link-local (cloud metadata) — never allowed');
    expect(socks.destinations).toEqual([]);
  });

  it('socks4:// says so when the destination has no IPv4 address to send', async () => {
    const socks = later(await startSocks4Proxy());
    const lookup = fakeLookup({ 'v6.test': ['::1'] });
    const err = await failure(
      testClient({ allow: BOTH_LOOPBACKS, lookup }).postJson({
        url: 'http://v6.test:8080/',
        body: '{}',
        proxyUrl: socks.url('socks4'),
      }),
    );
    expect(err).toMatchObject({ kind: 'request', stage: 'local', delivered: false });
    expect(err.message).toBe(
      'SOCKS4 carries only IPv4 addresses and v6.test has no allowed one (use socks5:// or socks5h://)',
    );
    expect(socks.destinations).toEqual([]);
  });

  it('socks4a:// passes the host name for the proxy to resolve', async () => {
    const t = later(await startTarget());
    const socks = later(await startSocks4Proxy());
    const res = await testClient({ allow: BOTH_LOOPBACKS }).postJson({
      url: `http://localhost:${t.port}/hook`,
      body: '{}',
      proxyUrl: socks.url('socks4a', 'ops'),
    });
    expect(res).toMatchObject({ status: 200, via: 'proxy' });
    expect(socks.destinations).toEqual([`localhost:${t.port}`]);
    expect(socks.userIds).toEqual(['ops']);
  });

  it('socks4a:// still refuses a name that resolves here to any refused address', async () => {
    const socks = later(await startSocks4Proxy());
    const lookup = fakeLookup({ 'dual.test': ['127.0.0.1', '169.254.169.254'] });
    const err = await failure(
      testClient({ allow: LOOPBACK, lookup }).postJson({
        url: 'http://dual.test:8080/',
        body: '{}',
        proxyUrl: socks.url('socks4a'),
      }),
    );
    expect(err).toMatchObject({ kind: 'policy', stage: 'local', delivered: false });
    expect(socks.destinations).toEqual([]);
  });

  it.skipIf(!cert)('socks4a:// carries TLS to an https target, certificate checked against the name', async () => {
    const tls = { key: cert?.key ?? '', cert: cert?.cert ?? '' };
    const t = later(await startTarget(undefined, { tls }));
    const socks = later(await startSocks4Proxy());
    const res = await testClient({ allow: BOTH_LOOPBACKS, tls: { ca: tls.cert } }).postJson({
      url: `https://localhost:${t.port}/`,
      body: '{}',
      proxyUrl: socks.url('socks4a'),
    });
    expect(res).toMatchObject({ status: 200, via: 'proxy' });
    expect(t.requests[0]?.servername).toBe('localhost');
  });

  it('a request the proxy refuses (reply 0x5B) is a proxy failure naming the reply, undelivered', async () => {
    const socks = later(await startSocks4Proxy());
    const port = await closedPort();
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({
        url: `http://127.0.0.1:${port}/`,
        body: '{}',
        proxyUrl: socks.url('socks4'),
      }),
    );
    expect(err).toMatchObject({ kind: 'proxy', stage: 'proxy', delivered: false, via: 'proxy' });
    expect(err.message).toBe(
      `socks4://127.0.0.1:${socks.port} could not connect to 127.0.0.1:${port}: request rejected or failed (SOCKS4 reply 0x5B)`,
    );
    expect(socks.destinations).toEqual([`127.0.0.1:${port}`]);
  });

  it('a user id the proxy does not accept is named (reply 0x5D)', async () => {
    const t = later(await startTarget());
    const socks = later(await startSocks4Proxy({ userId: 'herald' }));
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({ url: t.url, body: '{}', proxyUrl: socks.url('socks4', 'other') }),
    );
    expect(err).toMatchObject({ kind: 'proxy', stage: 'proxy', delivered: false });
    expect(err.message).toContain('identd reported a different user id (SOCKS4 reply 0x5D)');
    expect(t.requests).toHaveLength(0);
  });

  it('a password in a socks4 URL is refused before any connection, never echoed', async () => {
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({
        url: 'http://127.0.0.1:9/',
        body: '{}',
        proxyUrl: 'socks4://herald:s3cret-pw@127.0.0.1:1080',
      }),
    );
    expect(err).toMatchObject({ kind: 'request', stage: 'local', delivered: false });
    expect(err.message).toBe(
      'the proxy URL for socks4://127.0.0.1:1080 has a password, but SOCKS4 has none: give only a user id (user@host)',
    );
    expect(JSON.stringify(err)).not.toContain('s3cret');
  });
});

describe('SOCKS4 proxy fallback to direct', () => {
  it('an unreachable proxy: sends directly once when asked, keeping the proxy error', async () => {
    const t = later(await startTarget());
    const proxyUrl = `socks4://herald@127.0.0.1:${await closedPort()}`;
    const client = testClient({ allow: LOOPBACK });
    const res = await client.postJson({ url: t.url, body: '{}', proxyUrl, proxyFallbackToDirect: true });
    expect(res).toMatchObject({ status: 200, via: 'direct' });
    expect(res.proxyError).toMatchObject({ kind: 'proxy', stage: 'proxy', delivered: false, code: 'ECONNREFUSED' });
    expect(res.proxyError?.message).toMatch(
      /^proxy socks4:\/\/127\.0\.0\.1:\d+ failed connecting to the proxy for 127\.0\.0\.1:\d+: ECONNREFUSED$/,
    );
    expect(t.requests).toHaveLength(1);

    const err = await failure(client.postJson({ url: t.url, body: '{}', proxyUrl }));
    expect(err).toMatchObject({ kind: 'proxy', via: 'proxy', code: 'ECONNREFUSED' });
    expect(t.requests).toHaveLength(1);
  });

  it('a proxy that never answers: a connect timeout at the proxy, then direct', async () => {
    const t = later(await startTarget());
    const silent = later(await startSilentServer());
    const res = await testClient({ allow: LOOPBACK }).postJson({
      url: t.url,
      body: '{}',
      proxyUrl: `socks4a://127.0.0.1:${silent.port}`,
      proxyFallbackToDirect: true,
      connectTimeoutMs: 200,
    });
    expect(res.via).toBe('direct');
    expect(res.proxyError?.message).toBe(
      `connecting to 127.0.0.1:${t.port} via socks4a://127.0.0.1:${silent.port} timed out after 200 ms (waiting for the proxy to open the tunnel)`,
    );
    expect(t.requests).toHaveLength(1);
  });

  it('never falls back once the request went through the tunnel', async () => {
    const t = later(await startTarget(() => 'destroy'));
    const socks = later(await startSocks4Proxy());
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({
        url: t.url,
        body: '{}',
        proxyUrl: socks.url('socks4'),
        proxyFallbackToDirect: true,
      }),
    );
    expect(err).toMatchObject({ kind: 'reset', delivered: true, via: 'proxy' });
    expect(err.proxyError).toBeUndefined();
    expect(t.requests).toHaveLength(1);
  });
});
