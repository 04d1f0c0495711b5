// Get/Set SOL Configuration Parameters (IPMI v2.0 §26.2-26.3, NetFn Transport 0x0C, Set 0x21,
// Get 0x22). Parameters and encodings: specs/ipmi-lan.md §4.5. Read-modify-write parameters (2, 3, 4
// pack two settings in one parameter) keep the half that is not being changed.
import type { Requester } from '../../client/requester';
import { IpmiError, argumentError, completionCodeError } from '../../errors';
import { call, type CommandSpec } from '../command-spec';
import { assertChannel } from '../app/user-ids';

export const SET_SOL_CONFIG: CommandSpec = {
  netFn: 0x0c,
  cmd: 0x21,
  name: 'Set SOL Configuration Parameters',
};
export const GET_SOL_CONFIG: CommandSpec = {
  netFn: 0x0c,
  cmd: 0x22,
  name: 'Get SOL Configuration Parameters',
};

export const SOL_PARAM = {
  setInProgress: 0,
  enable: 1,
  authentication: 2,
  characterInterval: 3,
  retry: 4,
  nonVolatileBitRate: 5,
  volatileBitRate: 6,
  payloadChannel: 7,
  payloadPort: 8,
} as const;
export type SolParamName = keyof typeof SOL_PARAM;

/** Data bytes after the revision byte. */
const SOL_PARAM_SIZE: Record<SolParamName, number> = {
  setInProgress: 1,
  enable: 1,
  authentication: 1,
  characterInterval: 2,
  retry: 2,
  nonVolatileBitRate: 1,
  volatileBitRate: 1,
  payloadChannel: 1,
  payloadPort: 2,
};

/** Bit-rate codes of parameters 5/6, keyed by ipmitool's names (kbps). */
export const SOL_BIT_RATE: Record<string, number> = {
  serial: 0x00,
  '9.6': 0x06,
  '19.2': 0x07,
  '38.4': 0x08,
  '57.6': 0x09,
  '115.2': 0x0a,
};

export function parseBitRate(text: string): number {
  const code = SOL_BIT_RATE[text];
  if (code === undefined)
    throw argumentError(`Invalid bit rate ${text} (serial, 9.6, 19.2, 38.4, 57.6 or 115.2)`);
  return code;
}

export function encodeGetSolConfig(channel: number, param: number): Uint8Array {
  assertChannel(channel);
  return Uint8Array.of(channel & 0x0f, param & 0xff, 0, 0);
}

export function encodeSetSolConfig(channel: number, param: number, data: Uint8Array): Uint8Array {
  assertChannel(channel);
  return Uint8Array.of(channel & 0x0f, param & 0xff, ...data);
}

/** Parameter data (revision removed), or undefined for CC 0x80 "parameter not supported". */
export async function getSolParam(
  r: Requester,
  channel: number,
  name: SolParamName,
): Promise<Buffer | undefined> {
  const rsp = await r.raw({
    netFn: GET_SOL_CONFIG.netFn,
    cmd: GET_SOL_CONFIG.cmd,
    data: encodeGetSolConfig(channel, SOL_PARAM[name]),
  });
  if (rsp.completionCode === 0x80) return undefined;
  if (rsp.completionCode !== 0)
    throw completionCodeError(
      r.host,
      GET_SOL_CONFIG.name,
      GET_SOL_CONFIG.netFn,
      GET_SOL_CONFIG.cmd,
      rsp.completionCode,
    );
  const data = rsp.data.subarray(1);
  if (rsp.data.length < 1 || data.length < SOL_PARAM_SIZE[name])
    throw new IpmiError(
      'protocol',
      `${r.host}: SOL parameter ${SOL_PARAM[name]} (${name}) has ${Math.max(0, data.length)} bytes, expected ${SOL_PARAM_SIZE[name]}`,
      {
        host: r.host,
        command: GET_SOL_CONFIG.name,
        netFn: GET_SOL_CONFIG.netFn,
        cmd: GET_SOL_CONFIG.cmd,
      },
    );
  return data;
}

