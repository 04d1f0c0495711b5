import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFruInventory, fruImageExtent } from './fru-inventory-data';
import { boardMfgDate } from './info-area';
import { FRU_VECTOR } from './fru-vector';
import { IpmiError } from '../../errors';
import { checksum } from '../../wire/checksum';

const text = (f: { text: string } | undefined) => f?.text;

describe('decodeFruInventory: LAB vector (research notes §11.10)', () => {
  const fru = decodeFruInventory(FRU_VECTOR);

  it('decodes the header', () => {
    expect(FRU_VECTOR.length).toBe(138);
    expect(fru.header).toEqual({
      version: 1,
      chassis: 8,
      board: 32,
      product: 64,
      multiRecord: 120,
      checksumOk: true,
    });
    expect(fru.problems).toEqual([]);
  });

  it('decodes the chassis area', () => {
    expect(fru.chassis?.fixed[0]).toBe(0x17);
    expect(text(fru.chassis?.fields.partNumber)).toBe('CP-01');
    expect(text(fru.chassis?.fields.serialNumber)).toBe('CS1234');
    expect(fru.chassis?.checksumOk).toBe(true);
  });

  it('decodes the board area, 6-bit ASCII, BCD plus and the date', () => {
    const b = fru.board!;
    expect(boardMfgDate(b)?.toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(text(b.fields.manufacturer)).toBe('ACME');
    expect(b.fields.productName).toMatchObject({ encoding: 'ascii6', text: 'IPMI BRD' });
    expect(b.fields.serialNumber).toMatchObject({ encoding: 'bcd-plus', text: '1234-5' });
    expect(text(b.fields.partNumber)).toBe('PN-42');
    expect(text(b.fields.fruFileId)).toBe('');
    expect(b.custom).toEqual([]);
  });

  it('decodes the product area with its custom field', () => {
    const p = fru.product!;
    expect(
      [
        p.fields.manufacturer,
        p.fields.name,
        p.fields.partNumber,
        p.fields.version,
        p.fields.serialNumber,
        p.fields.assetTag,
      ].map(text),
    ).toEqual(['ACME', 'Widget Server', 'WS-1', 'A1', 'SN0001', 'ASSET42']);
    expect(p.custom.map((f) => f.text)).toEqual(['Custom1']);
  });

  it('decodes the DC output multi-record', () => {
    expect(fru.multiRecords).toHaveLength(1);
    const r = fru.multiRecords![0]!;
    expect(r).toMatchObject({
      type: 1,
      typeName: 'DC Output',
      endOfList: true,
      formatVersion: 2,
      headerChecksumOk: true,
      recordChecksumOk: true,
    });
    expect(r.body).toEqual({
      kind: 'dc-output',
      value: {
        outputNumber: 1,
        standby: false,
        nominalVoltage: 12,
        maxNegativeDeviation: 11.4,
        maxPositiveDeviation: 12.6,
        rippleAndNoise: 50,
        minCurrent: 0,
        maxCurrent: 10,
      },
    });
  });
});

describe('decodeFruInventory: damage', () => {
  it('reports a bad area checksum and still decodes the area', () => {
    const bad = Uint8Array.from(FRU_VECTOR);
    bad[32 + 31] = bad[32 + 31]! ^ 0xff; // board checksum byte
    const fru = decodeFruInventory(bad);
    expect(fru.board?.checksumOk).toBe(false);
    expect(text(fru.board?.fields.manufacturer)).toBe('ACME');
    expect(text(fru.product?.fields.name)).toBe('Widget Server');
    expect(fru.problems).toEqual([{ area: 'board', message: 'area checksum is wrong' }]);
  });

  it('reports a bad header checksum and still decodes every area', () => {
    const bad = Uint8Array.from(FRU_VECTOR);
    bad[7] = 0;
    const fru = decodeFruInventory(bad);
    expect(fru.problems).toEqual([{ area: 'header', message: 'common header checksum is wrong' }]);
    expect(text(fru.chassis?.fields.serialNumber)).toBe('CS1234');
  });

  it('reports a bad multi-record checksum and still decodes the record', () => {
    const bad = Uint8Array.from(FRU_VECTOR);
    bad[137] = 0x28; // max current 0x2810, record checksum no longer matches
    const fru = decodeFruInventory(bad);
    expect(fru.multiRecords?.[0]?.recordChecksumOk).toBe(false);
    expect(fru.multiRecords?.[0]?.body).toMatchObject({ kind: 'dc-output' });
    expect(fru.problems.map((p) => p.area)).toEqual(['multi-record']);
  });

  it('decodes what a truncated image holds and says what is missing', () => {
    const fru = decodeFruInventory(FRU_VECTOR.subarray(0, 80)); // product area cut after 16 of 56 bytes
    expect(text(fru.board?.fields.partNumber)).toBe('PN-42');
    expect(fru.product?.truncated).toBe(true);
    expect(text(fru.product?.fields.manufacturer)).toBe('ACME');
    // "Widget Server" runs past the cut, so it is absent rather than half-read
    expect(fru.product?.fields.name).toBeUndefined();
    expect(fru.problems.map((p) => p.area)).toEqual(['product', 'multi-record']);
  });

  it('rejects an image without a usable header', () => {
    expect(() => decodeFruInventory(FRU_VECTOR.subarray(0, 5))).toThrow(IpmiError);
    const v2 = Uint8Array.from(FRU_VECTOR);
    v2[0] = 2;
    expect(() => decodeFruInventory(v2)).toThrow(/Unknown FRU header version 0x02/);
  });

  it('decodes any bytes to a value or an IpmiError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (a) => {
        try {
          decodeFruInventory(a);
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
        }
      }),
    );
  });

  it('decodes every truncation and every single-byte corruption of the vector', () => {
    fc.assert(
      fc.property(fc.nat(138), fc.nat(137), fc.nat(255), (cut, at, value) => {
        const v = Uint8Array.from(FRU_VECTOR);
        v[at] = value;
        try {
          decodeFruInventory(v.subarray(0, cut));
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
        }
      }),
    );
  });
});

describe('fruImageExtent', () => {
  it('grows from the header to the end of the last record', () => {
    expect(fruImageExtent(new Uint8Array(0), 256)).toBe(8);
    // with only the header, it needs the length bytes of each area and the first multi-record header
    expect(fruImageExtent(FRU_VECTOR.subarray(0, 8), 256)).toBe(125);
    expect(fruImageExtent(FRU_VECTOR.subarray(0, 125), 256)).toBe(138);
    expect(fruImageExtent(FRU_VECTOR, 256)).toBe(138);
  });

  it('never asks for more than the device holds', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 0xffff }), (a, size) => {
        expect(fruImageExtent(a, size)).toBeLessThanOrEqual(Math.max(size, 8));
      }),
    );
  });

  it('builds a consistent checksum for test images', () => {
    // the vector's own checksums, recomputed, guard the vector against typos
    expect(checksum(FRU_VECTOR.subarray(0, 7))).toBe(FRU_VECTOR[7]);
    expect(checksum(FRU_VECTOR.subarray(120, 124))).toBe(FRU_VECTOR[124]);
  });
});
