// Parity: users, channels, LAN and SOL configuration read through ipmitool 1.8.19 (`-I lanplus -C 3`)
// and through our CLI in-process, one after the other against the same shared lab BMC. Nothing here
// writes to the shared BMC. Deliberate differences, each asserted below rather than hidden:
//  - `channel getciphers` lists every suite the BMC reports; ipmitool 1.8.19 stops after 12 because it
//    sizes its array with sizeof(struct) instead of the element count (lib/ipmi_channel.c).
//  - "Active Session Count" of `channel info` counts live sessions on a BMC other test files share, so
//    that one number is compared as a number, not as a value.
import { describe, expect, it } from 'vitest';
import { ipmitool } from '../lab/bmc-lab';
import { sharedLabBmc } from '../lab/shared-lab';
import { runBmcdesk } from './run-bmcdesk';

const bmcdesk = (port: number, args: string[]) => runBmcdesk(port, args);

// Reads, plus argument errors ipmitool rejects before sending (identical stderr lines expected too).
const IDENTICAL: string[][] = [
  ['user', 'list', '1'],
  ['user', 'summary', '1'],
  ['lan', 'print', '1'],
  ['sol', 'info', '1'],
  ['channel', 'getaccess', '1', '2'],
  ['channel', 'authcap', '1', '4'],
  ['user', 'set', 'name', '99', 'x'],
  ['user', 'priv', '3', '9'],
  ['user', 'set', 'password', '7', '123456789012345678901'],
  ['sol', 'set', 'volatile-bit-rate', '7', '1'],
  ['lan', 'set', '1', 'ipaddr', '1.2.3'],
  // without a channel: the current channel (0x0E), or for lan the first LAN channel found
  ['user', 'summary'],
  ['user', 'list'],
  ['sol', 'info'],
  ['lan', 'print'],
  ['channel', 'getaccess', '1'],
  ['lan', 'print', '2'],
  ['channel', 'info', '12'],
  ['user'],
  ['user', 'frobnicate'],
  ['channel', 'setaccess', '1', '3', 'colour=blue'],
];

describe('users / channel / lan / sol parity with ipmitool 1.8.19', () => {
  it.each(IDENTICAL.map((c) => [c.join(' '), c] as const))('%s', async (_name, args) => {
    const bmc = sharedLabBmc();
    const theirs = await ipmitool(bmc, args);
    const ours = await bmcdesk(bmc.port, args);
    expect(theirs.stdout.length + theirs.stderr.length).toBeGreaterThan(0);
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.code).toBe(theirs.code);
    // every line ipmitool writes to stderr is ours too (ours may add a warning, never lose a line)
    for (const line of theirs.stderr.split('\n').filter(Boolean)) expect(ours.stderr).toContain(line);
  });

  it('channel info 1 (active session count compared as a number)', async () => {
    const bmc = sharedLabBmc();
    const theirs = await ipmitool(bmc, ['channel', 'info', '1']);
    const ours = await bmcdesk(bmc.port, ['channel', 'info', '1']);
    const count = /^ {2}Active Session Count {2}: (\d+)$/m;
    expect(theirs.stdout).toMatch(count);
    expect(ours.stdout).toMatch(count);
    const mask = (s: string) => s.replace(count, '  Active Session Count  : N');
    expect(mask(ours.stdout)).toBe(mask(theirs.stdout));
    expect(ours.code).toBe(theirs.code);
  });

  it.each(['ipmi', 'sol'])(
    'channel getciphers %s 1 (ours adds the suites ipmitool 1.8.19 drops after 12)',
    async (payload) => {
      const bmc = sharedLabBmc();
      const theirs = await ipmitool(bmc, ['channel', 'getciphers', payload, '1']);
      const ours = await bmcdesk(bmc.port, ['channel', 'getciphers', payload, '1']);
      expect(ours.code).toBe(theirs.code);
      expect(theirs.stdout.split('\n')).toHaveLength(1 + 12 + 1);
      expect(ours.stdout.startsWith(theirs.stdout)).toBe(true);
      // ipmi_sim's suites 12-14 (OpenIPMI lanserv cipher_suites[], notes specs/ipmi-lan.md §3)
      expect(ours.stdout.slice(theirs.stdout.length)).toBe(
        '12   N/A     hmac_md5        md5_128         aes_cbc_128    \n' +
          '13   N/A     hmac_md5        md5_128         xrc4_128       \n' +
          '14   N/A     hmac_md5        md5_128         xrc4_40        \n',
      );
    },
  );
});
