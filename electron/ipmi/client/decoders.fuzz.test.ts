// Property tests: every datagram decoder of the session layer takes arbitrary bytes without throwing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeRmcpPlus, encodeRmcpPlus, type SessionCrypto } from '../rmcpplus/packet';
import { decodeOpenSessionResponse } from '../rmcpplus/open-session';
import { decodeRakp2, decodeRakp4 } from '../rmcpplus/rakp';
import { decodeSession15 } from '../session15/packet';
import { decodePresencePong } from '../rmcp/asf-ping';
import { decodeResponse } from '../message/ipmi-message';
import { SequenceWindow } from './sequence-window';

const crypto: SessionCrypto = {
  integrity: 'hmac-sha1-96',
  confidentiality: 'aes-cbc-128',
  keys: { k1: Buffer.alloc(20, 1), password20: Buffer.alloc(20) },
  k2: Buffer.alloc(20, 2),
};
const bytes = fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a));
// Mostly-valid headers reach deeper paths than uniform noise does.
const rmcpLike = fc
  .tuple(fc.constantFrom(0x00, 0x06), fc.integer({ min: 0, max: 255 }), bytes)
  .map(([fmt, type, rest]) => Buffer.concat([Buffer.from([0x06, 0x00, 0xff, 0x07, fmt, type]), rest]));

describe('decoders never throw on arbitrary input', () => {
  it.each([
    ['RMCP+ packet (no crypto)', (b: Buffer) => decodeRmcpPlus(b)],
    ['RMCP+ packet (suite 3 crypto)', (b: Buffer) => decodeRmcpPlus(b, crypto)],
    ['IPMI 1.5 packet', decodeSession15],
    ['Open Session Response', decodeOpenSessionResponse],
    ['RAKP 2', decodeRakp2],
    ['RAKP 4', decodeRakp4],
    ['ASF presence pong', decodePresencePong],
    ['IPMI response message', (b: Buffer) => decodeResponse(b)],
  ])('%s', (_name, decode) => {
    fc.assert(
      fc.property(fc.oneof(bytes, rmcpLike), (b) => void decode(b)),
      { numRuns: 2000 },
    );
  });

  it('an encrypted, authenticated packet round-trips and any single flipped bit is rejected', () => {
    fc.assert(
      fc.property(bytes, fc.nat(), (payload, flip) => {
        const wire = encodeRmcpPlus(0, 0x1234, 7, payload, crypto);
        const ok = decodeRmcpPlus(wire, crypto);
        expect(typeof ok === 'object' && ok.payload.equals(payload)).toBe(true);
        const bad = Buffer.from(wire);
        const bit = 4 * 8 + (flip % ((bad.length - 4) * 8)); // anything after the RMCP header
        bad[bit >> 3]! ^= 1 << (bit & 7);
        expect(typeof decodeRmcpPlus(bad, crypto)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});

describe('inbound sequence window', () => {
  it('accepts each number once, tolerates reordering, rejects replays and stale numbers', () => {
    const w = new SequenceWindow();
    expect(w.accept(100)).toBe(true);
    expect(w.accept(102)).toBe(true);
    expect(w.accept(101)).toBe(true); // late but new
    expect(w.accept(101)).toBe(false); // replay
    expect(w.accept(102)).toBe(false);
    expect(w.accept(60)).toBe(false); // too old
    expect(w.accept(0xffffffff)).toBe(false); // "behind" after wrap arithmetic
    const v = new SequenceWindow();
    expect(v.accept(0xfffffffe)).toBe(true);
    expect(v.accept(1)).toBe(true); // wrapped forward
    expect(v.accept(0xffffffff)).toBe(true);
  });
  it('never accepts the same number twice in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1000, max: 1040 }), { maxLength: 200 }), (seqs) => {
        const w = new SequenceWindow();
        const seen = new Set<number>();
        for (const s of seqs) {
          if (w.accept(s)) {
            expect(seen.has(s)).toBe(false);
            seen.add(s);
          }
        }
      }),
    );
  });
});
