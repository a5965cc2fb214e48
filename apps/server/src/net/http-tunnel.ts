import type { Duplex } from 'node:stream';
import { ConnectFailure } from './errors.ts';
import { readUntil } from './socket-reader.ts';

export type TunnelOptions = {
  host: string;
  port: number;
  username?: string | undefined;
  password?: string | undefined;
  /** How the proxy is named in messages, without credentials. */
  label: string;
};

const MAX_ANSWER_BYTES = 16 * 1024;

/**
 * Asks an HTTP proxy for a CONNECT tunnel. Every target is tunnelled, http ones too: the
 * proxy then never sees the request, so a proxy error can't pass for a platform's answer.
 */
export async function httpConnectTunnel(socket: Duplex, o: TunnelOptions): Promise<void> {
  const authority = o.host.includes(':') ? `[${o.host}]:${o.port}` : `${o.host}:${o.port}`;
  const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`];
  const withAuth = o.username !== undefined || o.password !== undefined;
  if (withAuth) {
    const basic = Buffer.from(`${o.username ?? ''}:${o.password ?? ''}`).toString('base64');
    lines.push(`Proxy-Authorization: Basic ${basic}`);
  }
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);

  const head = (await readUntil(socket, '\r\n\r\n', MAX_ANSWER_BYTES)).toString('latin1');
  const match = /^HTTP\/1\.[01] (\d{3})([^\r\n]*)/.exec(head);
  if (!match) throw new ConnectFailure('proxy', 'proxy', `${o.label} answered CONNECT with something that is not HTTP`);
  const status = Number(match[1]);
  if (status >= 200 && status < 300) return;
  const text = `${status}${(match[2] ?? '').replace(/[^\x20-\x7e]/g, '').slice(0, 80)}`;
  if (status === 407) {
    const why = withAuth ? 'rejected the credentials' : 'requires authentication';
    throw new ConnectFailure('proxy', 'proxy', `${o.label} ${why} (${text})`);
  }
  throw new ConnectFailure('proxy', 'proxy', `${o.label} refused the tunnel to ${authority} (${text})`);
}
