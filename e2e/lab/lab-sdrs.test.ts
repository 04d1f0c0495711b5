import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mainSdrAddLines, splitSdrs, withDeviceId } from './lab-sdrs';

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

describe('withDeviceId', () => {
  it("rewrites only the BMC's mc_add manufacturer and product", () => {
    const emu =
      'mc_setbmc 0x20\nmc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02\nmc_add 0x72 0x72 x 1 1 1 1 0x1291 0xb72\n';
    expect(withDeviceId(emu, { manufacturerId: 10876, productId: 0x0806 })).toBe(
      'mc_setbmc 0x20\nmc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x2a7c 0x806\nmc_add 0x72 0x72 x 1 1 1 1 0x1291 0xb72\n',
    );
  });
  it('fails loudly when lab.emu no longer has the line it rewrites', () => {
    expect(() => withDeviceId('mc_setbmc 0x20\n', { manufacturerId: 1, productId: 1 })).toThrow(
      /mc_add 0x20/,
    );
  });
});
