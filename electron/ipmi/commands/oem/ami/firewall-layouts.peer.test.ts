// The layout-detecting firewall reader against the pyghmi AMI firewall BMC in each of its Get layouts
// (e2e/lab/ami-firewall-bmc.py --layout v1|v2|opaque): the documented form, a second plausible AMI
// generation, and replies that fit no known layout. For each: `firewall list` and readFirewall succeed
// (rules, or the raw replies with a note), writes are read back independently (the BMC's JSON dump and
// `ipmitool raw`), the lock-out guard's verdicts, and the per-host memory of the layout (datagrams
// counted from the session's own counter: the second list on the same host does not probe again).
// Sessions use -C 3 / cipherSuite 3: logging in to pyghmi without -C depends on the stack branch's fix
// (pyghmi answers every proposal with suite 3's algorithms).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type IpmiSession } from '../../../client/connect';
import { runBmcdesk } from '../../../../../e2e/parity/run-bmcdesk';
import { ipmitoolRaw as ipmitoolRawAs } from '../../../../../e2e/lab/ipmi-tools';
import {
  startAmiFirewallBmc,
  type AmiFirewallBmc,
  type AmiFirewallLayout,
} from '../../../../../e2e/lab/ami-firewall-bmc';
import { FirewallLockoutError, addFirewallRule, firewallDropAll, flushFirewall } from './firewall';
import { FirewallLayoutMemory } from './firewall-layout-memory';
import { readFirewall } from './firewall-read';

/** `ipmitool raw` as the independent reader: completion code and reply bytes as hex. */
async function ipmitoolRaw(bmc: AmiFirewallBmc, bytes: number[]): Promise<{ cc: number; hex: string }> {
  const { cc, data } = await ipmitoolRawAs(bmc, bytes, { user: bmc.users.admin });
  return { cc, hex: Buffer.from(data).toString('hex') };
}

const ACCEPT_US = { kind: 'ip', state: 'accept', address: '127.0.0.1' } as const;
const DROP_SSH = { kind: 'port', state: 'drop', protocol: 'tcp', port: 22 } as const;
const DUMP = [
  { type: 0, state: 'accept', body: '7f000001', ip: '127.0.0.1' },
  { type: 2, state: 'drop', body: '001600', protocol: 'tcp', port: 22 },
];
const DECODED = [
  { ...ACCEPT_US, index: 0, type: 0 },
  { ...DROP_SSH, index: 1, type: 2 },
];
const TABLE = [
  '#  Type  State   Protocol  Address/Port  Window',
  '0  ip    ACCEPT  -         127.0.0.1     -',
  '1  port  DROP    tcp       22            -',
];

/** Per layout: what the first and the second list cost (datagrams), and the list's first lines. */
const LAYOUTS: Array<[AmiFirewallLayout, { first: number; second: number }]> = [
  ['v1', { first: 5, second: 5 }], // count, 2 entries, is-block-all, count again: nothing to probe
  ['v2', { first: 6, second: 5 }], // + the 0xC7 to [0x00, 0x00] that taught the 1-byte form, once
  ['opaque', { first: 5, second: 5 }], // count, entry 0, entry 1, entry 2 (0xC9), is-block-all
];

