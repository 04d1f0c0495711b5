// Command-layer tests with a fake Requester: which bytes go out (and that nothing goes out for bad input
// or a refused lock-out), how completion codes map to errors, and the lock-out guard's decisions.
// Entry replies below are built in the documented Get layout (TYPE, State, body; see firewall-codec.test.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { IpmiError } from '../../../errors';
import type { IpmiRequest, IpmiResponse, Requester } from '../../../client/requester';
import { routeSourceAddress, sourceAddressOf } from '../../../client/source-address';
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
import { firewallLayoutMemory } from './firewall-layout-memory';
import type { FirewallReading } from './firewall-read';

// every fake has the same host name: start each test with nothing learned about it
beforeEach(() => firewallLayoutMemory.forget('bmc-under-test'));

function known(reading: FirewallReading) {
  if (reading.layout !== 'known') throw new Error(`expected a decoded reading, got: ${reading.note}`);
  return reading;
}

interface Sent {
  netFn: number;
  cmd: number;
  data: string;
}

/** Answers Get Firewall from `entries` / `blockAll`; answers every Set with `setCode`. Records everything. */
class FakeAmiBmc implements Requester {
  readonly host = 'bmc-under-test';
  readonly sent: Sent[] = [];
  entries: number[][] = [];
  blockAll = 0;
  setCode = 0;
  /** completion code for every request (e.g. 0xC1 for a BMC without the extension) */
  allCode = 0;
  /** called after each Get count, to simulate another client changing rules */
  onCount?: () => void;
  localAddress?: string;

  async raw(req: IpmiRequest): Promise<IpmiResponse> {
    const data = req.data ?? new Uint8Array();
    this.sent.push({ netFn: req.netFn, cmd: req.cmd, data: Buffer.from(data).toString('hex') });
    const ok = (d: number[]) => ({ completionCode: 0, data: Buffer.from(d) });
    if (this.allCode) return { completionCode: this.allCode, data: Buffer.alloc(0) };
    if (req.netFn !== 0x32) return { completionCode: 0xc1, data: Buffer.alloc(0) };
    if (req.cmd === 0x76) return { completionCode: this.setCode, data: Buffer.alloc(0) };
    if (req.cmd !== 0x77) return { completionCode: 0xc1, data: Buffer.alloc(0) };
    if (data[0] === 0) {
      const n = this.entries.length;
      this.onCount?.();
      return ok([n]);
    }
    if (data[0] === 2) return ok([this.blockAll]);
    const e = this.entries[data[1] ?? 0];
    return e ? ok(e) : { completionCode: 0xc9, data: Buffer.alloc(0) };
  }
  async request(req: IpmiRequest): Promise<Buffer> {
    const r = await this.raw(req);
    if (r.completionCode !== 0) throw new Error('unused in these tests');
    return r.data;
  }
  sets(): string[] {
    return this.sent.filter((s) => s.cmd === 0x76).map((s) => s.data);
  }
}

const ACCEPT_LOOPBACK = [0x00, 0x01, 127, 0, 0, 1]; // TYPE 0 IPv4, ACCEPT, 127.0.0.1
const ACCEPT_LOOPBACK_RANGE = [0x01, 0x01, 127, 0, 0, 0, 127, 0, 0, 255]; // TYPE 1, ACCEPT, 127.0.0.0-127.0.0.255
const TIMED_ACCEPT_LOOPBACK = [0x0b, 0x01, 127, 0, 0, 1, 0xe9, 7, 1, 1, 0, 0, 0xe9, 7, 1, 2, 0, 0]; // TYPE 11
const DROP_OTHER = [0x00, 0x00, 10, 0, 0, 9]; // TYPE 0, DROP, 10.0.0.9

const SRC = { sourceAddress: '127.0.0.1' };

async function caught(p: Promise<unknown>): Promise<IpmiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof IpmiError) return e;
    throw e;
  }
  throw new Error('expected an IpmiError');
}

