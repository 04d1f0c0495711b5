// Encoders and decoders for the AMI firewall, driven by the tables in firewall-layout.ts. Every value is
// validated before a byte is written, so a bad rule is an 'argument' error and nothing is sent; every
// decoder either returns a value or throws a typed IpmiError ('protocol'), never anything else.
import { IpmiError, argumentError } from '../../../errors';
import {
  BODY_LAYOUT,
  CMD_GET_FIREWALL,
  FIELD_SIZE,
  FIREWALL_PROTOCOL_CODE,
  FIREWALL_STATE_CODE,
  GET_FIREWALL_NAME,
  GetFirewallParam,
  NETFN_AMI,
  PORT_LITTLE_ENDIAN,
  SET_FIREWALL_NAME,
  bodySize,
  findSetParam,
  ruleTypeParam,
  type DropAllSpec,
  type Field,
  type FirewallProtocol,
  type FirewallRule,
  type FirewallState,
  type FirewallTime,
  type FirewallWindow,
  type RuleShape,
  type SetAction,
} from './firewall-layout';

type Fields = Record<string, unknown>;

/** A user-supplied value in an error message; never throws, whatever the value (IPC can send anything). */
function show(v: unknown): string {
  if (v === null || typeof v !== 'object') return typeof v === 'symbol' ? v.toString() : String(v);
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return typeof v;
  }
}

const bad = (message: string) => argumentError(`AMI firewall: ${message}`, { command: SET_FIREWALL_NAME });

// ---- validation -------------------------------------------------------------------------------------

const IPV4 = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/** Dotted-quad IPv4 to its 4 bytes; leading zeros are refused (is "010" octal or decimal?). */
export function parseIpv4(text: unknown, what = 'IPv4 address'): Uint8Array {
  const m = typeof text === 'string' ? IPV4.exec(text) : null;
  const bytes = m ? m.slice(1).map(Number) : [];
  if (!m || bytes.some((b) => b > 255))
    throw bad(`${what} "${show(text)}" is not a dotted-quad IPv4 address`);
  return Uint8Array.from(bytes);
}

export const ipv4ToNumber = (b: Uint8Array): number =>
  ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;

function checkPort(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw bad(`${what} ${show(value)} is outside 1-65535`);
  }
  return value;
}

function checkProtocol(value: unknown): number {
  if (typeof value !== 'string' || !Object.hasOwn(FIREWALL_PROTOCOL_CODE, value)) {
    throw bad(`unknown protocol "${show(value)}" (use tcp, udp or both)`);
  }
  return FIREWALL_PROTOCOL_CODE[value as FirewallProtocol];
}

function checkState(value: unknown): number {
  if (value !== 'drop' && value !== 'accept')
    throw bad(`unknown state "${show(value)}" (use drop or accept)`);
  return FIREWALL_STATE_CODE[value];
}

function checkTime(t: FirewallTime | undefined, what: string): Date {
  const ok =
    typeof t === 'object' &&
    t !== null &&
    [t.year, t.month, t.day, t.hour, t.minute].every((n) => Number.isInteger(n)) &&
    t.year >= 1970 &&
    t.year <= 9999 &&
    t.hour >= 0 &&
    t.hour <= 23 &&
    t.minute >= 0 &&
    t.minute <= 59;
  const d = ok ? new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute)) : undefined;
  // Date.UTC rolls 31 April over to 1 May; a round trip catches impossible dates.
  if (!d || d.getUTCMonth() !== t!.month - 1 || d.getUTCDate() !== t!.day) {
    throw bad(`${what} time ${show(t)} is not a valid date and time`);
  }
  return d;
}

export function checkWindow(w: FirewallWindow): void {
  if (typeof w !== 'object' || w === null) throw bad(`time window ${show(w)} is not {start, stop}`);
  const start = checkTime(w.start, 'start');
  const stop = checkTime(w.stop, 'stop');
  if (start >= stop) throw bad(`the stop time must be after the start time`);
}

/** Field-level checks that span fields: ranges must not run backwards, drop-all needs a family. */
function checkShape(shape: RuleShape, v: Fields): void {
  if (shape === 'range') {
    const start = ipv4ToNumber(parseIpv4(v.start, 'range start'));
    const end = ipv4ToNumber(parseIpv4(v.end, 'range end'));
    if (start > end) throw bad(`range start ${show(v.start)} is after range end ${show(v.end)}`);
  } else if (shape === 'port-range') {
    const start = checkPort(v.start, 'start port');
    const end = checkPort(v.end, 'end port');
    if (start > end) throw bad(`start port ${start} is after end port ${end}`);
  } else if (shape === 'drop-all' && v.ipv4 !== true && v.ipv6 !== true) {
    throw bad('drop-all needs at least one of IPv4 and IPv6');
  }
}

