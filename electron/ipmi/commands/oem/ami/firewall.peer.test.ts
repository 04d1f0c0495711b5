// The AMI firewall commands against real peers:
//  - the pyghmi AMI firewall BMC (e2e/lab/ami-firewall-bmc.py): every change made with our stack is read
//    back independently, from the BMC's own JSON dump of its rule table and with `ipmitool raw 0x32 0x77`,
//    and must have changed exactly what was asked;
//  - ipmi_sim (the shared lab BMC), which has no NetFn 0x32 handler: the 'unsupported' error.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type IpmiSession } from '../../../client/connect';
import { IpmiError } from '../../../errors';
import { runBmcdesk } from '../../../../../e2e/parity/run-bmcdesk';
import { LAB_USERS, ipmitool, type LabUser } from '../../../../../e2e/lab/bmc-lab';
import { ipmitoolRaw as ipmitoolRawAs } from '../../../../../e2e/lab/ipmi-tools';
import {
  startAmiFirewallBmc,
  type AmiFirewallBmc,
  type FirewallState,
} from '../../../../../e2e/lab/ami-firewall-bmc';
import { sharedLabBmc } from '../../../../../e2e/lab/shared-lab';
import {
  FirewallLockoutError,
  addFirewallRule,
  firewallDropAll,
  firewallRemoveDropAll,
  flushFirewall,
  readFirewall,
  removeFirewallRule,
} from './firewall';
import type { FirewallRule } from './firewall-layout';
import { FirewallLayoutMemory } from './firewall-layout-memory';

const sessions: IpmiSession[] = [];
/**
 * A session on the process-wide UDP socket, as the app and the CLI use it: every session of this file
 * comes from the same client port, which the pyghmi BMC must tell apart by session ID (it frees a
 * session on Close Session).
 */
async function open(target: { host: string; port: number }, user: LabUser): Promise<IpmiSession> {
  const s = await connect({
    host: target.host,
    port: target.port,
    username: user.name,
    password: user.password,
    privilege: user.privilege,
    cipherSuite: 3,
    // generous: under load a retransmitted Open Session reaches pyghmi's half-made session and confuses it
    timeoutMs: 3000,
  });
  sessions.push(s);
  return s;
}
/** readFirewall with nothing learned beforehand; the reading must be decoded (these peers answer ami-v1). */
async function readKnown(s: IpmiSession) {
  const reading = await readFirewall(s, { memory: new FirewallLayoutMemory() });
  if (reading.layout !== 'known') throw new Error(`expected a decoded reading, got: ${reading.note}`);
  expect(reading.layoutIds).toEqual(['ami-v1']);
  return { rules: reading.rules, blockAll: reading.blockAll };
}
afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close().catch(() => undefined)));
});

/** `ipmitool raw` as an independent reader: the reply bytes, or the completion code it reports. */
const ipmitoolRaw = (bmc: AmiFirewallBmc, bytes: number[], user = bmc.users.admin) =>
  ipmitoolRawAs(bmc, bytes, { user });

/** The rule table as ipmitool reads it: count (0x77 0x00), each entry (0x77 0x01 i), block-all (0x77 0x02). */
async function ipmitoolTable(bmc: AmiFirewallBmc): Promise<{ entries: number[][]; blockAll: number }> {
  const count = await ipmitoolRaw(bmc, [0x32, 0x77, 0x00]);
  expect(count.cc).toBe(0);
  const entries: number[][] = [];
  for (let i = 0; i < count.data[0]!; i++) {
    const e = await ipmitoolRaw(bmc, [0x32, 0x77, 0x01, i]);
    expect(e.cc).toBe(0);
    entries.push(e.data);
  }
  const blockAll = await ipmitoolRaw(bmc, [0x32, 0x77, 0x02]);
  return { entries, blockAll: blockAll.data[0]! };
}

const WINDOW = {
  start: { year: 2030, month: 1, day: 2, hour: 3, minute: 4 },
  stop: { year: 2030, month: 12, day: 31, hour: 23, minute: 59 },
};
// 2030 = 0x07EE, LS byte first; then month, day, hour, minute for start and stop
const WINDOW_BYTES = [0xee, 0x07, 1, 2, 3, 4, 0xee, 0x07, 12, 31, 23, 59];

