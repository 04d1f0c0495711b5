// Parity on the pyghmi SEL BMC (e2e/lab/pyghmi-sel-bmc.py), for what ipmi_sim 2.0.33 cannot answer:
// events that are really delivered (Platform Event Message) and read back by ipmitool `sel list`,
// `pef status` and LAN alert destinations in `pef policy list`, Get Session Info with the console's
// address, and the Supermicro Get Board ID that names DIMMs in memory events. Each tool runs alone
// (they write to the same SEL), ipmitool 1.8.19 with `-I lanplus -C 3`.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool, type ToolResult } from '../lab/bmc-lab';
import { startPyghmiSelBmc, type PyghmiSelBmc } from '../lab/pyghmi-sel-bmc';
import { runBmcdesk } from './run-bmcdesk';

const env = { TZ: 'UTC' };
let dir = '';
let plain: PyghmiSelBmc | undefined;
let smc: PyghmiSelBmc | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bmcdesk-sel-pyghmi-'));
  [plain, smc] = await Promise.all([
    startPyghmiSelBmc(),
    // board 0x0726 (Brickland): ipmitool's "@DIMM<letter><n>(P<cpu>M<1|2>)" naming
    startPyghmiSelBmc({ manufacturerId: 10876, boardId: 0x0726, eventFilters: 0 }),
  ]);
});
afterAll(async () => {
  await Promise.all([plain?.stop(), smc?.stop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const ours = (bmc: PyghmiSelBmc, args: string[]) =>
  runBmcdesk(bmc.port, args, { env: { ...env, BMCDESK_SDR_CACHE_DIR: join(dir, `cache-${bmc.port}`) } });
const theirs = (bmc: PyghmiSelBmc, args: string[]) => ipmitool(bmc, args, { env });
const triple = (r: ToolResult) => [r.stdout, r.stderr, r.code];

async function expectSame(bmc: PyghmiSelBmc, args: string[]): Promise<ToolResult> {
  const t = await theirs(bmc, args);
  const o = await ours(bmc, args);
  expect(triple(o)).toEqual(triple(t));
  return o;
}

/** `sel list` lines without the date and time columns (the two tools log a second apart). */
async function selBodies(bmc: PyghmiSelBmc): Promise<string[]> {
  const r = await theirs(bmc, ['sel', 'list']);
  expect(r.code).toBe(0);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' | ').slice(3).join(' | '));
}

describe('event: delivered, then read back by ipmitool sel list', () => {
  it.each([['1'], ['2'], ['3']])('event %s', async (n) => {
    const before = (await selBodies(plain!)).length;
    const t = await theirs(plain!, ['event', n]);
    const o = await ours(plain!, ['event', n]);
    expect(triple(o)).toEqual(triple(t));
    expect(o.code).toBe(0);
    const after = await selBodies(plain!);
    // both events were logged, identically (generator = the requester address both send from)
    expect(after).toHaveLength(before + 2);
    expect(after[after.length - 1]).toBe(after[after.length - 2]);
  });

  it('the logged events read the same through both tools, as sel list, elist (DIMM ECC from the SDR) and -c', async () => {
    for (const args of [
      ['sel', 'list'],
      ['sel', 'elist'],
      ['-c', 'sel', 'elist'],
      ['sel', 'get', '5', '6'],
    ]) {
      const o = await expectSame(plain!, args);
      if (args[1] === 'elist') expect(o.stdout).toMatch(/Memory DIMM ECC[ ,|]+Correctable ECC/);
    }
  });

  it('event file: comments, a bad line, three events; ipmitool sees them all', async () => {
    const file = join(dir, 'events.txt');
    await writeFile(
      file,
      [
        '# written by hand',
        '0x04 0x01 0x30 0x01 0x07 0xff 0xff   # upper non-critical going high',
        '0x04 0x02 0x61',
        '0x04 0x0c 0x53 0xef 0x00 0xff 0xff',
        '0x04 0x08 0x20 0x6f 0x01 0xff 0xff extra tokens ignored',
        '',
      ].join('\n'),
    );
    const before = (await selBodies(plain!)).length;
    const t = await theirs(plain!, ['event', 'file', file]);
    const o = await ours(plain!, ['event', 'file', file]);
    expect(triple(o)).toEqual(triple(t));
    expect(o.stderr).toBe('Invalid Event: 04026100000000\n');
    const after = await selBodies(plain!);
    const three = [
      'Temperature #0x30 | Upper Non-critical going high | Asserted',
      'Memory #0x53 | Correctable ECC | Deasserted',
      'Power Supply #0x20 | Failure detected | Asserted',
    ];
    expect(after.slice(before)).toEqual([...three, ...three]);
  });

  it('event <threshold sensor> <state> [dir]: built from its thresholds and hysteresis, read back', async () => {
    const before = (await selBodies(plain!)).length;
    for (const args of [
      ['event', 'Inlet Temp', 'ucr'],
      ['event', 'Inlet Temp', 'lnc', 'deassert'],
    ]) {
      const t = await theirs(plain!, args);
      const o = await ours(plain!, args);
      expect(triple(o)).toEqual(triple(t));
      expect(o.code).toBe(0);
    }
    const get = await theirs(plain!, ['sel', 'get', String(before + 2), String(before + 4)]);
    // ucr = 0x2d going high, trigger 0x2d + positive hysteresis 2; lnc = 0x05 deasserted (going high) + 2
    expect(get.stdout).toContain(' Event Data            : 592f2d\n');
    expect(get.stdout).toContain(' Event Data            : 510705\n');
    const after = await selBodies(plain!);
    expect(after.slice(before)).toEqual([
      'Temperature #0x30 | Upper Critical going high | Asserted',
      'Temperature #0x30 | Upper Critical going high | Asserted',
      'Temperature #0x30 | Lower Non-critical going high | Deasserted',
      'Temperature #0x30 | Lower Non-critical going high | Deasserted',
    ]);
  });

  it('sel save writes a file that event file replays, round trip through ipmitool', async () => {
    const saved = join(dir, 'saved.txt');
    const s = await ours(plain!, ['sel', 'save', saved]);
    expect(s.code).toBe(0);
    const t = await theirs(plain!, ['sel', 'save', join(dir, 'saved-theirs.txt')]);
    expect(triple(s)).toEqual(triple(t));
    const text = await readFile(saved, 'latin1');
    expect(text).toBe(await readFile(join(dir, 'saved-theirs.txt'), 'latin1'));
    const lines = text.split('\n').filter(Boolean);
    const before = await selBodies(plain!);
    const r = await ours(plain!, ['event', 'file', saved]);
    expect(r.code).toBe(0);
    const after = await selBodies(plain!);
    expect(after.slice(before.length)).toEqual(before.slice(0, lines.length));
  });
});

describe('pef and session, decoded from the richer pyghmi replies', () => {
  it.each(
    [
      ['pef', 'info'],
      ['pef', 'status'], // Get Last Processed Event ID: ipmi_sim lacks it
      ['pef', 'policy', 'list'], // a LAN destination (PET, community, address) and an IPMB one
      ['-c', 'pef', 'policy', 'list'],
      ['pef', 'filter', 'list'], // enabled threshold and sensor-specific filters, a disabled one
      ['pef', 'filter', 'help'],
    ].map((c) => [c.join(' '), c] as const),
  )('%s', async (_n, args) => {
    const o = await expectSame(plain!, args);
    if (args[1] === 'policy')
      expect(o.stdout).toContain(
        ' 1 | 1 | enabled | Match-always | 1 | 802.3 LAN | PET | public | 3 | 2 | 192.0.2.7 | 02:00:00:00:00:07\n',
      );
    if (args[1] === 'filter' && args[2] === 'list')
      expect(o.stdout).toBe(
        ' 1 | enabled, configurable | Temperature | Any | Critical | Threshold | (0x01/0x0a00),<UC,<UNR | Alert,Reset | 1\n' +
          ' 2 | disabled, pre-configured\n' +
          ' 3 | enabled, configurable | Memory | 83 | Warning | Discrete | Any | Power-off\n',
      );
    if (args[1] === 'status') expect(o.stdout).toMatch(/ \| PEF,PEF event messages \| Alert,Reset\n$/);
  });

  // The BMC reports each session's own UDP port: the tools differ there and nowhere else.
  it.each([
    ['session', 'info', 'active'],
    ['session', 'info', 'all'],
    ['-c', 'session', 'info', 'active'],
  ])('%s %s %s', async (...args: string[]) => {
    const port = /(console port\s+: |,)(\d+)\n/;
    const t = await theirs(plain!, args);
    const o = await ours(plain!, args);
    expect(o.stdout).toContain(
      args[0] === '-c' ? ',127.0.0.1,02:00:00:00:00:01,' : 'console ip                    : 127.0.0.1\n',
    );
    expect(o.stdout.replace(port, '$1P\n')).toBe(t.stdout.replace(port, '$1P\n'));
    expect([o.stderr, o.code]).toEqual([t.stderr, t.code]);
  });
});

describe('Supermicro with Get Board ID (pyghmi, manufacturer 10876, board 0x0726)', () => {
  it("pef filter list without a filter table: ipmitool's message", async () => {
    const o = await expectSame(smc!, ['pef', 'filter', 'list']);
    expect([o.stderr, o.code]).toEqual(["PEF Event Filtering isn't supported.\n", 1]);
  });

  it('memory, BMC-reset and other sensor-specific events read the same as in ipmitool', async () => {
    const file = join(dir, 'smc.txt');
    await writeFile(
      file,
      [
        '0x04 0x0c 0x53 0x6f 0x00 0x21 0x01', // correctable ECC, DIMM slot 0x21 on CPU 2
        '0x04 0x0c 0x53 0x6f 0x01 0x5a 0x02', // uncorrectable ECC
        '0x04 0xd0 0x53 0x6f 0x80 0x02 0xff', // Supermicro OEM sensor: BMC warm reset
        '0x04 0xd0 0x53 0x6f 0x80 0x07 0xff', // no such reset kind: empty suffix
        '0x04 0x08 0x20 0x6f 0x00 0xff 0xff', // presence detected ()
        '0x04 0x01 0x30 0x01 0x09 0xff 0xff', // threshold: no suffix
        '',
      ].join('\n'),
    );
    const sent = await ours(smc!, ['event', 'file', file]);
    const again = await theirs(smc!, ['event', 'file', file]);
    expect(triple(sent)).toEqual(triple(again));
    for (const args of [
      ['sel', 'list'],
      ['sel', 'elist'],
      ['-c', 'sel', 'list'],
      ['sel', 'get', '1', '3', '4', '5'],
    ])
      await expectSame(smc!, args);
    const list = await ours(smc!, ['sel', 'list']);
    expect(list.stdout).toContain('| Correctable ECC (@DIMMB-8(P2M1)) |');
    expect(list.stdout).toContain('| BMC warm reset |');
    expect(list.stdout).toContain('| Presence detected () |');
    const t = await theirs(smc!, ['sel', 'save', join(dir, 'smc-theirs.txt')]);
    const o = await ours(smc!, ['sel', 'save', join(dir, 'smc-ours.txt')]);
    expect(triple(o)).toEqual(triple(t));
    expect(await readFile(join(dir, 'smc-ours.txt'), 'latin1')).toBe(
      await readFile(join(dir, 'smc-theirs.txt'), 'latin1'),
    );
  });
});
