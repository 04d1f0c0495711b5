// ASF Presence Ping / Pong (ASF 2.0 §3.2.4.3). IANA 4542 (ASF) in network byte order.
import { RMCP_CLASS_ASF, rmcpClass, rmcpHeader } from './rmcp-header';

const ASF_IANA = 4542;
const PRESENCE_PING = 0x80;
const PRESENCE_PONG = 0x40;

export function encodePresencePing(tag: number): Buffer {
  const body = Buffer.alloc(8);
  body.writeUInt32BE(ASF_IANA, 0);
  body[4] = PRESENCE_PING;
  body[5] = tag & 0xff;
  return Buffer.concat([rmcpHeader(RMCP_CLASS_ASF), body]);
}

export interface PresencePong {
  tag: number;
  iana: number;
  oem: number;
  ipmiSupported: boolean;
  asfVersion: number;
  interactions: number;
}

export function decodePresencePong(d: Uint8Array): PresencePong | undefined {
  if (rmcpClass(d) !== RMCP_CLASS_ASF || d.length < 12 + 16) return undefined;
  const b = Buffer.from(d.buffer, d.byteOffset, d.byteLength);
  if (b.readUInt32BE(4) !== ASF_IANA || b[8] !== PRESENCE_PONG) return undefined;
  const entities = b[20]!;
  return {
    tag: b[9]!,
    iana: b.readUInt32BE(12),
    oem: b.readUInt32BE(16),
    ipmiSupported: (entities & 0x80) !== 0,
    asfVersion: entities & 0x0f,
    interactions: b[21]!,
  };
}
