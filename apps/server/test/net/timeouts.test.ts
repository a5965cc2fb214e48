import net, { type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { failure } from '../support/failure.ts';
import { closeAfterEach, testClient } from '../support/net-helpers.ts';
import { startSilentServer, startSocksProxy } from '../support/proxies.ts';
import { startTarget } from '../support/targets.ts';

const LOOPBACK = ['127.0.0.0/8'];
const later = closeAfterEach();

describe('timeouts and dropped connections', () => {
  it('a server that takes the request and never answers hits the total timeout: maybe delivered', async () => {
    const t = later(await startTarget(() => 'hang'));
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({ url: t.url, body: '{}', totalTimeoutMs: 300 }),
    );
    expect(err).toMatchObject({ kind: 'timeout', stage: 'target', delivered: true, via: 'direct' });
    expect(t.requests).toHaveLength(1);
  });

  it('a TLS handshake that never completes is a connect timeout: not delivered', async () => {
    const silent = later(await startSilentServer());
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({
        url: `https://127.0.0.1:${silent.port}/`,
        body: '{}',
        connectTimeoutMs: 200,
      }),
    );
    expect(err).toMatchObject({ kind: 'timeout', stage: 'target', delivered: false, code: 'ETIMEDOUT' });
    expect(err.message).toBe(`connecting to 127.0.0.1:${silent.port} timed out after 200 ms (in the TLS handshake)`);
    expect(silent.accepted()).toBe(1);
  });

  it('a SOCKS5 proxy that never answers its greeting is a connect timeout at the proxy', async () => {
    const silent = later(await startSilentServer());
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({
        url: 'http://127.0.0.1:9/',
        body: '{}',
        proxyUrl: `socks5h://127.0.0.1:${silent.port}`,
        connectTimeoutMs: 200,
      }),
    );
    expect(err).toMatchObject({ kind: 'timeout', stage: 'proxy', delivered: false, via: 'proxy' });
  });

  it('the connect timeout never outlasts the total timeout', async () => {
    const silent = later(await startSilentServer());
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({
        url: `https://127.0.0.1:${silent.port}/`,
        body: '{}',
        connectTimeoutMs: 60_000,
        totalTimeoutMs: 250,
      }),
    );
    expect(err).toMatchObject({ kind: 'timeout', delivered: false });
  });

  it('a connection dropped after the request was sent is a reset: maybe delivered', async () => {
    const t = later(await startTarget(() => 'destroy'));
    const err = await failure(testClient({ allow: LOOPBACK }).postJson({ url: t.url, body: '{}' }));
    expect(err).toMatchObject({ kind: 'reset', stage: 'target', delivered: true });
    expect(t.requests).toHaveLength(1);
  });

  it('through a proxy, a target that drops the connection after the request is a reset: maybe delivered', async () => {
    const socks = later(await startSocksProxy());
    const t = later(await startTarget(() => 'destroy'));
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({ url: t.url, body: '{}', proxyUrl: socks.url('socks5') }),
    );
    expect(err).toMatchObject({ kind: 'reset', delivered: true, via: 'proxy' });
    expect(t.requests).toHaveLength(1);
  });

  it('a proxy that hangs up during its handshake is a proxy failure: not delivered', async () => {
    const rude = net.createServer((s) => s.destroy());
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve));
    later({ close: () => new Promise<void>((resolve) => rude.close(() => resolve())) });
    const { port } = rude.address() as AddressInfo;
    for (const scheme of ['http', 'socks5', 'socks4', 'socks4a']) {
      const err = await failure(
        testClient({ allow: LOOPBACK }).postJson({
          url: 'http://127.0.0.1:9/',
          body: '{}',
          proxyUrl: `${scheme}://127.0.0.1:${port}`,
        }),
      );
      expect(err, scheme).toMatchObject({ kind: 'proxy', stage: 'proxy', delivered: false });
    }
  });
});
