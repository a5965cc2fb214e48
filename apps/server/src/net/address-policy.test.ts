import { describe, expect, it } from 'vitest';
import { createAddressPolicy } from './address-policy.ts';

const none = createAddressPolicy([]);
const everything = createAddressPolicy(['0.0.0.0/0', '::/0']);

function reason(policy: ReturnType<typeof createAddressPolicy>, ip: string): string {
  const v = policy.check(ip);
  return v.allowed ? 'allowed' : v.reason;
}

describe('address policy', () => {
  it('allows plain public unicast without an allowlist', () => {
    expect(none.check('8.8.8.8')).toEqual({ allowed: true, address: '8.8.8.8', addressClass: 'unicast' });
    expect(none.check('2606:4700:4700::1111')).toMatchObject({ allowed: true, addressClass: 'unicast' });
  });

  it.each([
    ['169.254.169.254', 'refused: 169.254.169.254 is link-local (cloud metadata) — never allowed'],
    ['169.254.10.1', 'refused: 169.254.10.1 is link-local — never allowed'],
    ['fe80::1', 'refused: fe80::1 is link-local — never allowed'],
    ['fe80::1%eth0', 'refused: fe80::1%eth0 is link-local — never allowed'],
    ['fd00:ec2::254', 'refused: fd00:ec2::254 is unique-local (cloud metadata) — never allowed'],
    ['fd00:0ec2:0:0:0:0:0:0254', 'refused: fd00:ec2::254 is unique-local (cloud metadata) — never allowed'],
    ['100.100.100.200', 'refused: 100.100.100.200 is carrier-grade NAT (cloud metadata) — never allowed'],
    ['168.63.129.16', 'refused: 168.63.129.16 is public (cloud metadata) — never allowed'],
    ['0.0.0.0', 'refused: 0.0.0.0 is unspecified — never allowed'],
    ['0.1.2.3', 'refused: 0.1.2.3 is unspecified — never allowed'],
    ['::', 'refused: :: is unspecified — never allowed'],
    ['224.0.0.1', 'refused: 224.0.0.1 is multicast — never allowed'],
    ['ff02::1', 'refused: ff02::1 is multicast — never allowed'],
    ['255.255.255.255', 'refused: 255.255.255.255 is broadcast — never allowed'],
  ])('never allows %s, even with a 0.0.0.0/0 + ::/0 allowlist', (ip, expected) => {
    expect(reason(none, ip)).toBe(expected);
    expect(reason(everything, ip)).toBe(expected);
  });

  it.each([
    ['127.0.0.1', 'loopback', '127.0.0.0/8'],
    ['::1', 'loopback', '::1/128'],
    ['10.0.0.5', 'private', '10.0.0.0/8'],
    ['172.16.3.4', 'private', '172.16.0.0/12'],
    ['192.168.1.1', 'private', '192.168.0.0/16'],
    ['fc00::1', 'unique-local', 'fc00::/7'],
    ['100.64.0.1', 'carrier-grade NAT', '100.64.0.0/10'],
    ['192.0.2.1', 'reserved', '192.0.2.0/24'],
    ['64:ff9b::808:808', 'NAT64', '64:ff9b::/96'],
    ['2002:808:808::1', '6to4', '2002::/16'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo', '2001::/32'],
    ['::808:808', 'IPv4-compatible (deprecated)', '::/96'],
    ['fec0::1', 'site-local (deprecated)', 'fec0::/10'],
  ])('refuses %s (%s) unless inside an allowlisted CIDR', (ip, label, cidr) => {
    const v = none.check(ip);
    expect(v.allowed).toBe(false);
    expect(reason(none, ip)).toBe(`refused: ${v.address} is ${label} — allowed only inside OUTBOUND_ALLOW_CIDRS`);
    expect(createAddressPolicy([cidr]).check(ip).allowed).toBe(true);
  });

  it('matches only the configured range', () => {
    const policy = createAddressPolicy(['10.1.0.0/16']);
    expect(policy.check('10.1.2.3').allowed).toBe(true);
    expect(reason(policy, '10.2.0.1')).toBe('refused: 10.2.0.1 is private — allowed only inside OUTBOUND_ALLOW_CIDRS');
    // An IPv4 CIDR never matches an IPv6 address (ipaddr's match() would throw).
    expect(policy.check('fc00::1').allowed).toBe(false);
  });

  it('unwraps IPv4-mapped IPv6 before checking', () => {
    expect(reason(none, '::ffff:10.0.0.1')).toBe(
      'refused: 10.0.0.1 is private — allowed only inside OUTBOUND_ALLOW_CIDRS',
    );
    expect(reason(none, '::ffff:7f00:1')).toBe(
      'refused: 127.0.0.1 is loopback — allowed only inside OUTBOUND_ALLOW_CIDRS',
    );
    expect(reason(everything, '::ffff:169.254.169.254')).toBe(
      'refused: 169.254.169.254 is link-local (cloud metadata) — never allowed',
    );
    expect(reason(everything, '0:0:0:0:0:ffff:a9fe:a9fe')).toContain('never allowed');
    expect(createAddressPolicy(['10.0.0.0/8']).check('::ffff:10.0.0.1')).toEqual({
      allowed: true,
      address: '10.0.0.1',
      addressClass: 'private',
    });
    // A mapped CIDR in the allowlist means the IPv4 range.
    expect(createAddressPolicy(['::ffff:10.0.0.0/104']).check('10.9.9.9').allowed).toBe(true);
  });

  it('reads odd IPv4 literals the way the OS would, and answers with the canonical address', () => {
    for (const odd of ['0x7f.1', '2130706433', '017700000001', '127.1', '0x7f000001', '[::ffff:127.0.0.1]']) {
      expect(none.check(odd)).toMatchObject({ allowed: false, address: '127.0.0.1', addressClass: 'loopback' });
    }
    expect(none.check('[::1]')).toMatchObject({ allowed: false, address: '::1', addressClass: 'loopback' });
    expect(everything.check('0xa9.0xfe.0xa9.0xfe')).toMatchObject({ allowed: false, addressClass: 'metadata' });
  });

  it('finds metadata and link-local addresses hidden inside IPv6 transition forms', () => {
    expect(reason(everything, '64:ff9b::a9fe:a9fe')).toBe(
      'refused: 64:ff9b::a9fe:a9fe is NAT64 embedding 169.254.169.254 (link-local (cloud metadata)) — never allowed',
    );
    expect(reason(everything, '2002:a9fe:a9fe::1')).toContain('6to4 embedding 169.254.169.254');
    expect(reason(everything, '::a9fe:a9fe')).toContain('never allowed');
    expect(reason(everything, '::ffff:0:a9fe:a9fe')).toContain('IPv4-translated embedding 169.254.169.254');
    // Teredo client addresses are stored inverted.
    expect(reason(everything, '2001:0:4136:e378:8000:63bf:5601:5601')).toContain('embedding 169.254.169.254');
  });

  it('refuses what is not an IP address', () => {
    expect(none.check('example.com')).toEqual({
      allowed: false,
      address: 'example.com',
      addressClass: 'invalid',
      reason: 'refused: "example.com" is not an IP address',
    });
    expect(none.check('').allowed).toBe(false);
    expect(none.check('1.2.3.4.5').allowed).toBe(false);
  });

  it('takes brackets only around a whole address', () => {
    for (const odd of ['[::1]:80', 'a[::1]', '[::1', '::1]']) {
      expect(none.check(odd), odd).toMatchObject({ allowed: false, addressClass: 'invalid' });
    }
  });

  it('keeps its allowlist as given, entries trimmed; a mapped CIDR of 96 bits or more is IPv4', () => {
    const policy = createAddressPolicy([' 10.0.0.0/8 ', '::1/128']);
    expect(policy.allowCidrs).toEqual([' 10.0.0.0/8 ', '::1/128']);
    expect(policy.check('10.1.1.1').allowed).toBe(true);
    expect(createAddressPolicy(['::ffff:0.0.0.0/96']).check('10.0.0.1').allowed).toBe(true);
    // Shorter than 96 bits it is an IPv6 range (here the first 80 bits zero, which ::1 is in).
    expect(createAddressPolicy(['::ffff:0.0.0.0/80']).check('::1').allowed).toBe(true);
    expect(createAddressPolicy(['::ffff:0.0.0.0/80']).check('10.0.0.1').allowed).toBe(false);
  });

  it('rejects a malformed allowlist entry, naming it', () => {
    expect(() => createAddressPolicy(['10.0.0.0/8', 'nope'])).toThrow('OUTBOUND_ALLOW_CIDRS: "nope" is not a CIDR');
  });
});
