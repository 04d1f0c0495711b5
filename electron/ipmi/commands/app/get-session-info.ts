// Get Session Info (IPMI v2.0 §22.20, NetFn App 0x06, cmd 0x3D): who holds which session slot. The
// reply is 3 bytes for an empty slot, 6 with the session's user/privilege/channel, and then channel-type
// data: 12 more bytes on an 802.3 LAN channel, 6 or 8 on a serial/modem channel.
import type { IpmiResponse, Requester } from '../../client/requester';
import { requireLength, type CommandSpec } from '../command-spec';
import { argumentError } from '../../errors';

export const GET_SESSION_INFO: CommandSpec = { netFn: 0x06, cmd: 0x3d, name: 'Get Session Info' };

/** What to ask about: the session this request travels in, the Nth active session (1-based), a
 *  session by the BMC's session ID, or by session handle. */
export type SessionSelector =
  | { kind: 'current' }
  | { kind: 'index'; index: number }
  | { kind: 'id'; id: number }
  | { kind: 'handle'; handle: number };

export interface SessionLanData {
  /** dotted quad */
  consoleIp: string;
  /** xx:xx:xx:xx:xx:xx */
  consoleMac: string;
  consolePort: number;
}

export interface SessionModemData {
  activityType: number;
  destinationSelector: number;
  consoleIp: string;
  /** only for PPP sessions */
  consolePort?: number;
}

export interface SessionInfo {
  /** 0 for a slot with no session */
  handle: number;
  slotCount: number;
  activeCount: number;
  /** undefined when the reply stops after the counts (empty slot) */
  userId?: number;
  privilege?: number;
  /** session protocol auxiliary data: 1 = IPMI v2.0/RMCP+, 0 = IPMI v1.5 */
  auxiliary?: number;
  channel?: number;
  lan?: SessionLanData;
  modem?: SessionModemData;
  /** data bytes the BMC sent */
  length: number;
}

export function encodeGetSessionInfo(sel: SessionSelector): Uint8Array {
  const byte = (n: number, max: number, what: string) => {
    if (!Number.isInteger(n) || n < 0 || n > max) throw argumentError(`${what} must be 0-${max}, got ${n}`);
    return n;
  };
  switch (sel.kind) {
    case 'current':
      return Uint8Array.of(0x00);
    case 'index':
      // 0x00, 0xFE and 0xFF are the other selectors; the index is 1..0xFD
      if (sel.index < 1 || sel.index > 0xfd)
        throw argumentError(`session index must be 1-253, got ${sel.index}`);
      return Uint8Array.of(sel.index);
    case 'handle':
      return Uint8Array.of(0xfe, byte(sel.handle, 0xff, 'session handle'));
    case 'id': {
      const id = byte(sel.id, 0xffffffff, 'session ID');
      return Uint8Array.of(0xff, id & 0xff, (id >>> 8) & 0xff, (id >>> 16) & 0xff, id >>> 24);
    }
  }
}

const ip = (b: Uint8Array, at: number) => Array.from(b.subarray(at, at + 4)).join('.');

export function decodeSessionInfo(data: Uint8Array, host = ''): SessionInfo {
  requireLength(data, 3, GET_SESSION_INFO, host);
  const info: SessionInfo = {
    handle: data[0]!,
    slotCount: data[1]! & 0x3f,
    activeCount: data[2]! & 0x3f,
    length: data.length,
  };
  if (data.length < 6) return info;
  info.userId = data[3]! & 0x3f;
  info.privilege = data[4]! & 0x0f;
  info.channel = data[5]! & 0x0f;
  info.auxiliary = data[5]! >> 4;
  if (data.length >= 18) {
    info.lan = {
      consoleIp: ip(data, 6),
      consoleMac: Array.from(data.subarray(10, 16), (x) => x.toString(16).padStart(2, '0')).join(':'),
      consolePort: data[16]! | (data[17]! << 8),
    };
  } else if (data.length === 12 || data.length === 14) {
    info.modem = {
      activityType: data[6]!,
      destinationSelector: data[7]! & 0x0f,
      consoleIp: ip(data, 8),
      ...(data.length === 14 && { consolePort: data[12]! | (data[13]! << 8) }),
    };
  }
  return info;
}

/** Sends Get Session Info; a refusal comes back as the response so `session info all` can tell "no
 *  such slot" (0xCB/0xCC) from a failure. */
export async function getSessionInfoRaw(r: Requester, sel: SessionSelector): Promise<IpmiResponse> {
  return r.raw({ netFn: GET_SESSION_INFO.netFn, cmd: GET_SESSION_INFO.cmd, data: encodeGetSessionInfo(sel) });
}
