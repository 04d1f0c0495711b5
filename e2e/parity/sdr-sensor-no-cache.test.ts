// `--no-cache` (bmcdesk only: ipmitool has no SDR cache) is accepted wherever a user puts it in an
// `sdr` / `sensor` line. Each position must print what ipmitool prints for the line without it, and
// must leave the (fresh) cache directory untouched, which shows the SDR was read from the BMC.
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ipmitool } from '../lab/bmc-lab';
import { sharedLabBmc } from '../lab/shared-lab';
import { runBmcdesk, tempSdrCacheDir } from './run-bmcdesk';

const cacheDir = tempSdrCacheDir();
const F = '--no-cache';

/** [line with the flag, the same line for ipmitool] */
const LINES: [string[], string[]][] = [
  [['sdr', F], ['sdr']],
  [
    ['sdr', F, 'elist'],
    ['sdr', 'elist'],
  ],
  [
    ['sdr', 'elist', F],
    ['sdr', 'elist'],
  ],
  [
    ['sdr', 'list', F],
    ['sdr', 'list'],
  ],
  [
    ['sdr', 'elist', 'all', F],
    ['sdr', 'elist', 'all'],
  ],
  [
    ['sdr', 'elist', F, 'all'],
    ['sdr', 'elist', 'all'],
  ],
  [
    ['sdr', F, 'list', 'full', F],
    ['sdr', 'list', 'full'],
  ],
  [
    ['sdr', 'type', F, 'Temperature'],
    ['sdr', 'type', 'Temperature'],
  ],
  [
    ['sdr', 'type', 'Temperature', F],
    ['sdr', 'type', 'Temperature'],
  ],
  [
    ['sdr', 'get', F, 'CPU Temp'],
    ['sdr', 'get', 'CPU Temp'],
  ],
  [
    ['sdr', 'get', 'CPU Temp', F, 'P5V'],
    ['sdr', 'get', 'CPU Temp', 'P5V'],
  ],
  [
    ['sdr', 'entity', '7.1', F],
    ['sdr', 'entity', '7.1'],
  ],
  [
    ['sdr', 'entity', F, '10'],
    ['sdr', 'entity', '10'],
  ],
  [
    ['sdr', 'info', F],
    ['sdr', 'info'],
  ],
  [
    ['-c', 'sdr', 'elist', F],
    ['-c', 'sdr', 'elist'],
  ],
  [['sensor', F], ['sensor']],
  [
    ['sensor', F, 'list'],
    ['sensor', 'list'],
  ],
  [
    ['sensor', 'list', F],
    ['sensor', 'list'],
  ],
  [
    ['sensor', 'get', F, 'CPU Temp'],
    ['sensor', 'get', 'CPU Temp'],
  ],
  [
    ['sensor', 'get', 'CPU Temp', F],
    ['sensor', 'get', 'CPU Temp'],
  ],
  [
    ['sensor', 'get', 'FAN1', F, 'P5V'],
    ['sensor', 'get', 'FAN1', 'P5V'],
  ],
  [
    ['sensor', 'reading', 'CPU Temp', F],
    ['sensor', 'reading', 'CPU Temp'],
  ],
  [
    ['-c', 'sensor', 'list', F],
    ['-c', 'sensor', 'list'],
  ],
  // refused lines stay refused the same way with the flag
  [
    ['sensor', 'thresh', 'CPU Temp', 'xyz', '99', F],
    ['sensor', 'thresh', 'CPU Temp', 'xyz', '99'],
  ],
  [
    ['sdr', 'list', 'bogus', F],
    ['sdr', 'list', 'bogus'],
  ],
];

describe('--no-cache anywhere in an sdr/sensor line', () => {
  it.each(LINES.map(([ours, theirs]) => [ours.join(' '), ours, theirs] as const))(
    '%s',
    async (_name, oursArgs, theirsArgs) => {
      const bmc = sharedLabBmc();
      const theirs = await ipmitool(bmc, theirsArgs, { env: { TZ: 'UTC' } });
      const ours = await runBmcdesk(bmc.port, oursArgs, {
        env: { TZ: 'UTC', BMCDESK_SDR_CACHE_DIR: cacheDir() },
      });
      expect(ours.stdout).toBe(theirs.stdout);
      expect(ours.stderr).toBe(theirs.stderr);
      expect(ours.code).toBe(theirs.code);
      expect(await readdir(cacheDir())).toEqual([]);
    },
  );

  it('the same line without the flag does fill the cache (so the check above can fail)', async () => {
    const ours = await runBmcdesk(sharedLabBmc().port, ['sdr', 'list'], {
      env: { TZ: 'UTC', BMCDESK_SDR_CACHE_DIR: cacheDir() },
    });
    expect(ours.code).toBe(0);
    expect((await readdir(cacheDir())).length).toBeGreaterThan(0);
  });
});
