import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IpmiError } from '../../errors';
import { decodeSdrRecord, type SdrRecord } from './sdr-record';
import { decodeIdString } from './id-string';

// Complete records as Get SDR returned them from the LAB BMC (ipmi-lan.md §11.8).
const hex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

// Record 1, "CPU Temp", one byte per line:
const CPU_TEMP = hex(
  `
  0100 51 01 33  -- record ID 0x0001, SDR v1.5, type 0x01 full, 0x33 bytes follow
  20             -- [5] owner ID 0x20 (BMC, IPMB)
  00             -- [6] channel 0, owner LUN 0
  10             -- [7] sensor number 0x10
  07 01          -- [8] entity 7 (system board), [9] instance 1
  7f             -- [10] initialization: scanning, events, thresholds, hysteresis, type, defaults
  68             -- [11] capabilities: auto re-arm, hysteresis readable (10b), thresholds readable/settable (10b), per-threshold events
  01 01          -- [12] sensor type temperature, [13] event/reading type threshold
  950a 950a      -- [14..17] assertion / deassertion masks
  3f 3f          -- [18] readable thresholds (all 6), [19] settable thresholds (all 6)
  00 01 00       -- [20] units 1: unsigned, no rate/modifier, no %; [21] base unit 1 degrees C; [22] modifier 0
  00             -- [23] linearization: linear
  01 00          -- [24] M low 0x01, [25] M high 0, tolerance 0
  00 00 00       -- [26] B low, [27] B high/accuracy, [28] accuracy/exp/direction
  00             -- [29] Rexp 0, Bexp 0
  00 00 00 00    -- [30] analog flags none, [31] nominal, [32] normal max, [33] normal min
  ff 00          -- [34] sensor max 0xff, [35] sensor min 0x00
  5f 5a 50       -- [36] UNR 95, [37] UCR 90, [38] UNC 80
  00 05 0a       -- [39] LNR 0, [40] LCR 5, [41] LNC 10
  00 00          -- [42] +hysteresis, [43] -hysteresis
  00 00 00       -- [44..45] reserved, [46] OEM
  c8             -- [47] ID: 8-bit ASCII, 8 bytes
  4350552054656d70 -- "CPU Temp"
`.replace(/--[^\n]*/g, ''),
);

const LAB: [name: string, bytes: Uint8Array, expected: Partial<Record<string, unknown>>][] = [
  [
    'CPU Temp (full, °C, thresholds)',
    CPU_TEMP,
    {
      kind: 'full',
      recordId: 1,
      number: 0x10,
      ownerId: 0x20,
      entityId: 7,
      entityInstance: 1,
      sensorType: 1,
      eventReadingType: 1,
      readableThresholds: 0x3f,
      settableThresholds: 0x3f,
      analogFormat: 'unsigned',
      linearization: 0,
      sensorMax: 0xff,
      sensorMin: 0,
      thresholds: { unr: 0x5f, ucr: 0x5a, unc: 0x50, lnr: 0, lcr: 5, lnc: 10 },
      id: 'CPU Temp',
    },
  ],
  [
    'P12V (M=78, Rexp=-4, V)',
    hex(
      '020051012f20001107017f680201950a950a0000000400004e00000000c000000000ff000000000000000000000000c450313256',
    ),
    {
      kind: 'full',
      number: 0x11,
      sensorType: 2,
      units: {
        analogFormat: 'unsigned',
        rate: 0,
        modifierRelation: 0,
        percentage: false,
        baseUnit: 4,
        modifierUnit: 0,
      },
      id: 'P12V',
    },
  ],
  [
    'Ambient (2s complement, M=-2 B=-10 Bexp=1)',
    hex(
      '030051013220001207017f680101950a950a000080010000fec0f6c0000100000000ff000000000000000000000000c7416d6269656e74',
    ),
    {
      kind: 'full',
      analogFormat: 'twos-complement',
      factors: { m: -2, b: -10, bExp: 1, rExp: 0, tolerance: 0, accuracy: 0, accuracyExp: 0, direction: 0 },
      id: 'Ambient',
    },
  ],
  [
    'FAN1 (RPM, LC/LNC readable)',
    hex(
      '040051012f20001307017f680401950a950a0606001200003f000000000000000000ff0000000000080c0000000000c446414e31',
    ),
    {
      kind: 'full',
      readableThresholds: 0x06,
      settableThresholds: 0x06,
      thresholds: { unr: 0, ucr: 0, unc: 0, lnr: 0, lcr: 8, lnc: 12 },
      id: 'FAN1',
    },
  ],
  [
    'InvLin (linearization 1/x)',
    hex(
      '050051013120001407017f680201950a950a00000004000701000000000000000000ff000000000000000000000000c6496e764c696e',
    ),
    { kind: 'full', linearization: 7, id: 'InvLin' },
  ],
  [
    'OnesC (1s complement)',
    hex(
      '060051013020001507017f680101950a950a00004001000001000000000000000000ff000000000000000000000000c54f6e657343',
    ),
    { kind: 'full', analogFormat: 'ones-complement', id: 'OnesC' },
  ],
  [
    'PSU1 Status (compact, sensor-specific)',
    hex('07005102262000200a016740086f030003000300c000000000000000000000cb5053553120537461747573'),
    {
      kind: 'compact',
      number: 0x20,
      entityId: 10,
      entityInstance: 1,
      sensorType: 8,
      eventReadingType: 0x6f,
      shareCount: 0,
      id: 'PSU1 Status',
    },
  ],
  [
    'Mem ECC (event-only)',
    hex('080051031320002107010c6f00000000c74d656d20454343'),
    { kind: 'event-only', number: 0x21, sensorType: 0x0c, eventReadingType: 0x6f, id: 'Mem ECC' },
  ],
  [
    'Board FRU (FRU locator)',
    hex('090051111420008000001000070100c9426f61726420465255'),
    {
      kind: 'fru-locator',
      accessAddress: 0x10,
      accessAddressByte: 0x20,
      fruDeviceId: 0,
      logical: true,
      deviceType: 0x10,
      entityId: 7,
      entityInstance: 1,
      id: 'Board FRU',
    },
  ],
  [
    'BMC (MC locator)',
    hex('0a0051120e200000bf000000070100c3424d43'),
    {
      kind: 'mc-locator',
      slaveAddress: 0x20,
      channel: 0,
      powerStateNotification: 0,
      globalInitialization: 0,
      capabilities: 0xbf,
      id: 'BMC',
    },
  ],
];

