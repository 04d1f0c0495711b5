// Per-packet integrity AuthCodes (IPMI v2.0 §13.28.4). The input is every byte from the auth type/format
// byte through the Next Header byte. MD5-128 is not an HMAC: MD5(password20 || data || password20).
import { createHash, createHmac } from 'node:crypto';
import { integrityCodeLength, type IntegrityAlg } from './cipher-suites';

export interface IntegrityKeys {
  k1: Buffer;
  /** the password NUL-padded to 20 bytes, for MD5-128 only */
  password20: Buffer;
}

export function integrityCode(alg: IntegrityAlg, keys: IntegrityKeys, data: Uint8Array): Buffer {
  switch (alg) {
    case 'none':
      return Buffer.alloc(0);
    case 'hmac-sha1-96':
      return createHmac('sha1', keys.k1).update(data).digest().subarray(0, 12);
    case 'hmac-md5-128':
      return createHmac('md5', keys.k1.subarray(0, 16)).update(data).digest();
    case 'hmac-sha256-128':
      return createHmac('sha256', keys.k1).update(data).digest().subarray(0, 16);
    case 'md5-128':
      return createHash('md5').update(keys.password20).update(data).update(keys.password20).digest();
  }
}

export { integrityCodeLength };
