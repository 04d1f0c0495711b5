// RAKP messages 1-4 (IPMI v2.0 §13.20-13.23).

export interface Rakp1 {
  tag: number;
  bmcSessionId: number;
  consoleRandom: Buffer;
  role: number;
  username: Buffer;
}

export function encodeRakp1(r: Rakp1): Buffer {
  const b = Buffer.alloc(28 + r.username.length);
  b[0] = r.tag;
  b.writeUInt32LE(r.bmcSessionId >>> 0, 4);
  r.consoleRandom.copy(b, 8);
  b[24] = r.role;
  b[27] = r.username.length;
  r.username.copy(b, 28);
  return b;
}

export interface Rakp2 {
  tag: number;
  status: number;
  /** absent in short error replies */
  consoleSessionId: number | undefined;
  bmcRandom?: Buffer;
  bmcGuid?: Buffer;
  authCode?: Buffer;
}

export function decodeRakp2(p: Buffer): Rakp2 | undefined {
  if (p.length < 2) return undefined;
  const r: Rakp2 = {
    tag: p[0]!,
    status: p[1]!,
    consoleSessionId: p.length >= 8 ? p.readUInt32LE(4) : undefined,
  };
  if (r.status !== 0) return r;
  if (p.length < 40) return undefined;
  r.bmcRandom = Buffer.from(p.subarray(8, 24));
  r.bmcGuid = Buffer.from(p.subarray(24, 40));
  r.authCode = Buffer.from(p.subarray(40));
  return r;
}

export function encodeRakp3(tag: number, status: number, bmcSessionId: number, authCode: Buffer): Buffer {
  const b = Buffer.alloc(8 + authCode.length);
  b[0] = tag;
  b[1] = status;
  b.writeUInt32LE(bmcSessionId >>> 0, 4);
  authCode.copy(b, 8);
  return b;
}

export interface Rakp4 {
  tag: number;
  status: number;
  consoleSessionId: number | undefined;
  icv: Buffer;
}

export function decodeRakp4(p: Buffer): Rakp4 | undefined {
  if (p.length < 2) return undefined;
  if (p[1] === 0 && p.length < 8) return undefined;
  return {
    tag: p[0]!,
    status: p[1]!,
    consoleSessionId: p.length >= 8 ? p.readUInt32LE(4) : undefined,
    icv: Buffer.from(p.subarray(8)),
  };
}

/** RMCP+ status codes (IPMI v2.0 table 13-15). */
export const RMCP_STATUS_TEXT: Record<number, string> = {
  0x00: 'No errors',
  0x01: 'Insufficient resources to create a session',
  0x02: 'Invalid session ID',
  0x03: 'Invalid payload type',
  0x04: 'Invalid authentication algorithm',
  0x05: 'Invalid integrity algorithm',
  0x06: 'No matching authentication payload',
  0x07: 'No matching integrity payload',
  0x08: 'Inactive session ID',
  0x09: 'Invalid role',
  0x0a: 'Unauthorized role or privilege level requested',
  0x0b: 'Insufficient resources to create a session at the requested role',
  0x0c: 'Invalid name length',
  0x0d: 'Unauthorized name',
  0x0e: 'Unauthorized GUID',
  0x0f: 'Invalid integrity check value',
  0x10: 'Invalid confidentiality algorithm',
  0x11: 'No cipher suite match with proposed security algorithms',
  0x12: 'Illegal or unrecognized parameter',
};

export const rmcpStatusText = (s: number) =>
  RMCP_STATUS_TEXT[s] ?? `Unknown RMCP+ status 0x${s.toString(16).padStart(2, '0')}`;
