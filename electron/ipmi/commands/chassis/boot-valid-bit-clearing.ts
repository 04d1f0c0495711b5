// System boot option parameter 3, "boot flag valid bit clearing" (IPMI v2.0 table 28-14): one byte whose
// bits 4:0 each say "don't clear the boot-flags valid bit" on one event, so an override can survive it.
//   [4] reset/power cycle caused by PEF  [3] timeout (60 s after power-up)  [2] watchdog reset
//   [1] push-button / soft reset  [0] power-up via power button or wake event
// Changed read-modify-write inside the set-in-progress bracket, as ipmitool does, so the other bits stay.
import type { Requester } from '../../client/requester';
import { isIpmiError } from '../../errors';
import { requireLength } from '../command-spec';
import {
  BOOT_PARAM,
  GET_SYSTEM_BOOT_OPTIONS,
  encodeBootInfoAck,
  encodeSetInProgress,
  getBootOption,
  setBootOption,
} from './system-boot-options';

export const VALID_BIT_EVENT_MASKS = {
  pef: 0x10,
  timeout: 0x08,
  watchdog: 0x04,
  reset: 0x02,
  power: 0x01,
} as const;
export type ValidBitEvent = keyof typeof VALID_BIT_EVENT_MASKS;
/** true: the valid bit is kept (not cleared) on that event */
export type ValidBitKeepFlags = Record<ValidBitEvent, boolean>;

const EVENTS = Object.keys(VALID_BIT_EVENT_MASKS) as ValidBitEvent[];

export function decodeValidBitClearing(value: Uint8Array, host = ''): ValidBitKeepFlags {
  requireLength(value, 1, GET_SYSTEM_BOOT_OPTIONS, host);
  const b = value[0]!;
  return Object.fromEntries(
    EVENTS.map((k) => [k, (b & VALID_BIT_EVENT_MASKS[k]) !== 0]),
  ) as ValidBitKeepFlags;
}

/** The new byte: `change` says per event whether to keep (true) or clear (false) the valid bit. */
export function applyValidBitChange(current: number, change: Partial<ValidBitKeepFlags>): number {
  let b = current & 0xff;
  for (const k of EVENTS) {
    const v = change[k];
    if (v === true) b |= VALID_BIT_EVENT_MASKS[k];
    else if (v === false) b &= ~VALID_BIT_EVENT_MASKS[k];
  }
  return b & 0xff;
}

/** A refusal (completion code) is tolerated for the bracket steps; no answer at all is not. */
async function tolerated(p: Promise<void>): Promise<boolean> {
  try {
    await p;
    return true;
  } catch (e) {
    if (isIpmiError(e) && (e.kind === 'completion-code' || e.kind === 'privilege')) return false;
    throw e;
  }
}

/**
 * Reads parameter 3, applies `change`, writes it back between set-in-progress and commit/set-complete
 * (BMCs without parameter 0 skip the bracket). A refused read or write of parameter 3 is thrown: its
 * error names Get (cmd 0x09) or Set (cmd 0x08) System Boot Options. Resolves with the byte written.
 */
export async function updateValidBitClearing(
  r: Requester,
  change: Partial<ValidBitKeepFlags>,
): Promise<number> {
  const progress = await tolerated(
    setBootOption(r, BOOT_PARAM.setInProgress, encodeSetInProgress('set-in-progress')),
  );
  try {
    await tolerated(setBootOption(r, BOOT_PARAM.bootInfoAcknowledge, encodeBootInfoAck({ biosPost: true })));
    const cur = await getBootOption(r, BOOT_PARAM.bootFlagValidBitClearing);
    const value = applyValidBitChange(cur.data[0] ?? 0, change);
    await setBootOption(r, BOOT_PARAM.bootFlagValidBitClearing, Uint8Array.of(value));
    if (progress)
      await tolerated(setBootOption(r, BOOT_PARAM.setInProgress, encodeSetInProgress('commit-write')));
    return value;
  } finally {
    if (progress)
      await tolerated(setBootOption(r, BOOT_PARAM.setInProgress, encodeSetInProgress('set-complete'))).catch(
        () => undefined,
      );
  }
}
