// The layout-detecting reader (firewall-read.ts) and the lock-out guard's verdicts when it cannot decode,
// against a fake BMC that answers in each dialect the reader must handle: the documented form (ami-v1),
// a second generation (ami-v2: 1-byte selectors, 2-byte count, echoed index, 44-byte union), a shape no
// layout knows (TLV records, as the lab BMC's --layout opaque), and a BMC without a count selector.
// Every request is recorded, so the tests count datagrams: what the per-host memory saves is measured.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IpmiError } from '../../../errors';
import type { IpmiRequest, IpmiResponse, Requester } from '../../../client/requester';
import { FirewallLockoutError, addFirewallRule, firewallDropAll, removeFirewallRule } from './firewall';
import { FirewallLayoutMemory } from './firewall-layout-memory';
import { readFirewall, type FirewallReading } from './firewall-read';

type Dialect = 'v1' | 'v2' | 'opaque' | 'no-count';

const rsp = (completionCode: number, data: number[] = []): IpmiResponse => ({
  completionCode,
  data: Buffer.from(data),
});

/** Rules are kept as ami-v1 entries (TYPE, State, body); each dialect shapes its replies from them. */
class DialectBmc implements Requester {
  readonly sent: string[] = [];
  setCode = 0;
  /** completion code for every Get (e.g. 0xD4) */
  getCode = 0;
  /** count and is-block-all only as [param, 0] (0xC7 to the 1-byte form) */
  longOnly = false;
  constructor(
    public dialect: Dialect,
    public entries: number[][] = [],
    public blockAll = 0,
    readonly host = 'bmc-a',
  ) {}

  async raw(req: IpmiRequest): Promise<IpmiResponse> {
    const d = [...(req.data ?? [])];
    this.sent.push(`${req.cmd.toString(16)}:${Buffer.from(d).toString('hex')}`);
    if (req.netFn !== 0x32) return rsp(0xc1);
    if (req.cmd === 0x76) return rsp(this.setCode);
    if (this.getCode) return rsp(this.getCode);
    const [param, index = 0] = d;
    const v2 = this.dialect === 'v2';
    if (v2 && param !== 1 && d.length !== 1) return rsp(0xc7); // AMI's own 1-byte form only
    if (this.longOnly && param !== 1 && d.length !== 2) return rsp(0xc7);
    if (param === 0) {
      const n = this.entries.length;
      if (this.dialect === 'no-count') return rsp(0xcc);
      if (this.dialect === 'opaque') return rsp(0, [0xa0, 1, n]);
      return rsp(0, v2 ? [n, 64] : [n]);
    }
    if (param === 2) return rsp(0, this.dialect === 'opaque' ? [0xa2, 1, this.blockAll] : [this.blockAll]);
    const e = this.entries[index];
    if (!e) return rsp(0xc9);
    if (v2) return rsp(0, [index, ...e, ...new Array<number>(46 - e.length).fill(0)]);
    if (this.dialect === 'opaque') return rsp(0, [0xa1, e.length, ...e]);
    return rsp(0, e);
  }
  async request(): Promise<Buffer> {
    throw new Error('unused');
  }
  gets(): string[] {
    return this.sent.filter((s) => s.startsWith('77:'));
  }
  sets(): string[] {
    return this.sent.filter((s) => s.startsWith('76:')).map((s) => s.slice(3));
  }
}

const ACCEPT_LOOPBACK = [0x00, 0x01, 127, 0, 0, 1];
const DROP_SSH = [0x02, 0x00, 0x00, 0x16, 0x00]; // TCP 22
const RULES = [
  { kind: 'ip', state: 'accept', address: '127.0.0.1', index: 0, type: 0 },
  { kind: 'port', state: 'drop', protocol: 'tcp', port: 22, index: 1, type: 2 },
];
const SRC = { sourceAddress: '127.0.0.1' };

function unknown(r: FirewallReading) {
  if (r.layout !== 'unknown') throw new Error('expected the raw replies');
  return r;
}
const rawRows = (r: FirewallReading) =>
  unknown(r).raw.map((x) => [
    x.selector,
    Buffer.from(x.request).toString('hex'),
    x.completionCode,
    Buffer.from(x.bytes).toString('hex'),
  ]);

