// Parity: `-S FILE` (the SDR from a local dump) through ipmitool 1.8.19 and our CLI against the shared
// lab BMC, on dumps written by each tool, on a dump holding only part of the repository (so a listing
// taken from the BMC instead would show), and on damaged files. stdout, stderr and exit status must be
// identical, except where documented:
//  - `sdr get <missing id>`: ipmitool exits 0 after "Unable to find sensor id"; we exit 1 (sdr.ts).
//  - a directory: ipmitool reads it as an empty SDR without a word; we say "Is a directory" and read
//    the BMC, as both do for a missing file (sdr-file.ts).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool } from '../lab/bmc-lab';
import { splitSdrs } from '../lab/lab-sdrs';
import { sharedLabBmc } from '../lab/shared-lab';
import { runBmcdesk, tempSdrCacheDir } from './run-bmcdesk';

const cacheDir = tempSdrCacheDir();
let dir = '';
const file = (name: string) => join(dir, name);

const theirs = (args: string[]) => ipmitool(sharedLabBmc(), args, { env: { TZ: 'UTC' } });
const ours = (args: string[]) =>
  runBmcdesk(sharedLabBmc().port, args, { env: { TZ: 'UTC', BMCDESK_SDR_CACHE_DIR: cacheDir() } });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bmcdesk-sdr-file-'));
  // one dump by each tool, then files made from ipmitool's
  expect((await theirs(['sdr', 'dump', file('theirs.bin')])).code).toBe(0);
  expect((await ours(['sdr', 'dump', file('ours.bin')])).code).toBe(0);
  const dump = await readFile(file('theirs.bin'));
  const records = splitSdrs(dump);
  const len = (n: number) => records.slice(0, n).reduce((a, r) => a + r.length, 0);
  // records 2-14: CPU Temp (the first) is missing, so looking it up must fail in both tools
  expect(records.length).toBeGreaterThan(20);
  await writeFile(file('part.bin'), Buffer.concat(records.slice(1, 14)));
  await writeFile(file('empty.bin'), Buffer.alloc(0));
  await writeFile(file('cut-header.bin'), dump.subarray(0, len(4) + 3));
  await writeFile(file('cut-record.bin'), dump.subarray(0, len(4) + 20));
  await writeFile(file('past-end.bin'), dump.subarray(0, len(4) + 6));
  const badVersion = Buffer.from(dump);
  badVersion[len(5) + 2] = 0x77;
  await writeFile(file('bad-version.bin'), badVersion);
  // a header with no body, then the whole dump: ipmitool skips it
  await writeFile(file('zero-length.bin'), Buffer.concat([Buffer.from([0x99, 0, 0x51, 1, 0]), dump]));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const READS: string[][] = [
  ['sdr', 'list'],
  ['sdr', 'elist'],
  ['sdr', 'elist', 'all'],
  ['sdr', 'list', 'full'],
  ['sdr', 'elist', 'compact'],
  ['sdr', 'list', 'fru'],
  ['sdr', 'type', 'Temperature'],
  ['sdr', 'entity', '3'],
  ['sdr', 'get', 'P12V'],
  ['sensor', 'get', 'CPU Temp', 'P12V'],
  ['sensor', 'reading', 'P12V', 'Ambient'],
  ['sensor', 'list'], // ipmitool walks the BMC's SDR here, -S or not
  ['-c', 'sdr', 'elist'],
  ['sel', 'elist'],
];

async function same(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const [t, o] = await Promise.all([theirs(args), ours(args)]);
  expect(o.stdout, 'stdout').toBe(t.stdout);
  expect(o.stderr, 'stderr').toBe(t.stderr);
  expect(o.code, 'exit status').toBe(t.code);
  return t;
}

describe('-S FILE, parity with ipmitool 1.8.19', () => {
  for (const name of ['theirs.bin', 'ours.bin', 'part.bin'])
    it.each(READS.map((c) => [c.join(' '), c] as const))(`${name}: %s`, async (_n, args) => {
      await same(['-S', file(name), ...args]);
    });

  it('the file is what is listed: the partial dump lists fewer records than the BMC', async () => {
    const live = await same(['sdr', 'elist', 'all']);
    const part = await same(['-S', file('part.bin'), 'sdr', 'elist', 'all']);
    expect(part.stdout.split('\n').length).toBeLessThan(live.stdout.split('\n').length);
    expect(part.stdout).not.toContain('CPU Temp');
    // ipmitool's sensor list reads the BMC: the same with the partial file as without
    expect((await same(['-S', file('part.bin'), 'sensor', 'list'])).stdout).toBe(
      (await same(['sensor', 'list'])).stdout,
    );
  });

  it('a missing CPU Temp in the file is not found, although the BMC has it', async () => {
    const r = await Promise.all([
      theirs(['-S', file('part.bin'), 'sensor', 'get', 'CPU Temp']),
      ours(['-S', file('part.bin'), 'sensor', 'get', 'CPU Temp']),
    ]);
    for (const x of r) expect([x.stderr, x.code]).toEqual(['Sensor data record "CPU Temp" not found!\n', 1]);
  });

  const HOSTILE: [string, string][] = [
    ['empty.bin', ''],
    ['cut-header.bin', 'header read 3 bytes, expected 5\n'],
    ['cut-record.bin', 'read 15 bytes, expected'],
    ['past-end.bin', 'read 1 bytes, expected'],
    ['bad-version.bin', 'invalid sdr header version 77\n'],
    ['zero-length.bin', ''],
    ['missing.bin', 'does not exist\n'],
  ];
  for (const [name, message] of HOSTILE)
    it.each([
      ['sdr', 'elist', 'all'],
      ['sensor', 'get', 'CPU Temp'],
      ['chassis', 'power', 'status'],
    ])(`${name}: %s %s %s (${message.trim() || 'no message'})`, async (...args) => {
      const t = await same(['-S', file(name), ...args]);
      expect(t.stderr).toContain(message);
    });

  it('a directory: our message and the BMC SDR, where ipmitool lists nothing silently', async () => {
    const args = ['-S', dir, 'sdr', 'list'];
    const [t, o] = await Promise.all([theirs(args), ours(args)]);
    expect([t.stdout, t.stderr, t.code]).toEqual(['', '', 0]);
    expect(o.stderr).toBe(
      `Unable to open file ${dir}: Is a directory\nUnable to open SDR cache ${dir} for reading\n`,
    );
    expect(o.stdout).toBe((await theirs(['sdr', 'list'])).stdout);
    expect(o.code).toBe(0);
  });

  it('sdr get of a record missing from the file: ipmitool exits 0, we exit 1', async () => {
    const args = ['-S', file('part.bin'), 'sdr', 'get', 'CPU Temp'];
    const [t, o] = await Promise.all([theirs(args), ours(args)]);
    expect([o.stdout, o.stderr]).toEqual([t.stdout, t.stderr]);
    expect(t.stderr).toBe("Unable to find sensor id 'CPU Temp'\n");
    expect([t.code, o.code]).toEqual([0, 1]);
  });

  it('--no-cache before the command name reads the SDR from the BMC (ipmitool refuses the word)', async () => {
    const live = await theirs(['sdr', 'elist', 'all']);
    const o = await ours(['--no-cache', 'sdr', 'elist', 'all']);
    expect([o.stdout, o.stderr, o.code]).toEqual([live.stdout, live.stderr, 0]);
    const refused = await theirs(['--no-cache', 'sdr', 'list']);
    expect(refused.stderr).toMatch(/invalid option -- '-'/);
  });
});
