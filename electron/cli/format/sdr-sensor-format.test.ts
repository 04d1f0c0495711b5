import { describe, expect, it } from 'vitest';
import { decodeSdrRecord, type SensorRecord } from '../../ipmi/decode/sdr/sdr-record';
import { decodeSensorReading } from '../../ipmi/commands/sensor/sensor-reading';
import { decodeSensorThresholds } from '../../ipmi/commands/sensor/sensor-thresholds';
import type { SensorSnapshot } from '../../ipmi/commands/sensor/sensor-snapshot';
import { convertReading } from '../../ipmi/decode/reading-conversion';
import { sdrElistSensorLine, sdrListSensorLine, sdrOtherLine, formatSdrInfo } from './sdr';
import { sensorListLine, sensorGetBlock } from './sensor';
import { decodeSdrRepositoryInfo } from '../../ipmi/commands/storage/sdr-repository';
import { fixed, wholeOr } from './c-number';

// Records and replies: LAB vectors (ipmi-lan.md §11.8). Expected text: ipmitool 1.8.19 output on the
// lab BMC (captured with `ipmitool -I lanplus -C 3 ... sdr list|elist|sensor list|sensor get`).
const hex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));
function snap(recordHex: string, readingHex: string | undefined, thresholdsHex?: string): SensorSnapshot {
  const record = decodeSdrRecord(hex(recordHex)) as SensorRecord;
  const reading = readingHex === undefined ? undefined : decodeSensorReading(hex(readingHex));
  const value = record.kind === 'full' && reading?.valid ? convertReading(record, reading.raw) : undefined;
  return {
    record,
    reading,
    thresholds: thresholdsHex ? decodeSensorThresholds(hex(thresholdsHex)) : undefined,
    factors: record.kind === 'full' ? record.factors : undefined,
    value,
  };
}
const CPU =
  '010051013320001007017f680101950a950a3f3f0001000001000000000000000000ff005f5a5000050a0000000000c84350552054656d70';
const P12V =
  '020051012f20001107017f680201950a950a0000000400004e00000000c000000000ff000000000000000000000000c450313256';
const AMBIENT =
  '030051013220001207017f680101950a950a000080010000fec0f6c0000100000000ff000000000000000000000000c7416d6269656e74';
const PSU = '07005102262000200a016740086f030003000300c000000000000000000000cb5053553120537461747573';

describe('sdr list / elist lines', () => {
  it.each([
    [
      snap(CPU, '1ec00000'),
      'CPU Temp         | 30 degrees C      | ok\n',
      'CPU Temp         | 10h | ok  |  7.1 | 30 degrees C\n',
    ],
    [
      snap(P12V, 'a0c00000'),
      'P12V             | 1.25 Volts        | ok\n',
      'P12V             | 11h | ok  |  7.1 | 1.25 Volts\n',
    ],
    [
      snap(AMBIENT, 'f0c00000'),
      'Ambient          | -68 degrees C     | ok\n',
      'Ambient          | 12h | ok  |  7.1 | -68 degrees C\n',
    ],
    [
      snap(PSU, '00c00100'),
      'PSU1 Status      | 0x01              | ok\n',
      'PSU1 Status      | 20h | ok  | 10.1 | Presence detected\n',
    ],
  ])('%#', (s, list, elist) => {
    expect(sdrListSensorLine(s)).toBe(list);
    expect(sdrElistSensorLine(s)).toBe(elist);
  });
  it('shows threshold crossings: cr in list, ucr in elist', () => {
    const s = snap(CPU, '5cc01000');
    expect(sdrListSensorLine(s)).toBe('CPU Temp         | 92 degrees C      | cr\n');
    expect(sdrElistSensorLine(s)).toBe('CPU Temp         | 10h | ucr |  7.1 | 92 degrees C\n');
  });
  it('shows unreadable sensors as ipmitool does', () => {
    expect(sdrListSensorLine(snap(CPU, undefined))).toBe('CPU Temp         | no reading        | ns\n');
    expect(sdrListSensorLine(snap(CPU, '00800000'))).toBe('CPU Temp         | disabled          | ns\n');
    expect(sdrElistSensorLine(snap(PSU, '00e00000'))).toBe(
      'PSU1 Status      | 20h | ns  | 10.1 | No Reading\n',
    );
  });
  it('prints locators and event-only records', () => {
    const rec = (h: string) => decodeSdrRecord(hex(h));
    expect(sdrOtherLine(rec('080051031320002107010c6f00000000c74d656d20454343'), false)).toBe(
      'Mem ECC          | Event-Only        | ns\n',
    );
    expect(sdrOtherLine(rec('090051111420008000001000070100c9426f61726420465255'), false)).toBe(
      'Board FRU        | Log FRU @00h 07.1 | ok\n',
    );
    expect(sdrOtherLine(rec('090051111420008000001000070100c9426f61726420465255'), true)).toBe(
      'Board FRU        | 00h | ns  |  7.1 | Logical FRU @00h\n',
    );
    expect(sdrOtherLine(rec('0a0051120e200000bf000000070100c3424d43'), false)).toBe(
      'BMC              | Dynamic MC @ 20h  | ok\n',
    );
    expect(sdrOtherLine(rec('0a0051120e200000bf000000070100c3424d43'), true)).toBe(
      'BMC              | 00h | ok  |  7.1 | Dynamic MC @ 20h\n',
    );
  });
});

