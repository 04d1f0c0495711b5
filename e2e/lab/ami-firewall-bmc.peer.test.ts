// The AMI firewall peer, driven by ipmitool raw, in each of its Get layouts (--layout v1|v2|opaque).
// Request/response layouts: specs/ipmi-lan.md §12 (Dell PowerSwitch BMC guides, AMI IPMI_AMIConf.h /
// Iptables.h); v2 and opaque are lab models (ami-firewall-bmc.py). Ports little-endian (lab choice).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAmiFirewallBmc, type AmiFirewallBmc } from './ami-firewall-bmc';
import { ipmitoolRaw } from './ipmi-tools';

/** `ipmitool raw` reply bytes, or the completion code it reported. */
const raw = (bmc: AmiFirewallBmc, bytes: number[], user = bmc.users.admin) =>
  ipmitoolRaw(bmc, bytes, { user });

const SET = [0x32, 0x76];
const GET = [0x32, 0x77];

describe('AMI firewall BMC (pyghmi)', () => {
  let bmc: AmiFirewallBmc;
  beforeAll(async () => {
    bmc = await startAmiFirewallBmc();
  });
  afterAll(async () => {
    await bmc?.stop();
  });

  it('starts empty and answers ipmitool -C 3', async () => {
    expect(await raw(bmc, [...GET, 0x00])).toEqual({ cc: 0, data: [0] });
    expect(await raw(bmc, [...GET, 0x02])).toEqual({ cc: 0, data: [0] });
    expect(bmc.rules()).toEqual({ blockAll: 0, rules: [] });
  });

  it('adds an IPv4 rule and a port rule, lists them by entry, removes one', async () => {
    // param 0 add IPv4, state 1 accept, 10.1.2.3
    expect((await raw(bmc, [...SET, 0x00, 0x01, 10, 1, 2, 3])).cc).toBe(0);
    // param 2 add port, state 0 drop, protocol 0 TCP, port 22 (0x0016, LS byte first)
    expect((await raw(bmc, [...SET, 0x02, 0x00, 0x00, 0x16, 0x00])).cc).toBe(0);
    expect(await raw(bmc, [...GET, 0x00])).toEqual({ cc: 0, data: [2] });
    expect(await raw(bmc, [...GET, 0x01, 0x00])).toEqual({ cc: 0, data: [0x00, 0x01, 10, 1, 2, 3] });
    expect(await raw(bmc, [...GET, 0x01, 0x01])).toEqual({ cc: 0, data: [0x02, 0x00, 0x00, 0x16, 0x00] });
    expect(bmc.rules().rules).toEqual([
      { type: 0, state: 'accept', body: '0a010203', ip: '10.1.2.3' },
      { type: 2, state: 'drop', body: '001600', protocol: 'tcp', port: 22 },
    ]);
    // param 4 removes what param 0 added (state must match)
    expect((await raw(bmc, [...SET, 0x04, 0x01, 10, 1, 2, 3])).cc).toBe(0);
    expect(bmc.rules().rules.map((r) => r.type)).toEqual([2]);
  });

  it('keeps timed rules with their time window', async () => {
    // param 13 add port with timeout: UDP 300, 2024-01-01 00:00 .. 2024-12-31 23:59
    const body = [0x01, 0x2c, 0x01, 0xe8, 0x07, 1, 1, 0, 0, 0xe8, 0x07, 12, 31, 23, 59];
    expect((await raw(bmc, [...SET, 13, 0x01, ...body])).cc).toBe(0);
    const rule = bmc.rules().rules.find((r) => r.type === 13);
    expect(rule).toMatchObject({
      protocol: 'udp',
      port: 300,
      start: '2024-01-01T00:00',
      stop: '2024-12-31T23:59',
    });
  });

  it('drop-all sets and clears the is-block-all flag', async () => {
    expect((await raw(bmc, [...SET, 9, 0x00, 0x01])).cc).toBe(0);
    expect(await raw(bmc, [...GET, 0x02])).toEqual({ cc: 0, data: [1] });
    expect((await raw(bmc, [...SET, 10, 0x00, 0x01])).cc).toBe(0);
    expect(await raw(bmc, [...GET, 0x02])).toEqual({ cc: 0, data: [0] });
  });

  it.each([
    ['unknown parameter', [...SET, 0x20, 0x00], 0x80],
    [
      'stop before start',
      [...SET, 11, 0x00, 10, 0, 0, 1, 0xe8, 0x07, 6, 1, 0, 0, 0xe8, 0x07, 1, 1, 0, 0],
      0x81,
    ],
    ['HTTP port 80', [...SET, 0x02, 0x00, 0x00, 0x50, 0x00], 0x83],
    ['short IPv4 rule', [...SET, 0x00, 0x00, 10, 1, 2], 0xc7],
    ['entry past the end', [...GET, 0x01, 0x7f], 0xc9],
    ['removing a missing rule', [...SET, 0x04, 0x00, 192, 0, 2, 99], 0xcb],
    ['bad state selector', [...SET, 0x00, 0x02, 10, 1, 2, 3], 0xcc],
  ])('%s is refused with completion code %i', async (_name, bytes, cc) => {
    const before = bmc.rules();
    expect((await raw(bmc, bytes)).cc).toBe(cc);
    expect(bmc.rules()).toEqual(before);
  });

  it('Get works at USER privilege, Set needs ADMINISTRATOR', async () => {
    expect((await raw(bmc, [...GET, 0x00], bmc.users.user)).cc).toBe(0);
    expect((await raw(bmc, [...SET, 0x08, 0x00], bmc.users.operator)).cc).toBe(0xd4);
    expect(bmc.rules().rules.length).toBeGreaterThan(0);
    expect((await raw(bmc, [...SET, 0x08, 0x00], bmc.users.admin)).cc).toBe(0);
    expect(bmc.rules()).toEqual({ blockAll: 0, rules: [] });
  });
});