/** A rule, what the BMC's JSON dump must show for it, and the Get entry bytes ipmitool must read. */
const KINDS: Array<[string, FirewallRule, FirewallState['rules'][number], number[]]> = [
  [
    'ACCEPT one IPv4 address',
    { kind: 'ip', state: 'accept', address: '10.20.30.40' },
    { type: 0, state: 'accept', body: '0a141e28', ip: '10.20.30.40' },
    [0x00, 0x01, 10, 20, 30, 40],
  ],
  [
    'DROP one IPv4 address',
    { kind: 'ip', state: 'drop', address: '192.0.2.66' },
    { type: 0, state: 'drop', body: 'c0000242', ip: '192.0.2.66' },
    [0x00, 0x00, 192, 0, 2, 66],
  ],
  [
    'ACCEPT an IPv4 range',
    { kind: 'range', state: 'accept', start: '10.0.0.1', end: '10.0.0.50' },
    { type: 1, state: 'accept', body: '0a0000010a000032', start: '10.0.0.1', end: '10.0.0.50' },
    [0x01, 0x01, 10, 0, 0, 1, 10, 0, 0, 50],
  ],
  [
    'DROP an IPv4 range',
    { kind: 'range', state: 'drop', start: '198.51.100.0', end: '198.51.100.255' },
    { type: 1, state: 'drop', body: 'c6336400c63364ff', start: '198.51.100.0', end: '198.51.100.255' },
    [0x01, 0x00, 198, 51, 100, 0, 198, 51, 100, 255],
  ],
  [
    'DROP TCP port 22',
    { kind: 'port', state: 'drop', protocol: 'tcp', port: 22 },
    { type: 2, state: 'drop', body: '001600', protocol: 'tcp', port: 22 },
    [0x02, 0x00, 0x00, 0x16, 0x00],
  ],
  [
    'ACCEPT UDP/TCP port 8443',
    { kind: 'port', state: 'accept', protocol: 'both', port: 8443 },
    { type: 2, state: 'accept', body: '02fb20', protocol: 'both', port: 8443 },
    [0x02, 0x01, 0x02, 0xfb, 0x20],
  ],
  [
    'ACCEPT UDP ports 1000-2000',
    { kind: 'port-range', state: 'accept', protocol: 'udp', start: 1000, end: 2000 },
    { type: 3, state: 'accept', body: '01e803d007', protocol: 'udp', port: 1000, endPort: 2000 },
    [0x03, 0x01, 0x01, 0xe8, 0x03, 0xd0, 0x07],
  ],
  [
    'DROP TCP ports 3000-3999',
    { kind: 'port-range', state: 'drop', protocol: 'tcp', start: 3000, end: 3999 },
    { type: 3, state: 'drop', body: '00b80b9f0f', protocol: 'tcp', port: 3000, endPort: 3999 },
    [0x03, 0x00, 0x00, 0xb8, 0x0b, 0x9f, 0x0f],
  ],
  [
    'timed ACCEPT IPv4 address',
    { kind: 'ip', state: 'accept', address: '10.9.8.7', window: WINDOW },
    {
      type: 11,
      state: 'accept',
      body: '0a090807' + Buffer.from(WINDOW_BYTES).toString('hex'),
      ip: '10.9.8.7',
      start: '2030-01-02T03:04',
      stop: '2030-12-31T23:59',
    },
    [0x0b, 0x01, 10, 9, 8, 7, ...WINDOW_BYTES],
  ],
  [
    'timed DROP IPv4 range',
    { kind: 'range', state: 'drop', start: '203.0.113.1', end: '203.0.113.9', window: WINDOW },
    {
      type: 12,
      state: 'drop',
      body: 'cb007101cb007109' + Buffer.from(WINDOW_BYTES).toString('hex'),
      // the dump's start/stop keys carry the window here, overwriting the range ends (lab file's choice)
      start: '2030-01-02T03:04',
      end: '203.0.113.9',
      stop: '2030-12-31T23:59',
    },
    [0x0c, 0x00, 203, 0, 113, 1, 203, 0, 113, 9, ...WINDOW_BYTES],
  ],
  [
    'timed DROP UDP port 5000',
    { kind: 'port', state: 'drop', protocol: 'udp', port: 5000, window: WINDOW },
    {
      type: 13,
      state: 'drop',
      body: '018813' + Buffer.from(WINDOW_BYTES).toString('hex'),
      protocol: 'udp',
      port: 5000,
      start: '2030-01-02T03:04',
      stop: '2030-12-31T23:59',
    },
    [0x0d, 0x00, 0x01, 0x88, 0x13, ...WINDOW_BYTES],
  ],
  [
    'timed ACCEPT TCP ports 6000-6100',
    { kind: 'port-range', state: 'accept', protocol: 'tcp', start: 6000, end: 6100, window: WINDOW },
    {
      type: 14,
      state: 'accept',
      body: '007017d417' + Buffer.from(WINDOW_BYTES).toString('hex'),
      protocol: 'tcp',
      port: 6000,
      endPort: 6100,
      start: '2030-01-02T03:04',
      stop: '2030-12-31T23:59',
    },
    [0x0e, 0x01, 0x00, 0x70, 0x17, 0xd4, 0x17, ...WINDOW_BYTES],
  ],
];

