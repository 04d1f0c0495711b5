import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeResponse, encodeRequest } from './ipmi-message';
import { fromHex } from '../wire/hex';

// Vectors: LAB captures of ipmitool 1.8.19 against ipmi_sim (research notes §1.3, §11.2).
describe('IPMI message', () => {
  it.each([
    // Get Channel Auth Capabilities, rqSeq 0: 20 18 c8 81 00 38 | 8e 04 | b5
    { netFn: 0x06, cmd: 0x38, rqSeq: 0, data: '8e04', wire: '2018c881003 88e04b5'.replace(/ /g, '') },
    // Set Session Privilege Level admin, rqSeq 1: 20 18 c8 81 04 3b 04 3c
    { netFn: 0x06, cmd: 0x3b, rqSeq: 1, data: '04', wire: '2018c881043b043c' },
    // Activate Payload SOL, rqSeq 6
    { netFn: 0x06, cmd: 0x48, rqSeq: 6, data: '0101c6000000', wire: '2018c88118480101c600000057' },
  ])('encodes netFn $netFn cmd $cmd seq $rqSeq', ({ netFn, cmd, rqSeq, data, wire }) => {
    expect(encodeRequest({ netFn, cmd, rqSeq, data: fromHex(data) }).toString('hex')).toBe(wire);
  });

  it('decodes the Get Channel Auth Capabilities response', () => {
    const r = decodeResponse(fromHex('811c632000380001970603000000 0007'.replace(/ /g, '')));
    expect(r).toMatchObject({
      rqAddr: 0x81,
      netFn: 0x07,
      rsAddr: 0x20,
      rqSeq: 0,
      cmd: 0x38,
      completionCode: 0,
    });
    expect(r!.data.toString('hex')).toBe('0197060300000000');
  });

  it('rejects a bad checksum and short input', () => {
    expect(decodeResponse(fromHex('811c632004 3b0004 9e'.replace(/ /g, '')))).toBeUndefined();
    expect(decodeResponse(fromHex('811c6320043b00'))).toBeUndefined();
    expect(decodeResponse(fromHex('811c6320043b00049d'))?.data.toString('hex')).toBe('04');
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (a) => {
        decodeResponse(Buffer.from(a));
      }),
    );
  });
});