describe.each(LAYOUTS)('AMI firewall BMC --layout %s', (layout, cost) => {
  let bmc: AmiFirewallBmc;
  let admin: IpmiSession;
  const memory = new FirewallLayoutMemory();
  const key = () => `127.0.0.1:${bmc.port}`;
  beforeAll(async () => {
    bmc = await startAmiFirewallBmc({ layout });
    admin = await connect({
      host: bmc.host,
      port: bmc.port,
      username: bmc.users.admin.name,
      password: bmc.users.admin.password,
      privilege: 'administrator',
      cipherSuite: 3,
      timeoutMs: 3000,
    });
  });
  afterAll(async () => {
    await admin?.close().catch(() => undefined);
    await bmc?.stop();
  });

  it('writes (Set is the same in every layout) are read back from the BMC dump and ipmitool raw', async () => {
    await addFirewallRule(admin, ACCEPT_US, { memory, hostKey: key() });
    await addFirewallRule(admin, DROP_SSH, { memory, hostKey: key(), sourceAddress: '127.0.0.1' });
    expect(bmc.rules()).toEqual({ blockAll: 0, rules: DUMP });
    // the seed's documented form answers in this layout's shape
    const entry0 = await ipmitoolRaw(bmc, [0x32, 0x77, 0x01, 0x00]);
    expect(entry0).toEqual({
      cc: 0,
      hex: {
        v1: '00017f000001',
        v2: '0000017f000001' + '00'.repeat(40),
        opaque: 'a10600017f000001',
      }[layout],
    });
  });

  it('list: decoded in v1 and v2, raw bytes per selector with a note when no layout fits', async () => {
    const fresh = new FirewallLayoutMemory();
    const before = admin.stats.sent;
    const reading = await readFirewall(admin, { memory: fresh, hostKey: key() });
    const first = admin.stats.sent - before;
    if (layout === 'opaque') {
      if (reading.layout !== 'unknown') throw new Error('expected the raw replies');
      expect(reading.note).toMatch(/^the Get Firewall replies fit no known layout \(rule count does not fit/);
      // each raw reply is exactly what ipmitool reads for the same request
      expect(reading.raw.map((r) => r.selector)).toEqual([
        'count',
        'entry 0',
        'entry 1',
        'entry 2',
        'is-block-all',
      ]);
      for (const r of reading.raw) {
        expect(await ipmitoolRaw(bmc, [0x32, 0x77, ...r.request])).toEqual({
          cc: r.completionCode,
          hex: Buffer.from(r.bytes).toString('hex'),
        });
      }
    } else {
      expect(reading).toEqual({
        layout: 'known',
        layoutIds: [layout === 'v1' ? 'ami-v1' : 'ami-v2'],
        rules: DECODED,
        blockAll: { active: false, raw: 0 },
      });
    }
    // the memory: the second list on the same host sends no probe again
    const again = admin.stats.sent;
    expect(await readFirewall(admin, { memory: fresh, hostKey: key() })).toEqual(reading);
    expect({ first, second: admin.stats.sent - again }).toEqual(cost);
  });

  it('the lock-out guard: drop-all is let through only where the ACCEPT rule for us can be read', async () => {
    const everything = { kind: 'drop-all' as const, ipv4: true, ipv6: true };
    if (layout === 'opaque') {
      const e = await firewallDropAll(admin, everything, { memory, hostKey: key() }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(FirewallLockoutError);
      expect((e as Error).message).toMatch(
        /^127\.0\.0\.1: refused, drop-all could cut off 127\.0\.0\.1: the rules in force are unknown \(the Get Firewall replies fit no known layout/,
      );
      await expect(
        addFirewallRule(
          admin,
          { kind: 'port', state: 'drop', protocol: 'udp', port: 623 },
          { memory, hostKey: key() },
        ),
      ).rejects.toBeInstanceOf(FirewallLockoutError);
      expect(bmc.rules()).toEqual({ blockAll: 0, rules: DUMP }); // nothing was sent
      await firewallDropAll(admin, everything, { iUnderstandThisMayLockMeOut: true });
    } else {
      await firewallDropAll(admin, everything, { memory, hostKey: key() });
    }
    expect(bmc.rules().blockAll).toBe(3);
    expect((await ipmitoolRaw(bmc, [0x32, 0x77, 0x02])).hex).toBe(layout === 'opaque' ? 'a20103' : '03');
    await flushFirewall(admin);
    expect(bmc.rules()).toEqual({ blockAll: 0, rules: [] });
  });

  it('bmcdesk firewall list and drop-all with no -C (pyghmi answers every proposal with suite 3)', async () => {
    // pyghmi keeps one session per client address and port, and the CLI shares this process's socket
    await admin.close();
    const cli = async (...args: string[]) => {
      const r = await runBmcdesk(bmc.port, ['firewall', ...args], {
        user: bmc.users.admin,
        transport: ['-I', 'lanplus'],
      });
      return { code: r.code, out: r.stdout, err: r.stderr };
    };
    expect((await cli('allow', 'ip', '127.0.0.1')).code).toBe(0);
    expect((await cli('deny', 'port', 'tcp', '22')).code).toBe(0);
    expect(bmc.rules()).toEqual({ blockAll: 0, rules: DUMP });
    const list = await cli('list');
    expect(list.code).toBe(0);
    expect(list.err).toBe('');
    if (layout === 'opaque') {
      expect(list.out.split('\n').slice(1)).toEqual([
        'Get Firewall (NetFn 0x32 cmd 0x77) replies, not decoded:',
        'Selector      Request  CC  Reply',
        'count         00 00    00  a0 01 02',
        'entry 0       01 00    00  a1 06 00 01 7f 00 00 01',
        'entry 1       01 01    00  a1 05 02 00 00 16 00',
        'entry 2       01 02    c9',
        'is-block-all  02 00    00  a2 01 00',
        '',
      ]);
      const refused = await cli('drop-all');
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(
        '127.0.0.1: refused, drop-all could cut off 127.0.0.1: the rules in force are unknown',
      );
      expect(bmc.rules().blockAll).toBe(0);
    } else {
      expect(list.out).toBe([...TABLE, 'Drop-all: off', ''].join('\n'));
      expect((await cli('drop-all')).code).toBe(0);
      expect(bmc.rules().blockAll).toBe(3);
    }
  });
});
