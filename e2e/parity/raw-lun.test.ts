// Parity: `raw` with ipmitool's `-l <lun>` global option, through ipmitool 1.8.19 (`-I lanplus -C 3`) and
// our CLI in-process against the shared lab BMC (read-only commands). Same stdout, stderr, exit status.
// ipmi_sim answers requests to LUN 0 and refuses or ignores the others; both clients must report alike.
import { describe, expect, it } from 'vitest';
import { ipmitool } from '../lab/bmc-lab';
import { sharedLabBmc } from '../lab/shared-lab';
import { runBmcdesk } from './run-bmcdesk';

const CASES: string[][] = [
  ['-l', '0', 'raw', '0x06', '0x01'], // Get Device ID
  ['-l', '0x0', 'raw', '0x0a', '0x10', '0x00'], // Get FRU Inventory Area Info, FRU 0
  ['-l', '1', 'raw', '0x06', '0x01'],
  ['-l', '2', 'raw', '0x04', '0x2d', '0x10'], // Get Sensor Reading, CPU Temp
  ['-l', '03', 'raw', '0x06', '0x01'],
];

describe('raw -l <lun> parity with ipmitool 1.8.19', () => {
  it.each(CASES.map((c) => [c.join(' '), c] as const))('%s', async (_n, args) => {
    const bmc = sharedLabBmc();
    const theirs = await ipmitool(bmc, args, { timeoutMs: 60_000 });
    const ours = await runBmcdesk(bmc.port, args);
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.stderr).toBe(theirs.stderr);
    expect(ours.code).toBe(theirs.code);
  });

  // ipmitool prints the message but exits 0 (sic); we exit 1 as for every other bad option
  it.each([['x'], ['4'], ['0x100']].map(([v]) => [v!] as const))('-l %s is refused', async (v) => {
    const bmc = sharedLabBmc();
    const args = ['-l', v, 'raw', '0x06', '0x01'];
    const theirs = await ipmitool(bmc, args);
    const ours = await runBmcdesk(bmc.port, args);
    expect(ours.stdout).toBe('');
    expect(ours.stderr).toBe("Invalid parameter given or out of range for '-l'.\n");
    expect(ours.code).toBe(1);
    if (v !== '4') expect([theirs.stdout, theirs.stderr, theirs.code]).toEqual(['', ours.stderr, 0]);
  });
});
