// Known answers for the `lan set` value encodings kept in lan-config.ts: authentication type enables
// (parameter 2), BMC ARP control (10), gratuitous ARP interval (11) and the bad password threshold (26),
// byte for byte as ipmitool 1.8.19 writes them (lib/ipmi_lanp.c), except where its parser has a bug
// (comma lists, noted below).
import { describe, expect, it } from 'vitest';
import {
  decodeArpControl,
  badPasswordThresholdFromUnits,
  decodeBadPasswordThreshold,
  decodeGratuitousArpInterval,
  encodeArpControl,
  encodeAuthTypeEnables,
  encodeBadPasswordThreshold,
  encodeGratuitousArpInterval,
  parseAuthLevels,
  parseAuthTypes,
} from './lan-config';
import { LAB_LAN_REPLIES } from './lab-replies';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
// ipmi_sim's parameter 2: NONE MD2 MD5 PASSWORD (0x17) for callback..admin, nothing for OEM
const LAB_AUTH = Uint8Array.from(LAB_LAN_REPLIES[2]!.slice(1));

describe('authentication type enables (parameter 2)', () => {
  it.each([
    ['NONE', 0x01],
    ['md2', 0x02],
    ['MD5', 0x04],
    ['PASSWORD', 0x10],
    ['key', 0x10],
    ['OEM', 0x20],
    // the usage text's own example; ipmitool 1.8.19 would enable PASSWORD only and warn about
    // "PASSWORD,MD5" (it compares the rest of the list, not the item)
    ['PASSWORD,MD5', 0x14],
    ['none,md2,md5,password,oem', 0x37],
  ])('types %s -> mask 0x%s', (list, mask) => {
    expect(parseAuthTypes(list)).toEqual({ mask, invalid: [] });
  });

  it('unknown names are returned, the known ones still count', () => {
    expect(parseAuthTypes('MD5,RC4,')).toEqual({ mask: 0x04, invalid: ['RC4', ''] });
    expect(parseAuthTypes('toString')).toEqual({ mask: 0, invalid: ['toString'] });
    expect(parseAuthLevels('ADMIN,root,user')).toEqual({ bytes: [3, 1], invalid: ['root'] });
  });

  it.each([
    ['ADMIN', 'MD5', '1717170400'],
    ['CALLBACK', 'NONE', '0117171700'],
    ['USER,OPERATOR', 'PASSWORD,MD5', '1714141700'],
  ])('level %s types %s on the lab value -> %s', (levels, types, bytes) => {
    const l = parseAuthLevels(levels);
    const t = parseAuthTypes(types);
    expect(hex(encodeAuthTypeEnables(LAB_AUTH, l.bytes, t.mask))).toBe(bytes);
  });

  it('keeps the OEM byte and refuses a short current value', () => {
    expect(hex(encodeAuthTypeEnables(Uint8Array.of(0, 0, 0, 0, 0x20), [3], 0x04))).toBe('0000000420');
    expect(() => encodeAuthTypeEnables(Uint8Array.of(0, 0), [0], 1)).toThrow(
      expect.objectContaining({ kind: 'argument' }),
    );
  });
});

describe('BMC ARP control (parameter 10)', () => {
  it.each([
    [0x00, 'respond', true, 0x02],
    [0x03, 'respond', false, 0x01],
    [0x02, 'generate', true, 0x03],
    [0x03, 'generate', false, 0x02],
    // reserved bits are kept
    [0xf0, 'generate', true, 0xf1],
  ] as const)('0x%s: %s %s -> 0x%s', (cur, which, on, out) => {
    expect(encodeArpControl(cur, which, on)).toBe(out);
  });
  it('decodes both bits', () => {
    expect(decodeArpControl(0x02)).toEqual({ respond: true, generate: false });
    expect(decodeArpControl(0x01)).toEqual({ respond: false, generate: true });
  });
});

describe('gratuitous ARP interval (parameter 11, 500 ms units, 0-based)', () => {
  it.each([
    [1, 1],
    [2, 3],
    [5, 9],
    [127, 253],
  ])('%d s -> 0x%s', (s, raw) => {
    expect(encodeGratuitousArpInterval(s)).toBe(raw);
    expect(decodeGratuitousArpInterval(raw)).toBe(s);
  });
  it('a raw value between whole seconds decodes exactly (lan print truncates it, as ipmitool)', () => {
    expect(decodeGratuitousArpInterval(0)).toBe(0.5);
    expect(decodeGratuitousArpInterval(2)).toBe(1.5);
  });
  it.each([0, 128, 1.5, -1])('%s s is refused', (s) =>
    expect(() => encodeGratuitousArpInterval(s)).toThrow(expect.objectContaining({ kind: 'argument' })),
  );
});

describe('bad password threshold (parameter 26): seconds in, tens of seconds on the wire', () => {
  it('`lan set 1 bad_pass_thresh 3 1 6 12` (60 s, 120 s) round-trips', () => {
    const t = { generateEvent: true, threshold: 3, resetIntervalSeconds: 60, lockoutIntervalSeconds: 120 };
    expect(hex(encodeBadPasswordThreshold(t))).toBe('010306000c00');
    expect(decodeBadPasswordThreshold(encodeBadPasswordThreshold(t))).toEqual(t);
  });
  it("ipmitool's arguments are counts of 10 s: badPasswordThresholdFromUnits gives the same bytes", () => {
    const t = badPasswordThresholdFromUnits({
      threshold: 3,
      generateEvent: true,
      resetIntervalUnits: 6,
      lockoutIntervalUnits: 12,
    });
    expect(t).toEqual({
      generateEvent: true,
      threshold: 3,
      resetIntervalSeconds: 60,
      lockoutIntervalSeconds: 120,
    });
    expect(hex(encodeBadPasswordThreshold(t))).toBe('010306000c00');
    // what `lan print` shows for them (the decoder the view uses): seconds, as ipmitool prints
    expect(decodeBadPasswordThreshold(encodeBadPasswordThreshold(t)).resetIntervalSeconds).toBe(60);
  });
  it('the largest intervals are LS byte first', () => {
    expect(
      hex(
        encodeBadPasswordThreshold({
          generateEvent: false,
          threshold: 255,
          resetIntervalSeconds: 655350,
          lockoutIntervalSeconds: 2560,
        }),
      ),
    ).toBe('00ffffff0001');
  });
  it.each([
    { threshold: 256, resetIntervalSeconds: 0, lockoutIntervalSeconds: 0 },
    { threshold: 1, resetIntervalSeconds: 15, lockoutIntervalSeconds: 0 },
    { threshold: 1, resetIntervalSeconds: 0, lockoutIntervalSeconds: 655360 },
  ])('refuses %j', (t) =>
    expect(() => encodeBadPasswordThreshold({ generateEvent: false, ...t })).toThrow(
      expect.objectContaining({ kind: 'argument' }),
    ),
  );
});
