// -S FILE inside a run: the file is read once, when the session opens, its complaints printed once
// even for a batch of commands; the commands ipmitool reads it for send no SDR request at all (only the
// readings), and `sensor list` still walks the BMC's repository, as ipmitool's does.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeRequester, ok } from '../../ipmi/commands/storage/fake-storage-bmc';
import { runCli } from '../run';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
// LAB vectors: CPU Temp (full, 10h) and P12V (full, 11h), as sdr dump writes them
const CPU_TEMP = hex(
  '010051013320001007017f680101950a950a3f3f0001000001000000000000000000ff005f5a5000050a0000000000c84350552054656d70',
);
const P12V = hex(
  '020051012f20001107017f680201950a950a0000000400004e00000000c000000000ff000000000000000000000000c450313256',
);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bmcdesk-sdr-file-run-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function run(args: string[], bmc: FakeRequester) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['-H', 'fake-bmc', '-E', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { IPMI_PASSWORD: 'x', BMCDESK_SDR_CACHE: 'off' },
    session: bmc,
  });
  return { stdout, stderr, code };
}

describe('-S FILE in a run', () => {
  it('lists the file with readings from the BMC and asks the BMC for no SDR', async () => {
    // raw 0x28 = 40: CPU Temp 1 °C per count, P12V 40 x 78 x 10^-4 V
    const file = join(dir, 'good.bin');
    await writeFile(file, Buffer.concat([CPU_TEMP, P12V]));
    const bmc = new FakeRequester({ 0x2d: () => ok('28 c0 c0') });
    const r = await run(['-S', file, 'sdr', 'list'], bmc);
    expect(r).toEqual({
      stdout: 'CPU Temp         | 40 degrees C      | ok\nP12V             | 0.31 Volts        | ok\n',
      stderr: '',
      code: 0,
    });
    expect(new Set(bmc.sent.map((s) => s.cmd))).toEqual(new Set([0x2d]));
  });

  it('a damaged file is reported once for a batch of commands', async () => {
    const file = join(dir, 'cut.bin');
    await writeFile(file, Buffer.concat([CPU_TEMP, P12V.subarray(0, 10)]));
    const batch = join(dir, 'batch.txt');
    await writeFile(batch, 'sdr list\nsensor get "CPU Temp"\nsdr elist\n');
    const bmc = new FakeRequester({ 0x2d: () => ok('28 c0 c0') });
    const r = await run(['-S', file, 'exec', batch], bmc);
    expect(r.stderr.match(/record 0002 read 5 bytes, expected 47\n/g)).toHaveLength(1);
    expect(r.stderr.startsWith('record 0002 read 5 bytes')).toBe(true);
    expect(r.stdout).toContain('CPU Temp         | 40 degrees C      | ok\n');
    expect(r.stdout).not.toContain('P12V');
  });

  it('sensor list ignores the file and reads the repository, as ipmitool does', async () => {
    const file = join(dir, 'good2.bin');
    await writeFile(file, CPU_TEMP);
    const bmc = new FakeRequester({ 0x2d: () => ok('28 c0 c0') });
    await run(['-S', file, 'sensor', 'list'], bmc);
    expect(bmc.sent[0]).toMatchObject({ netFn: 0x0a, cmd: 0x20 }); // Get SDR Repository Info
  });

  it('no session, no file: `sdr help` neither logs in nor reads it', async () => {
    const bmc = new FakeRequester({});
    const r = await run(['-S', join(dir, 'missing.bin'), 'sdr', 'help'], bmc);
    expect(r.stderr).not.toContain('missing.bin');
    expect(bmc.sent).toEqual([]);
  });
});