describe('AMI firewall against the pyghmi AMI BMC', () => {
  let bmc: AmiFirewallBmc;
  let admin: IpmiSession;
  const BASELINE: FirewallRule = { kind: 'ip', state: 'drop', address: '192.0.2.200' };
  const BASELINE_DUMP = { type: 0, state: 'drop', body: 'c00002c8', ip: '192.0.2.200' };

  beforeAll(async () => {
    bmc = await startAmiFirewallBmc();
    admin = await open(bmc, bmc.users.admin);
  });
  afterAll(async () => {
    await bmc?.stop();
  });
  beforeEach(async () => {
    // Known state for each test, set up with ipmitool (flush, then one unrelated DROP rule) so the
    // check "only that changed" has something to leave alone.
    expect((await ipmitoolRaw(bmc, [0x32, 0x76, 0x08, 0x00])).cc).toBe(0);
    expect((await ipmitoolRaw(bmc, [0x32, 0x76, 0x00, 0x00, 192, 0, 2, 200])).cc).toBe(0);
    expect(bmc.rules()).toEqual({ blockAll: 0, rules: [BASELINE_DUMP] });
  });

  it.each(KINDS)('add then remove: %s', async (_name, rule, dump, entry) => {
    await addFirewallRule(admin, rule, { sourceAddress: '127.0.0.1' });
    expect(bmc.rules()).toEqual({ blockAll: 0, rules: [BASELINE_DUMP, dump] });
    expect(await ipmitoolTable(bmc)).toEqual({ entries: [[0x00, 0x00, 192, 0, 2, 200], entry], blockAll: 0 });
    // and our own reader agrees
    expect(await readKnown(admin)).toEqual({
      rules: [
        { ...BASELINE, index: 0, type: 0 },
        { ...rule, index: 1, type: entry[0] },
      ],
      blockAll: { active: false, raw: 0 },
    });

    await removeFirewallRule(admin, rule, { sourceAddress: '127.0.0.1' });
    expect(bmc.rules()).toEqual({ blockAll: 0, rules: [BASELINE_DUMP] });
    expect(await ipmitoolTable(bmc)).toEqual({ entries: [[0x00, 0x00, 192, 0, 2, 200]], blockAll: 0 });
  });

  it('drop-all is refused without an ACCEPT rule for 127.0.0.1, accepted after one is added', async () => {
    const everything = { kind: 'drop-all' as const, ipv4: true, ipv6: true };
    // our source address is discovered, not passed: a socket routed to 127.0.0.1 has local address 127.0.0.1
    const e = await firewallDropAll(admin, everything).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FirewallLockoutError);
    expect((e as FirewallLockoutError).sourceAddress).toBe('127.0.0.1');
    // a typed refusal: kind 'lockout' and the guard's reason code, not only words
    expect(e).toMatchObject({ kind: 'lockout', reasons: ['firewall-drop-all-uncovered'] });
    expect(bmc.rules()).toEqual({ blockAll: 0, rules: [BASELINE_DUMP] });
    expect((await ipmitoolRaw(bmc, [0x32, 0x77, 0x02])).data).toEqual([0]);

    // a DROP rule for our own address is refused the same way
    await expect(
      addFirewallRule(admin, { kind: 'ip', state: 'drop', address: '127.0.0.1' }),
    ).rejects.toBeInstanceOf(FirewallLockoutError);
    expect(bmc.rules().rules).toEqual([BASELINE_DUMP]);

    await addFirewallRule(admin, { kind: 'ip', state: 'accept', address: '127.0.0.1' });
    await firewallDropAll(admin, everything);
    expect(bmc.rules()).toEqual({
      blockAll: 3,
      rules: [BASELINE_DUMP, { type: 0, state: 'accept', body: '7f000001', ip: '127.0.0.1' }],
    });
    expect((await ipmitoolRaw(bmc, [0x32, 0x77, 0x02])).data).toEqual([3]);
    expect((await readKnown(admin)).blockAll).toEqual({ active: true, raw: 3 });

    // with drop-all on, removing that only ACCEPT rule would cut us off
    await expect(
      removeFirewallRule(admin, { kind: 'ip', state: 'accept', address: '127.0.0.1' }),
    ).rejects.toBeInstanceOf(FirewallLockoutError);
    expect(bmc.rules().rules).toHaveLength(2);

    await firewallRemoveDropAll(admin, { kind: 'drop-all', ipv4: true, ipv6: false });
    expect(bmc.rules().blockAll).toBe(2); // only the IPv4 bit cleared
    await firewallRemoveDropAll(admin, { kind: 'drop-all', ipv4: false, ipv6: true });
    expect(bmc.rules().blockAll).toBe(0);
  });

  it('timed drop-all (param 19) is guarded too, and lists as a drop-all entry with its window', async () => {
    const timed = { kind: 'drop-all' as const, ipv4: true, ipv6: false, window: WINDOW };
    await expect(firewallDropAll(admin, timed)).rejects.toBeInstanceOf(FirewallLockoutError);
    expect(bmc.rules()).toEqual({ blockAll: 0, rules: [BASELINE_DUMP] });
    await addFirewallRule(admin, { kind: 'ip', state: 'accept', address: '127.0.0.1' });
    await firewallDropAll(admin, timed);
    expect(bmc.rules().rules.at(-1)).toEqual({
      type: 19,
      state: 'drop',
      body: '01' + Buffer.from(WINDOW_BYTES).toString('hex'),
      flags: 1,
      start: '2030-01-02T03:04',
      stop: '2030-12-31T23:59',
    });
    expect((await ipmitoolTable(bmc)).entries.at(-1)).toEqual([0x13, 0x00, 0x01, ...WINDOW_BYTES]);
    expect((await readKnown(admin)).rules.at(-1)).toEqual({ ...timed, index: 2, type: 19 });
  });

  it('drop-all with the explicit override is sent without an ACCEPT rule', async () => {
    await firewallDropAll(
      admin,
      { kind: 'drop-all', ipv4: true, ipv6: false },
      { iUnderstandThisMayLockMeOut: true },
    );
    expect(bmc.rules()).toEqual({ blockAll: 1, rules: [BASELINE_DUMP] });
  });

  it('flush empties the table and clears drop-all', async () => {
    await addFirewallRule(admin, { kind: 'ip', state: 'accept', address: '127.0.0.1' });
    await firewallDropAll(admin, { kind: 'drop-all', ipv4: true, ipv6: true });
    expect(bmc.rules().blockAll).toBe(3);
    await flushFirewall(admin);
    expect(bmc.rules()).toEqual({ blockAll: 0, rules: [] });
    expect(await ipmitoolTable(bmc)).toEqual({ entries: [], blockAll: 0 });
    expect(await readKnown(admin)).toEqual({ rules: [], blockAll: { active: false, raw: 0 } });
  });

  it('a USER-privilege session can list but not change (0xD4, kind privilege)', async () => {
    // pyghmi serves one live session per client address and port (real BMCs key them by session ID), and
    // every session here shares one socket: close the admin session, after which a new session from the
    // same socket must be answered (the BMC frees a session on Close Session).
    await admin.close();
    const user = await open(bmc, bmc.users.user);
    expect((await readKnown(user)).rules).toEqual([{ ...BASELINE, index: 0, type: 0 }]);
    const e = await addFirewallRule(user, { kind: 'ip', state: 'accept', address: '10.1.1.1' }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(IpmiError);
    expect((e as IpmiError).kind).toBe('privilege');
    expect((e as IpmiError).completionCode).toBe(0xd4);
    await expect(flushFirewall(user)).rejects.toMatchObject({ kind: 'privilege' });
    expect(bmc.rules()).toEqual({ blockAll: 0, rules: [BASELINE_DUMP] });
    await user.close();
    admin = await open(bmc, bmc.users.admin);
    expect((await readKnown(admin)).rules).toHaveLength(1);
  });

  it("the BMC's own refusals come back as completion-code errors with the firewall text", async () => {
    // TCP port 80 is refused by AMI (Dell guide: 0x83 "attempt to access HTTP port 80")
    const e = await addFirewallRule(admin, {
      kind: 'port',
      state: 'accept',
      protocol: 'tcp',
      port: 80,
    }).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'completion-code', completionCode: 0x83 });
    expect((e as Error).message).toContain('Attempt to access HTTP port 80');
    expect(bmc.rules().rules).toEqual([BASELINE_DUMP]);
  });
});