describe('decodeSdrRecord: LAB records (§11.8)', () => {
  it.each(LAB)('%s', (_n, bytes, expected) => {
    expect(decodeSdrRecord(bytes)).toMatchObject(expected);
  });
  it('keeps unknown record types as raw bytes', () => {
    const r = decodeSdrRecord(hex('0b00511403aabbcc'));
    expect(r).toEqual({
      kind: 'raw',
      recordId: 0x0b,
      version: 0x51,
      recordType: 0x14,
      length: 3,
      body: Uint8Array.of(0xaa, 0xbb, 0xcc),
    });
  });
  it('decodes entity association and OEM records', () => {
    expect(
      decodeSdrRecord(hex('0c0051080b' + '07 01 c0 0a01 1401 0000 0000'.replace(/ /g, ''))),
    ).toMatchObject({
      kind: 'entity-association',
      containerEntityId: 7,
      containerEntityInstance: 1,
      isRange: true,
      linked: true,
      contained: [
        { entityId: 10, entityInstance: 1 },
        { entityId: 0x14, entityInstance: 1 },
      ],
    });
    expect(decodeSdrRecord(hex('0d0051c005570100aabb'))).toMatchObject({
      kind: 'oem',
      manufacturerId: 0x157,
      data: Uint8Array.of(0xaa, 0xbb),
    });
  });
  it('decodes a generic device locator', () => {
    expect(
      decodeSdrRecord(hex('0e0051100e' + 'a0 42 2a 03 00 03 01 15 02 05 c3 444556'.replace(/ /g, ''))),
    ).toMatchObject({
      kind: 'generic-locator',
      accessAddress: 0xa0,
      slaveAddress: 0x42,
      channel: 1,
      lun: 1,
      privateBus: 2,
      addressSpan: 3,
      deviceType: 3,
      deviceTypeModifier: 1,
      entityId: 0x15,
      entityInstance: 2,
      oem: 5,
      id: 'DEV',
    });
  });
  it('rejects a record shorter than its header says, and a full record shorter than its fixed part', () => {
    expect(() => decodeSdrRecord(CPU_TEMP.subarray(0, 30))).toThrow(IpmiError);
    expect(() => decodeSdrRecord(hex('0100510103200010'))).toThrow(IpmiError);
  });
  it('property: any bytes decode to a record or throw IpmiError, never another exception', () => {
    const types = fc.constantFrom(0x01, 0x02, 0x03, 0x08, 0x10, 0x11, 0x12, 0xc0, 0x14, 0x77);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), types, fc.boolean(), (body, type, fixHeader) => {
        const bytes =
          fixHeader && body.length >= 5
            ? Uint8Array.from([body[0]!, body[1]!, 0x51, type, body.length - 5, ...body.subarray(5)])
            : body;
        try {
          const r: SdrRecord = decodeSdrRecord(bytes);
          expect(r.recordType).toBe(bytes[3]);
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it('property: truncating a LAB record anywhere gives IpmiError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LAB.map((l) => l[1])), fc.nat(), (bytes, cut) => {
        const n = cut % bytes.length;
        expect(() => decodeSdrRecord(bytes.subarray(0, n))).toThrow(IpmiError);
      }),
    );
  });
});

describe('decodeIdString', () => {
  it('stops 8-bit ASCII at NUL like a C string', () =>
    expect(decodeIdString(0xc5, hex('41420043 44'))).toBe('AB'));
  it('unpacks 6-bit packed ASCII ("IPMI BRD", FRU vector §11.10)', () =>
    expect(decodeIdString(0x86, hex('29dca6802893'))).toBe('IPMI BRD'));
  it('unpacks BCD plus', () => expect(decodeIdString(0x43, hex('1234b5'))).toBe('1234-5'));
});
