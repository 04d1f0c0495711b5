// LAN configuration parameters: request layouts (specs/ipmi-lan.md §9), parameter decoders against
// LAB replies of ipmi_sim 2.0.33 (`ipmitool raw 0x0c 0x02 0x01 <p> 0 0`, captured for this module),
// and the LAN apply operation against a fake BMC.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IpmiError } from '../../errors';
import { FakeRequester } from '../fake-requester';
import { applyLanSettings, planLanSettings } from './lan-apply';
import {
  decodeBadPasswordThreshold,
  decodeCipherSuitePrivileges,
  decodeCommunity,
  decodeVlan,
  encodeCipherSuitePrivileges,
  encodeGetLanConfig,
  encodeSetLanConfig,
  encodeVlan,
  getLanParam,
} from './lan-config';
import { readLanConfiguration } from './lan-configuration';
import { LAB_LAN_REPLIES, labLanAnswer } from './lab-replies';

describe('requests', () => {
  it('get: channel, parameter, set selector, block selector', () => {
    expect(Array.from(encodeGetLanConfig(1, 3))).toEqual([1, 3, 0, 0]);
  });
  it('set: channel, parameter, data', () => {
    expect(Array.from(encodeSetLanConfig(1, 3, Uint8Array.of(192, 0, 2, 77)))).toEqual([1, 3, 192, 0, 2, 77]);
  });
});

describe('parameter layouts', () => {
  it('VLAN: disabled LAB value, and ID 5 enabled as `lan set 1 vlan id 5` writes it', () => {
    expect(decodeVlan(Uint8Array.of(0x00, 0x00))).toEqual({ enabled: false, id: 0 });
    expect(Array.from(encodeVlan(5))).toEqual([0x05, 0x80]);
    expect(decodeVlan(Uint8Array.of(0xfe, 0x8f))).toEqual({ enabled: true, id: 4094 });
  });
  it.each([0, 4095, 1.5])('VLAN ID %s is refused', (id) =>
    expect(() => encodeVlan(id)).toThrow(expect.objectContaining({ kind: 'argument' })),
  );
  it('community string is NUL terminated', () =>
    expect(decodeCommunity(Uint8Array.from(LAB_LAN_REPLIES[16]!.slice(1)))).toBe('public'));
  it('cipher suite privileges: LAB 44.. = ADMIN everywhere; "XaaaaaaaaaaaaaX" as ipmitool encodes it', () => {
    expect(decodeCipherSuitePrivileges(Uint8Array.from(LAB_LAN_REPLIES[24]!.slice(1))).slice(0, 15)).toEqual(
      new Array<number>(15).fill(4),
    );
    const levels = [0, ...new Array<number>(13).fill(4), 0];
    // byte 1 reserved, then low nibble = even entry
    expect(Array.from(encodeCipherSuitePrivileges(levels))).toEqual([
      0x00, 0x40, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x00,
    ]);
  });
  it('bad password threshold: intervals in tens of seconds', () => {
    // 01 event | 03 tries | 06 00: 60 s | 0c 00: 120 s
    expect(decodeBadPasswordThreshold(Uint8Array.of(0x01, 0x03, 0x06, 0x00, 0x0c, 0x00))).toEqual({
      generateEvent: true,
      threshold: 3,
      resetIntervalSeconds: 60,
      lockoutIntervalSeconds: 120,
    });
  });
});