describe('errors from the BMC', () => {
  it('0xC1 Invalid command means the BMC has no AMI firewall extension (kind unsupported, host named)', async () => {
    const bmc = new FakeAmiBmc();
    bmc.allCode = 0xc1;
    const e = await caught(readFirewall(bmc));
    expect(e.kind).toBe('unsupported');
    expect(e.message).toBe(
      'bmc-under-test: this BMC has no AMI firewall extension (AMI Get Firewall is an invalid command there)',
    );
    expect(e.host).toBe('bmc-under-test');
    expect(e.completionCode).toBe(0xc1);
  });
  it('0xD4 on Set is a privilege error', async () => {
    const bmc = new FakeAmiBmc();
    bmc.setCode = 0xd4;
    const e = await caught(flushFirewall(bmc));
    expect(e.kind).toBe('privilege');
  });
  it('0x83 on Set is reported with the firewall-specific text', async () => {
    const bmc = new FakeAmiBmc();
    bmc.setCode = 0x83;
    const e = await caught(
      addFirewallRule(bmc, { kind: 'port', state: 'accept', protocol: 'tcp', port: 80 }),
    );
    expect(e.kind).toBe('completion-code');
    expect(e.message).toContain('Attempt to access HTTP port 80');
  });
  it('a malformed entry reply is not decoded: the raw replies come back with the reason', async () => {
    const bmc = new FakeAmiBmc();
    bmc.entries = [[0x00, 0x01, 10]]; // IPv4 entry cut short
    const reading = await readFirewall(bmc);
    expect(reading.layout).toBe('unknown');
    if (reading.layout !== 'unknown') return;
    expect(reading.note).toContain(
      'entry 0 does not fit layout ami-v1: a body of 1 byte for rule type 0, expected 4 or 8 or 20',
    );
    expect(
      reading.raw.map((x) => [x.selector, x.completionCode, Buffer.from(x.bytes).toString('hex')]),
    ).toEqual([
      ['count', 0, '01'],
      ['entry 0', 0, '00010a'],
      ['is-block-all', 0, '00'],
    ]);
  });
});

describe('bad input is rejected with kind argument and nothing is sent', () => {
  const cases: Array<[string, (r: Requester) => Promise<unknown>]> = [
    ['bad IPv4', (r) => addFirewallRule(r, { kind: 'ip', state: 'accept', address: '1.2.3.400' })],
    [
      'range start > end',
      (r) => addFirewallRule(r, { kind: 'range', state: 'drop', start: '10.0.0.9', end: '10.0.0.1' }),
    ],
    ['port 0', (r) => addFirewallRule(r, { kind: 'port', state: 'drop', protocol: 'udp', port: 0 })],
    [
      'port 65536 on remove',
      (r) => removeFirewallRule(r, { kind: 'port', state: 'accept', protocol: 'udp', port: 65536 }),
    ],
    [
      'unknown protocol',
      (r) =>
        addFirewallRule(r, {
          kind: 'port',
          state: 'drop',
          protocol: 'sctp',
          port: 5,
        } as unknown as FirewallRule),
    ],
    [
      'drop-all with no family',
      (r) => firewallDropAll(r, { kind: 'drop-all', ipv4: false, ipv6: false }, SRC),
    ],
    [
      'remove drop-all with no family',
      (r) => firewallRemoveDropAll(r, { kind: 'drop-all', ipv4: false, ipv6: false }),
    ],
  ];
  it.each(cases)('%s', async (_name, f) => {
    const bmc = new FakeAmiBmc();
    const e = await caught(f(bmc));
    expect(e.kind).toBe('argument');
    expect(e.host).toBe('bmc-under-test');
    expect(e.message.startsWith('bmc-under-test: AMI firewall: ')).toBe(true);
    expect(bmc.sent).toEqual([]);
  });
});

describe('reading', () => {
  it('readFirewall walks count, entries, block-all, then re-checks the count', async () => {
    const bmc = new FakeAmiBmc();
    bmc.entries = [ACCEPT_LOOPBACK, DROP_OTHER];
    bmc.blockAll = 1;
    const fw = known(await readFirewall(bmc));
    expect(fw.layoutIds).toEqual(['ami-v1']);
    expect(fw.blockAll).toEqual({ active: true, raw: 1 });
    expect(fw.rules).toEqual([
      { kind: 'ip', state: 'accept', address: '127.0.0.1', index: 0, type: 0 },
      { kind: 'ip', state: 'drop', address: '10.0.0.9', index: 1, type: 0 },
    ]);
    expect(bmc.sent.map((s) => `${s.netFn.toString(16)}/${s.cmd.toString(16)}:${s.data}`)).toEqual([
      '32/77:0000',
      '32/77:0100',
      '32/77:0101',
      '32/77:0200',
      '32/77:0000',
    ]);
  });
  it('restarts the walk when the count changed meanwhile', async () => {
    const bmc = new FakeAmiBmc();
    bmc.entries = [ACCEPT_LOOPBACK];
    let counts = 0;
    bmc.onCount = () => {
      if (++counts === 1) bmc.entries = [ACCEPT_LOOPBACK, DROP_OTHER]; // another client adds a rule
    };
    const fw = known(await readFirewall(bmc));
    expect(fw.rules).toHaveLength(2);
  });
});

