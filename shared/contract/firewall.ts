// The AMI MegaRAC OEM firewall (NetFn 0x32, Set 0x76 / Get 0x77): read the rules, and change them as a
// plan + apply, because a rule can cut this app off the BMC. The plan's verdict says so with typed
// reasons (codes `firewall-…`, see electron/ipmi/commands/oem/ami/firewall-lockout.ts).
import { z } from 'zod';
import { call, operationId } from './define';
import { hostId } from '../domain/host';
import { applyArgs, plan } from '../domain/plan';
import { firewallApplyResult, firewallChange, firewallView } from '../domain/firewall';

/** One Get Firewall exchange done; `total` of the progress event is 0 until the rule count is read. */
export const firewallReadProgress = z.strictObject({ selector: z.string() });

export const firewallCalls = {
  'firewall.read': call({
    summary:
      'The firewall rules and drop-all state, or the raw Get replies when their layout is unknown; ' +
      'with an operationId: progress per Get exchange, cancellable (a long table on a slow link)',
    privilege: 'user',
    input: z.strictObject({ hostId, operationId: operationId.optional() }),
    output: firewallView,
    progress: firewallReadProgress,
    example: { hostId: 'h0example01', operationId: 'op-example-fw01' },
  }),
  'firewall.plan': call({
    summary: 'Plan firewall changes (in order) with the lock-out verdict; nothing is sent',
    privilege: 'administrator',
    input: z.strictObject({ hostId, changes: z.array(firewallChange).min(1).max(32) }),
    output: plan,
    example: {
      hostId: 'h0example01',
      changes: [
        { op: 'add', rule: { kind: 'ip', state: 'accept', address: '192.0.2.10' } },
        { op: 'drop-all', ipv4: true, ipv6: false },
      ],
    },
  }),
  'firewall.apply': call({
    summary: 'Apply a firewall plan; a lockout verdict needs confirmLockout; reads the rules back',
    privilege: 'administrator',
    input: z.strictObject({ hostId, ...applyArgs }),
    output: firewallApplyResult,
    example: { hostId: 'h0example01', planId: 'plan-0123456789abcdef0123456789abcdef' },
  }),
};
