import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IpmiError } from '../errors';
import {
  convertHysteresis,
  convertReading,
  convertTolerance,
  convertWithFactors,
  decodeFactors,
  rawToCount,
  valueToRaw,
  type AnalogFormat,
  type ConversionFactors,
} from './reading-conversion';

const f = (m: number, b: number, bExp: number, rExp: number): ConversionFactors => ({
  m,
  b,
  bExp,
  rExp,
  tolerance: 0,
  accuracy: 0,
  accuracyExp: 0,
  direction: 0,
});

describe('convertWithFactors: gebn/bmc pkg/ipmi/conversion_factors_test.go vectors (ipmi-lan.md §11.8)', () => {
  const cases: [
    m: number,
    b: number,
    bExp: number,
    rExp: number,
    raw: number,
    format: AnalogFormat,
    want: number,
  ][] = [
    [1, 0, 0, 0, 40, 'unsigned', 40],
    [100, 0, 0, 0, 128, 'unsigned', 12800],
    [9, 171, 0, -3, 181, 'unsigned', 1.8],
    [7, 137, 0, -3, 184, 'unsigned', 1.425],
    [51, 219, 0, -3, 231, 'unsigned', 12],
    [31, 71, 0, -3, 159, 'unsigned', 5],
    [15, 179, 0, -3, 208, 'unsigned', 3.299],
    [1, 2, 3, 4, 40, 'unsigned', 20400000],
    [9, 27, 5, 2, -33 & 0xff, 'twos-complement', 269970300],
  ];
  it.each(cases)('{M %s, B %s, Bexp %s, Rexp %s} raw %s (%s) → %s', (m, b, be, re, raw, fmt, want) => {
    expect(convertWithFactors(f(m, b, be, re), fmt, 0, raw)).toBeCloseTo(want, 6);
  });
});

describe('LAB records of §11.8 (ipmitool `sensor list` values)', () => {
  const cases: [
    name: string,
    factors: ConversionFactors,
    fmt: AnalogFormat,
    lin: number,
    raw: number,
    want: number,
  ][] = [
    ['P12V M=78 Rexp=-4', f(78, 0, 0, -4), 'unsigned', 0, 0xa0, 1.248],
    ['Ambient M=-2 B=-10 Bexp=1, 2s complement', f(-2, -10, 1, 0), 'twos-complement', 0, 0xf0, -68],
    ['FAN1 M=63', f(63, 0, 0, 0), 'unsigned', 0, 0x50, 5040],
    ['FAN1 LC threshold', f(63, 0, 0, 0), 'unsigned', 0, 0x08, 504],
    ['FAN1 LNC threshold', f(63, 0, 0, 0), 'unsigned', 0, 0x0c, 756],
    ['InvLin 1/x', f(1, 0, 0, 0), 'unsigned', 7, 0x04, 0.25],
    ['OnesC 1s complement', f(1, 0, 0, 0), 'ones-complement', 0, 0xfe, -1],
  ];
  it.each(cases)('%s', (_n, factors, fmt, lin, raw, want) => {
    expect(convertReading({ factors, analogFormat: fmt, linearization: lin }, raw)).toBeCloseTo(want, 9);
  });
});

describe('linearization functions', () => {
  const cases: [lin: number, x: number, want: number][] = [
    [0, 8, 8],
    [1, 8, Math.log(8)],
    [2, 100, 2],
    [3, 8, 3],
    [4, 2, Math.exp(2)],
    [5, 3, 1000],
    [6, 5, 32],
    [7, 4, 0.25],
    [8, 9, 81],
    [9, 3, 27],
    [10, 16, 4],
    [11, 27, 3],
    [0x70, 8, 8], // non-linear: factors are per reading, the formula itself is linear
  ];
  it.each(cases)('L%s(%s) = %s', (lin, x, want) => {
    expect(convertWithFactors(f(1, 0, 0, 0), 'unsigned', lin, x)).toBeCloseTo(want, 9);
  });
});

describe('rawToCount', () => {
  it.each([
    [0x7f, 'ones-complement', 127],
    [0x80, 'ones-complement', -127],
    [0xff, 'ones-complement', 0],
    [0xfe, 'ones-complement', -1],
    [0x80, 'twos-complement', -128],
    [0xff, 'twos-complement', -1],
    [0xff, 'unsigned', 255],
  ] as const)('0x%s as %s → %s', (raw, fmt, want) => expect(rawToCount(raw, fmt)).toBe(want));
  it('has no reading for format 11 ("no analog reading")', () =>
    expect(convertWithFactors(f(1, 0, 0, 0), 'none', 0, 5)).toBeUndefined());
});

