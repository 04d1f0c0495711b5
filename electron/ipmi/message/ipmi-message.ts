// The IPMI LAN message inside a session packet (IPMI v2.0 §13.8, figure 13-4):
//  [0] rsAddr  [1] netFn<<2 | rsLUN  [2] chk1  [3] rqAddr  [4] rqSeq<<2 | rqLUN  [5] cmd  [6..] data  [n] chk2
// A response swaps the addresses and carries the completion code as the first data byte.
import { checksum, checksumOk } from '../wire/checksum';

export const BMC_SLAVE_ADDRESS = 0x20;
/** "remote console software ID" used by every LAN client */
export const REMOTE_CONSOLE_SWID = 0x81;

export interface RequestMessage {
  netFn: number;
  cmd: number;
  rqSeq: number;
  data?: Uint8Array;
  rsAddr?: number;
  rqAddr?: number;
  rsLun?: number;
  rqLun?: number;
}

export function encodeRequest(m: RequestMessage): Buffer {
  const data = m.data ?? new Uint8Array(0);
  const b = Buffer.alloc(7 + data.length);
  b[0] = m.rsAddr ?? BMC_SLAVE_ADDRESS;
  b[1] = ((m.netFn & 0x3f) << 2) | ((m.rsLun ?? 0) & 0x03);
  b[2] = checksum(b, 0, 2);
  b[3] = m.rqAddr ?? REMOTE_CONSOLE_SWID;
  b[4] = ((m.rqSeq & 0x3f) << 2) | ((m.rqLun ?? 0) & 0x03);
  b[5] = m.cmd & 0xff;
  b.set(data, 6);
  b[6 + data.length] = checksum(b, 3, 6 + data.length);
  return b;
}

export interface ResponseMessage {
  rqAddr: number;
  netFn: number;
  rqLun: number;
  rsAddr: number;
  rqSeq: number;
  rsLun: number;
  cmd: number;
  completionCode: number;
  data: Buffer;
}

/** Decodes a response message; undefined when it is too short or a checksum is wrong. */
export function decodeResponse(b: Buffer, verifyChecksums = true): ResponseMessage | undefined {
  if (b.length < 8) return undefined; // header(6) + completion code + chk2
  if (verifyChecksums && (!checksumOk(b, 0, 3) || !checksumOk(b, 3, b.length))) return undefined;
  return {
    rqAddr: b[0]!,
    netFn: b[1]! >> 2,
    rqLun: b[1]! & 0x03,
    rsAddr: b[3]!,
    rqSeq: b[4]! >> 2,
    rsLun: b[4]! & 0x03,
    cmd: b[5]!,
    completionCode: b[6]!,
    data: b.subarray(7, b.length - 1),
  };
}
