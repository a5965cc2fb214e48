import ipaddr from 'ipaddr.js';

/**
 * The address a limit counts by. An IPv6 client usually holds a whole /64 (one host may
 * use any address in it), so it is counted by that prefix; IPv4-mapped IPv6 counts as IPv4.
 */
export function clientAddressKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const addr = ipaddr.process(ip);
  if (addr.kind() === 'ipv4') return addr.toString();
  return `${addr.toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}
