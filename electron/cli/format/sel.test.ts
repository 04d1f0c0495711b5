import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatSelInfo, formatSelLine } from './sel';
import { selEventView, selSdrMatcher, type SelSdrMatcher } from '../../views/sel-event';
import { decodeGetSelEntry, decodeSelInfo } from '../../ipmi/commands/storage/sel';
import { decodeSdrRecord } from '../../ipmi/decode/sdr/sdr-record';
import { fromHex } from '../../ipmi/wire/hex';
import type { TimeOptions } from './ipmi-time';

/** The line printed from the record's view, built with (elist) or without (list) the SDR. */
const line = (bytes: Uint8Array, o: TimeOptions & { lookup?: SelSdrMatcher }) =>
  formatSelLine(selEventView(bytes, { sdr: o.lookup }), { tz: o.tz });

// SDR records of the sensors the SEL vectors name: research notes specs/ipmi-lan.md §11.8 (LAB).
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

// Get SEL Entry response data (next ID + record) and ipmitool 1.8.19's `sel list` / `sel elist` lines
// with TZ=UTC: research notes §11.9, confirmed against the lab BMC (e2e/parity/sel-fru.test.ts).
const VECTORS: { raw: string; list: string; elist: string }[] = [
  {
    raw: '1400 1300 02 00105e5f 2000 04 01 10 01 595c5a',
    list: '  13 | 09/13/20 | 12:26:40 UTC | Temperature #0x10 | Upper Critical going high | Asserted',
    elist:
      '  13 | 09/13/20 | 12:26:40 UTC | Temperature CPU Temp | Upper Critical going high | Asserted | Reading 92 > Threshold 90 degrees C',
  },
  {
    raw: '1500 1400 02 00105e5f 2000 04 08 20 6f 01ffff',
    list: '  14 | 09/13/20 | 12:26:40 UTC | Power Supply #0x20 | Failure detected | Asserted',
    elist: '  14 | 09/13/20 | 12:26:40 UTC | Power Supply PSU1 Status | Failure detected | Asserted',
  },
  {
    raw: '1600 1500 02 00105e5f 2000 04 0c 21 ef 00ffff',
    list: '  15 | 09/13/20 | 12:26:40 UTC | Memory #0x21 | Correctable ECC | Deasserted',
    elist: '  15 | 09/13/20 | 12:26:40 UTC | Memory Mem ECC | Correctable ECC | Deasserted',
  },
  {
    raw: '1700 1600 c1 00105e5f a20200 010203040506',
    list: '  16 | 09/13/20 | 12:26:40 UTC | OEM record c1 | 0002a2 | 010203040506',
    elist: '  16 | 09/13/20 | 12:26:40 UTC | OEM record c1 | 0002a2 | 010203040506',
  },
  {
    raw: '1800 1700 e0 0102030405060708090a0b0c0d',
    list: '  17 | OEM record e0 | 0102030405060708090a0b0c0d',
    elist: '  17 | OEM record e0 | 0102030405060708090a0b0c0d',
  },
  {
    raw: '1900 1800 02 00105e5f 2000 04 23 02 6f c104ff',
    list: '  18 | 09/13/20 | 12:26:40 UTC | Watchdog2 #0x02 | Hard reset | Asserted',
    elist: '  18 | 09/13/20 | 12:26:40 UTC | Watchdog2 #0x02 | Hard reset | Asserted',
  },
  {
    // ipmitool's text for offset 2 ends in a space, hence two before the bar
    raw: '1a00 1900 02 00105e5f 2000 04 02 11 01 52b0a0',
    list: '  19 | 09/13/20 | 12:26:40 UTC | Voltage #0x11 | Lower Critical going low  | Asserted',
    elist:
      '  19 | 09/13/20 | 12:26:40 UTC | Voltage P12V | Lower Critical going low  | Asserted | Reading 1.37 < Threshold 1.25 Volts',
  },
  {
    // data1 0xA0: OEM code in byte 2 (0x03) selects the firmware error text
    raw: '1b00 1a00 02 00105e5f 4100 04 0f 05 6f a003ff',
    list: '  1a | 09/13/20 | 12:26:40 UTC | System Firmwares #0x05 | Unrecoverable IDE device failure | Asserted',
    elist:
      '  1a | 09/13/20 | 12:26:40 UTC | System Firmwares #0x05 | Unrecoverable IDE device failure | Asserted',
  },
  {
    raw: 'ffff 1b00 02 00105e5f 2000 04 07 30 6f 00ffff',
    list: '  1b | 09/13/20 | 12:26:40 UTC | Processor #0x30 | IERR | Asserted',
    elist: '  1b | 09/13/20 | 12:26:40 UTC | Processor #0x30 | IERR | Asserted',
  },
];

