import net from 'node:net';
import type { Duplex } from 'node:stream';
import ipaddr from 'ipaddr.js';
import { ConnectFailure } from './errors.ts';
import { readExact } from './socket-reader.ts';

// RFC 1928 (SOCKS5) and RFC 1929 (username/password). We only need CONNECT.
const VERSION = 0x05;
const NO_AUTH = 0x00;
const USER_PASS = 0x02;
const NO_ACCEPTABLE = 0xff;
const CMD_CONNECT = 0x01;
const ATYP_IPV4 = 0x01;
const ATYP_DOMAIN = 0x03;
const ATYP_IPV6 = 0x04;

const REPLIES: Record<number, string> = {
  1: 'general SOCKS server failure',
  2: 'connection not allowed by ruleset',
  3: 'network unreachable',
  4: 'host unreachable',
  5: 'connection refused',
  6: 'TTL expired',
  7: 'command not supported',
  8: 'address type not supported',
};

export type SocksOptions = {
  /** An IP literal (socks5://, resolved and checked by us) or a hostname (socks5h://, resolved by the proxy). */
  host: string;
  port: number;
  username?: string | undefined;
  password?: string | undefined;
  /** How the proxy is named in messages, without credentials. */
  label: string;
};

const fail = (message: string) => new ConnectFailure('proxy', 'proxy', message);

/** Runs the SOCKS5 greeting, authentication and CONNECT on an open socket to the proxy. */
export async function socks5Handshake(socket: Duplex, o: SocksOptions): Promise<void> {
  const withAuth = o.username !== undefined || o.password !== undefined;
  socket.write(Buffer.from(withAuth ? [VERSION, 2, NO_AUTH, USER_PASS] : [VERSION, 1, NO_AUTH]));
  const [version, method] = await readExact(socket, 2);
  if (version !== VERSION) throw fail(`${o.label} is not a SOCKS5 proxy`);
  if (method === NO_ACCEPTABLE) {
    throw fail(
      `${o.label} accepts none of the offered authentication methods${withAuth ? '' : ' (credentials needed?)'}`,
    );
  }
  if (method === USER_PASS) {
    socket.write(userPassRequest(o.username ?? '', o.password ?? ''));
    const [, status] = await readExact(socket, 2);
    if (status !== 0x00) throw fail(`${o.label} rejected the username/password`);
  } else if (method !== NO_AUTH) {
    throw fail(`${o.label} chose an unsupported authentication method (${method})`);
  }

  socket.write(Buffer.concat([Buffer.from([VERSION, CMD_CONNECT, 0x00]), address(o.host), port(o.port)]));
  const head = await readExact(socket, 5);
  const reply = head[1] ?? 0xff;
  if (head[0] !== VERSION) throw fail(`${o.label} sent a malformed SOCKS5 reply`);
  if (reply !== 0x00) {
    const dest = net.isIPv6(o.host) ? `[${o.host}]:${o.port}` : `${o.host}:${o.port}`;
    throw fail(`${o.label} could not connect to ${dest}: ${REPLIES[reply] ?? `SOCKS5 reply ${reply}`}`);
  }
  // Drain the bound address: its length depends on its type (the 5th byte was its first).
  const atyp = head[3];
  const rest =
    atyp === ATYP_IPV4 ? 3 + 2 : atyp === ATYP_IPV6 ? 15 + 2 : atyp === ATYP_DOMAIN ? (head[4] ?? 0) + 2 : -1;
  if (rest < 0) throw fail(`${o.label} sent a malformed SOCKS5 reply`);
  await readExact(socket, rest);
}

function userPassRequest(username: string, password: string): Buffer {
  const u = Buffer.from(username);
  const p = Buffer.from(password);
  if (u.length > 255 || p.length > 255) throw fail('SOCKS5 username and password must each be at most 255 bytes');
  return Buffer.concat([Buffer.from([0x01, u.length]), u, Buffer.from([p.length]), p]);
}

function address(host: string): Buffer {
  if (net.isIPv4(host)) return Buffer.from([ATYP_IPV4, ...ipaddr.IPv4.parse(host).toByteArray()]);
  if (net.isIPv6(host)) return Buffer.from([ATYP_IPV6, ...ipaddr.IPv6.parse(host).toByteArray()]);
  const name = Buffer.from(host);
  if (name.length > 255) throw fail('the host name is too long for SOCKS5');
  return Buffer.concat([Buffer.from([ATYP_DOMAIN, name.length]), name]);
}

function port(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}
