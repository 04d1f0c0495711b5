// Lock-out protection for the AMI firewall, as pure functions: given the rules in force, the change asked
// for and the address the BMC sees us at, say whether the change could cut this machine off from the
// BMC. The command layer (firewall.ts) refuses such changes unless the caller explicitly overrides, so
// the rule holds for the CLI, IPC handlers and scripts alike, not only in the UI.
//
// What counts as "covered": an ACCEPT rule for our address (single IPv4 address or a range containing it)
// without a time window. Timed ACCEPT rules do not count, because they expire while the DROP stays.
// Rules this module cannot express (IPv6, unknown TYPEs) never count as cover.
//
// When the rules cannot be read (a reply in no known layout, a refused Get), nothing counts as cover:
// drop-all for our address family, a DROP rule covering our address or UDP 623, and removing an ACCEPT
// rule for our address are all refused, with the reason the rules are unknown. Other changes cannot cut
// us off whatever the rules are, and pass.
//
// A risk is a typed reason: a stable code (LOCKOUT_CODES, which a UI translates) and English words.
import { ipv4ToNumber, parseIpv4, type FirewallEntry } from './firewall-codec';
import type { DropAllSpec, FirewallRule } from './firewall-layout';

/** The BMC's RMCP port: a DROP port rule covering UDP 623 cuts off every IPMI-over-LAN client. */
export const BMC_RMCP_PORT = 623;

export interface FirewallSnapshot {
  rules: FirewallEntry[];
  blockAll: { active: boolean; raw: number };
}

/** What the guard knows of the rules in force: the rules, or why they are unknown (in words). */
export type FirewallKnowledge = FirewallSnapshot | { unknown: string };

export type FirewallChange =
  | { op: 'add'; rule: FirewallRule }
  | { op: 'remove'; rule: FirewallRule }
  | { op: 'drop-all'; spec: DropAllSpec }
  | { op: 'undrop-all'; spec: Omit<DropAllSpec, 'window'> }
  | { op: 'flush' };

/** Why a change could cut us off, one code per case (the `…-rules-unknown` ones: the rules could not be read). */
export const LOCKOUT_CODES = [
  'firewall-drop-all-uncovered', // drop-all while no permanent ACCEPT rule covers our address
  'firewall-drop-all-ipv6-source', // drop-all for IPv6 while we talk IPv6: we cannot add IPv6 ACCEPT rules
  'firewall-drop-rule-covers-source', // a DROP rule for our address, nothing accepts us
  'firewall-drop-rule-covers-rmcp-port', // a DROP rule for UDP 623, nothing accepts us
  'firewall-remove-only-accept', // removing the last permanent ACCEPT rule for us while something drops us
  'firewall-drop-all-rules-unknown',
  'firewall-drop-rule-rules-unknown',
  'firewall-remove-accept-rules-unknown',
] as const;
export type LockoutCode = (typeof LOCKOUT_CODES)[number];

export interface LockoutReason {
  code: LockoutCode;
  /** English, for logs and the CLI */
  message: string;
}

/** Our source address as an IPv4 number, or undefined for a (non-mapped) IPv6 address. */
export function sourceIpv4(source: string): number | undefined {
  const v4 = source.startsWith('::ffff:') && source.includes('.') ? source.slice(7) : source;
  if (!v4.includes('.')) return undefined;
  return ipv4ToNumber(parseIpv4(v4, 'source address'));
}

type AnyRule = FirewallRule | FirewallEntry;

function coversAddress(rule: AnyRule, addr: number): boolean {
  if (rule.kind === 'ip') return ipv4ToNumber(parseIpv4(rule.address)) === addr;
  if (rule.kind === 'range') {
    return ipv4ToNumber(parseIpv4(rule.start)) <= addr && addr <= ipv4ToNumber(parseIpv4(rule.end));
  }
  return false;
}

function coversRmcpPort(rule: AnyRule): boolean {
  if (rule.kind === 'port') return rule.protocol !== 'tcp' && rule.port === BMC_RMCP_PORT;
  if (rule.kind === 'port-range') {
    return rule.protocol !== 'tcp' && rule.start <= BMC_RMCP_PORT && BMC_RMCP_PORT <= rule.end;
  }
  return false;
}

/** A DROP rule that would stop packets from `addr` (undefined = IPv6 source) reaching the BMC's RMCP port. */
function blocks(rule: AnyRule, addr: number | undefined): boolean {
  if (!('state' in rule) || rule.state !== 'drop') return false;
  if (coversRmcpPort(rule)) return true;
  return addr !== undefined && coversAddress(rule, addr);
}

/** A permanent ACCEPT rule for `addr`. */
export function acceptsPermanently(rule: AnyRule, addr: number): boolean {
  return 'state' in rule && rule.state === 'accept' && rule.window === undefined && coversAddress(rule, addr);
}

