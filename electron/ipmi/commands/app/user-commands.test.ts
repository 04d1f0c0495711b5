// Users: Get/Set User Access, Get/Set User Name, Set User Password. Known answers are LAB replies of
// ipmi_sim 2.0.33 to `ipmitool raw` (captured for this module), request layouts from specs/ipmi-lan.md §8.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IpmiError } from '../../errors';
import { FakeRequester } from '../fake-requester';
import { decodeUserAccess, encodeGetUserAccess, getUserAccess } from './get-user-access';
import { decodeUserName, getUserName } from './get-user-name';
import { encodeSetUserAccess, setUserAccess } from './set-user-access';
import { encodeSetUserName, setUserName } from './set-user-name';
import {
  defaultPasswordStorage,
  disableUser,
  enableUser,
  encodeSetUserPassword,
  setUserPassword,
  testUserPassword,
} from './set-user-password';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('Get User Access', () => {
  it.each([
    [
      'LAB user 2 (admin) on channel 1',
      // 3f: max 63 IDs | 04: status unspecified, 4 enabled | 00: no fixed names | 14: IPMI msg, ADMIN
      bytes(0x3f, 0x04, 0x00, 0x14),
      {
        maxUserIds: 63,
        enableStatus: 'unspecified',
        enabledUserIds: 4,
        fixedNameUserIds: 0,
        callbackOnly: false,
        linkAuth: false,
        ipmiMessaging: true,
        privilegeLimit: 4,
      },
    ],
    [
      'LAB user 1 (unused)',
      bytes(0x3f, 0x04, 0x00, 0x00),
      {
        maxUserIds: 63,
        enableStatus: 'unspecified',
        enabledUserIds: 4,
        fixedNameUserIds: 0,
        callbackOnly: false,
        linkAuth: false,
        ipmiMessaging: false,
        privilegeLimit: 0,
      },
    ],
    [
      'every bit set (spec §22.27 layout)',
      // ff: reserved bits 7:6 ignored | 7f: 01 enabled, 63 | 3f: 63 fixed | 7f: callback, link, IPMI, 0xF
      bytes(0xff, 0x7f, 0x3f, 0x7f),
      {
        maxUserIds: 63,
        enableStatus: 'enabled',
        enabledUserIds: 63,
        fixedNameUserIds: 63,
        callbackOnly: true,
        linkAuth: true,
        ipmiMessaging: true,
        privilegeLimit: 15,
      },
    ],
  ])('%s', (_n, data, want) => expect(decodeUserAccess(data)).toEqual(want));

  it('asks channel + user ID', async () => {
    const fake = new FakeRequester(() => ({ data: [0x3f, 0x04, 0x00, 0x14] }));
    expect((await getUserAccess(fake, 1, 2)).privilegeLimit).toBe(4);
    expect(fake.sent).toEqual([{ netFn: 0x06, cmd: 0x44, data: [0x01, 0x02] }]);
  });

  it.each([0, 64, 1.5, -1])('rejects user ID %s before sending', (id) => {
    expect(() => encodeGetUserAccess(1, id)).toThrow(expect.objectContaining({ kind: 'argument' }));
  });
});

describe('Get User Name', () => {
  it('LAB reply for user 2', () => {
    // "admin" NUL padded to 16
    expect(decodeUserName(bytes(0x61, 0x64, 0x6d, 0x69, 0x6e, ...new Array<number>(11).fill(0)))).toBe(
      'admin',
    );
  });
  it('a full 16-byte name has no terminator', () => {
    expect(decodeUserName(Buffer.from('sixteen-chars-ok'))).toBe('sixteen-chars-ok');
  });
  it('a completion code is a typed error naming the command', async () => {
    const fake = new FakeRequester(() => ({ cc: 0xcc }));
    await expect(getUserName(fake, 9)).rejects.toMatchObject({
      kind: 'completion-code',
      completionCode: 0xcc,
      command: 'Get User Name',
    });
  });
});

