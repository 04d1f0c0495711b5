// Get/Set LAN Configuration Parameters (IPMI v2.0 §23.1-23.2, NetFn Transport 0x0C, Set 0x01,
// Get 0x02). Parameter numbers and layouts: specs/ipmi-lan.md §9. The layouts are kept as data below
// (LAN_PARAMS) so reading, writing and comparing a parameter all agree on its size.
import type { Requester, RequestOptions } from '../../client/requester';
import { argumentError, completionCodeError } from '../../errors';
import { call, type CommandSpec } from '../command-spec';
import { assertChannel } from '../app/user-ids';

export const SET_LAN_CONFIG: CommandSpec = {
  netFn: 0x0c,
  cmd: 0x01,
  name: 'Set LAN Configuration Parameters',
};
export const GET_LAN_CONFIG: CommandSpec = {
  netFn: 0x0c,
  cmd: 0x02,
  name: 'Get LAN Configuration Parameters',
};

/** Parameter number and data size in bytes (after the revision byte of a Get). */
export const LAN_PARAMS = {
  setInProgress: { id: 0, size: 1 },
  authTypeSupport: { id: 1, size: 1 },
  authTypeEnables: { id: 2, size: 5 },
  ipAddress: { id: 3, size: 4 },
  ipAddressSource: { id: 4, size: 1 },
  macAddress: { id: 5, size: 6 },
  subnetMask: { id: 6, size: 4 },
  ipHeader: { id: 7, size: 3 },
  bmcArpControl: { id: 10, size: 1 },
  gratuitousArpInterval: { id: 11, size: 1 },
  defaultGatewayIp: { id: 12, size: 4 },
  defaultGatewayMac: { id: 13, size: 6 },
  backupGatewayIp: { id: 14, size: 4 },
  backupGatewayMac: { id: 15, size: 6 },
  communityString: { id: 16, size: 18 },
  vlanId: { id: 20, size: 2 },
  vlanPriority: { id: 21, size: 1 },
  cipherSuiteEntrySupport: { id: 22, size: 1 },
  cipherSuiteEntries: { id: 23, size: 17 },
  cipherSuitePrivileges: { id: 24, size: 9 },
  badPasswordThreshold: { id: 26, size: 6 },
} as const;
export type LanParamName = keyof typeof LAN_PARAMS;

/**
 * Completion codes that mean "this BMC does not have the parameter": 0x80 is the spec's; ipmitool also
 * treats 0xC9 and 0xCC that way, because BMCs use them for parameters they never heard of.
 */
const NOT_SUPPORTED = new Set([0x80, 0xc9, 0xcc]);

export function encodeGetLanConfig(
  channel: number,
  param: number,
  setSelector = 0,
  blockSelector = 0,
): Uint8Array {
  assertChannel(channel);
  return Uint8Array.of(channel & 0x0f, param & 0xff, setSelector & 0xff, blockSelector & 0xff);
}

export function encodeSetLanConfig(channel: number, param: number, data: Uint8Array): Uint8Array {
  assertChannel(channel);
  const out = new Uint8Array(2 + data.length);
  out[0] = channel & 0x0f;
  out[1] = param & 0xff;
  out.set(data, 2);
  return out;
}

/** The parameter data (revision byte removed), or undefined when the BMC does not support it. */
export async function getLanParam(
  r: Requester,
  channel: number,
  param: number,
  setSelector = 0,
  opts?: RequestOptions,
): Promise<Buffer | undefined> {
  const rsp = await r.raw(
    {
      netFn: GET_LAN_CONFIG.netFn,
      cmd: GET_LAN_CONFIG.cmd,
      data: encodeGetLanConfig(channel, param, setSelector),
    },
    opts,
  );
  if (NOT_SUPPORTED.has(rsp.completionCode)) return undefined;
  if (rsp.completionCode !== 0)
    throw completionCodeError(
      r.host,
      GET_LAN_CONFIG.name,
      GET_LAN_CONFIG.netFn,
      GET_LAN_CONFIG.cmd,
      rsp.completionCode,
    );
  return rsp.data.subarray(1);
}

export async function setLanParam(
  r: Requester,
  channel: number,
  param: number,
  data: Uint8Array,
): Promise<void> {
  await call(r, SET_LAN_CONFIG, encodeSetLanConfig(channel, param, data));
}