/** JSON with every object's keys sorted, at every depth (so a window's times count too). */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (Array.isArray(v) || v instanceof Uint8Array) return `[${Array.from(v, canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

/** A rule's identity on the BMC: everything but its place in the table (index) and the TYPE byte. */
export function ruleKey(r: AnyRule | DropAllSpec): string {
  const { index: _i, type: _t, ...rest } = r as AnyRule & { index?: number; type?: number };
  return canonical(rest);
}

export const sameRule = (a: AnyRule, b: FirewallRule): boolean => ruleKey(a) === ruleKey(b);

/**
 * Why `change` could cut `source` off from the BMC, or undefined when it cannot.
 * @param source the local address of the socket that reaches the BMC (what the BMC sees as our source)
 */
export function lockoutRisk(
  change: FirewallChange,
  current: FirewallKnowledge,
  source: string,
): LockoutReason | undefined {
  if ('unknown' in current) return unknownRisk(change, current.unknown, source);
  const addr = sourceIpv4(source);
  const covered = addr !== undefined && current.rules.some((r) => acceptsPermanently(r, addr));
  const fix = `add an ACCEPT rule for it first (firewall allow ip ${addr !== undefined ? source : '<address>'})`;
  switch (change.op) {
    case 'drop-all': {
      if (addr === undefined && change.spec.ipv6) {
        return reason(
          'firewall-drop-all-ipv6-source',
          `drop-all for IPv6 would cut off ${source}: this BMC Desk cannot add IPv6 ACCEPT rules`,
        );
      }
      if (addr !== undefined && change.spec.ipv4 && !covered) {
        return reason(
          'firewall-drop-all-uncovered',
          `drop-all would cut off ${source}: no permanent ACCEPT rule covers it; ${fix}`,
        );
      }
      return undefined;
    }
    case 'add': {
      if (!blocks(change.rule, addr)) return undefined;
      if (covered) return undefined;
      const port = coversRmcpPort(change.rule);
      return reason(
        port ? 'firewall-drop-rule-covers-rmcp-port' : 'firewall-drop-rule-covers-source',
        `this DROP rule covers ${source}${port ? ` (UDP port ${BMC_RMCP_PORT})` : ''} and no permanent ACCEPT rule does; ${fix}`,
      );
    }
    case 'remove': {
      if (addr === undefined || !acceptsPermanently(change.rule, addr)) return undefined;
      const remaining = current.rules.filter((r) => !sameRule(r, change.rule));
      if (remaining.some((r) => acceptsPermanently(r, addr))) return undefined;
      // a timed drop-all (param 19) shows up as a rule rather than in the is-block-all flag
      const timedDropAll = remaining.some((r) => r.kind === 'drop-all' && r.ipv4);
      const dropped = current.blockAll.active || timedDropAll || remaining.some((r) => blocks(r, addr));
      if (!dropped) return undefined;
      const why = current.blockAll.active
        ? 'drop-all is on'
        : timedDropAll
          ? 'a timed drop-all is set'
          : 'a DROP rule covers it';
      return reason(
        'firewall-remove-only-accept',
        `removing the only ACCEPT rule for ${source} would cut it off (${why})`,
      );
    }
    case 'undrop-all':
    case 'flush':
      return undefined; // they only let more in
  }
}

const reason = (code: LockoutCode, message: string): LockoutReason => ({ code, message });

/** The same question when the rules in force are unknown: anything that could cut us off is a risk. */
function unknownRisk(change: FirewallChange, why: string, source: string): LockoutReason | undefined {
  const addr = sourceIpv4(source);
  const unknown = `the rules in force are unknown (${why}), so no ACCEPT rule is known to cover ${source}`;
  switch (change.op) {
    case 'drop-all':
      if (addr === undefined ? !change.spec.ipv6 : !change.spec.ipv4) return undefined;
      return reason('firewall-drop-all-rules-unknown', `drop-all could cut off ${source}: ${unknown}`);
    case 'add':
      if (!blocks(change.rule, addr)) return undefined;
      return reason(
        'firewall-drop-rule-rules-unknown',
        `this DROP rule covers ${source}${coversRmcpPort(change.rule) ? ` (UDP port ${BMC_RMCP_PORT})` : ''}: ${unknown}`,
      );
    case 'remove':
      if (addr === undefined || !acceptsPermanently(change.rule, addr)) return undefined;
      return reason(
        'firewall-remove-accept-rules-unknown',
        `removing an ACCEPT rule for ${source} could cut it off: the rules in force are unknown (${why}), so it may be the only one`,
      );
    case 'undrop-all':
    case 'flush':
      return undefined;
  }
}
