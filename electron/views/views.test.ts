// Known-answer tests of the chassis, device and users views: wire bytes in, the plain data the CLI
// prints and the app shows out, table-driven where the layout is a table.
import { describe, expect, it } from 'vitest';
import { FakeRequester } from '../ipmi/commands/fake-requester';
import { decodeChassisStatus } from '../ipmi/commands/chassis/get-chassis-status';
import { decodeSystemRestartCause } from '../ipmi/commands/chassis/get-system-restart-cause';
import { decodeBootFlags } from '../ipmi/commands/chassis/boot-flags';
import { decodeDeviceId } from '../ipmi/commands/app/get-device-id';
import { decodeUserAccess } from '../ipmi/commands/app/get-user-access';
import { fromHex } from '../ipmi/wire/hex';
import { chassisStatus, bootOptions, restartCause } from '../../shared/domain/chassis';
import { deviceInfo } from '../../shared/domain/device';
import { usersView } from '../../shared/domain/user';
import { bootFlagsView, chassisStatusView, readBootOptionsView, restartCauseView } from './chassis';
import { deviceView, firmwareRevisionText, ipmiVersionText } from './device';
import { readUsers, userEntryView } from './user';

describe('chassis status view', () => {
  it('power on, overload, every last power event, identify indefinite, front panel byte', () => {
    const v = chassisStatusView(decodeChassisStatus(fromHex('43 1f 60 91')));
    expect(v).toEqual({
      power: 'on',
      powerOverload: true,
      powerInterlock: false,
      mainPowerFault: false,
      powerControlFault: false,
      powerRestorePolicy: 'always-on',
      lastPowerEvent: ['ac-failed', 'overload', 'interlock', 'fault', 'command'],
      intrusion: false,
      frontPanelLockout: false,
      driveFault: false,
      coolingFault: false,
      identify: 'indefinite',
      frontPanel: {
        sleepDisableAllowed: true,
        diagDisableAllowed: false,
        resetDisableAllowed: false,
        powerDisableAllowed: true,
        sleepDisabled: false,
        diagDisabled: false,
        resetDisabled: false,
        powerDisabled: true,
      },
    });
    expect(chassisStatus.safeParse(v).success).toBe(true);
  });
  it.each([
    ['00 00 00', 'unsupported'], // identify state not reported (bit 6 clear)
    ['00 00 40', 'off'],
    ['00 00 50', 'temporary'],
    ['00 00 70', 'unsupported'], // reserved state
  ])('misc byte of %s: identify %s', (hex, identify) => {
    expect(chassisStatusView(decodeChassisStatus(fromHex(hex))).identify).toBe(identify);
  });
});

describe('restart cause view', () => {
  it.each([
    [[0x01, 0x01], 'chassis-control', 'chassis power control command', 1],
    [[0x07], 'previous-policy', 'power-up due to restore-previous power policy', undefined],
    [[0x0b, 0x0e], 'rtc-wakeup', 'power-up via RTC wakeup', 14],
    [[0x0d], 'reserved', 'Unknown (0x0D)', undefined],
  ])('%j → %s', (bytes, cause, description, channel) => {
    const v = restartCauseView(decodeSystemRestartCause(Uint8Array.from(bytes)));
    expect(v).toEqual({
      cause,
      code: bytes[0]! & 0x0f,
      description,
      ...(channel !== undefined && { channel }),
    });
    expect(restartCause.safeParse(v).success).toBe(true);
  });
});

describe('boot options view', () => {
  it('e0 ff 9e 0a 00: valid, persistent, EFI, every flag set, device code 0xF', () => {
    const raw = fromHex('e0 ff 9e 0a 00');
    const v = bootFlagsView(decodeBootFlags(raw), raw);
    expect(v).toMatchObject({
      valid: true,
      persistence: 'persistent',
      mode: 'efi',
      device: 'floppy',
      deviceCode: 0x0f,
      deviceDescription: 'Force Boot from Floppy/primary removable media',
      flags: {
        clearCmos: true,
        lockKeyboard: true,
        screenBlank: true,
        lockResetButton: true,
        lockPowerButton: true,
        verbosity: 'default',
        forceProgressTraps: true,
        passwordBypass: true,
        lockSleepButton: true,
        consoleRedirection: 'enable',
        sharedModeOverride: true,
        biosMux: 2,
        deviceInstance: 0,
      },
      raw: 'e0ff9e0a00',
    });
    expect(bootOptions.safeParse(v).success).toBe(true);
  });
  it('a reserved device code reads reserved / "Flag error"', () => {
    const raw = fromHex('80 28 00 00 00');
    expect(bootFlagsView(decodeBootFlags(raw), raw)).toMatchObject({
      device: 'reserved',
      deviceCode: 0x0a,
      deviceDescription: 'Flag error',
      persistence: 'once',
      mode: 'legacy',
    });
  });
  it('reads parameters 5 and 3; a BMC refusing parameter 3 (0x80) leaves keepValidBitOn out', async () => {
    const withP3 = new FakeRequester((req) =>
      req.data?.[0] === 5 ? { data: [1, 5, 0x80, 0x04, 0, 0, 0] } : { data: [1, 3, 0x18] },
    );
    expect((await readBootOptionsView(withP3)).keepValidBitOn).toEqual({
      pef: true,
      timeout: true,
      watchdog: false,
      reset: false,
      power: false,
    });
    const without = new FakeRequester((req) =>
      req.data?.[0] === 5 ? { data: [1, 5, 0x80, 0x04, 0, 0, 0] } : { cc: 0x80 },
    );
    const v = await readBootOptionsView(without);
    expect(v.keepValidBitOn).toBeUndefined();
    expect(v.device).toBe('pxe');
  });
});

