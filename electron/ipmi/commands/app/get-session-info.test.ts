// Known answers for Get Session Info: requests per selector and the reply layouts of IPMI v2.0 §22.20.
import { describe, expect, it } from 'vitest';
import { decodeSessionInfo, encodeGetSessionInfo } from './get-session-info';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('Get Session Info', () => {
  it.each([
    [{ kind: 'current' } as const, '00'],
    [{ kind: 'index', index: 1 } as const, '01'],
    [{ kind: 'index', index: 0xfd } as const, 'fd'],
    [{ kind: 'handle', handle: 0x3f } as const, 'fe3f'],
    [{ kind: 'id', id: 0x12345678 } as const, 'ff78563412'],
  ])('encodes %j as %s', (sel, want) => {
    expect(Buffer.from(encodeGetSessionInfo(sel)).toString('hex')).toBe(want);
  });

  it('refuses selectors it cannot encode', () => {
    expect(() => encodeGetSessionInfo({ kind: 'index', index: 0 })).toThrow(/1-253/);
    expect(() => encodeGetSessionInfo({ kind: 'index', index: 0xfe })).toThrow(/1-253/);
    expect(() => encodeGetSessionInfo({ kind: 'handle', handle: 256 })).toThrow(/0-255/);
    expect(() => encodeGetSessionInfo({ kind: 'id', id: -1 })).toThrow(/session ID/);
  });

  it('an empty slot: three bytes, counts masked to 6 bits', () => {
    expect(decodeSessionInfo(hex('00 ff c1'))).toEqual({
      handle: 0,
      slotCount: 63,
      activeCount: 1,
      length: 3,
    });
  });

  it('ipmi_sim: six bytes (no channel data)', () => {
    expect(decodeSessionInfo(hex('01 3f 01 02 04 11'))).toEqual({
      handle: 1,
      slotCount: 63,
      activeCount: 1,
      userId: 2,
      privilege: 4,
      channel: 1,
      auxiliary: 1,
      length: 6,
    });
  });

  it('802.3 LAN: console IP, MAC and port (little-endian)', () => {
    const s = decodeSessionInfo(hex('02 04 02 c3 f3 01  c0000207 020000000007 3930'));
    expect([s.userId, s.privilege, s.auxiliary, s.channel]).toEqual([3, 3, 0, 1]);
    expect(s.lan).toEqual({ consoleIp: '192.0.2.7', consoleMac: '02:00:00:00:00:07', consolePort: 0x3039 });
  });

  it('serial/modem: activity, destination selector, IP, and a port only for PPP (14 bytes)', () => {
    expect(decodeSessionInfo(hex('01 04 01 02 04 02  01 f3 0a000001')).modem).toEqual({
      activityType: 1,
      destinationSelector: 3,
      consoleIp: '10.0.0.1',
    });
    expect(decodeSessionInfo(hex('01 04 01 02 04 02  00 01 0a000001 1600')).modem?.consolePort).toBe(22);
  });

  it('a reply shorter than 3 bytes is a protocol error naming the command', () => {
    expect(() => decodeSessionInfo(hex('01 02'), 'bmc1')).toThrow(/bmc1: Get Session Info/);
  });
});
