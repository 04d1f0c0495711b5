// Get User Access (IPMI v2.0 §22.27, NetFn App 0x06, cmd 0x44). Asked for user 1 it doubles as the
// "user summary": the maximum, enabled and fixed-name counts come with every answer.
import type { Requester } from '../../client/requester';
import { call, requireLength, type CommandSpec } from '../command-spec';
import { assertChannel, assertUserId } from './user-ids';

export const GET_USER_ACCESS: CommandSpec = { netFn: 0x06, cmd: 0x44, name: 'Get User Access' };

/** Byte 2 bits 7:6. Many BMCs (ipmi_sim among them) leave it 'unspecified'. */
export type UserEnableStatus = 'unspecified' | 'enabled' | 'disabled' | 'reserved';
const ENABLE_STATUS: readonly UserEnableStatus[] = ['unspecified', 'enabled', 'disabled', 'reserved'];

export interface UserAccess {
  maxUserIds: number;
  enableStatus: UserEnableStatus;
  enabledUserIds: number;
  /** user IDs 1..n have fixed names */
  fixedNameUserIds: number;
  /** "restricted to callback": the user may only be used for callback sessions */
  callbackOnly: boolean;
  linkAuth: boolean;
  ipmiMessaging: boolean;
  /** 1 callback .. 5 OEM, 0xF no access, 0 as reported by BMCs for unused IDs */
  privilegeLimit: number;
}

export function encodeGetUserAccess(channel: number, userId: number): Uint8Array {
  assertChannel(channel);
  assertUserId(userId);
  return Uint8Array.of(channel & 0x0f, userId & 0x3f);
}

export function decodeUserAccess(data: Uint8Array, host = ''): UserAccess {
  requireLength(data, 4, GET_USER_ACCESS, host);
  const [max, enabled, fixed, access] = [data[0]!, data[1]!, data[2]!, data[3]!];
  return {
    maxUserIds: max & 0x3f,
    enableStatus: ENABLE_STATUS[enabled >> 6]!,
    enabledUserIds: enabled & 0x3f,
    fixedNameUserIds: fixed & 0x3f,
    callbackOnly: (access & 0x40) !== 0,
    linkAuth: (access & 0x20) !== 0,
    ipmiMessaging: (access & 0x10) !== 0,
    privilegeLimit: access & 0x0f,
  };
}

export async function getUserAccess(r: Requester, channel: number, userId: number): Promise<UserAccess> {
  const data = await call(r, GET_USER_ACCESS, encodeGetUserAccess(channel, userId));
  return decodeUserAccess(data, r.host);
}
