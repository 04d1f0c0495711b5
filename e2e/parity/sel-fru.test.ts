// Parity: the same reads against the same lab BMC through ipmitool 1.8.19 (`-I lanplus -C 3`) and
// through our CLI in-process, both with TZ=UTC. Output and exit status must be identical.
// The lab is deterministic: its SEL is seeded with fixed timestamps (e2e/lab/lab-sel.ts), and nothing in
// this file writes to the shared BMC, so "Free Space" and "Last Add/Del Time" cannot change between runs.
import { describe, expect, it } from 'vitest';
import { sharedLabBmc } from '../lab/shared-lab';
import { runSideBySide, tempSdrCacheDir } from './run-bmcdesk';

const sdrCacheDir = tempSdrCacheDir();

const CASES: string[][] = [
  ['sel', 'info'],
  ['sel', 'list'],
  ['sel', 'elist'],
  ['sel', 'list', 'last', '3'],
  ['sel', 'elist', 'first', '2'],
  ['fru', 'print'],
  ['fru', 'print', '0'],
  ['fru', 'list'],
  ['fru', 'print', '7'],
];

describe('sel / fru parity with ipmitool 1.8.19', () => {
  it.each(CASES.map((c) => [c.join(' '), c] as const))('%s', async (_name, args) => {
    const bmc = sharedLabBmc();
    const { theirs, ours } = await runSideBySide(bmc, args, {
      TZ: 'UTC',
      BMCDESK_SDR_CACHE_DIR: sdrCacheDir(),
    });
    expect(theirs.stdout.length).toBeGreaterThan(0);
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.code).toBe(theirs.code);
  });

  // Usage errors: same stderr text and exit status too.
  it.each(
    [
      ['sel', 'list', 'bogus', '2'],
      ['sel', 'list', 'x'],
      ['sel', 'bogus'],
      ['fru', 'print', 'x'],
      ['fru', 'print', '300'],
    ].map((c) => [c.join(' '), c] as const),
  )('%s (error)', async (_name, args) => {
    const bmc = sharedLabBmc();
    const { theirs, ours } = await runSideBySide(bmc, args, {
      TZ: 'UTC',
      BMCDESK_SDR_CACHE_DIR: sdrCacheDir(),
    });
    expect(theirs.code).toBe(1);
    expect([ours.stdout, ours.stderr, ours.code]).toEqual([theirs.stdout, theirs.stderr, theirs.code]);
  });

  it('prints SEL dates in the zone TZ names, as ipmitool does', async () => {
    const bmc = sharedLabBmc();
    const tz = { TZ: 'America/New_York' };
    const { theirs, ours } = await runSideBySide(bmc, ['sel', 'list', 'first', '2'], tz);
    // 2020-09-13 12:26:40 UTC is 08:26:40 EDT
    expect(theirs.stdout).toContain('08:26:40 EDT');
    expect(ours.stdout).toBe(theirs.stdout);
  });
});
