// `chassis bootparam set bootflag <dev> options=...` writes boot parameter 3 (valid-bit clearing), now
// through the command layer (electron/ipmi/commands/chassis/boot-valid-bit-clearing.ts). ipmitool 1.8.19
// and bmcdesk run it on the same pyghmi chassis BMC from the same starting state (every "don't clear" bit
// set by ipmitool raw): same stdout, stderr, exit status, and ipmitool reads the same parameters after.
// With an invalid name among them ipmitool prints the error and still applies the names it knew: so do we.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool } from '../lab/bmc-lab';
import { startPyghmiChassisBmc, type PyghmiChassisBmc } from '../lab/pyghmi-bootdev-bmc';
import { runBmcdesk } from './run-bmcdesk';

let bmc: PyghmiChassisBmc;
beforeAll(async () => {
  bmc = await startPyghmiChassisBmc();
});
afterAll(async () => {
  await bmc?.stop();
});

async function readBack() {
  const p3 = await ipmitool(bmc, ['chassis', 'bootparam', 'get', '3']);
  const p5 = await ipmitool(bmc, ['chassis', 'bootparam', 'get', '5']);
  return [p3.stdout, p5.stdout];
}

describe.each([
  ['force_pxe', 'options=timeout,PEF'],
  ['force_disk', 'options=watchdog'],
  ['force_cdrom', 'options=reset,power,bogus'],
])('bootparam set bootflag %s %s', (device, options) => {
  it('prints and writes what ipmitool does', async () => {
    const args = ['chassis', 'bootparam', 'set', 'bootflag', device, options];
    const allKept = ['raw', '0x00', '0x08', '0x03', '0x1f'];
    expect((await ipmitool(bmc, allKept)).code).toBe(0);
    const want = await ipmitool(bmc, args);
    const wantState = await readBack();
    expect((await ipmitool(bmc, allKept)).code).toBe(0);
    expect((await ipmitool(bmc, ['chassis', 'bootdev', 'none'])).code).toBe(0);
    const got = await runBmcdesk(bmc.port, args);
    expect(got).toEqual(want);
    expect(await readBack()).toEqual(wantState);
  });
});
