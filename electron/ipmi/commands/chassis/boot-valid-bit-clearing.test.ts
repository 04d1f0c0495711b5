// Boot parameter 3 (valid-bit clearing): layout known answers and the read-modify-write sequence.
import { describe, expect, it } from 'vitest';
import { FakeRequester } from '../fake-requester';
import {
  applyValidBitChange,
  decodeValidBitClearing,
  updateValidBitClearing,
} from './boot-valid-bit-clearing';

describe('valid bit clearing layout', () => {
  it.each([
    [0x00, { pef: false, timeout: false, watchdog: false, reset: false, power: false }],
    [0x1f, { pef: true, timeout: true, watchdog: true, reset: true, power: true }],
    [0x12, { pef: true, timeout: false, watchdog: false, reset: true, power: false }],
    [0xe8, { pef: false, timeout: true, watchdog: false, reset: false, power: false }],
  ])('0x%s decodes', (b, want) => {
    expect(decodeValidBitClearing(Uint8Array.of(b))).toEqual(want);
  });
  it.each([
    [0x1f, { timeout: false, pef: false }, 0x07],
    [0x00, { watchdog: true }, 0x04],
    [0x04, { watchdog: true, power: false }, 0x04],
    [0xff, {}, 0xff],
  ])('0x%s with %j → 0x%s', (cur, change, want) => {
    expect(applyValidBitChange(cur, change)).toBe(want);
  });
});

describe('updateValidBitClearing', () => {
  it('set-in-progress, ack, read 3, write 3, commit, set-complete', async () => {
    const r = new FakeRequester((req) => (req.cmd === 0x09 ? { data: [1, 3, 0x1f] } : {}));
    expect(await updateValidBitClearing(r, { timeout: false })).toBe(0x17);
    expect(r.sent.map((s) => [s.cmd, ...s.data])).toEqual([
      [0x08, 0x00, 0x01],
      [0x08, 0x04, 0x01, 0x01],
      [0x09, 0x03, 0x00, 0x00],
      [0x08, 0x03, 0x17],
      [0x08, 0x00, 0x02],
      [0x08, 0x00, 0x00],
    ]);
  });
  it('without parameter 0 the bracket is skipped; a refused write of 3 is thrown naming Set (cmd 0x08)', async () => {
    const r = new FakeRequester((req) =>
      req.cmd === 0x09 ? { data: [1, 3, 0] } : req.data?.[0] === 3 ? { cc: 0x82 } : { cc: 0x80 },
    );
    await expect(updateValidBitClearing(r, { pef: true })).rejects.toMatchObject({
      completionCode: 0x82,
      cmd: 0x08,
    });
    expect(r.sent.map((s) => s.data[0])).toEqual([0, 4, 3, 3]);
  });
});
