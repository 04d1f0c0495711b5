// Set User Access (IPMI v2.0 §22.26, NetFn App 0x06, cmd 0x43): a user's privilege limit on one
// channel and, optionally, its callback/link-auth/IPMI-messaging bits.
import type { Requester } from '../../client/requester';
import { argumentError } from '../../errors';
import { call, type CommandSpec } from '../command-spec';
import { assertChannel, assertPrivilegeLimit, assertUserId } from './user-ids';

export const SET_USER_ACCESS: CommandSpec = { netFn: 0x06, cmd: 0x43, name: 'Set User Access' };

export interface UserAccessFlags {
  callbackOnly: boolean;
  linkAuth: boolean;
  ipmiMessaging: boolean;
}

export interface SetUserAccessRequest {
  channel: number;
  userId: number;
  privilegeLimit: number;
  /** Left out, the BMC keeps the user's current bits (byte 1 bit 7 clear). */
  flags?: UserAccessFlags;
  /**
   * Byte 4 is optional and left out unless given. ipmitool always sends 0 ("only the channel limits"),
   * which some BMCs (ipmi_sim) store literally as "no sessions", locking the user out.
   */
  sessionLimit?: number;
}

export function encodeSetUserAccess(req: SetUserAccessRequest): Uint8Array {
  assertChannel(req.channel);
  assertUserId(req.userId);
  assertPrivilegeLimit(req.privilegeLimit);
  let b1 = req.channel & 0x0f;
  if (req.flags) {
    b1 |= 0x80;
    if (req.flags.callbackOnly) b1 |= 0x40;
    if (req.flags.linkAuth) b1 |= 0x20;
    if (req.flags.ipmiMessaging) b1 |= 0x10;
  }
  const head = [b1, req.userId & 0x3f, req.privilegeLimit & 0x0f];
  if (req.sessionLimit === undefined) return Uint8Array.from(head);
  if (!Number.isInteger(req.sessionLimit) || req.sessionLimit < 0 || req.sessionLimit > 15)
    throw argumentError(`session limit ${req.sessionLimit} is out of range 0..15`);
  return Uint8Array.from([...head, req.sessionLimit]);
}

export async function setUserAccess(r: Requester, req: SetUserAccessRequest): Promise<void> {
  await call(r, SET_USER_ACCESS, encodeSetUserAccess(req));
}
