// Known answers for the chassis decoders. Sources: LAB = ipmi_sim 2.0.33 + ipmitool 1.8.19 (research
// notes specs/ipmi-lan.md §11.11: Get Chassis Status `00 00 00`; `ipmitool raw 0x00 0x01` after power on
// `01 00 00`; `chassis bootparam get 5` after `bootdev pxe` "0004000000", before it "0008000000");
// SPEC = bit layouts of IPMI v2.0 §28 as summarised in the notes §10.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeChassisStatus } from './get-chassis-status';
import { decodeSystemRestartCause } from './get-system-restart-cause';
import { decodePohCounter } from './get-poh-counter';
import { decodeSupportedPolicies } from './set-power-restore-policy';
import { decodeBootOption, decodeBootInfoAck, decodeSetInProgress } from './system-boot-options';
import { decodeBootFlags } from './boot-flags';
import { IpmiError } from '../../errors';
import { fromHex } from '../../wire/hex';

describe('Get Chassis Status', () => {
  it('LAB: ipmi_sim, power off, 3 bytes (no front-panel byte)', () => {
    const s = decodeChassisStatus(fromHex('00 00 00'));
    expect(s).toMatchObject({
      powerOn: false,
      restorePolicy: 'always-off',
      identifySupported: false,
      identifyState: 'off',
    });
    expect(s.frontPanel).toBeUndefined();
    expect(s.lastPowerEvent).toEqual({
      acFailed: false,
      overload: false,
      interlock: false,
      powerFault: false,
      powerOnByCommand: false,
    });
  });

  it('LAB: ipmi_sim after `power on`', () => {
    expect(decodeChassisStatus(fromHex('01 00 00')).powerOn).toBe(true);
  });

  it.each([
    // byte 1: 0x7f = on | overload | interlock | main fault | control fault | policy 3 (unknown)
    {
      hex: '7f 00 00',
      field: {
        powerOverload: true,
        interlockActive: true,
        mainPowerFault: true,
        powerControlFault: true,
        restorePolicy: 'unknown',
      },
    },
    // byte 1: 0x21 = on, policy 1 (previous); 0x41 = policy 2 (always-on)
    { hex: '21 00 00', field: { restorePolicy: 'previous' } },
    { hex: '41 00 00', field: { restorePolicy: 'always-on' } },
    // byte 3: 0x6f = intrusion | lockout | drive | fan | identify 2 (indefinite) | identify supported
    {
      hex: '00 00 6f',
      field: {
        intrusionActive: true,
        frontPanelLockout: true,
        driveFault: true,
        coolingFault: true,
        identifyState: 'indefinite',
        identifySupported: true,
      },
    },
    // byte 3: 0x50 = identify 1 (temporary) | supported
    { hex: '00 00 50', field: { identifyState: 'temporary', identifySupported: true } },
  ])('SPEC: $hex', ({ hex, field }) => {
    expect(decodeChassisStatus(fromHex(hex))).toMatchObject(field);
  });

  it('SPEC: last power event bits and the optional front-panel byte', () => {
    // byte 2: 0x1f = ac failed | overload | interlock | fault | on via IPMI; byte 4: 0xa5
    const s = decodeChassisStatus(fromHex('00 1f 00 a5'));
    expect(s.lastPowerEvent).toEqual({
      acFailed: true,
      overload: true,
      interlock: true,
      powerFault: true,
      powerOnByCommand: true,
    });
    expect(s.frontPanel).toEqual({
      sleepDisableAllowed: true, // 0x80
      diagDisableAllowed: false,
      resetDisableAllowed: true, // 0x20
      powerDisableAllowed: false,
      sleepDisabled: false,
      diagDisabled: true, // 0x04
      resetDisabled: false,
      powerDisabled: true, // 0x01
    });
  });

  it('rejects a short reply as a protocol error naming the command', () => {
    expect(() => decodeChassisStatus(fromHex('00 00'), 'h1')).toThrow(
      expect.objectContaining({ kind: 'protocol', command: 'Get Chassis Status', host: 'h1' }),
    );
  });
});

describe('Get System Restart Cause', () => {
  it.each([
    ['00 01', 'unknown', 0],
    ['01 01', 'chassis-control', 1],
    ['06', 'always-on-policy', 6],
    ['0b 00', 'rtc-wakeup', 11],
    ['fc 00', 'reserved', 12], // upper nibble ignored, 0xc reserved
  ] as const)('SPEC: %s -> %s', (hex, cause, code) => {
    expect(decodeSystemRestartCause(fromHex(hex))).toMatchObject({ cause, code });
  });
  it('keeps the channel when present', () => {
    expect(decodeSystemRestartCause(fromHex('01 01')).channel).toBe(1);
    expect(decodeSystemRestartCause(fromHex('01')).channel).toBeUndefined();
  });
});

