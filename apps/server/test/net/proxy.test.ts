import { describe, expect, it } from 'vitest';
import { failure } from '../support/failure.ts';
import { closeAfterEach, fakeLookup, testClient } from '../support/net-helpers.ts';
import { startHttpProxy, startSocksProxy } from '../support/proxies.ts';
import { canListenOn, startTarget } from '../support/targets.ts';

const HAS_IPV6 = await canListenOn('::1');
const LOOPBACK = ['127.0.0.0/8'];
const later = closeAfterEach();

describe('through an HTTP proxy', () => {
  it('tunnels with CONNECT, also for an http target', async () => {
    const t = later(await startTarget());
    const proxy = later(await startHttpProxy());
    const res = await testClient({ allow: LOOPBACK }).postJson({
      url: `${t.url}/hook`,
      body: '{"a":1}',
      proxyUrl: proxy.url,
    });
    expect(res).toMatchObject({ status: 200, via: 'proxy' });
    expect(proxy.connects).toEqual([`127.0.0.1:${t.port}`]);
    expect(proxy.forwarded).toEqual([]);
    expect(t.requests[0]).toMatchObject({ url: '/hook', body: '{"a":1}' });
    expect(t.requests[0]?.headers).not.toHaveProperty('proxy-authorization');
  });

  it.runIf(HAS_IPV6)('tunnels to an IPv6 target', async () => {
    const t = later(await startTarget(undefined, { host: '::1' }));
    const proxy = later(await startHttpProxy());
    const client = testClient({ allow: ['127.0.0.0/8', '::1/128'] });
    const res = await client.postJson({ url: t.url, body: '{}', proxyUrl: proxy.url });
    expect(res.status).toBe(200);
    expect(proxy.connects).toEqual([`[::1]:${t.port}`]);
  });

  it('authenticates with percent-decoded credentials from the URL', async () => {
    const t = later(await startTarget());
    const proxy = later(await startHttpProxy({ username: 'herald', password: 'p@ss:w/rd' }));
    const proxyUrl = proxy.url.replace('://', `://herald:${encodeURIComponent('p@ss:w/rd')}@`);
    const res = await testClient({ allow: LOOPBACK }).postJson({ url: t.url, body: '{}', proxyUrl });
    expect(res).toMatchObject({ status: 200, via: 'proxy' });
    // The proxy credentials reach the proxy only.
    expect(t.requests[0]?.headers).not.toHaveProperty('proxy-authorization');
  });

  it('reports wrong credentials as a proxy failure, undelivered, without the password', async () => {
    const t = later(await startTarget());
    const proxy = later(await startHttpProxy({ username: 'herald', password: 'right-password' }));
    const proxyUrl = proxy.url.replace('://', '://herald:wrong-password@');
    const err = await failure(testClient({ allow: LOOPBACK }).postJson({ url: t.url, body: '{}', proxyUrl }));
    expect(err).toMatchObject({ kind: 'proxy', stage: 'proxy', delivered: false, via: 'proxy' });
    expect(err.message).toBe(
      `http://127.0.0.1:${proxy.port} rejected the credentials (407 Proxy Authentication Required)`,
    );
    expect(JSON.stringify(err)).not.toContain('wrong-password');
    expect(t.requests).toHaveLength(0);
  });

  it('says so when the proxy needs credentials and none were given', async () => {
    const t = later(await startTarget());
    const proxy = later(await startHttpProxy({ username: 'herald', password: 'x' }));
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({ url: t.url, body: '{}', proxyUrl: proxy.url }),
    );
    expect(err.message).toContain('requires authentication (407');
  });

  it('checks the proxy address against the policy: a loopback proxy needs the allowlist', async () => {
    const t = later(await startTarget());
    const proxy = later(await startHttpProxy());
    // The target is allowed, the proxy on 127.0.0.1 is not.
    const err = await failure(
      testClient({ allow: ['127.0.0.2/32'] }).postJson({ url: 'http://127.0.0.2:9/', body: '{}', proxyUrl: proxy.url }),
    );
    expect(err).toMatchObject({ kind: 'policy', stage: 'proxy', delivered: false });
    expect(err.message).toBe('refused: proxy at 127.0.0.1 is loopback — allowed only inside OUTBOUND_ALLOW_CIDRS');
    expect(proxy.connects).toEqual([]);
    expect(t.requests).toHaveLength(0);
  });

  it('checks the target before asking the proxy: a refused target never reaches CONNECT', async () => {
    const t = later(await startTarget(undefined, { host: '127.0.0.2' }));
    const proxy = later(await startHttpProxy());
    const client = testClient({ allow: ['127.0.0.1/32'] });
    const err = await failure(client.postJson({ url: t.url, body: '{}', proxyUrl: proxy.url }));
    expect(err).toMatchObject({ kind: 'policy', stage: 'local', delivered: false });
    expect(err.message).toBe('refused: 127.0.0.2 is loopback — allowed only inside OUTBOUND_ALLOW_CIDRS');
    const metadata = await failure(
      testClient({ allow: ['0.0.0.0/0'] }).postJson({
        url: 'http://169.254.169.254/',
        body: '{}',
        proxyUrl: proxy.url,
      }),
    );
    expect(metadata.message).toContain('never allowed');
    // A name the proxy would resolve is checked against what it resolves to here: all of it.
    const lookup = fakeLookup({ 'dual.test': ['127.0.0.1', '127.0.0.2'] });
    const dual = testClient({ allow: ['127.0.0.1/32'], lookup });
    const local = await failure(dual.postJson({ url: `http://dual.test:${t.port}/`, body: '{}', proxyUrl: proxy.url }));
    expect(local.kind).toBe('policy');
    expect(local.message).toBe(
      'refused: 127.0.0.2 is loopback — allowed only inside OUTBOUND_ALLOW_CIDRS (dual.test resolves to 127.0.0.2)',
    );
    expect(proxy.connects).toEqual([]);
    expect(t.requests).toHaveLength(0);
  });

  it('refuses a proxy URL it cannot use, without echoing it', async () => {
    const client = testClient({ allow: LOOPBACK });
    const bad = await failure(
      client.postJson({ url: 'http://127.0.0.1:9/', body: '{}', proxyUrl: 'socks6://u:secret@x:1' }),
    );
    expect(bad).toMatchObject({ kind: 'request', stage: 'local', delivered: false });
    expect(bad.message).toBe(
      'proxy scheme "socks6:" is not supported (use http, https, socks5, socks5h, socks4 or socks4a)',
    );
    const junk = await failure(client.postJson({ url: 'http://127.0.0.1:9/', body: '{}', proxyUrl: 'secret-junk' }));
    expect(junk.message).toBe('the proxy URL is not a valid URL');
  });
});

