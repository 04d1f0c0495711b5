// The users of one channel (IPMI v2.0 §22.26-22.30) as plain data, built by electron/views/user.ts from
// Get User Access and Get User Name; `user list|summary` print it, the app shows it.
import { z } from 'zod';

/** Privilege limit names (spec table 6-1 / §22.27); 'unknown' for levels the spec does not name (0 on unused IDs). */
export const PRIVILEGE_LIMITS = [
  'callback',
  'user',
  'operator',
  'administrator',
  'oem',
  'no-access',
  'unknown',
] as const;
export const privilegeLimitName = z.enum(PRIVILEGE_LIMITS);
export type PrivilegeLimitName = z.infer<typeof privilegeLimitName>;
/** what a caller may set */
export const settablePrivilege = z.enum([
  'callback',
  'user',
  'operator',
  'administrator',
  'oem',
  'no-access',
]);
export type SettablePrivilege = z.infer<typeof settablePrivilege>;

export const userId = z.number().int().min(1).max(63);
/** 0x0-0xB a channel, 0xE "the channel this request arrives on" */
export const userChannel = z
  .number()
  .int()
  .min(0)
  .max(14)
  .refine((c) => c !== 12 && c !== 13, 'channel 12 and 13 are reserved');

export const userEntry = z.strictObject({
  id: userId,
  /** '' for an unused ID (the BMC answers Get User Name with 0xCC) */
  name: z.string(),
  /** Get User Access byte 2 bits 7:6; many BMCs (ipmi_sim among them) say 'unspecified' */
  enableStatus: z.enum(['unspecified', 'enabled', 'disabled', 'reserved']),
  /** may be used for callin (not "restricted to callback") */
  callin: z.boolean(),
  linkAuth: z.boolean(),
  ipmiMessaging: z.boolean(),
  privilege: privilegeLimitName,
  /** the 4-bit limit as sent */
  privilegeLevel: z.number().int().min(0).max(15),
});
export type UserEntry = z.infer<typeof userEntry>;

export const usersView = z.strictObject({
  channel: z.number().int().min(0).max(15),
  maxUserIds: z.number().int().min(0).max(63),
  enabledUserIds: z.number().int().min(0).max(63),
  fixedNameUserIds: z.number().int().min(0).max(63),
  users: z.array(userEntry),
});
export type UsersView = z.infer<typeof usersView>;

export const passwordTest = z.enum(['match', 'wrong-password', 'wrong-size']);
