import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { TransportError } from '../../src/net/errors.ts';
import { failure } from '../support/failure.ts';
import { closeAfterEach, fakeLookup, testClient } from '../support/net-helpers.ts';
import { startHttpProxy, startSilentServer } from '../support/proxies.ts';
import { closedPort, startTarget } from '../support/targets.ts';

const LOOPBACK = ['127.0.0.0/8'];
const later = closeAfterEach();

const SECRETS = ['123456:AAbbCCdd-token', 'wecom-key-0f1e2d', 'proxy-pa55word', 'dingtalk-access-token'];
const SECRET_PATH = `/bot${SECRETS[0]}/sendMessage?key=${SECRETS[1]}&access_token=${SECRETS[3]}`;

/** Everything an error can show: message, stack, fields, nested proxy error. */
function expectNoSecret(err: TransportError) {
  const everything = [err.message, err.stack ?? '', inspect(err, { depth: 5 }), JSON.stringify(err)].join('\n');
  for (const secret of SECRETS) expect(everything).not.toContain(secret);
  expect(everything).not.toContain('/bot123456');
}

describe('no secret in any error', () => {
  it('connect failure with a token in the path and the query', async () => {
    const port = await closedPort();
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({ url: `http://127.0.0.1:${port}${SECRET_PATH}`, body: '{}' }),
    );
    expect(err.kind).toBe('connect');
    expectNoSecret(err);
  });

  it('policy refusal, DNS failure and timeout', async () => {
    const lookup = fakeLookup({});
    expectNoSecret(await failure(testClient().postJson({ url: `http://10.0.0.5${SECRET_PATH}`, body: '{}' })));
    expectNoSecret(
      await failure(testClient({ lookup }).postJson({ url: `https://api.telegram.test${SECRET_PATH}`, body: '{}' })),
    );
    const t = later(await startTarget(() => 'hang'));
    const timeout = await failure(
      testClient({ allow: LOOPBACK }).postJson({ url: `${t.url}${SECRET_PATH}`, body: '{}', totalTimeoutMs: 200 }),
    );
    expect(timeout.kind).toBe('timeout');
    expectNoSecret(timeout);
  });

  it('proxy password, on a proxy that is down, rejects it, or hangs; and after a failed fallback', async () => {
    const client = testClient({ allow: LOOPBACK });
    const down = `http://herald:${SECRETS[2]}@127.0.0.1:${await closedPort()}`;
    const url = `http://127.0.0.1:${await closedPort()}${SECRET_PATH}`;
    const both = await failure(client.postJson({ url, body: '{}', proxyUrl: down, proxyFallbackToDirect: true }));
    expect(both.proxyError?.kind).toBe('proxy');
    expectNoSecret(both);

    const proxy = later(await startHttpProxy({ username: 'herald', password: 'other' }));
    const rejecting = proxy.url.replace('://', `://herald:${SECRETS[2]}@`);
    expectNoSecret(await failure(client.postJson({ url, body: '{}', proxyUrl: rejecting })));

    const silent = later(await startSilentServer());
    const hanging = `socks5://herald:${SECRETS[2]}@127.0.0.1:${silent.port}`;
    expectNoSecret(await failure(client.postJson({ url, body: '{}', proxyUrl: hanging, connectTimeoutMs: 100 })));
  });

  it('a redirect whose Location carries a token', async () => {
    const t = later(
      await startTarget(() => ({ status: 302, headers: { location: `http://127.0.0.9:1${SECRET_PATH}` } })),
    );
    const err = await failure(testClient({ allow: LOOPBACK }).postJson({ url: `${t.url}${SECRET_PATH}`, body: '{}' }));
    expect(err.kind).toBe('redirect');
    expectNoSecret(err);
  });

  it('masks the tokens of the webhook path but not the words of the message', async () => {
    const other = later(await startTarget());
    for (const path of ['/redirect', '/hooks/redirect', '/location/redirect', '/sendMessage/redirect-to']) {
      const t = later(await startTarget(() => ({ status: 302, headers: { location: `${other.url}${path}` } })));
      const err = await failure(testClient({ allow: LOOPBACK }).postJson({ url: `${t.url}${path}`, body: '{}' }));
      expect(err.message, path).toBe(
        `${t.host}:${t.port} answered 302 with a redirect to ${other.url}, which is never followed`,
      );
    }
  });
});
