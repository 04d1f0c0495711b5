// Known answers for the App (NetFn 0x06) decoders of this family. LAB = ipmi_sim 2.0.33 with the lab's
// `mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02`, read with `ipmitool raw 0x06 0x01`
// (" 00 03 09 08 02 9f 91 12 00 02 0f 00 00 00 00") and `ipmitool mc getenables` (0x08 = SEL only);
// the GUID is lan.conf's `guid a123456789abcdefa123456789abcdef`. SPEC = IPMI v2.0 §20, §22.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeDeviceId, getDeviceId } from './get-device-id';
import { decodeGuid, getSystemGuid, getDeviceGuid } from './get-device-guid';
import { decodeGlobalEnables, encodeGlobalEnables, setGlobalEnables } from './bmc-global-enables';
import { decodeSelfTestResults } from './get-self-test-results';
import { coldReset } from './cold-reset';
import { warmReset } from './warm-reset';
import { answering } from '../fake-requester';
import { IpmiError } from '../../errors';
import { fromHex } from '../../wire/hex';

describe('Get Device ID', () => {
  it('LAB: ipmi_sim lab BMC, 15 bytes', () => {
    // 00 device id | 03 rev 3, no SDRs | 09 fw 9, available | 08 minor | 02 IPMI 2.0 | 9f support
    // 91 12 00 mfg 0x001291 = 4753 | 02 0f product 0x0f02 | 00 00 00 00 aux
    const d = decodeDeviceId(fromHex('00 03 09 08 02 9f 91 12 00 02 0f 00 00 00 00'));
    expect(d).toMatchObject({
      deviceId: 0,
      deviceRevision: 3,
      providesDeviceSdrs: false,
      deviceAvailable: true,
      firmwareMajor: 9,
      firmwareMinor: 8,
      ipmiVersion: { major: 2, minor: 0 },
      supportBits: 0x9f,
      support: ['sensor', 'sdr-repository', 'sel', 'fru-inventory', 'ipmb-event-receiver', 'chassis'],
      manufacturerId: 4753,
      productId: 0x0f02,
    });
    expect(d.auxFirmware?.toString('hex')).toBe('00000000');
  });

  it('SPEC: flags and the 11-byte form without aux revision', () => {
    // 20 id | 81 SDRs + rev 1 | 82 update in progress, major 2 | 41 | 51 IPMI 1.5 | 00 | a2 02 00 = 674 | 00 01
    const d = decodeDeviceId(fromHex('20 81 82 41 51 00 a2 02 00 00 01'));
    expect(d).toMatchObject({
      deviceId: 0x20,
      providesDeviceSdrs: true,
      deviceRevision: 1,
      deviceAvailable: false,
      firmwareMajor: 2,
      firmwareMinor: 0x41,
      ipmiVersion: { major: 1, minor: 5 },
      support: [],
      manufacturerId: 674,
      productId: 0x0100,
    });
    expect(d.auxFirmware).toBeUndefined();
  });

  it('SPEC: manufacturer ID is 20 bits; the reserved high nibble of byte 9 is ignored (as ipmitool)', () => {
    // a2 02 f0: reserved bits [7:4] set, manufacturer 0x002a2 = 674
    expect(decodeDeviceId(fromHex('20 81 82 41 51 00 a2 02 f0 00 01')).manufacturerId).toBe(674);
  });

  it('rejects 10 bytes', () => {
    expect(() => decodeDeviceId(fromHex('00 03 09 08 02 9f 91 12 00 02'))).toThrow(
      expect.objectContaining({ kind: 'protocol', command: 'Get Device ID' }),
    );
  });

  it('sends NetFn 6 cmd 1', async () => {
    const r = answering({ data: Array.from(fromHex('00 03 09 08 02 9f 91 12 00 02 0f')) });
    await getDeviceId(r);
    expect(r.sent).toEqual([{ netFn: 6, cmd: 1, data: [] }]);
  });
});

