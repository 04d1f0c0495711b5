// `isol` on a BMC that has IPMI v1.5 SOL configuration (e2e/lab/pyghmi-isol-bmc.py; ipmi_sim lacks it,
// see channel-user-isol.test.ts for that case). ipmitool 1.8.19 works one such BMC, bmcdesk another,
// started alike; after every step ipmitool reads both with `isol info`: the readings must be equal and
// must have changed exactly as the step says. stdout and exit codes are identical, and ipmitool's
// stderr lines are ours too. Deliberate differences, asserted in their own tests:
//  - `-c isol info`: ipmitool's line has no newline at its end; ours has.
//  - `isol activate` on an enabled BMC: ipmitool sends Activate ISOL (this BMC answers 0x80, "already
//    active"); we stop before, the ISOL data stream not being implemented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool, type ToolResult } from '../lab/bmc-lab';
import { startPyghmiIsolBmc, type PyghmiIsolBmc } from '../lab/pyghmi-isol-bmc';
import { runBmcdesk } from './run-bmcdesk';

let theirsBmc: PyghmiIsolBmc;
let oursBmc: PyghmiIsolBmc;
let disabledBmc: PyghmiIsolBmc;
beforeAll(async () => {
  [theirsBmc, oursBmc, disabledBmc] = await Promise.all([
    startPyghmiIsolBmc(),
    startPyghmiIsolBmc(),
    startPyghmiIsolBmc({ enabled: false, authentication: 0x02, bitRate: 0x06 }),
  ]);
});
afterAll(async () => {
  await Promise.all([theirsBmc?.stop(), oursBmc?.stop(), disabledBmc?.stop()]);
});

function sameOutput(theirs: ToolResult, ours: ToolResult): void {
  expect(ours.stdout).toBe(theirs.stdout);
  expect(ours.code).toBe(theirs.code);
  for (const line of theirs.stderr.split('\n').filter(Boolean)) expect(ours.stderr).toContain(line);
}

async function reading(bmc: PyghmiIsolBmc): Promise<string> {
  const r = await ipmitool(bmc, ['isol', 'info']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

const INFO = (enabled: string, priv: string, rate: string) =>
  `Enabled                         : ${enabled}\nPrivilege Level                 : ${priv}\nBit Rate (kbps)                 : ${rate}\n`;

describe('isol info / set, parity with ipmitool 1.8.19, read back by ipmitool', () => {
  it('isol info', async () => {
    const [theirs, ours] = await Promise.all([
      ipmitool(theirsBmc, ['isol', 'info']),
      runBmcdesk(oursBmc.port, ['isol', 'info']),
    ]);
    expect(theirs.stdout).toBe(INFO('true', 'ADMINISTRATOR', '115.2'));
    sameOutput(theirs, ours);
  });

  it('isol info on a disabled BMC at 9.6 kbps, USER', async () => {
    const [theirs, ours] = await Promise.all([
      ipmitool(disabledBmc, ['isol', 'info']),
      runBmcdesk(disabledBmc.port, ['isol', 'info']),
    ]);
    expect(theirs.stdout).toBe(INFO('false', 'USER', '9.6'));
    sameOutput(theirs, ours);
  });

  const STEPS: [args: string[], code: number, after: string][] = [
    [['isol', 'set', 'bit-rate', '19.2'], 0, INFO('true', 'ADMINISTRATOR', '19.2')],
    [['isol', 'set', 'privilege-level', 'operator'], 0, INFO('true', 'OPERATOR', '19.2')],
    [['isol', 'set', 'enabled', 'false'], 0, INFO('false', 'OPERATOR', '19.2')],
    [['isol', 'set', 'enabled', 'true'], 0, INFO('true', 'OPERATOR', '19.2')],
    [['isol', 'set', 'bit-rate', '115.2'], 0, INFO('true', 'OPERATOR', '115.2')],
    [['isol', 'set', 'privilege-level', 'user'], 0, INFO('true', 'USER', '115.2')],
    // refused by ipmitool's (and our) argument checks: nothing changes
    [['isol', 'set', 'bit-rate', '9600'], 1, INFO('true', 'USER', '115.2')],
    [['isol', 'set', 'privilege-level', 'callback'], 1, INFO('true', 'USER', '115.2')],
    [['isol', 'set', 'enabled', 'yes'], 1, INFO('true', 'USER', '115.2')],
    [['isol', 'set', 'volume', '11'], 1, INFO('true', 'USER', '115.2')],
    [['isol', 'set', 'enabled'], 1, INFO('true', 'USER', '115.2')],
  ];
  for (const [args, code, after] of STEPS) {
    it(args.join(' '), async () => {
      const [theirs, ours] = await Promise.all([ipmitool(theirsBmc, args), runBmcdesk(oursBmc.port, args)]);
      sameOutput(theirs, ours);
      expect(theirs.code).toBe(code);
      const [a, b] = await Promise.all([reading(theirsBmc), reading(oursBmc)]);
      expect(a).toBe(after);
      expect(b).toBe(after);
    });
  }

  it('privilege-level kept bit 7 of parameter 2 on both BMCs (raw read by ipmitool)', async () => {
    const raw = ['raw', '0x34', '0x04', '0x00', '0x02', '0x00', '0x00'];
    const [a, b] = await Promise.all([ipmitool(theirsBmc, raw), ipmitool(oursBmc, raw)]);
    expect(a.stdout).toBe(' 11 82\n');
    expect(b.stdout).toBe(a.stdout);
  });

  it('isol activate on a disabled BMC: "ISOL is not enabled!"', async () => {
    const [theirs, ours] = await Promise.all([
      ipmitool(disabledBmc, ['isol', 'activate']),
      runBmcdesk(disabledBmc.port, ['isol', 'activate']),
    ]);
    expect(theirs.stderr).toBe('ISOL is not enabled!\n');
    sameOutput(theirs, ours);
  });
});

describe('deliberate differences', () => {
  it('-c isol info: the same fields and trailing comma; ours ends the line', async () => {
    const [theirs, ours] = await Promise.all([
      ipmitool(theirsBmc, ['-c', 'isol', 'info']),
      runBmcdesk(oursBmc.port, ['-c', 'isol', 'info']),
    ]);
    expect(theirs.stdout).toBe('true,USER,115.2,');
    expect(ours.stdout).toBe(theirs.stdout + '\n');
    expect([theirs.code, ours.code]).toEqual([0, 0]);
  });

  it('isol activate on an enabled BMC: ipmitool reaches Activate ISOL, we stop before it', async () => {
    const [theirs, ours] = await Promise.all([
      ipmitool(theirsBmc, ['isol', 'activate']),
      runBmcdesk(oursBmc.port, ['isol', 'activate']),
    ]);
    expect(theirs.stderr).toBe('Info: ISOL already active on another session\n');
    expect(ours.stderr).toBe(
      'isol activate: the IPMI v1.5 SOL data stream is not implemented; use `sol activate`\n',
    );
    expect([theirs.code, ours.code]).toEqual([1, 1]);
  });
});