describe('lock-out protection', () => {
  const dropAll = { kind: 'drop-all' as const, ipv4: true, ipv6: true };

  it('drop-all is refused when no ACCEPT rule covers our address; only Gets were sent', async () => {
    const bmc = new FakeAmiBmc();
    bmc.entries = [DROP_OTHER];
    const e = await caught(firewallDropAll(bmc, dropAll, SRC));
    expect(e).toBeInstanceOf(FirewallLockoutError);
    expect((e as FirewallLockoutError).sourceAddress).toBe('127.0.0.1');
    expect(e.message).toContain('drop-all would cut off 127.0.0.1');
    expect(e).toMatchObject({
      kind: 'lockout',
      reasons: ['firewall-drop-all-uncovered'],
      netFn: 0x32,
      cmd: 0x76,
      command: 'AMI Set Firewall',
    });
    expect((e as FirewallLockoutError).reason.code).toBe('firewall-drop-all-uncovered');
    expect(bmc.sets()).toEqual([]);
    expect(bmc.sent.length).toBeGreaterThan(0);
  });
  it('drop-all is sent once an ACCEPT rule for our address is in place', async () => {
    const bmc = new FakeAmiBmc();
    bmc.entries = [DROP_OTHER, ACCEPT_LOOPBACK];
    await firewallDropAll(bmc, dropAll, SRC);
    expect(bmc.sets()).toEqual(['090003']);
  });
  it('an ACCEPT range containing our address counts', async () => {
    const bmc = new FakeAmiBmc();
    bmc.entries = [ACCEPT_LOOPBACK_RANGE];
    await firewallDropAll(bmc, dropAll, SRC);
    expect(bmc.sets()).toEqual(['090003']);
  });
  it('a timed ACCEPT rule does not count (it expires, the drop stays)', async () => {
    const bmc = new FakeAmiBmc();
    bmc.entries = [TIMED_ACCEPT_LOOPBACK];
    await expect(firewallDropAll(bmc, dropAll, SRC)).rejects.toBeInstanceOf(FirewallLockoutError);
    expect(bmc.sets()).toEqual([]);
  });
  it('an ACCEPT rule for another address does not count', async () => {
    const bmc = new FakeAmiBmc();
    bmc.entries = [[0x00, 0x01, 127, 0, 0, 2]];
    await expect(firewallDropAll(bmc, dropAll, SRC)).rejects.toBeInstanceOf(FirewallLockoutError);
  });
  it('the explicit override sends drop-all without reading anything', async () => {
    const bmc = new FakeAmiBmc();
    await firewallDropAll(bmc, dropAll, { iUnderstandThisMayLockMeOut: true });
    expect(bmc.sent.map((s) => s.data)).toEqual(['090003']);
  });
  it('our source address comes from the session when it exposes one', async () => {
    const bmc = new FakeAmiBmc();
    bmc.localAddress = '10.0.0.9';
    bmc.entries = [[0x00, 0x01, 10, 0, 0, 9]]; // ACCEPT 10.0.0.9
    await firewallDropAll(bmc, dropAll);
    expect(bmc.sets()).toEqual(['090003']);
  });
  it('IPv6 source: drop-all for IPv6 is refused (no IPv6 accept rules), IPv4-only drop-all is allowed', async () => {
    const bmc = new FakeAmiBmc();
    await expect(firewallDropAll(bmc, dropAll, { sourceAddress: 'fd00::5' })).rejects.toBeInstanceOf(
      FirewallLockoutError,
    );
    await firewallDropAll(bmc, { kind: 'drop-all', ipv4: true, ipv6: false }, { sourceAddress: 'fd00::5' });
    expect(bmc.sets()).toEqual(['090001']);
  });
  it('an IPv4-mapped IPv6 source is treated as IPv4', async () => {
    const bmc = new FakeAmiBmc();
    bmc.entries = [ACCEPT_LOOPBACK];
    await firewallDropAll(bmc, dropAll, { sourceAddress: '::ffff:127.0.0.1' });
    expect(bmc.sets()).toEqual(['090003']);
  });

  const deny: Array<[string, FirewallRule, boolean]> = [
    ['DROP our address', { kind: 'ip', state: 'drop', address: '127.0.0.1' }, true],
    [
      'DROP a range holding our address',
      { kind: 'range', state: 'drop', start: '127.0.0.0', end: '127.0.0.9' },
      true,
    ],
    ['DROP UDP 623', { kind: 'port', state: 'drop', protocol: 'udp', port: 623 }, true],
    [
      'DROP both-protocol ports 600-700',
      { kind: 'port-range', state: 'drop', protocol: 'both', start: 600, end: 700 },
      true,
    ],
    ['DROP another address', { kind: 'ip', state: 'drop', address: '10.1.1.1' }, false],
    ['DROP TCP 623 (RMCP is UDP)', { kind: 'port', state: 'drop', protocol: 'tcp', port: 623 }, false],
    ['DROP UDP 624-700', { kind: 'port-range', state: 'drop', protocol: 'udp', start: 624, end: 700 }, false],
  ];
  it.each(deny)('%s: refused without cover = %s, always sent with cover', async (_n, rule, risky) => {
    const bare = new FakeAmiBmc();
    if (risky) {
      await expect(addFirewallRule(bare, rule, SRC)).rejects.toBeInstanceOf(FirewallLockoutError);
      expect(bare.sets()).toEqual([]);
    } else {
      await addFirewallRule(bare, rule, SRC);
      expect(bare.sets()).toHaveLength(1);
    }
    const covered = new FakeAmiBmc();
    covered.entries = [ACCEPT_LOOPBACK];
    await addFirewallRule(covered, rule, SRC);
    expect(covered.sets()).toHaveLength(1);
  });

  it('ACCEPT rules are added without reading the rule set first', async () => {
    const bmc = new FakeAmiBmc();
    await addFirewallRule(bmc, { kind: 'ip', state: 'accept', address: '127.0.0.1' }, SRC);
    expect(bmc.sent.map((s) => s.data)).toEqual(['00017f000001']);
  });

  it('removing our only ACCEPT rule while drop-all is on is refused; with a second one it is sent', async () => {
    const rule: FirewallRule = { kind: 'ip', state: 'accept', address: '127.0.0.1' };
    const bmc = new FakeAmiBmc();
    bmc.entries = [ACCEPT_LOOPBACK];
    bmc.blockAll = 1;
    const e = await caught(removeFirewallRule(bmc, rule, SRC));
    expect(e.message).toContain('drop-all is on');
    expect(bmc.sets()).toEqual([]);
    bmc.entries = [ACCEPT_LOOPBACK, ACCEPT_LOOPBACK_RANGE];
    await removeFirewallRule(bmc, rule, SRC);
    expect(bmc.sets()).toEqual(['04017f000001']);
  });
  it('removing our only ACCEPT rule while a timed drop-all (type 19 entry) is listed is refused', async () => {
    const bmc = new FakeAmiBmc();
    // TYPE 19, state (ignored), IPv4, 2025-01-01 00:00 .. 2025-01-02 00:00
    bmc.entries = [ACCEPT_LOOPBACK, [0x13, 0x00, 0x01, 0xe9, 7, 1, 1, 0, 0, 0xe9, 7, 1, 2, 0, 0]];
    const e = await caught(
      removeFirewallRule(bmc, { kind: 'ip', state: 'accept', address: '127.0.0.1' }, SRC),
    );
    expect(e.message).toContain('a timed drop-all is set');
    expect(bmc.sets()).toEqual([]);
  });
  it('removing our only ACCEPT rule is fine when nothing drops us', async () => {
    const bmc = new FakeAmiBmc();
    bmc.entries = [ACCEPT_LOOPBACK, DROP_OTHER];
    await removeFirewallRule(bmc, { kind: 'ip', state: 'accept', address: '127.0.0.1' }, SRC);
    expect(bmc.sets()).toEqual(['04017f000001']);
  });
  it('removing a DROP rule never needs the guard', async () => {
    const bmc = new FakeAmiBmc();
    await removeFirewallRule(bmc, { kind: 'ip', state: 'drop', address: '127.0.0.1' });
    expect(bmc.sent.map((s) => s.data)).toEqual(['04007f000001']);
  });
  it('remove drop-all and flush are never refused', async () => {
    const bmc = new FakeAmiBmc();
    await firewallRemoveDropAll(bmc, { kind: 'drop-all', ipv4: true, ipv6: false });
    await flushFirewall(bmc);
    expect(bmc.sent.map((s) => s.data)).toEqual(['0a0001', '0800']);
  });
});

describe('source address', () => {
  it('a connected UDP socket towards 127.0.0.1 has local address 127.0.0.1', async () => {
    expect(await routeSourceAddress('127.0.0.1')).toBe('127.0.0.1');
  });
  it('prefers the session-provided local address (string or function)', async () => {
    const base = new FakeAmiBmc();
    expect(await sourceAddressOf(Object.assign(base, { localAddress: '192.0.2.7' }))).toBe('192.0.2.7');
    const fn = Object.assign(new FakeAmiBmc(), { localAddress: () => '192.0.2.8' });
    expect(await sourceAddressOf(fn as unknown as Requester)).toBe('192.0.2.8');
  });
  it('an unroutable host name is an argument error naming it', async () => {
    const e = await caught(routeSourceAddress('no-such-host.invalid'));
    expect(e.kind).toBe('argument');
    expect(e.message).toContain('no-such-host.invalid');
  });
});