// ---- encoding -----------------------------------------------------------------------------------------

function writeTime(out: Uint8Array, off: number, t: FirewallTime): void {
  out[off] = t.year & 0xff; // yy, INT16U LS byte first
  out[off + 1] = t.year >> 8;
  out[off + 2] = t.month;
  out[off + 3] = t.day;
  out[off + 4] = t.hour;
  out[off + 5] = t.minute;
}

function writeField(out: Uint8Array, off: number, f: Field, v: Fields): void {
  switch (f.type) {
    case 'ipv4':
      out.set(parseIpv4(v[f.key], f.key), off);
      return;
    case 'protocol':
      out[off] = checkProtocol(v[f.key]);
      return;
    case 'port': {
      const port = checkPort(v[f.key], f.key === 'port' ? 'port' : `${f.key} port`);
      out[off + (PORT_LITTLE_ENDIAN ? 0 : 1)] = port & 0xff;
      out[off + (PORT_LITTLE_ENDIAN ? 1 : 0)] = port >> 8;
      return;
    }
    case 'families':
      out[off] = (v.ipv4 === true ? 0x01 : 0) | (v.ipv6 === true ? 0x02 : 0);
      return;
    case 'window': {
      const w = v[f.key] as FirewallWindow;
      writeTime(out, off, w.start);
      writeTime(out, off + 6, w.stop);
      return;
    }
  }
}

/** The Set Firewall request: [param, state, body..., window?]. */
function encodeSet(action: SetAction, shape: RuleShape, v: Fields, state: number): Uint8Array {
  const window = v.window as FirewallWindow | undefined;
  if (window !== undefined) checkWindow(window);
  const param = findSetParam(action, shape, window !== undefined);
  checkShape(shape, v);
  const out = new Uint8Array(2 + bodySize(shape, param.timed));
  out[0] = param.code;
  out[1] = state;
  let off = 2;
  const fields: readonly Field[] = param.timed
    ? [...BODY_LAYOUT[shape], { key: 'window', type: 'window' }]
    : BODY_LAYOUT[shape];
  for (const f of fields) {
    writeField(out, off, f, v);
    off += FIELD_SIZE[f.type];
  }
  return out;
}

function ruleFields(rule: FirewallRule): Fields {
  const kind: unknown = (rule as { kind?: unknown } | null)?.kind;
  if (kind !== 'ip' && kind !== 'range' && kind !== 'port' && kind !== 'port-range') {
    throw bad(`unknown rule kind "${show(kind)}" (use ip, range, port or port-range)`);
  }
  return rule as unknown as Fields;
}

/** Set param 0-3 (11-14 with a window): add an address or port rule. */
export function encodeAddRule(rule: FirewallRule): Uint8Array {
  const v = ruleFields(rule);
  return encodeSet('add', rule.kind, v, checkState(rule.state));
}

/** Set param 4-7 (15-18 with a window): remove a rule; state (and window) must match the rule added. */
export function encodeRemoveRule(rule: FirewallRule): Uint8Array {
  const v = ruleFields(rule);
  return encodeSet('remove', rule.kind, v, checkState(rule.state));
}

/** Set param 9 (19 with a window); the state byte is ignored by the BMC and sent as 0. */
export function encodeDropAll(spec: DropAllSpec): Uint8Array {
  return encodeSet('drop-all', 'drop-all', spec as unknown as Fields, 0);
}

/** Set param 10. A timed drop-all cannot be removed early with documented parameters; flush does it. */
export function encodeRemoveDropAll(spec: Omit<DropAllSpec, 'window'>): Uint8Array {
  if ((spec as DropAllSpec).window !== undefined) throw bad('remove drop-all takes no time window');
  return encodeSet('remove-drop-all', 'drop-all', spec as unknown as Fields, 0);
}

/** Set param 8: flush iptables and ip6tables (every rule and drop-all). */
export function encodeFlush(): Uint8Array {
  return encodeSet('flush', 'flush', {}, 0);
}

/** Get Firewall requests. `[param, 0]` by default: the handler takes variable length (AMI.c table);
 *  `short` gives AMI's own client's 1-byte form `[param]`, for firmware that insists on it (0xC7). */
export const encodeGetRuleCount = (short = false): Uint8Array =>
  short ? Uint8Array.of(GetFirewallParam.ruleCount) : Uint8Array.of(GetFirewallParam.ruleCount, 0x00);