export async function setSolParam(
  r: Requester,
  channel: number,
  name: SolParamName,
  data: Uint8Array,
): Promise<void> {
  await call(r, SET_SOL_CONFIG, encodeSetSolConfig(channel, SOL_PARAM[name], data));
}

export interface SolConfiguration {
  setInProgress?: number;
  enabled?: boolean;
  forceEncryption?: boolean;
  forceAuthentication?: boolean;
  privilegeLevel?: number;
  /** stored in 5 ms units */
  characterAccumulateIntervalMs?: number;
  characterSendThreshold?: number;
  retryCount?: number;
  /** stored in 10 ms units */
  retryIntervalMs?: number;
  nonVolatileBitRate?: number;
  volatileBitRate?: number;
  payloadChannel?: number;
  payloadPort?: number;
  /** parameters the BMC answered with "not supported", in the order asked */
  unsupported: SolParamName[];
}

/** Decodes one parameter's data into the configuration (layout: specs/ipmi-lan.md §4.5). */
export function decodeSolParam(name: SolParamName, d: Uint8Array, into: SolConfiguration): void {
  if (d.length < SOL_PARAM_SIZE[name])
    throw new IpmiError(
      'protocol',
      `SOL parameter ${name} has ${d.length} bytes, expected ${SOL_PARAM_SIZE[name]}`,
    );
  const b0 = d[0]!;
  switch (name) {
    case 'setInProgress':
      into.setInProgress = b0 & 3;
      break;
    case 'enable':
      into.enabled = (b0 & 1) !== 0;
      break;
    case 'authentication':
      into.forceEncryption = (b0 & 0x80) !== 0;
      into.forceAuthentication = (b0 & 0x40) !== 0;
      into.privilegeLevel = b0 & 0x0f;
      break;
    case 'characterInterval':
      into.characterAccumulateIntervalMs = b0 * 5;
      into.characterSendThreshold = d[1]!;
      break;
    case 'retry':
      into.retryCount = b0 & 0x07;
      into.retryIntervalMs = d[1]! * 10;
      break;
    case 'nonVolatileBitRate':
      into.nonVolatileBitRate = b0 & 0x0f;
      break;
    case 'volatileBitRate':
      into.volatileBitRate = b0 & 0x0f;
      break;
    case 'payloadChannel':
      into.payloadChannel = b0;
      break;
    case 'payloadPort':
      into.payloadPort = b0 | (d[1]! << 8);
      break;
  }
}

/** All parameters are asked at once (the session's window keeps them in flight), decoded in order. */
export async function readSolConfiguration(r: Requester, channel: number): Promise<SolConfiguration> {
  const names = Object.keys(SOL_PARAM) as SolParamName[];
  const replies = await Promise.all(names.map((name) => getSolParam(r, channel, name)));
  const cfg: SolConfiguration = { unsupported: [] };
  names.forEach((name, i) => {
    const d = replies[i];
    if (d === undefined) cfg.unsupported.push(name);
    else decodeSolParam(name, d, cfg);
  });
  return cfg;
}

/** One setting as `ipmitool sol set` names it. */
export type SolSetting =
  | { name: 'enabled'; value: boolean }
  | { name: 'force-encryption'; value: boolean }
  | { name: 'force-authentication'; value: boolean }
  | { name: 'privilege-level'; value: 2 | 3 | 4 | 5 }
  | { name: 'character-accumulate-level'; value: number }
  | { name: 'character-send-threshold'; value: number }
  | { name: 'retry-count'; value: number }
  | { name: 'retry-interval'; value: number }
  | { name: 'non-volatile-bit-rate'; value: number }
  | { name: 'volatile-bit-rate'; value: number };

function checkByte(v: number, min: number, max: number, what: string): number {
  if (!Number.isInteger(v) || v < min || v > max)
    throw argumentError(`Invalid value ${v} for ${what} (${min}-${max})`);
  return v;
}

