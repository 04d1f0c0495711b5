import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeAscii6, decodeBcdPlus, encodeLatin1Field, readField } from './type-length';
import { IpmiError } from '../../errors';
import { fromHex } from '../../wire/hex';

describe('FRU type/length fields', () => {
  it.each([
    // 0xC4 = 8-bit ASCII, 4 bytes (research notes §11.10 board manufacturer)
    { hex: 'c4 41434d45', encoding: 'latin1', text: 'ACME' },
    // 0x86 = 6-bit packed ASCII, 6 bytes -> 8 characters (§11.10 board product)
    { hex: '86 29dca6802893', encoding: 'ascii6', text: 'IPMI BRD' },
    // 0x43 = BCD plus, 3 bytes: 1 2 3 4 b(-) 5 (§11.10 board serial)
    { hex: '43 1234b5', encoding: 'bcd-plus', text: '1234-5' },
    // BCD plus 0xA = space, 0xC = period; ipmitool's 0xD-0xF = ':' ',' '_'
    { hex: '42 a1cd', encoding: 'bcd-plus', text: ' 1.:' },
    { hex: '41 ef', encoding: 'bcd-plus', text: ',_' },
    // 0x03 = binary, 3 bytes: printed as lower-case hex
    { hex: '03 00abff', encoding: 'binary', text: '00abff' },
    // 0xC0 = empty 8-bit field
    { hex: 'c0', encoding: 'latin1', text: '' },
    // Latin-1 bytes above 0x7F: "Müller"
    { hex: 'c6 4dfc6c6c6572', encoding: 'latin1', text: 'Müller' },
    // 6-bit, 3 bytes "ABCD": values 0x21 0x22 0x23 0x24 packed LSB first = 0x9238A1 -> a1 38 92
    { hex: '83 a13892', encoding: 'ascii6', text: 'ABCD' },
  ])('$hex -> $encoding "$text"', ({ hex, encoding, text }) => {
    const data = fromHex(hex);
    const r = readField(data, 0);
    expect(r?.field.encoding).toBe(encoding);
    expect(r?.field.text).toBe(text);
    expect(r?.next).toBe(data.length);
  });

  it('returns undefined at the end-of-fields marker', () => {
    expect(readField(fromHex('c1 00'), 0)).toBeUndefined();
  });

  it('rejects a field running past its area', () => {
    expect(() => readField(fromHex('c5 4142'), 0)).toThrow(IpmiError);
    expect(() => readField(fromHex('c4 41424344'), 0, 3)).toThrow(/runs past/);
    expect(() => readField(fromHex(''), 0)).toThrow(IpmiError);
  });

  it('decodes 6-bit ASCII in whole characters only', () => {
    // 4 bytes = 32 bits = 5 characters
    expect(decodeAscii6(fromHex('29dca680'))).toHaveLength(5);
    expect(decodeBcdPlus(fromHex('09'))).toBe('09');
  });

  it('encodes 8-bit fields and refuses what cannot be stored', () => {
    expect(Buffer.from(encodeLatin1Field('ACME')).toString('hex')).toBe('c441434d45');
    expect(() => encodeLatin1Field('x'.repeat(64))).toThrow(IpmiError);
    expect(() => encodeLatin1Field('x')).toThrow(IpmiError);
    const back = readField(encodeLatin1Field('Widget Server'), 0);
    expect(back?.field.text).toBe('Widget Server');
  });

  it('reads any bytes to a field, the end marker, or an IpmiError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.nat(80), (a, at) => {
        try {
          const r = readField(a, at);
          if (r) expect(r.next).toBeLessThanOrEqual(a.length);
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
        }
      }),
    );
  });
});