describe('Get POH Counter', () => {
  it('SPEC: minutes per count, then a little-endian 32-bit counter', () => {
    // 60 min per count; counter 0x00002710 = 10000 -> 600000 minutes
    expect(decodePohCounter(fromHex('3c 10 27 00 00'))).toEqual({
      minutesPerCount: 60,
      count: 10000,
      minutes: 600000,
    });
    expect(decodePohCounter(fromHex('01 ff ff ff ff'))).toEqual({
      minutesPerCount: 1,
      count: 0xffffffff,
      minutes: 0xffffffff,
    });
  });
});

describe('Set Power Restore Policy reply', () => {
  it('SPEC: bitmask of supported policies', () => {
    expect(decodeSupportedPolicies(fromHex('07'))).toEqual({
      alwaysOff: true,
      previous: true,
      alwaysOn: true,
    });
    expect(decodeSupportedPolicies(fromHex('05'))).toEqual({
      alwaysOff: true,
      previous: false,
      alwaysOn: true,
    });
  });
});

describe('System boot options', () => {
  it('LAB: boot flags after `chassis bootdev pxe` on ipmi_sim', () => {
    // 01 = parameter version, 05 = parameter 5 valid/unlocked, then 00 04 00 00 00
    const opt = decodeBootOption(fromHex('01 05 00 04 00 00 00'));
    expect(opt).toMatchObject({ version: 1, parameter: 5, invalid: false });
    const f = decodeBootFlags(opt.data);
    expect(f).toMatchObject({
      valid: false,
      persistent: false,
      efi: false,
      device: 'pxe',
      deviceCode: 1,
      verbosity: 'default',
      consoleRedirection: 'default',
      biosMux: 0,
    });
  });

  it('LAB: boot flags "0008000000" = disk', () => {
    expect(decodeBootFlags(fromHex('00 08 00 00 00')).device).toBe('disk');
  });

  it('SPEC: every bit of the five bytes', () => {
    // e0 = valid | persistent | EFI; c3 = CMOS clear | lock kbd | device 0 | blank | lock reset
    // fe = lock power | verbosity 3 (reserved) | traps | bypass | lock sleep | redirection 2
    // 0a = shared mode | mux 2; 1f = instance 31
    expect(decodeBootFlags(fromHex('e0 c3 fe 0a 1f'))).toEqual({
      valid: true,
      persistent: true,
      efi: true,
      clearCmos: true,
      lockKeyboard: true,
      device: 'none',
      deviceCode: 0,
      screenBlank: true,
      lockResetButton: true,
      lockPowerButton: true,
      verbosity: 'reserved',
      forceProgressTraps: true,
      passwordBypass: true,
      lockSleepButton: true,
      consoleRedirection: 'enable',
      sharedModeOverride: true,
      biosMux: 2,
      deviceInstance: 31,
    });
    // device code 0xa is reserved by the spec
    expect(decodeBootFlags(fromHex('00 28 00 00 00'))).toMatchObject({ device: undefined, deviceCode: 0xa });
  });

  it('SPEC: parameter byte bit 7 marks the parameter invalid/locked', () => {
    expect(decodeBootOption(fromHex('01 85 00 00 00 00 00'))).toMatchObject({ parameter: 5, invalid: true });
  });

  it('SPEC: set in progress and boot info acknowledge', () => {
    expect(decodeSetInProgress(fromHex('02'))).toBe('commit-write');
    expect(decodeSetInProgress(fromHex('fd'))).toBe('set-in-progress');
    expect(decodeBootInfoAck(fromHex('00 13'))).toEqual({
      biosPost: true,
      osLoader: true,
      osServicePartition: false,
      sms: false,
      oem: true,
    });
  });
});

describe('decoders on arbitrary input give a value or a typed IpmiError', () => {
  const decoders: [string, (d: Uint8Array) => unknown][] = [
    ['chassis status', decodeChassisStatus],
    ['restart cause', decodeSystemRestartCause],
    ['POH', decodePohCounter],
    ['policies', decodeSupportedPolicies],
    ['boot option', decodeBootOption],
    ['boot flags', decodeBootFlags],
    ['set in progress', decodeSetInProgress],
    ['boot info ack', decodeBootInfoAck],
  ];
  it.each(decoders)('%s', (_, decode) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (a) => {
        try {
          decode(a);
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
          expect((e as IpmiError).kind).toBe('protocol');
        }
      }),
    );
  });
});
