// ipmitool-identical text. Expected strings are ipmitool 1.8.19's output against the lab ipmi_sim
// (captured for this test: `chassis status`, `mc info`, `mc guid`, `mc getenables`, `raw 0x06 0x01`,
// `chassis bootparam get 5` after `bootdev pxe`, and the `raw 6 0x55` error), or follow ipmitool's
// printf formats in lib/ipmi_chassis.c / lib/ipmi_mc.c / lib/ipmi_raw.c where the lab cannot produce
// the input (marked SRC).
import { describe, expect, it } from 'vitest';
import { decodeChassisStatus } from '../../ipmi/commands/chassis/get-chassis-status';
import { decodeBootOption } from '../../ipmi/commands/chassis/system-boot-options';
import { decodeDeviceId } from '../../ipmi/commands/app/get-device-id';
import { decodeGlobalEnables } from '../../ipmi/commands/app/bmc-global-enables';
import { decodeSelfTestResults } from '../../ipmi/commands/app/get-self-test-results';
import { fromHex } from '../../ipmi/wire/hex';
import { decodeSystemRestartCause } from '../../ipmi/commands/chassis/get-system-restart-cause';
import { chassisStatusView, restartCauseView } from '../../views/chassis';
import { deviceView } from '../../views/device';
import {
  formatBootParameter,
  formatChassisStatus,
  formatIdentify,
  formatPoh,
  formatPowerControl,
  formatPowerStatus,
  formatRestartCause,
  formatSupportedPolicies,
} from './chassis';
import { formatDeviceId, formatGlobalEnables, formatGuid, formatSelfTest, utcTimestamp } from './mc';
import { formatRawCompletionError, formatRawResponse } from './raw';
import { ipmitoolCcText } from './completion-code';

describe('chassis text', () => {
  it('LAB: chassis status of ipmi_sim (power off)', () => {
    expect(formatChassisStatus(chassisStatusView(decodeChassisStatus(fromHex('00 00 00'))))).toBe(
      'System Power         : off\n' +
        'Power Overload       : false\n' +
        'Power Interlock      : inactive\n' +
        'Main Power Fault     : false\n' +
        'Power Control Fault  : false\n' +
        'Power Restore Policy : always-off\n' +
        'Last Power Event     : \n' +
        'Chassis Intrusion    : inactive\n' +
        'Front-Panel Lockout  : inactive\n' +
        'Drive Fault          : false\n' +
        'Cooling/Fan Fault    : false\n',
    );
  });

  it('SRC: last power event words, and the front-panel byte', () => {
    const t = formatChassisStatus(chassisStatusView(decodeChassisStatus(fromHex('41 1f 00 00'))));
    expect(t).toContain('Power Restore Policy : always-on\n');
    expect(t).toContain('Last Power Event     : ac-failed overload interlock fault command\n');
    expect(t.endsWith('Front Panel Control  : none\n')).toBe(true);
    const t2 = formatChassisStatus(chassisStatusView(decodeChassisStatus(fromHex('00 10 00 91'))));
    expect(t2).toContain('Last Power Event     : command\n');
    expect(t2).toContain('Sleep Button Disable : allowed\nDiag Button Disable  : not allowed\n');
    expect(t2).toContain('Power Button Disable : allowed\n');
    expect(t2.endsWith('Reset Button Disabled: false\nPower Button Disabled: true\n')).toBe(true);
  });

  it('LAB: power status and control', () => {
    expect(formatPowerStatus(false)).toBe('Chassis Power is off\n');
    expect(formatPowerControl('power-up')).toBe('Chassis Power Control: Up/On\n');
    expect(formatPowerControl('soft-shutdown')).toBe('Chassis Power Control: Soft\n');
    expect(formatPowerControl('power-cycle')).toBe('Chassis Power Control: Cycle\n');
    expect(formatPowerControl('hard-reset')).toBe('Chassis Power Control: Reset\n');
  });

  it('SRC: identify, restart cause, policies', () => {
    expect(formatIdentify({ kind: 'default' })).toBe('Chassis identify interval: default (15 seconds)\n');
    expect(formatIdentify({ kind: 'interval', seconds: 0 })).toBe('Chassis identify interval: off\n');
    expect(formatIdentify({ kind: 'interval', seconds: 30 })).toBe('Chassis identify interval: 30 seconds\n');
    expect(formatIdentify({ kind: 'force-on' })).toBe('Chassis identify interval: indefinite\n');
    expect(formatRestartCause(restartCauseView(decodeSystemRestartCause(Uint8Array.of(7))))).toBe(
      'System restart cause: power-up due to restore-previous power policy\n',
    );
    expect(formatRestartCause(restartCauseView(decodeSystemRestartCause(Uint8Array.of(0x0d))))).toBe(
      'System restart cause: Unknown (0x0D)\n',
    );
    expect(formatSupportedPolicies({ alwaysOff: true, previous: true, alwaysOn: true })).toBe(
      'Supported chassis power policy:  always-off always-on previous\n',
    );
    expect(formatSupportedPolicies({ alwaysOff: false, previous: false, alwaysOn: true })).toBe(
      'Supported chassis power policy:  always-on \n',
    );
  });

  it.each([
    // SRC: float arithmetic of ipmi_chassis_poh
    [{ minutesPerCount: 60, count: 10000 }, 'POH Counter  : 416 days, 16 hours\n'],
    [{ minutesPerCount: 1, count: 1500 }, 'POH Counter  : 1 days, 1 hours, 0 minutes\n'],
    [{ minutesPerCount: 1, count: 1501 }, 'POH Counter  : 1 days, 1 hours, 1 minutes\n'],
    // 2^32-1 minutes does not fit a float: ipmitool sees 4294967296
    [{ minutesPerCount: 1, count: 0xffffffff }, 'POH Counter  : 2982616 days, 4 hours, 16 minutes\n'],
  ])('POH %j', (p, text) => {
    expect(formatPoh({ ...p, minutes: p.count * p.minutesPerCount })).toBe(text);
  });

  it('LAB: bootparam get 5 after bootdev pxe', () => {
    expect(formatBootParameter(decodeBootOption(fromHex('01 05 00 04 00 00 00')))).toBe(
      'Boot parameter version: 1\n' +
        'Boot parameter 5 is valid/unlocked\n' +
        'Boot parameter data: 0004000000\n' +
        ' Boot Flags :\n' +
        '   - Boot Flag Invalid\n' +
        '   - Options apply to only next boot\n' +
        '   - BIOS PC Compatible (legacy) boot \n' +
        '   - Boot Device Selector : Force PXE\n' +
        '   - BIOS verbosity : System Default\n' +
        '   - Console Redirection control : Console redirection occurs per BIOS configuration setting (default)\n' +
        '   - BIOS Mux Control Override : BIOS uses recommended setting of the mux at the end of POST\n',
    );
  });

  it('SRC: bootparam get 5 with every flag, and parameter 0', () => {
    const t = formatBootParameter(decodeBootOption(fromHex('01 05 e0 ff 9e 0a 00')));
    expect(t).toContain(
      '   - Boot Flag Valid\n   - Options apply to all future boots\n   - BIOS EFI boot \n   - CMOS Clear\n   - Lock Keyboard\n',
    );
    expect(t).toContain(
      '   - Boot Device Selector : Force Boot from Floppy/primary removable media\n   - Screen blank\n   - Lock out Reset buttons\n',
    );
    expect(t).toContain(
      '   - BIOS verbosity : System Default\n   - Force progress event traps\n   - User password bypass\n   - Lock Out Sleep Button\n',
    );
    expect(t).toContain(
      '   - Console Redirection control : Request console redirection be enabled\n   - BIOS Shared Mode Override\n',
    );
    expect(t).toContain('Requests BIOS to force mux to system at conclusion of POST/start of OS boot\n');
    expect(formatBootParameter(decodeBootOption(fromHex('01 00 01')))).toBe(
      'Boot parameter version: 1\nBoot parameter 0 is valid/unlocked\nBoot parameter data: 01\n Set In Progress : set in progress\n',
    );
  });
});

