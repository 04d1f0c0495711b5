// Parity, reads only, on the shared lab BMC: `channel authcap|getaccess|info`, `user summary`, `isol`
// and the `-c` (CSV) forms ipmitool 1.8.19 has for them (user summary/list, channel getciphers,
// isol info), over lanplus and IPMI 1.5. stdout and the exit status must be identical, and every
// stderr line of ipmitool's must be ours too. Deliberate differences are asserted in their own tests:
//  - `isol set <bad name|value>`: we refuse before sending; ipmitool first reads the ISOL
//    configuration, so on this BMC (no IPMI 1.5 SOL) it says "not supported" even for a typo.
//  - `-c channel getciphers`: ipmitool 1.8.19 stops after 12 suites (see users-lan-sol.test.ts).
//  - "Active Session Count" of `channel info` counts other test files' sessions: compared as a number.
import { describe, expect, it } from 'vitest';
import { ipmitool, type IpmitoolOptions } from '../lab/bmc-lab';
import { sharedLabBmc } from '../lab/shared-lab';
import { runBmcdesk } from './run-bmcdesk';

const TRANSPORTS: [name: string, theirs: IpmitoolOptions, ours: string[]][] = [
  ['lanplus -C 3', { iface: 'lanplus', cipher: 3 }, ['-I', 'lanplus', '-C', '3']],
  ['lan (IPMI 1.5)', { iface: 'lan' }, ['-I', 'lan']],
];

const IDENTICAL: string[][] = [
  // channel authcap: every privilege level, the current channel, bad arguments
  ['channel', 'authcap', '1', '1'],
  ['channel', 'authcap', '1', '2'],
  ['channel', 'authcap', '1', '3'],
  ['channel', 'authcap', '1', '5'],
  ['channel', 'authcap', '0x0e', '4'],
  ['channel', 'authcap', '1', '9'],
  ['channel', 'authcap', '12', '4'],
  ['channel', 'authcap', '1'],
  ['channel', 'authcap', '0', '4'],
  // channel getaccess: one user, all users, a user the table does not have, bad arguments
  ['channel', 'getaccess', '1', '1'],
  ['channel', 'getaccess', '1', '3'],
  ['channel', 'getaccess', '1', '5'],
  ['channel', 'getaccess', '1', '0'],
  ['channel', 'getaccess', '1', '64'],
  ['channel', 'getaccess'],
  ['channel', 'getaccess', '0x0e', '2'],
  // channel info: IPMB (no access blocks), a channel ipmi_sim lacks, bad numbers
  ['channel', 'info', '0'],
  ['channel', 'info', '3'],
  ['channel', 'info', '0x10'],
  ['channel', 'info', '1', '2'],
  // user summary
  ['user', 'summary', '0x0e'],
  ['user', 'summary', '3'],
  ['user', 'summary', '99'],
  ['user', 'summary', '1', '2'],
  // CSV
  ['-c', 'user', 'summary', '1'],
  ['-c', 'user', 'summary'],
  ['-c', 'user', 'list', '1'],
  ['-c', 'channel', 'getaccess', '1', '2'],
  ['-c', 'channel', 'authcap', '1', '4'],
  ['-c', 'lan', 'print', '1'],
  // isol on a BMC without IPMI 1.5 SOL
  ['isol'],
  ['isol', 'help'],
  ['isol', 'info'],
  ['-c', 'isol', 'info'],
  ['isol', 'activate'],
  ['isol', 'set', 'enabled', 'true'],
  ['isol', 'set', 'privilege-level', 'admin'],
  ['isol', 'set', 'bit-rate', '115.2'],
  ['isol', 'set', 'enabled'],
  ['isol', 'set'],
  ['isol', 'frobnicate'],
];

describe.each(TRANSPORTS)(
  'channel / user / isol parity with ipmitool 1.8.19 over %s',
  (_t, theirsOpts, argv) => {
    it.each(IDENTICAL.map((c) => [c.join(' '), c] as const))('%s', async (_name, args) => {
      const bmc = sharedLabBmc();
      const [theirs, ours] = await Promise.all([
        ipmitool(bmc, args, theirsOpts),
        runBmcdesk(bmc.port, args, { transport: argv }),
      ]);
      expect(theirs.stdout.length + theirs.stderr.length).toBeGreaterThan(0);
      expect(ours.stdout).toBe(theirs.stdout);
      expect(ours.code).toBe(theirs.code);
      for (const line of theirs.stderr.split('\n').filter(Boolean)) expect(ours.stderr).toContain(line);
    });

    it('channel info (current channel; active session count compared as a number)', async () => {
      const bmc = sharedLabBmc();
      const [theirs, ours] = await Promise.all([
        ipmitool(bmc, ['channel', 'info'], theirsOpts),
        runBmcdesk(bmc.port, ['channel', 'info'], { transport: argv }),
      ]);
      const count = /^ {2}Active Session Count {2}: (\d+)$/m;
      expect(theirs.stdout).toMatch(count);
      expect(theirs.stdout).toContain('Volatile(active) Settings');
      const mask = (s: string) => s.replace(count, '  Active Session Count  : N');
      expect(mask(ours.stdout)).toBe(mask(theirs.stdout));
      expect(ours.code).toBe(theirs.code);
    });
  },
);

describe('deliberate differences', () => {
  it.each([
    [['isol', 'set', 'colour', 'blue'], 'Error: invalid ISOL parameter colour\n'],
    [
      ['isol', 'set', 'bit-rate', '9600'],
      'ISOL - Unsupported baud rate: 9600\nValid values are 9.6, 19.2, 38.4, 57.6 and 115.2\n',
    ],
  ])('%j is refused before anything is sent (ipmitool: "not supported")', async (args, ourText) => {
    const bmc = sharedLabBmc();
    const [theirs, ours] = await Promise.all([ipmitool(bmc, args), runBmcdesk(bmc.port, args)]);
    expect(theirs.stderr).toBe('IPMI v1.5 Serial Over Lan (ISOL) not supported!\n');
    expect(ours.stderr).toBe(ourText);
    expect(ours.stdout).toBe('');
    expect([ours.code, theirs.code]).toEqual([1, 1]);
  });

  it('-c channel getciphers ipmi 1: CSV rows, ours adds the suites ipmitool drops after 12', async () => {
    const bmc = sharedLabBmc();
    const args = ['-c', 'channel', 'getciphers', 'ipmi', '1'];
    const [theirs, ours] = await Promise.all([ipmitool(bmc, args), runBmcdesk(bmc.port, args)]);
    expect(theirs.code).toBe(0);
    expect(theirs.stdout.split('\n')).toHaveLength(12 + 1);
    expect(theirs.stdout).toMatch(/^0,N\/A,none,none,none\n/);
    expect(ours.stdout.startsWith(theirs.stdout)).toBe(true);
    expect(ours.stdout.slice(theirs.stdout.length)).toBe(
      '12,N/A,hmac_md5,md5_128,aes_cbc_128\n13,N/A,hmac_md5,md5_128,xrc4_128\n14,N/A,hmac_md5,md5_128,xrc4_40\n',
    );
    expect(ours.code).toBe(0);
  });
});
