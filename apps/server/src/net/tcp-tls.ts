import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';

/** Extra TLS trust, for tests with a self-signed certificate. Production uses the system CAs. */
export type TlsTrust = Pick<tls.ConnectionOptions, 'ca' | 'rejectUnauthorized'>;

export type Track = (socket: Duplex) => void;

function tcpConnect(ip: string, port: number, track: Track): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    // An IP, never a name: the address checked is the address connected to.
    const socket = net.connect({ host: ip, port, noDelay: true, keepAlive: true, keepAliveInitialDelay: 60_000 });
    track(socket);
    socket.once('connect', () => resolve(socket));
    // Left attached on purpose: a late error after resolve must not crash the process.
    socket.on('error', reject);
  });
}

/** Tries each address in order, as a resolver-ordered fallback (e.g. ::1 then 127.0.0.1). */
export async function connectAny(ips: readonly string[], port: number, track: Track): Promise<net.Socket> {
  let last: unknown = new Error('no address to connect to');
  for (const ip of ips) {
    try {
      return await tcpConnect(ip, port, track);
    } catch (err) {
      last = err;
    }
  }
  throw last;
}

/** TLS over an open socket, verifying the certificate against `host` (the name, not the IP connected to). */
export function upgradeTls(socket: Duplex, host: string, trust: TlsTrust, track: Track): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tls.connect({
      ...trust,
      socket,
      host,
      // SNI carries names only.
      servername: net.isIP(host) === 0 ? host : '',
      ALPNProtocols: ['http/1.1'],
    });
    track(secure);
    secure.once('secureConnect', () => resolve(secure));
    secure.on('error', reject);
  });
}