describe('reading in each dialect', () => {
  it.each([
    ['v1', ['ami-v1'], ['77:0000', '77:0100', '77:0101', '77:0200', '77:0000']],
    // 0xC7 to [0, 0]: the 1-byte form is tried and kept for is-block-all and the re-check
    ['v2', ['ami-v2'], ['77:0000', '77:00', '77:0100', '77:0101', '77:02', '77:00']],
    // 0xCC to the count: the seed's documented `0x77 0x01 i` walk until 0xC9
    ['no-count', ['ami-v1'], ['77:0000', '77:0100', '77:0101', '77:0102', '77:0200']],
  ] as const)('%s: decoded as %o, sending %o', async (dialect, ids, sent) => {
    const bmc = new DialectBmc(dialect, [ACCEPT_LOOPBACK, DROP_SSH], 1);
    const reading = await readFirewall(bmc, { memory: new FirewallLayoutMemory() });
    expect(reading).toEqual({
      layout: 'known',
      layoutIds: ids,
      rules: RULES,
      blockAll: { active: true, raw: 1 },
    });
    expect(bmc.gets()).toEqual(sent);
  });

  it('opaque: nothing is decoded; every reply comes back raw per selector, with why', async () => {
    const bmc = new DialectBmc('opaque', [ACCEPT_LOOPBACK, DROP_SSH], 1);
    const reading = await readFirewall(bmc, { memory: new FirewallLayoutMemory() });
    expect(rawRows(reading)).toEqual([
      ['count', '0000', 0, 'a00102'],
      // the count could not be read, so the walk goes on until the BMC says there is no such entry
      ['entry 0', '0100', 0, 'a106' + '00017f000001'],
      ['entry 1', '0101', 0, 'a105' + '0200001600'],
      ['entry 2', '0102', 0xc9, ''],
      ['is-block-all', '0200', 0, 'a20101'],
    ]);
    expect(unknown(reading).note).toBe(
      'the Get Firewall replies fit no known layout (rule count does not fit layout ami-v1: 3 bytes, ' +
        'expected 1; rule count does not fit layout ami-v2: 3 bytes, expected 2); the raw replies are shown undecoded',
    );
  });

  it('no rules and no count selector: "no rules" is a fact in every layout, so it is decoded', async () => {
    const bmc = new DialectBmc('no-count', [], 0);
    const reading = await readFirewall(bmc, { memory: new FirewallLayoutMemory() });
    expect(reading).toEqual({
      layout: 'known',
      layoutIds: ['ami-v1', 'ami-v2'],
      rules: [],
      blockAll: { active: false, raw: 0 },
    });
  });

  it('without a count selector an undocumented TYPE cannot confirm a layout: raw', async () => {
    const bmc = new DialectBmc('no-count', [[29, 0x01, ...new Array<number>(16).fill(0x20)]], 0);
    const reading = await readFirewall(bmc, { memory: new FirewallLayoutMemory() });
    expect(unknown(reading).note).toContain('rule type 29 is undocumented');
  });

  it('0xD4 to the count is a privilege error naming the host, not a guess', async () => {
    const bmc = new DialectBmc('v1');
    bmc.getCode = 0xd4;
    await expect(readFirewall(bmc, { memory: new FirewallLayoutMemory() })).rejects.toMatchObject({
      kind: 'privilege',
      host: 'bmc-a',
    });
  });
});

