// What the chassis commands put on the wire (IPMI v2.0 §28; ipmitool 1.8.19 lib/ipmi_chassis.c for the
// boot-override sequence), checked against a fake Requester; bad input must send nothing.
import { describe, expect, it } from 'vitest';
import { FakeRequester, answering } from '../fake-requester';
import { chassisControl, encodeChassisControl, type ChassisControlAction } from './chassis-control';
import { chassisIdentify, encodeChassisIdentify } from './chassis-identify';
import {
  encodePowerRestorePolicy,
  getSupportedPowerRestorePolicies,
  setPowerRestorePolicy,
} from './set-power-restore-policy';
import { encodeBootFlags, type BootDevice } from './boot-flags';
import {
  encodeGetBootOption,
  encodeSetBootOption,
  encodeBootInfoAck,
  encodeSetInProgress,
} from './system-boot-options';
import { setBootFlags } from './set-boot-device';
import { getChassisStatus } from './get-chassis-status';

describe('Chassis Control', () => {
  it.each([
    ['power-down', 0],
    ['power-up', 1],
    ['power-cycle', 2],
    ['hard-reset', 3],
    ['diag-interrupt', 4],
    ['soft-shutdown', 5],
  ] as [ChassisControlAction, number][])('%s -> %i', async (action, code) => {
    expect(Array.from(encodeChassisControl(action))).toEqual([code]);
    const r = answering({});
    await chassisControl(r, action);
    expect(r.sent).toEqual([{ netFn: 0, cmd: 2, data: [code], opts: { idempotent: false } }]);
  });

  it('rejects an unknown action without sending', async () => {
    const r = answering({});
    await expect(chassisControl(r, 'explode' as ChassisControlAction)).rejects.toMatchObject({
      kind: 'argument',
    });
    expect(r.sent).toEqual([]);
  });

  it('a refusal carries the host, command and completion code', async () => {
    await expect(chassisControl(answering({ cc: 0xcc }), 'diag-interrupt')).rejects.toMatchObject({
      kind: 'completion-code',
      host: 'bmc.test',
      command: 'Chassis Control',
      completionCode: 0xcc,
    });
  });
});

describe('Chassis Identify', () => {
  it.each([
    [{ kind: 'default' } as const, []],
    [{ kind: 'interval', seconds: 0 } as const, [0]],
    [{ kind: 'interval', seconds: 255 } as const, [255]],
    [{ kind: 'force-on' } as const, [0, 1]],
  ])('%j', async (req, bytes) => {
    expect(Array.from(encodeChassisIdentify(req))).toEqual(bytes);
    const r = answering({});
    await chassisIdentify(r, req);
    expect(r.sent).toEqual([{ netFn: 0, cmd: 4, data: bytes }]);
  });

  it.each([-1, 256, 1.5, NaN])('rejects %s seconds without sending', async (seconds) => {
    const r = answering({});
    await expect(chassisIdentify(r, { kind: 'interval', seconds })).rejects.toMatchObject({
      kind: 'argument',
    });
    expect(r.sent).toEqual([]);
  });
});

describe('Set Power Restore Policy', () => {
  it.each([
    ['always-off', 0],
    ['previous', 1],
    ['always-on', 2],
    ['no-change', 3],
  ] as const)('%s -> %i', (p, code) => {
    expect(Array.from(encodePowerRestorePolicy(p))).toEqual([code]);
  });

  it('"list" is the no-change query', async () => {
    const r = answering({ data: [0x07] });
    expect(await getSupportedPowerRestorePolicies(r)).toEqual({
      alwaysOff: true,
      previous: true,
      alwaysOn: true,
    });
    expect(r.sent).toEqual([{ netFn: 0, cmd: 6, data: [3] }]);
    await setPowerRestorePolicy(r, 'always-on');
    expect(r.sent[1]).toEqual({ netFn: 0, cmd: 6, data: [2] });
  });

  it('rejects an unknown policy without sending', async () => {
    const r = answering({ data: [7] });
    await expect(setPowerRestorePolicy(r, 'sometimes' as 'always-on')).rejects.toMatchObject({
      kind: 'argument',
    });
    expect(r.sent).toEqual([]);
  });
});

