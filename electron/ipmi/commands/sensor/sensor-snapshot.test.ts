import { describe, expect, it } from 'vitest';
import type { IpmiRequest, IpmiResponse, Requester } from '../../client/requester';
import { dataOrThrow } from '../../client/requester';
import { decodeSdrRecord, type SensorRecord } from '../../decode/sdr/sdr-record';
import { IpmiError } from '../../errors';
import { readSensor } from './sensor-snapshot';

// LAB CPU Temp full record (ipmi-lan.md §11.8) with linearization (byte 23) patched to 0x70: non-linear,
// so its value needs Get Sensor Reading Factors
const bytes = Buffer.from(
  '010051013320001007017f680101950a950a3f3f0001000001000000000000000000ff005f5a5000050a0000000000c84350552054656d70',
  'hex',
);
bytes[23] = 0x70;
const record = decodeSdrRecord(bytes) as SensorRecord;

/** Answers Get Sensor Reading with a valid reading; Get Sensor Reading Factors as `factors` says. */
function bmc(factors: () => Promise<IpmiResponse>): Requester {
  const raw = async (req: IpmiRequest): Promise<IpmiResponse> => {
    if (req.cmd === 0x2d) return { completionCode: 0, data: Buffer.from([0x30, 0xc0, 0x00, 0x00]) };
    if (req.cmd === 0x23) return factors();
    return { completionCode: 0xc1, data: Buffer.alloc(0) };
  };
  return { host: 'fake', raw, request: async (req) => dataOrThrow('fake', req, await raw(req)) };
}

describe('readSensor: Get Sensor Reading Factors for non-linear sensors', () => {
  it('uses the factors the BMC returns', async () => {
    const r = bmc(async () => ({ completionCode: 0, data: Buffer.from([0x31, 0x02, 0x00, 0, 0, 0, 0]) }));
    const snap = await readSensor(r, record);
    expect(snap.factors).toMatchObject({ m: 2 });
    expect(snap.value).toBeDefined();
  });

  it.each([0xc1, 0xcb, 0xcc, 0xd5].map((cc) => [cc.toString(16), cc] as const))(
    'shows no value when the BMC does not support it (0x%s)',
    async (_, cc) => {
      const snap = await readSensor(
        bmc(async () => ({ completionCode: cc, data: Buffer.alloc(0) })),
        record,
      );
      expect(snap.reading?.valid).toBe(true);
      expect(snap.factors).toBeUndefined();
      expect(snap.value).toBeUndefined();
    },
  );

  it('rethrows cancellation', async () => {
    const cancelled = new IpmiError('cancelled', 'fake: cancelled', { host: 'fake' });
    await expect(
      readSensor(
        bmc(() => Promise.reject(cancelled)),
        record,
      ),
    ).rejects.toBe(cancelled);
  });

  it('rethrows a timeout, a privilege refusal and a malformed reply', async () => {
    const timeout = new IpmiError('timeout', 'fake: no answer', { host: 'fake' });
    await expect(
      readSensor(
        bmc(() => Promise.reject(timeout)),
        record,
      ),
    ).rejects.toBe(timeout);
    await expect(
      readSensor(
        bmc(async () => ({ completionCode: 0xd4, data: Buffer.alloc(0) })),
        record,
      ),
    ).rejects.toMatchObject({ kind: 'privilege' });
    await expect(
      readSensor(
        bmc(async () => ({ completionCode: 0, data: Buffer.from([0x31]) })),
        record,
      ),
    ).rejects.toMatchObject({ kind: 'protocol' });
  });

  it('rethrows an exception that is not an IpmiError', async () => {
    const bug = new TypeError('boom');
    await expect(
      readSensor(
        bmc(() => Promise.reject(bug)),
        record,
      ),
    ).rejects.toBe(bug);
  });
});