describe('AMI firewall BMC with union-padded replies', () => {
  it('pads entry bodies to 20 bytes', async () => {
    const bmc = await startAmiFirewallBmc({ pad: true });
    try {
      expect((await raw(bmc, [...SET, 0x00, 0x00, 192, 0, 2, 1])).cc).toBe(0);
      const r = await raw(bmc, [...GET, 0x01, 0x00]);
      expect(r.data).toEqual([0x00, 0x00, 192, 0, 2, 1, ...new Array<number>(16).fill(0)]);
    } finally {
      await bmc.stop();
    }
  });
});

describe('AMI firewall BMC --layout v2 and --layout opaque (other Get reply shapes)', () => {
  it('v2: 1-byte count/is-block-all requests only, 2-byte count, echoed index and 44-byte union', async () => {
    const bmc = await startAmiFirewallBmc({ layout: 'v2' });
    try {
      expect((await raw(bmc, [...SET, 0x00, 0x01, 10, 1, 2, 3])).cc).toBe(0);
      expect(await raw(bmc, [...GET, 0x00])).toEqual({ cc: 0, data: [1, 64] });
      expect((await raw(bmc, [...GET, 0x00, 0x00])).cc).toBe(0xc7);
      expect((await raw(bmc, [...GET, 0x02, 0x00])).cc).toBe(0xc7);
      expect(await raw(bmc, [...GET, 0x02])).toEqual({ cc: 0, data: [0] });
      const entry = await raw(bmc, [...GET, 0x01, 0x00]);
      expect(entry).toEqual({
        cc: 0,
        data: [0x00, 0x00, 0x01, 10, 1, 2, 3, ...new Array<number>(40).fill(0)],
      });
      expect((await raw(bmc, [...GET, 0x01, 0x01])).cc).toBe(0xc9);
      expect(bmc.rules().rules).toEqual([{ type: 0, state: 'accept', body: '0a010203', ip: '10.1.2.3' }]);
    } finally {
      await bmc.stop();
    }
  });
  it('opaque: every Get value wrapped in a tag-length record; Set unchanged', async () => {
    const bmc = await startAmiFirewallBmc({ layout: 'opaque' });
    try {
      expect((await raw(bmc, [...SET, 0x02, 0x00, 0x00, 0x16, 0x00])).cc).toBe(0);
      expect((await raw(bmc, [...SET, 9, 0x00, 0x01])).cc).toBe(0);
      expect(await raw(bmc, [...GET, 0x00])).toEqual({ cc: 0, data: [0xa0, 1, 1] });
      expect(await raw(bmc, [...GET, 0x01, 0x00])).toEqual({
        cc: 0,
        data: [0xa1, 5, 0x02, 0x00, 0x00, 0x16, 0x00],
      });
      expect(await raw(bmc, [...GET, 0x02])).toEqual({ cc: 0, data: [0xa2, 1, 1] });
      expect(bmc.rules()).toEqual({
        blockAll: 1,
        rules: [{ type: 2, state: 'drop', body: '001600', protocol: 'tcp', port: 22 }],
      });
    } finally {
      await bmc.stop();
    }
  });
});
