import { execFileSync } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createAddressPolicy } from '../../src/net/address-policy.ts';
import { createHttpClient, type HttpClient } from '../../src/net/http-client.ts';
import type { Lookup } from '../../src/net/resolve.ts';
import type { TlsTrust } from '../../src/net/tcp-tls.ts';

const clients: HttpClient[] = [];

/** A client under test; `closeClients()` in afterEach closes them all. */
export function testClient(o: { allow?: string[]; lookup?: Lookup; tls?: TlsTrust } = {}): HttpClient {
  const client = createHttpClient({ policy: createAddressPolicy(o.allow ?? []), lookup: o.lookup, tls: o.tls });
  clients.push(client);
  return client;
}

export async function closeClients(): Promise<void> {
  await Promise.all(clients.splice(0).map((c) => c.close()));
}

/** Anything a test starts and must stop: targets, proxies, servers. */
export type Closable = { close: () => Promise<void> };

/**
 * Registers an afterEach that closes the test clients, then everything passed
 * to the returned `later` during the test. `later(x)` returns `x` unchanged.
 */
export function closeAfterEach(): <T extends Closable>(x: T) => T {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await closeClients();
    await Promise.all(cleanups.splice(0).map((c) => c()));
  });
  return (x) => {
    cleanups.push(x.close);
    return x;
  };
}

/** A resolver from a fixed table: no DNS query ever leaves. Unknown names fail like NXDOMAIN. */
export function fakeLookup(table: Record<string, string[] | (() => string[])>): Lookup {
  return async (hostname) => {
    const entry = table[hostname];
    const addresses = typeof entry === 'function' ? entry() : entry;
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

/**
 * Counts every TCP client socket this process opens (node publishes each on
 * `net.client.socket`), so a test can prove a refused request opened none.
 */
export function watchOutgoingSockets(): { count: () => number; stop: () => void } {
  let count = 0;
  const onSocket = (message: unknown) => {
    count += 1;
    // Belt and braces: fail loudly if anything ever connects off loopback.
    (message as { socket: Socket }).socket.once('connect', function (this: Socket) {
      const remote = this.remoteAddress ?? '';
      if (!remote.startsWith('127.') && remote !== '::1' && remote !== '::ffff:127.0.0.1') {
        throw new Error(`test traffic left loopback: ${remote}`);
      }
    });
  };
  diagnostics.subscribe('net.client.socket', onSocket);
  return { count: () => count, stop: () => diagnostics.unsubscribe('net.client.socket', onSocket) };
}

export type TestCert = { key: string; cert: string };

/** A throwaway self-signed certificate for `names` (webhook.test, localhost) and 127.0.0.1, or null without openssl. */
export function makeCert(names: readonly string[] = ['webhook.test', 'localhost']): TestCert | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'herald-net-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${names[0]}`,
        '-addext',
        `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')},IP:127.0.0.1`,
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
