// IPMI v1.5 session packet (IPMI v2.0 §13.6, table 13-8):
//   RMCP(4) | auth type(1) | session seq(4 LE) | session ID(4 LE) | [AuthCode(16) if auth type != none]
//   | message length(1) | IPMI message
import { RMCP_CLASS_IPMI, RMCP_HEADER_LENGTH, rmcpHeader } from '../rmcp/rmcp-header';
import { authCode, type AuthTypeCode } from './auth-code';

export interface Session15Packet {
  authType: number;
  sessionSeq: number;
  sessionId: number;
  authCode: Buffer | undefined;
  message: Buffer;
}

export function encodeSession15(
  authType: AuthTypeCode,
  sessionSeq: number,
  sessionId: number,
  password16: Buffer,
  message: Buffer,
): Buffer {
  const code = authCode(authType, password16, sessionId, sessionSeq, message);
  const head = Buffer.alloc(9);
  head[0] = authType;
  head.writeUInt32LE(sessionSeq >>> 0, 1);
  head.writeUInt32LE(sessionId >>> 0, 5);
  return Buffer.concat([
    rmcpHeader(RMCP_CLASS_IPMI),
    head,
    code ?? Buffer.alloc(0),
    Buffer.from([message.length]),
    message,
  ]);
}

/** Decodes the framing only (authentication is checked by the session); undefined when malformed. */
export function decodeSession15(d: Buffer): Session15Packet | undefined {
  const o = RMCP_HEADER_LENGTH;
  if (d.length < o + 10) return undefined;
  const authType = d[o]!;
  if (authType === 6) return undefined; // RMCP+ format
  const hasCode = authType !== 0;
  const lenAt = o + 9 + (hasCode ? 16 : 0);
  if (d.length < lenAt + 1) return undefined;
  const len = d[lenAt]!;
  if (d.length < lenAt + 1 + len) return undefined;
  return {
    authType,
    sessionSeq: d.readUInt32LE(o + 1),
    sessionId: d.readUInt32LE(o + 5),
    authCode: hasCode ? d.subarray(o + 9, o + 25) : undefined,
    message: d.subarray(lenAt + 1, lenAt + 1 + len),
  };
}
