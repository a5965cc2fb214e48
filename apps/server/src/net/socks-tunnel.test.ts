import { duplexPair } from 'node:stream';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseProxyUrl } from './proxy-url.ts';
import { type SocksProtocol, socksTunnel } from './socks-tunnel.ts';

const GRANTED_5 = [5, 0, 0, 1, 127, 0, 0, 1, 0, 80];
const GRANTED_4 = [0, 0x5a, 0, 0, 0, 0, 0, 0];

/**
 * Plays the proxy side of one handshake through the real `socks` client: answers the n-th
 * message it receives with `answers[n]` (0x42 follows the last, as early target data).
 */
async function handshake(proxyUrl: string, host: string, answers: number[][]) {
  const proxy = parseProxyUrl(proxyUrl) as ReturnType<typeof parseProxyUrl> & { protocol: SocksProtocol };
  const [client, server] = duplexPair();
  const seen: Buffer[] = [];
  server.on('data', (chunk: Buffer) => {
    seen.push(chunk);
    const answer = answers[seen.length - 1];
    if (answer === undefined) return;
    const bytes = Buffer.from(seen.length === answers.length ? [...answer, 0x42] : answer);
    // A pair delivers writes synchronously; a real proxy's answer comes in a later tick.
    setImmediate(() => server.write(bytes));
  });
  const result = await socksTunnel(client, proxy, { host, port: 443 }, 5_000).then(
    () => null,
    (err: unknown) => err as Error,
  );
  // What followed the reply is left for the next reader (TLS or undici).
  const next = result ? null : await new Promise<Buffer>((resolve) => client.once('data', resolve));
  return { seen, error: result, next };
}

const s5 = (host: string, reply: number[], url = 'socks5://p:1080') => handshake(url, host, [[5, 0], reply]);
const s4 = (host: string, reply: number[], url = 'socks4://p:1080') => handshake(url, host, [reply]);
const message = async (p: Promise<{ error: Error | null }>) => (await p).error?.message;

describe('SOCKS5 through the socks package', () => {
  it('sends IPv4, IPv6 and domain destinations in their own address types', async () => {
    const v4 = await s5('10.1.2.3', GRANTED_5);
    expect(v4.seen[0]).toEqual(Buffer.from([5, 1, 0]));
    expect(v4.seen[1]).toEqual(Buffer.from([5, 1, 0, 1, 10, 1, 2, 3, 1, 187]));
    expect(v4.next).toEqual(Buffer.from([0x42]));
    const v6 = await s5('2001:db8::1', GRANTED_5);
    expect(v6.seen[1]?.subarray(0, 4)).toEqual(Buffer.from([5, 1, 0, 4]));
    expect(v6.seen[1]?.subarray(4, 20).toString('hex')).toBe('20010db8000000000000000000000001');
    const name = await s5('qyapi.weixin.qq.com', GRANTED_5);
    expect(name.seen[1]?.subarray(0, 5)).toEqual(Buffer.from([5, 1, 0, 3, 19]));
    expect(name.seen[1]?.subarray(5, 24).toString()).toBe('qyapi.weixin.qq.com');
  });

  it('reads a bound address of any type before handing the socket on', async () => {
    expect((await s5('10.0.0.1', [5, 0, 0, 3, 4, ...Buffer.from('host'), 0, 80])).next).toEqual(Buffer.from([0x42]));
    expect((await s5('10.0.0.1', [5, 0, 0, 4, ...Array(16).fill(0), 0, 80])).next).toEqual(Buffer.from([0x42]));
  });

  it('names the reply code when the proxy cannot connect', async () => {
    const refused = [5, 5, 0, 1, 0, 0, 0, 0, 0, 0];
    expect(await message(s5('10.0.0.1', refused))).toBe(
      'socks5://p:1080 could not connect to 10.0.0.1:443: connection refused',
    );
    expect(await message(s5('2001:db8::1', [5, 2, 0, 1, 0, 0, 0, 0, 0, 0]))).toBe(
      'socks5://p:1080 could not connect to [2001:db8::1]:443: connection not allowed by ruleset',
    );
    expect(await message(s5('10.0.0.1', [5, 4, 0, 1, 0, 0, 0, 0, 0, 0]))).toContain(': host unreachable');
    expect(await message(s5('10.0.0.1', [5, 0x42, 0, 1, 0, 0, 0, 0, 0, 0]))).toContain(': unknown SOCKS5 reply code');
    const error = (await s5('10.0.0.1', refused)).error;
    expect(error).toMatchObject({ kind: 'proxy', stage: 'proxy' });
  });

  it('says what is wrong with a greeting or a reply', async () => {
    expect(await message(handshake('socks5h://p:1080', 'h.test', [[4, 0]]))).toBe(
      'socks5h://p:1080 is not a SOCKS5 proxy',
    );
    expect(await message(handshake('socks5://p:1080', 'h.test', [[5, 0xff]]))).toBe(
      'socks5://p:1080 accepts none of the offered authentication methods (credentials needed?)',
    );
    expect(await message(handshake('socks5://p:1080', 'h.test', [[5, 1]]))).toBe(
      'socks5://p:1080 chose an authentication method that was not offered',
    );
    expect(await message(s5('10.0.0.1', [4, 0, 0, 1, 0, 0, 0, 0, 0, 0]))).toBe(
      'socks5://p:1080 sent a malformed SOCKS5 reply',
    );
  });

  it('sends the username and password, and keeps the password out of a rejection', async () => {
    const url = 'socks5://ops:pa55-w%40rd@p:1080';
    const ok = await handshake(url, '10.0.0.1', [[5, 2], [1, 0], GRANTED_5]);
    expect(ok.seen[0]).toEqual(Buffer.from([5, 2, 0, 2]));
    expect(ok.seen[1]).toEqual(Buffer.from([1, 3, ...Buffer.from('ops'), 9, ...Buffer.from('pa55-w@rd')]));
    const rejected = await handshake(url, '10.0.0.1', [
      [5, 2],
      [1, 1],
    ]);
    expect(rejected.error?.message).toBe('socks5://p:1080 rejected the username/password');
    expect(inspect(rejected.error, { depth: 10 })).not.toContain('pa55');
    const noMethod = await handshake(url, '10.0.0.1', [[5, 0xff]]);
    expect(noMethod.error?.message).toBe('socks5://p:1080 accepts none of the offered authentication methods');
  });

  it('refuses what SOCKS5 cannot carry before writing a byte', async () => {
    const long = `socks5://${'u'.repeat(256)}:p@p:1080`;
    const user = await handshake(long, '10.0.0.1', []);
    expect(user.error?.message).toBe('SOCKS5 username and password must each be at most 255 bytes');
    expect(user.seen).toEqual([]);
    const name = await handshake('socks5h://p:1080', `${'a.'.repeat(128)}test`, []);
    expect(name.error?.message).toBe('the host name is too long for SOCKS5');
  });
});

