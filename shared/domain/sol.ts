// SOL configuration of a channel (IPMI v2.0 §26.3 Get SOL Configuration Parameters), decoded. A
// parameter the BMC does not have is absent and named in `unsupported`. Built by electron/views/sol.ts;
// the CLI's `sol info` prints it.
import { z } from 'zod';
import { privilegeLevelName } from './lan';

/** Parameters 5/6: code 0 = use the IPMI-over-serial setting (kbps null); unknown codes keep their number. */
export const solBitRate = z.strictObject({ code: z.number().int(), kbps: z.number().nullable() });

export const solConfiguration = z.strictObject({
  channel: z.number().int(),
  setInProgress: z.enum(['complete', 'in-progress', 'commit-write', 'reserved']).optional(),
  enabled: z.boolean().optional(),
  forceEncryption: z.boolean().optional(),
  forceAuthentication: z.boolean().optional(),
  /** the least privilege that may activate SOL; the raw level is kept for reserved values */
  privilegeLevel: z.number().int().optional(),
  privilege: z.union([privilegeLevelName, z.literal('reserved')]).optional(),
  characterAccumulateIntervalMs: z.number().int().optional(),
  characterSendThreshold: z.number().int().optional(),
  retryCount: z.number().int().optional(),
  retryIntervalMs: z.number().int().optional(),
  nonVolatileBitRate: solBitRate.optional(),
  volatileBitRate: solBitRate.optional(),
  payloadChannel: z.number().int().optional(),
  payloadPort: z.number().int().optional(),
  unsupported: z.array(z.string()),
});
export type SolConfigurationView = z.infer<typeof solConfiguration>;

/** One `sol.config.set` setting, as ipmitool's `sol set` names them (values in the wire's units). */
export const solSetting = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('enabled'), value: z.boolean() }),
  z.strictObject({ name: z.literal('force-encryption'), value: z.boolean() }),
  z.strictObject({ name: z.literal('force-authentication'), value: z.boolean() }),
  z.strictObject({
    name: z.literal('privilege-level'),
    value: z.enum(['user', 'operator', 'administrator', 'oem']),
  }),
  /** in 5 ms units, 1..255 */
  z.strictObject({ name: z.literal('character-accumulate-level'), value: z.number().int().min(1).max(255) }),
  z.strictObject({ name: z.literal('character-send-threshold'), value: z.number().int().min(0).max(255) }),
  z.strictObject({ name: z.literal('retry-count'), value: z.number().int().min(0).max(7) }),
  /** in 10 ms units */
  z.strictObject({ name: z.literal('retry-interval'), value: z.number().int().min(0).max(255) }),
  z.strictObject({
    name: z.literal('non-volatile-bit-rate'),
    value: z.enum(['serial', '9.6', '19.2', '38.4', '57.6', '115.2']),
  }),
  z.strictObject({
    name: z.literal('volatile-bit-rate'),
    value: z.enum(['serial', '9.6', '19.2', '38.4', '57.6', '115.2']),
  }),
]);
export type SolSettingInput = z.infer<typeof solSetting>;
