// Logging in to pyghmi's software BMC (OpenStack VirtualBMC's engine) without -C, as a new user would:
// it answers every Open Session proposal with suite 3's algorithms. bmcdesk and ipmitool 1.8.19 print
// the same for `mc info` and `power status`; an explicit -C 17 is refused with the suite to use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_USERS, ipmitool, type ToolResult } from '../lab/bmc-lab';
import { run } from '../lab/ipmi-tools';
import { startPyghmiPlainBmc, type PyghmiPlainBmc } from '../lab/pyghmi-plain-bmc';
import { runBmcdesk } from './run-bmcdesk';

/** `ipmitool -I lanplus` with no -C: 1.8.19 asks for the cipher suites, then picks one itself. */
function ipmitoolWithoutSuite(port: number, args: string[]): Promise<ToolResult> {
  const u = LAB_USERS.admin;
  const argv = ['-I', 'lanplus', '-H', '127.0.0.1', '-p', String(port), '-U', u.name, '-L', 'ADMINISTRATOR'];
  return run('ipmitool', [...argv, '-E', ...args], { ...process.env, IPMI_PASSWORD: u.password }, 60_000);
}

let bmc: PyghmiPlainBmc;
beforeAll(async () => {
  bmc = await startPyghmiPlainBmc();
});
afterAll(async () => {
  await bmc?.stop();
});

describe('pyghmi BMC, no -C', () => {
  it.each([
    ['mc', 'info'],
    ['power', 'status'],
  ])('%s %s: same text as ipmitool (which negotiates without -C too)', async (...args: string[]) => {
    const want = await ipmitoolWithoutSuite(bmc.port, args);
    expect(want.code, want.stderr).toBe(0);
    expect(await runBmcdesk(bmc.port, args, { transport: ['-I', 'lanplus'] })).toEqual(want);
  });

  it('-C 17: refused, naming the suite the BMC chose', async () => {
    expect(
      await runBmcdesk(bmc.port, ['power', 'status'], { transport: ['-I', 'lanplus', '-C', '17'] }),
    ).toEqual({
      code: 1,
      stdout: '',
      stderr: "Error: 127.0.0.1: asked for cipher suite 17, the BMC chose suite 3's algorithms; use -C 3\n",
    });
  });

  it('-C 3: works, same text as ipmitool -C 3', async () => {
    const want = await ipmitool(bmc, ['power', 'status']);
    expect(want.code, want.stderr).toBe(0);
    expect(
      await runBmcdesk(bmc.port, ['power', 'status'], { transport: ['-I', 'lanplus', '-C', '3'] }),
    ).toEqual(want);
  });
});