export const encodeGetBlockAll = (short = false): Uint8Array =>
  short ? Uint8Array.of(GetFirewallParam.isBlockAll) : Uint8Array.of(GetFirewallParam.isBlockAll, 0x00);
export function encodeGetEntry(index: number): Uint8Array {
  if (!Number.isInteger(index) || index < 0 || index > 255) {
    throw argumentError(`AMI firewall: rule index ${show(index)} is outside 0-255`, {
      command: GET_FIREWALL_NAME,
    });
  }
  return Uint8Array.of(GetFirewallParam.entryInfo, index);
}

// ---- decoding -----------------------------------------------------------------------------------------

/** A rule as read back; timed rules carry their window, unknown TYPEs keep their bytes. */
export type FirewallEntry =
  | (FirewallRule & { index: number; type: number })
  | (DropAllSpec & { index: number; type: number })
  | { kind: 'unknown'; index: number; type: number; stateCode: number; body: Uint8Array };

function malformed(what: string, detail: string): IpmiError {
  return new IpmiError('protocol', `${GET_FIREWALL_NAME} ${what}: ${detail}`, {
    command: GET_FIREWALL_NAME,
    netFn: NETFN_AMI,
    cmd: CMD_GET_FIREWALL,
  });
}

function readTime(b: Uint8Array, off: number): FirewallTime {
  return {
    year: b[off]! | (b[off + 1]! << 8),
    month: b[off + 2]!,
    day: b[off + 3]!,
    hour: b[off + 4]!,
    minute: b[off + 5]!,
  };
}

function readField(b: Uint8Array, off: number, f: Field, into: Fields): void {
  switch (f.type) {
    case 'ipv4':
      into[f.key] = `${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`;
      return;
    case 'protocol': {
      const name = (Object.keys(FIREWALL_PROTOCOL_CODE) as FirewallProtocol[]).find(
        (k) => FIREWALL_PROTOCOL_CODE[k] === b[off],
      );
      if (!name)
        throw malformed('entry', `protocol byte 0x${hex(b[off]!)} is not 0 (TCP), 1 (UDP) or 2 (both)`);
      into[f.key] = name;
      return;
    }
    case 'port':
      into[f.key] = PORT_LITTLE_ENDIAN ? b[off]! | (b[off + 1]! << 8) : (b[off]! << 8) | b[off + 1]!;
      return;
    case 'families':
      into.ipv4 = (b[off]! & 0x01) !== 0;
      into.ipv6 = (b[off]! & 0x02) !== 0;
      return;
    case 'window':
      into[f.key] = { start: readTime(b, off), stop: readTime(b, off + 6) } satisfies FirewallWindow;
      return;
  }
}

/**
 * The rule in a Get param 1 reply from TYPE on: TYPE (the Set param that made the rule), State, then the
 * body laid out as for Set. The body is a C union, so BMCs may pad it to the union size: parse by TYPE,
 * ignore the rest. Which reply sizes a layout allows, and what comes before TYPE, is for
 * firewall-get-layouts.ts to check; the count and is-block-all replies are decoded there too.
 */
export function decodeFirewallEntry(data: Uint8Array, index: number): FirewallEntry {
  if (data.length < 2)
    throw malformed(`entry ${index}`, `${data.length} bytes, need at least 2 (type, state)`);
  const type = data[0]!;
  const stateCode = data[1]!;
  const param = ruleTypeParam(type);
  if (!param) return { kind: 'unknown', index, type, stateCode, body: data.slice(2) };
  const need = 2 + bodySize(param.shape, param.timed);
  if (data.length < need) {
    throw malformed(
      `entry ${index}`,
      `${data.length} bytes for rule type ${type} (${param.name}), need ${need}`,
    );
  }
  const out: Fields = { kind: param.shape, index, type };
  if (param.shape !== 'drop-all') {
    // drop-all ignores the state byte; for every other rule it must be drop or accept
    const state = (Object.keys(FIREWALL_STATE_CODE) as FirewallState[]).find(
      (k) => FIREWALL_STATE_CODE[k] === stateCode,
    );
    if (!state)
      throw malformed(`entry ${index}`, `state byte 0x${hex(stateCode)} is not 0 (drop) or 1 (accept)`);
    out.state = state;
  }
  let off = 2;
  const fields: readonly Field[] = param.timed
    ? [...BODY_LAYOUT[param.shape], { key: 'window', type: 'window' }]
    : BODY_LAYOUT[param.shape];
  for (const f of fields) {
    readField(data, off, f, out);
    off += FIELD_SIZE[f.type];
  }
  return out as unknown as FirewallEntry;
}

const hex = (n: number) => n.toString(16).padStart(2, '0');
