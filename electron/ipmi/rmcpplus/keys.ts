// RAKP key-exchange codes and session keys (IPMI v2.0 §13.31, §13.32). All inputs are the bytes as sent
// on the wire (session IDs little-endian). Kuid is the user password; HMAC zero-pads short keys itself,
// so the 20-byte zero padding the tools apply makes no difference.
import { createHmac } from 'node:crypto';
import type { AuthAlg } from './cipher-suites';

export interface RakpInputs {
  consoleSessionId: number; // SIDm
  bmcSessionId: number; // SIDc
  consoleRandom: Buffer; // Rm (16)
  bmcRandom: Buffer; // Rc (16)
  bmcGuid: Buffer; // GUIDc (16)
  /** the full RAKP 1 role byte: privilege | 0x10 for name-only lookup */
  role: number;
  username: Buffer;
}

const HASH: Record<Exclude<AuthAlg, 'none'>, string> = {
  'hmac-sha1': 'sha1',
  'hmac-md5': 'md5',
  'hmac-sha256': 'sha256',
};

export function hmac(alg: AuthAlg, key: Uint8Array, data: Uint8Array): Buffer {
  if (alg === 'none') return Buffer.alloc(0);
  return createHmac(HASH[alg], key).update(data).digest();
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const nameBytes = (i: RakpInputs) => Buffer.concat([Buffer.from([i.role, i.username.length]), i.username]);

/** RAKP 2 key exchange authentication code, computed by the BMC and verified by us. */
export function rakp2Code(alg: AuthAlg, kuid: Uint8Array, i: RakpInputs): Buffer {
  return hmac(
    alg,
    kuid,
    Buffer.concat([
      u32(i.consoleSessionId),
      u32(i.bmcSessionId),
      i.consoleRandom,
      i.bmcRandom,
      i.bmcGuid,
      nameBytes(i),
    ]),
  );
}

/** RAKP 3 key exchange authentication code, proving to the BMC that we know the password. */
export function rakp3Code(alg: AuthAlg, kuid: Uint8Array, i: RakpInputs): Buffer {
  return hmac(alg, kuid, Buffer.concat([i.bmcRandom, u32(i.consoleSessionId), nameBytes(i)]));
}

/** Session Integrity Key: keyed by Kg when the BMC uses two-key login, else by the password. */
export function sessionIntegrityKey(alg: AuthAlg, key: Uint8Array, i: RakpInputs): Buffer {
  return hmac(alg, key, Buffer.concat([i.consoleRandom, i.bmcRandom, nameBytes(i)]));
}

/** RAKP 4 integrity check value, truncated to rakp4IcvLength by the caller's comparison. */
export function rakp4Icv(alg: AuthAlg, sik: Uint8Array, i: RakpInputs): Buffer {
  return hmac(alg, sik, Buffer.concat([i.consoleRandom, u32(i.bmcSessionId), i.bmcGuid]));
}

/** K1 (integrity) and K2 (confidentiality): HMAC(SIK, 20 × 0x01 / 0x02) for every algorithm. */
export function additionalKeys(alg: AuthAlg, sik: Uint8Array): { k1: Buffer; k2: Buffer } {
  if (alg === 'none') return { k1: Buffer.alloc(20, 1), k2: Buffer.alloc(20, 2) };
  return { k1: hmac(alg, sik, Buffer.alloc(20, 1)), k2: hmac(alg, sik, Buffer.alloc(20, 2)) };
}
