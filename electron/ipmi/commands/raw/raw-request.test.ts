// Raw requests: every field validated before anything is sent.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rawRequest, validateRawRequest } from './raw-request';
import { answering } from '../fake-requester';

describe('raw request', () => {
  it('passes netFn, cmd, data through and returns a non-zero completion code instead of throwing', async () => {
    const r = answering({ cc: 0xc1 });
    expect(await rawRequest(r, { netFn: 0x06, cmd: 0x55, data: [1, 0xff] })).toEqual({
      completionCode: 0xc1,
      data: Buffer.alloc(0),
    });
    // of unknown effect, so never retransmitted early
    expect(r.sent).toEqual([{ netFn: 6, cmd: 0x55, data: [1, 0xff], opts: { idempotent: false } }]);
  });

  it.each([
    [{ netFn: 0x40, cmd: 1 }, /NetFn/],
    [{ netFn: -1, cmd: 1 }, /NetFn/],
    [{ netFn: 1.5, cmd: 1 }, /NetFn/],
    [{ netFn: 6, cmd: 0x100 }, /command/],
    [{ netFn: 6, cmd: 1, data: [0, 256] }, /data byte 2/],
    [{ netFn: 6, cmd: 1, data: [NaN] }, /data byte 1/],
    [{ netFn: 6, cmd: 1, lun: 4 }, /LUN/],
    [{ netFn: 6, cmd: 1, data: new Array(256).fill(0) }, /at most 255/],
  ])('rejects %j without sending', async (req, msg) => {
    const r = answering({});
    await expect(rawRequest(r, req)).rejects.toMatchObject({
      kind: 'argument',
      message: expect.stringMatching(msg),
    });
    expect(r.sent).toEqual([]);
  });

  it('accepts exactly the valid ranges', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 0x42 }), fc.integer({ min: -2, max: 0x101 }), (netFn, cmd) => {
        const ok = netFn >= 0 && netFn <= 0x3f && cmd >= 0 && cmd <= 0xff;
        if (ok) expect(validateRawRequest({ netFn, cmd })).toMatchObject({ netFn, cmd, lun: 0 });
        else
          expect(() => validateRawRequest({ netFn, cmd })).toThrow(
            expect.objectContaining({ kind: 'argument' }),
          );
      }),
    );
  });
});
