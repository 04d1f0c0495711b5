import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mainSdrAddLines, splitSdrs } from './lab-sdrs';

describe('splitSdrs', () => {
  it('splits back-to-back records by their length byte', () => {
    // The MC locator of the LAB vectors (specs/ipmi-lan.md §11.8) twice: header 0a00 51 12 0e, 14-byte body.
    const rec = Buffer.from('0a0051120e200000bf000000070100c3424d43', 'hex');
    const parts = splitSdrs(Buffer.concat([rec, rec]));
    expect(parts.map((p) => Buffer.from(p).toString('hex'))).toEqual([
      rec.toString('hex'),
      rec.toString('hex'),
    ]);
  });

  it('rejects a truncated record instead of emitting half of it', () => {
    expect(() => splitSdrs(Buffer.from('0a0051120e2000', 'hex'))).toThrow(/truncated SDR record/);
    expect(() => splitSdrs(Buffer.from('0a00', 'hex'))).toThrow(/truncated SDR header/);
  });

  it('never loses or invents bytes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }), (bodies) => {
        const recs = bodies.map((b, i) => Buffer.concat([Buffer.from([i, 0, 0x51, 1, b.length]), b]));
        const parts = splitSdrs(Buffer.concat(recs));
        expect(Buffer.concat(parts.map((p) => Buffer.from(p)))).toEqual(Buffer.concat(recs));
        expect(parts).toHaveLength(recs.length);
      }),
    );
  });
});

describe('mainSdrAddLines', () => {
  it('writes one ipmi_sim main_sdr_add command per record for the BMC at 0x20', () => {
    expect(mainSdrAddLines([Uint8Array.from([1, 0, 0x51, 0x12, 0])])).toBe(
      'main_sdr_add 0x20 0x01 0x00 0x51 0x12 0x00',
    );
  });
});