describe('bmcdesk firewall CLI against the pyghmi AMI BMC', () => {
  let bmc: AmiFirewallBmc;
  beforeAll(async () => {
    bmc = await startAmiFirewallBmc();
  });
  afterAll(async () => {
    await bmc?.stop();
  });

  it('bmcdesk firewall CLI: list, allow, deny, drop-all refusal and --force', async () => {
    const cli = async (...args: string[]) => {
      const r = await runBmcdesk(bmc.port, ['firewall', ...args], { user: bmc.users.admin });
      return { code: r.code, out: r.stdout, err: r.stderr };
    };
    expect(await cli('allow', 'range', '10.0.0.1', '10.0.0.50')).toEqual({
      code: 0,
      out: 'Added ACCEPT range 10.0.0.1-10.0.0.50\n',
      err: '',
    });
    expect((await cli('deny', 'ip', '192.0.2.200')).code).toBe(0);
    expect((await cli('deny', 'port', 'tcp', '22')).code).toBe(0);
    const list = await cli('list');
    expect(list.code).toBe(0);
    expect(list.out).toBe(
      [
        '#  Type   State   Protocol  Address/Port        Window',
        '0  range  ACCEPT  -         10.0.0.1-10.0.0.50  -',
        '1  ip     DROP    -         192.0.2.200         -',
        '2  port   DROP    tcp       22                  -',
        'Drop-all: off',
        '',
      ].join('\n'),
    );
    const refused = await cli('drop-all');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('drop-all would cut off 127.0.0.1');
    expect(bmc.rules().blockAll).toBe(0);
    const forced = await cli('drop-all', 'ipv4', '--force');
    expect(forced.code).toBe(0);
    expect(bmc.rules().blockAll).toBe(1);
    const bad = await cli('allow', 'ip', '300.1.1.1');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('not a dotted-quad');
  });
});

