// Get Channel Authentication Capabilities (IPMI v2.0 §22.13, NetFn App 0x06, cmd 0x38). Byte layout in
// specs/ipmi-lan.md §1.5. Asking with bit 7 of byte 1 set requests the IPMI v2.0 extended byte; BMCs that
// predate 2.0 refuse that, so the caller retries without it (as ipmitool and pyghmi do).
import type { Requester } from '../../client/requester';
import { IpmiError } from '../../errors';
import { call, requireLength, type CommandSpec } from '../command-spec';
import { assertChannel } from './user-ids';

export const GET_CHANNEL_AUTH_CAPABILITIES: CommandSpec = {
  netFn: 0x06,
  cmd: 0x38,
  name: 'Get Channel Authentication Capabilities',
};

/** IPMI 1.5 authentication type bits of byte 3 (and of LAN parameters 1 and 2). */
export const AUTH_TYPE_BITS = [
  { bit: 0, name: 'NONE' },
  { bit: 1, name: 'MD2' },
  { bit: 2, name: 'MD5' },
  { bit: 4, name: 'PASSWORD' },
  { bit: 5, name: 'OEM' },
] as const;

export interface ChannelAuthCapabilities {
  channel: number;
  /** byte 3 bitmask, see AUTH_TYPE_BITS */
  authTypes: number;
  /** the v2.0 extended data (byte 5) is present */
  v20Data: boolean;
  anonymousLogin: boolean;
  nullUserNames: boolean;
  nonNullUserNames: boolean;
  userLevelAuthDisabled: boolean;
  perMessageAuthDisabled: boolean;
  /** two-key login: the BMC key Kg is set (not all zeroes) */
  kgNonZero: boolean;
  ipmi15: boolean;
  ipmi20: boolean;
  oemIana: number;
  oemAux: number;
}

export function encodeGetChannelAuthCapabilities(
  channel: number,
  privilege: number,
  v20: boolean,
): Uint8Array {
  assertChannel(channel);
  if (!Number.isInteger(privilege) || privilege < 1 || privilege > 5)
    throw new IpmiError('argument', `requested privilege ${privilege} is invalid (1..5)`);
  return Uint8Array.of((v20 ? 0x80 : 0) | channel, privilege);
}

export function decodeChannelAuthCapabilities(data: Uint8Array, host = ''): ChannelAuthCapabilities {
  requireLength(data, 8, GET_CHANNEL_AUTH_CAPABILITIES, host);
  const [chan, types, status, ext] = [data[0]!, data[1]!, data[2]!, data[3]!];
  const v20Data = (types & 0x80) !== 0;
  return {
    channel: chan,
    authTypes: types & 0x3f,
    v20Data,
    anonymousLogin: (status & 0x01) !== 0,
    nullUserNames: (status & 0x02) !== 0,
    nonNullUserNames: (status & 0x04) !== 0,
    userLevelAuthDisabled: (status & 0x08) !== 0,
    perMessageAuthDisabled: (status & 0x10) !== 0,
    kgNonZero: (status & 0x20) !== 0,
    ipmi15: v20Data && (ext & 0x01) !== 0,
    ipmi20: v20Data && (ext & 0x02) !== 0,
    oemIana: data[4]! | (data[5]! << 8) | (data[6]! << 16),
    oemAux: data[7]!,
  };
}

export async function getChannelAuthCapabilities(
  r: Requester,
  channel: number,
  privilege: number,
): Promise<ChannelAuthCapabilities> {
  const v20 = await r.raw({
    netFn: GET_CHANNEL_AUTH_CAPABILITIES.netFn,
    cmd: GET_CHANNEL_AUTH_CAPABILITIES.cmd,
    data: encodeGetChannelAuthCapabilities(channel, privilege, true),
  });
  if (v20.completionCode === 0) return decodeChannelAuthCapabilities(v20.data, r.host);
  const v15 = await call(
    r,
    GET_CHANNEL_AUTH_CAPABILITIES,
    encodeGetChannelAuthCapabilities(channel, privilege, false),
  );
  return decodeChannelAuthCapabilities(v15, r.host);
}
