// `-c` lines and `sel get` blocks for the branches the lab BMC cannot show (e2e/parity/csv-sel-get.test.ts
// covers the rest against ipmitool itself). Expected texts follow ipmitool 1.8.19's printf formats
// (lib/ipmi_sdr.c, lib/ipmi_sensor.c, lib/ipmi_sel.c).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSdrRecord, type SensorRecord } from '../../ipmi/decode/sdr/sdr-record';
import { decodeSensorReading } from '../../ipmi/commands/sensor/sensor-reading';
import type { SensorSnapshot } from '../../ipmi/commands/sensor/sensor-snapshot';
import { convertReading } from '../../ipmi/decode/reading-conversion';
import { entityIdName } from '../../ipmi/decode/entity-ids';
import { sdrCsvOtherLine, sdrCsvSensorLine } from './sdr';
import { sensorCsvLine } from './sensor';
import { formatSelLine } from './sel';
import {
  eventOnlyVerbose,
  isEmptySelRecord,
  selEntryExtendedVerbose,
  selEntryVerbose,
  standardView,
} from './sel-get';
import { parseSelId } from '../commands/sel-get';
import { matchSelSdr, selEventView } from '../../views/sel-event';

const hex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
function snap(recordHex: string, readingHex: string | undefined): SensorSnapshot {
  const record = decodeSdrRecord(hex(recordHex)) as SensorRecord;
  const reading = readingHex === undefined ? undefined : decodeSensorReading(hex(readingHex));
  const value = record.kind === 'full' && reading?.valid ? convertReading(record, reading.raw) : undefined;
  return {
    record,
    reading,
    thresholds: undefined,
    factors: record.kind === 'full' ? record.factors : undefined,
    value,
  };
}
// LAB vectors (research notes §11.8)
const CPU =
  '010051013320001007017f680101950a950a3f3f0001000001000000000000000000ff005f5a5000050a0000000000c84350552054656d70';
const P12V =
  '020051012f20001107017f680201950a950a0000000400004e00000000c000000000ff000000000000000000000000c450313256';
const PSU1 = '07005102262000200a016740086f030003000300c000000000000000000000cb5053553120537461747573';
const MEM_ECC = '080051031320002107010c6f00000000c74d656d20454343';
const SDR = [CPU, P12V, PSU1, MEM_ECC].map((h) => decodeSdrRecord(hex(h)));

describe('-c sdr / sensor lines', () => {
  it('threshold sensor without a reading: empty value and unit, ns', () => {
    expect(sdrCsvSensorLine(snap(CPU, '00 60 c0'))).toBe('CPU Temp,,,ns\n');
    expect(sensorCsvLine(snap(CPU, '00 60 c0'))).toBe('CPU Temp,na,degrees C,na,na,na,na,na,na,na\n');
  });

  it('discrete sensor without a reading: number, ns, entity, No Reading', () => {
    expect(sdrCsvSensorLine(snap(PSU1, '00 60 00 00'))).toBe('PSU1 Status,20h,ns,10.1,No Reading\n');
    expect(sensorCsvLine(snap(PSU1, '00 60 00 00'))).toBe('PSU1 Status,na,discrete,na,na,na,na,na,na,na\n');
  });

  it('a threshold sensor read without thresholds prints six na', () => {
    expect(sensorCsvLine(snap(P12V, 'a0 c0 c0'))).toBe('P12V,1.248,Volts,ok,na,na,na,na,na,na\n');
  });

  it('generic locators and unknown records', () => {
    // generic device locator "GenDev", access 0x10, slave 0x52, entity 7.3
    const gen = decodeSdrRecord(hex('0900 51 10 11 10 52 00 00 00 00 00 07 03 00 c6 47656e446576'));
    expect(gen.kind).toBe('generic-locator');
    expect(sdrCsvOtherLine(gen)).toBe('GenDev,00h,ns,7.3\n');
    expect(sdrCsvOtherLine(decodeSdrRecord(hex('0a00 51 c0 04 57010000')))).toBeUndefined();
  });
});

describe('-c sel list lines', () => {
  it('kernel panic records: two empty date/time fields', () => {
    const r = selEventView(hex('2000 f0 0000 6f6f707320626164 00 0000 00'));
    expect(formatSelLine(r, { csv: true })).toBe('20,,,Linux kernel panic: oops bad\n');
  });

  it('memory ECC from sensor 0 carries CPU and DIMM in its own field', () => {
    const r = selEventView(hex('2100 02 00105e5f 2000 04 0c 00 6f 20ff31'));
    expect(formatSelLine(r, { tz: 'UTC', csv: true })).toBe(
      '21,09/13/20,12:26:40 UTC,Memory,Correctable ECC,Asserted,CPU 1 DIMM 3\n',
    );
  });

  it('the CSV line is the table line with its separators replaced (fast-check over system events)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 13, maxLength: 13 }),
        fc.integer({ min: 1, max: 0xfffe }),
        (body, id) => {
          const b = new Uint8Array([id & 0xff, id >> 8, 0x02, ...body]);
          b[6] = 0x5f; // a real date, not pre-init
          const r = selEventView(b);
          const table = formatSelLine(r, { tz: 'UTC' });
          const csv = formatSelLine(r, { tz: 'UTC', csv: true });
          expect(csv).toBe(table.replace(/^ */, '').split(' | ').join(','));
        },
      ),
    );
  });
});

