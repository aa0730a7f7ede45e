import { clientNetwork } from '../../lib/clientNetwork';

describe('clientNetwork', () => {
  test.each([
    ['192.0.2.1', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:aaaa::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['1::2:3:4:5:6:7', '1:0:2:3::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::1.2.3.4', '0:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s → %s', (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });

  test('every address of one /64 is one network; the next /64 is another', () => {
    const networks = new Set(['2001:db8:a:b::1', '2001:db8:a:b:ffff:ffff:ffff:ffff', '2001:db8:a:b:1234::'].map(clientNetwork));
    expect(networks.size).toBe(1);
    expect(clientNetwork('2001:db8:a:c::1')).not.toBe(clientNetwork('2001:db8:a:b::1'));
  });
});