const BIT_RATE_CODES = new Set(Object.values(SOL_BIT_RATE));

/** Validates the setting (before anything is sent) and says which parameter it writes. */
export function solSettingParam(s: SolSetting): SolParamName {
  switch (s.name) {
    case 'enabled':
      return 'enable';
    case 'force-encryption':
    case 'force-authentication':
      return 'authentication';
    case 'privilege-level':
      checkByte(s.value, 2, 5, 'privilege-level');
      return 'authentication';
    case 'character-accumulate-level':
      checkByte(s.value, 1, 255, s.name);
      return 'characterInterval';
    case 'character-send-threshold':
      checkByte(s.value, 0, 255, s.name);
      return 'characterInterval';
    case 'retry-count':
      checkByte(s.value, 0, 7, s.name);
      return 'retry';
    case 'retry-interval':
      checkByte(s.value, 0, 255, s.name);
      return 'retry';
    case 'non-volatile-bit-rate':
    case 'volatile-bit-rate':
      if (!BIT_RATE_CODES.has(s.value)) throw argumentError(`Invalid bit rate code ${s.value}`);
      return s.name === 'volatile-bit-rate' ? 'volatileBitRate' : 'nonVolatileBitRate';
  }
}

/** The bytes to write, given the current value of the parameter for the read-modify-write ones. */
export function encodeSolSetting(s: SolSetting, current: Uint8Array | undefined): Uint8Array {
  solSettingParam(s);
  const cur0 = current?.[0] ?? 0;
  const cur1 = current?.[1] ?? 0;
  switch (s.name) {
    case 'enabled':
      return Uint8Array.of(s.value ? 1 : 0);
    case 'force-encryption':
      return Uint8Array.of((cur0 & 0x4f) | (s.value ? 0x80 : 0));
    case 'force-authentication':
      return Uint8Array.of((cur0 & 0x8f) | (s.value ? 0x40 : 0));
    case 'privilege-level':
      return Uint8Array.of((cur0 & 0xc0) | s.value);
    case 'character-accumulate-level':
      return Uint8Array.of(s.value, cur1);
    case 'character-send-threshold':
      return Uint8Array.of(cur0, s.value);
    case 'retry-count':
      return Uint8Array.of(s.value, cur1);
    case 'retry-interval':
      return Uint8Array.of(cur0 & 0x07, s.value);
    case 'non-volatile-bit-rate':
    case 'volatile-bit-rate':
      return Uint8Array.of(s.value);
  }
}

const NEEDS_CURRENT: ReadonlySet<SolParamName> = new Set(['authentication', 'characterInterval', 'retry']);

/**
 * Writes one setting inside the set-in-progress guard (lock, write, commit, complete). On a refused
 * write the guard is released with set-complete (a rollback on BMCs that keep one) and the BMC's error
 * is thrown.
 */
export async function setSolSetting(r: Requester, channel: number, s: SolSetting): Promise<void> {
  const param = solSettingParam(s);
  const current = NEEDS_CURRENT.has(param) ? await getSolParam(r, channel, param) : undefined;
  // the BMC answered the Get of this parameter with 0x80 (not supported): that is its own code, for the Get
  if (NEEDS_CURRENT.has(param) && current === undefined)
    throw completionCodeError(r.host, GET_SOL_CONFIG.name, GET_SOL_CONFIG.netFn, GET_SOL_CONFIG.cmd, 0x80);
  const data = encodeSolSetting(s, current);
  await setSolParam(r, channel, 'setInProgress', Uint8Array.of(1));
  try {
    await setSolParam(r, channel, param, data);
  } catch (e) {
    await setSolParam(r, channel, 'setInProgress', Uint8Array.of(0)).catch(() => undefined);
    throw e;
  }
  // commit-write is optional in the spec; a BMC without it still takes set-complete
  await setSolParam(r, channel, 'setInProgress', Uint8Array.of(2)).catch(() => undefined);
  await setSolParam(r, channel, 'setInProgress', Uint8Array.of(0));
}
