// Known answers for the SEL event view: the lab SEL's records (e2e/lab/lab-sel.ts, research notes
// specs/ipmi-lan.md §11.9) with the lab SDR's sensors (§11.8), severities table-driven, and any 16
// bytes giving a view inside its schema.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSdrRecord } from '../ipmi/decode/sdr/sdr-record';
import { fromHex } from '../ipmi/wire/hex';
import { selEvent } from '../../shared/domain/sel';
import { matchSelSdr, selEventView, selSdrMatcher, selSeverity, selTime } from './sel-event';
import { decodeSelRecord, type SystemEventRecord } from '../ipmi/decode/sel-record';

const SDR = [
  // full, CPU Temp: sensor 0x10, owner 0x20, Temperature, M=1, degrees C
  '010051013320001007017f680101950a950a3f3f0001000001000000000000000000ff005f5a5000050a0000000000c84350552054656d70',
  // full, P12V: sensor 0x11, Voltage, M=78, Rexp=-4, Volts
  '020051012f20001107017f680201950a950a0000000400004e00000000c000000000ff000000000000000000000000c450313256',
  // compact, PSU1 Status: sensor 0x20, Power Supply
  '07005102262000200a016740086f030003000300c000000000000000000000cb5053553120537461747573',
  // event-only, Mem ECC: sensor 0x21, Memory
  '080051031320002107010c6f00000000c74d656d20454343',
].map((h) => decodeSdrRecord(fromHex(h)));
const sdr = selSdrMatcher(SDR);
const T = '00105e5f'; // 2020-09-13 12:26:40 UTC

describe('SEL event view of the lab SEL', () => {
  it('a threshold event: sensor named from the SDR, reading and threshold in units, crossed above', () => {
    const ev = selEventView(fromHex(`0200 02 ${T} 2000 04 01 10 01 595c5a`), { sdr });
    expect(ev).toEqual({
      id: 2,
      recordType: 2,
      kind: 'system',
      time: { seconds: 0x5f5e1000, preInit: false, unspecified: false, iso: '2020-09-13T12:26:40.000Z' },
      sensor: {
        number: 0x10,
        type: 0x01,
        typeName: 'Temperature',
        generatorId: 0x20,
        sdr: { name: 'CPU Temp', recordKind: 'full', entityId: 7, entityInstance: 1 },
      },
      eventType: { code: 1, name: 'Threshold' },
      direction: 'assertion',
      offset: 9,
      severity: 'critical',
      description: 'Upper Critical going high',
      // event data 2 is the trigger reading here, not a text selector: it stays out of the code
      stateCode: { readingType: 1, sensorType: 1, offset: 9 },
      reading: { value: 92, unit: 'degrees C', raw: 0x5c },
      threshold: { value: 90, unit: 'degrees C', raw: 0x5a, crossed: 'above' },
      raw: `020002${T}2000040110015` + '95c5a',
    });
  });

  it('a lower threshold going low: converted with the SDR factors, crossed below', () => {
    const ev = selEventView(fromHex(`0800 02 ${T} 2000 04 02 11 01 52b0a0`), { sdr });
    // ipmitool's table text, trailing space included (its sel list prints it)
    expect(ev.description).toBe('Lower Critical going low ');
    expect(ev.severity).toBe('critical');
    // 0xb0 * 78e-4 and 0xa0 * 78e-4 volts, as ipmitool prints them (1.37 < 1.25)
    expect(ev.reading).toEqual({ value: expect.closeTo(1.3728, 6), unit: 'Volts', raw: 0xb0 });
    expect(ev.threshold).toMatchObject({ value: expect.closeTo(1.248, 6), crossed: 'below' });
  });

  it('without the SDR: the sensor by number only, no values in units', () => {
    const ev = selEventView(fromHex(`0200 02 ${T} 2000 04 01 10 01 595c5a`));
    expect(ev.sensor).toEqual({ number: 0x10, type: 1, typeName: 'Temperature', generatorId: 0x20 });
    expect(ev.reading).toBeUndefined();
    expect(ev.threshold).toBeUndefined();
  });

  it('a pre-init timestamp is seconds since BMC start, not a date', () => {
    const ev = selEventView(fromHex('0100 02 fd140000 2000 04 08 20 6f 00ffff'), { sdr });
    expect(ev.time).toEqual({ seconds: 5373, preInit: true, unspecified: false });
    expect(ev.description).toBe('Presence detected');
    expect(ev.severity).toBe('info');
    expect(ev.sensor?.sdr).toEqual({
      name: 'PSU1 Status',
      recordKind: 'compact',
      entityId: 10,
      entityInstance: 1,
    });
  });

  it('discrete events: severity by state, a deassertion is info', () => {
    const at = (hex: string) => selEventView(fromHex(hex), { sdr });
    expect(at(`0300 02 ${T} 2000 04 08 20 6f 01ffff`)).toMatchObject({
      description: 'Failure detected',
      severity: 'critical',
    });
    expect(at(`0400 02 ${T} 2000 04 0c 21 ef 00ffff`)).toMatchObject({
      description: 'Correctable ECC',
      direction: 'deassertion',
      severity: 'info',
      sensor: { sdr: { name: 'Mem ECC', recordKind: 'event-only' } },
    });
    expect(at(`0700 02 ${T} 2000 04 23 02 6f c104ff`)).toMatchObject({
      description: 'Hard reset',
      severity: 'warning',
    });
    expect(at(`0a00 02 ${T} 2000 04 07 30 6f 00ffff`)).toMatchObject({
      description: 'IERR',
      severity: 'critical',
    });
  });

  it('OEM records: manufacturer and OEM bytes, no sensor', () => {
    expect(selEventView(fromHex(`0500 c1 ${T} a20200 010203040506`))).toEqual({
      id: 5,
      recordType: 0xc1,
      kind: 'oem-timestamped',
      time: selTime(0x5f5e1000),
      severity: 'info',
      description: '',
      manufacturerId: 0x0002a2,
      oemData: '010203040506',
      raw: `0500c1${T}a20200010203040506`,
    });
    expect(selEventView(fromHex('0600 e0 0102030405060708090a0b0c0d'))).toMatchObject({
      kind: 'oem',
      oemData: '0102030405060708090a0b0c0d',
    });
    expect(selEventView(fromHex('2000 f0 0000 6f6f707320626164 00 0000 00')).panic).toBe('oops bad');
  });

  it('memory ECC of sensor 0 carries CPU and DIMM, unless the vendor text hides it', () => {
    const b = fromHex(`2100 02 ${T} 2000 04 0c 00 6f 20ff31`);
    expect(selEventView(b).memory).toEqual({ cpu: 1, dimm: 3 });
    const v = selEventView(b, {
      vendor: { description: 'Correctable ECC (DIMM 1A)', hideEccLocation: true },
    });
    expect(v.memory).toBeUndefined();
    expect(v.description).toBe('Correctable ECC (DIMM 1A)');
    // a vendor's text is not the table's: no code to reword it by
    expect(selEventView(b).stateCode).toEqual({ readingType: 0x6f, sensorType: 0x0c, offset: 0 });
    expect(v.stateCode).toBeUndefined();
  });

  it('the state code carries event data 2 only where it picks the text', () => {
    // power supply config error (offset 6), data 1 says data 2 is specified, data 2 = 3: rating mismatch
    const ev = selEventView(fromHex(`2200 02 ${T} 2000 04 08 20 6f c603ff`));
    expect(ev.description).toBe('Config Error: Power Supply Rating Mismatch');
    expect(ev.stateCode).toEqual({ readingType: 0x6f, sensorType: 0x08, offset: 6, data2: 3 });
    // OEM event/reading type: no text, no code
    expect(selEventView(fromHex(`2300 02 ${T} 2000 04 08 20 70 00ffff`)).stateCode).toBeUndefined();
  });
});

