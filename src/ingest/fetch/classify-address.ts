import { BlockList, isIP } from 'node:net';

type Range = { net: string; prefix: number; reason: string };

const ipv4Ranges: Range[] = [
  { net: '0.0.0.0', prefix: 8, reason: 'the "this network" range 0.0.0.0/8' },
  { net: '10.0.0.0', prefix: 8, reason: 'a private address (10.0.0.0/8)' },
  { net: '100.64.0.0', prefix: 10, reason: 'a carrier-grade NAT address (100.64.0.0/10)' },
  { net: '127.0.0.0', prefix: 8, reason: 'a loopback address' },
  { net: '169.254.0.0', prefix: 16, reason: 'a link-local address (169.254.0.0/16, cloud metadata)' },
  { net: '172.16.0.0', prefix: 12, reason: 'a private address (172.16.0.0/12)' },
  { net: '192.0.0.0', prefix: 24, reason: 'an IETF protocol address (192.0.0.0/24)' },
  { net: '192.0.2.0', prefix: 24, reason: 'a documentation address (192.0.2.0/24)' },
  { net: '192.168.0.0', prefix: 16, reason: 'a private address (192.168.0.0/16)' },
  { net: '198.18.0.0', prefix: 15, reason: 'a benchmarking address (198.18.0.0/15)' },
  { net: '198.51.100.0', prefix: 24, reason: 'a documentation address (198.51.100.0/24)' },
  { net: '203.0.113.0', prefix: 24, reason: 'a documentation address (203.0.113.0/24)' },
  { net: '224.0.0.0', prefix: 4, reason: 'a multicast address' },
  { net: '240.0.0.0', prefix: 4, reason: 'a reserved or broadcast address (240.0.0.0/4)' },
];

const ipv6Ranges: Range[] = [
  { net: '::', prefix: 128, reason: 'the unspecified address ::' },
  { net: '::1', prefix: 128, reason: 'a loopback address' },
  { net: '100::', prefix: 64, reason: 'a discard-only address (100::/64)' },
  { net: '2001:db8::', prefix: 32, reason: 'a documentation address (2001:db8::/32)' },
  { net: 'fc00::', prefix: 7, reason: 'a unique-local address (fc00::/7)' },
  { net: 'fe80::', prefix: 10, reason: 'a link-local address (fe80::/10)' },
  { net: 'fec0::', prefix: 10, reason: 'a site-local address (fec0::/10)' },
  { net: 'ff00::', prefix: 8, reason: 'a multicast address' },
];

function buildLists(ranges: Range[], family: 'ipv4' | 'ipv6'): { list: BlockList; reason: string }[] {
  return ranges.map((r) => {
    const list = new BlockList();
    list.addSubnet(r.net, r.prefix, family);
    return { list, reason: r.reason };
  });
}

const v4 = buildLists(ipv4Ranges, 'ipv4');
const v6 = buildLists(ipv6Ranges, 'ipv6');

/** The 8 16-bit groups of an IPv6 address (accepts an embedded dotted IPv4 tail), or null. */
function expandIpv6(address: string): number[] | null {
  let text = address.replace(/%.*$/, '');
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted?.[1]) {
    const parts = dotted[1].split('.').map(Number);
    const hi = ((parts[0] ?? 0) << 8) | (parts[1] ?? 0);
    const lo = ((parts[2] ?? 0) << 8) | (parts[3] ?? 0);
    text = `${text.slice(0, -dotted[1].length)}${hi.toString(16)}:${lo.toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail].map((g) => Number.parseInt(g, 16));
  return groups.some((g) => Number.isNaN(g)) ? null : groups;
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
function embeddedIpv4(groups: number[]): string | null {
  const g = (i: number) => groups[i] ?? 0;
  const dotted = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeroUpTo = (n: number) => groups.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(5) && g(5) === 0xffff) return dotted(g(6), g(7));
  if (zeroUpTo(6) && (g(6) !== 0 || g(7) > 1)) return dotted(g(6), g(7));
  if (g(0) === 0x64 && g(1) === 0xff9b && groups.slice(2, 6).every((x) => x === 0)) return dotted(g(6), g(7));
  if (g(0) === 0x2002) return dotted(g(1), g(2));
  return null;
}

/**
 * Why an IP address must not be fetched from (loopback, private, link-local, metadata, multicast…),
 * or null when it is a public unicast address. Anything that is not an IP address is refused.
 */
export function classifyAddress(address: string): string | null {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return v4.find((r) => r.list.check(bare, 'ipv4'))?.reason ?? null;
  if (family !== 6) return `"${address}" is not an IP address`;
  const groups = expandIpv6(bare);
  if (!groups) return `"${address}" is not an IP address`;
  const inner = embeddedIpv4(groups);
  if (inner) {
    const reason = classifyAddress(inner);
    return reason ? `${reason}, embedded in the IPv6 address ${bare}` : null;
  }
  return v6.find((r) => r.list.check(bare, 'ipv6'))?.reason ?? null;
}

/** True when `address` is a public unicast IP address. */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === null;
}