describe('mc text', () => {
  it('LAB: mc info of the ipmi_sim lab BMC', () => {
    const registry = new Map([[4753, 'MontaVista Software, Inc.']]);
    expect(
      formatDeviceId(
        deviceView(decodeDeviceId(fromHex('00 03 09 08 02 9f 91 12 00 02 0f 00 00 00 00')), registry),
      ),
    ).toBe(
      'Device ID                 : 0\n' +
        'Device Revision           : 3\n' +
        'Firmware Revision         : 9.08\n' +
        'IPMI Version              : 2.0\n' +
        'Manufacturer ID           : 4753\n' +
        'Manufacturer Name         : MontaVista Software, Inc.\n' +
        'Product ID                : 3842 (0x0f02)\n' +
        'Product Name              : Unknown (0xF02)\n' +
        'Device Available          : yes\n' +
        'Provides Device SDRs      : no\n' +
        'Additional Device Support :\n' +
        '    Sensor Device\n' +
        '    SDR Repository Device\n' +
        '    SEL Device\n' +
        '    FRU Inventory Device\n' +
        '    IPMB Event Receiver\n' +
        '    Chassis Device\n' +
        'Aux Firmware Rev Info     : \n' +
        '    0x00\n    0x00\n    0x00\n    0x00\n',
    );
  });

  it('SRC: built-in names, unknown manufacturer, 11-byte reply', () => {
    const t = formatDeviceId(deviceView(decodeDeviceId(fromHex('20 81 82 41 51 00 57 01 00 29 00'))));
    expect(t).toContain('Manufacturer ID           : 343\nManufacturer Name         : Intel Corporation\n');
    expect(t).toContain('Product ID                : 41 (0x0029)\nProduct Name              : S5000PSL\n');
    expect(t).toContain('Firmware Revision         : 2.41\nIPMI Version              : 1.5\n');
    expect(t).toContain(
      'Device Available          : no\nProvides Device SDRs      : yes\nAdditional Device Support :\n',
    );
    expect(t).not.toContain('Aux');
    expect(formatDeviceId(deviceView(decodeDeviceId(fromHex('20 81 82 41 51 00 ab cd 0e 29 00'))))).toContain(
      'Manufacturer Name         : Unknown (0xECDAB)\n',
    );
  });

  it('LAB: mc guid of the lab GUID', () => {
    expect(formatGuid(fromHex('a123456789abcdefa123456789abcdef'))).toBe(
      'System GUID   : efcdab89-6745-23a1-efcd-ab89674523a1\nGUID Encoding : IPMI\nGUID Version  : DCE Security with POSIX UIDs (not for IPMI)\n',
    );
  });

  it('SRC: guid modes', () => {
    const g = fromHex('a123456789abcdefa123456789abcdef');
    expect(formatGuid(g, 'dump')).toBe('System GUID   : A123456789ABCDEFA123456789ABCDEF\n');
    // RFC 4122 order: version nibble 0xc is not a valid version
    expect(formatGuid(g, 'rfc4122')).toBe(
      'System GUID   : a1234567-89ab-cdef-a123-456789abcdef\nGUID Version  : Unknown/unsupported (12)\n',
    );
    // an RFC 4122 time-based GUID (version 1) of 2020-01-01 00:00:00 UTC, made with Python's
    // uuid.UUID(fields=...); detected as RFC 4122 and its time shown
    const rfc = fromHex('a7 47 c0 00 2c 29 11 ea 80 00 00 11 22 33 44 55');
    expect(formatGuid(rfc, 'auto', { now: new Date('2024-01-01T00:00:00Z') })).toBe(
      'System GUID   : a747c000-2c29-11ea-8000-001122334455\nGUID Encoding : RFC4122 (WARNING: IPMI Specification violation!)\nGUID Version  : Time-based\nTimestamp     : 01/01/20 00:00:00 UTC\n',
    );
    // no valid version nibble anywhere: dumped
    expect(formatGuid(Buffer.alloc(16), 'auto')).toBe('System GUID   : 00000000000000000000000000000000\n');
  });

  it('SRC: timestamps of ipmi_timestamp_numeric', () => {
    expect(utcTimestamp(0x5f5e1000)).toBe('09/13/20 12:26:40 UTC');
    expect(utcTimestamp(3661)).toBe('S+ 01:01:01');
    expect(utcTimestamp(-1)).toBe('Unspecified');
  });

  it('LAB: mc getenables', () => {
    expect(formatGlobalEnables(decodeGlobalEnables(fromHex('08')))).toBe(
      'Receive Message Queue Interrupt          : disabled\n' +
        'Event Message Buffer Full Interrupt      : disabled\n' +
        'Event Message Buffer                     : disabled\n' +
        'System Event Logging                     : enabled\n' +
        'OEM 0                                    : disabled\n' +
        'OEM 1                                    : disabled\n' +
        'OEM 2                                    : disabled\n',
    );
  });

  it.each([
    ['55 00', 'Selftest: passed\n', true],
    ['56 00', 'Selftest: not implemented\n', false],
    [
      '57 c1',
      'Selftest: device corrupted\n -> SEL device not accessible\n -> SDR repository not accessible\ncontroller operational firmware corrupted\n',
      false,
    ],
    ['58 0a', 'Selftest     : fatal error\nFailure code : 0a\n', false],
    ['ff 00', 'Selftest: N/A', false],
    ['81 0a', 'Selftest     : device specific (81h)\nFailure code : 0Ah\n', true],
  ])('SRC: selftest %s', (hex, text, ok) => {
    expect(formatSelfTest(decodeSelfTestResults(fromHex(hex)))).toEqual({ text, ok });
  });
});

