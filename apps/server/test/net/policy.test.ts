import { describe, expect, it } from 'vitest';
import type { TransportError } from '../../src/net/errors.ts';
import { failure } from '../support/failure.ts';
import { closeAfterEach, fakeLookup, testClient, watchOutgoingSockets } from '../support/net-helpers.ts';
import { startTarget } from '../support/targets.ts';

const later = closeAfterEach();

/** Runs `fn` and returns how many TCP sockets the process opened meanwhile. */
async function socketsOpenedBy(fn: () => Promise<unknown>): Promise<number> {
  const watch = watchOutgoingSockets();
  try {
    await fn();
  } finally {
    watch.stop();
  }
  return watch.count();
}

describe('outbound policy at connect time', () => {
  it('refuses loopback without an allowlist, before opening any socket', async () => {
    const t = later(await startTarget());
    let err: TransportError | undefined;
    const opened = await socketsOpenedBy(async () => {
      err = await failure(testClient().postJson({ url: `${t.url}/hook`, body: '{}' }));
    });
    expect(err).toMatchObject({ kind: 'policy', stage: 'local', delivered: false, via: 'direct' });
    expect(err?.message).toBe('refused: 127.0.0.1 is loopback — allowed only inside OUTBOUND_ALLOW_CIDRS');
    expect(opened).toBe(0);
    expect(t.requests).toHaveLength(0);
  });

  it('allows loopback inside 127.0.0.0/8', async () => {
    const t = later(await startTarget());
    const res = await testClient({ allow: ['127.0.0.0/8'] }).postJson({ url: t.url, body: '{}' });
    expect(res.status).toBe(200);
    expect(t.requests).toHaveLength(1);
  });

  it('refuses a host name that resolves to loopback, naming the class, and sends nothing', async () => {
    const t = later(await startTarget());
    const err = await failure(testClient().postJson({ url: `http://localhost:${t.port}/`, body: '{}' }));
    expect(err).toMatchObject({ kind: 'policy', delivered: false });
    expect(err.message).toMatch(/^refused: (127\.0\.0\.1|::1) is loopback — allowed only inside OUTBOUND_ALLOW_CIDRS/);
    expect(err.message).toContain('(localhost resolves to ');
    expect(t.requests).toHaveLength(0);
  });

  it('connects only to the allowed addresses of a name, trying them in order', async () => {
    const t = later(await startTarget());
    // ::1 is refused (not in the allowlist); 127.0.0.3 has nothing listening; 127.0.0.1 answers.
    const lookup = fakeLookup({ 'dual.test': ['::1', '127.0.0.3', '127.0.0.1'] });
    const res = await testClient({ allow: ['127.0.0.0/8'], lookup }).postJson({
      url: `http://dual.test:${t.port}/`,
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(t.requests[0]?.headers.host).toBe(`dual.test:${t.port}`);
  });

  it('never reaches the metadata address, even with a 0.0.0.0/0 allowlist, and opens no socket', async () => {
    const client = testClient({ allow: ['0.0.0.0/0', '::/0'] });
    const errors: TransportError[] = [];
    const urls = [
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00:ec2::254]/',
      'http://100.100.100.200/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://0xa9fea9fe/',
    ];
    const opened = await socketsOpenedBy(async () => {
      for (const url of urls) errors.push(await failure(client.postJson({ url, body: '{}' })));
    });
    expect(opened).toBe(0);
    expect(errors[0]).toMatchObject({ kind: 'policy', delivered: false });
    expect(errors[0]?.message).toBe('refused: 169.254.169.254 is link-local (cloud metadata) — never allowed');
    for (const e of errors) expect(e.message).toContain('(cloud metadata) — never allowed');
  });

  it('refuses a name that resolves to the metadata address, at connect time', async () => {
    const client = testClient({ allow: ['0.0.0.0/0'], lookup: fakeLookup({ 'metadata.test': ['169.254.169.254'] }) });
    let err: TransportError | undefined;
    const opened = await socketsOpenedBy(async () => {
      err = await failure(client.postJson({ url: 'http://metadata.test/computeMetadata/v1/', body: '{}' }));
    });
    expect(err?.kind).toBe('policy');
    expect(err?.message).toBe(
      'refused: 169.254.169.254 is link-local (cloud metadata) — never allowed (metadata.test resolves to 169.254.169.254)',
    );
    expect(opened).toBe(0);
  });

  it('checks every new connection: a name that rebinds to a refused address is caught', async () => {
    // Connection: close forces a fresh connection, and so a fresh lookup, per request.
    const t = later(await startTarget(() => ({ headers: { connection: 'close' } })));
    const answers = [['127.0.0.1'], ['169.254.169.254']];
    const client = testClient({
      allow: ['127.0.0.0/8'],
      lookup: fakeLookup({ 'rebind.test': () => answers.shift() ?? [] }),
    });
    const url = `http://rebind.test:${t.port}/`;
    expect((await client.postJson({ url, body: '{}' })).status).toBe(200);
    const err = await failure(client.postJson({ url, body: '{}' }));
    expect(err).toMatchObject({ kind: 'policy', delivered: false });
    expect(err.message).toContain('169.254.169.254 is link-local (cloud metadata) — never allowed');
    expect(t.requests).toHaveLength(1);
  });

  it('reports a name that does not resolve as dns, undelivered', async () => {
    const client = testClient({ lookup: fakeLookup({}) });
    const err = await failure(client.postJson({ url: 'https://nowhere.test/hook', body: '{}' }));
    expect(err).toMatchObject({ kind: 'dns', delivered: false, code: 'ENOTFOUND' });
    expect(err.message).toBe('DNS lookup for nowhere.test failed (ENOTFOUND)');
  });
});