describe('reading', () => {
  it('0x80 means "not supported", not an error', async () => {
    const fake = new FakeRequester(labLanAnswer);
    expect(await getLanParam(fake, 1, 26)).toBeUndefined();
    expect(Array.from((await getLanParam(fake, 1, 3))!)).toEqual([192, 0, 2, 10]);
  });
  it('other completion codes are typed errors', async () => {
    await expect(getLanParam(new FakeRequester(() => ({ cc: 0xd4 })), 1, 3)).rejects.toMatchObject({
      kind: 'privilege',
      command: 'Get LAN Configuration Parameters',
    });
  });
  it('readLanConfiguration: what the LAB BMC has, in ipmitool order', async () => {
    const fake = new FakeRequester(labLanAnswer);
    const cfg = await readLanConfiguration(fake, 1);
    expect(Object.keys(cfg)).toContain('cipherSuiteEntries');
    expect(cfg.bmcArpControl).toBeUndefined();
    expect(fake.sent.map((s) => s.data[1])).toEqual([
      0, 1, 2, 4, 3, 6, 5, 16, 7, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 24, 26,
    ]);
  });
  it('a short parameter is a protocol error', async () => {
    const fake = new FakeRequester((req) =>
      req.data![1] === 3 ? { data: [0x11, 192, 0] } : labLanAnswer(req),
    );
    await expect(readLanConfiguration(fake, 1)).rejects.toMatchObject({ kind: 'protocol' });
  });
  it('random replies: a value or a typed IpmiError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 20 }), { minLength: 22, maxLength: 22 }),
        async (replies) => {
          const fake = new FakeRequester((_r, i) => ({ data: Array.from(replies[i % replies.length]!) }));
          try {
            await readLanConfiguration(fake, 1);
          } catch (e) {
            expect(e).toBeInstanceOf(IpmiError);
          }
        },
      ),
    );
  });
});

/** A BMC with the LAB values that stores what it is sent; `refuse`/`ignore` make chosen parameters fail. */
function writableBmc(
  opts: { refuse?: number; ignore?: number; noLock?: boolean; empty?: number; revisionOnly?: number } = {},
) {
  const params: Record<number, number[]> = {};
  for (const [k, v] of Object.entries(LAB_LAN_REPLIES)) params[Number(k)] = v.slice(1);
  return new FakeRequester((req) => {
    const [, p, ...data] = Array.from(req.data ?? []);
    if (p === 0 && opts.noLock) return { cc: 0x80 };
    if (req.cmd === 0x02 && p === opts.empty) return { data: [] };
    if (req.cmd === 0x02 && p === opts.revisionOnly) return { data: [0x11] };
    if (req.cmd === 0x02) return params[p!] ? { data: [0x11, ...params[p!]!] } : { cc: 0x80 };
    if (p === opts.refuse) return { cc: 0xcc };
    if (p !== opts.ignore) params[p!] = data;
    return {};
  });
}