describe('SOCKS4 and SOCKS4a through the socks package', () => {
  it('socks4:// sends the IPv4 address and the user id, never a password', async () => {
    const r = await s4('10.1.2.3', GRANTED_4, 'socks4://ops%2Fteam@p:1080');
    expect(r.seen[0]).toEqual(Buffer.from([4, 1, 1, 187, 10, 1, 2, 3, ...Buffer.from('ops/team'), 0]));
    expect(r.next).toEqual(Buffer.from([0x42]));
    expect((await s4('10.1.2.3', GRANTED_4)).seen[0]).toEqual(Buffer.from([4, 1, 1, 187, 10, 1, 2, 3, 0]));
  });

  it('socks4a:// sends the name for the proxy to resolve', async () => {
    const r = await s4('hook.test', GRANTED_4, 'socks4a://ops@p:1080');
    expect(r.seen[0]).toEqual(
      Buffer.from([4, 1, 1, 187, 0, 0, 0, 1, ...Buffer.from('ops'), 0, ...Buffer.from('hook.test'), 0]),
    );
    expect(r.next).toEqual(Buffer.from([0x42]));
  });

  it('names each SOCKS4 reply code', async () => {
    const reply = (code: number) => message(s4('10.0.0.1', [0, code, 0, 0, 0, 0, 0, 0]));
    expect(await reply(0x5b)).toBe(
      'socks4://p:1080 could not connect to 10.0.0.1:443: request rejected or failed (SOCKS4 reply 0x5B)',
    );
    expect(await reply(0x5c)).toContain('could not reach identd on this host (SOCKS4 reply 0x5C)');
    expect(await reply(0x5d)).toContain('identd reported a different user id (SOCKS4 reply 0x5D)');
    expect(await reply(0x01)).toContain(': unknown SOCKS4 reply code');
    expect((await s4('10.0.0.1', [0, 0x5b, 0, 0, 0, 0, 0, 0])).error).toMatchObject({ kind: 'proxy', stage: 'proxy' });
  });

  it('never sends an IPv6 address as a SOCKS4a name', async () => {
    const r = await s4('2001:db8::1', GRANTED_4);
    expect(r.error).toMatchObject({ kind: 'request', message: 'SOCKS4 cannot carry the IPv6 address 2001:db8::1' });
    expect(r.seen).toEqual([]);
  });
});