describe('GUID', () => {
  it('LAB: 16 bytes as sent; `mc guid` uses Get System GUID (0x37)', async () => {
    const r = answering({ data: Array.from(fromHex('a123456789abcdefa123456789abcdef')) });
    expect((await getSystemGuid(r)).toString('hex')).toBe('a123456789abcdefa123456789abcdef');
    await getDeviceGuid(r);
    expect(r.sent.map((s) => s.cmd)).toEqual([0x37, 0x08]);
    expect(() => decodeGuid(fromHex('a1 23'))).toThrow(expect.objectContaining({ kind: 'protocol' }));
  });
});

describe('BMC global enables', () => {
  it('LAB: 0x08 = system event logging only', () => {
    expect(decodeGlobalEnables(fromHex('08'))).toEqual({
      raw: 8,
      receiveMessageInterrupt: false,
      eventBufferFullInterrupt: false,
      eventMessageBuffer: false,
      systemEventLogging: true,
      oem0: false,
      oem1: false,
      oem2: false,
    });
  });
  it('SPEC: OEM bits 5-7, bit 4 reserved', () => {
    expect(decodeGlobalEnables(fromHex('f0'))).toMatchObject({
      oem0: true,
      oem1: true,
      oem2: true,
      systemEventLogging: false,
    });
  });
  it('encodes one byte and rejects anything else without sending', async () => {
    expect(Array.from(encodeGlobalEnables(0x0c))).toEqual([0x0c]);
    const r = answering({});
    await expect(setGlobalEnables(r, 256)).rejects.toMatchObject({ kind: 'argument' });
    expect(r.sent).toEqual([]);
    await setGlobalEnables(r, 0x0c);
    expect(r.sent).toEqual([{ netFn: 6, cmd: 0x2e, data: [0x0c] }]);
  });
});

describe('Get Self Test Results', () => {
  it.each([
    ['55 00', { result: 'passed' }],
    ['56 00', { result: 'not-implemented' }],
    ['57 81', { result: 'device-error', failures: ['firmware-corrupted', 'sel-inaccessible'] }],
    ['58 12', { result: 'fatal', detail: 0x12 }],
    ['ff 00', { result: 'device-specific', code: 0xff }],
    ['80 01', { result: 'device-specific', code: 0x80, detail: 1 }],
  ])('SPEC: %s', (hex, want) => {
    expect(decodeSelfTestResults(fromHex(hex))).toMatchObject(want);
  });
});

describe('resets', () => {
  it('cold reset: no answer is success (the BMC reboots), sent once without retries', async () => {
    const r = answering('timeout');
    await coldReset(r);
    expect(r.sent).toEqual([{ netFn: 6, cmd: 2, data: [], opts: { retries: 0, idempotent: false } }]);
  });
  it('cold reset: a refusal is still an error', async () => {
    await expect(coldReset(answering({ cc: 0xd4 }))).rejects.toMatchObject({
      kind: 'privilege',
      command: 'Cold Reset',
    });
  });
  it('warm reset: a timeout is an error', async () => {
    await expect(warmReset(answering('timeout'))).rejects.toMatchObject({ kind: 'timeout' });
    const r = answering({});
    await warmReset(r);
    // non-idempotent: never retransmitted early (retransmit-safety)
    expect(r.sent).toEqual([{ netFn: 6, cmd: 3, data: [], opts: { idempotent: false } }]);
  });
});

describe('decoders on arbitrary input give a value or a typed IpmiError', () => {
  const decoders: [string, (d: Uint8Array) => unknown][] = [
    ['device id', decodeDeviceId],
    ['guid', (d) => decodeGuid(d)],
    ['global enables', decodeGlobalEnables],
    ['self test', decodeSelfTestResults],
  ];
  it.each(decoders)('%s', (_, decode) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20 }), (a) => {
        try {
          decode(a);
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
          expect((e as IpmiError).kind).toBe('protocol');
        }
      }),
    );
  });
});
