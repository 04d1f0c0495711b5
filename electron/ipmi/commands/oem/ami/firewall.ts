// AMI MegaRAC OEM firewall commands, written against Requester (see firewall-layout.ts for the sources).
//
// Reading (Get Firewall 0x77, firewall-read.ts) needs USER privilege, changing (Set Firewall 0x76)
// ADMINISTRATOR (AMI's command table, AMI.c). A BMC without the extension answers "Invalid command"
// (0xC1), which is reported as kind 'unsupported' rather than as a bare completion code. Changes that
// could cut this machine off (drop-all, a DROP rule covering our address or UDP 623, removing our only
// ACCEPT rule while something drops us) are refused before anything is sent unless the caller passes
// `iUnderstandThisMayLockMeOut`; when the rules cannot be read, every such change is refused. A refusal
// is an IpmiError of kind 'lockout' whose `reasons` hold the guard's stable code (firewall-lockout.ts).
import { IpmiError } from '../../../errors';
import type { Requester } from '../../../client/requester';
import { sourceAddressOf } from '../../../client/source-address';
import {
  encodeAddRule,
  encodeDropAll,
  encodeFlush,
  encodeRemoveDropAll,
  encodeRemoveRule,
} from './firewall-codec';
import {
  CMD_SET_FIREWALL,
  NETFN_AMI,
  SET_FIREWALL_NAME,
  type DropAllSpec,
  type FirewallRule,
} from './firewall-layout';
import {
  lockoutRisk,
  type FirewallChange,
  type FirewallKnowledge,
  type LockoutReason,
} from './firewall-lockout';
import { encodeChange } from './firewall-plan';
import { readFirewall, type ReadFirewallOptions } from './firewall-read';
import { send, withHost } from './firewall-send';

export type { FirewallChange, FirewallKnowledge, FirewallSnapshot, LockoutReason } from './firewall-lockout';
export { sourceAddressOf } from '../../../client/source-address';
export {
  readFirewall,
  type FirewallReading,
  type RawGetReply,
  type ReadFirewallOptions,
} from './firewall-read';

/** The read options (layout memory, host key) serve the guard's own read of the rules. */
export interface LockoutOptions extends ReadFirewallOptions {
  /** Skip the lock-out check (the CLI's --force). The app does not call these: its changes go as a plan
   *  (electron/services/firewall.ts), whose verdict the operator confirms before sendFirewallChange. */
  iUnderstandThisMayLockMeOut?: boolean;
  /** Our address as the BMC sees it; default: the local address of a socket routed to the BMC. */
  sourceAddress?: string;
}

/** A change refused because it could cut this machine off from the BMC. Nothing was sent. */
export class FirewallLockoutError extends IpmiError {
  readonly sourceAddress: string;
  readonly reason: LockoutReason;
  constructor(host: string, sourceAddress: string, reason: LockoutReason) {
    super(
      'lockout',
      `${host}: refused, ${reason.message}. Override only if another path to the BMC exists.`,
      {
        host,
        command: SET_FIREWALL_NAME,
        netFn: NETFN_AMI,
        cmd: CMD_SET_FIREWALL,
        reasons: [reason.code],
      },
    );
    this.name = 'FirewallLockoutError';
    this.sourceAddress = sourceAddress;
    this.reason = reason;
  }
}

const encode = withHost;

/** What the guard knows of the rules: a reading in no known layout or a refused Get leaves them unknown. */
export async function firewallKnowledge(r: Requester, opts: LockoutOptions): Promise<FirewallKnowledge> {
  try {
    const reading = await readFirewall(r, opts);
    if (reading.layout === 'known') return reading;
    return { unknown: reading.note };
  } catch (e) {
    // the BMC answered but would not give the rules: a completion code (0xD4 too) or a hostile reply.
    // No extension (0xC1), a dead link or a cancel are passed on: the Set could not be sent either.
    if (e instanceof IpmiError && ['completion-code', 'privilege', 'protocol'].includes(e.kind)) {
      return { unknown: `the rules could not be read: ${e.message.replace(`${r.host}: `, '')}` };
    }
    throw e;
  }
}

async function guard(r: Requester, change: FirewallChange, opts: LockoutOptions): Promise<void> {
  if (opts.iUnderstandThisMayLockMeOut === true) return;
  const current = await firewallKnowledge(r, opts);
  const source = opts.sourceAddress ?? (await sourceAddressOf(r));
  const risk = encode(r.host, () => lockoutRisk(change, current, source));
  if (risk !== undefined) throw new FirewallLockoutError(r.host, source, risk);
}

/** Only DROP rules can cut us off, so ACCEPT rules are added without reading the rule set first. */
export async function addFirewallRule(
  r: Requester,
  rule: FirewallRule,
  opts: LockoutOptions = {},
): Promise<void> {
  const req = encode(r.host, () => encodeAddRule(rule));
  if (rule.state === 'drop') await guard(r, { op: 'add', rule }, opts);
  await send(r, CMD_SET_FIREWALL, req);
}

/** The rule (state and window included) must match the one that was added. */
export async function removeFirewallRule(
  r: Requester,
  rule: FirewallRule,
  opts: LockoutOptions = {},
): Promise<void> {
  const req = encode(r.host, () => encodeRemoveRule(rule));
  if (rule.state === 'accept') await guard(r, { op: 'remove', rule }, opts);
  await send(r, CMD_SET_FIREWALL, req);
}

export async function firewallDropAll(
  r: Requester,
  spec: DropAllSpec,
  opts: LockoutOptions = {},
): Promise<void> {
  const req = encode(r.host, () => encodeDropAll(spec));
  await guard(r, { op: 'drop-all', spec }, opts);
  await send(r, CMD_SET_FIREWALL, req);
}

export async function firewallRemoveDropAll(r: Requester, spec: Omit<DropAllSpec, 'window'>): Promise<void> {
  await send(
    r,
    CMD_SET_FIREWALL,
    encode(r.host, () => encodeRemoveDropAll(spec)),
  );
}

/** Removes every rule and drop-all: the documented way back in. */
export async function flushFirewall(r: Requester): Promise<void> {
  await send(r, CMD_SET_FIREWALL, encodeFlush());
}

/**
 * Sends one change without the guard: for a plan (firewall-plan.ts) whose verdict was computed from the
 * rules as they still are, and confirmed by the operator where it said lockout.
 */
export async function sendFirewallChange(r: Requester, change: FirewallChange): Promise<void> {
  await send(
    r,
    CMD_SET_FIREWALL,
    encode(r.host, () => encodeChange(change)),
  );
}
