import { describe, expect, it } from 'vitest';
import { decodeSdrRecord, type SdrRecord, type SensorRecord } from '../../ipmi/decode/sdr/sdr-record';
import { decodeSensorReading, sensorHealthVerbose } from '../../ipmi/commands/sensor/sensor-reading';
import { decodeSensorEventBits } from '../../ipmi/commands/sensor/sensor-thresholds';
import type { SensorSnapshot } from '../../ipmi/commands/sensor/sensor-snapshot';
import { convertReading } from '../../ipmi/decode/reading-conversion';
import {
  deviceTypeText,
  discreteStateLines,
  sdrGetCsvLine,
  sdrGetOtherBlock,
  sdrGetSensorBlock,
} from './sdr-verbose';
import { sensorCsvLine, sensorListLine } from './sensor';

// Records: LAB vectors (ipmi-lan.md §11.8) and lab-extra.sdrs as sdrcomp compiles them; replies as
// ipmi_sim answers them. Expected text: ipmitool 1.8.19 `sdr get` on the lab BMC, unless a case says why.
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
const CPU =
  '010051013320001007017f680101950a950a3f3f0001000001000000000000000000ff005f5a5000050a0000000000c84350552054656d70';
const PSU = '07005102262000200a016740086f030003000300c000000000000000000000cb5053553120537461747573';
const MEM_ECC = '080051031320002107010c6f00000000c74d656d20454343';
const BOARD_FRU = '090051111420008000001000070100c9426f61726420465255';
const BMC = '0a0051120e200000bf000000070100c3424d43';

describe('sdr get: sensor blocks', () => {
  it('CPU Temp: full threshold record, SDR thresholds, masks, event enable (Get Sensor Event Status refused)', () => {
    const enable = decodeSensorEventBits(hex('c0ff0fff0f'), 'enable');
    expect(sdrGetSensorBlock(snap(CPU, '1ec00000'), { eventEnable: enable })).toBe(
      'Sensor ID              : CPU Temp (0x10)\n' +
        ' Entity ID             : 7.1 (System Board)\n' +
        ' Sensor Type (Threshold)  : Temperature (0x01)\n' +
        ' Sensor Reading        : 30 (+/- 0) degrees C\n' +
        ' Status                : ok\n' +
        ' Upper non-recoverable : 95.000\n' +
        ' Upper critical        : 90.000\n' +
        ' Upper non-critical    : 80.000\n' +
        ' Lower non-recoverable : 0.000\n' +
        ' Lower critical        : 5.000\n' +
        ' Lower non-critical    : 10.000\n' +
        ' Positive Hysteresis   : Unspecified\n' +
        ' Negative Hysteresis   : Unspecified\n' +
        ' Minimum sensor range  : Unspecified\n' +
        ' Maximum sensor range  : Unspecified\n' +
        ' Event Message Control : Per-threshold\n' +
        ' Readable Thresholds   : lnr lcr lnc unc ucr unr \n' +
        ' Settable Thresholds   : lnr lcr lnc unc ucr unr \n' +
        ' Assertions Enabled    : lnc- lnc+ lcr- lcr+ lnr- lnr+ unc- unc+ ucr- ucr+ unr- unr+ \n' +
        ' Deassertions Enabled  : lnc- lnc+ lcr- lcr+ lnr- lnr+ unc- unc+ ucr- ucr+ unr- unr+ \n' +
        '\n',
    );
  });

  it('CPU Temp with scanning disabled: "Disabled", status "Not Available"', () => {
    const out = sdrGetSensorBlock(snap(CPU, '1e800000'));
    expect(out).toContain(' Sensor Reading        : Disabled\n Status                : Not Available\n');
  });

  it('CPU Temp refused (not installed): "No Reading"', () => {
    expect(sdrGetSensorBlock(snap(CPU, undefined))).toContain(' Sensor Reading        : No Reading\n');
  });

  it('status in words for a crossed threshold (ipmitool has verbose set)', () => {
    // state byte 0x18: at or above unc (0x08) and ucr (0x10): the critical one is named
    expect(sdrGetSensorBlock(snap(CPU, '5cc01800'))).toContain(' Status                : Upper Critical\n');
    expect(sdrGetCsvLine(snap(CPU, '5cc01800'))).toMatch(/^CPU Temp,92,degrees C,Upper Critical,7\.1,/);
  });

  it('PSU1 Status: compact discrete record, states asserted, enabled assertions', () => {
    const enable = decodeSensorEventBits(hex('c003000300'), 'enable');
    expect(sdrGetSensorBlock(snap(PSU, '00c00100'), { eventEnable: enable })).toBe(
      'Sensor ID              : PSU1 Status (0x20)\n' +
        ' Entity ID             : 10.1 (Power Supply)\n' +
        ' Sensor Type (Discrete): Power Supply (0x08)\n' +
        ' Sensor Reading        : 0h\n' +
        ' Event Message Control : Per-threshold\n' +
        ' States Asserted       : Power Supply\n' +
        '                         [Presence detected]\n' +
        ' Assertions Enabled    : Power Supply\n' +
        '                         [Presence detected]\n' +
        '                         [Failure detected]\n' +
        ' Deassertions Enabled  : Power Supply\n' +
        '                         [Presence detected]\n' +
        '                         [Failure detected]\n' +
        ' OEM                   : 0\n' +
        '\n',
    );
  });

  it('-c line of a threshold sensor: list fields, entity, type, SDR values, range', () => {
    expect(sdrGetCsvLine(snap(CPU, '1ec00000'))).toBe(
      'CPU Temp,30,degrees C,ok,7.1,System Board,Temperature,,,,95.000,90.000,80.000,0.000,5.000,10.000,0.000,255.000\n',
    );
    expect(sdrGetCsvLine(snap(CPU, '1e800000'))).toMatch(/^CPU Temp,,,ns,7\.1,System Board,/);
  });
});

