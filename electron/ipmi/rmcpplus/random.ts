// Cryptographically secure random bytes for session setup and per-packet IVs, served from a 4 KiB block
// filled by one randomFillSync call instead of one randomBytes call (and one OpenSSL round) per value: a
// fleet login takes seven small values per host. Every byte is handed out once; a used-up block is never
// refilled in place (callers keep their subarrays), a fresh one replaces it.
import { randomFillSync } from 'node:crypto';

const BLOCK = 4096;
let block = Buffer.alloc(0);
let offset = 0;

export function secureRandom(n: number): Buffer {
  if (n > BLOCK) return randomFillSync(Buffer.allocUnsafeSlow(n));
  if (offset + n > block.length) {
    block = randomFillSync(Buffer.allocUnsafeSlow(BLOCK));
    offset = 0;
  }
  const out = block.subarray(offset, offset + n);
  offset += n;
  return out;
}