describe('through a SOCKS5 proxy', () => {
  it('socks5:// resolves locally and hands the proxy the checked IP', async () => {
    const t = later(await startTarget());
    const socks = later(await startSocksProxy());
    const res = await testClient({ allow: LOOPBACK }).postJson({
      url: `http://localhost:${t.port}/hook`,
      body: '{}',
      proxyUrl: socks.url('socks5'),
    });
    expect(res).toMatchObject({ status: 200, via: 'proxy' });
    expect(socks.destinations).toEqual([`127.0.0.1:${t.port}`]);
    expect(t.requests[0]?.headers.host).toBe(`localhost:${t.port}`);
  });

  it('socks5h:// lets the proxy resolve the name', async () => {
    const t = later(await startTarget());
    const socks = later(await startSocksProxy());
    // Strict for proxy-resolved names: every local answer (::1 too) must be allowed.
    const res = await testClient({ allow: ['127.0.0.0/8', '::1/128'] }).postJson({
      url: `http://localhost:${t.port}/hook`,
      body: '{}',
      proxyUrl: socks.url('socks5h'),
    });
    expect(res).toMatchObject({ status: 200, via: 'proxy' });
    expect(socks.destinations).toEqual([`localhost:${t.port}`]);
  });

  it('socks5h:// still refuses a name that resolves here to any refused address', async () => {
    const socks = later(await startSocksProxy());
    const lookup = fakeLookup({ 'dual.test': ['127.0.0.1', '169.254.169.254'] });
    const err = await failure(
      testClient({ allow: ['127.0.0.0/8'], lookup }).postJson({
        url: 'http://dual.test:8080/',
        body: '{}',
        proxyUrl: socks.url('socks5h'),
      }),
    );
    expect(err).toMatchObject({ kind: 'policy', stage: 'local', delivered: false });
    expect(err.message).toContain('169.254.169.254 is link-local (cloud metadata) — never allowed');
    expect(socks.destinations).toEqual([]);
  });

  it('socks5h:// passes a name that does not resolve here to the proxy (the documented limit)', async () => {
    const socks = later(await startSocksProxy());
    // Only the proxy knows this name; our resolver has never heard of it.
    const err = await failure(
      testClient({ allow: ['127.0.0.0/8'], lookup: fakeLookup({}) }).postJson({
        url: 'http://only-the-proxy-knows.test:8080/',
        body: '{}',
        proxyUrl: socks.url('socks5h'),
      }),
    );
    // The (loopback-only) test proxy refuses it as a ruleset violation.
    expect(err).toMatchObject({ kind: 'proxy', delivered: false });
    expect(socks.destinations).toEqual(['only-the-proxy-knows.test:8080']);
  });

  it('authenticates with username and password', async () => {
    const t = later(await startTarget());
    const socks = later(await startSocksProxy({ username: 'herald', password: 's3cret!' }));
    const res = await testClient({ allow: LOOPBACK }).postJson({
      url: t.url,
      body: '{}',
      proxyUrl: socks.url('socks5', `herald:${encodeURIComponent('s3cret!')}`),
    });
    expect(res.status).toBe(200);
  });

  it('reports rejected credentials as a proxy failure, undelivered', async () => {
    const t = later(await startTarget());
    const socks = later(await startSocksProxy({ username: 'herald', password: 'right' }));
    const client = testClient({ allow: LOOPBACK });
    const wrong = await failure(
      client.postJson({ url: t.url, body: '{}', proxyUrl: socks.url('socks5', 'herald:wrong-secret') }),
    );
    expect(wrong).toMatchObject({ kind: 'proxy', stage: 'proxy', delivered: false, via: 'proxy' });
    expect(wrong.message).toBe(`socks5://127.0.0.1:${socks.port} rejected the username/password`);
    expect(JSON.stringify(wrong)).not.toContain('wrong-secret');

    const none = await failure(client.postJson({ url: t.url, body: '{}', proxyUrl: socks.url('socks5') }));
    expect(none.message).toBe(
      `socks5://127.0.0.1:${socks.port} accepts none of the offered authentication methods (credentials needed?)`,
    );
    expect(t.requests).toHaveLength(0);
  });

  it('reports a target the proxy cannot reach as a proxy failure', async () => {
    const socks = later(await startSocksProxy());
    // The test proxy refuses anything off loopback, as a ruleset.
    const client = testClient({ allow: ['127.0.0.0/8'] });
    const err = await failure(
      client.postJson({ url: 'http://127.0.0.1:1/', body: '{}', proxyUrl: socks.url('socks5') }),
    );
    expect(err).toMatchObject({ kind: 'proxy', stage: 'proxy', delivered: false });
    expect(err.message).toMatch(/could not connect to 127\.0\.0\.1:1: /);
  });
});