describe('sdr get: records without a reading', () => {
  const rec = (h: string): SdrRecord => decodeSdrRecord(hex(h));
  it('event-only (Mem ECC)', () => {
    expect(sdrGetOtherBlock(rec(MEM_ECC))).toBe(
      'Sensor ID              : Mem ECC (0x21)\n' +
        'Entity ID              : 7.1 (System Board)\n' +
        'Sensor Type            : Memory (0x0c)\n\n',
    );
  });

  it('FRU locator (Board FRU)', () => {
    expect(sdrGetOtherBlock(rec(BOARD_FRU))).toBe(
      'Device ID              : Board FRU\n' +
        'Entity ID              : 7.1 (System Board)\n' +
        'Device Access Address  : 20h\n' +
        'Logical FRU Device     : 00h\n' +
        'Channel Number         : 0h\n' +
        'LUN.Bus                : 0h.0h\n' +
        'Device Type.Modifier   : 10h.0h (IPMI FRU Inventory)\n' +
        'OEM                    : 00h\n\n',
    );
  });

  it('MC locator (BMC)', () => {
    expect(sdrGetOtherBlock(rec(BMC))).toBe(
      'Device ID              : BMC\n' +
        'Entity ID              : 7.1 (System Board)\n' +
        'Device Slave Address   : 20h\n' +
        'Channel Number         : 0h\n' +
        'ACPI System P/S Notif  : Not Required\n' +
        'ACPI Device P/S Notif  : Not Required\n' +
        'Controller Presence    : Dynamic\n' +
        'Logs Init Agent Errors : No\n' +
        'Event Message Gen      : Enable\n' +
        'Device Capabilities\n' +
        ' Chassis Device        : Yes\n' +
        ' Bridge                : No\n' +
        ' IPMB Event Generator  : Yes\n' +
        ' IPMB Event Receiver   : Yes\n' +
        ' FRU Inventory Device  : Yes\n' +
        ' SEL Device            : Yes\n' +
        ' SDR Repository        : Yes\n' +
        ' Sensor Device         : Yes\n\n',
    );
  });

  it('MC locator byte 8: bits 7-5 power state notification, bits 3-0 global initialization (§43.9)', () => {
    // 0xe9 = ACPI system + device notification, static controller; logs init errors, event gen disabled
    const out = sdrGetOtherBlock(rec('0a0051120e2000e9bf000000070100c3424d43'))!;
    expect(out).toContain('ACPI System P/S Notif  : Required\nACPI Device P/S Notif  : Required\n');
    expect(out).toContain('Controller Presence    : Static\nLogs Init Agent Errors : Yes\n');
    expect(out).toContain('Event Message Gen      : Disable\n');
    // and the list line names it static (byte bit 5), not by bit 0 (event message generation)
    const quiet = rec('0a0051120e200001bf000000070100c3424d43');
    expect(sdrGetOtherBlock(quiet)).toContain('Controller Presence    : Dynamic\n');
  });

  it('generic device locator: the spec fields (span bits 2-0, 4-bit channel), unlike ipmitool', () => {
    // access 0x20, slave 0x51 (channel bit 3 set), byte 7 0x2a: channel bits 2-0 = 1, LUN 1, bus 2;
    // byte 8 0x03: span 3; type 0x08 modifier 0; entity 7.1; OEM 0x05; "DEV". ipmitool would print
    // span 00h (bits 7-5) and channel 1h.
    const g = rec('0b0051100e 2051 2a03 00 0800 0701 05 c3444556');
    expect(sdrGetOtherBlock(g)).toBe(
      'Device ID              : DEV\n' +
        'Entity ID              : 7.1 (System Board)\n' +
        'Device Access Address  : 20h\n' +
        'Device Slave Address   : 51h\n' +
        'Address Span           : 03h\n' +
        'Channel Number         : 9h\n' +
        'LUN.Bus                : 1h.2h\n' +
        'Device Type.Modifier   : 8h.0h (Unknown (0x800))\n' +
        'OEM                    : 05h\n\n',
    );
  });

  it('entity associations print nothing, as in ipmitool', () => {
    expect(sdrGetOtherBlock(rec('0c0051080b1701000a01140100000000'))).toBeUndefined();
  });
});

