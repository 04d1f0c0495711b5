import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSelRecord } from './sel-record';
import { IpmiError } from '../errors';
import { fromHex } from '../wire/hex';

// Vectors: research notes specs/ipmi-lan.md §11.9 (LAB, ipmi_sim 2.0.33 + ipmitool 1.8.19), the 16
// record bytes after the 2-byte next-record ID.
describe('decodeSelRecord', () => {
  it('decodes a system event record', () => {
    const r = decodeSelRecord(
      fromHex(
        '1300' + // record ID 0x0013
          '02' + // system event
          '00105e5f' + // timestamp 0x5F5E1000 = 2020-09-13 12:26:40 UTC
          '2000' + // generator: IPMB slave 0x20 (BMC), LUN 0, channel 0
          '04' + // EvM revision 0x04 (IPMI 1.5/2.0)
          '01' + // sensor type Temperature
          '10' + // sensor number 0x10
          '01' + // assertion, event/reading type threshold
          '595c5a', // data1 0x59: reading in byte 2, threshold in byte 3, offset 9 (UC going high)
      ),
    );
    expect(r).toEqual({
      kind: 'system',
      recordId: 0x13,
      recordType: 0x02,
      timestamp: 0x5f5e1000,
      generatorId: 0x0020,
      evmRevision: 0x04,
      sensorType: 0x01,
      sensorNumber: 0x10,
      deassertion: false,
      eventType: 0x01,
      eventData: [0x59, 0x5c, 0x5a],
    });
  });

  it('reads the direction bit apart from the event/reading type', () => {
    // Mem ECC: event dir/type byte 0xEF = deassertion | 0x6F sensor-specific
    const r = decodeSelRecord(fromHex('1500 02 00105e5f 2000 04 0c 21 ef 00ffff'));
    expect(r).toMatchObject({ kind: 'system', deassertion: true, eventType: 0x6f, sensorType: 0x0c });
  });

  it('decodes OEM timestamped and non-timestamped records', () => {
    // 0xC1: timestamp, manufacturer 0x0002A2 (LE a2 02 00), 6 OEM bytes
    expect(decodeSelRecord(fromHex('1600 c1 00105e5f a20200 010203040506'))).toEqual({
      kind: 'oem-timestamped',
      recordId: 0x16,
      recordType: 0xc1,
      timestamp: 0x5f5e1000,
      manufacturerId: 0x0002a2,
      oemData: fromHex('010203040506'),
    });
    // 0xE0: 13 OEM bytes, no timestamp
    expect(decodeSelRecord(fromHex('1700 e0 0102030405060708090a0b0c0d'))).toEqual({
      kind: 'oem',
      recordId: 0x17,
      recordType: 0xe0,
      oemData: fromHex('0102030405060708090a0b0c0d'),
    });
  });

  it('rejects a short record with a protocol error', () => {
    expect(() => decodeSelRecord(fromHex('1300 02 00105e5f'))).toThrow(IpmiError);
  });

  it('returns a record or an IpmiError for any input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (a) => {
        try {
          const r = decodeSelRecord(a);
          expect(r.recordId).toBe(a[0]! | (a[1]! << 8));
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
          expect(a.length).toBeLessThan(16);
        }
      }),
    );
  });
});
