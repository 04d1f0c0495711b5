// setThresholdsView against a fake BMC holding the LAB CPU Temp thresholds (lnr 0, lcr 5, lnc 10, unc 80,
// ucr 90, unr 95; M=1 so raw = degrees C): the request it sends, the order check, and a read-back that
// disagrees (a BMC that clamps or ignores the write) failing as verify-failed naming the threshold.
import { describe, expect, it } from 'vitest';
import type { IpmiRequest, IpmiResponse, Requester } from '../ipmi/client/requester';
import { dataOrThrow } from '../ipmi/client/requester';
import { decodeSdrRecord } from '../ipmi/decode/sdr/sdr-record';
import { setThresholdsView } from './sensor-threshold';

const CPU = decodeSdrRecord(
  Buffer.from(
    '010051013320001007017f680101950a950a3f3f0001000001000000000000000000ff005f5a5000050a0000000000c84350552054656d70',
    'hex',
  ),
);

/** Get Sensor Thresholds order: lnc lcr lnr unc ucr unr. `apply` false: the BMC acks a Set but keeps its values. */
function fakeBmc(apply = true) {
  const t = [10, 5, 0, 80, 90, 95];
  const sets: number[][] = [];
  const raw = async (req: IpmiRequest): Promise<IpmiResponse> => {
    const d = [...(req.data ?? [])];
    if (req.cmd === 0x26) {
      sets.push(d);
      if (apply) for (let i = 0; i < 6; i++) if (d[1]! & (1 << i)) t[i] = d[2 + i]!;
      return { completionCode: 0, data: Buffer.alloc(0) };
    }
    if (req.cmd === 0x27) return { completionCode: 0, data: Buffer.from([0x3f, ...t]) };
    if (req.cmd === 0x2d) return { completionCode: 0, data: Buffer.from([45, 0xc0, 0, 0]) };
    return { completionCode: 0xc1, data: Buffer.alloc(0) };
  };
  const r: Requester = {
    host: 'fake',
    raw,
    request: async (req) => dataOrThrow('fake', req, await raw(req)),
  };
  return { r, sets };
}

describe('setThresholdsView', () => {
  it('sends one Set Sensor Thresholds with the mask of every value given, returns the view read back', async () => {
    const { r, sets } = fakeBmc();
    const v = await setThresholdsView(r, [CPU], 1, [
      { threshold: 'unc', value: 75 },
      { threshold: 'ucr', value: 88.6 }, // rounds to raw 89 as ipmitool does (fraction >= .5 up)
    ]);
    // sensor 0x10, mask unc|ucr = 0x18, bytes lnc lcr lnr unc ucr unr (unset ones 0)
    expect(sets).toEqual([[0x10, 0x18, 0, 0, 0, 75, 89, 0]]);
    expect(v.thresholds.map((t) => t.value)).toEqual([0, 5, 10, 75, 89, 95]);
    expect(v.value).toBe(45);
  });

  it.each([
    [
      [{ threshold: 'ucr' as const, value: 80 }],
      /^values\.0\.value: ucr 80 .* above unc \(80\) and below unr \(95\)$/,
    ],
    [[{ threshold: 'lnr' as const, value: 5 }], /^values\.0\.value: lnr 5 .* below lcr \(5\)$/],
    [
      [
        { threshold: 'unc' as const, value: 50 },
        { threshold: 'lnc' as const, value: 60 },
      ],
      /^values\.1\.value: lnc 60 /,
    ],
  ])('refuses thresholds out of order before writing (%#)', async (values, message) => {
    const { r, sets } = fakeBmc();
    await expect(setThresholdsView(r, [CPU], 1, values)).rejects.toMatchObject({ kind: 'argument', message });
    expect(sets).toEqual([]);
  });

  it('a write the BMC acknowledges but does not keep fails as verify-failed naming the threshold', async () => {
    const { r, sets } = fakeBmc(false);
    await expect(setThresholdsView(r, [CPU], 1, [{ threshold: 'ucr', value: 92 }])).rejects.toMatchObject({
      kind: 'verify-failed',
      reasons: ['threshold-ucr'],
    });
    expect(sets).toHaveLength(1);
  });

  it('an unknown record id is an argument error naming recordId', async () => {
    await expect(
      setThresholdsView(fakeBmc().r, [CPU], 9, [{ threshold: 'ucr', value: 92 }]),
    ).rejects.toMatchObject({
      kind: 'argument',
      message: /^recordId: /,
    });
  });
});