describe('per-host memory of the layout', () => {
  it.each([
    ['v2', 6, 5], // the 0xC7 probe is not repeated
    ['no-count', 5, 4], // the count selector is not asked again
    ['v1', 5, 5], // nothing to probe in the documented form
  ] as const)('%s: first read %i datagrams, second %i', async (dialect, first, second) => {
    const memory = new FirewallLayoutMemory();
    const bmc = new DialectBmc(dialect, [ACCEPT_LOOPBACK, DROP_SSH]);
    const a = await readFirewall(bmc, { memory });
    expect(bmc.gets()).toHaveLength(first);
    bmc.sent.length = 0;
    const b = await readFirewall(bmc, { memory });
    expect(bmc.gets()).toHaveLength(second);
    expect(b).toEqual(a);
  });

  it('is kept per host: another BMC starts from nothing', async () => {
    const memory = new FirewallLayoutMemory();
    await readFirewall(new DialectBmc('v2', [], 0, 'bmc-a'), { memory });
    const other = new DialectBmc('v2', [], 0, 'bmc-b');
    await readFirewall(other, { memory });
    expect(other.gets()[0]).toBe('77:0000'); // probed again: 0xC7, then the 1-byte form
    expect(other.gets()[1]).toBe('77:00');
    // the host key, when given, tells apart two BMCs behind one address (different ports)
    const same = new DialectBmc('v2', [], 0, 'bmc-b');
    await readFirewall(same, { memory, hostKey: 'bmc-b:1623' });
    expect(same.gets()[0]).toBe('77:0000');
  });

  it('a BMC whose firmware changed is detected afresh, never read in the old layout', async () => {
    const memory = new FirewallLayoutMemory();
    const bmc = new DialectBmc('v2', [ACCEPT_LOOPBACK, DROP_SSH]);
    expect(await readFirewall(bmc, { memory })).toMatchObject({ layoutIds: ['ami-v2'] });
    bmc.dialect = 'v1'; // the same host now answers in the documented form, and only to [param, 0]
    bmc.longOnly = true;
    bmc.sent.length = 0;
    expect(await readFirewall(bmc, { memory })).toMatchObject({ layoutIds: ['ami-v1'], rules: RULES });
    expect(bmc.gets()).toEqual(['77:00', '77:0000', '77:0100', '77:0101', '77:0200', '77:0000']);
    expect(memory.get('bmc-a')).toEqual({ layout: 'ami-v1', shortSelectors: false, countSelector: true });
    bmc.dialect = 'opaque';
    expect((await readFirewall(bmc, { memory })).layout).toBe('unknown');
    expect(memory.get('bmc-a')).toMatchObject({ layout: 'unknown' });
  });
});