describe('raw text', () => {
  it('LAB: raw 0x06 0x01', () => {
    expect(formatRawResponse(fromHex('00 03 09 08 02 9f 91 12 00 02 0f 00 00 00 00'))).toBe(
      ' 00 03 09 08 02 9f 91 12 00 02 0f 00 00 00 00\n',
    );
  });
  it('SRC: 16 bytes per line; empty reply is an empty line', () => {
    expect(formatRawResponse(Uint8Array.from({ length: 17 }, (_, i) => i))).toBe(
      ' 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f\n 10\n',
    );
    expect(formatRawResponse(new Uint8Array(0))).toBe('\n');
  });
  it('LAB: the raw 6 0x55 error line', () => {
    expect(formatRawCompletionError({ channel: 0, netFn: 6, lun: 0, cmd: 0x55 }, 0xc1)).toBe(
      'Unable to send RAW command (channel=0x0 netfn=0x6 lun=0x0 cmd=0x55 rsp=0xc1): Invalid command\n',
    );
  });
  it('SRC: ipmitool completion-code texts', () => {
    expect(ipmitoolCcText(0xd1)).toBe('Device firmeware in update mode');
    expect(ipmitoolCcText(0xcc)).toBe('Invalid data field in request');
    expect(ipmitoolCcText(0x80)).toBe('Unknown (0x80)');
  });
});
