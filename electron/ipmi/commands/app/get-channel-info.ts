// Get Channel Info (IPMI v2.0 §22.24, NetFn App 0x06, cmd 0x42).
import type { Requester } from '../../client/requester';
import { call, requireLength, type CommandSpec } from '../command-spec';
import { assertChannel } from './user-ids';

export const GET_CHANNEL_INFO: CommandSpec = { netFn: 0x06, cmd: 0x42, name: 'Get Channel Info' };

/** Channel medium types (table 6-3) that carry IPMI-over-LAN. */
export const MEDIUM_LAN_802_3 = 0x04;
export const MEDIUM_LAN_OTHER = 0x06;

export type SessionSupport = 'session-less' | 'single-session' | 'multi-session' | 'session-based';
const SESSION_SUPPORT: readonly SessionSupport[] = [
  'session-less',
  'single-session',
  'multi-session',
  'session-based',
];

export interface ChannelInfo {
  channel: number;
  /** table 6-3, e.g. 0x04 = 802.3 LAN */
  medium: number;
  /** table 6-2, e.g. 0x01 = IPMB-1.0 */
  protocol: number;
  sessionSupport: SessionSupport;
  activeSessions: number;
  /** IANA number of the protocol's owner; 7154 (IPMI forum) for standard protocols */
  vendorId: number;
  auxInfo: [number, number];
}

export function encodeGetChannelInfo(channel: number): Uint8Array {
  assertChannel(channel);
  return Uint8Array.of(channel & 0x0f);
}

export function decodeChannelInfo(data: Uint8Array, host = ''): ChannelInfo {
  requireLength(data, 9, GET_CHANNEL_INFO, host);
  return {
    channel: data[0]! & 0x0f,
    medium: data[1]! & 0x7f,
    protocol: data[2]! & 0x1f,
    sessionSupport: SESSION_SUPPORT[data[3]! >> 6]!,
    activeSessions: data[3]! & 0x3f,
    vendorId: data[4]! | (data[5]! << 8) | (data[6]! << 16),
    auxInfo: [data[7]!, data[8]!],
  };
}

export const isLanMedium = (medium: number): boolean =>
  medium === MEDIUM_LAN_802_3 || medium === MEDIUM_LAN_OTHER;

export async function getChannelInfo(r: Requester, channel: number): Promise<ChannelInfo> {
  return decodeChannelInfo(await call(r, GET_CHANNEL_INFO, encodeGetChannelInfo(channel)), r.host);
}
