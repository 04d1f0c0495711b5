// Parity: `sdr` and `sensor` reads through ipmitool 1.8.19 (`-I lanplus -C 3`) and through our CLI
// in-process against the same lab BMC. Output and exit status must be identical; ours runs once with
// a cold cache (fresh directory) and once warm. Writes (`sensor thresh`) go to a private lab BMC.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool, startLabBmc, type LabBmc } from '../lab/bmc-lab';
import { sharedLabBmc } from '../lab/shared-lab';
import { runBmcdesk, tempSdrCacheDir } from './run-bmcdesk';

const cacheDir = tempSdrCacheDir();

const bmcdesk = (port: number, args: string[], env: Record<string, string> = {}) =>
  runBmcdesk(port, args, { env: { TZ: 'UTC', BMCDESK_SDR_CACHE_DIR: cacheDir(), ...env } });

const READS: string[][] = [
  ['sdr', 'list'],
  ['sdr', 'elist'],
  ['sdr', 'list', 'all'],
  ['sdr', 'elist', 'all'],
  ['sdr', 'list', 'full'],
  ['sdr', 'elist', 'compact'],
  ['sdr', 'list', 'event'],
  ['sdr', 'list', 'mcloc'],
  ['sdr', 'elist', 'fru'],
  ['sdr', 'list', 'generic'],
  ['sdr', 'info'],
  ['sdr', 'type', 'list'],
  ['sdr', 'type', 'Temperature'],
  ['sdr', 'type', 'Power Supply'],
  ['sdr', 'type', '0x04'],
  ['sdr', 'list', 'bogus'],
  ['sdr', 'bogus'],
  ['sensor', 'list'],
  ['sensor', 'get', 'CPU Temp'],
  ['sensor', 'get', 'PSU1 Status'],
  ['sensor', 'get', 'FAN1', 'Ambient', 'P12V', 'InvLin', 'OnesC'],
  ['sensor', 'get', 'Nope'],
  ['sensor', 'get'],
  ['sensor', 'bogus'],
  ['sensor', 'thresh', 'CPU Temp', 'ucr', '99'],
  ['sensor', 'thresh', 'Nope', 'ucr', '99'],
  ['sensor', 'thresh', 'PSU1 Status', 'ucr', '99'],
  ['sensor', 'thresh', 'CPU Temp', 'xyz', '99'],
  ['sensor', 'thresh', 'CPU Temp', 'ucr', 'abc'],
  ['sensor', 'thresh', 'CPU Temp', 'lower', '1', '2'],
  ['sensor', 'thresh', 'CPU Temp', 'upper', '1', 'x', '3'],
  ['sensor', 'thresh', 'CPU Temp', 'lower', 'a', '2', '3'],
  ['sensor', 'thresh', 'CPU Temp', 'lnc', '95'],
  ['sensor', 'thresh'],
  ['sensor', 'thresh', 'help'],
  ['sensor', 'help'],
  // sensors without a reading (scanning disabled: P5V, DIMM Status; not installed: FAN3, PSU2 Status)
  ['sensor', 'get', 'P5V'],
  ['sensor', 'get', 'FAN3'],
  ['sensor', 'get', 'DIMM Status'],
  ['sensor', 'get', 'PSU2 Status'],
  ['sdr', 'type', 'Memory'],
  ['sdr', 'type', 'Fan'],
];

describe('sdr / sensor parity with ipmitool 1.8.19', () => {
  it.each(READS.map((c) => [c.join(' '), c] as const))('%s (cold cache, then warm)', async (_name, args) => {
    const bmc = sharedLabBmc();
    const theirs = await ipmitool(bmc, args, { env: { TZ: 'UTC' } });
    for (const pass of ['cold', 'warm']) {
      const ours = await bmcdesk(bmc.port, args);
      expect(ours.stdout, `${pass} stdout`).toBe(theirs.stdout);
      expect(ours.stderr, `${pass} stderr`).toBe(theirs.stderr);
      expect(ours.code, `${pass} exit code`).toBe(theirs.code);
    }
  });

  it('reads the non-trivial conversions the way ipmitool does (LAB §11.8: 1.248 V, -68 °C, 5040 RPM, 0.25 V, -1 °C)', async () => {
    const bmc = sharedLabBmc();
    const ours = await bmcdesk(bmc.port, ['sensor', 'list']);
    const value = (name: string) =>
      ours.stdout
        .split('\n')
        .find((l) => l.startsWith(name))
        ?.split('|')[1]
        ?.trim();
    expect(value('P12V')).toBe('1.248');
    expect(value('Ambient')).toBe('-68.000');
    expect(value('FAN1')).toBe('5040.000');
    expect(value('InvLin')).toBe('0.250');
    expect(value('OnesC')).toBe('-1.000');
    const theirs = await ipmitool(bmc, ['sensor', 'list']);
    expect(ours.stdout).toBe(theirs.stdout);
  });

  it('prints sensors without a reading as ipmitool does: na, units blank, thresholds still read', async () => {
    const bmc = sharedLabBmc();
    const [theirs, ours] = [
      await ipmitool(bmc, ['sensor', 'list']),
      await bmcdesk(bmc.port, ['sensor', 'list']),
    ];
    const lines = ours.stdout.split('\n');
    const na = 'na        ';
    expect(lines).toContain(
      `P5V              | na         |            | na    | ${na}| 4.394     | ${na}| ${na}| 5.486     | ${na}`,
    );
    expect(lines).toContain(`FAN3             | na         |            | na    ${`| ${na}`.repeat(6)}`);
    expect(lines).toContain(`DIMM Status      | na         | discrete   | na    ${`| ${na}`.repeat(6)}`);
    expect(lines).toContain(`PSU2 Status      | na         | discrete   | na    ${`| ${na}`.repeat(6)}`);
    expect(ours.stdout).toBe(theirs.stdout);
    const csv = await bmcdesk(bmc.port, ['-c', 'sdr', 'elist', 'all']);
    expect(csv.stdout).toContain('P5V,,,ns\nFAN3,,,ns\nDIMM Status,31h,ns,32.1,No Reading\n');
  });

  it('bypasses the cache with --no-cache and BMCDESK_SDR_CACHE=off, same output', async () => {
    const bmc = sharedLabBmc();
    const theirs = await ipmitool(bmc, ['sdr', 'elist', 'all']);
    expect((await bmcdesk(bmc.port, ['sdr', '--no-cache', 'elist', 'all'])).stdout).toBe(theirs.stdout);
    expect((await bmcdesk(bmc.port, ['sdr', 'elist', 'all'], { BMCDESK_SDR_CACHE: 'off' })).stdout).toBe(
      theirs.stdout,
    );
  });
});

