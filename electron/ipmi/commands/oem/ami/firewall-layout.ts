// AMI MegaRAC OEM firewall (NetFn 0x32, Set Firewall 0x76 / Get Firewall 0x77): the request and rule
// layouts, declared once as data and used by both the encoders (firewall-codec.ts) and the decoder.
//
// Sources followed (layouts re-derived from these descriptions, no code copied):
//  - Dell EMC PowerSwitch BMC user guides (S5200-ON series rev A03, March 2021, pp. 17-22; Z9264F-ON p. 17;
//    Z9432F-ON pp. 48-53): the parameter table 0-19, the state byte (0 drop / 1 accept), the protocol byte
//    (0 TCP / 1 UDP / 2 both), the drop-all flag byte (bit 0 IPv4, bit 1 IPv6), completion codes 0x80-0x83.
//  - AMI MegaRAC SDK headers (IPMI_AMIConf.h `AMISetFirewallReq_T { Param; State; CMD_INFO }`,
//    `AMIGetFirewallReq_T { Param; EntryNo }`, `GetFirewallConf_T { TYPE; State; Entry_info }`; Iptables.h
//    parameter numbers; `Timeout_T` = Date_T { INT16U yy; INT8U mm; INT8U dd } + Time_T { hh; mm } for the
//    start and the stop time) and AMI's client library libipmi_AMIOEM.c (request lengths 2+4, 2+8, 2+3,
//    2+5, each +12 for the timed variants; Get count/is-block-all send one byte, entry info two).
//  - Multi-byte values (ports, the year) are AMI `INT16U`s copied from host memory, i.e. little-endian on
//    both AMI's x86 client and the ARM BMC. The Dell table's "MX byte first" is ambiguous; unconfirmed on
//    hardware, so the byte order is named once here (PORT_LITTLE_ENDIAN) rather than scattered.
import { argumentError } from '../../../errors';

export const NETFN_AMI = 0x32;
export const CMD_SET_FIREWALL = 0x76;
export const CMD_GET_FIREWALL = 0x77;
export const SET_FIREWALL_NAME = 'AMI Set Firewall';
export const GET_FIREWALL_NAME = 'AMI Get Firewall';

/** See the header: AMI copies INT16U ports verbatim from (little-endian) memory. */
export const PORT_LITTLE_ENDIAN = true;

/** Get Firewall (0x77) parameter selectors (AMI `GET_IPTABLE_COUNT`, `GET_ENTRY_INFO`, `IS_BLOCK_ALL`). */
export const GetFirewallParam = { ruleCount: 0x00, entryInfo: 0x01, isBlockAll: 0x02 } as const;

export type FirewallState = 'drop' | 'accept';
export const FIREWALL_STATE_CODE: Record<FirewallState, number> = { drop: 0x00, accept: 0x01 };

export type FirewallProtocol = 'tcp' | 'udp' | 'both';
export const FIREWALL_PROTOCOL_CODE: Record<FirewallProtocol, number> = { tcp: 0x00, udp: 0x01, both: 0x02 };

/** A point in time on the BMC's own clock (no time zone is carried on the wire). */
export interface FirewallTime {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  hour: number; // 0-23
  minute: number; // 0-59
}

/** The 12-byte AMI `Timeout_T` pair: the rule is in force from `start` until `stop`. */
export interface FirewallWindow {
  start: FirewallTime;
  stop: FirewallTime;
}

export interface IpRule {
  kind: 'ip';
  state: FirewallState;
  address: string;
  window?: FirewallWindow;
}
export interface IpRangeRule {
  kind: 'range';
  state: FirewallState;
  start: string;
  end: string;
  window?: FirewallWindow;
}
export interface PortRule {
  kind: 'port';
  state: FirewallState;
  protocol: FirewallProtocol;
  port: number;
  window?: FirewallWindow;
}
export interface PortRangeRule {
  kind: 'port-range';
  state: FirewallState;
  protocol: FirewallProtocol;
  start: number;
  end: number;
  window?: FirewallWindow;
}
/** An address or port rule: what Set params 0-7 and 11-18 add and remove. */
export type FirewallRule = IpRule | IpRangeRule | PortRule | PortRangeRule;

/** Drop every packet not accepted by a rule (Set param 9 / 19), per address family. */
export interface DropAllSpec {
  kind: 'drop-all';
  ipv4: boolean;
  ipv6: boolean;
  window?: FirewallWindow;
}

export type RuleShape = FirewallRule['kind'] | 'drop-all' | 'flush';

/** How one field is laid out on the wire. */
export type FieldType = 'ipv4' | 'protocol' | 'port' | 'families' | 'window';
export const FIELD_SIZE: Record<FieldType, number> = {
  ipv4: 4,
  protocol: 1,
  port: 2,
  families: 1,
  window: 12,
};

export interface Field {
  /** property of the rule object holding the value ('families' reads `ipv4`/`ipv6`) */
  key: string;
  type: FieldType;
}

