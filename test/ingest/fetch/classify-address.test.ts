import { describe, expect, it } from 'vitest';
import { classifyAddress, isPublicAddress } from '../../../src/ingest/fetch/index.ts';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.4.2', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'this network'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fd00::1', 'unique-local'],
    ['fc12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:101::1', 'private'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(classifyAddress(address)).toContain(kind);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.4.4'])(
    'accepts the public address %s',
    (address) => {
      expect(classifyAddress(address)).toBeNull();
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('refuses what is not an IP address', () => {
    expect(classifyAddress('example.com')).toMatch(/not an IP address/);
    expect(classifyAddress('1::2::3')).toMatch(/not an IP address/);
  });
});
