import { describe, expect, it } from 'vitest';
import { parseProxyUrl } from './proxy-url.ts';

describe('parseProxyUrl', () => {
  it('reads each supported scheme with its default port', () => {
    expect(parseProxyUrl('http://proxy.lan')).toMatchObject({ protocol: 'http', host: 'proxy.lan', port: 80 });
    expect(parseProxyUrl('https://proxy.lan')).toMatchObject({ protocol: 'https', port: 443 });
    expect(parseProxyUrl('socks5://10.0.0.2')).toMatchObject({ protocol: 'socks5', port: 1080 });
    expect(parseProxyUrl(' socks5h://10.0.0.2:9050 ')).toMatchObject({ protocol: 'socks5h', port: 9050 });
    expect(parseProxyUrl('socks4://10.0.0.2')).toMatchObject({ protocol: 'socks4', port: 1080 });
    expect(parseProxyUrl('socks4a://10.0.0.2:9050')).toMatchObject({ protocol: 'socks4a', port: 9050 });
  });

  it('percent-decodes credentials and keeps them out of the label', () => {
    const p = parseProxyUrl('http://us%40er:p%3Ass%2Fw@[::1]:3128');
    expect(p).toEqual({
      protocol: 'http',
      host: '::1',
      port: 3128,
      username: 'us@er',
      password: 'p:ss/w',
      label: 'http://[::1]:3128',
    });
    expect(parseProxyUrl('socks5://user@h:1')).toMatchObject({ username: 'user', password: '' });
    expect(parseProxyUrl('socks5://h:1')).toMatchObject({ username: undefined, password: undefined });
  });

  it('takes the SOCKS4 user id from the user name and refuses a password, never echoing it', () => {
    expect(parseProxyUrl('socks4a://ops%2Fteam@h:1')).toMatchObject({ username: 'ops/team', password: undefined });
    expect(parseProxyUrl('socks4://h:1')).toMatchObject({ username: undefined, password: undefined });
    const message =
      'the proxy URL for socks4://h:1 has a password, but SOCKS4 has none: give only a user id (user@host)';
    expect(() => parseProxyUrl('socks4://ops:s3cret@h:1')).toThrow(message);
    expect(() => parseProxyUrl('socks4a://:s3cret@h:1')).toThrow('socks4a://h:1 has a password');
  });

  it('refuses what it cannot use, never echoing the URL', () => {
    expect(() => parseProxyUrl('socks6://u:secret@h:1')).toThrow(
      'proxy scheme "socks6:" is not supported (use http, https, socks5, socks5h, socks4 or socks4a)',
    );
    expect(() => parseProxyUrl('u:secret@h')).toThrow(/^proxy scheme is not supported/);
    expect(() => parseProxyUrl('not a url')).toThrow(/^the proxy URL is not a valid URL$/);
    expect(() => parseProxyUrl('http://u:%E0%A4%A@h:1')).toThrow('are not valid percent-encoding');
    try {
      parseProxyUrl('http://u:%E0%A4%A@h:1');
    } catch (err) {
      expect(String(err)).not.toContain('%E0');
      expect(err).toMatchObject({ kind: 'request', stage: 'local' });
    }
  });
});
