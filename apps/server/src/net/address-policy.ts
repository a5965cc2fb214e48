import ipaddr from 'ipaddr.js';

type IP = ipaddr.IPv4 | ipaddr.IPv6;

/** The outcome of checking one address. `address` is the canonical form: connect to that, not the input. */
export type AddressVerdict =
  | { allowed: true; address: string; addressClass: string }
  | { allowed: false; address: string; addressClass: string; reason: string };

export type AddressPolicy = {
  readonly allowCidrs: readonly string[];
  check(ip: string): AddressVerdict;
};

// Instance-metadata endpoints: reachable from inside a cloud VM and full of credentials.
const METADATA: readonly IP[] = [
  '169.254.169.254', // AWS, GCP, Azure, OCI, DigitalOcean...
  'fd00:ec2::254', // AWS over IPv6
  '100.100.100.200', // Alibaba Cloud
  '168.63.129.16', // Azure WireServer
].map((a) => ipaddr.parse(a));

// Never reachable whatever the allowlist says.
const NEVER = new Set(['unspecified', 'multicast', 'broadcast', 'linkLocal', 'metadata']);

const LABELS: Record<string, string> = {
  unicast: 'public',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  private: 'private',
  uniqueLocal: 'unique-local',
  carrierGradeNat: 'carrier-grade NAT',
  reserved: 'reserved',
  rfc6052: 'NAT64',
  rfc6145: 'IPv4-translated',
  '6to4': '6to4',
  teredo: 'Teredo',
  ipv4Compatible: 'IPv4-compatible (deprecated)',
  deprecatedSiteLocal: 'site-local (deprecated)',
};

export function createAddressPolicy(allowCidrs: readonly string[]): AddressPolicy {
  const allowed = allowCidrs.map(parseAllowCidr);
  return {
    allowCidrs: [...allowCidrs],
    check(input) {
      let ip: IP;
      try {
        ip = ipaddr.process(input.replace(/^\[(.*)\]$/, '$1'));
      } catch {
        return {
          allowed: false,
          address: input,
          addressClass: 'invalid',
          reason: `refused: "${input}" is not an IP address`,
        };
      }
      const address = ip.toString();
      const cls = classify(ip);
      const label = describe(ip, cls);
      if (NEVER.has(cls)) {
        return {
          allowed: false,
          address,
          addressClass: cls,
          reason: `refused: ${address} is ${label} — never allowed`,
        };
      }
      const embedded = embeddedIPv4(ip, cls).find((v4) => NEVER.has(classify(v4)));
      if (embedded) {
        const inner = describe(embedded, classify(embedded));
        const reason = `refused: ${address} is ${label} embedding ${embedded.toString()} (${inner}) — never allowed`;
        return { allowed: false, address, addressClass: cls, reason };
      }
      if (cls === 'unicast' || allowed.some((cidr) => inCidr(ip, cidr)))
        return { allowed: true, address, addressClass: cls };
      const reason = `refused: ${address} is ${label} — allowed only inside OUTBOUND_ALLOW_CIDRS`;
      return { allowed: false, address, addressClass: cls, reason };
    },
  };
}

function classify(ip: IP): string {
  if (METADATA.some((m) => m.toNormalizedString() === ip.toNormalizedString())) {
    return 'metadata';
  }
  const range = ip.range();
  // ipaddr.js calls ::a.b.c.d plain unicast, but it embeds an IPv4 address.
  if (range === 'unicast' && ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0)) {
    return 'ipv4Compatible';
  }
  return range;
}

function describe(ip: IP, cls: string): string {
  if (cls !== 'metadata') return LABELS[cls] ?? cls;
  const base = ip.range();
  return `${LABELS[base] ?? base} (cloud metadata)`;
}

/** IPv4 addresses an IPv6 transition form carries, so metadata can't hide inside NAT64/6to4/Teredo. */
function embeddedIPv4(ip: IP, cls: string): ipaddr.IPv4[] {
  const p = (ip as ipaddr.IPv6).parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const at = (i: number) => p[i] ?? 0;
  switch (cls) {
    case 'rfc6052':
    case 'rfc6145':
    case 'ipv4Compatible':
      return [v4(at(6), at(7))];
    case '6to4':
      return [v4(at(1), at(2))];
    case 'teredo':
      return [v4(at(2), at(3)), v4(~at(6) & 0xffff, ~at(7) & 0xffff)];
    default:
      return [];
  }
}

type Cidr = [IP, number];

function parseAllowCidr(text: string): Cidr {
  let cidr: Cidr;
  try {
    cidr = ipaddr.parseCIDR(text.trim());
  } catch {
    throw new Error(`OUTBOUND_ALLOW_CIDRS: "${text}" is not a CIDR such as 127.0.0.0/8 or ::1/128`);
  }
  const [net, bits] = cidr;
  // ::ffff:10.0.0.0/104 means 10.0.0.0/8: addresses are compared after IPv4-mapped unwrapping.
  if (net.kind() === 'ipv6' && (net as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(net as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return cidr;
}

function inCidr(ip: IP, [net, bits]: Cidr): boolean {
  // match() throws across families.
  return ip.kind() === net.kind() && ip.match(net, bits);
}
