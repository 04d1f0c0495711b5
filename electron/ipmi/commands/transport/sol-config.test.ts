// SOL configuration parameters (specs/ipmi-lan.md §4.5). Known answers: LAB replies of ipmi_sim 2.0.33,
// which implements parameters 0, 1, 5 and 6 only (`ipmitool raw 0x0c 0x22 0x01 <p> 0 0`, captured for this
// module), and the bytes ipmitool's `sol set` sends (lib/ipmi_sol.c ipmi_sol_set_param).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IpmiError } from '../../errors';
import { FakeRequester } from '../fake-requester';
import { labSolAnswer } from './lab-replies';
import {
  decodeSolParam,
  encodeSolSetting,
  parseBitRate,
  readSolConfiguration,
  setSolSetting,
  SOL_PARAM,
  type SolConfiguration,
  type SolParamName,
} from './sol-config';

describe('reading', () => {
  it('LAB: parameters 2, 3, 4, 7, 8 unsupported, the rest decoded', async () => {
    const fake = new FakeRequester(labSolAnswer);
    const cfg = await readSolConfiguration(fake, 1);
    expect(cfg).toEqual({
      unsupported: ['authentication', 'characterInterval', 'retry', 'payloadChannel', 'payloadPort'],
      setInProgress: 0,
      enabled: true,
      nonVolatileBitRate: 0,
      volatileBitRate: 0,
    });
    expect(fake.sent.map((s) => s.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((p) => [1, p, 0, 0]));
  });
  it.each([
    // every byte of the spec layouts
    ['authentication', [0xc3], { forceEncryption: true, forceAuthentication: true, privilegeLevel: 3 }],
    ['characterInterval', [0x0c, 0x60], { characterAccumulateIntervalMs: 60, characterSendThreshold: 96 }],
    ['retry', [0x07, 0x32], { retryCount: 7, retryIntervalMs: 500 }],
    ['volatileBitRate', [0x0a], { volatileBitRate: 10 }],
    ['payloadChannel', [0x01], { payloadChannel: 1 }],
    ['payloadPort', [0x6f, 0x02], { payloadPort: 623 }],
  ] as const)('%s', (name, data, want) => {
    const cfg: SolConfiguration = { unsupported: [] };
    decodeSolParam(name, Uint8Array.from(data), cfg);
    expect(cfg).toEqual({ unsupported: [], ...want });
  });
  it('random replies: a value or a typed IpmiError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 4 }), { minLength: 9, maxLength: 9 }),
        async (replies) => {
          const fake = new FakeRequester((_r, i) => ({ data: Array.from(replies[i]!) }));
          try {
            await readSolConfiguration(fake, 1);
          } catch (e) {
            expect(e).toBeInstanceOf(IpmiError);
            expect((e as IpmiError).kind).toBe('protocol');
          }
        },
      ),
    );
  });
  it('decodeSolParam on random data: a value or a protocol error', () => {
    const names = Object.keys(SOL_PARAM) as SolParamName[];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.uint8Array({ maxLength: 3 }), (name, data) => {
        try {
          decodeSolParam(name, data, { unsupported: [] });
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
        }
      }),
    );
  });
});

describe('bit rates', () => {
  it.each([
    ['serial', 0],
    ['9.6', 6],
    ['19.2', 7],
    ['38.4', 8],
    ['57.6', 9],
    ['115.2', 10],
  ])('%s -> %i', (t, c) => expect(parseBitRate(t)).toBe(c));
  it.each(['7', '9600', '115200', '', '19,2'])('"%s" is refused', (t) =>
    expect(() => parseBitRate(t)).toThrow(expect.objectContaining({ kind: 'argument' })),
  );
});

describe('writing', () => {
  it('read-modify-write keeps the other half of the parameter', () => {
    // current authentication: force auth + ADMIN
    expect(
      Array.from(encodeSolSetting({ name: 'force-encryption', value: true }, Uint8Array.of(0x44))),
    ).toEqual([0xc4]);
    expect(Array.from(encodeSolSetting({ name: 'privilege-level', value: 2 }, Uint8Array.of(0xc4)))).toEqual([
      0xc2,
    ]);
    expect(
      Array.from(encodeSolSetting({ name: 'retry-interval', value: 50 }, Uint8Array.of(0x03, 0x10))),
    ).toEqual([0x03, 50]);
    expect(
      Array.from(
        encodeSolSetting({ name: 'character-send-threshold', value: 96 }, Uint8Array.of(0x0c, 0x00)),
      ),
    ).toEqual([0x0c, 96]);
  });
  it.each([
    { name: 'retry-count', value: 8 },
    { name: 'character-accumulate-level', value: 0 },
    { name: 'retry-interval', value: 256 },
    { name: 'volatile-bit-rate', value: 5 },
    { name: 'privilege-level', value: 1 },
  ] as const)('$name $value is refused before sending', async (s) => {
    const fake = new FakeRequester(labSolAnswer);
    await expect(setSolSetting(fake, 1, s as never)).rejects.toMatchObject({ kind: 'argument' });
    expect(fake.sent).toHaveLength(0);
  });
  it('guarded write: lock, value, commit, complete (as ipmitool)', async () => {
    const fake = new FakeRequester(() => ({}));
    await setSolSetting(fake, 1, { name: 'volatile-bit-rate', value: 7 });
    expect(fake.sent.map((s) => [s.cmd, ...s.data])).toEqual([
      [0x21, 1, 0, 1],
      [0x21, 1, 6, 7],
      [0x21, 1, 0, 2],
      [0x21, 1, 0, 0],
    ]);
  });
  it('a refused write releases the lock and reports the BMC error', async () => {
    const fake = new FakeRequester((req) => (req.data![1] === 6 ? { cc: 0xcc } : {}));
    await expect(setSolSetting(fake, 1, { name: 'volatile-bit-rate', value: 7 })).rejects.toMatchObject({
      kind: 'completion-code',
      completionCode: 0xcc,
    });
    expect(fake.sent.at(-1)!.data).toEqual([1, 0, 0]);
  });
  it('an unsupported read-modify-write parameter fails without writing', async () => {
    const fake = new FakeRequester(labSolAnswer);
    await expect(setSolSetting(fake, 1, { name: 'retry-count', value: 3 })).rejects.toMatchObject({
      completionCode: 0x80,
    });
    expect(fake.sent.every((s) => s.cmd === 0x22)).toBe(true);
  });
});
