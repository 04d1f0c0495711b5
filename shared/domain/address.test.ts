import { describe, expect, it } from 'vitest';
import { isBmcAddress, isIPv4, isIPv6, isHostname, utf8Length } from './address';

describe('BMC addresses', () => {
  it.each(['192.0.2.1', '0.0.0.0', '255.255.255.255', '10.1.2.3'])('IPv4 %s', (a) =>
    expect(isIPv4(a)).toBe(true),
  );
  it.each(['256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4.5', '1..2.3', ' 1.2.3.4'])('not IPv4 %s', (a) =>
    expect(isIPv4(a)).toBe(false),
  );
  it.each([
    '::1',
    '::',
    'fe80::1%eth0',
    'fe80::1%2',
    '2001:db8::8a2e:370:7334',
    '2001:db8:0:0:0:0:2:1',
    '::ffff:192.0.2.128',
    '1:2:3:4:5:6:7::',
  ])('IPv6 %s', (a) => expect(isIPv6(a)).toBe(true));
  it.each([
    '1::2::3',
    '12345::',
    '1:2:3:4:5:6:7:8:9',
    'fe80::1%',
    'fe80::1%a b',
    'g::1',
    '1:2:3:4:5:6:7',
    ':::',
  ])('not IPv6 %s', (a) => expect(isIPv6(a)).toBe(false));
  it.each(['bmc-01', 'bmc01.lab.example.com', 'BMC.example.', 'x'])('host name %s', (a) =>
    expect(isHostname(a)).toBe(true),
  );
  it.each(['-bmc', 'bmc-', 'bad host', 'a..b', 'bmc_01', '10.0.0', '', 'a'.repeat(64) + '.com'])(
    'not a host name %s',
    (a) => expect(isHostname(a)).toBe(false),
  );
  it('any of the three', () => {
    expect(isBmcAddress('192.0.2.1') && isBmcAddress('::1') && isBmcAddress('bmc')).toBe(true);
    expect(isBmcAddress('999.1.1.1')).toBe(false);
  });
  it('utf8 length', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('密码')).toBe(6);
    expect(utf8Length('😀')).toBe(4);
  });
});
