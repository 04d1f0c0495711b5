// Parity: `sensor` and `sdr` reads against e2e/lab/pyghmi-sensor-bmc.py, whose sensors are in the states
// ipmi_sim cannot produce: a reading flagged unavailable with scanning on (Get Sensor Reading byte 2
// bit 5), scanning disabled, a normal reading, thresholds crossed (upper critical, lower critical with
// event messages off), and discrete sensors present, unavailable and disabled. ipmitool 1.8.19 and our
// CLI run one after the other on the same BMC (`-I lanplus -C 3`); stdout, stderr and exit status must be
// identical, ours with a cold cache and then a warm one. The same reads through `-S` on a dump of this BMC
// written by each tool.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool } from '../lab/bmc-lab';
import { startPyghmiSensorBmc, type PyghmiSensorBmc } from '../lab/pyghmi-sensor-bmc';
import { runBmcdesk, tempSdrCacheDir } from './run-bmcdesk';

const cacheDir = tempSdrCacheDir();
let bmc: PyghmiSensorBmc;
let dir = '';
beforeAll(async () => {
  [bmc, dir] = await Promise.all([startPyghmiSensorBmc(), mkdtemp(join(tmpdir(), 'bmcdesk-sensor-states-'))]);
});
afterAll(async () => {
  await bmc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const theirs = (args: string[]) => ipmitool(bmc, args);
const ours = (args: string[]) => runBmcdesk(bmc.port, args, { env: { BMCDESK_SDR_CACHE_DIR: cacheDir() } });

const NAMES = [
  'Temp Normal',
  'Temp Hot',
  'Fan Absent',
  'Volt Off',
  'Temp Low',
  'PSU Present',
  'PSU Absent',
  'Intrusion',
];

const READS: string[][] = [
  ['sensor', 'list'],
  ['-c', 'sensor', 'list'],
  ['sdr', 'list'],
  ['sdr', 'elist'],
  ['sdr', 'list', 'all'],
  ['sdr', 'elist', 'all'],
  ['-c', 'sdr', 'list'],
  ['-c', 'sdr', 'elist'],
  ['-c', 'sdr', 'elist', 'all'],
  ['sdr', 'type', 'Temperature'],
  ['-c', 'sdr', 'type', 'Temperature'],
  ['sdr', 'entity', '3'],
  ['sensor', 'get', ...NAMES],
  ['-c', 'sensor', 'get', ...NAMES],
  ['sensor', 'reading', ...NAMES],
  ...NAMES.flatMap((n) => [
    ['sensor', 'get', n],
    ['sdr', 'get', n],
    ['-c', 'sdr', 'get', n],
  ]),
];

async function same(args: string[]): Promise<string> {
  const t = await theirs(args);
  for (const pass of ['cold', 'warm']) {
    const o = await ours(args);
    expect(o.stdout, `${pass} stdout`).toBe(t.stdout);
    expect(o.stderr, `${pass} stderr`).toBe(t.stderr);
    expect(o.code, `${pass} exit status`).toBe(t.code);
  }
  return t.stdout;
}

describe('reading states ipmi_sim cannot produce, parity with ipmitool 1.8.19', () => {
  it('the BMC serves the states this test is for (read by ipmitool)', async () => {
    const elist = await same(['sdr', 'elist']);
    expect(elist).toMatch(/^Temp Hot +\| 11h \| ucr /m);
    expect(elist).toMatch(/^Temp Low +\| 14h \| lcr /m);
    expect(elist).toMatch(/^Fan Absent +\| 12h \| ns .*\| No Reading$/m);
    expect(elist).toMatch(/^Volt Off +\| 13h \| ns .*\| Disabled$/m);
    expect(elist).toMatch(/^PSU Absent +\| 21h \| ns .*\| No Reading$/m);
    expect(elist).toMatch(/^PSU Present +\| 20h \| ok .*\| Presence detected$/m);
  });

  it.each(READS.map((c) => [c.join(' '), c] as const))('%s', async (_name, args) => {
    await same(args);
  });

  it.each(['theirs', 'ours'])('-S on a dump of this BMC written by %s', async (writer) => {
    const file = join(dir, `${writer}.bin`);
    const dumped =
      writer === 'theirs' ? await theirs(['sdr', 'dump', file]) : await ours(['sdr', 'dump', file]);
    expect(dumped.code).toBe(0);
    for (const args of [
      ['sdr', 'elist', 'all'],
      ['-c', 'sdr', 'elist'],
      ['sensor', 'get', ...NAMES],
    ])
      await same(['-S', file, ...args]);
  });
});
