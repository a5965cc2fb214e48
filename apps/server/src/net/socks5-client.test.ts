import { duplexPair } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { socks5Handshake } from './socks5-client.ts';

/** Plays the proxy side of one handshake and returns the CONNECT request it received. */
async function handshake(host: string, reply: number[] = [5, 0, 0, 1, 127, 0, 0, 1, 0, 80]) {
  const [client, proxy] = duplexPair();
  const seen: Buffer[] = [];
  proxy.on('data', (chunk: Buffer) => {
    seen.push(chunk);
    if (seen.length === 1) proxy.write(Buffer.from([5, 0]));
    else proxy.write(Buffer.from([...reply, 0x42]));
  });
  await socks5Handshake(client, { host, port: 443, label: 'socks5://p:1080' });
  // What followed the reply is left for the next reader.
  const next = await new Promise<Buffer>((resolve) => client.once('data', resolve));
  return { greeting: seen[0], connect: seen[1], next };
}

describe('socks5Handshake', () => {
  it('sends IPv4, IPv6 and domain destinations in their own address types', async () => {
    expect((await handshake('10.1.2.3')).connect).toEqual(Buffer.from([5, 1, 0, 1, 10, 1, 2, 3, 1, 187]));
    const v6 = await handshake('2001:db8::1');
    expect(v6.connect?.subarray(0, 4)).toEqual(Buffer.from([5, 1, 0, 4]));
    expect(v6.connect?.subarray(4, 20).toString('hex')).toBe('20010db8000000000000000000000001');
    const name = await handshake('qyapi.weixin.qq.com');
    expect(name.connect?.subarray(0, 5)).toEqual(Buffer.from([5, 1, 0, 3, 19]));
    expect(name.connect?.subarray(5, 24).toString()).toBe('qyapi.weixin.qq.com');
    expect(name.greeting).toEqual(Buffer.from([5, 1, 0]));
    expect(name.next).toEqual(Buffer.from([0x42]));
  });

  it('reads a bound address of any type before handing the socket on', async () => {
    const domainReply = [5, 0, 0, 3, 4, ...Buffer.from('host'), 0, 80];
    expect((await handshake('10.0.0.1', domainReply)).next).toEqual(Buffer.from([0x42]));
    const v6Reply = [5, 0, 0, 4, ...Array(16).fill(0), 0, 80];
    expect((await handshake('10.0.0.1', v6Reply)).next).toEqual(Buffer.from([0x42]));
  });

  it('names the SOCKS reply when the proxy cannot connect', async () => {
    await expect(handshake('10.0.0.1', [5, 5, 0, 1, 0, 0, 0, 0, 0, 0])).rejects.toThrow(
      'socks5://p:1080 could not connect to 10.0.0.1:443: connection refused',
    );
  });
});
