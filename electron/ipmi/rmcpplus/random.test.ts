// secureRandom: values handed out earlier are never overwritten when a new block is drawn, and no two
// values share bytes.
import { describe, expect, it } from 'vitest';
import { secureRandom } from './random';

describe('secureRandom', () => {
  it('returns the requested length and keeps earlier values intact across blocks', () => {
    const taken: { b: Buffer; copy: Buffer }[] = [];
    for (let i = 0; i < 2000; i++) {
      const b = secureRandom(1 + (i % 17));
      expect(b.length).toBe(1 + (i % 17));
      taken.push({ b, copy: Buffer.from(b) });
    }
    expect(taken.every(({ b, copy }) => b.equals(copy))).toBe(true);
    // 16-byte values (IVs, console randoms) are distinct
    const ivs = new Set(Array.from({ length: 1000 }, () => secureRandom(16).toString('hex')));
    expect(ivs.size).toBe(1000);
    expect(secureRandom(5000).length).toBe(5000);
  });
});