// ---- value layouts -------------------------------------------------------------------------------

export type IpAddressSource = 'unspecified' | 'static' | 'dhcp' | 'bios' | 'other';
export const IP_SOURCE_CODE: Record<Exclude<IpAddressSource, 'other'>, number> = {
  unspecified: 0,
  static: 1,
  dhcp: 2,
  bios: 3,
};
export function decodeIpSource(b: number): IpAddressSource {
  return (['unspecified', 'static', 'dhcp', 'bios'] as const)[b & 0x0f] ?? 'other';
}

export interface Vlan {
  enabled: boolean;
  id: number;
}
export const decodeVlan = (d: Uint8Array): Vlan => ({
  enabled: (d[1]! & 0x80) !== 0,
  id: ((d[1]! & 0x0f) << 8) | d[0]!,
});

/** VLAN IDs 1-4094; 0 and 4095 are reserved by 802.1Q. undefined disables the VLAN. */
export function encodeVlan(id: number | undefined): Uint8Array {
  if (id === undefined) return Uint8Array.of(0, 0);
  if (!Number.isInteger(id) || id < 1 || id > 4094)
    throw argumentError(`VLAN ID ${id} is out of range 1..4094`);
  return Uint8Array.of(id & 0xff, 0x80 | (id >> 8));
}

export function encodeVlanPriority(p: number): Uint8Array {
  if (!Number.isInteger(p) || p < 0 || p > 7) throw argumentError(`VLAN priority ${p} is out of range 0..7`);
  return Uint8Array.of(p);
}

/** Community string: up to 18 printable ASCII bytes, NUL padded on the wire. */
export function encodeCommunity(text: string): Uint8Array {
  if (!/^[\x20-\x7e]*$/.test(text)) throw argumentError('SNMP community string must be printable ASCII');
  if (text.length > 18) throw argumentError(`SNMP community string is ${text.length} bytes, the limit is 18`);
  const out = new Uint8Array(18);
  out.set(Buffer.from(text, 'latin1'));
  return out;
}
export function decodeCommunity(d: Uint8Array): string {
  const end = d.indexOf(0);
  return Buffer.from(d.subarray(0, end < 0 ? d.length : end)).toString('latin1');
}

/**
 * Parameter 24: byte 1 reserved, then one nibble per cipher suite entry (low nibble first). Returns
 * the 16 nibbles in entry order: 0 unused, 1 callback .. 5 OEM.
 */
export function decodeCipherSuitePrivileges(d: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 1; i < 9 && i < d.length; i++) out.push(d[i]! & 0x0f, d[i]! >> 4);
  return out;
}
export function encodeCipherSuitePrivileges(levels: readonly number[]): Uint8Array {
  if (levels.length > 16) throw argumentError('at most 16 cipher suite privilege entries');
  const out = new Uint8Array(9);
  levels.forEach((l, i) => {
    if (!Number.isInteger(l) || l < 0 || l > 5)
      throw argumentError(`cipher suite privilege ${l} is invalid (0..5)`);
    out[1 + (i >> 1)]! |= i % 2 === 0 ? l : l << 4;
  });
  return out;
}

/** Parameter 2: one auth-type bitmask per privilege level. */
export interface AuthTypeEnables {
  callback: number;
  user: number;
  operator: number;
  admin: number;
  oem: number;
}
export const decodeAuthTypeEnables = (d: Uint8Array): AuthTypeEnables => ({
  callback: d[0]!,
  user: d[1]!,
  operator: d[2]!,
  admin: d[3]!,
  oem: d[4]!,
});

export interface BadPasswordThreshold {
  generateEvent: boolean;
  /** 0 = off */
  threshold: number;
  resetIntervalSeconds: number;
  lockoutIntervalSeconds: number;
}
/** Parameter 26 counts both intervals in units of this many seconds, LS byte first. */
export const BAD_PASSWORD_INTERVAL_UNIT_S = 10;

