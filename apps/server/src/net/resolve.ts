import dns from 'node:dns';
import net from 'node:net';
import type { AddressPolicy, AddressVerdict } from './address-policy.ts';
import { ConnectFailure, errorCode, type TransportStage } from './errors.ts';

export type LookupAddress = { address: string; family: number };
/** Resolves a host name to all its addresses; injectable so tests need no DNS. */
export type Lookup = (hostname: string) => Promise<LookupAddress[]>;

export const systemLookup: Lookup = (hostname) => dns.promises.lookup(hostname, { all: true, order: 'verbatim' });

type Refused = Extract<AddressVerdict, { allowed: false }>;

/**
 * The addresses of `host` the policy allows, in resolver order. Callers connect to exactly
 * these, so a name that resolves differently later (DNS rebinding) gains nothing.
 */
export async function resolveAllowed(
  host: string,
  policy: AddressPolicy,
  lookup: Lookup,
  stage: TransportStage,
): Promise<string[]> {
  const verdicts = (await addressesOf(host, lookup, stage)).map((a) => policy.check(a));
  const allowed = verdicts.filter((v) => v.allowed).map((v) => v.address);
  if (allowed.length > 0) return allowed;
  throw refusal(host, verdicts as Refused[], stage);
}

/**
 * For a target the proxy resolves (socks5h://, HTTP CONNECT): refuse an IP literal or a name
 * that resolves here to any refused address. A name that does not resolve here passes: only
 * the proxy can resolve it, and what it resolves to can't be checked from here.
 */
export async function precheckProxiedTarget(host: string, policy: AddressPolicy, lookup: Lookup): Promise<void> {
  let addresses: string[];
  try {
    addresses = await addressesOf(host, lookup, 'local');
  } catch (err) {
    if (err instanceof ConnectFailure && err.kind === 'dns') return;
    throw err;
  }
  const refused = addresses.map((a) => policy.check(a)).filter((v): v is Refused => !v.allowed);
  if (refused.length > 0) throw refusal(host, refused, 'local');
}

async function addressesOf(host: string, lookup: Lookup, stage: TransportStage): Promise<string[]> {
  if (net.isIP(host) !== 0) return [host];
  let found: LookupAddress[];
  try {
    found = await lookup(host);
  } catch (err) {
    const code = errorCode(err);
    throw new ConnectFailure('dns', stage, `DNS lookup for ${host} failed (${code ?? 'error'})`, code);
  }
  if (found.length === 0)
    throw new ConnectFailure('dns', stage, `DNS lookup for ${host} found no address`, 'ENOTFOUND');
  return found.map((a) => a.address);
}

function refusal(host: string, refused: Refused[], stage: TransportStage): ConnectFailure {
  // Report the gravest: a never-allowed address over one an allowlist could admit.
  const worst = refused.find((v) => v.reason.endsWith('never allowed')) ?? refused[0];
  const reason = worst?.reason ?? `refused: ${host}`;
  const resolved =
    net.isIP(host) !== 0 ? '' : ` (${host} resolves to ${[...new Set(refused.map((v) => v.address))].join(', ')})`;
  const text = stage === 'proxy' ? reason.replace(/^refused: /, 'refused: proxy at ') : reason;
  return new ConnectFailure('policy', stage, `${text}${resolved}`);
}