describe('boot flags encoder', () => {
  it.each([
    ['none', 0x00],
    ['pxe', 0x04],
    ['disk', 0x08],
    ['safe', 0x0c],
    ['diag', 0x10],
    ['cdrom', 0x14],
    ['bios', 0x18],
    ['remote-floppy', 0x1c],
    ['remote-cdrom', 0x20],
    ['remote-primary-media', 0x24],
    ['remote-disk', 0x2c],
    ['floppy', 0x3c],
  ] as [BootDevice, number][])('device %s -> data2 0x%s', (device, byte2) => {
    expect(Array.from(encodeBootFlags({ device }))).toEqual([0, byte2, 0, 0, 0]);
  });

  it.each([
    // ipmitool `options=` keywords and the bit each sets (lib/ipmi_chassis.c bootdev_parse_options)
    [{ valid: true }, [0x80, 0, 0, 0, 0]],
    [{ persistent: true }, [0x40, 0, 0, 0, 0]],
    [{ efi: true }, [0x20, 0, 0, 0, 0]],
    [{ clearCmos: true }, [0, 0x80, 0, 0, 0]],
    [{ lockKeyboard: true }, [0, 0x40, 0, 0, 0]],
    [{ screenBlank: true }, [0, 0x02, 0, 0, 0]],
    [{ lockResetButton: true }, [0, 0x01, 0, 0, 0]],
    [{ lockPowerButton: true }, [0, 0, 0x80, 0, 0]],
    [{ verbosity: 'quiet' }, [0, 0, 0x20, 0, 0]],
    [{ verbosity: 'verbose' }, [0, 0, 0x40, 0, 0]],
    [{ forceProgressTraps: true }, [0, 0, 0x10, 0, 0]],
    [{ passwordBypass: true }, [0, 0, 0x08, 0, 0]],
    [{ lockSleepButton: true }, [0, 0, 0x04, 0, 0]],
    [{ consoleRedirection: 'suppress' }, [0, 0, 0x01, 0, 0]],
    [{ consoleRedirection: 'enable' }, [0, 0, 0x02, 0, 0]],
    [{ sharedModeOverride: true, biosMux: 2 }, [0, 0, 0, 0x0a, 0]],
    [{ deviceInstance: 17 }, [0, 0, 0, 0, 17]],
  ] as const)('%j', (extra, bytes) => {
    expect(Array.from(encodeBootFlags({ device: 'none', ...extra }))).toEqual(bytes);
  });

  it.each([
    { device: 'usb' },
    { device: 'pxe', verbosity: 'loud' },
    { device: 'pxe', biosMux: 3 },
    { device: 'pxe', deviceInstance: 32 },
  ])('rejects %j', (f) => {
    expect(() => encodeBootFlags(f as never)).toThrow(expect.objectContaining({ kind: 'argument' }));
  });

  it('request layouts', () => {
    expect(Array.from(encodeGetBootOption(5))).toEqual([5, 0, 0]);
    expect(Array.from(encodeSetBootOption(5, Uint8Array.of(1, 2), true))).toEqual([0x85, 1, 2]);
    expect(Array.from(encodeBootInfoAck({ biosPost: true }))).toEqual([1, 1]);
    expect(Array.from(encodeSetInProgress('commit-write'))).toEqual([2]);
    expect(() => encodeGetBootOption(128)).toThrow(expect.objectContaining({ kind: 'argument' }));
  });
});

describe('setBootFlags: the ipmitool sequence', () => {
  it('with set-in-progress supported: 0=1, 4=01 01, 5=flags, 0=2, 0=0', async () => {
    const r = answering({});
    await setBootFlags(r, { device: 'pxe', persistent: true, efi: true });
    expect(r.sent.map((s) => [s.cmd, ...s.data])).toEqual([
      [8, 0, 1],
      [8, 4, 1, 1],
      [8, 5, 0xe0, 0x04, 0, 0, 0],
      [8, 0, 2],
      [8, 0, 0],
    ]);
  });

  it('without set-in-progress (CC 0x80 on parameter 0) the progress steps are skipped after the first', async () => {
    const r = new FakeRequester((req) => (req.data?.[0] === 0 ? { cc: 0x80 } : {}));
    await setBootFlags(r, { device: 'disk' });
    expect(r.sent.map((s) => s.data[0])).toEqual([0, 4, 5]);
  });

  it('a refused boot-flags write rejects after set-complete', async () => {
    const r = new FakeRequester((req) => (req.data?.[0] === 5 ? { cc: 0xcc } : {}));
    await expect(setBootFlags(r, { device: 'cdrom' })).rejects.toMatchObject({
      kind: 'completion-code',
      command: 'Set System Boot Options',
    });
    expect(r.sent.map((s) => s.data)).toEqual([
      [0, 1],
      [4, 1, 1],
      [5, 0x80, 0x14, 0, 0, 0],
      [0, 0],
    ]);
  });

  it('a bad device sends nothing', async () => {
    const r = answering({});
    await expect(setBootFlags(r, { device: 'tape' as BootDevice })).rejects.toMatchObject({
      kind: 'argument',
    });
    expect(r.sent).toEqual([]);
  });

  it('a timeout on the flags write propagates', async () => {
    const r = new FakeRequester((req) => (req.data?.[0] === 5 ? 'timeout' : {}));
    await expect(setBootFlags(r, { device: 'pxe' })).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('getChassisStatus', () => {
  it('sends NetFn 0 cmd 1 with no data', async () => {
    const r = answering({ data: [1, 0, 0] });
    expect((await getChassisStatus(r)).powerOn).toBe(true);
    expect(r.sent).toEqual([{ netFn: 0, cmd: 1, data: [] }]);
  });
});