describe('LAN apply', () => {
  it('a set-in-progress lock held by another client is busy, with no invented completion code, nothing written', async () => {
    const fake = writableBmc();
    await fake.raw({ netFn: 0x0c, cmd: 0x01, data: Uint8Array.of(1, 0, 1) }); // someone else's lock
    fake.sent.length = 0;
    const e = await applyLanSettings(fake, 1, { backupGateway: '192.0.2.9' }).catch((x: unknown) => x);
    expect(e).toMatchObject({
      kind: 'busy',
      completionCode: undefined,
      command: 'Get LAN Configuration Parameters',
    });
    expect(fake.sent.filter((s) => s.cmd === 0x01)).toEqual([]);
  });
  it('bad input is refused before anything is sent', async () => {
    for (const bad of [
      { ipAddress: '192.0.2.300' },
      { subnetMask: '255.0.255.0' },
      { defaultGateway: '1.2.3' },
      { vlanId: 4095 },
      { vlanPriority: 8 },
      { macAddress: 'zz:00:00:00:00:00' },
      { snmpCommunity: 'x'.repeat(19) },
      {},
    ]) {
      const fake = writableBmc();
      await expect(applyLanSettings(fake, 1, bad)).rejects.toMatchObject({ kind: 'argument' });
      expect(fake.sent).toHaveLength(0);
    }
  });
  it('a gateway outside the subnet is a warning, not an error', () => {
    const p = planLanSettings({
      ipAddress: '192.0.2.10',
      subnetMask: '255.255.255.0',
      defaultGateway: '198.51.100.1',
    });
    expect(p.warnings).toEqual([
      'default gateway 198.51.100.1 is outside the subnet 192.0.2.10/255.255.255.0',
    ]);
    expect(
      planLanSettings({ ipAddress: '192.0.2.10', subnetMask: '255.255.255.0', defaultGateway: '192.0.2.1' })
        .warnings,
    ).toEqual([]);
  });
  it('switches a DHCP source to static first, writes inside lock/commit, and reads every write back', async () => {
    const fake = writableBmc();
    await fake.raw({ netFn: 0x0c, cmd: 0x01, data: Uint8Array.of(1, 4, 2) }); // the BMC starts on DHCP
    fake.sent.length = 0;
    const res = await applyLanSettings(fake, 1, {
      ipAddress: '192.0.2.77',
      subnetMask: '255.255.0.0',
      defaultGateway: '192.0.2.254',
    });
    expect(res).toMatchObject({
      ok: true,
      applied: ['ipSource', 'ipAddress', 'subnetMask', 'defaultGateway'],
      notApplied: [],
      usedCommit: true,
    });
    const sets = fake.sent.filter((s) => s.cmd === 0x01).map((s) => s.data.slice(1));
    expect(sets).toEqual([
      [0, 1],
      [4, 1],
      [3, 192, 0, 2, 77],
      [6, 255, 255, 0, 0],
      [12, 192, 0, 2, 254],
      [0, 2],
      [0, 0],
    ]);
  });
  it('stops at a refused field and names applied vs not applied', async () => {
    const fake = writableBmc({ refuse: 6 });
    const res = await applyLanSettings(fake, 1, {
      ipAddress: '192.0.2.77',
      subnetMask: '255.255.0.0',
      defaultGateway: '192.0.2.254',
    });
    expect(res.ok).toBe(false);
    expect(res.applied).toEqual(['ipAddress']);
    expect(res.notApplied).toEqual(['subnetMask', 'defaultGateway']);
    expect(res.failure).toMatchObject({
      field: 'subnetMask',
      stage: 'write',
      error: { kind: 'completion-code', completionCode: 0xcc },
    });
    // nothing after the failure was sent
    expect(fake.sent.some((s) => s.cmd === 0x01 && s.data[1] === 12)).toBe(false);
  });
  it('a value the BMC accepts but does not keep fails at verify', async () => {
    const res = await applyLanSettings(writableBmc({ ignore: 16, noLock: true }), 1, {
      vlanId: 7,
      snmpCommunity: 'private',
    });
    expect(res).toMatchObject({
      ok: false,
      applied: [],
      notApplied: ['snmpCommunity', 'vlanId'],
      usedCommit: false,
      failure: { field: 'snmpCommunity', stage: 'verify' },
    });
  });
  it.each([
    ['with no data', { empty: 0 }],
    ['with only the revision byte', { revisionOnly: 0 }],
  ] as const)('a set-in-progress reply %s is a protocol error, and nothing is written', async (_, o) => {
    const fake = writableBmc(o);
    await expect(applyLanSettings(fake, 1, { snmpCommunity: 'private' })).rejects.toMatchObject({
      kind: 'protocol',
      host: fake.host,
      command: 'Get LAN Configuration Parameters',
    });
    expect(fake.sent.filter((s) => s.cmd === 0x01)).toEqual([]);
  });
  it.each([
    ['with no data', { empty: 4 }],
    ['with only the revision byte', { revisionOnly: 4 }],
  ] as const)('an IP source reply %s is a protocol error, and nothing is written', async (_, o) => {
    const fake = writableBmc(o);
    await expect(applyLanSettings(fake, 1, { ipAddress: '192.0.2.77' })).rejects.toMatchObject({
      kind: 'protocol',
      command: 'Get LAN Configuration Parameters',
    });
    expect(fake.sent.filter((s) => s.cmd === 0x01)).toEqual([]);
  });
});
