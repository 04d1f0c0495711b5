// AMI MegaRAC OEM firewall commands, written against Requester (see firewall-layout.ts for the sources).
//
// Reading (Get Firewall 0x77) needs USER privilege, changing (Set Firewall 0x76) ADMINISTRATOR (AMI's
// command table, AMI.c). A BMC without the extension answers "Invalid command" (0xC1), which is reported
// as kind 'unsupported' rather than as a bare completion code. Changes that could cut this machine off
// (drop-all, a DROP rule covering our address or UDP 623, removing our only ACCEPT rule while something
// drops us) are refused before anything is sent unless the caller passes `iUnderstandThisMayLockMeOut`.
import { IpmiError, completionCodeError } from '../../../errors';
import type { Requester } from '../../../client/requester';
import { sourceAddressOf } from '../../../client/source-address';
import {
  decodeBlockAll,
  decodeFirewallEntry,
  decodeRuleCount,
  encodeAddRule,
  encodeDropAll,
  encodeFlush,
  encodeGetBlockAll,
  encodeGetEntry,
  encodeGetRuleCount,
  encodeRemoveDropAll,
  encodeRemoveRule,
  type FirewallEntry,
} from './firewall-codec';
import {
  CMD_GET_FIREWALL,
  CMD_SET_FIREWALL,
  GET_FIREWALL_NAME,
  NETFN_AMI,
  SET_FIREWALL_NAME,
  type DropAllSpec,
  type FirewallRule,
} from './firewall-layout';
import { lockoutRisk, type FirewallChange, type FirewallSnapshot } from './firewall-lockout';

export type { FirewallSnapshot } from './firewall-lockout';

export interface LockoutOptions {
  /** Skip the lock-out check. The UI sets this only after the operator confirmed twice. */
  iUnderstandThisMayLockMeOut?: boolean;
  /** Our address as the BMC sees it; default: the local address of a socket routed to the BMC. */
  sourceAddress?: string;
}

/** A change refused because it could cut this machine off from the BMC. Nothing was sent. */
export class FirewallLockoutError extends IpmiError {
  readonly sourceAddress: string;
  constructor(host: string, sourceAddress: string, reason: string) {
    super('argument', `${host}: refused, ${reason}. Override only if another path to the BMC exists.`, {
      host,
      command: SET_FIREWALL_NAME,
      netFn: NETFN_AMI,
      cmd: CMD_SET_FIREWALL,
    });
    this.name = 'FirewallLockoutError';
    this.sourceAddress = sourceAddress;
  }
}

/** Re-issue an encoder's argument error with the host filled in. */
function encode<T>(host: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof IpmiError && e.host === undefined) {
      throw new IpmiError(e.kind, `${host}: ${e.message}`, { host, command: e.command, cause: e.cause });
    }
    throw e;
  }
}

async function send(r: Requester, cmd: number, data: Uint8Array): Promise<Buffer> {
  const name = cmd === CMD_SET_FIREWALL ? SET_FIREWALL_NAME : GET_FIREWALL_NAME;
  const rsp = await r.raw({ netFn: NETFN_AMI, cmd, data });
  if (rsp.completionCode === 0xc1) {
    throw new IpmiError(
      'unsupported',
      `${r.host}: this BMC has no AMI firewall extension (${name} is an invalid command there)`,
      {
        host: r.host,
        command: name,
        completionCode: 0xc1,
        netFn: NETFN_AMI,
        cmd,
      },
    );
  }
  if (rsp.completionCode !== 0) throw completionCodeError(r.host, name, NETFN_AMI, cmd, rsp.completionCode);
  return rsp.data;
}

/** Decoder errors name the host too. */
function decode<T>(host: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof IpmiError && e.host === undefined) {
      throw new IpmiError(e.kind, `${host}: ${e.message}`, {
        host,
        command: e.command,
        netFn: e.netFn,
        cmd: e.cmd,
      });
    }
    throw e;
  }
}

export async function getFirewallRuleCount(r: Requester): Promise<number> {
  const data = await send(r, CMD_GET_FIREWALL, encodeGetRuleCount());
  return decode(r.host, () => decodeRuleCount(data));
}

export async function getFirewallRule(r: Requester, index: number): Promise<FirewallEntry> {
  const req = encode(r.host, () => encodeGetEntry(index));
  const data = await send(r, CMD_GET_FIREWALL, req);
  return decode(r.host, () => decodeFirewallEntry(data, index));
}

export async function getFirewallBlockAll(r: Requester): Promise<{ active: boolean; raw: number }> {
  const data = await send(r, CMD_GET_FIREWALL, encodeGetBlockAll());
  return decode(r.host, () => decodeBlockAll(data));
}

/**
 * Every rule plus the drop-all state. The count is read again at the end; if another client changed the
 * rules during the walk, the walk restarts (at most three tries) so the list is one consistent picture.
 */
export async function readFirewall(r: Requester): Promise<FirewallSnapshot> {
  for (let attempt = 1; ; attempt++) {
    const count = await getFirewallRuleCount(r);
    const rules: FirewallEntry[] = [];
    for (let i = 0; i < count; i++) rules.push(await getFirewallRule(r, i));
    const blockAll = await getFirewallBlockAll(r);
    if ((await getFirewallRuleCount(r)) === count || attempt === 3) return { rules, blockAll };
  }
}

async function guard(r: Requester, change: FirewallChange, opts: LockoutOptions): Promise<void> {
  if (opts.iUnderstandThisMayLockMeOut === true) return;
  const current = await readFirewall(r);
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