export const decodeBadPasswordThreshold = (d: Uint8Array): BadPasswordThreshold => ({
  generateEvent: (d[0]! & 1) !== 0,
  threshold: d[1]!,
  resetIntervalSeconds: (d[2]! | (d[3]! << 8)) * BAD_PASSWORD_INTERVAL_UNIT_S,
  lockoutIntervalSeconds: (d[4]! | (d[5]! << 8)) * BAD_PASSWORD_INTERVAL_UNIT_S,
});

/**
 * The threshold from intervals given as the wire's counts of 10 s (what ipmitool's `bad_pass_thresh`
 * arguments are), so the only code that knows the unit is this file: the CLI passes its numbers
 * through, the app passes seconds to encodeBadPasswordThreshold.
 */
export function badPasswordThresholdFromUnits(t: {
  threshold: number;
  generateEvent: boolean;
  resetIntervalUnits: number;
  lockoutIntervalUnits: number;
}): BadPasswordThreshold {
  return {
    threshold: t.threshold,
    generateEvent: t.generateEvent,
    resetIntervalSeconds: t.resetIntervalUnits * BAD_PASSWORD_INTERVAL_UNIT_S,
    lockoutIntervalSeconds: t.lockoutIntervalUnits * BAD_PASSWORD_INTERVAL_UNIT_S,
  };
}

/**
 * Parameter 26 from the same values decodeBadPasswordThreshold returns: both intervals in seconds,
 * stored in tens of seconds (LS byte first), so they must be multiples of 10 up to 655350.
 * (ipmitool's `lan set ... bad_pass_thresh` takes the raw counts: badPasswordThresholdFromUnits.)
 */
export function encodeBadPasswordThreshold(t: BadPasswordThreshold): Uint8Array {
  if (!Number.isInteger(t.threshold) || t.threshold < 0 || t.threshold > 0xff)
    throw argumentError(`bad password threshold ${t.threshold} is out of range 0..255`);
  const unit = BAD_PASSWORD_INTERVAL_UNIT_S;
  const tens = (seconds: number, what: string) => {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds % unit !== 0 || seconds > 0xffff * unit)
      throw argumentError(`${what} ${seconds} s is not a multiple of ${unit} s in 0..${0xffff * unit}`);
    return seconds / unit;
  };
  const reset = tens(t.resetIntervalSeconds, 'attempt count reset interval');
  const lockout = tens(t.lockoutIntervalSeconds, 'user lockout interval');
  return Uint8Array.of(
    t.generateEvent ? 1 : 0,
    t.threshold,
    reset & 0xff,
    reset >> 8,
    lockout & 0xff,
    lockout >> 8,
  );
}

// ---- parameter 2: authentication type enables ------------------------------------------------------

/** IPMI 1.5 authentication type bits (§22.13 table), by ipmitool's names; "key" is its alias of password. */
export const AUTH_TYPE_MASK: Readonly<Record<string, number>> = {
  none: 0x01,
  md2: 0x02,
  md5: 0x04,
  password: 0x10,
  key: 0x10,
  oem: 0x20,
};
/** The byte of parameter 2 each privilege level owns (the OEM byte is not settable by name). */
export const AUTH_LEVEL_BYTE: Readonly<Record<string, number>> = {
  callback: 0,
  user: 1,
  operator: 2,
  admin: 3,
};

/** A comma list of names (case-insensitive) as one mask; names it does not know are returned apart. */
export function parseAuthTypes(list: string): { mask: number; invalid: string[] } {
  let mask = 0;
  const invalid: string[] = [];
  for (const t of list.split(',')) {
    const bit = Object.hasOwn(AUTH_TYPE_MASK, t.toLowerCase()) ? AUTH_TYPE_MASK[t.toLowerCase()] : undefined;
    if (bit === undefined) invalid.push(t);
    else mask |= bit;
  }
  return { mask, invalid };
}

/** A comma list of privilege level names as parameter-2 byte offsets; unknown names returned apart. */
export function parseAuthLevels(list: string): { bytes: number[]; invalid: string[] } {
  const bytes: number[] = [];
  const invalid: string[] = [];
  for (const l of list.split(',')) {
    const b = Object.hasOwn(AUTH_LEVEL_BYTE, l.toLowerCase()) ? AUTH_LEVEL_BYTE[l.toLowerCase()] : undefined;
    if (b === undefined) invalid.push(l);
    else bytes.push(b);
  }
  return { bytes, invalid };
}

