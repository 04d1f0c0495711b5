// RMCP+ session packet (IPMI v2.0 §13.6, table 13-8, format 0x06):
//   RMCP(4) | 0x06 | payload type(1) | session ID(4 LE) | session seq(4 LE) | payload length(2 LE) | payload
//   | [integrity pad 0xFF… | pad length | next header 0x07 | AuthCode]   (trailer iff bit 6 of payload type)
// The session ID is the receiver's: we write the BMC's ID, the BMC writes ours.
import { RMCP_CLASS_IPMI, RMCP_HEADER_LENGTH, rmcpHeader } from '../rmcp/rmcp-header';
import { decryptPayload, encryptPayload } from './aes-cbc';
import type { ConfAlg, IntegrityAlg } from './cipher-suites';
import { integrityCode, integrityCodeLength, type IntegrityKeys } from './integrity';

export const PAYLOAD = {
  ipmi: 0x00,
  sol: 0x01,
  openSessionRequest: 0x10,
  openSessionResponse: 0x11,
  rakp1: 0x12,
  rakp2: 0x13,
  rakp3: 0x14,
  rakp4: 0x15,
} as const;

const ENCRYPTED = 0x80;
const AUTHENTICATED = 0x40;

export interface SessionCrypto {
  integrity: IntegrityAlg;
  confidentiality: ConfAlg;
  keys: IntegrityKeys;
  k2: Buffer;
}

/** Builds a packet. Without crypto (session setup) the payload goes in the clear, unauthenticated. */
export function encodeRmcpPlus(
  payloadType: number,
  sessionId: number,
  sessionSeq: number,
  payload: Buffer,
  crypto?: SessionCrypto,
): Buffer {
  const encrypt = crypto !== undefined && crypto.confidentiality !== 'none';
  const authenticate = crypto !== undefined && crypto.integrity !== 'none';
  const body = encrypt ? encryptPayload(crypto.k2, payload) : payload;
  const head = Buffer.alloc(12);
  head[0] = 0x06;
  head[1] = (payloadType & 0x3f) | (encrypt ? ENCRYPTED : 0) | (authenticate ? AUTHENTICATED : 0);
  head.writeUInt32LE(sessionId >>> 0, 2);
  head.writeUInt32LE(sessionSeq >>> 0, 6);
  head.writeUInt16LE(body.length, 10);
  if (!authenticate) return Buffer.concat([rmcpHeader(RMCP_CLASS_IPMI), head, body]);
  // Pad so that auth type byte .. next header is a multiple of 4 (ipmitool, FreeIPMI, OpenIPMI agree).
  const padLen = (4 - ((head.length + body.length + 2) % 4)) % 4;
  const trailer = Buffer.concat([Buffer.alloc(padLen, 0xff), Buffer.from([padLen, 0x07])]);
  const covered = Buffer.concat([head, body, trailer]);
  return Buffer.concat([
    rmcpHeader(RMCP_CLASS_IPMI),
    covered,
    integrityCode(crypto.integrity, crypto.keys, covered),
  ]);
}

export interface RmcpPlusPacket {
  payloadType: number;
  encrypted: boolean;
  authenticated: boolean;
  sessionId: number;
  sessionSeq: number;
  /** the payload, decrypted when the packet was encrypted */
  payload: Buffer;
}

export type DecodeFailure = 'malformed' | 'bad-integrity' | 'bad-encryption' | 'unexpected-cleartext';

/** Decodes and, given session crypto, verifies and decrypts. Never throws. */
export function decodeRmcpPlus(d: Buffer, crypto?: SessionCrypto): RmcpPlusPacket | DecodeFailure {
  const o = RMCP_HEADER_LENGTH;
  if (d.length < o + 12 || d[o] !== 0x06) return 'malformed';
  const type = d[o + 1]!;
  if ((type & 0x3f) === 0x02) return 'malformed'; // OEM explicit payloads are not used by us
  const encrypted = (type & ENCRYPTED) !== 0;
  const authenticated = (type & AUTHENTICATED) !== 0;
  const sessionId = d.readUInt32LE(o + 2);
  const sessionSeq = d.readUInt32LE(o + 6);
  const len = d.readUInt16LE(o + 10);
  const bodyStart = o + 12;
  if (d.length < bodyStart + len) return 'malformed';
  let body = d.subarray(bodyStart, bodyStart + len);
  if (authenticated) {
    if (!crypto || crypto.integrity === 'none') return 'malformed';
    const codeLen = integrityCodeLength(crypto.integrity);
    const end = d.length - codeLen; // index of the AuthCode
    if (end < bodyStart + len + 2 || d[end - 1] !== 0x07) return 'malformed';
    const padLen = d[end - 2]!;
    if (bodyStart + len + padLen + 2 !== end) return 'malformed';
    const expected = integrityCode(crypto.integrity, crypto.keys, d.subarray(o, end));
    if (!expected.equals(d.subarray(end))) return 'bad-integrity';
  } else if (crypto && crypto.integrity !== 'none') {
    // Once integrity is negotiated, an unauthenticated packet inside the session is forged or foreign.
    return 'unexpected-cleartext';
  }
  if (encrypted) {
    if (!crypto || crypto.confidentiality === 'none') return 'malformed';
    const plain = decryptPayload(crypto.k2, body);
    if (!plain) return 'bad-encryption';
    body = plain;
  } else if (crypto && crypto.confidentiality !== 'none' && (type & 0x3f) <= 0x01) {
    return 'unexpected-cleartext';
  }
  return {
    payloadType: type & 0x3f,
    encrypted,
    authenticated,
    sessionId,
    sessionSeq,
    payload: Buffer.from(body),
  };
}
