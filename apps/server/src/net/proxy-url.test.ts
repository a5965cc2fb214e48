import { describe, expect, it } from 'vitest';
import { parseProxyUrl } from './proxy-url.ts';

describe('parseProxyUrl', () => {
  it('reads each supported scheme with its default port', () => {
    expect(parseProxyUrl('http://proxy.lan')).toMatchObject({ protocol: 'http', host: 'proxy.lan', port: 80 });
    expect(parseProxyUrl('https://proxy.lan')).toMatchObject({ protocol: 'https', port: 443 });
    expect(parseProxyUrl('socks5://10.0.0.2')).toMatchObject({ protocol: 'socks5', port: 1080 });
    expect(parseProxyUrl(' socks5h://10.0.0.2:9050 ')).toMatchObject({ protocol: 'socks5h', port: 9050 });
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

  it('refuses what it cannot use, never echoing the URL', () => {
    expect(() => parseProxyUrl('socks4://u:secret@h:1')).toThrow('proxy scheme "socks4:" is not supported');
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