describe('sel get blocks', () => {
  it('reads OEM timestamped records through the system-event positions, manufacturer reversed', () => {
    const v = standardView(hex('0500 c1 00105e5f a20200 010203040506'));
    expect([v.generatorId, v.evmRevision, v.sensorType, v.sensorNumber]).toEqual([0x0200, 0xa2, 0x01, 0x02]);
    expect(v.eventType).toBe(0x03);
    expect(v.eventData).toEqual([0x04, 0x05, 0x06]);
  });

  it('kernel panic record', () => {
    expect(selEntryVerbose(selEventView(hex('2000 f0 0000 6f6f707320626164 00 0000 00')))).toBe(
      'SEL Record ID          : 0020\n' +
        ' Record Type           : Linux kernel panic (OEM record f0)\n' +
        ' Panic string          : oops bad\n\n',
    );
  });

  it('no SDR, a reserved event type: the event data line', () => {
    expect(
      selEntryVerbose(selEventView(hex('0b00 02 00105e5f 2000 04 05 40 50 010203')), { tz: 'UTC' }),
    ).toBe(
      'SEL Record ID          : 000b\n' +
        ' Record Type           : 02\n' +
        ' Timestamp             : 09/13/20 09/13/20\n' +
        ' Generator ID          : 0020\n' +
        ' EvM Revision          : 04\n' +
        ' Sensor Type           : Physical Security\n' +
        ' Sensor Number         : 40\n' +
        ' Event Type            : Reserved\n' +
        ' Event Direction       : Assertion Event\n' +
        ' Event Data            : 010203\n' +
        ' Description           : \n\n',
    );
  });

  it('threshold event data: OEM and extension codes in bytes 2 and 3', () => {
    const text = selEntryExtendedVerbose(
      selEventView(hex('0c00 02 00105e5f 2000 04 01 10 01 b95c5a')),
      SDR[0]!,
      {
        tz: 'UTC',
      },
    );
    expect(text).toContain(
      ' Event Data (RAW)      : b95c5a\n OEM Data              : 5c\n Sensor Extension Code : 5a\n',
    );
  });

  it('sensor-specific events: memory ECC breakdown, version change without "Missing"', () => {
    const mem = selEntryExtendedVerbose(
      selEventView(hex('0d00 02 00105e5f 2000 04 0c 21 6f 20ff31')),
      SDR[3]!,
      {
        tz: 'UTC',
      },
    );
    expect(mem).toContain(' Event Data (RAW)      : 20ff31\n Event Interpretation  : Missing\n');
    const ecc0 = selEntryExtendedVerbose(
      selEventView(hex('0d00 02 00105e5f 2000 04 0c 00 6f 20ff31')),
      SDR[3]!,
      {
        tz: 'UTC',
      },
    );
    expect(ecc0).toContain(
      ' Event Data (RAW)      : 20ff31\n Event Data            : CPU 1 DIMM 3\n Description',
    );
    const ver = selEntryExtendedVerbose(
      selEventView(hex('0e00 02 00105e5f 2000 04 2b 21 6f c1ffff')),
      SDR[3]!,
      {
        tz: 'UTC',
      },
    );
    expect(ver).toContain(' Event Data (RAW)      : c1ffff\n Description');
  });

  it('threshold event on a compact sensor is not broken down', () => {
    const text = selEntryExtendedVerbose(
      selEventView(hex('0f00 02 00105e5f 2000 04 08 20 01 595c5a')),
      SDR[2]!,
      {
        tz: 'UTC',
      },
    );
    expect(text).toContain(' Event Data (RAW)      : 595c5a\n Event Data            : 595c5a\n');
  });

  it('event-only sensor block and entity names', () => {
    const rec = SDR[3]!;
    if (rec.kind !== 'event-only') throw new Error('fixture');
    expect(eventOnlyVerbose(rec)).toBe(
      'Sensor ID              : Mem ECC (0x21)\nEntity ID              : 7.1 (System Board)\nSensor Type            : Memory (0x0c)\n\n',
    );
    expect(entityIdName(0x38)).toBe('Reserved');
    expect(entityIdName(0x50)).toBe('Unknown (0x50)');
    expect(entityIdName(0xf3)).toBe('PICMG Alarm Panel');
  });

  it('finds SDRs by number, owner (generator low byte) and type', () => {
    expect(matchSelSdr(SDR, 0x0020, 0x10, 0x01)).toBe(SDR[0]);
    expect(matchSelSdr(SDR, 0x0120, 0x10, 0x01)).toBe(SDR[0]);
    expect(matchSelSdr(SDR, 0x0041, 0x10, 0x01)).toBeUndefined();
    expect(matchSelSdr(SDR, 0x0020, 0x10, 0x02)).toBeUndefined();
  });

  it('empty records and IDs as strtol reads them', () => {
    expect(isEmptySelRecord(hex('0100 00 00000000 0000 00 00 00 00 000000'))).toBe(true);
    expect(isEmptySelRecord(hex('0100 02 00000000 0000 00 00 00 00 000000'))).toBe(false);
    expect([parseSelId('10'), parseSelId('0x10'), parseSelId('010'), parseSelId('65535')]).toEqual([
      10, 16, 8, 65535,
    ]);
    expect([parseSelId('65536'), parseSelId('x'), parseSelId('-1'), parseSelId('1a')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
