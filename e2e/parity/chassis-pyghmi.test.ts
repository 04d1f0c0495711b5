// The chassis commands ipmi_sim answers with 0xC1 (policy, POH, restart cause) or keeps only in part
// (boot flags), against a second, independent BMC: pyghmi's software BMC (e2e/lab/pyghmi-bootdev-bmc.py).
// Reads: ipmitool 1.8.19 and bmcdesk print the same; writes: made by bmcdesk, read back by ipmitool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool } from '../lab/bmc-lab';
import { startPyghmiChassisBmc, type PyghmiChassisBmc } from '../lab/pyghmi-bootdev-bmc';
import { runBmcdesk } from './run-bmcdesk';

const bmcdesk = (port: number, args: string[]) => runBmcdesk(port, args);

let bmc: PyghmiChassisBmc;
beforeAll(async () => {
  bmc = await startPyghmiChassisBmc({ poh: 12345 });
});
afterAll(async () => {
  await bmc?.stop();
});

describe('reads: same text as ipmitool', () => {
  it.each([
    ['power', 'status'],
    ['chassis', 'status'],
    ['chassis', 'poh'],
    ['chassis', 'restart_cause'],
    ['chassis', 'policy', 'list'],
    ['chassis', 'bootparam', 'get', '5'],
  ])('%s %s', async (...args: string[]) => {
    const want = await ipmitool(bmc, args);
    expect(want.code).toBe(0);
    expect(await bmcdesk(bmc.port, args)).toEqual(want);
  });

  it('POH: 12345 counts of 60 minutes', async () => {
    expect((await bmcdesk(bmc.port, ['chassis', 'poh'])).stdout).toBe('POH Counter  : 514 days, 9 hours\n');
  });
});

describe('writes, read back by ipmitool', () => {
  it('chassis policy always-on, then previous', async () => {
    expect(await bmcdesk(bmc.port, ['chassis', 'policy', 'always-on'])).toEqual({
      stdout: 'Set chassis power restore policy to always-on\n',
      stderr: '',
      code: 0,
    });
    expect((await ipmitool(bmc, ['chassis', 'status'])).stdout).toContain(
      'Power Restore Policy : always-on\n',
    );
    expect((await bmcdesk(bmc.port, ['chassis', 'policy', 'previous'])).code).toBe(0);
    expect((await ipmitool(bmc, ['chassis', 'status'])).stdout).toContain(
      'Power Restore Policy : previous\n',
    );
  });

  it('chassis bootdev pxe options=persistent,efiboot keeps every flag', async () => {
    expect(
      (await bmcdesk(bmc.port, ['chassis', 'bootdev', 'pxe', 'options=persistent,efiboot'])).stdout,
    ).toBe('Set Boot Device to pxe\n');
    const t = (await ipmitool(bmc, ['chassis', 'bootparam', 'get', '5'])).stdout;
    expect(t).toContain('Boot parameter data: e004000000\n');
    expect(t).toContain(
      '   - Boot Flag Valid\n   - Options apply to all future boots\n   - BIOS EFI boot \n   - Boot Device Selector : Force PXE\n',
    );
  });

  it('chassis bootdev disk clear-cmos=yes: next boot only, legacy, CMOS clear', async () => {
    expect((await bmcdesk(bmc.port, ['chassis', 'bootdev', 'disk', 'clear-cmos=yes'])).code).toBe(0);
    const t = (await ipmitool(bmc, ['chassis', 'bootparam', 'get', '5'])).stdout;
    expect(t).toContain('Boot parameter data: 8088000000\n');
    expect(t).toContain(
      '   - Options apply to only next boot\n   - BIOS PC Compatible (legacy) boot \n   - CMOS Clear\n   - Boot Device Selector : Force Boot from default Hard-Drive\n',
    );
  });

  it('power on: the BMC records a chassis-control restart and a command power event', async () => {
    expect((await bmcdesk(bmc.port, ['power', 'on'])).stdout).toBe('Chassis Power Control: Up/On\n');
    expect((await ipmitool(bmc, ['chassis', 'restart_cause'])).stdout).toBe(
      'System restart cause: chassis power control command\n',
    );
    const s = (await ipmitool(bmc, ['chassis', 'status'])).stdout;
    expect(s).toContain('System Power         : on\n');
    expect(s).toContain('Last Power Event     : command\n');
    // the same, read by us
    expect((await bmcdesk(bmc.port, ['chassis', 'status'])).stdout).toBe(s);
  });
});
