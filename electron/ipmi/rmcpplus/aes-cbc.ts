// AES-CBC-128 confidentiality (IPMI v2.0 §13.29): key = K2[0..16), a fresh random IV per packet,
// plaintext padded with 01 02 .. N then the pad length N so the total is a multiple of 16. No PKCS#7.
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { secureRandom } from './random';

export function encryptPayload(k2: Buffer, payload: Uint8Array, iv: Buffer = secureRandom(16)): Buffer {
  const padLen = (16 - ((payload.length + 1) % 16)) % 16;
  const plain = Buffer.alloc(payload.length + padLen + 1);
  plain.set(payload);
  for (let i = 0; i < padLen; i++) plain[payload.length + i] = i + 1;
  plain[plain.length - 1] = padLen;
  const c = createCipheriv('aes-128-cbc', k2.subarray(0, 16), iv);
  c.setAutoPadding(false);
  return Buffer.concat([iv, c.update(plain), c.final()]);
}

/** Returns the payload, or undefined when the data is not a whole number of blocks or the pad is bad. */
export function decryptPayload(k2: Buffer, data: Uint8Array): Buffer | undefined {
  if (data.length < 32 || data.length % 16 !== 0) return undefined;
  const d = createDecipheriv('aes-128-cbc', k2.subarray(0, 16), data.subarray(0, 16));
  d.setAutoPadding(false);
  const plain = Buffer.concat([d.update(data.subarray(16)), d.final()]);
  const padLen = plain[plain.length - 1]!;
  if (padLen + 1 > plain.length) return undefined;
  // Pad bytes must read 01 02 .. N; OpenSSL-style senders may add a whole extra block, which still
  // satisfies this check because its length byte says so.
  for (let i = 0; i < padLen; i++) if (plain[plain.length - 1 - padLen + i] !== i + 1) return undefined;
  return plain.subarray(0, plain.length - 1 - padLen);
}
