// Known answers for the FRU view of the LAB FRU image (ipmi-lan.md §11.10, fru-vector.ts), a damaged copy
// of it, and the device walk over SDR FRU locators with a fake BMC.
import { describe, expect, it } from 'vitest';
import { decodeFruInventory } from '../ipmi/decode/fru/fru-inventory-data';
import { FRU_VECTOR } from '../ipmi/decode/fru/fru-vector';
import { fruView as fruViewSchema } from '../../shared/domain/fru';
import type { IpmiRequest, IpmiResponse, Requester } from '../ipmi/client/requester';
import { dataOrThrow } from '../ipmi/client/requester';
import { IpmiError } from '../ipmi/errors';
import type { SdrRecord } from '../ipmi/decode/sdr/sdr-record';
import { fruDevicesOf, fruView, readFruDevices } from './fru';

const text = (v: ReturnType<typeof fruView>, area: 'chassis' | 'board' | 'product') =>
  Object.fromEntries(
    (v[area]?.fields ?? []).map((f) => [f.key === 'custom' ? `custom:${f.text}` : f.key, f.text]),
  );

describe('fruView', () => {
  it('the LAB image: every area and field decoded, chassis type and date in words, the DC output record', () => {
    const v = fruView(0, decodeFruInventory(FRU_VECTOR));
    expect(v.headerChecksumOk).toBe(true);
    expect(v.problems).toEqual([]);
    expect(v.chassis).toMatchObject({
      offset: 8,
      length: 24,
      checksumOk: true,
      chassisType: { code: 0x17, name: 'Rack Mount Chassis' },
    });
    expect(text(v, 'chassis')).toEqual({ partNumber: 'CP-01', serialNumber: 'CS1234' });
    expect(v.board).toMatchObject({
      language: 0x19,
      manufactured: { minutes: 0xc09cc0, iso: '2020-01-01T00:00:00.000Z' },
    });
    expect(text(v, 'board')).toEqual({
      manufacturer: 'ACME',
      productName: 'IPMI BRD',
      serialNumber: '1234-5',
      partNumber: 'PN-42',
      fruFileId: '',
    });
    expect(v.board!.fields.find((f) => f.key === 'productName')).toMatchObject({
      encoding: 'ascii6',
      hex: '29dca6802893',
    });
    expect(text(v, 'product')).toMatchObject({
      name: 'Widget Server',
      assetTag: 'ASSET42',
      'custom:Custom1': 'Custom1',
    });
    expect(v.multiRecords).toHaveLength(1);
    expect(v.multiRecords[0]).toMatchObject({
      type: 1,
      typeName: 'DC Output',
      endOfList: true,
      recordChecksumOk: true,
      body: {
        kind: 'dc-output',
        outputNumber: 1,
        nominalVoltage: 12,
        maxNegativeDeviation: 11.4,
        rippleAndNoiseMv: 50,
        maxCurrent: 10,
      },
    });
    expect(fruViewSchema.safeParse(v).success).toBe(true);
  });

  it('a damaged board area: its checksum problem is listed, the other areas still decode', () => {
    const bad = Uint8Array.from(FRU_VECTOR);
    bad[40] = bad[40]! ^ 0x01; // a board field byte, under the board checksum
    const v = fruView(3, decodeFruInventory(bad));
    expect(v.deviceId).toBe(3);
    expect(v.board!.checksumOk).toBe(false);
    expect(v.problems).toContainEqual({ area: 'board', message: 'area checksum is wrong' });
    expect(v.product!.checksumOk).toBe(true);
    expect(text(v, 'product').name).toBe('Widget Server');
  });
});

/** A logical FRU device locator (type 0x11): access address 0x10 (= 0x20 >> 1), `id`, type 0x10. */
const locator = (fruDeviceId: number, name: string, accessAddress = 0x10, deviceType = 0x10): SdrRecord =>
  ({
    kind: 'fru-locator',
    logical: true,
    accessAddress,
    fruDeviceId,
    deviceType,
    deviceTypeModifier: 0,
    id: name,
  }) as unknown as SdrRecord;

describe('readFruDevices', () => {
  it('lists the built-in FRU and the logical FRU devices on the BMC as ipmitool fru print does', () => {
    expect(
      fruDevicesOf([
        locator(0, 'dup of builtin'),
        locator(2, 'PSU FRU'),
        locator(3, 'Bridged', 0x38),
        locator(4, 'Not FRU', 0x10, 0x02),
      ]),
    ).toEqual([
      { deviceId: 0, name: 'Builtin FRU Device', kind: 'read' },
      { deviceId: 2, name: 'PSU FRU', kind: 'read' },
      { deviceId: 3, name: 'Bridged', kind: 'unsupported' },
      { deviceId: 4, name: 'Not FRU', kind: 'not-inventory' },
    ]);
  });

  it('reads each device, keeps a refusal as that device error and goes on', async () => {
    const raw = async (req: IpmiRequest): Promise<IpmiResponse> => {
      const id = req.data![0]!;
      if (id !== 0) return { completionCode: 0xcb, data: Buffer.alloc(0) };
      if (req.cmd === 0x10) return { completionCode: 0, data: Buffer.from([FRU_VECTOR.length, 0, 0]) };
      const offset = req.data![1]! | (req.data![2]! << 8);
      const part = FRU_VECTOR.subarray(offset, offset + req.data![3]!);
      return { completionCode: 0, data: Buffer.from([part.length, ...part]) };
    };
    const r: Requester = {
      host: 'fake',
      raw,
      request: async (req) => dataOrThrow('fake', req, await raw(req)),
    };
    const done: number[] = [];
    const devices = await readFruDevices(r, async () => [locator(2, 'PSU FRU')], {
      onDevice: (n) => done.push(n),
    });
    expect(devices.map((d) => d.name)).toEqual(['Builtin FRU Device', 'PSU FRU']);
    expect(text(devices[0]!.fru!, 'board').manufacturer).toBe('ACME');
    expect(devices[1]!.error).toBeInstanceOf(IpmiError);
    expect((devices[1]!.error as IpmiError).completionCode).toBe(0xcb);
    expect(done).toEqual([1, 2]);
    const ac = new AbortController();
    ac.abort();
    await expect(readFruDevices(r, async () => [], { signal: ac.signal })).rejects.toMatchObject({
      kind: 'cancelled',
    });
  });
});
