import { describe, expect, it } from 'vitest';
import { USER_AGENT } from '../../src/net/http-client.ts';
import { failure } from '../support/failure.ts';
import { closeAfterEach, testClient } from '../support/net-helpers.ts';
import { canListenOn, closedPort, startTarget } from '../support/targets.ts';

const HAS_IPV6 = await canListenOn('::1');
const LOOPBACK = ['127.0.0.0/8'];
const later = closeAfterEach();

describe('postJson, direct', () => {
  it('POSTs the JSON body with Herald headers and returns the answer', async () => {
    const t = later(await startTarget(() => ({ status: 201, headers: { 'x-answer': 'yes' }, body: '{"errcode":0}' })));
    const res = await testClient({ allow: LOOPBACK }).postJson({
      url: `${t.url}/hook?x=1`,
      body: '{"msgtype":"text"}',
      headers: { 'X-Custom': 'a' },
    });
    expect(res).toMatchObject({ status: 201, body: '{"errcode":0}', truncated: false, via: 'direct' });
    expect(res.headers['x-answer']).toBe('yes');
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
    expect(res).not.toHaveProperty('proxyError');
    const [seen] = t.requests;
    expect(seen).toMatchObject({ method: 'POST', url: '/hook?x=1', body: '{"msgtype":"text"}' });
    expect(seen?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'x-custom': 'a',
      host: `127.0.0.1:${t.port}`,
      'content-length': String('{"msgtype":"text"}'.length),
    });
    expect(USER_AGENT).toMatch(/^Herald\/\d+\.\d+\.\d+/);
  });

  it.runIf(HAS_IPV6)('works over IPv6 loopback when allowlisted', async () => {
    const t = later(await startTarget(undefined, { host: '::1' }));
    const client = testClient({ allow: ['::1/128'] });
    const res = await client.postJson({ url: `${t.url}/v6`, body: '{}' });
    expect(res.status).toBe(200);
    expect(t.requests[0]?.headers.host).toBe(`[::1]:${t.port}`);
    const refused = await failure(testClient({ allow: LOOPBACK }).postJson({ url: t.url, body: '{}' }));
    expect(refused.message).toBe('refused: ::1 is loopback — allowed only inside OUTBOUND_ALLOW_CIDRS');
  });

  it('returns non-2xx answers as answers, not errors', async () => {
    const t = later(await startTarget(() => ({ status: 500, body: 'boom' })));
    const res = await testClient({ allow: LOOPBACK }).postJson({ url: t.url, body: '{}' });
    expect(res).toMatchObject({ status: 500, body: 'boom' });
  });

  it('lets callers set the content type and other ordinary headers', async () => {
    const t = later(await startTarget());
    await testClient({ allow: LOOPBACK }).postJson({
      url: t.url,
      body: '{}',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: 'Bearer x' },
    });
    expect(t.requests[0]?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(t.requests[0]?.headers.authorization).toBe('Bearer x');
  });

  it('keeps the connection alive between calls', async () => {
    const t = later(await startTarget());
    const client = testClient({ allow: LOOPBACK });
    for (let i = 0; i < 6; i += 1) await client.postJson({ url: t.url, body: '{}' });
    expect(t.requests).toHaveLength(6);
    // undici's pool may open a second socket right after the first answer; after that it reuses.
    expect(t.connections()).toBeLessThanOrEqual(2);
  });

  it('caps the response body and says so', async () => {
    const t = later(await startTarget(() => ({ body: 'x'.repeat(200_000) })));
    const res = await testClient({ allow: LOOPBACK }).postJson({ url: t.url, body: '{}', maxResponseBytes: 1000 });
    expect(res.truncated).toBe(true);
    expect(res.body).toBe('x'.repeat(1000));
    const byDefault = await testClient({ allow: LOOPBACK }).postJson({ url: t.url, body: '{}' });
    expect(byDefault.truncated).toBe(true);
    expect(byDefault.body).toHaveLength(64 * 1024);
    const small = await testClient({ allow: LOOPBACK }).postJson({ url: t.url, body: '{}', maxResponseBytes: 200_000 });
    expect(small.truncated).toBe(false);
    expect(small.body).toHaveLength(200_000);
  });

  it('refuses reserved headers, naming them all, and sends nothing', async () => {
    const t = later(await startTarget());
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({
        url: t.url,
        body: '{}',
        headers: { Host: 'evil.example', 'Content-Length': '1', Connection: 'close', 'Transfer-Encoding': 'chunked' },
      }),
    );
    expect(err).toMatchObject({ kind: 'request', delivered: false, stage: 'local' });
    expect(err.message).toBe('headers that may not be set: host, content-length, connection, transfer-encoding');
    expect(t.requests).toHaveLength(0);
  });

  it('refuses header injection without echoing the value', async () => {
    const t = later(await startTarget());
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({
        url: t.url,
        body: '{}',
        headers: { 'X-Token': 's3cr3t\r\nX-Evil: 1' },
      }),
    );
    expect(err).toMatchObject({ kind: 'request', delivered: false });
    expect(err.message).toBe('invalid value for x-token');
  });

  it('never follows a redirect to another host', async () => {
    const other = later(await startTarget());
    const t = later(
      await startTarget(() => ({ status: 307, headers: { location: `${other.url}/bot42:SECRET/x?key=SECRET` } })),
    );
    const err = await failure(testClient({ allow: LOOPBACK }).postJson({ url: `${t.url}/hook`, body: '{}' }));
    expect(err).toMatchObject({ kind: 'redirect', status: 307, delivered: true, via: 'direct' });
    expect(err.message).toBe(
      `${t.host}:${t.port} answered 307 with a redirect to ${other.url}, which is never followed`,
    );
    expect(other.requests).toHaveLength(0);
  });

  it('does not follow a redirect within the same host either, and says to fix the URL', async () => {
    const t = later(
      await startTarget((req) => (req.url === '/old' ? { status: 308, headers: { location: '/new' } } : {})),
    );
    const err = await failure(testClient({ allow: LOOPBACK }).postJson({ url: `${t.url}/old`, body: '{}' }));
    expect(err).toMatchObject({ kind: 'redirect', status: 308 });
    expect(err.message).toContain('within the same host, which is not followed: update the webhook URL');
    expect(t.requests.map((r) => r.url)).toEqual(['/old']);
  });

  it('reports a refused connection as connect, undelivered', async () => {
    const port = await closedPort();
    const err = await failure(
      testClient({ allow: LOOPBACK }).postJson({ url: `http://127.0.0.1:${port}/`, body: '{}' }),
    );
    expect(err).toMatchObject({
      kind: 'connect',
      stage: 'target',
      delivered: false,
      via: 'direct',
      code: 'ECONNREFUSED',
    });
    expect(err.message).toBe(`could not connect to 127.0.0.1:${port}: ECONNREFUSED`);
  });

  it('refuses URLs it cannot send to', async () => {
    const client = testClient({ allow: LOOPBACK });
    expect(await failure(client.postJson({ url: 'ftp://127.0.0.1/', body: '{}' }))).toMatchObject({
      kind: 'request',
      message: 'URL scheme "ftp:" is not supported (use http or https)',
    });
    expect((await failure(client.postJson({ url: 'not a url', body: '{}' }))).message).toBe(
      'the webhook URL is not a valid URL',
    );
    expect((await failure(client.postJson({ url: 'http://u:p@127.0.0.1/', body: '{}' }))).kind).toBe('request');
  });
});
