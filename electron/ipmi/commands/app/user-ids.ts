// The ranges the user and channel commands accept (IPMI v2.0 §22.26-22.30, §6.3). Checked before
// anything is sent, so a typo never reaches the BMC as a request it might half-apply.
import { argumentError } from '../../errors';

/** User ID 0 is reserved; the 6-bit field caps the table at 63 (ipmitool's IPMI_UID_MAX). */
export const USER_ID_MIN = 1;
export const USER_ID_MAX = 63;

/** Privilege levels (IPMI v2.0 table 6-1 / §22.27); 0xF means "no access" in user and channel limits. */
export const PRIVILEGE = {
  callback: 1,
  user: 2,
  operator: 3,
  administrator: 4,
  oem: 5,
  noAccess: 0x0f,
} as const;

export function assertUserId(userId: number): void {
  if (!Number.isInteger(userId) || userId < USER_ID_MIN || userId > USER_ID_MAX)
    throw argumentError(`user ID ${userId} is out of range ${USER_ID_MIN}..${USER_ID_MAX}`);
}

/** Channels 0x0-0xB are real channels, 0xE means "this channel", 0xF the system interface; 0xC-0xD are reserved. */
export function assertChannel(channel: number): void {
  if (!Number.isInteger(channel) || channel < 0 || channel > 0x0f || channel === 0x0c || channel === 0x0d)
    throw argumentError(`channel ${channel} is invalid (0x0..0xB, 0xE, 0xF)`);
}

/** A user's privilege limit: 1-5, or 0xF for no access. */
export function assertPrivilegeLimit(level: number): void {
  if (!Number.isInteger(level) || ((level < 1 || level > 5) && level !== PRIVILEGE.noAccess))
    throw argumentError(`privilege limit ${level} is invalid (1..5 or 0xF)`);
}