describe('selSeverity of threshold offsets (IPMI v2.0 Table 42-2)', () => {
  const rec = (offset: number, deassertion = false): SystemEventRecord => ({
    ...(decodeSelRecord(fromHex(`0100 02 ${T} 2000 04 01 10 01 000000`)) as SystemEventRecord),
    eventData: [offset, 0, 0],
    deassertion,
  });
  it.each([
    [0, 'warning'], // lower non-critical going low
    [1, 'warning'],
    [2, 'critical'], // lower critical
    [3, 'critical'],
    [4, 'critical'], // lower non-recoverable
    [5, 'critical'],
    [6, 'warning'], // upper non-critical
    [7, 'warning'],
    [8, 'critical'], // upper critical
    [9, 'critical'],
    [10, 'critical'], // upper non-recoverable
    [11, 'critical'],
    [12, 'info'], // reserved offset
  ] as const)('offset %i → %s', (offset, severity) => {
    expect(selSeverity(rec(offset))).toBe(severity);
    expect(selSeverity(rec(offset, true))).toBe('info');
  });
});

describe('matchSelSdr (the one SEL→SDR matcher)', () => {
  it('matches number, owner = generator ID low byte, and sensor type; first in SDR order', () => {
    expect(matchSelSdr(SDR, 0x0020, 0x10, 0x01)).toBe(SDR[0]);
    expect(matchSelSdr(SDR, 0x0120, 0x10, 0x01)).toBe(SDR[0]);
    expect(matchSelSdr(SDR, 0x0041, 0x10, 0x01)).toBeUndefined();
    expect(matchSelSdr(SDR, 0x0020, 0x10, 0x02)).toBeUndefined();
    const twice = [SDR[1]!, { ...SDR[1]!, id: 'second' } as (typeof SDR)[number]];
    expect(matchSelSdr(twice, 0x20, 0x11, 0x02)).toBe(twice[0]);
  });
});

describe('any 16 bytes', () => {
  it('give a view inside the contract schema, with and without the SDR', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.boolean(), (b, withSdr) => {
        const ev = selEventView(b, withSdr ? { sdr } : {});
        expect(selEvent.safeParse(ev).success).toBe(true);
        expect(ev.raw).toBe(Buffer.from(b).toString('hex'));
      }),
    );
  });
});
