import net from 'node:net';
import type { Duplex } from 'node:stream';
import { SocksClient } from 'socks';
import { ConnectFailure } from './errors.ts';
import type { ProxyConfig } from './proxy-url.ts';

export type SocksProtocol = 'socks5' | 'socks5h' | 'socks4' | 'socks4a';

export type SocksDestination = {
  /** An IP Herald resolved and checked (socks5://, socks4://) or a name the proxy resolves (socks5h://, socks4a://). */
  host: string;
  port: number;
};

const fail = (message: string) => new ConnectFailure('proxy', 'proxy', message);

/**
 * Runs the SOCKS handshake with the `socks` package on a socket already connected to the
 * proxy's checked address, so the address policy stays with the connector. Its errors become
 * ConnectFailures with a meaning; the library's own error is dropped, as it holds the password.
 */
export async function socksTunnel(
  socket: Duplex,
  proxy: ProxyConfig & { protocol: SocksProtocol },
  dest: SocksDestination,
  timeoutMs: number,
): Promise<void> {
  const version = proxy.protocol.startsWith('socks4') ? 4 : 5;
  checkFits(version, proxy, dest);
  try {
    await SocksClient.createConnection({
      command: 'connect',
      existing_socket: socket,
      // The library's timer starts after the connector's, which so always fires first.
      timeout: timeoutMs,
      proxy: {
        host: proxy.host,
        port: proxy.port,
        type: version,
        userId: proxy.username,
        password: version === 5 ? proxy.password : undefined,
      },
      destination: dest,
    });
  } catch (err) {
    throw socksFailure(err instanceof Error ? err.message : String(err), version, proxy, dest);
  }
}

/** What the library would otherwise throw from inside a socket event (a length over one byte). */
function checkFits(version: 4 | 5, proxy: ProxyConfig, dest: SocksDestination): void {
  if (version === 5 && [proxy.username, proxy.password].some((s) => Buffer.byteLength(s ?? '') > 255)) {
    throw fail('SOCKS5 username and password must each be at most 255 bytes');
  }
  if (net.isIP(dest.host) === 0 && Buffer.byteLength(dest.host) > 255) {
    throw fail(`the host name is too long for SOCKS${version}`);
  }
  // The library would send it as a SOCKS4a host name; the connector never asks for this.
  if (version === 4 && net.isIPv6(dest.host)) {
    throw new ConnectFailure('request', 'local', `SOCKS4 cannot carry the IPv6 address ${dest.host}`);
  }
}

// The meanings of the reply codes, keyed by the names `socks` puts in its messages.
const SOCKS5_REPLIES: Record<string, string> = {
  Failure: 'general SOCKS server failure',
  NotAllowed: 'connection not allowed by ruleset',
  NetworkUnreachable: 'network unreachable',
  HostUnreachable: 'host unreachable',
  ConnectionRefused: 'connection refused',
  TTLExpired: 'TTL expired',
  CommandNotSupported: 'command not supported',
  AddressNotSupported: 'address type not supported',
};
const SOCKS4_REPLIES: Record<string, string> = {
  Failed: 'request rejected or failed (SOCKS4 reply 0x5B)',
  Rejected: 'request rejected: the proxy could not reach identd on this host (SOCKS4 reply 0x5C)',
  RejectedIdent: 'request rejected: identd reported a different user id (SOCKS4 reply 0x5D)',
};

/**
 * Reads the messages of socks 2.8 (its `ERRORS` table, not exported). Pinned in the catalog;
 * socks-tunnel.test.ts drives each through the library, so a rewording fails there.
 */
function socksFailure(
  message: string,
  version: 4 | 5,
  proxy: Pick<ProxyConfig, 'label' | 'username' | 'password'>,
  dest: SocksDestination,
): Error {
  const { label } = proxy;
  const [head = '', detail = ''] = message.split(' - ');
  const to = net.isIPv6(dest.host) ? `[${dest.host}]:${dest.port}` : `${dest.host}:${dest.port}`;
  switch (head) {
    case 'Socks5 proxy rejected connection':
      // `Granted` here means the reply's version byte was wrong.
      if (detail === 'Granted') return fail(`${label} sent a malformed SOCKS5 reply`);
      return fail(`${label} could not connect to ${to}: ${SOCKS5_REPLIES[detail] ?? 'unknown SOCKS5 reply code'}`);
    case 'Socks4 Proxy rejected connection': {
      const reply = SOCKS4_REPLIES[detail.replace(/^\((.*)\)$/, '$1')] ?? 'unknown SOCKS4 reply code';
      return fail(`${label} could not connect to ${to}: ${reply}`);
    }
    case 'Received invalid Socks5 initial handshake (invalid socks version)':
      return fail(`${label} is not a SOCKS5 proxy`);
    case 'Received invalid Socks5 initial handshake (no accepted authentication type)': {
      const offered = proxy.username !== undefined || proxy.password !== undefined;
      return fail(
        `${label} accepts none of the offered authentication methods${offered ? '' : ' (credentials needed?)'}`,
      );
    }
    case 'Received invalid Socks5 initial handshake (unknown authentication type)':
      return fail(`${label} chose an authentication method that was not offered`);
    case 'Socks5 Authentication failed':
      return fail(`${label} rejected the username/password`);
    case 'Proxy connection timed out':
      return new ConnectFailure('timeout', 'proxy', `${label} did not finish the SOCKS handshake in time`, 'ETIMEDOUT');
    case 'Socket closed':
      // A plain error with a code: the connector words it like any dropped proxy connection.
      return Object.assign(new Error('the proxy closed the connection during the handshake'), { code: 'ECONNRESET' });
  }
  // A socket error (`read ECONNRESET`): keep its code for the connector's message.
  const code = /\b(E[A-Z]+)$/.exec(message)?.[1];
  if (code) return Object.assign(new Error(message), { code });
  return fail(`${label} failed the SOCKS${version} handshake: ${message}`);
}
