import { isPrivateAddress } from './private-address';

describe('isPrivateAddress: every special-purpose range (IANA registries)', () => {
  it.each([
    // IPv4 special-purpose registry
    '0.0.0.0',
    '0.1.2.3',
    '10.1.2.3',
    '100.64.0.1',
    '100.127.255.254',
    '127.0.0.1',
    '127.255.255.254',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.0.0.8',
    '192.0.0.170',
    '192.0.2.1',
    '192.31.196.1',
    '192.52.193.1',
    '192.88.99.1',
    '192.168.1.1',
    '192.175.48.1',
    '198.18.0.1',
    '198.19.255.255',
    '198.51.100.7',
    '203.0.113.9',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    // IPv6 special-purpose registry and address architecture
    '::',
    '::1',
    '::127.0.0.1', // IPv4-compatible (deprecated ::/96)
    '::7f00:1',
    '::a9fe:a9fe',
    '::ffff:127.0.0.1', // IPv4-mapped, judged by its IPv4 address
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    '0:0:0:0:0:ffff:7f00:1',
    '64:ff9b::7f00:1', // NAT64 well-known prefix
    '64:ff9b::808:808',
    '64:ff9b:1::1', // local-use translation
    '100::1', // discard-only
    '2001::1', // Teredo
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    '2001:2::1', // benchmarking
    '2001:10::1', // ORCHID
    '2001:20::1', // ORCHIDv2
    '2001:db8::1', // documentation
    '3fff::1',
    '2002:7f00:1::1', // 6to4 of 127.0.0.1
    '2002:c0a8:101::1',
    '2620:4f:8000::1', // AS112-v6
    '5f00::1', // SRv6
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    'fec0::1', // site-local
    'feff::1',
    'ff02::1',
    '[::1]',
    // not an IP literal: refused rather than guessed
    'localhost',
    '2130706433',
    '0x7f.1',
    '',
  ])('blocks %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '100.63.255.255',
    '100.128.0.1',
    '172.15.255.255',
    '172.32.0.1',
    '192.0.1.1',
    '192.169.0.1',
    '198.17.255.255',
    '198.20.0.1',
    '223.255.255.255',
    '::ffff:8.8.8.8',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '2001:4860:4860::8888',
    '2001:200::1', // just past 2001::/23
    '2620:4f:8001::1',
  ])('lets %s through', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});
