// Channels: Get Channel Info / Access, Set Channel Access, Get Channel Authentication Capabilities,
// Get Channel Cipher Suites. Known answers: LAB replies of ipmi_sim 2.0.33 (captured with `ipmitool raw`
// for this module), specs/ipmi-lan.md §1.3/§11.11 (auth caps) and §3 (cipher records, the gebn/bmc
// `c0 11 03 44 81` example).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IpmiError } from '../../errors';
import { FakeRequester } from '../fake-requester';
import { decodeChannelAccess, encodeGetChannelAccess } from './get-channel-access';
import { decodeChannelAuthCapabilities, getChannelAuthCapabilities } from './get-channel-auth-capabilities';
import { decodeCipherSuiteRecords, getChannelCipherSuites } from './get-channel-cipher-suites';
import { decodeChannelInfo } from './get-channel-info';
import { encodeSetChannelAccess, setChannelAccess } from './set-channel-access';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('Get Channel Info', () => {
  it('LAB channel 1', () => {
    // 01 channel | 04 802.3 LAN | 01 IPMB-1.0 | 81: multi-session, 1 active | f2 1b 00: IANA 7154 | aux
    expect(decodeChannelInfo(bytes(0x01, 0x04, 0x01, 0x81, 0xf2, 0x1b, 0x00, 0x00, 0x00))).toEqual({
      channel: 1,
      medium: 4,
      protocol: 1,
      sessionSupport: 'multi-session',
      activeSessions: 1,
      vendorId: 7154,
      auxInfo: [0, 0],
    });
  });
});

describe('Get / Set Channel Access', () => {
  it('LAB reply 02 04: everything enabled, always available, ADMIN limit', () => {
    expect(decodeChannelAccess(bytes(0x02, 0x04))).toEqual({
      alertingDisabled: false,
      perMessageAuthDisabled: false,
      userLevelAuthDisabled: false,
      accessMode: 'always available',
      privilegeLimit: 4,
    });
  });
  it('"disabled" bits 5:3 and a reserved mode', () => {
    expect(decodeChannelAccess(bytes(0x3f, 0x03))).toMatchObject({
      alertingDisabled: true,
      perMessageAuthDisabled: true,
      userLevelAuthDisabled: true,
      accessMode: undefined,
    });
  });
  it('get: 0x80 volatile, 0x40 non-volatile', () => {
    expect(Array.from(encodeGetChannelAccess(1, 'volatile'))).toEqual([1, 0x80]);
    expect(Array.from(encodeGetChannelAccess(1, 'non-volatile'))).toEqual([1, 0x40]);
  });
  it('set: selectors in bits 7:6 of bytes 2 and 3 (what `lan set 1 access on` sends, non-volatile)', () => {
    const d = encodeSetChannelAccess({
      channel: 1,
      access: {
        copy: 'non-volatile',
        alertingDisabled: false,
        perMessageAuthDisabled: false,
        userLevelAuthDisabled: false,
        mode: 'always available',
      },
      privilege: { copy: 'non-volatile', limit: 4 },
    });
    // 01 | 42: set non-volatile, always available | 44: set non-volatile, ADMIN
    expect(Array.from(d)).toEqual([0x01, 0x42, 0x44]);
  });
  it('rejects a privilege limit of 0 before sending', async () => {
    const fake = new FakeRequester(() => ({}));
    await expect(
      setChannelAccess(fake, { channel: 1, privilege: { copy: 'volatile', limit: 0 } }),
    ).rejects.toMatchObject({ kind: 'argument' });
    expect(fake.sent).toHaveLength(0);
  });
  it.each([0x0c, 0x0d, 0x10, -1])('rejects channel %s', (c) => {
    expect(() => encodeGetChannelAccess(c, 'volatile')).toThrow(
      expect.objectContaining({ kind: 'argument' }),
    );
  });
});

describe('Get Channel Authentication Capabilities', () => {
  it('LAB reply (notes §11.11): 01 97 06 03 00 00 00 00', () => {
    expect(decodeChannelAuthCapabilities(bytes(0x01, 0x97, 0x06, 0x03, 0, 0, 0, 0))).toEqual({
      channel: 1,
      authTypes: 0x17, // none, MD2, MD5, straight
      v20Data: true,
      anonymousLogin: false,
      nullUserNames: true,
      nonNullUserNames: true,
      userLevelAuthDisabled: false,
      perMessageAuthDisabled: false,
      kgNonZero: false,
      ipmi15: true,
      ipmi20: true,
      oemIana: 0,
      oemAux: 0,
    });
  });
  it('retries without the v2.0 bit when the BMC refuses it', async () => {
    const fake = new FakeRequester((_r, i) =>
      i === 0 ? { cc: 0xcc } : { data: [0x01, 0x16, 0x04, 0, 0, 0, 0, 0] },
    );
    const caps = await getChannelAuthCapabilities(fake, 1, 4);
    expect(fake.sent.map((s) => s.data)).toEqual([
      [0x81, 0x04],
      [0x01, 0x04],
    ]);
    expect(caps).toMatchObject({ v20Data: false, ipmi15: false, authTypes: 0x16 });
  });
});

