// IPMI v1.5 Serial over LAN (the pre-2.0 "ISOL" commands, NetFn 0x34): Set ISOL Configuration 0x03 and
// Get ISOL Configuration 0x04, as ipmitool 1.8.19 sends them (lib/ipmi_isol.c). Activate ISOL (0x01) is
// not here: its data stream is not implemented (see cli/commands/isol.ts).
// Most BMCs since IPMI 2.0 - ipmi_sim among them - answer 0xC1 (invalid command): `isolUnsupported`
// tells that case apart so the CLI can say "not supported" instead of showing a completion code.
import type { Requester } from '../../client/requester';
import { argumentError, isIpmiError } from '../../errors';
import { call, requireLength, type CommandSpec } from '../command-spec';

const NETFN_ISOL = 0x34;
export const SET_ISOL_CONFIG: CommandSpec = {
  netFn: NETFN_ISOL,
  cmd: 0x03,
  name: 'Set ISOL Configuration',
};
export const GET_ISOL_CONFIG: CommandSpec = {
  netFn: NETFN_ISOL,
  cmd: 0x04,
  name: 'Get ISOL Configuration',
};

/** The parameters ipmitool reads and writes; each is one data byte. */
export const ISOL_PARAM = { enable: 0x01, authentication: 0x02, bitRate: 0x05 } as const;
export type IsolParamName = keyof typeof ISOL_PARAM;

/** Bit-rate codes (same as IPMI 2.0 SOL's), keyed by ipmitool's spelling in kbps. */
export const ISOL_BIT_RATE: Readonly<Record<string, number>> = {
  '9.6': 0x06,
  '19.2': 0x07,
  '38.4': 0x08,
  '57.6': 0x09,
  '115.2': 0x0a,
};
/** Privilege levels `isol set privilege-level` accepts (callback is not among them in ipmitool). */
export const ISOL_PRIVILEGE: Readonly<Record<string, number>> = { user: 2, operator: 3, admin: 4, oem: 5 };

/** Request: [0x00, parameter, set selector 0, block selector 0]. */
export const encodeGetIsolConfig = (param: number): Uint8Array => Uint8Array.of(0x00, param & 0xff, 0, 0);
/** Request: [0x00, parameter, value]. */
export const encodeSetIsolConfig = (param: number, value: number): Uint8Array =>
  Uint8Array.of(0x00, param & 0xff, value & 0xff);

export interface IsolConfig {
  /** parameter 1 bit 0 */
  enabled: boolean;
  /** parameter 2 as read: bits 3:0 the privilege level, bit 7 kept on writes (ipmitool does the same) */
  authentication: number;
  /** parameter 5 bits 3:0: a bit-rate code (0 = use the IPMI-over-serial setting) */
  bitRate: number;
}

/** Reply: [revision, value]; the value is the byte after the revision. */
export function decodeIsolParam(data: Uint8Array, spec: CommandSpec = GET_ISOL_CONFIG, host = ''): number {
  requireLength(data, 2, spec, host);
  return data[1]!;
}

export async function getIsolParam(r: Requester, param: number): Promise<number> {
  return decodeIsolParam(await call(r, GET_ISOL_CONFIG, encodeGetIsolConfig(param)), GET_ISOL_CONFIG, r.host);
}

/** Reads parameters 1, 2 and 5 in ipmitool's order; the first refusal ends the read. */
export async function getIsolConfig(r: Requester): Promise<IsolConfig> {
  const enable = await getIsolParam(r, ISOL_PARAM.enable);
  const authentication = await getIsolParam(r, ISOL_PARAM.authentication);
  const bitRate = await getIsolParam(r, ISOL_PARAM.bitRate);
  return { enabled: (enable & 1) !== 0, authentication, bitRate: bitRate & 0x0f };
}

export async function setIsolParam(r: Requester, param: number, value: number): Promise<void> {
  await call(r, SET_ISOL_CONFIG, encodeSetIsolConfig(param, value));
}

export interface IsolSetting {
  param: number;
  value: number;
}

/**
 * `isol set <name> <value>` in ipmitool's words, checked before anything is sent. Throws an 'argument'
 * IpmiError with ipmitool's message (two lines for a bad value).
 */
export function parseIsolSetting(name: string, value: string): IsolSetting {
  switch (name) {
    case 'enabled':
      if (value !== 'true' && value !== 'false')
        throw argumentError(`Invalid value ${value} for parameter ${name}\nValid values are true and false`);
      return { param: ISOL_PARAM.enable, value: value === 'true' ? 1 : 0 };
    case 'privilege-level': {
      const level = Object.hasOwn(ISOL_PRIVILEGE, value) ? ISOL_PRIVILEGE[value] : undefined;
      if (level === undefined)
        throw argumentError(
          `Invalid value ${value} for parameter ${name}\nValid values are user, operator, admin, and oem`,
        );
      return { param: ISOL_PARAM.authentication, value: level };
    }
    case 'bit-rate': {
      const code = Object.hasOwn(ISOL_BIT_RATE, value) ? ISOL_BIT_RATE[value] : undefined;
      if (code === undefined)
        throw argumentError(
          `ISOL - Unsupported baud rate: ${value}\nValid values are 9.6, 19.2, 38.4, 57.6 and 115.2`,
        );
      return { param: ISOL_PARAM.bitRate, value: code };
    }
    default:
      throw argumentError(`Error: invalid ISOL parameter ${name}`);
  }
}

/** The byte to write: a new privilege level keeps bit 7 of parameter 2 as the BMC had it (as ipmitool). */
export function isolWriteValue(s: IsolSetting, current: IsolConfig): number {
  return s.param === ISOL_PARAM.authentication ? s.value | (current.authentication & 0x80) : s.value;
}

/** True when the BMC has no IPMI 1.5 SOL at all (0xC1, invalid command, as ipmitool tests). */
export const isolUnsupported = (e: unknown): boolean =>
  isIpmiError(e) && e.kind === 'completion-code' && e.completionCode === 0xc1;
