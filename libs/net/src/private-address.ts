import { BlockList, isIP } from 'node:net';

/**
 * Addresses an outbound request must not reach unless private networks are allowed.
 *
 * IPv4: every block of the IANA IPv4 Special-Purpose Address Registry (RFC 6890 and its
 * updates), multicast and the limited broadcast address: loopback, private, carrier-grade
 * NAT, link-local (cloud metadata at 169.254.169.254), documentation, benchmarking,
 * protocol assignments, AS112, AMT, the deprecated 6to4 relay anycast, reserved.
 *
 * IPv6: only global unicast (2000::/3) may be reached, minus the special-purpose blocks
 * inside it (IANA IPv6 Special-Purpose Address Registry): IETF protocol assignments
 * 2001::/23 (Teredo 2001::/32, ORCHID, benchmarking, AMT, AS112…), documentation
 * 2001:db8::/32 and 3fff::/20, 6to4 2002::/16, AS112-v6. Everything outside 2000::/3 is
 * refused: unspecified, loopback, IPv4-compatible ::/96, NAT64 64:ff9b::/96 and
 * 64:ff9b:1::/48, discard 100::/64, SRv6 5f00::/16, unique-local fc00::/7, link-local
 * fe80::/10, site-local fec0::/10, multicast ff00::/8. An IPv4-mapped address
 * (::ffff:a.b.c.d) is judged by its IPv4 address, which is where it connects.
 */
const IPV4_SPECIAL: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared address space (CGN)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments (DS-Lite, NAT64 discovery, PCP/TURN anycast…)
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.31.196.0', 24], // AS112-v4
  ['192.52.193.0', 24], // AMT
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['192.175.48.0', 24], // direct delegation AS112
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 limited broadcast
];

const IPV6_SPECIAL_IN_GLOBAL_UNICAST: [string, number][] = [
  ['2001::', 23], // IETF protocol assignments, Teredo 2001::/32 among them
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['2620:4f:8000::', 48], // AS112-v6
  ['3fff::', 20], // documentation
];

const blockedV4 = new BlockList();
for (const [prefix, bits] of IPV4_SPECIAL) blockedV4.addSubnet(prefix, bits, 'ipv4');
const blockedV6 = new BlockList();
for (const [prefix, bits] of IPV6_SPECIAL_IN_GLOBAL_UNICAST) blockedV6.addSubnet(prefix, bits, 'ipv6');
const globalUnicast = new BlockList();
globalUnicast.addSubnet('2000::', 3, 'ipv6');

/** The IPv4 address of an IPv4-mapped IPv6 address (::ffff:a.b.c.d in any spelling), else null. */
function mappedIpv4(address: string): string | null {
  let canonical: string;
  try {
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1); // WHATWG: hex, compressed
  } catch {
    return null;
  }
  const match = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!match?.[1] || !match[2]) return null;
  const high = Number.parseInt(match[1], 16);
  const low = Number.parseInt(match[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** The address to judge: an IPv4-mapped IPv6 address as its IPv4 address, brackets and zone removed. */
export function canonicalAddress(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  return isIP(bare) === 6 ? (mappedIpv4(bare) ?? bare.toLowerCase()) : bare;
}

/** True when `address` (an IP literal) is not a public unicast address; anything not an IP is refused too. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''); // brackets, an IPv6 zone id
  const family = isIP(bare);
  if (family === 4) return blockedV4.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = mappedIpv4(bare);
    if (v4 !== null) return blockedV4.check(v4, 'ipv4');
    if (!globalUnicast.check(bare, 'ipv6')) return true;
    return blockedV6.check(bare, 'ipv6');
  }
  return true; // not an IP at all: refuse rather than guess
}
