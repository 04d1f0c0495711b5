// A BMC channel (IPMI v2.0 §22.24 Get Channel Info, §22.23 Get Channel Access) and its RMCP+ cipher
// suites (§22.15 Get Channel Cipher Suites, LAN parameters 23/24 for each suite's maximum privilege).
// Codes are kept beside the names so reserved and OEM values stay visible. Built by
// electron/views/channel.ts; the CLI's `channel info|getciphers` print it.
import { z } from 'zod';
import { privilegeLevelName } from './lan';

const named = z.strictObject({ code: z.number().int(), name: z.string() });

export const channelAccess = z.strictObject({
  alerting: z.boolean(),
  perMessageAuth: z.boolean(),
  userLevelAuth: z.boolean(),
  accessMode: z.enum(['disabled', 'pre-boot only', 'always available', 'shared', 'reserved']),
  /** channel privilege limit; `privilege` is 'reserved' for levels other than 1..5 */
  privilegeLimit: z.number().int(),
  privilege: z.union([privilegeLevelName, z.literal('reserved')]),
});
export type ChannelAccessView = z.infer<typeof channelAccess>;

export const channelInfo = z.strictObject({
  channel: z.number().int(),
  /** table 6-3, e.g. code 4 name 'lan-802.3' */
  medium: named,
  /** table 6-2, e.g. code 1 name 'ipmb-1.0' */
  protocol: named,
  sessionSupport: z.enum(['session-less', 'single-session', 'multi-session', 'session-based']),
  activeSessions: z.number().int(),
  vendorId: z.number().int(),
  auxInfo: z.tuple([z.number().int(), z.number().int()]),
  /** LAN channels only, as ipmitool shows them */
  access: z.strictObject({ volatile: channelAccess, nonVolatile: channelAccess }).optional(),
});
export type ChannelInfoView = z.infer<typeof channelInfo>;

export const cipherSuite = z.strictObject({
  id: z.number().int(),
  /** OEM suites only */
  iana: z.number().int().nullable(),
  authentication: named,
  integrity: z.array(named),
  confidentiality: z.array(named),
  /** from LAN parameter 24 when the BMC lists the suite there (IPMI payload on a LAN channel) */
  maxPrivilege: privilegeLevelName.optional(),
});
export type CipherSuiteView = z.infer<typeof cipherSuite>;

export const cipherSuites = z.strictObject({
  channel: z.number().int(),
  payload: z.enum(['ipmi', 'sol']),
  suites: z.array(cipherSuite),
  /** LAN parameters 23/24 by entry: which suite each of the 16 entries is, and its maximum privilege */
  privilegeEntries: z
    .array(
      z.strictObject({
        entry: z.number().int(),
        suiteId: z.number().int().nullable(),
        privilege: privilegeLevelName,
      }),
    )
    .optional(),
});
export type CipherSuitesView = z.infer<typeof cipherSuites>;