describe('Set User Name / Set User Access', () => {
  it('name: user ID then 16 bytes NUL padded', () => {
    expect(Array.from(encodeSetUserName(7, 'newbie'))).toEqual([
      7,
      ...Buffer.from('newbie'),
      ...new Array<number>(10).fill(0),
    ]);
  });
  it('rejects a 17-byte name and sends nothing', async () => {
    const fake = new FakeRequester(() => ({}));
    await expect(setUserName(fake, 3, 'x'.repeat(17))).rejects.toMatchObject({ kind: 'argument' });
    expect(fake.sent).toHaveLength(0);
  });
  it('privilege only: bit 7 clear (as `ipmitool user priv`)', () => {
    // 01: channel 1, change bits off | 07: user | 03: OPERATOR; the optional session limit is left out
    expect(Array.from(encodeSetUserAccess({ channel: 1, userId: 7, privilegeLimit: 3 }))).toEqual([
      0x01, 0x07, 0x03,
    ]);
    const limited = encodeSetUserAccess({ channel: 1, userId: 7, privilegeLimit: 3, sessionLimit: 4 });
    expect(Array.from(limited)).toEqual([0x01, 0x07, 0x03, 0x04]);
  });
  it('with flags: bit 7 set, callback/link/IPMI in bits 6:4', () => {
    const d = encodeSetUserAccess({
      channel: 1,
      userId: 7,
      privilegeLimit: 2,
      flags: { callbackOnly: false, linkAuth: true, ipmiMessaging: true },
    });
    expect(Array.from(d)).toEqual([0xb1, 0x07, 0x02]);
  });
  it.each([0, 6, 14, 16])('rejects privilege limit %s before sending', async (p) => {
    const fake = new FakeRequester(() => ({}));
    await expect(setUserAccess(fake, { channel: 1, userId: 3, privilegeLimit: p })).rejects.toMatchObject({
      kind: 'argument',
    });
    expect(fake.sent).toHaveLength(0);
  });
});

describe('Set User Password', () => {
  it('set, 16-byte storage: 18 bytes', () => {
    const d = encodeSetUserPassword(7, 'set', 'short-pw', 16);
    expect(d).toHaveLength(18);
    expect(Array.from(d.subarray(0, 2))).toEqual([0x07, 0x02]);
    expect(Buffer.from(d.subarray(2, 10)).toString()).toBe('short-pw');
  });
  it('set, 20-byte storage: bit 7 of byte 1 and 22 bytes', () => {
    const d = encodeSetUserPassword(6, 'set', 'TwentyBytePassword!!', 20);
    expect(d).toHaveLength(22);
    expect(d[0]).toBe(0x86);
  });
  it.each([
    ['test 16', 'test', 16, 0x03, 0x03],
    ['test 20', 'test', 20, 0x83, 0x03],
    ['enable', 'enable', 16, 0x03, 0x01],
    ['disable', 'disable', 16, 0x03, 0x00],
  ] as const)('%s', (_n, op, size, b0, b1) => {
    const d = encodeSetUserPassword(3, op, op === 'test' ? 'pw' : undefined, size);
    expect([d[0], d[1]]).toEqual([b0, b1]);
  });
  it('ipmitool picks 20-byte storage only past 16 bytes', () => {
    expect(defaultPasswordStorage('x'.repeat(16))).toBe(16);
    expect(defaultPasswordStorage('x'.repeat(17))).toBe(20);
  });
  it.each([
    ['21 bytes', 'x'.repeat(21), 20],
    ['17 bytes into 16-byte storage', 'x'.repeat(17), 16],
  ] as const)('rejects %s before sending', async (_n, pw, size) => {
    const fake = new FakeRequester(() => ({}));
    await expect(setUserPassword(fake, 3, pw, size)).rejects.toMatchObject({ kind: 'argument' });
    await expect(testUserPassword(fake, 3, pw, size)).rejects.toMatchObject({ kind: 'argument' });
    expect(fake.sent).toHaveLength(0);
  });
  it('test password: 0x80 and 0x81 are answers, other codes are errors', async () => {
    const answers = [0, 0x80, 0x81, 0xd4];
    const fake = new FakeRequester((_r, i) => ({ cc: answers[i]! }));
    expect(await testUserPassword(fake, 3, 'a', 16)).toBe('match');
    expect(await testUserPassword(fake, 3, 'a', 16)).toBe('wrong-password');
    expect(await testUserPassword(fake, 3, 'a', 20)).toBe('wrong-size');
    await expect(testUserPassword(fake, 3, 'a', 16)).rejects.toMatchObject({
      kind: 'privilege',
      completionCode: 0xd4,
      command: 'Set User Password',
    });
  });
  it('enable/disable send the ops ipmitool sends', async () => {
    const fake = new FakeRequester(() => ({}));
    await enableUser(fake, 5);
    await disableUser(fake, 5);
    expect(fake.sent.map((s) => s.data.slice(0, 2))).toEqual([
      [5, 1],
      [5, 0],
    ]);
  });
});

describe('decoders on random input: a value or a typed IpmiError, nothing else', () => {
  const decoders = [decodeUserAccess, decodeUserName];
  it.each(decoders.map((d) => [d.name, d] as const))('%s', (_n, decode) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (data) => {
        try {
          decode(data);
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
          expect((e as IpmiError).kind).toBe('protocol');
        }
      }),
    );
  });
});