describe('sel list / elist lines', () => {
  const lookup = selSdrMatcher(SDR);
  it.each(VECTORS)('$list', ({ raw, list, elist }) => {
    const { bytes } = decodeGetSelEntry(fromHex(raw));
    expect(line(bytes, { tz: 'UTC' })).toBe(list + '\n');
    expect(line(bytes, { tz: 'UTC', lookup })).toBe(elist + '\n');
  });

  it('prints pre-init timestamps as seconds since BMC start', () => {
    // LAB: record 1 of the lab SEL, timestamp 0x000014fd = 5373 s
    const r = fromHex('0100 02 fd140000 2000 04 08 20 6f 00ffff');
    expect(line(r, { tz: 'UTC' })).toBe(
      '   1 |  Pre-Init  |0000005373| Power Supply #0x20 | Presence detected | Asserted\n',
    );
    expect(line(r, { tz: 'UTC', lookup })).toBe(
      '   1 |  Pre-Init  |0000005373| Power Supply PSU1 Status | Presence detected | Asserted\n',
    );
  });

  it('prints local time of the TZ zone with its abbreviation', () => {
    const r = fromHex('1300 02 00105e5f 2000 04 07 30 6f 00ffff');
    expect(line(r, { tz: 'America/New_York' })).toBe(
      '  13 | 09/13/20 | 08:26:40 EDT | Processor #0x30 | IERR | Asserted\n',
    );
  });

  it('omits the sensor number 0 and leaves unknown events blank', () => {
    // sensor type 0xC5 (OEM) with event/reading type 0x70 (OEM): "Unknown", empty description
    const r = fromHex('0200 02 00105e5f 2000 04 c5 00 70 000000');
    expect(line(r, { tz: 'UTC' })).toBe('   2 | 09/13/20 | 12:26:40 UTC | Unknown |  | Asserted\n');
  });

  it('reverses the inequality for a deasserted threshold event', () => {
    // CPU Temp upper critical going high, deasserted (0x81): reading 0x58 = 88 < threshold 90
    const r = fromHex('0300 02 00105e5f 2000 04 01 10 81 59585a');
    expect(line(r, { tz: 'UTC', lookup })).toBe(
      '   3 | 09/13/20 | 12:26:40 UTC | Temperature CPU Temp | Upper Critical going high | Deasserted | Reading 88 < Threshold 90 degrees C\n',
    );
  });

  it('breaks down memory ECC events from sensor 0 into CPU and DIMM', () => {
    const r = fromHex('0400 02 00105e5f 2000 04 0c 00 6f a0ff21');
    expect(line(r, { tz: 'UTC' })).toMatch(/ \| Asserted \| CPU 1 DIMM 2\n$/);
  });

  it('formats any 16 bytes as one line without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (a) => {
        const text = line(a, { tz: 'UTC', lookup });
        // a kernel-panic record (type 0xF0) prints its bytes as text, which may hold a newline itself
        expect(text.endsWith('\n')).toBe(true);
        expect(text.slice(0, 7)).toBe(`${(a[0]! | (a[1]! << 8)).toString(16).padStart(4, ' ')} | `);
      }),
    );
  });
});

describe('sel info', () => {
  it('prints the lab SEL info as ipmitool does (trailing space after "bytes")', () => {
    // LAB Get SEL Info reply: v1.5, 10 entries, 15840 free, never added/erased, ops 0x0a
    const info = decodeSelInfo(fromHex('51 0a00 e03d ffffffff ffffffff 0a'));
    expect(formatSelInfo(info, undefined, { tz: 'UTC' })).toBe(
      [
        'SEL Information',
        'Version          : 1.5 (v1.5, v2 compliant)',
        'Entries          : 10',
        'Free Space       : 15840 bytes ',
        'Percent Used     : 1%',
        'Last Add Time    : Not Available',
        'Last Del Time    : Not Available',
        'Overflow         : false',
        "Supported Cmds   : 'Delete' 'Reserve' ",
        '',
      ].join('\n'),
    );
  });

  it('prints times, overflow, unknown percentage and allocation info', () => {
    const info = decodeSelInfo(fromHex('51 0000 ffff 00105e5f 00105e5f 81'));
    const text = formatSelInfo(
      info,
      {
        allocationUnits: 1000,
        allocationUnitSize: 16,
        freeUnits: 990,
        largestFreeBlock: 990,
        maxRecordSize: 16,
      },
      { tz: 'UTC' },
    );
    expect(text).toContain('Free Space       : 65535 bytes or more\n');
    expect(text).toContain('Percent Used     : unknown\n');
    expect(text).toContain('Last Add Time    : 09/13/20 12:26:40 UTC\n');
    expect(text).toContain('Overflow         : true\n');
    expect(text).toContain("Supported Cmds   : 'Get Alloc Info' \n");
    expect(text).toContain(
      '# of Alloc Units : 1000\nAlloc Unit Size  : 16\n# Free Units     : 990\nLargest Free Blk : 990\nMax Record Size  : 16\n',
    );
  });
});
