// The chassis calls through the IPC dispatcher against private lab BMCs (the writes change their state),
// each value compared with ipmitool 1.8.19's reading of the same BMC, every write read back by ipmitool.
// ipmi_sim for power control, status and identify; pyghmi's chassis BMC (e2e/lab/pyghmi-bootdev-bmc.py)
// for what ipmi_sim lacks (policy, restart cause, POH: 0xC1) or keeps only in part (boot flags).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_USERS, ipmitool, startLabBmc, type LabBmc } from '../../e2e/lab/bmc-lab';
import { callOk, labApp } from '../../e2e/lab/lab-app';
import { startPyghmiChassisBmc, type PyghmiChassisBmc } from '../../e2e/lab/pyghmi-bootdev-bmc';
import type { App } from './app-services';
import type {
  BootOptionsView,
  ChassisStatus,
  PowerOnHours,
  PowerPolicyView,
  RestartCauseView,
} from '../../shared/domain/chassis';

let sim: LabBmc;
let simApp: App;
let pyg: PyghmiChassisBmc;
let pygApp: App;
beforeAll(async () => {
  [sim, pyg] = await Promise.all([startLabBmc({ satellite: false }), startPyghmiChassisBmc({ poh: 12345 })]);
  simApp = await labApp(sim, LAB_USERS.admin);
  pygApp = await labApp(pyg, LAB_USERS.admin);
}, 60_000);
afterAll(async () => {
  await simApp?.shutdown();
  await pygApp?.shutdown();
  await Promise.all([sim?.stop(), pyg?.stop()]);
});

const toolOn = async (bmc: { port: number }, args: string[]) => {
  const r = await ipmitool(bmc, args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
/** "Key : value" lines of an ipmitool report */
const field = (text: string, key: string) =>
  new RegExp(`^${key.replace(/[()/]/g, '\\$&')}[ \\t]*:[ \\t]*(.*)$`, 'm').exec(text)?.[1]?.trim();

const tool = (args: string[]) => toolOn(sim, args);
const ptool = (args: string[]) => toolOn(pyg, args);

describe('chassis calls against ipmi_sim, read back by ipmitool', () => {
  it('chassis.control on/off: ipmitool reads the same power state; chassis.status agrees', async () => {
    expect(await callOk(simApp, 'chassis.control', { action: 'on' })).toEqual({ action: 'on' });
    expect(await tool(['power', 'status'])).toBe('Chassis Power is on\n');
    const st = (await callOk(simApp, 'chassis.status', {})) as ChassisStatus;
    expect(st.power).toBe('on');
    const text = await tool(['chassis', 'status']);
    expect(field(text, 'System Power')).toBe(st.power);
    expect(field(text, 'Power Restore Policy')).toBe(st.powerRestorePolicy);
    expect(field(text, 'Last Power Event') ?? '').toBe(st.lastPowerEvent.join(' '));
    expect(await callOk(simApp, 'chassis.control', { action: 'off' })).toEqual({ action: 'off' });
    expect(await tool(['power', 'status'])).toBe('Chassis Power is off\n');
  });

  // ipmi_sim's Get Chassis Status has no identify state, so its chassis hook's record is the read-back;
  // the hook runs after ipmi_sim answers, so its files are polled until the line lands
  it.each([
    [{ seconds: 5 }, 'interval', 'identify:5 0'],
    [{}, 'default', 'identify:15 0'],
    [{ force: true }, 'indefinite', 'identify:0 1'],
    [{ seconds: 0 }, 'off', 'identify:0 0'],
  ])('chassis.identify %j: %s, the lab hook records %s', async (args, identify, recorded) => {
    expect(await callOk(simApp, 'chassis.identify', args)).toEqual({ identify });
    const line = `set ${recorded.replace(':', ' ')}\n`;
    await expect.poll(() => sim.readHookFile('chassis.log').endsWith(line)).toBe(true);
    expect(sim.readHookFile('chassis')).toMatch(new RegExp(`^${recorded}$`, 'm'));
  });

  it('chassis.identify with both seconds and force is refused before anything is sent', async () => {
    const before = sim.readHookFile('chassis.log');
    const r = await simApp.dispatch('chassis.identify', { hostId: 'h0labhost01', seconds: 5, force: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'argument' } });
    // the next identify is the only one the hook records after `before`
    await callOk(simApp, 'chassis.identify', { seconds: 7 });
    await expect.poll(() => sim.readHookFile('chassis.log').endsWith('set identify 7 0\n')).toBe(true);
    expect(sim.readHookFile('chassis.log').slice(before.length)).toBe('set identify 7 0\n');
  });

  it('chassis.boot.set on ipmi_sim, which keeps only the device: the device is written (ipmitool reads it) and the call answers verify-failed naming what did not stick', async () => {
    const r = await simApp.dispatch('chassis.boot.set', {
      hostId: 'h0labhost01',
      device: 'cdrom',
      efi: true,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'verify-failed' } });
    const reasons = (r as { error: { reasons: string[] } }).error.reasons;
    expect(reasons).toContain('boot-mode-differs');
    expect(reasons).not.toContain('boot-device-differs');
    expect(await tool(['chassis', 'bootparam', 'get', '5'])).toContain(
      '   - Boot Device Selector : Force Boot from CD/DVD\n',
    );
  });

  it('chassis.policy.set on ipmi_sim: its 0xC1 comes back as a completion-code error with netFn/cmd', async () => {
    const r = await simApp.dispatch('chassis.policy.set', { hostId: 'h0labhost01', policy: 'previous' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'completion-code', completionCode: 0xc1, netFn: 0, cmd: 6 },
    });
  });
});