describe('sensor list / get', () => {
  it('prints values with 3 decimals and live thresholds (CPU Temp, Get Sensor Thresholds reply 3f 0a 05 00 50 5a 5f)', () => {
    expect(sensorListLine(snap(CPU, '1ec00000', '3f0a0500505a5f'))).toBe(
      'CPU Temp         | 30.000     | degrees C  | ok    | 0.000     | 5.000     | 10.000    | 80.000    | 90.000    | 95.000    \n',
    );
    expect(sensorListLine(snap(P12V, 'a0c00000'))).toBe(
      'P12V             | 1.248      | Volts      | ok    | na        | na        | na        | na        | na        | na        \n',
    );
    expect(sensorListLine(snap(PSU, '01c00100'))).toBe(
      'PSU1 Status      | 0x1        | discrete   | 0x0100| na        | na        | na        | na        | na        | na        \n',
    );
  });
  it('prints the sensor get block, including "-0" tolerance for a negative M (Ambient)', () => {
    expect(
      sensorGetBlock(snap(AMBIENT, 'f0c00000'), {
        eventEnable: {
          eventMessagesEnabled: true,
          scanningEnabled: true,
          unavailable: false,
          bytes: new Uint8Array(0),
        },
      }),
    ).toBe(
      'Sensor ID              : Ambient (0x12)\n Entity ID             : 7.1\n Sensor Type (Threshold)  : Temperature\n Sensor Reading        : -68 (+/- -0) degrees C\n Status                : ok\n Sensor Threshold Settings not available\n Assertions Enabled    : \n\n',
    );
    expect(sensorGetBlock(snap(PSU, '01c00100'))).toBe(
      'Sensor ID              : PSU1 Status (0x20)\n Entity ID             : 10.1\n Sensor Type (Discrete): Power Supply\n States Asserted       : Power Supply\n                         [Presence detected]\n\n',
    );
  });
});

describe('sdr info', () => {
  it('prints the LAB repository info like ipmitool', () => {
    expect(formatSdrInfo(decodeSdrRepositoryInfo(hex('510a00fefffd1400000000000002')))).toBe(
      'SDR Version                         : 0x51\nRecord Count                        : 10\nFree Space                          : > 64Kb - 2 bytes\nMost recent Addition                : NA\nMost recent Erase                   : NA\nSDR overflow                        : no\nSDR Repository Update Support       : unspecified\nDelete SDR supported                : no\nPartial Add SDR supported           : no\nReserve SDR repository supported    : yes\nSDR Repository Alloc info supported : no\n',
    );
  });
});

describe('C number formatting', () => {
  it.each([
    [-0, 0, '-0'],
    [1.2475, 2, '1.25'],
    [NaN, 3, 'nan'],
    [-Infinity, 3, '-inf'],
  ])('fixed(%s, %s) = %s', (x, d, want) => expect(fixed(x, d)).toBe(want));
  it('drops decimals only for whole numbers', () => {
    expect(wholeOr(30, 2)).toBe('30');
    expect(wholeOr(0.25, 2)).toBe('0.25');
  });
});
