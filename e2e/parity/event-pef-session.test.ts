// Parity: `event`, `pef` and `session` through ipmitool 1.8.19 (`-I lanplus -C 3`) and our CLI
// in-process against lab BMCs; stdout, stderr and exit status must be identical.
// ipmi_sim 2.0.33 has no Platform Event Message (0xC1) and no Get Last Processed Event ID, so here the
// events fail to send exactly as ipmitool's do (the delivered events are read back from the pyghmi SEL
// BMC in sel-event-pyghmi.test.ts). ipmi_sim does answer
// Get PEF Capabilities, the PEF configuration parameters and Get Session Info.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool, startLabBmc, type LabBmc } from '../lab/bmc-lab';
import { sharedLabBmc } from '../lab/shared-lab';
import { runBmcdesk, tempSdrCacheDir } from './run-bmcdesk';

const cacheDir = tempSdrCacheDir();
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bmcdesk-event-'));
  await writeFile(
    join(dir, 'events.txt'),
    [
      '# ipmitool event file: 7 bytes per line, comments after #',
      '',
      '0x04 0x01 0x30 0x01 0x09 0xff 0xff # temperature',
      '   0x04 0x02 zz',
      '0x04 0x02',
    ].join('\n'),
  );
  await writeFile(join(dir, 'bad-first.txt'), '0x04 0x02 0x60\n0x04 0x0c 0x53 0x6f 0x00 0xff 0xff\n');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// Session listings count every open session, so they run one tool at a time against a private lab
// BMC that nothing else talks to; events go there too; the rest runs against the shared one.
let privateBmc: LabBmc | undefined;
beforeAll(async () => {
  privateBmc = await startLabBmc({ satellite: false });
});
afterAll(async () => {
  await privateBmc?.stop();
});

async function both(args: string[]) {
  const env = { TZ: 'UTC' };
  // events go to the private BMC too: an ipmi_sim that did log them must not change the shared SEL
  const own = args.includes('session') || args.includes('event');
  const bmc = own ? privateBmc! : sharedLabBmc();
  const theirs = await ipmitool(bmc, args, { env });
  const ours = await runBmcdesk(bmc.port, args, { env: { ...env, BMCDESK_SDR_CACHE_DIR: cacheDir() } });
  return { theirs, ours };
}

function expectSame(r: Awaited<ReturnType<typeof both>>) {
  expect(r.ours.stdout).toBe(r.theirs.stdout);
  expect(r.ours.stderr).toBe(r.theirs.stderr);
  expect(r.ours.code).toBe(r.theirs.code);
}

const file = (name: string) => () => join(dir, name);

const CASES: (string | (() => string))[][] = [
  // session: ipmi_sim answers 6 bytes for our own session and 3 for empty slots
  ['session', 'info', 'active'],
  ['session', 'info', 'all'],
  ['session', 'info', 'id', '1'],
  ['session', 'info', 'handle', '1'],
  ['session', 'info', 'handle', '0x3f'],
  ['-c', 'session', 'info', 'active'],
  ['-c', 'session', 'info', 'all'],
  ['session'],
  ['session', 'help'],
  ['session', 'info'],
  ['session', 'info', 'bogus'],
  ['session', 'info', 'id'],
  ['session', 'info', 'id', 'x'],
  ['session', 'info', 'handle', '0x100000000'],
  ['session', 'bogus'],
  // pef: info and policy list decode ipmi_sim's replies; status fails on its missing command
  ['pef', 'info'],
  ['-c', 'pef', 'info'],
  ['pef', 'status'],
  ['pef', 'policy', 'list'],
  ['pef', 'filter', 'list'], // 16 disabled filters, and ipmi_sim refuses the 16th it announced
  ['pef', 'filter', 'help'],
  ['pef', 'filter'],
  ['pef', 'filter', 'bogus'],
  ['pef', 'filter', 'create'],
  ['pef'],
  ['pef', 'help'],
  ['pef', 'list'],
  ['pef', 'bogus'],
  ['pef', 'policy'],
  ['pef', 'policy', 'help'],
  ['pef', 'policy', 'bogus'],
  ['pef', 'policy', 'create'],
  ['pef', 'capabilities'],
  ['pef', 'timer'],
  // event: shown as ipmitool shows it, then refused by ipmi_sim
  ['event', '1'],
  ['event', '2'],
  ['event', '3'],
  ['-c', 'event', '3'],
  ['event'],
  ['event', 'help'],
  ['event', 'file'],
  ['event', '4'],
  ['event', 'file', '/nonexistent/events.txt'],
  ['event', 'file', file('events.txt')],
  // from a threshold sensor's thresholds and hysteresis (ipmi_sim answers both)
  ['event', 'CPU Temp', 'ucr'],
  ['event', 'CPU Temp', 'lnc', 'deassert'],
  ['event', 'CPU Temp', 'unr', 'assert'],
  ['event', 'FAN1', 'lcr'],
  ['event', 'P12V', 'unc'],
  ['event', 'CPU Temp'],
  ['event', 'CPU Temp', 'list'],
  ['event', 'CPU Temp', 'bogus'],
  ['event', 'CPU Temp', 'ucr', 'sideways'],
  ['event', 'Board FRU', 'ucr'],
  ['event', 'No Such Sensor', 'ucr'],
  ['event', 'file', file('bad-first.txt')],
];

describe('event / pef / session parity with ipmitool 1.8.19', () => {
  it.each(CASES.map((c) => [c.map((a) => (typeof a === 'string' ? a : '<file>')).join(' '), c] as const))(
    '%s',
    async (_n, spec) => {
      const r = await both(spec.map((a) => (typeof a === 'string' ? a : a())));
      expectSame(r);
    },
  );

  it('really decodes: pef info shows the lab GUID and ipmi_sim action bits; session shows our user', async () => {
    const info = await both(['pef', 'info']);
    expect(info.ours.stdout).toContain('a1234567-89ab-cdef-a123-456789abcdef');
    const s = await both(['session', 'info', 'active']);
    expect(s.ours.stdout).toContain('privilege level               : ADMINISTRATOR\n');
  });

  it('session info over IPMI 1.5 (-I lan): session type IPMIv1.5', async () => {
    const args = ['session', 'info', 'active'];
    const theirs = await ipmitool(privateBmc!, args, { env: { TZ: 'UTC' }, iface: 'lan', authType: 'MD5' });
    const ours = await runBmcdesk(privateBmc!.port, args, { transport: ['-I', 'lan', '-A', 'MD5'] });
    expect(theirs.stdout).toContain('session type                  : IPMIv1.5\n');
    expect([ours.stdout, ours.stderr, ours.code]).toEqual([theirs.stdout, theirs.stderr, theirs.code]);
  });

  // ipmitool 1.8.19 bug: fopen() of a directory succeeds, fgets() then fails with EISDIR without ever
  // setting EOF, and `while (feof(fp) == 0)` spins forever. We report it and fail.
  it('event file on a directory: an error, not ipmitool endless loop', async () => {
    const ours = await runBmcdesk(privateBmc!.port, ['event', 'file', dir]);
    expect([ours.stdout, ours.stderr, ours.code]).toEqual([
      '',
      `Unable to open file ${dir}: Is a directory\n`,
      1,
    ]);
  });
});
