// The AMI MegaRAC OEM firewall as plain data (NetFn 0x32, Set 0x76 / Get 0x77): the rules a BMC holds
// and the changes a plan may carry. The view is either the decoded snapshot or, when the Get replies fit
// no layout we know, the raw bytes per selector with a note saying why: nothing undecodable is presented
// as fact. Built by electron/views/firewall.ts; printed by the CLI (`firewall list`) and shown by the app.
import { z } from 'zod';

const byte = z.number().int().min(0).max(255);
const bytes = z.array(byte).max(255);
const ipv4 = z
  .string()
  .regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/, 'not a dotted-quad IPv4 address')
  .max(15);
const port = z.number().int().min(1).max(65535);

/** A point on the BMC's own clock (the wire carries no time zone). */
export const firewallTime = z.strictObject({
  year: z.number().int().min(1970).max(9999),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
});
/** The rule is in force from `start` until `stop`. */
export const firewallWindow = z.strictObject({ start: firewallTime, stop: firewallTime });

export const firewallState = z.enum(['drop', 'accept']);
export const firewallProtocol = z.enum(['tcp', 'udp', 'both']);

const ipRule = z.strictObject({
  kind: z.literal('ip'),
  state: firewallState,
  address: ipv4,
  window: firewallWindow.optional(),
});
const rangeRule = z.strictObject({
  kind: z.literal('range'),
  state: firewallState,
  start: ipv4,
  end: ipv4,
  window: firewallWindow.optional(),
});
const portRule = z.strictObject({
  kind: z.literal('port'),
  state: firewallState,
  protocol: firewallProtocol,
  port,
  window: firewallWindow.optional(),
});
const portRangeRule = z.strictObject({
  kind: z.literal('port-range'),
  state: firewallState,
  protocol: firewallProtocol,
  start: port,
  end: port,
  window: firewallWindow.optional(),
});
/** An address or port rule, as added and removed (remove names the rule exactly as it was added). */
export const firewallRule = z.discriminatedUnion('kind', [ipRule, rangeRule, portRule, portRangeRule]);
export type FirewallRuleData = z.infer<typeof firewallRule>;

/** Where a rule sits in the BMC's table and the TYPE byte it was listed with (the Set parameter). */
const place = { index: byte, type: byte };

/** One entry of the rule table as read back. */
export const firewallEntry = z.discriminatedUnion('kind', [
  ipRule.extend(place),
  rangeRule.extend(place),
  portRule.extend(place),
  portRangeRule.extend(place),
  /** a timed drop-all (Set param 19) is listed as a rule */
  z.strictObject({
    kind: z.literal('drop-all'),
    ...place,
    ipv4: z.boolean(),
    ipv6: z.boolean(),
    window: firewallWindow.optional(),
  }),
  /** a TYPE no source documents: its bytes, undecoded */
  z.strictObject({ kind: z.literal('unknown'), ...place, stateCode: byte, body: bytes }),
]);
export type FirewallEntryData = z.infer<typeof firewallEntry>;

/** One Get Firewall exchange as it happened: request data after NetFn/cmd, reply data after the code. */
export const firewallRawReply = z.strictObject({
  /** 'count', 'entry <i>' or 'is-block-all' */
  selector: z.string(),
  request: bytes,
  completionCode: byte,
  reply: bytes,
});

export const firewallView = z.discriminatedUnion('layout', [
  z.strictObject({
    layout: z.literal('known'),
    /** the Get layouts every reply fits (several when nothing told them apart, e.g. no rules) */
    layoutIds: z.array(z.string()),
    rules: z.array(firewallEntry),
    /** Get param 2: drop-all in force (untimed); `raw` the flag byte (bit 0 IPv4, bit 1 IPv6) */
    blockAll: z.strictObject({ active: z.boolean(), raw: byte }),
  }),
  z.strictObject({
    layout: z.literal('unknown'),
    /** why nothing is decoded, in words */
    note: z.string(),
    raw: z.array(firewallRawReply),
  }),
]);
export type FirewallView = z.infer<typeof firewallView>;

const families = { ipv4: z.boolean(), ipv6: z.boolean() };
/** One change a `firewall.plan` may carry; the plan keeps them in the order given. */
export const firewallChange = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add'), rule: firewallRule }),
  z.strictObject({ op: z.literal('remove'), rule: firewallRule }),
  /** drop everything no ACCEPT rule lets in, per address family (timed: Set param 19) */
  z.strictObject({ op: z.literal('drop-all'), ...families, window: firewallWindow.optional() }),
  z.strictObject({ op: z.literal('undrop-all'), ...families }),
  /** every rule and drop-all removed: the documented way back in */
  z.strictObject({ op: z.literal('flush') }),
]);
export type FirewallChangeData = z.infer<typeof firewallChange>;

export const firewallApplyResult = z.strictObject({
  /** changes sent, all accepted */
  applied: z.number().int(),
  /** the rules read back after the last change */
  view: firewallView,
  /**
   * 'matches': the read-back holds what the plan said the rules would be (a mismatch is an error,
   * verify-failed); 'unverifiable': the rules before or after are not decoded, nothing to compare with
   */
  readBack: z.enum(['matches', 'unverifiable']),
});
export type FirewallApplyResult = z.infer<typeof firewallApplyResult>;