describe('helpers', () => {
  it('device type names keyed as ipmitool keys them (type << 8 | modifier)', () => {
    expect(deviceTypeText(0x10, 0x00)).toBe('IPMI FRU Inventory');
    expect(deviceTypeText(0x10, 0x01)).toBe('DIMM Memory ID');
    expect(deviceTypeText(0x00, 0x08)).toBe('EEPROM, 24C01');
    expect(deviceTypeText(0x11, 0x00)).toBe('Unknown (0x1100)');
  });

  it('discrete state block: heading once any bit is set, even one without a text', () => {
    // Cable/Interconnect (0x1b) has offsets 0-1 only; bit 2 has no text but still brings the heading
    expect(discreteStateLines('States Asserted', 0x1b, 0x6f, 0x04, 0)).toBe(
      ' States Asserted       : Cable / Interconnect\n',
    );
    expect(discreteStateLines('States Asserted', 0x08, 0x6f, 0, 0x80)).toBe(''); // state2 bit 7 reserved
    expect(discreteStateLines('X', 0x08, 0x6f, 0x03, 0)).toBe(
      ' X                     : Power Supply\n                         [Presence detected]\n                         [Failure detected]\n',
    );
  });

  it('verbose health words', () => {
    const r = (b3: number) => decodeSensorReading(Uint8Array.of(0, 0xc0, b3));
    expect(sensorHealthVerbose(r(0x00), 'ns')).toBe('ok');
    expect(sensorHealthVerbose(r(0x01), 'ns')).toBe('Lower Non-Critical');
    expect(sensorHealthVerbose(r(0x24), 'ns')).toBe('Lower Non-Recoverable');
    expect(sensorHealthVerbose(r(0x30), 'ns')).toBe('Upper Non-Recoverable');
    expect(sensorHealthVerbose(decodeSensorReading(Uint8Array.of(0, 0x80)), 'Not Available')).toBe(
      'Not Available',
    );
  });
});

describe('sensor list: sensors without a reading (lab P5V / FAN3 / DIMM Status as ipmitool prints them)', () => {
  it('units stay blank when the reading was refused or scanning is disabled', () => {
    const na = '| na        ';
    expect(sensorListLine(snap(CPU, '1e800000'))).toBe(
      `CPU Temp         | na         |            | na    ${na.repeat(6)}\n`,
    );
    expect(sensorListLine(snap(CPU, undefined))).toBe(
      `CPU Temp         | na         |            | na    ${na.repeat(6)}\n`,
    );
    expect(sensorCsvLine(snap(CPU, undefined))).toBe('CPU Temp,na,,na,na,na,na,na,na,na\n');
  });

  it('but "reading unavailable" with scanning on keeps them (ipmitool sets the units from that reply)', () => {
    expect(sensorListLine(snap(CPU, '1ee00000'))).toMatch(
      /^CPU Temp {9}\| na {9}\| degrees C {2}\| na {4}\|/,
    );
  });

  it('discrete sensors say "discrete" either way', () => {
    expect(sensorListLine(snap(PSU, '00800000'))).toMatch(
      /^PSU1 Status {6}\| na {9}\| discrete {3}\| na {4}\|/,
    );
  });
});