describe('sensor thresh writes (private lab BMC)', () => {
  let bmc: LabBmc;
  beforeAll(async () => {
    bmc = await startLabBmc();
  });
  afterAll(async () => {
    await bmc.stop();
  });

  it('sets one threshold; ipmitool reads the new value back', async () => {
    const ours = await bmcdesk(bmc.port, ['sensor', 'thresh', 'CPU Temp', 'ucr', '91']);
    expect(ours.stdout).toBe(
      `Locating sensor record 'CPU Temp'...\nSetting sensor "CPU Temp" Upper Critical threshold to 91.000\n`,
    );
    expect(ours.code).toBe(0);
    const back = await ipmitool(bmc, ['sensor', 'get', 'CPU Temp']);
    expect(back.stdout).toContain(' Upper Critical        : 91.000\n');
    expect((await bmcdesk(bmc.port, ['sensor', 'get', 'CPU Temp'])).stdout).toBe(back.stdout);
  });

  it('sets the upper triplet; ipmitool reads all three back', async () => {
    const ours = await bmcdesk(bmc.port, ['sensor', 'thresh', 'CPU Temp', 'upper', '70', '85', '97']);
    expect(ours.code).toBe(0);
    const back = await ipmitool(bmc, ['sensor', 'list']);
    const cpu = back.stdout.split('\n').find((l) => l.startsWith('CPU Temp'))!;
    expect(
      cpu
        .split('|')
        .slice(7)
        .map((c) => c.trim()),
    ).toEqual(['70.000', '85.000', '97.000']);
  });

  it('sets the lower triplet with --no-cache after the values; ipmitool reads all three back', async () => {
    const ours = await bmcdesk(bmc.port, [
      'sensor',
      'thresh',
      'CPU Temp',
      'lower',
      '2',
      '6',
      '12',
      '--no-cache',
    ]);
    expect(ours.stdout).toBe(
      "Locating sensor record 'CPU Temp'...\n" +
        'Setting sensor "CPU Temp" Lower Non-Recoverable threshold to 2.000\n' +
        'Setting sensor "CPU Temp" Lower Critical threshold to 6.000\n' +
        'Setting sensor "CPU Temp" Lower Non-Critical threshold to 12.000\n',
    );
    expect(ours.code).toBe(0);
    const back = await ipmitool(bmc, ['sensor', 'get', 'CPU Temp']);
    expect(back.stdout).toContain(
      ' Lower Non-Recoverable : 2.000\n Lower Critical        : 6.000\n Lower Non-Critical    : 12.000\n',
    );
  });

  it('sets one threshold with --no-cache before the ID, and refuses an out-of-order one like ipmitool', async () => {
    const ok = await bmcdesk(bmc.port, ['sensor', 'thresh', '--no-cache', 'CPU Temp', 'unc', '75']);
    expect(ok.code).toBe(0);
    expect((await ipmitool(bmc, ['sensor', 'get', 'CPU Temp'])).stdout).toContain(
      ' Upper Non-Critical    : 75.000\n',
    );
    // unc above ucr: both refuse before writing, and the value stays
    const args = ['sensor', 'thresh', 'CPU Temp', 'unc', '99'];
    const [theirs, ours] = [await ipmitool(bmc, args), await bmcdesk(bmc.port, args)];
    expect(ours.stderr).toBe('Invalid Threshold data values. Cannot Set Threshold Data.\n');
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.stderr).toBe(theirs.stderr);
    expect(ours.code).toBe(theirs.code);
    expect((await ipmitool(bmc, ['sensor', 'get', 'CPU Temp'])).stdout).toContain(
      ' Upper Non-Critical    : 75.000\n',
    );
  });

  it.each([
    ['FAN1', 'lower', '100', '200', '300'],
    ['P5V', 'ucr', '5.5'], // scanning disabled, thresholds readable but not settable
  ])('reports refused writes like ipmitool (%s thresholds are read-only)', async (...rest) => {
    const args = ['sensor', 'thresh', ...rest];
    const [theirs, ours] = [await ipmitool(bmc, args), await bmcdesk(bmc.port, args)];
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.stderr).toBe(theirs.stderr);
    expect(ours.stderr).toMatch(/^Error setting threshold: /);
    expect(ours.code).toBe(theirs.code);
  });
});