describe('decodeFactors: SDR [24..29] of the §11.8 LAB records', () => {
  it('decodes 10-bit M/B and 4-bit exponents (Ambient: fe c0 f6 c0 00 01)', () => {
    // fe: M low; c0: M high bits 11 (→ M = 0x3fe = -2), tolerance 0; f6: B low; c0: B high 11 (→ B = -10),
    // accuracy 0; 00: accuracy high/exp, direction; 01: Rexp 0, Bexp 1
    expect(decodeFactors(Uint8Array.of(0xfe, 0xc0, 0xf6, 0xc0, 0x00, 0x01))).toEqual({
      m: -2,
      tolerance: 0,
      b: -10,
      accuracy: 0,
      accuracyExp: 0,
      direction: 0,
      rExp: 0,
      bExp: 1,
    });
  });
  it('decodes P12V (4e 00 00 00 00 c0): M 78, Rexp -4', () => {
    expect(decodeFactors(Uint8Array.of(0x4e, 0x00, 0x00, 0x00, 0x00, 0xc0))).toMatchObject({
      m: 78,
      b: 0,
      rExp: -4,
      bExp: 0,
    });
  });
  it('decodes tolerance, accuracy (10 bits), accuracy exponent and direction', () => {
    // 01: M; 7f: M high 01 → M = 0x101 = 257, tolerance 0x3f; 00: B; 3f: B high 00, accuracy low 0x3f;
    // f9: accuracy high 0xf → accuracy 0x3ff, accuracy exp 2, direction 1; 7e: Rexp 7, Bexp -2
    expect(decodeFactors(Uint8Array.of(0x01, 0x7f, 0x00, 0x3f, 0xf9, 0x7e))).toEqual({
      m: 257,
      tolerance: 63,
      b: 0,
      accuracy: 0x3ff,
      accuracyExp: 2,
      direction: 1,
      rExp: 7,
      bExp: -2,
    });
  });
  it('rejects truncated input with a protocol error', () => {
    expect(() => decodeFactors(Uint8Array.of(1, 2, 3))).toThrow(IpmiError);
  });
  it('property: any 6+ bytes decode within range; shorter input throws IpmiError only', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 10 }), (bytes) => {
        try {
          const x = decodeFactors(bytes);
          expect(x.m).toBeGreaterThanOrEqual(-512);
          expect(x.m).toBeLessThan(512);
          expect(x.rExp).toBeGreaterThanOrEqual(-8);
          expect(x.bExp).toBeLessThan(8);
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
          expect(bytes.length).toBeLessThan(6);
        }
      }),
    );
  });
});

describe('hysteresis, tolerance, inverse', () => {
  const fan = {
    factors: { ...f(63, 0, 0, 0), tolerance: 4 },
    analogFormat: 'unsigned' as const,
    linearization: 0,
  };
  it('hysteresis ignores B; tolerance is M·tol/2', () => {
    expect(
      convertHysteresis({ factors: f(2, 100, 0, 0), analogFormat: 'unsigned', linearization: 0 }, 3),
    ).toBe(6);
    expect(convertTolerance(fan)).toBe(126);
  });
  it('valueToRaw inverts the FAN1 thresholds and rounds .5 up like ipmitool', () => {
    expect(valueToRaw(fan, 504)).toBe(8);
    expect(valueToRaw(fan, 756)).toBe(12);
    expect(valueToRaw(fan, 535.5)).toBe(9); // 8.5 → 9
    expect(
      valueToRaw({ factors: f(-2, -10, 1, 0), analogFormat: 'twos-complement', linearization: 0 }, -68),
    ).toBe(0xf0);
  });
  it('valueToRaw refuses values outside the raw range and M = 0 with kind argument', () => {
    expect(() => valueToRaw(fan, 63 * 300)).toThrow(expect.objectContaining({ kind: 'argument' }));
    expect(() => valueToRaw({ ...fan, factors: f(0, 0, 0, 0) }, 1)).toThrow(
      expect.objectContaining({ kind: 'argument' }),
    );
  });
  it('property: valueToRaw(convert(raw)) = raw for linear unsigned sensors with M ≠ 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 511 }),
        fc.integer({ min: -512, max: 511 }),
        fc.integer({ min: 0, max: 255 }),
        (m, b, raw) => {
          const s = { factors: f(m, b, 0, 0), analogFormat: 'unsigned' as const, linearization: 0 };
          expect(valueToRaw(s, convertReading(s, raw)!)).toBe(raw);
        },
      ),
    );
  });
});