/** The parameter data after (param, state) for each rule shape, without the optional time window. */
export const BODY_LAYOUT: Record<RuleShape, readonly Field[]> = {
  ip: [{ key: 'address', type: 'ipv4' }], // AMI IPAddr_ipv4.ipaddr_ipv4[4], dotted order
  range: [
    { key: 'start', type: 'ipv4' }, // IPRange_ipv4.starting_ip[4]
    { key: 'end', type: 'ipv4' }, // IPRange_ipv4.closing_ip[4]
  ],
  port: [
    { key: 'protocol', type: 'protocol' }, // Port_Data.protocol
    { key: 'port', type: 'port' }, // Port_Data.Port_NO (INT16U)
  ],
  'port-range': [
    { key: 'protocol', type: 'protocol' },
    { key: 'start', type: 'port' }, // Port_Range.starting_port
    { key: 'end', type: 'port' }, // Port_Range.closing_port
  ],
  'drop-all': [{ key: 'families', type: 'families' }], // bit 0 IPv4, bit 1 IPv6
  flush: [],
};

export type SetAction = 'add' | 'remove' | 'flush' | 'drop-all' | 'remove-drop-all';

export interface SetFirewallParam {
  code: number;
  /** Dell's name for the parameter */
  name: string;
  action: SetAction;
  shape: RuleShape;
  /** the body is followed by the 12-byte start/stop window */
  timed: boolean;
}

/** Set Firewall (0x76) parameters 0-19 (Dell PowerSwitch BMC guide table; AMI Iptables.h). Params above 19
 *  (IPv6 rules, remove timed drop-all) are not fully documented and are deliberately absent. */
export const SET_FIREWALL_PARAMS: readonly SetFirewallParam[] = [
  { code: 0, name: 'add IPv4 address rule', action: 'add', shape: 'ip', timed: false },
  { code: 1, name: 'add IPv4 range rule', action: 'add', shape: 'range', timed: false },
  { code: 2, name: 'add port rule', action: 'add', shape: 'port', timed: false },
  { code: 3, name: 'add port-range rule', action: 'add', shape: 'port-range', timed: false },
  { code: 4, name: 'remove IPv4 address rule', action: 'remove', shape: 'ip', timed: false },
  { code: 5, name: 'remove IPv4 range rule', action: 'remove', shape: 'range', timed: false },
  { code: 6, name: 'remove port rule', action: 'remove', shape: 'port', timed: false },
  { code: 7, name: 'remove port-range rule', action: 'remove', shape: 'port-range', timed: false },
  { code: 8, name: 'flush iptables and ip6tables', action: 'flush', shape: 'flush', timed: false },
  { code: 9, name: 'drop all', action: 'drop-all', shape: 'drop-all', timed: false },
  { code: 10, name: 'remove drop-all', action: 'remove-drop-all', shape: 'drop-all', timed: false },
  { code: 11, name: 'add IPv4 address rule with timeout', action: 'add', shape: 'ip', timed: true },
  { code: 12, name: 'add IPv4 range rule with timeout', action: 'add', shape: 'range', timed: true },
  { code: 13, name: 'add port rule with timeout', action: 'add', shape: 'port', timed: true },
  { code: 14, name: 'add port-range rule with timeout', action: 'add', shape: 'port-range', timed: true },
  { code: 15, name: 'remove IPv4 address rule with timeout', action: 'remove', shape: 'ip', timed: true },
  { code: 16, name: 'remove IPv4 range rule with timeout', action: 'remove', shape: 'range', timed: true },
  { code: 17, name: 'remove port rule with timeout', action: 'remove', shape: 'port', timed: true },
  {
    code: 18,
    name: 'remove port-range rule with timeout',
    action: 'remove',
    shape: 'port-range',
    timed: true,
  },
  { code: 19, name: 'drop all with timeout', action: 'drop-all', shape: 'drop-all', timed: true },
];

export function findSetParam(action: SetAction, shape: RuleShape, timed: boolean): SetFirewallParam {
  const p = SET_FIREWALL_PARAMS.find((x) => x.action === action && x.shape === shape && x.timed === timed);
  if (!p) {
    throw argumentError(`AMI firewall: no parameter to ${action} a ${timed ? 'timed ' : ''}${shape} rule`, {
      command: SET_FIREWALL_NAME,
    });
  }
  return p;
}

/** A Get Firewall entry's TYPE byte is the Set parameter that created the rule (0-3, 11-14, 19; 9 assumed). */
export function ruleTypeParam(type: number): SetFirewallParam | undefined {
  return SET_FIREWALL_PARAMS.find((p) => p.code === type && (p.action === 'add' || p.action === 'drop-all'));
}

/** Size of a body (plus the window when timed). */
export function bodySize(shape: RuleShape, timed: boolean): number {
  return BODY_LAYOUT[shape].reduce((n, f) => n + FIELD_SIZE[f.type], 0) + (timed ? FIELD_SIZE.window : 0);
}