describe('chassis calls against the pyghmi chassis BMC, read back by ipmitool', () => {
  it('chassis.policy.set always-on then previous: ipmitool chassis status shows each; get agrees with policy list', async () => {
    for (const policy of ['always-on', 'previous'] as const) {
      const v = (await callOk(pygApp, 'chassis.policy.set', { policy })) as PowerPolicyView;
      expect(v.current).toBe(policy);
      expect(field(await ptool(['chassis', 'status']), 'Power Restore Policy')).toBe(policy);
    }
    const got = (await callOk(pygApp, 'chassis.policy.get', {})) as PowerPolicyView;
    expect(got.current).toBe('previous');
    const list = await ptool(['chassis', 'policy', 'list']);
    const names = list.replace('Supported chassis power policy:', '').trim().split(/\s+/).filter(Boolean);
    expect({
      alwaysOff: names.includes('always-off'),
      alwaysOn: names.includes('always-on'),
      previous: names.includes('previous'),
    }).toEqual(got.supported);
  });

  it('chassis.boot.set pxe, EFI, persistent, keep on timeout: ipmitool bootparam get 5 and 3 read it; boot.get agrees; boot.clear invalidates', async () => {
    const set = (await callOk(pygApp, 'chassis.boot.set', {
      device: 'pxe',
      efi: true,
      persistent: true,
      flags: { clearCmos: true },
      keepValidBitOn: { timeout: true, watchdog: true },
    })) as BootOptionsView;
    expect(set).toMatchObject({
      valid: true,
      device: 'pxe',
      mode: 'efi',
      persistence: 'persistent',
      flags: { clearCmos: true },
      keepValidBitOn: { pef: false, timeout: true, watchdog: true, reset: false, power: false },
    });
    const text = await ptool(['chassis', 'bootparam', 'get', '5']);
    expect(text).toContain('   - Boot Flag Valid\n');
    expect(text).toContain('   - Options apply to all future boots\n');
    expect(text).toContain('   - BIOS EFI boot \n');
    expect(text).toContain('   - CMOS Clear\n');
    expect(text).toContain(`   - Boot Device Selector : ${set.deviceDescription}\n`);
    expect(text).toContain(`Boot parameter data: ${set.raw}\n`);
    const p3 = await ptool(['chassis', 'bootparam', 'get', '3']);
    expect(p3).toContain("     - Don't automatically clear boot flag valid bit on timeout\n");
    expect(p3).toContain("     - Don't clear valid bit on reset/power cycle cause by watchdog\n");
    expect(p3).not.toContain('PEF');
    expect(await callOk(pygApp, 'chassis.boot.get', {})).toEqual(set);

    const cleared = (await callOk(pygApp, 'chassis.boot.clear', {})) as BootOptionsView;
    expect(cleared).toMatchObject({ valid: false, device: 'none' });
    const after = await ptool(['chassis', 'bootparam', 'get', '5']);
    expect(after).toContain('   - Boot Flag Invalid\n');
    expect(after).toContain(`Boot parameter data: ${cleared.raw}\n`);
  });

  it('chassis.boot.set disk once, legacy, valid bit cleared again on timeout: read back by ipmitool', async () => {
    const set = (await callOk(pygApp, 'chassis.boot.set', {
      device: 'disk',
      keepValidBitOn: { timeout: false },
    })) as BootOptionsView;
    expect(set).toMatchObject({ valid: true, device: 'disk', mode: 'legacy', persistence: 'once' });
    expect(set.keepValidBitOn).toEqual({
      pef: false,
      timeout: false,
      watchdog: true,
      reset: false,
      power: false,
    });
    const text = await ptool(['chassis', 'bootparam', 'get', '5']);
    expect(text).toContain('   - Options apply to only next boot\n');
    expect(text).toContain('   - BIOS PC Compatible (legacy) boot \n');
    expect(text).toContain('   - Boot Device Selector : Force Boot from default Hard-Drive\n');
    expect(await ptool(['chassis', 'bootparam', 'get', '3'])).not.toContain('timeout');
  });

  it('chassis.restartCause and chassis.powerOnHours agree with ipmitool', async () => {
    await callOk(pygApp, 'chassis.control', { action: 'on' });
    const cause = (await callOk(pygApp, 'chassis.restartCause', {})) as RestartCauseView;
    expect(cause).toMatchObject({ cause: 'chassis-control', code: 1, channel: 1 });
    expect(await ptool(['chassis', 'restart_cause'])).toBe(`System restart cause: ${cause.description}\n`);
    const poh = (await callOk(pygApp, 'chassis.powerOnHours', {})) as PowerOnHours;
    expect(poh).toEqual({ minutesPerCount: 60, count: 12345, minutes: 12345 * 60 });
    const m = /POH Counter {2}: (\d+) days, (\d+) hours/.exec(await ptool(['chassis', 'poh']));
    expect(Number(m![1]) * 1440 + Number(m![2]) * 60).toBe(poh.minutes);
  });
});
