// LAN configuration of a BMC channel: read (every field decoded) and change as plan + apply, because
// an address, source or VLAN change can cut the app off the BMC (shared/domain/plan.ts).
import { z } from 'zod';
import { call, operationId } from './define';
import { hostId } from '../domain/host';
import { applyArgs, plan } from '../domain/plan';
import { lanApplyResult, lanConfiguration, lanSettings } from '../domain/lan';

/** 1..11 (0x0C-0x0F are reserved, "this channel" and the system interface); absent = the first LAN
 *  channel, as `ipmitool lan print` with no channel */
const channel = z.number().int().min(1).max(11).optional();

export const lanCalls = {
  'lan.get': call({
    summary: 'LAN configuration of a channel (Get LAN Configuration Parameters, all at once)',
    privilege: 'operator',
    input: z.strictObject({ hostId, channel }),
    output: lanConfiguration,
    example: { hostId: 'h0example01', channel: 1 },
  }),
  'lan.plan': call({
    summary:
      'What a LAN change would write, in order (source before address, VLAN last), and whether it cuts our connection',
    privilege: 'administrator',
    input: z.strictObject({ hostId, channel, settings: lanSettings }),
    output: plan,
    example: { hostId: 'h0example01', channel: 1, settings: { snmpCommunity: 'public' } },
  }),
  'lan.apply': call({
    summary: 'Carry out a LAN plan: lock, write and read back each field, commit; follow a moved address',
    privilege: 'administrator',
    input: z.strictObject({ hostId, ...applyArgs, operationId: operationId.optional() }),
    output: lanApplyResult,
    /** one item per field written and read back */
    progress: z.strictObject({ field: z.string() }),
    example: { hostId: 'h0example01', planId: 'plan-0123456789abcdef0123456789abcdef' },
  }),
};
