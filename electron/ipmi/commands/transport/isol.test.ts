// Known answers for the IPMI v1.5 SOL (ISOL) requests and replies, byte for byte as ipmitool 1.8.19
// builds them (lib/ipmi_isol.c): Get = [00, param, 00, 00], Set = [00, param, value].
import { describe, expect, it } from 'vitest';
import { IpmiError, completionCodeError } from '../../errors';
import {
  GET_ISOL_CONFIG,
  ISOL_PARAM,
  SET_ISOL_CONFIG,
  decodeIsolParam,
  encodeGetIsolConfig,
  encodeSetIsolConfig,
  isolUnsupported,
  isolWriteValue,
  parseIsolSetting,
  type IsolConfig,
} from './isol';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const CFG: IsolConfig = { enabled: true, authentication: 0x84, bitRate: 0x0a };

describe('ISOL requests', () => {
  it('NetFn 0x34, Get 0x04, Set 0x03', () => {
    expect([GET_ISOL_CONFIG.netFn, GET_ISOL_CONFIG.cmd, SET_ISOL_CONFIG.cmd]).toEqual([0x34, 0x04, 0x03]);
  });
  it.each([
    ['enable', ISOL_PARAM.enable, '00010000'],
    ['authentication', ISOL_PARAM.authentication, '00020000'],
    ['bit rate', ISOL_PARAM.bitRate, '00050000'],
  ])('Get %s', (_n, p, bytes) => expect(hex(encodeGetIsolConfig(p))).toBe(bytes));

  it('Set encodes [00, param, value]', () => expect(hex(encodeSetIsolConfig(5, 0x0a))).toBe('00050a'));

  it('the reply value is the byte after the revision; a short reply is a protocol error', () => {
    expect(decodeIsolParam(Uint8Array.of(0x11, 0x84))).toBe(0x84);
    expect(() => decodeIsolParam(Uint8Array.of(0x11), GET_ISOL_CONFIG, 'bmc1')).toThrow(
      /bmc1: Get ISOL Configuration: response has 1 data bytes, expected at least 2/,
    );
  });
});

describe('isol set values (ipmitool words)', () => {
  it.each([
    ['enabled', 'true', 1, 1],
    ['enabled', 'false', 1, 0],
    ['privilege-level', 'user', 2, 0x82],
    ['privilege-level', 'operator', 2, 0x83],
    ['privilege-level', 'admin', 2, 0x84],
    ['privilege-level', 'oem', 2, 0x85],
    ['bit-rate', '9.6', 5, 0x06],
    ['bit-rate', '19.2', 5, 0x07],
    ['bit-rate', '38.4', 5, 0x08],
    ['bit-rate', '57.6', 5, 0x09],
    ['bit-rate', '115.2', 5, 0x0a],
  ])(
    '%s %s -> param %d value 0x%s (bit 7 of the privilege byte set on the BMC)',
    (name, value, param, byte) => {
      const s = parseIsolSetting(name, value);
      expect(s.param).toBe(param);
      expect(isolWriteValue(s, CFG)).toBe(byte);
    },
  );

  it('privilege-level keeps bit 7 only as the BMC had it; other parameters ignore it', () => {
    expect(
      isolWriteValue(parseIsolSetting('privilege-level', 'user'), { ...CFG, authentication: 0x04 }),
    ).toBe(0x02);
    expect(isolWriteValue(parseIsolSetting('enabled', 'false'), CFG)).toBe(0);
  });

  it.each([
    ['enabled', 'yes', 'Invalid value yes for parameter enabled\nValid values are true and false'],
    [
      'privilege-level',
      'callback',
      'Invalid value callback for parameter privilege-level\nValid values are user, operator, admin, and oem',
    ],
    [
      'bit-rate',
      '9600',
      'ISOL - Unsupported baud rate: 9600\nValid values are 9.6, 19.2, 38.4, 57.6 and 115.2',
    ],
    ['bit-rate', 'toString', 'ISOL - Unsupported baud rate: toString'],
    ['colour', 'blue', 'Error: invalid ISOL parameter colour'],
  ])("%s %s is refused with ipmitool's words", (name, value, message) => {
    let err: unknown;
    try {
      parseIsolSetting(name, value);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IpmiError);
    expect((err as IpmiError).kind).toBe('argument');
    expect((err as IpmiError).message.startsWith(message)).toBe(true);
  });
});

describe('isolUnsupported', () => {
  it('is true for 0xC1 only', () => {
    expect(isolUnsupported(completionCodeError('h', 'Get ISOL Configuration', 0x34, 4, 0xc1))).toBe(true);
    expect(isolUnsupported(completionCodeError('h', 'Get ISOL Configuration', 0x34, 4, 0xc9))).toBe(false);
    expect(isolUnsupported(new Error('x'))).toBe(false);
  });
});