/** ipmi_sim's suites 0-14 as records (OpenIPMI lanserv cipher_suites[]): id, auth, integrity, conf. */
const LAB_SUITES = [
  [0, 0, 0, 0],
  [1, 1, 0, 0],
  [2, 1, 1, 0],
  [3, 1, 1, 1],
  [4, 1, 1, 2],
  [5, 1, 1, 3],
  [6, 2, 0, 0],
  [7, 2, 2, 0],
  [8, 2, 2, 1],
  [9, 2, 2, 2],
  [10, 2, 2, 3],
  [11, 2, 3, 0],
  [12, 2, 3, 1],
  [13, 2, 3, 2],
  [14, 2, 3, 3],
] as const;
const LAB_STREAM = Buffer.from(LAB_SUITES.flatMap(([id, a, i, c]) => [0xc0, id, a, 0x40 | i, 0x80 | c]));

describe('Get Channel Cipher Suites', () => {
  it('the LAB stream is what ipmi_sim sent: pages 0, 1 and 4 as captured', () => {
    expect(LAB_STREAM.subarray(0, 16).toString('hex')).toBe(
      'c0000040 80c00101 4080c002 014180c0'.replace(/ /g, ''),
    );
    expect(LAB_STREAM.subarray(16, 32).toString('hex')).toBe(
      '030141 81c00401 4182c005 014183c0 06'.replace(/ /g, ''),
    );
    expect(LAB_STREAM.subarray(64).toString('hex')).toBe('81c00d024382c00e024383');
  });

  it('joins 16-byte pages until a short one; records straddle pages', async () => {
    const fake = new FakeRequester((req) => {
      const index = req.data![2]! & 0x3f;
      return { data: [0x01, ...LAB_STREAM.subarray(index * 16, index * 16 + 16)] };
    });
    const suites = await getChannelCipherSuites(fake, 1, 'ipmi');
    expect(fake.sent.map((s) => s.data)).toEqual([0, 1, 2, 3, 4].map((i) => [0x01, 0x00, 0x80 | i]));
    expect(suites.map((s) => [s.id, s.auth, s.integrity[0], s.confidentiality[0]])).toEqual(
      LAB_SUITES.map((s) => [...s]),
    );
  });

  it('gebn/bmc example: c0 11 03 44 81 = suite 17, SHA256 / HMAC-SHA256-128 / AES', () => {
    expect(decodeCipherSuiteRecords(bytes(0xc0, 0x11, 0x03, 0x44, 0x81))).toEqual([
      { id: 17, iana: undefined, auth: 3, integrity: [4], confidentiality: [1] },
    ]);
  });
  it('OEM record carries an IANA, and algorithms may be omitted', () => {
    // c1 | id 0x30 | IANA 0x0002a2 LE | auth 1 only
    expect(decodeCipherSuiteRecords(bytes(0xc1, 0x30, 0xa2, 0x02, 0x00, 0x01))).toEqual([
      { id: 0x30, iana: 0x2a2, auth: 1, integrity: [], confidentiality: [] },
    ]);
  });
  it.each([
    ['bad start byte', bytes(0x00, 0x01)],
    ['record cut after the id', bytes(0xc0, 0x03)],
    ['no authentication algorithm', bytes(0xc0, 0x03, 0x41, 0x81)],
  ])('%s is a protocol error', (_n, data) => {
    expect(() => decodeCipherSuiteRecords(data)).toThrow(expect.objectContaining({ kind: 'protocol' }));
  });
  it('a page over 16 bytes is a protocol error', async () => {
    const fake = new FakeRequester(() => ({ data: new Array<number>(18).fill(0xc0) }));
    await expect(getChannelCipherSuites(fake, 1, 'ipmi')).rejects.toMatchObject({ kind: 'protocol' });
  });
});

describe('decoders on random input: a value or a typed IpmiError, nothing else', () => {
  const decoders = [
    decodeChannelInfo,
    decodeChannelAccess,
    decodeChannelAuthCapabilities,
    decodeCipherSuiteRecords,
  ];
  it.each(decoders.map((d) => [d.name, d] as const))('%s', (_n, decode) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (data) => {
        try {
          decode(data);
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
          expect((e as IpmiError).kind).toBe('protocol');
        }
      }),
    );
  });
  it('cipher records built from random suites decode back', () => {
    const rec = fc.record({
      id: fc.integer({ min: 0, max: 255 }),
      auth: fc.integer({ min: 0, max: 63 }),
      integrity: fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 2 }),
      confidentiality: fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 8 }), (recs) => {
        const stream = recs.flatMap((r) => [
          0xc0,
          r.id,
          r.auth,
          ...r.integrity.map((x) => 0x40 | x),
          ...r.confidentiality.map((x) => 0x80 | x),
        ]);
        expect(decodeCipherSuiteRecords(Uint8Array.from(stream))).toEqual(
          recs.map((r) => ({ ...r, iana: undefined })),
        );
      }),
    );
  });
});
