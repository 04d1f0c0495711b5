// RMCP header (ASF 2.0 §3.2.2.1): version 0x06, reserved, sequence 0xFF (no RMCP ACK), class.
export const RMCP_VERSION = 0x06;
export const RMCP_CLASS_ASF = 0x06;
export const RMCP_CLASS_IPMI = 0x07;
export const RMCP_HEADER_LENGTH = 4;

export function rmcpHeader(messageClass: number): Buffer {
  return Buffer.from([RMCP_VERSION, 0x00, 0xff, messageClass]);
}

/** Returns the message class, or undefined when the datagram is not RMCP (or is an RMCP ACK). */
export function rmcpClass(datagram: Uint8Array): number | undefined {
  if (datagram.length < RMCP_HEADER_LENGTH || datagram[0] !== RMCP_VERSION) return undefined;
  const cls = datagram[3]!;
  if (cls & 0x80) return undefined;
  return cls & 0x1f;
}
