// One session slot as Get Session Info reports it (IPMI v2.0 §22.20). Built by
// electron/views/session-info.ts; the CLI's `session info` prints it.
import { z } from 'zod';
import { privilegeLevelName } from './lan';

export const sessionSlot = z.strictObject({
  /** 0 for a slot with no session */
  handle: z.number().int(),
  slotCount: z.number().int(),
  activeCount: z.number().int(),
  /** absent when the reply stops after the counts (an empty slot) */
  session: z
    .strictObject({
      userId: z.number().int(),
      privilegeLevel: z.number().int(),
      privilege: z.union([privilegeLevelName, z.literal('reserved')]),
      protocol: z.enum(['ipmi-1.5', 'ipmi-2.0']),
      channel: z.number().int(),
      /** the BMC sent 4 or 5 bytes: the fields above it did not send read 0 */
      partial: z.boolean(),
    })
    .optional(),
  lan: z
    .strictObject({ consoleIp: z.string(), consoleMac: z.string(), consolePort: z.number().int() })
    .optional(),
  modem: z
    .strictObject({
      activityType: z.number().int(),
      activity: z.enum(['ipmi-messaging', 'callback-messaging', 'dial-out-alert', 'tap-page', 'reserved']),
      destinationSelector: z.number().int(),
      consoleIp: z.string(),
      consolePort: z.number().int().optional(),
    })
    .optional(),
});
export type SessionSlotView = z.infer<typeof sessionSlot>;

export const sessionInfo = z.strictObject({
  /** the session this app holds */
  current: sessionSlot,
  /** every active session, by slot index */
  active: z.array(sessionSlot),
});
export type SessionInfoView = z.infer<typeof sessionInfo>;
