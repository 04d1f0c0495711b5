// Set / Get System Boot Options (IPMI v2.0 §28.12-28.13, NetFn Chassis 0x00, cmds 0x08 / 0x09).
// Set: byte 1 bit 7 = mark the parameter invalid (locked), bits 6:0 the parameter; then its data.
// Get: parameter, set selector, block selector -> parameter version, valid flag + parameter, data.
// Parameter layouts live beside this file (boot-flags.ts) or below (the small ones).
import type { Requester } from '../../client/requester';
import { argumentError } from '../../errors';
import { call, requireLength, type CommandSpec } from '../command-spec';

export const SET_SYSTEM_BOOT_OPTIONS: CommandSpec = {
  netFn: 0x00,
  cmd: 0x08,
  name: 'Set System Boot Options',
};
export const GET_SYSTEM_BOOT_OPTIONS: CommandSpec = {
  netFn: 0x00,
  cmd: 0x09,
  name: 'Get System Boot Options',
};

/** Boot option parameter numbers (spec table 28-14). */
export const BOOT_PARAM = {
  setInProgress: 0,
  servicePartitionSelector: 1,
  servicePartitionScan: 2,
  bootFlagValidBitClearing: 3,
  bootInfoAcknowledge: 4,
  bootFlags: 5,
  bootInitiatorInfo: 6,
  bootInitiatorMailbox: 7,
} as const;

export interface BootOption {
  /** parameter version, 1 in every BMC seen */
  version: number;
  parameter: number;
  /** bit 7 of byte 2: the parameter is marked invalid / locked */
  invalid: boolean;
  data: Buffer;
}

export function encodeGetBootOption(parameter: number, setSelector = 0, blockSelector = 0): Uint8Array {
  for (const [what, v, max] of [
    ['parameter', parameter, 0x7f],
    ['set selector', setSelector, 0xff],
    ['block selector', blockSelector, 0xff],
  ] as const) {
    if (!Number.isInteger(v) || v < 0 || v > max)
      throw argumentError(`boot option ${what} must be 0..${max}, got ${v}`, {
        command: GET_SYSTEM_BOOT_OPTIONS.name,
      });
  }
  return Uint8Array.of(parameter, setSelector, blockSelector);
}

export function decodeBootOption(data: Uint8Array, host = ''): BootOption {
  requireLength(data, 2, GET_SYSTEM_BOOT_OPTIONS, host);
  return {
    version: data[0]!,
    parameter: data[1]! & 0x7f,
    invalid: (data[1]! & 0x80) !== 0,
    data: Buffer.from(data.subarray(2)),
  };
}

export function encodeSetBootOption(parameter: number, value: Uint8Array, markInvalid = false): Uint8Array {
  if (!Number.isInteger(parameter) || parameter < 0 || parameter > 0x7f)
    throw argumentError(`boot option parameter must be 0..127, got ${parameter}`, {
      command: SET_SYSTEM_BOOT_OPTIONS.name,
    });
  const out = new Uint8Array(1 + value.length);
  out[0] = parameter | (markInvalid ? 0x80 : 0);
  out.set(value, 1);
  return out;
}

export async function getBootOption(
  r: Requester,
  parameter: number,
  setSelector = 0,
  blockSelector = 0,
): Promise<BootOption> {
  const req = encodeGetBootOption(parameter, setSelector, blockSelector);
  return decodeBootOption(await call(r, GET_SYSTEM_BOOT_OPTIONS, req), r.host);
}

export async function setBootOption(
  r: Requester,
  parameter: number,
  value: Uint8Array,
  markInvalid = false,
): Promise<void> {
  await call(r, SET_SYSTEM_BOOT_OPTIONS, encodeSetBootOption(parameter, value, markInvalid));
}

// ---- parameter 0: set in progress (bits 1:0) -----------------------------------------------------
export type SetInProgress = 'set-complete' | 'set-in-progress' | 'commit-write' | 'reserved';
export const SET_IN_PROGRESS_STATES: readonly SetInProgress[] = [
  'set-complete',
  'set-in-progress',
  'commit-write',
  'reserved',
];

export function decodeSetInProgress(value: Uint8Array, host = ''): SetInProgress {
  requireLength(value, 1, GET_SYSTEM_BOOT_OPTIONS, host);
  return SET_IN_PROGRESS_STATES[value[0]! & 3]!;
}

export function encodeSetInProgress(state: Exclude<SetInProgress, 'reserved'>): Uint8Array {
  const i = SET_IN_PROGRESS_STATES.indexOf(state);
  if (i < 0 || i > 2)
    throw argumentError(`unknown set-in-progress state: ${String(state)}`, {
      command: SET_SYSTEM_BOOT_OPTIONS.name,
    });
  return Uint8Array.of(i);
}

// ---- parameter 4: boot info acknowledge ----------------------------------------------------------
/** Who has handled the boot info: byte 2 bits 0-4. */
export interface BootInfoAck {
  biosPost: boolean;
  osLoader: boolean;
  osServicePartition: boolean;
  sms: boolean;
  oem: boolean;
}
const ACK_BITS: readonly (keyof BootInfoAck)[] = ['biosPost', 'osLoader', 'osServicePartition', 'sms', 'oem'];

export function decodeBootInfoAck(value: Uint8Array, host = ''): BootInfoAck {
  requireLength(value, 2, GET_SYSTEM_BOOT_OPTIONS, host);
  const b = value[1]!;
  return Object.fromEntries(ACK_BITS.map((k, i) => [k, (b & (1 << i)) !== 0])) as unknown as BootInfoAck;
}

/** Write mask + values for the given flags. Setting a flag's value to 1 *clears* the acknowledgement
 *  (the spec's wording: "1 = clear the bit"); clients write it before a boot override so the BIOS
 *  sees fresh boot info. */
export function encodeBootInfoAck(which: Partial<BootInfoAck>): Uint8Array {
  let mask = 0;
  ACK_BITS.forEach((k, i) => {
    if (which[k]) mask |= 1 << i;
  });
  return Uint8Array.of(mask, mask);
}
