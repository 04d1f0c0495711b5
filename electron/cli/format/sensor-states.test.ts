// Known answers for the reading states the lab's pyghmi sensor BMC serves (e2e/parity/sensor-states-
// pyghmi.test.ts compares them with ipmitool there): a threshold crossed, a reading flagged unavailable
// with scanning on, scanning disabled, on the LAB vector CPU Temp (full record, 10h, entity 7.1). Texts
// are ipmitool 1.8.19's on that BMC.
import { describe, expect, it } from 'vitest';
import { decodeSdrRecord, type SensorRecord } from '../../ipmi/decode/sdr/sdr-record';
import { decodeSensorReading } from '../../ipmi/commands/sensor/sensor-reading';
import type { SensorSnapshot } from '../../ipmi/commands/sensor/sensor-snapshot';
import { convertReading } from '../../ipmi/decode/reading-conversion';
import { formatSdrList } from './sdr';
import { sensorCsvLine, sensorGetBlock, sensorListLine } from './sensor';

const hex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const CPU = decodeSdrRecord(
  hex(
    '010051013320001007017f680101950a950a3f3f0001000001000000000000000000ff005f5a5000050a0000000000c84350552054656d70',
  ),
) as SensorRecord;

function snap(readingHex: string): SensorSnapshot {
  const reading = decodeSensorReading(hex(readingHex));
  const factors = CPU.kind === 'full' ? CPU.factors : undefined;
  return {
    record: CPU,
    reading,
    thresholds: undefined,
    factors,
    value: reading.valid ? convertReading(CPU as never, reading.raw) : undefined,
  };
}
const list = (s: SensorSnapshot, extended: boolean, csv: boolean) =>
  formatSdrList([CPU], new Map([[CPU.recordId, s]]), 'sensors', extended, csv);

describe('sdr / sensor lines per reading state', () => {
  it.each([
    // reading, sdr list, sdr elist, -c sdr list, -c sdr elist
    [
      '5c c0 d8',
      '92 degrees C      | cr',
      '10h | ucr |  7.1 | 92 degrees C',
      '92,degrees C,cr',
      '92,degrees C,ucr',
    ],
    [
      '04 c0 c3',
      '4 degrees C       | cr',
      '10h | lcr |  7.1 | 4 degrees C',
      '4,degrees C,cr',
      '4,degrees C,lcr',
    ],
    [
      '52 c0 c8',
      '82 degrees C      | nc',
      '10h | unc |  7.1 | 82 degrees C',
      '82,degrees C,nc',
      '82,degrees C,unc',
    ],
    ['00 e0 c0', 'no reading        | ns', '10h | ns  |  7.1 | No Reading', ',,ns', ',,ns'],
    ['78 80 c0', 'disabled          | ns', '10h | ns  |  7.1 | Disabled', ',,ns', ',,ns'],
    [
      '28 c0 c0',
      '40 degrees C      | ok',
      '10h | ok  |  7.1 | 40 degrees C',
      '40,degrees C,ok',
      '40,degrees C,ok',
    ],
  ])('reading %s', (reading, sdrList, sdrElist, csvList, csvElist) => {
    const s = snap(reading);
    expect(list(s, false, false)).toBe(`CPU Temp         | ${sdrList}\n`);
    expect(list(s, true, false)).toBe(`CPU Temp         | ${sdrElist}\n`);
    expect(list(s, false, true)).toBe(`CPU Temp,${csvList}\n`);
    expect(list(s, true, true)).toBe(`CPU Temp,${csvElist}\n`);
  });

  it('sensor list: an unavailable reading keeps its unit, a disabled sensor prints none (as ipmitool)', () => {
    expect(sensorListLine(snap('00 e0 c0')).split('|').slice(0, 4)).toEqual([
      'CPU Temp         ',
      ' na         ',
      ' degrees C  ',
      ' na    ',
    ]);
    expect(sensorListLine(snap('78 80 c0')).split('|').slice(0, 4)).toEqual([
      'CPU Temp         ',
      ' na         ',
      '            ',
      ' na    ',
    ]);
    expect(sensorCsvLine(snap('78 80 c0'))).toBe('CPU Temp,na,,na,na,na,na,na,na,na\n');
    expect(sensorCsvLine(snap('5c c0 d8'))).toBe('CPU Temp,92.000,degrees C,cr,na,na,na,na,na,na\n');
  });

  it.each([
    ['5c c0 d8', 'Upper Critical'],
    ['04 c0 c3', 'Lower Critical'],
    ['52 c0 c8', 'Upper Non-Critical'],
    ['28 c0 c0', 'ok'],
  ])(
    'sensor get and -c sensor get name the threshold in words (ipmitool sets verbose): %s',
    (reading, words) => {
      expect(sensorGetBlock(snap(reading))).toContain(`\n Status                : ${words}\n`);
      expect(sensorCsvLine(snap(reading), { verbose: true }).split(',')[3]).toBe(words);
    },
  );
});
