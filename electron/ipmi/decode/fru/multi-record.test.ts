import { describe, expect, it } from 'vitest';
import { decodeMultiRecords } from './multi-record';
import type { FruProblem } from './info-area';
import { checksum } from '../../wire/checksum';
import { fromHex } from '../../wire/hex';

/** One end-of-list record (format 2) with valid record and header checksums. */
function record(type: number, body: Uint8Array): Uint8Array {
  const header = [type, 0x82, body.length, checksum(body)];
  return Uint8Array.from([...header, checksum(Uint8Array.from(header)), ...body]);
}

describe('decodeMultiRecords', () => {
  it('decodes a power supply record (FRU spec §18.1: flags at 17, peak wattage at 18-19)', () => {
    const body = fromHex(
      '2003' + // 0-1 capacity 800 W
        'e803' + // 2-3 peak VA 1000
        '28' + // 4 inrush 40 A
        '0a' + // 5 inrush interval 10 ms
        '545b' + // 6-7 low end input 1: 23380 x 10 mV
        'a861' + // 8-9 high end input 1
        '0000' + // 10-11 low end input 2
        '0000' + // 12-13 high end input 2
        '2f' + // 14 low frequency 47 Hz
        '3f' + // 15 high frequency 63 Hz
        '14' + // 16 dropout tolerance 20 ms
        '1c' + // 17 flags: hot swap | autoswitch | PFC
        '8423' + // 18-19 peak wattage: hold-up 2 s, peak 900 W (0x2384)
        '00' + // 20 combined voltages
        '0000' + // 21-22 combined wattage
        '00', // 23 predictive fail tach
    );
    const problems: FruProblem[] = [];
    const [r] = decodeMultiRecords(record(0x00, body), 0, problems);
    expect(problems).toEqual([]);
    expect(r?.body).toEqual({
      kind: 'power-supply',
      value: {
        capacity: 800,
        peakVa: 1000,
        inrushCurrent: 40,
        inrushIntervalMs: 10,
        inputVoltageRange1: [233.8, 250],
        inputVoltageRange2: [0, 0],
        inputFrequencyRange: [47, 63],
        dropoutToleranceMs: 20,
        flags: 0x1c,
        peakCapacity: 900,
        peakHoldUpSeconds: 2,
        combinedCapacity: 0,
      },
    });
  });
});
