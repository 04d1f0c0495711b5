// Parity: ipmitool's `-c` (CSV) output of the reads scripts use most (sdr list/elist/type, sensor list,
// sel list/elist) and `sel get <id>...`, through ipmitool 1.8.19 (`-I lanplus -C 3`) and through our CLI
// in-process against the same shared lab BMC (read-only: nothing here writes). stdout, stderr and exit
// status must be identical. The lab SEL (e2e/lab/lab-sel.ts) has one record of each kind a client must
// render: pre-init, threshold with trigger values, sensor-specific, deasserted, OEM timestamped and not,
// events whose sensor has no SDR, and an event-only sensor.
import { describe, expect, it } from 'vitest';
import { ipmitool } from '../lab/bmc-lab';
import { sharedLabBmc } from '../lab/shared-lab';
import { runBmcdesk, tempSdrCacheDir } from './run-bmcdesk';

const cacheDir = tempSdrCacheDir();

async function both(args: string[], env: Record<string, string> = { TZ: 'UTC' }) {
  const bmc = sharedLabBmc();
  const theirs = await ipmitool(bmc, args, { env });
  const ours = await runBmcdesk(bmc.port, args, { env: { ...env, BMCDESK_SDR_CACHE_DIR: cacheDir() } });
  return { theirs, ours };
}

function expectSame(r: Awaited<ReturnType<typeof both>>) {
  expect(r.ours.stdout).toBe(r.theirs.stdout);
  expect(r.ours.stderr).toBe(r.theirs.stderr);
  expect(r.ours.code).toBe(r.theirs.code);
}

const CSV: string[][] = [
  ['sdr', 'list'],
  ['sdr', 'elist'],
  ['sdr', 'list', 'all'],
  ['sdr', 'elist', 'all'],
  ['sdr', 'list', 'full'],
  ['sdr', 'elist', 'compact'],
  ['sdr', 'list', 'event'],
  ['sdr', 'elist', 'mcloc'],
  ['sdr', 'list', 'fru'],
  ['sdr', 'type', 'Temperature'],
  ['sdr', 'type', '0x08'],
  ['sdr', 'type', 'Memory'],
  ['sensor', 'list'],
  ['sensor'],
  ['sel', 'list'],
  ['sel', 'elist'],
  ['sel', 'list', 'last', '3'],
  ['sel', 'elist', 'first', '2'],
];

describe('-c (CSV) parity with ipmitool 1.8.19', () => {
  it.each(CSV.map((c) => [c.join(' '), c] as const))('-c %s (cold cache, then warm)', async (_n, args) => {
    for (let pass = 0; pass < 2; pass++) {
      const r = await both(['-c', ...args]);
      expect(r.theirs.stdout.length).toBeGreaterThan(0);
      expect(r.theirs.stdout).toContain(',');
      expectSame(r);
    }
  });

  it('-c sdr list generic: the lab has no generic locators, both print nothing', async () => {
    const r = await both(['-c', 'sdr', 'list', 'generic']);
    expect(r.theirs.stdout).toBe('');
    expectSame(r);
  });

  it('-c sel list prints the SEL dates in the zone TZ names', async () => {
    const r = await both(['-c', 'sel', 'elist'], { TZ: 'America/New_York' });
    expect(r.theirs.stdout).toContain(',08:26:40 EDT,');
    expectSame(r);
  });

  it('the CSV sensor fields carry the same values as the table form', async () => {
    const table = await both(['sensor', 'list']);
    const csv = await both(['-c', 'sensor', 'list']);
    const cells = (line: string, sep: string) => line.split(sep).map((c) => c.trim());
    const tableRows = table.ours.stdout.trimEnd().split('\n');
    const csvRows = csv.ours.stdout.trimEnd().split('\n');
    expect(csvRows).toHaveLength(tableRows.length);
    // analog rows agree cell for cell (discrete rows differ in ipmitool itself: byte 1 vs state byte)
    const cpu = (rows: string[], sep: string) =>
      cells(
        rows.find((l) => l.startsWith('CPU Temp'))!,
        sep,
      );
    expect(cpu(csvRows, ',')).toEqual(cpu(tableRows, '|'));
  });
});

const GET: string[][] = [
  ['sel', 'get', '1'], // pre-init stamp, sensor-specific, discrete SDR sensor
  ['sel', 'get', '2'], // threshold with trigger reading and threshold, full SDR with thresholds
  ['sel', 'get', '3'],
  ['sel', 'get', '4'], // deasserted, event-only SDR record
  ['sel', 'get', '5'], // OEM timestamped
  ['sel', 'get', '6'], // OEM non-timestamped
  ['sel', 'get', '7'], // no SDR for the sensor
  ['sel', 'get', '8'], // threshold on a sensor whose thresholds cannot be read
  ['sel', 'get', '9'], // generator 0x41 (BIOS)
  ['sel', 'get', '0xa'],
  ['sel', 'get', '010'], // octal, as strtol reads it
  ['sel', 'get', '2', '8'],
  ['sel', 'get', '7', '2'], // no separator after a record without SDR (ipmitool's `continue`)
  ['sel', 'get', '4', '0xa', '6'],
  ['sel', 'get', '99'],
  ['sel', 'get', '2', '99', '3'],
  ['sel', 'get', 'x'],
  ['sel', 'get', '0x10000'],
  ['sel', 'get'],
  ['sel', 'get', 'help'],
  ['-c', 'sel', 'get', '1'],
  ['-c', 'sel', 'get', '2'],
  ['-c', 'sel', 'get', '4'],
  ['-c', 'sel', 'get', '8', '0xa'],
];

describe('sel get parity with ipmitool 1.8.19', () => {
  it.each(GET.map((c) => [c.join(' '), c] as const))('%s', async (_n, args) => {
    expectSame(await both(args));
  });

  it('prints the record dates in the zone TZ names', async () => {
    const r = await both(['sel', 'get', '2', '1'], { TZ: 'America/New_York' });
    expect(r.theirs.stdout).toContain(' Timestamp             : 09/13/20 09/13/20\n');
    expectSame(r);
  });
});
