import { ConnectFailure } from './errors.ts';

export type ProxyProtocol = 'http' | 'https' | 'socks5' | 'socks5h' | 'socks4' | 'socks4a';

export type ProxyConfig = {
  protocol: ProxyProtocol;
  /** Without IPv6 brackets. */
  host: string;
  port: number;
  /** The SOCKS4 user id for socks4:// and socks4a://. */
  username: string | undefined;
  /** Always undefined for SOCKS4, which has no password. */
  password: string | undefined;
  /** `socks5://10.0.0.2:1080`: safe to show, never the credentials. */
  label: string;
};

const DEFAULT_PORTS: Record<ProxyProtocol, number> = {
  http: 80,
  https: 443,
  socks5: 1080,
  socks5h: 1080,
  socks4: 1080,
  socks4a: 1080,
};

const invalid = (message: string) => new ConnectFailure('request', 'local', message);

/** Parses `http(s)://`, `socks5(h)://` or `socks4(a)://` proxy URLs; credentials are percent-decoded. */
export function parseProxyUrl(text: string): ProxyConfig {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    // Never echo it: it may hold credentials.
    throw invalid('the proxy URL is not a valid URL');
  }
  const protocol = url.protocol.slice(0, -1);
  if (!isProxyProtocol(protocol)) {
    // Named only when it is clearly a scheme: in `user:pass@host` it would be the user name.
    const named = text.trim().startsWith(`${url.protocol}//`) ? ` "${url.protocol}"` : '';
    throw invalid(`proxy scheme${named} is not supported (use http, https, socks5, socks5h, socks4 or socks4a)`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw invalid('the proxy URL has no host');
  const port = url.port === '' ? DEFAULT_PORTS[protocol] : Number(url.port);
  const label = `${protocol}://${url.hostname}:${port}`;
  const socks4 = protocol === 'socks4' || protocol === 'socks4a';
  if (socks4 && url.password !== '') {
    // Never echo it: the password stays out of the message.
    throw invalid(`the proxy URL for ${label} has a password, but SOCKS4 has none: give only a user id (user@host)`);
  }
  return {
    protocol,
    host,
    port,
    username: decode(url.username, label),
    password: socks4 || (url.password === '' && url.username === '') ? undefined : (decode(url.password, label) ?? ''),
    label,
  };
}

function isProxyProtocol(p: string): p is ProxyProtocol {
  return Object.hasOwn(DEFAULT_PORTS, p);
}

function decode(part: string, label: string): string | undefined {
  if (part === '') return undefined;
  try {
    return decodeURIComponent(part);
  } catch {
    throw invalid(`the credentials in the proxy URL for ${label} are not valid percent-encoding`);
  }
}
