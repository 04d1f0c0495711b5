// IPMI v1.5 per-message AuthCode (IPMI v2.0 §22.17.1 / §13.6): covers the IPMI message only.
//   MD5/MD2: H(password16 || session ID || message || session sequence || password16)
//   straight password: password16; none: no field.
import { createHash } from 'node:crypto';
import { md2 } from './md2';

export const AUTH_TYPE = { none: 0, md2: 1, md5: 2, password: 4, oem: 5, rmcpplus: 6 } as const;
export type AuthTypeCode = 0 | 1 | 2 | 4;

export function pad16(password: Uint8Array): Buffer {
  const b = Buffer.alloc(16);
  b.set(password.subarray(0, 16));
  return b;
}

export function authCode(
  type: AuthTypeCode,
  password16: Buffer,
  sessionId: number,
  sessionSeq: number,
  message: Uint8Array,
): Buffer | undefined {
  if (type === 0) return undefined;
  if (type === 4) return Buffer.from(password16);
  const sid = Buffer.alloc(4);
  sid.writeUInt32LE(sessionId >>> 0);
  const seq = Buffer.alloc(4);
  seq.writeUInt32LE(sessionSeq >>> 0);
  const input = Buffer.concat([password16, sid, message, seq, password16]);
  return type === 2 ? createHash('md5').update(input).digest() : md2(input);
}
