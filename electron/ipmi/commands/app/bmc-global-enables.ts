// Set / Get BMC Global Enables (IPMI v2.0 §22.1-22.2, NetFn App 0x06, cmds 0x2E / 0x2F). One byte:
// [0] receive message queue interrupt [1] event message buffer full interrupt [2] event message
// buffer [3] system event logging [4] reserved [5..7] OEM 0..2.
import type { Requester } from '../../client/requester';
import { argumentError } from '../../errors';
import { call, requireLength, type CommandSpec } from '../command-spec';

export const SET_BMC_GLOBAL_ENABLES: CommandSpec = { netFn: 0x06, cmd: 0x2e, name: 'Set BMC Global Enables' };
export const GET_BMC_GLOBAL_ENABLES: CommandSpec = { netFn: 0x06, cmd: 0x2f, name: 'Get BMC Global Enables' };

export const GLOBAL_ENABLE_BITS = {
  receiveMessageInterrupt: 0,
  eventBufferFullInterrupt: 1,
  eventMessageBuffer: 2,
  systemEventLogging: 3,
  oem0: 5,
  oem1: 6,
  oem2: 7,
} as const;
export type GlobalEnable = keyof typeof GLOBAL_ENABLE_BITS;
export type GlobalEnables = Record<GlobalEnable, boolean> & { raw: number };

export function decodeGlobalEnables(data: Uint8Array, host = ''): GlobalEnables {
  requireLength(data, 1, GET_BMC_GLOBAL_ENABLES, host);
  const raw = data[0]!;
  const out = { raw } as GlobalEnables;
  for (const [k, n] of Object.entries(GLOBAL_ENABLE_BITS)) out[k as GlobalEnable] = (raw & (1 << n)) !== 0;
  return out;
}

export function encodeGlobalEnables(raw: number): Uint8Array {
  if (!Number.isInteger(raw) || raw < 0 || raw > 0xff)
    throw argumentError(`global enables must be one byte, got ${raw}`, {
      command: SET_BMC_GLOBAL_ENABLES.name,
    });
  return Uint8Array.of(raw);
}

export async function getGlobalEnables(r: Requester): Promise<GlobalEnables> {
  return decodeGlobalEnables(await call(r, GET_BMC_GLOBAL_ENABLES), r.host);
}

/** Writes the whole byte; read first and change only what you mean to (the reserved bit included). */
export async function setGlobalEnables(r: Requester, raw: number): Promise<void> {
  await call(r, SET_BMC_GLOBAL_ENABLES, encodeGlobalEnables(raw));
}
