// Address validation for LAN settings: what is rejected before anything is sent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatIpv4,
  formatMac,
  maskPrefixLength,
  parseIpv4,
  parseMac,
  parseNetmask,
  sameSubnet,
} from './ipv4';

describe('IPv4 addresses', () => {
  it.each(['192.0.2.10', '0.0.0.0', '255.255.255.255', '10.0.0.1'])('accepts %s', (a) =>
    expect(formatIpv4(parseIpv4(a))).toBe(a),
  );
  it.each([
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '1.2.3.4x',
    ' 1.2.3.4',
    '1..2.3',
    'a.b.c.d',
    '',
    '+1.2.3.4',
    '1.2.3.1000',
  ])('rejects "%s"', (a) => {
    expect(() => parseIpv4(a)).toThrow(expect.objectContaining({ kind: 'argument' }));
  });
  it('round-trips every address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (a) => {
        expect(formatIpv4(parseIpv4(a))).toBe(a);
      }),
    );
  });
});

describe('netmasks', () => {
  it.each([
    ['255.255.255.0', 24],
    ['255.255.0.0', 16],
    ['255.255.255.255', 32],
    ['128.0.0.0', 1],
    ['255.255.255.252', 30],
  ])('%s is /%i', (m, n) => {
    expect(maskPrefixLength(parseNetmask(m))).toBe(n);
  });
  it.each(['255.0.255.0', '255.255.255.1', '0.255.255.255', '255.255.254.255', '0.0.0.0'])(
    'rejects %s',
    (m) => {
      expect(() => parseNetmask(m)).toThrow(expect.objectContaining({ kind: 'argument' }));
    },
  );
  it('accepts exactly the 32 contiguous masks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        const b = Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
        const contiguous = n !== 0 && ((~n >>> 0) & ((~n >>> 0) + 1)) === 0;
        if (contiguous) expect(() => parseNetmask(formatIpv4(b))).not.toThrow();
        else expect(() => parseNetmask(formatIpv4(b))).toThrow(expect.objectContaining({ kind: 'argument' }));
      }),
    );
  });
  it('same subnet', () => {
    const m = parseNetmask('255.255.255.0');
    expect(sameSubnet(parseIpv4('192.0.2.10'), parseIpv4('192.0.2.1'), m)).toBe(true);
    expect(sameSubnet(parseIpv4('192.0.2.10'), parseIpv4('192.0.3.1'), m)).toBe(false);
  });
});

describe('MAC addresses', () => {
  it('one or two hex digits per byte, printed as ipmitool prints them', () => {
    expect(formatMac(parseMac('2:0:0:0:0:99'))).toBe('02:00:00:00:00:99');
    expect(formatMac(parseMac('02:00:00:00:00:FE'))).toBe('02:00:00:00:00:fe');
  });
  it.each([
    '02:00:00:00:00',
    '02:00:00:00:00:00:00',
    '02:00:00:00:00:1g',
    '020:00:00:00:00:00',
    '02-00-00-00-00-00',
  ])('rejects %s', (m) => {
    expect(() => parseMac(m)).toThrow(expect.objectContaining({ kind: 'argument' }));
  });
});
