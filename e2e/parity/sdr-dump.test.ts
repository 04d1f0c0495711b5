// Parity: `sdr dump FILE` writes the same bytes as ipmitool 1.8.19's dump of the same lab BMC, ipmitool
// reads our file back (`ipmitool -S FILE sdr list` equals its live `sdr list`), and refusals (no file
// name, a directory, a symbolic link, a missing directory) read and exit as ipmitool's.
import { mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool } from '../lab/bmc-lab';
import { splitSdrs } from '../lab/lab-sdrs';
import { sharedLabBmc } from '../lab/shared-lab';
import { runBmcdesk, tempSdrCacheDir } from './run-bmcdesk';

const cacheDir = tempSdrCacheDir();
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bmcdesk-sdr-dump-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const bmcdesk = (args: string[]) =>
  runBmcdesk(sharedLabBmc().port, args, { env: { TZ: 'UTC', BMCDESK_SDR_CACHE_DIR: cacheDir() } });

describe('sdr dump', () => {
  it.each(['cold', 'warm'])('writes the bytes ipmitool writes (%s cache)', async (pass) => {
    const theirsFile = join(dir, `theirs-${pass}.bin`);
    const oursFile = join(dir, `ours-${pass}.bin`);
    const theirs = await ipmitool(sharedLabBmc(), ['sdr', 'dump', theirsFile]);
    const ours = await bmcdesk(['sdr', 'dump', oursFile]);
    expect(ours.stdout).toBe(theirs.stdout.replace(theirsFile, oursFile));
    expect(ours.stdout).toBe(`Dumping Sensor Data Repository to '${oursFile}'\n`);
    expect(ours.stderr).toBe(theirs.stderr);
    expect(ours.code).toBe(theirs.code);
    const [a, b] = [await readFile(theirsFile), await readFile(oursFile)];
    // the file holds every record of the repository, back to back
    const info = await ipmitool(sharedLabBmc(), ['sdr', 'info']);
    const count = Number(/Record Count\s+: (\d+)/.exec(info.stdout)?.[1]);
    expect(splitSdrs(b)).toHaveLength(count);
    expect(count).toBeGreaterThan(20);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('is read back by ipmitool -S as the live SDR', async () => {
    const file = join(dir, 'readback.bin');
    expect((await bmcdesk(['sdr', 'dump', file])).code).toBe(0);
    for (const args of [
      ['sdr', 'list'],
      ['sdr', 'elist', 'all'],
    ]) {
      const live = await ipmitool(sharedLabBmc(), args);
      const fromFile = await ipmitool(sharedLabBmc(), ['-S', file, ...args]);
      expect(fromFile.stdout).toBe(live.stdout);
      expect(fromFile.code).toBe(0);
    }
  });

  it('overwrites an existing regular file, as ipmitool does', async () => {
    const file = join(dir, 'existing.bin');
    await writeFile(file, 'x'.repeat(5000));
    const theirsFile = join(dir, 'existing-theirs.bin');
    await writeFile(theirsFile, 'x'.repeat(5000));
    expect((await bmcdesk(['sdr', 'dump', file])).code).toBe(0);
    expect((await ipmitool(sharedLabBmc(), ['sdr', 'dump', theirsFile])).code).toBe(0);
    expect(Buffer.compare(await readFile(file), await readFile(theirsFile))).toBe(0);
  });

  it.each([
    ['no file name', () => []],
    ['a directory', () => [dir]],
    ['a missing directory', () => [join(dir, 'no', 'such', 'file.bin')]],
    ['a symbolic link', () => [join(dir, 'link.bin')]],
  ])('refuses %s like ipmitool', async (_what, file) => {
    await symlink(join(dir, 'target.bin'), join(dir, 'link.bin')).catch(() => undefined);
    const args = ['sdr', 'dump', ...file()];
    const theirs = await ipmitool(sharedLabBmc(), args);
    const ours = await bmcdesk(args);
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.stderr).toBe(theirs.stderr);
    expect(ours.stderr).not.toBe('');
    expect(ours.code).toBe(theirs.code);
    expect(ours.code).toBe(1);
    expect(await readdir(dir)).not.toContain('target.bin'); // nothing written through the link
  });
});