describe('the lock-out guard when the rules are unknown', () => {
  // the rules hold an ACCEPT for 127.0.0.1, but in a layout we cannot read, so it cannot count as cover
  const opaque = () => new DialectBmc('opaque', [ACCEPT_LOOPBACK], 0);
  const opts = () => ({ ...SRC, memory: new FirewallLayoutMemory() });

  it('drop-all is refused, naming the host and why; nothing is set', async () => {
    const bmc = opaque();
    const e = await firewallDropAll(bmc, { kind: 'drop-all', ipv4: true, ipv6: false }, opts()).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(FirewallLockoutError);
    expect((e as Error).message).toMatch(
      /^bmc-a: refused, drop-all could cut off 127\.0\.0\.1: the rules in force are unknown \(the Get Firewall replies fit no known layout \(rule count does not fit layout ami-v1/,
    );
    expect(bmc.sets()).toEqual([]);
  });
  it('IPv6-only drop-all cannot cut off an IPv4 source and is sent', async () => {
    const bmc = opaque();
    await firewallDropAll(bmc, { kind: 'drop-all', ipv4: false, ipv6: true }, opts());
    expect(bmc.sets()).toEqual(['090002']);
  });
  it.each([
    ['DROP our address', { kind: 'ip', state: 'drop', address: '127.0.0.1' }, true],
    ['DROP UDP 623', { kind: 'port', state: 'drop', protocol: 'udp', port: 623 }, true],
    ['DROP another address', { kind: 'ip', state: 'drop', address: '10.1.1.1' }, false],
    ['DROP TCP 22', { kind: 'port', state: 'drop', protocol: 'tcp', port: 22 }, false],
  ] as const)('%s: refused = %s', async (_n, rule, refused) => {
    const bmc = opaque();
    const p = addFirewallRule(bmc, rule, opts());
    if (refused) {
      await expect(p).rejects.toThrow(/the rules in force are unknown/);
      expect(bmc.sets()).toEqual([]);
    } else {
      await p;
      expect(bmc.sets()).toHaveLength(1);
    }
  });
  it('removing an ACCEPT rule for our address is refused (it may be the only one)', async () => {
    const bmc = opaque();
    await expect(
      removeFirewallRule(bmc, { kind: 'ip', state: 'accept', address: '127.0.0.1' }, opts()),
    ).rejects.toThrow(
      'removing an ACCEPT rule for 127.0.0.1 could cut it off: the rules in force are unknown',
    );
    expect(bmc.sets()).toEqual([]);
  });
  it('with the override the change is sent without reading anything', async () => {
    const bmc = opaque();
    await firewallDropAll(
      bmc,
      { kind: 'drop-all', ipv4: true, ipv6: true },
      { ...opts(), iUnderstandThisMayLockMeOut: true },
    );
    expect(bmc.sent).toEqual(['76:090003']);
  });
  it('rules that cannot be read at all (0xD4 on Get) are unknown too, and the message says so', async () => {
    const bmc = new DialectBmc('v1', [ACCEPT_LOOPBACK]);
    bmc.getCode = 0xd4;
    await expect(firewallDropAll(bmc, { kind: 'drop-all', ipv4: true, ipv6: true }, opts())).rejects.toThrow(
      /^bmc-a: refused, drop-all could cut off 127\.0\.0\.1: the rules in force are unknown \(the rules could not be read: AMI Get Firewall failed: .*0xd4/,
    );
    expect(bmc.sets()).toEqual([]);
  });
  it('the same BMC in a known layout with the ACCEPT rule lets drop-all through (the guard is not blanket)', async () => {
    const bmc = new DialectBmc('v2', [ACCEPT_LOOPBACK], 0);
    await firewallDropAll(bmc, { kind: 'drop-all', ipv4: true, ipv6: true }, opts());
    expect(bmc.sets()).toEqual(['090003']);
  });
});

describe('properties', () => {
  /** A BMC answering each request with a random completion code and random bytes. */
  class RandomBmc implements Requester {
    readonly host = 'random-bmc';
    constructor(private readonly replies: Array<[number, Uint8Array]>) {}
    private i = 0;
    async raw(): Promise<IpmiResponse> {
      const [cc, data] = this.replies[this.i++ % this.replies.length]!;
      return { completionCode: cc, data: Buffer.from(data) };
    }
    async request(): Promise<Buffer> {
      throw new Error('unused');
    }
  }
  const cc = fc.oneof(
    fc.constant(0),
    fc.constant(0),
    fc.constantFrom(0xc7, 0xc9, 0xcc, 0xcb, 0x80, 0xd4, 0xff),
  );
  const reply = fc.tuple(cc, fc.uint8Array({ maxLength: 50 }));

  it('random replies: readFirewall resolves (decoded or raw) or rejects with a typed IpmiError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(reply, { minLength: 1, maxLength: 12 }), async (replies) => {
        try {
          const r = await readFirewall(new RandomBmc(replies), { memory: new FirewallLayoutMemory() });
          if (r.layout === 'unknown') expect(r.note.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
        }
      }),
      { numRuns: 500 },
    );
  });
  it('random replies never let a risky change through unguarded: drop-all is sent only on a decoded ACCEPT', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(reply, { minLength: 1, maxLength: 12 }), async (replies) => {
        const memory = new FirewallLayoutMemory();
        const bmc = new RandomBmc(replies);
        const reading = await readFirewall(bmc, { memory: new FirewallLayoutMemory() }).catch(
          () => undefined,
        );
        try {
          await firewallDropAll(
            new RandomBmc(replies),
            { kind: 'drop-all', ipv4: true, ipv6: false },
            { ...SRC, memory },
          );
          // sent: the same replies must decode to a rule set with a permanent ACCEPT for 127.0.0.1
          expect(reading?.layout).toBe('known');
          if (reading?.layout === 'known') {
            expect(
              reading.rules.some(
                (r) => r.kind === 'ip' && r.address === '127.0.0.1' && r.state === 'accept' && !r.window,
              ) || reading.rules.some((r) => r.kind === 'range' && r.state === 'accept' && !r.window),
            ).toBe(true);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