describe('AMI firewall against a BMC that pads entries to the AMI union size', () => {
  let bmc: AmiFirewallBmc;
  beforeAll(async () => {
    bmc = await startAmiFirewallBmc({ pad: true });
  });
  afterAll(async () => {
    await bmc?.stop();
  });
  it('decodes by TYPE and ignores the padding', async () => {
    const s = await open(bmc, bmc.users.admin);
    await addFirewallRule(s, { kind: 'port', state: 'accept', protocol: 'udp', port: 623 });
    const entry = await ipmitoolRaw(bmc, [0x32, 0x77, 0x01, 0x00]);
    expect(entry.data).toHaveLength(22); // TYPE, state, 20-byte union: the padding is really there
    expect((await readKnown(s)).rules).toEqual([
      { kind: 'port', state: 'accept', protocol: 'udp', port: 623, index: 0, type: 2 },
    ]);
  });
});

describe('AMI firewall against ipmi_sim (no AMI extension)', () => {
  const lab = sharedLabBmc();
  it('reports kind unsupported, naming the host, instead of a hex completion code', async () => {
    const s = await open(lab, LAB_USERS.admin);
    const e = await readFirewall(s).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IpmiError);
    expect((e as IpmiError).kind).toBe('unsupported');
    expect((e as IpmiError).message).toMatch(/^127\.0\.0\.1: this BMC has no AMI firewall extension/);
    await expect(flushFirewall(s)).rejects.toMatchObject({ kind: 'unsupported', host: '127.0.0.1' });
    // ipmitool, asked the same, reports the completion code we translated: 0xC1 Invalid command
    const reference = await ipmitool(lab, ['raw', '0x32', '0x77', '0x00']);
    expect(reference.code).not.toBe(0);
    expect(reference.stderr).toContain('rsp=0xc1');
  });
  it('bmcdesk firewall list says the same and exits 1', async () => {
    const { stderr: err, code } = await runBmcdesk(lab.port, ['firewall', 'list']);
    expect(code).toBe(1);
    expect(err).toContain('127.0.0.1: this BMC has no AMI firewall extension');
  });
});