describe('device view', () => {
  it('firmware and IPMI version texts are built once, BCD read in hex', () => {
    expect(firmwareRevisionText(2, 0x01)).toBe('2.01');
    expect(firmwareRevisionText(9, 0x10)).toBe('9.10');
    expect(ipmiVersionText({ major: 2, minor: 0 })).toBe('2.0');
    expect(ipmiVersionText({ major: 1, minor: 5 })).toBe('1.5');
  });
  it('Get Device ID of a Supermicro board with aux firmware bytes', () => {
    const v = deviceView(decodeDeviceId(fromHex('20 81 03 45 02 bf 7c 2a 00 1b 09 01 02 03 04')));
    expect(v).toMatchObject({
      deviceId: 0x20,
      deviceRevision: 1,
      firmwareRevision: '3.45',
      ipmiVersion: '2.0',
      manufacturerId: 10876,
      manufacturerName: 'Super Micro Computer Inc.',
      productId: 0x091b,
      providesSdrs: true,
      deviceAvailable: true,
      additionalDeviceSupport: [
        'sensor',
        'sdr-repository',
        'sel',
        'fru-inventory',
        'ipmb-event-receiver',
        'ipmb-event-generator',
        'chassis',
      ],
      auxFirmware: [1, 2, 3, 4],
      auxFirmwareRevision: '0x01 0x02 0x03 0x04',
    });
    expect(deviceInfo.safeParse(v).success).toBe(true);
  });
});

describe('users view', () => {
  it('one Get User Access answer → one entry', () => {
    expect(userEntryView(2, 'admin', decodeUserAccess(fromHex('3f 45 00 14')))).toEqual({
      id: 2,
      name: 'admin',
      enableStatus: 'enabled',
      callin: true,
      linkAuth: false,
      ipmiMessaging: true,
      privilege: 'administrator',
      privilegeLevel: 4,
    });
    expect(userEntryView(9, '', decodeUserAccess(fromHex('3f 05 00 40'))).privilege).toBe('unknown');
    expect(userEntryView(9, '', decodeUserAccess(fromHex('3f 05 00 4f')))).toMatchObject({
      callin: false,
      privilege: 'no-access',
    });
  });

  const access = (id: number) => ({ data: [3, 2, 0, id === 3 ? 0x0f : 0x14] });
  it('reads every ID the first answer announces; a name refused with 0xCC (unused) reads ""', async () => {
    const r = new FakeRequester((req) =>
      req.cmd === 0x44
        ? access(req.data![1]!)
        : req.data![0] === 2
          ? { data: [...Buffer.from('admin'), ...Array(11).fill(0)] }
          : { cc: 0xcc },
    );
    const got = await readUsers(r, 1);
    expect(got.failure).toBeUndefined();
    expect(got.view.users.map((u) => [u.id, u.name, u.privilege])).toEqual([
      [1, '', 'administrator'],
      [2, 'admin', 'administrator'],
      [3, '', 'no-access'],
    ]);
    expect(usersView.safeParse(got.view).success).toBe(true);
    // user 1's access is asked once; channel 1 in every Get User Access
    expect(r.sent.filter((s) => s.cmd === 0x44).map((s) => s.data)).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
  });
  it('a refusal part-way stops the list there, with the users before it', async () => {
    const r = new FakeRequester((req) =>
      req.cmd === 0x44
        ? req.data![1] === 3
          ? { cc: 0xd4 }
          : access(req.data![1]!)
        : { data: Array(16).fill(0x41) },
    );
    const got = await readUsers(r, 1);
    expect(got.view.users.map((u) => u.id)).toEqual([1, 2]);
    expect(got.failure).toMatchObject({ userId: 3, step: 'access', error: { completionCode: 0xd4 } });
  });
  it('no answer is thrown, not a partial list', async () => {
    const r = new FakeRequester((req) =>
      req.cmd === 0x46 && req.data![0] === 2
        ? 'timeout'
        : req.cmd === 0x44
          ? access(req.data![1]!)
          : { cc: 0xcc },
    );
    await expect(readUsers(r, 1)).rejects.toMatchObject({ kind: 'timeout' });
  });
});