/** Parameter 2 with `mask` as the enables of the given levels; the other bytes stay as read. */
export function encodeAuthTypeEnables(
  current: Uint8Array,
  levelBytes: readonly number[],
  mask: number,
): Uint8Array {
  if (current.length < LAN_PARAMS.authTypeEnables.size)
    throw argumentError(`authentication type enables have ${current.length} bytes, expected 5`);
  const out = Uint8Array.from(current.subarray(0, LAN_PARAMS.authTypeEnables.size));
  for (const b of levelBytes) out[b] = mask & 0x37;
  return out;
}

// ---- parameters 10 and 11: BMC-generated ARP ------------------------------------------------------

/** Parameter 10 bits: 1 = BMC answers ARP requests, 0 = BMC sends gratuitous ARPs. */
export const ARP_CONTROL_BIT = { respond: 0x02, generate: 0x01 } as const;

export function decodeArpControl(b: number): { respond: boolean; generate: boolean } {
  return { respond: (b & ARP_CONTROL_BIT.respond) !== 0, generate: (b & ARP_CONTROL_BIT.generate) !== 0 };
}
/** Parameter 10 with one bit changed, the reserved bits kept as read. */
export function encodeArpControl(current: number, which: keyof typeof ARP_CONTROL_BIT, on: boolean): number {
  const bit = ARP_CONTROL_BIT[which];
  return on ? (current | bit) & 0xff : current & ~bit & 0xff;
}

/**
 * Parameter 11: the gratuitous ARP interval in 500 ms units, 0-based (0 = 0.5 s), so whole seconds
 * 1..127 encode as 2s-1 (ipmitool's formula; 128 s would need 255, which ipmitool refuses too).
 */
export function encodeGratuitousArpInterval(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 127)
    throw argumentError(`gratuitous ARP interval ${seconds} s is out of range 1..127`);
  return seconds * 2 - 1;
}
/** The exact interval in seconds (0.5 steps); `lan print` truncates it as ipmitool does. */
export const decodeGratuitousArpInterval = (raw: number): number => (raw + 1) / 2;

// ---- decoders of the remaining fixed layouts (the view, electron/views/lan.ts, names them) ---------

/** Auth type bits of parameters 1 and 2 in the order ipmitool lists them. */
export const AUTH_TYPE_BITS: readonly (readonly [AuthTypeName, number])[] = [
  ['none', 0x01],
  ['md2', 0x02],
  ['md5', 0x04],
  ['password', 0x10],
  ['oem', 0x20],
];
export type AuthTypeName = 'none' | 'md2' | 'md5' | 'password' | 'oem';
export const decodeAuthTypeMask = (b: number): AuthTypeName[] =>
  AUTH_TYPE_BITS.filter(([, bit]) => (b & bit) !== 0).map(([name]) => name);

/** Parameter 0 bits 1:0. */
export const SET_IN_PROGRESS_STATES = ['complete', 'in-progress', 'commit-write', 'reserved'] as const;
export const decodeSetInProgress = (b: number): (typeof SET_IN_PROGRESS_STATES)[number] =>
  SET_IN_PROGRESS_STATES[b & 3]!;

/** Parameter 7: TTL, flags (bits 7:5 of byte 2), precedence (7:5) and TOS (4:1) of byte 3. */
export const decodeIpHeader = (d: Uint8Array) => ({
  ttl: d[0]!,
  flags: d[1]! & 0xe0,
  precedence: d[2]! & 0xe0,
  tos: d[2]! & 0x1e,
});

/** Parameter 22: the number of cipher suite entries. Bits 7:5 are reserved, but ipmitool uses the whole
 *  byte, and so do we: a BMC that sets them gets the same list from both tools. */
export const decodeCipherSuiteCount = (d: Uint8Array): number => d[0]!;

/**
 * Parameter 23: byte 1 reserved, then one suite ID per entry; the first `count` are the list.
 * undefined when the reply is longer than the 17 bytes the layout has (not a list we can trust).
 */
export function decodeCipherSuiteIds(d: Uint8Array, count: number): number[] | undefined {
  if (d.length > LAN_PARAMS.cipherSuiteEntries.size) return undefined;
  return Array.from(d.subarray(1, 1 + Math.min(16, count)));
}
